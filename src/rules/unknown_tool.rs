//! `unknown-tool` (AF111): Reports tool names that the owning tool does not know: Claude `tools`, `disallowedTools` and `allowed-tools` entries that are neither built-in tools, `mcp__…` names nor `Tool(specifier)` rules; Copilot `tools` entries and body `#tool:<name>` references (outside code) that are neither aliases, namespaced tools nor `server/tool` names. Legacy names are reported with their replacement. Also reports a subagent `tools` list where no entry resolves, subagent `tools` entries Claude Code always removes from subagents (`AskUserQuestion`, …), and `allowed-tools` rules that do not parse as `Tool` or `Tool(specifier)` or use `:*` before the end of a shell rule (`Bash(git:* push)`).

declare_rule! {
    /// ## What it does
    /// Reports tool names that the owning tool does not know: Claude `tools`, `disallowedTools` and `allowed-tools` entries that are neither built-in tools, `mcp__…` names nor `Tool(specifier)` rules; Copilot `tools` entries and body `#tool:<name>` references (outside code) that are neither aliases, namespaced tools nor `server/tool` names. Legacy names are reported with their replacement. Also reports a subagent `tools` list where no entry resolves, subagent `tools` entries Claude Code always removes from subagents (`AskUserQuestion`, …), and `allowed-tools` rules that do not parse as `Tool` or `Tool(specifier)` or use `:*` before the end of a shell rule (`Bash(git:* push)`).
    ///
    /// ## Why is this bad?
    /// Unknown names are ignored silently: the agent runs without the tool, and if no Claude `tools` entry resolves the subagent fails to launch [CC-SUB], [CC-TOOLS], [GH-AGENTS-CFG], [VSC-TOOLS].
    ///
    /// A subagent never gets `AskUserQuestion`, `EndConversation`, `EnterPlanMode`, `ScheduleWakeup`, `TaskOutput`, `WaitForMcpServers` or `Workflow`, nor `ExitPlanMode` unless its `permissionMode` is `plan`, whatever its `tools` says [CC-SUB]. An `allowed-tools` entry with no closing `)` or with text after it is read as a tool name and pre-approves nothing, and `:*` is a wildcard only at the end of a rule: in `Bash(git:* push)` the colon is literal and the rule does not match `git` commands [CC-PERM].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: reviewer
    /// description: Reviews code
    /// tools: Read, Grepp, Bash(git diff *), AskUserQuestion
    /// ---
    /// ```
    ///
    /// ```text
    /// ---
    /// description: Push the branch
    /// allowed-tools: Bash(git:* push), Bash(git status
    /// ---
    /// ```
    pub struct UnknownTool {
        code: "AF111",
        name: "unknown-tool",
        severity: Warning,
    }
}

use super::{Checker, Rule};
use crate::diagnostic::{Severity, did_you_mean};
use crate::document::Node;
use crate::span::Span;
use crate::tools::Kind;

/// Claude Code built-in tool names, 2026-08 [CC-TOOLS].
const CLAUDE_TOOLS: &[&str] = &[
    "Agent",
    "Artifact",
    "AskUserQuestion",
    "Bash",
    "CronCreate",
    "CronDelete",
    "CronList",
    "Edit",
    "EndConversation",
    "EnterPlanMode",
    "EnterWorktree",
    "ExitPlanMode",
    "ExitWorktree",
    "Glob",
    "Grep",
    "ListAgents",
    "ListMcpResourcesTool",
    "LSP",
    "Monitor",
    "NotebookEdit",
    "PowerShell",
    "PushNotification",
    "Read",
    "ReadMcpResourceTool",
    "RemoteTrigger",
    "ReportFindings",
    "ScheduleWakeup",
    "SendMessage",
    "SendUserFile",
    "ShareOnboardingGuide",
    "Skill",
    "TaskCreate",
    "TaskGet",
    "TaskList",
    "TaskOutput",
    "TaskStop",
    "TaskUpdate",
    "TodoWrite",
    "ToolSearch",
    "WaitForMcpServers",
    "WebFetch",
    "WebSearch",
    "Workflow",
    "Write",
];

/// Legacy Claude names and what replaced them [CC-SUB], [CC-PERM], [CC-TOOLS].
const CLAUDE_LEGACY: &[(&str, &str)] = &[
    (
        "Task",
        "`Task` was renamed `Agent` in v2.1.63 (still accepted)",
    ),
    (
        "MultiEdit",
        "`MultiEdit` is legacy: rules on it are never consulted; use `Edit`",
    ),
    (
        "NotebookRead",
        "`NotebookRead` is a legacy name; use `Read`",
    ),
    ("LS", "`LS` is a legacy name; use `Glob` or `Bash`"),
];

/// Built-in tools Claude Code removes from every subagent even when its `tools` lists them,
/// 2026-08 [CC-SUB]. `Agent` is left out: it is removed only at the nesting depth limit.
/// `ExitPlanMode` stays when the subagent's `permissionMode` is `plan`.
const CLAUDE_SUBAGENT_STRIPPED: &[&str] = &[
    "AskUserQuestion",
    "EndConversation",
    "EnterPlanMode",
    "ExitPlanMode",
    "ScheduleWakeup",
    "TaskOutput",
    "WaitForMcpServers",
    "Workflow",
];

/// The tool names a kind's tool lists accept, for completion: Claude Code's built-in tools
/// [CC-TOOLS] for its subagents, skills and slash commands, GitHub's tool aliases
/// [GH-AGENTS-CFG] and VS Code's tool names for Copilot agents and prompt files; empty for the
/// other kinds.
#[must_use]
pub fn tool_names(kind: Kind) -> Vec<&'static str> {
    match kind {
        Kind::ClaudeAgent | Kind::ClaudeSkill | Kind::ClaudeCommand => CLAUDE_TOOLS.to_vec(),
        Kind::CopilotAgent | Kind::CopilotPrompt | Kind::CopilotChatmode => {
            COPILOT_ALIASES.iter().chain(VSCODE_FLAT).copied().collect()
        }
        _ => Vec::new(),
    }
}

/// GitHub tool aliases (case-insensitive) [GH-AGENTS-CFG].
const COPILOT_ALIASES: &[&str] = &[
    "execute",
    "shell",
    "bash",
    "powershell",
    "read",
    "notebookread",
    "edit",
    "multiedit",
    "write",
    "notebookedit",
    "search",
    "grep",
    "glob",
    "agent",
    "custom-agent",
    "task",
    "web",
    "websearch",
    "webfetch",
    "todo",
    "todowrite",
    "*",
];

/// VS Code tool sets and tools that are not namespaced [VSC-TOOLS].
const VSCODE_FLAT: &[&str] = &[
    "read",
    "search",
    "edit",
    "execute",
    "web",
    "agent",
    "browser",
    "vscode",
    "githubRepo",
    "githubTextSearch",
    "todos",
    "newWorkspace",
    "selection",
];

/// Legacy flat VS Code names and their namespaced successors [VSC-LEGACY-TOOLS].
const VSCODE_LEGACY: &[(&str, &str)] = &[
    ("codebase", "search/codebase"),
    ("terminalLastCommand", "read/terminalLastCommand"),
    ("runCommands", "execute"),
    ("fetch", "web/fetch"),
    ("editFiles", "edit/editFiles"),
    ("problems", "read/problems"),
    ("usages", "search/usages"),
    ("changes", "search/changes"),
    ("testFailure", "execute/testFailure"),
    ("vscodeAPI", "vscode/VSCodeAPI"),
    ("terminalSelection", "read/terminalSelection"),
    ("runInTerminal", "execute/runInTerminal"),
    ("runTasks", "execute/createAndRunTask"),
    ("extensions", "vscode/extensions"),
    ("findTestFiles", "search"),
    ("new", "newWorkspace"),
    ("openSimpleBrowser", "browser"),
    ("runNotebooks", "execute/runNotebookCell"),
    ("notebooks", "edit/editNotebook"),
    ("runTests", "execute"),
    ("searchResults", "search"),
];

/// Splits a Claude tool list on top-level commas (and, for `allowed-tools`, spaces), never
/// inside parentheses: `Agent(a, b), Bash(git add *)` → two entries. Returns byte ranges
/// into `s`, trimmed.
pub fn split_tools(s: &str, on_space: bool) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let push = |a: usize, b: usize, out: &mut Vec<std::ops::Range<usize>>| {
        let t = &s[a..b];
        let lead = t.len() - t.trim_start().len();
        let t = t.trim();
        if !t.is_empty() {
            out.push(a + lead..a + lead + t.len());
        }
    };
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth <= 0 => {
                push(start, i, &mut out);
                start = i + 1;
            }
            ' ' | '\t' if depth <= 0 && on_space => {
                push(start, i, &mut out);
                start = i + 1;
            }
            _ => {}
        }
    }
    push(start, s.len(), &mut out);
    out
}

/// The entries of a tool list value with their spans in the file.
fn entries(node: &Node, text: &str, on_space: bool) -> Vec<(String, Span)> {
    match (node.as_str(), node.as_seq()) {
        (Some(s), _) => {
            // Map entries back to the source when the scalar is written verbatim.
            let src = &text[node.span.range()];
            let offset = src.find(s).map(|o| node.span.start as usize + o);
            split_tools(s, on_space)
                .into_iter()
                .map(|r| {
                    let span = offset.map_or(node.span, |o| Span::new(o + r.start, o + r.end));
                    (s[r].to_owned(), span)
                })
                .collect()
        }
        (None, Some(items)) => items
            .iter()
            .filter_map(|n| n.as_str().map(|s| (s.trim().to_owned(), n.span)))
            .collect(),
        _ => Vec::new(),
    }
}

/// The entries of tool list `key` of `doc` with their spans in the file, and the list's node;
/// `claude` selects Claude's reading (a kebab-case `allowed-tools` string without commas is
/// split on spaces). `None` when the key is absent, or for Copilot when the value is raw text
/// a lenient reader kept (`[read, search`): its syntax error is reported already and the
/// entries are unreliable.
#[must_use]
pub fn tool_list<'d>(
    doc: &'d crate::document::Document,
    key: &str,
    claude: bool,
) -> Option<(&'d Node, Vec<(String, Span)>)> {
    let node = doc.get(key)?;
    if matches!(
        node.value,
        crate::document::Value::Str(_, crate::document::Style::Raw)
    ) && !claude
    {
        return None;
    }
    let on_space = claude && key.contains('-') && node.as_str().is_some_and(|s| !s.contains(','));
    Some((node, entries(node, doc.text(), on_space)))
}

/// The tool name of Claude entry `name`: the text before its first `(`.
fn claude_head(name: &str) -> &str {
    name.split('(').next().unwrap_or(name).trim()
}

/// Checks one Claude tool name; returns `false` when it is unknown (neither built-in, legacy,
/// `mcp__…` nor `*`).
fn claude_entry(cx: &mut Checker<'_>, name: &str, span: Span) -> bool {
    let head = claude_head(name);
    if head.starts_with("mcp__") || CLAUDE_TOOLS.contains(&head) || head == "*" {
        return true;
    }
    if let Some((_, why)) = CLAUDE_LEGACY.iter().find(|(n, _)| *n == head) {
        let mut d = UnknownTool::META.diag(span, format!("legacy tool name `{head}`"));
        d.severity = Severity::Info;
        cx.report(d.with_help(*why));
        return true;
    }
    let mut d = UnknownTool::META.diag(span, format!("unknown Claude Code tool `{head}`"));
    if let Some(s) = did_you_mean(head, CLAUDE_TOOLS) {
        d = d.with_help(format!("did you mean `{s}`?"));
    } else {
        d = d.with_help("use a built-in tool name (`Read`, `Bash`, …), `mcp__server__tool` or `Tool(specifier)`");
    }
    cx.report(d);
    false
}

/// Reports subagent `tools` entry `name` when Claude Code removes that tool from every
/// subagent [CC-SUB]. `plan_mode`: the subagent's `permissionMode` is `plan`.
fn stripped_entry(cx: &mut Checker<'_>, name: &str, span: Span, plan_mode: bool) {
    let head = claude_head(name);
    if !CLAUDE_SUBAGENT_STRIPPED.contains(&head) || (head == "ExitPlanMode" && plan_mode) {
        return;
    }
    let help = if head == "ExitPlanMode" {
        "remove it, or set `permissionMode: plan`: only plan-mode subagents keep it [CC-SUB]"
    } else {
        "remove it: only the main conversation can use it [CC-SUB]"
    };
    cx.report(
        UnknownTool::META
            .diag(
                span,
                format!("`{head}` is not available to subagents: Claude Code removes it even when `tools` lists it"),
            )
            .with_help(help),
    );
}

/// The byte offsets of the unescaped `c` in `s` (a `\` escapes the next character; how Claude
/// Code escapes inside a rule is not documented: an inference, kept conservative).
/// One forward pass, linear in the length of `s`.
fn unescaped(s: &str, c: char) -> impl Iterator<Item = usize> + '_ {
    let mut escaped = false;
    s.char_indices().filter_map(move |(i, x)| {
        let hit = !escaped && x == c;
        escaped = !escaped && x == '\\';
        hit.then_some(i)
    })
}

/// Whether the unescaped parentheses of `s` nest properly.
fn balanced(s: &str) -> bool {
    let (mut depth, mut escaped) = (0i32, false);
    for c in s.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '(' => depth += 1,
            ')' if depth == 0 => return false,
            ')' => depth -= 1,
            _ => {}
        }
    }
    depth == 0
}

/// Checks that `allowed-tools` entry `name` is a permission rule Claude Code can read
/// [CC-PERM]: `Tool` or `Tool(specifier)`, the specifier running from the first unescaped `(`
/// to the last unescaped `)`, which must end the entry (parentheses inside are literal);
/// otherwise the entry matches no tool (how Claude Code reads a malformed entry is not
/// documented: that it pre-approves nothing is an inference from the syntax). In a
/// `Bash`/`PowerShell` rule
/// `:*` is a wildcard only at the end (= a trailing ` *`); elsewhere the colon is literal, so
/// `Bash(git:* push)` does not match `git` commands.
/// Entries with quotes after the `(` are left alone: how the list splits around a quoted `)`
/// is not documented. Returns `true` when it reported the entry.
fn rule_syntax(cx: &mut Checker<'_>, name: &str, span: Span) -> bool {
    let Some((message, help)) = permission_rule_problem(name) else {
        return false;
    };
    let mut d = UnknownTool::META.diag(span, message);
    d.severity = Severity::Error;
    cx.report(d.with_help(help));
    true
}

/// What is wrong with `allowed-tools` entry `name` as a Claude Code permission rule (see
/// `rule_syntax`), as a message and a help text; `None` when it reads as meant or when its
/// extent is uncertain. The converter drops entries this rejects.
#[must_use]
pub fn permission_rule_problem(name: &str) -> Option<(String, String)> {
    let open = unescaped(name, '(').next()?;
    if name[open..].contains(['"', '\'', '`']) {
        return None;
    }
    let close = unescaped(name, ')').last().filter(|&c| c > open);
    // With unbalanced parentheses a list splitter counting depth and one tracking "inside
    // parentheses" cut a list at different commas: this entry's extent is uncertain.
    let uncertain = !balanced(name) && name.contains([',', ' ', '\t']);
    let (message, help) = if open == 0 {
        (
            format!("`{name}` has no tool name before `(`"),
            "a rule is `Tool` or `Tool(specifier)`, e.g. `Bash(git diff *)` [CC-PERM]".to_owned(),
        )
    } else if close.is_none() {
        (
            format!("`{name}` has no closing `)`"),
            "Claude Code reads the whole entry as a tool name, so it pre-approves nothing; close the specifier with `)` [CC-PERM]".to_owned(),
        )
    } else if uncertain {
        return None;
    } else if close != Some(name.len() - 1) {
        (
            format!("`{name}` has text after its closing `)`"),
            "a rule is `Tool` or `Tool(specifier)` with nothing after the `)`; Claude Code reads this entry as a tool name, so it pre-approves nothing [CC-PERM]".to_owned(),
        )
    } else {
        let head = name[..open].trim();
        let spec = &name[open + 1..name.len() - 1];
        // Only the documented shape, the prefix form followed by more words (`git:* push`): a
        // `:*` inside an argument (`img:*-alpine`, `test:* --watch`) may mean a literal colon.
        let (program, rest) = spec
            .trim_start()
            .split_once(char::is_whitespace)
            .and_then(|(first, rest)| Some((first.strip_suffix(":*")?, rest.trim())))?;
        if !matches!(head, "Bash" | "PowerShell") || program.is_empty() || rest.is_empty() {
            return None;
        }
        (
            format!(
                "`:*` is a wildcard only at the end of a rule: in `{name}` the colon is literal"
            ),
            format!(
                "the rule does not match `{program}` commands; write `{head}({program} * {rest})` [CC-PERM]"
            ),
        )
    };
    Some((message, help))
}

/// Checks one Copilot tool name; returns its successor when it is a legacy flat name.
fn copilot_entry(cx: &mut Checker<'_>, name: &str, span: Span) -> Option<&'static str> {
    if name.contains('/')
        || COPILOT_ALIASES.contains(&name.to_ascii_lowercase().as_str())
        || VSCODE_FLAT.contains(&name)
    {
        return None;
    }
    if let Some((_, new)) = VSCODE_LEGACY.iter().find(|(n, _)| *n == name) {
        return Some(new);
    }
    // MCP servers and extension tools can have any flat name; only near misses are reported.
    let known: Vec<&str> = COPILOT_ALIASES.iter().chain(VSCODE_FLAT).copied().collect();
    if let Some(s) = did_you_mean(name, &known) {
        cx.report(
            UnknownTool::META
                .diag(span, format!("unknown Copilot tool `{name}`"))
                .with_help(format!(
                    "did you mean `{s}`? unknown tool names are ignored"
                )),
        );
    }
    None
}

/// `#tool:<name>` references in a Copilot body, outside code, as byte ranges of the name
/// [VSC-INSTR], [VSC-PROMPTS].
#[must_use]
pub fn references(body: &str) -> Vec<std::ops::Range<usize>> {
    if !body.contains("#tool:") {
        return Vec::new();
    }
    let code = super::prose::code(body);
    body.match_indices("#tool:")
        .filter(|(at, _)| !super::prose::in_code(&code, *at))
        .filter_map(|(at, m)| {
            let start = at + m.len();
            let len = body[start..]
                .find(|c: char| {
                    !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/' | '*'))
                })
                .unwrap_or(body.len() - start);
            let name = body[start..start + len].trim_end_matches('.');
            (!name.is_empty()).then(|| start..start + name.len())
        })
        .collect()
}

/// Checks the `#tool:` references of a Copilot body: legacy names with their successor,
/// near misses of known names.
fn tool_references(cx: &mut Checker<'_>) {
    let doc = cx.doc;
    let base = doc.body.start as usize;
    for r in references(doc.body_text()) {
        let name = &doc.body_text()[r.clone()];
        let span = Span::new(base + r.start, base + r.end);
        if let Some(new) = copilot_entry(cx, name, span) {
            let mut d = UnknownTool::META.diag(span, format!("legacy tool name `{name}`"));
            d.severity = Severity::Info;
            cx.report(d.with_help(format!(
                "old names still resolve for now; write `#tool:{new}` [VSC-LEGACY-TOOLS]"
            )));
        }
    }
}

impl Rule for UnknownTool {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.doc;
        if matches!(
            doc.kind,
            Kind::CopilotAgent
                | Kind::CopilotPrompt
                | Kind::CopilotChatmode
                | Kind::CopilotInstructions
                | Kind::CopilotScopedInstructions
        ) {
            tool_references(cx);
        }
        let (keys, claude): (&[&str], bool) = match doc.kind {
            Kind::ClaudeAgent => (&["tools", "disallowedTools"], true),
            Kind::ClaudeSkill | Kind::ClaudeCommand => {
                (&["allowed-tools", "disallowed-tools"], true)
            }
            Kind::CopilotAgent | Kind::CopilotPrompt | Kind::CopilotChatmode => (&["tools"], false),
            _ => return,
        };
        let plan_mode = doc.get("permissionMode").and_then(Node::as_str) == Some("plan");
        // An agent with `initialPrompt` is meant to run as the main session (`claude --agent`),
        // where every tool is available [CC-SUB].
        let main_session = doc.get("initialPrompt").is_some();
        for key in keys {
            let Some((node, list)) = tool_list(doc, key, claude) else {
                continue;
            };
            let subagent_tools = doc.kind == Kind::ClaudeAgent && *key == "tools";
            let (count, mut unknown) = (list.len(), 0);
            let mut legacy = Vec::new();
            for (name, span) in list {
                if !claude {
                    if let Some(new) = copilot_entry(cx, &name, span) {
                        legacy.push(format!("`{name}` → `{new}`"));
                    }
                    continue;
                }
                // A malformed rule is read as a tool name: its head says nothing.
                if *key == "allowed-tools" && rule_syntax(cx, &name, span) {
                    continue;
                }
                if !claude_entry(cx, &name, span) {
                    unknown += 1;
                }
                if subagent_tools && !main_session {
                    stripped_entry(cx, &name, span, plan_mode);
                }
            }
            // If no entry resolves to a tool the subagent fails to launch [CC-SUB].
            // A value a lenient reader kept after a YAML error splits unreliably.
            let raw = matches!(
                node.value,
                crate::document::Value::Str(_, crate::document::Style::Raw)
            );
            if subagent_tools && !raw && count > 0 && unknown == count {
                // A block sequence's span runs to the next line; point at the items only.
                let value = &doc.text()[node.span.range()];
                let end = node.span.start as usize + value.trim_end().len();
                let mut d = Self::META
                    .diag(
                        Span::new(node.span.start as usize, end),
                        "no `tools` entry names a tool Claude Code knows: the subagent fails to launch"
                            .to_owned(),
                    )
                    .with_help("list built-in tools (`Read`, `Grep`, …) or `mcp__server__tool` names, or remove `tools` to inherit every tool [CC-SUB]");
                d.severity = Severity::Error;
                cx.report(d);
            }
            // One diagnostic per list: 2025 files use many legacy names at once.
            if !legacy.is_empty() {
                cx.report(
                    Self::META
                        .diag(
                            node.span,
                            match legacy.len() {
                                1 => format!("`{key}` uses a legacy VS Code tool name"),
                                n => format!("`{key}` uses {n} legacy VS Code tool names"),
                            },
                        )
                        .with_help(format!(
                            "old names still resolve for now; rename {} [VSC-LEGACY-TOOLS]",
                            legacy.join(", ")
                        )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::split_tools;
    use crate::diagnostic::Severity;
    use crate::rules::tests::check;

    /// `(span text, severity, message)` of each `unknown-tool` diagnostic of `t` at `path`.
    fn found<'t>(t: &'t str, path: &str) -> Vec<(&'t str, Severity, String)> {
        check(t, path, "unknown-tool")
            .into_iter()
            .map(|d| (&t[d.span.range()], d.severity, d.message))
            .collect()
    }

    #[test]
    fn reports_tools_stripped_from_subagents() {
        let t = "---\nname: a\ndescription: d\ntools: Read, AskUserQuestion, ExitPlanMode, Workflow, Agent\ndisallowedTools: EnterPlanMode\n---\nx\n";
        let d = found(t, ".claude/agents/a.md");
        let spans: Vec<(&str, Severity)> = d.iter().map(|(s, sev, _)| (*s, *sev)).collect();
        assert_eq!(
            spans,
            [
                ("AskUserQuestion", Severity::Warning),
                ("ExitPlanMode", Severity::Warning),
                ("Workflow", Severity::Warning),
            ]
        );
        assert_eq!(
            d[0].2,
            "`AskUserQuestion` is not available to subagents: Claude Code removes it even when `tools` lists it"
        );
        // A plan-mode subagent keeps `ExitPlanMode`; the YAML-list form is read the same way.
        let t = "---\nname: a\ndescription: d\npermissionMode: plan\ntools:\n  - ExitPlanMode\n  - TaskOutput\n---\nx\n";
        let d = found(t, ".claude/agents/a.md");
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].0, d[0].1), ("TaskOutput", Severity::Warning));
        // An agent meant as the main session (`initialPrompt`) keeps every tool.
        let t = "---\nname: a\ndescription: d\ninitialPrompt: Start\ntools: Read, AskUserQuestion\n---\nx\n";
        assert!(found(t, ".claude/agents/a.md").is_empty());
        // Skills and commands are not subagents.
        let t = "---\ndescription: d\nallowed-tools: AskUserQuestion, Read\n---\nx\n";
        assert!(found(t, ".claude/commands/a.md").is_empty());
        assert!(found(t, ".claude/skills/a/SKILL.md").is_empty());
    }

    #[test]
    fn reports_a_tools_list_where_nothing_resolves() {
        let t = "---\nname: a\ndescription: d\ntools: Grepp, Reed\n---\nx\n";
        let d = found(t, ".claude/agents/a.md");
        let spans: Vec<(&str, Severity)> = d.iter().map(|(s, sev, _)| (*s, *sev)).collect();
        assert_eq!(
            spans,
            [
                ("Grepp", Severity::Warning),
                ("Reed", Severity::Warning),
                ("Grepp, Reed", Severity::Error),
            ]
        );
        assert_eq!(
            d[2].2,
            "no `tools` entry names a tool Claude Code knows: the subagent fails to launch"
        );
        let t = "---\nname: a\ndescription: d\ntools:\n  - Grepp\n---\nx\n";
        let d = found(t, ".claude/agents/a.md");
        assert_eq!(d.len(), 2);
        assert_eq!((d[1].0, d[1].1), ("- Grepp", Severity::Error));
        // One entry that resolves (built-in, MCP, `Agent(…)`, legacy `Task`) is enough.
        for ok in [
            "Grepp, Read",
            "Grepp, mcp__gh__pr",
            "Grepp, Agent(worker)",
            "Task",
            "Grepp, *",
        ] {
            let t = format!("---\nname: a\ndescription: d\ntools: {ok}\n---\nx\n");
            let d = check(&t, ".claude/agents/a.md", "unknown-tool");
            assert!(
                d.iter().all(|d| d.severity != Severity::Error),
                "{ok}: {d:?}"
            );
        }
        // Empty lists, `disallowedTools` and commands do not launch a subagent.
        for (t, path) in [
            (
                "---\nname: a\ndescription: d\ntools: []\n---\nx\n",
                ".claude/agents/a.md",
            ),
            (
                "---\nname: a\ndescription: d\ndisallowedTools: Grepp\n---\nx\n",
                ".claude/agents/a.md",
            ),
            // Kept raw after a YAML error (reported as such): its entries are unreliable.
            (
                "---\nname: a\ndescription: d\ntools: [Grepp, Reed\n---\nx\n",
                ".claude/agents/a.md",
            ),
            (
                "---\ndescription: d\nallowed-tools: Grepp\n---\nx\n",
                ".claude/commands/a.md",
            ),
        ] {
            let d = check(t, path, "unknown-tool");
            assert!(
                d.iter().all(|d| d.severity != Severity::Error),
                "{t}: {d:?}"
            );
        }
    }

    #[test]
    fn reports_malformed_permission_rules() {
        let t = "---\ndescription: d\nallowed-tools: Bash(git status)x, (ls), Bash(git:* push), PowerShell(Get-ChildItem:* -Force), Read\n---\nx\n";
        let d = check(t, ".claude/commands/a.md", "unknown-tool");
        let got: Vec<(&str, Severity, &str, &str)> = d
            .iter()
            .map(|d| {
                let help = d.help.as_deref().unwrap_or("");
                (&t[d.span.range()], d.severity, d.message.as_str(), help)
            })
            .collect();
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got.iter().all(|g| g.1 == Severity::Error));
        assert_eq!(
            (got[0].0, got[0].2),
            (
                "Bash(git status)x",
                "`Bash(git status)x` has text after its closing `)`"
            )
        );
        assert_eq!(
            (got[1].0, got[1].2),
            ("(ls)", "`(ls)` has no tool name before `(`")
        );
        assert_eq!(
            (got[2].0, got[2].2),
            (
                "Bash(git:* push)",
                "`:*` is a wildcard only at the end of a rule: in `Bash(git:* push)` the colon is literal"
            )
        );
        assert_eq!(
            got[2].3,
            "the rule does not match `git` commands; write `Bash(git * push)` [CC-PERM]"
        );
        assert_eq!(got[3].0, "PowerShell(Get-ChildItem:* -Force)");
        assert!(
            got[3]
                .3
                .contains("write `PowerShell(Get-ChildItem * -Force)`")
        );

        // Space-separated; an unclosed `(` swallows the rest of the list.
        for (rules, entry) in [
            ("Read Bash(git commit", "Bash(git commit"),
            ("Bash(git add, Read", "Bash(git add, Read"),
        ] {
            let t = format!("---\ndescription: d\nallowed-tools: {rules}\n---\nx\n");
            let d = check(&t, ".claude/skills/a/SKILL.md", "unknown-tool");
            assert_eq!(d.len(), 1, "{rules}: {d:?}");
            assert_eq!(&t[d[0].span.range()], entry);
            assert_eq!(d[0].message, format!("`{entry}` has no closing `)`"));
            assert_eq!(d[0].severity, Severity::Error);
            assert_eq!(
                d[0].help.as_deref(),
                Some(
                    "Claude Code reads the whole entry as a tool name, so it pre-approves nothing; close the specifier with `)` [CC-PERM]"
                )
            );
        }
    }

    #[test]
    fn accepts_valid_permission_rules() {
        for rules in [
            "Bash(npm run test:*), Bash(git push:*)",
            "Bash(git * push), Bash(npm run *)",
            "mcp__server__tool, mcp__github",
            "Read(./src/**), Edit(/src/**)",
            "WebFetch(domain:example.com), WebSearch",
            "Agent(worker, researcher)",
            // Parentheses inside the specifier are literal [CC-PERM].
            "Bash(python -c print(1))",
            "Bash(echo \"a)b\")",
            // Quotes: how the list splits around a quoted `)` is not documented.
            "Bash(echo \")\" done), Read",
            // Unbalanced: where the list is cut depends on the splitter.
            "Bash(echo (x), Read",
            "Bash(git add, Bash(git:* push)",
            "Bash(echo 'a:* b')",
            // Escaped parentheses.
            "Bash(echo \\( x)",
            // `:*` in other tools' specifiers is not the shell prefix form.
            "Skill(deploy:* now), WebFetch(domain:*.example.com)",
            "Bash(git add:* )",
            // A `:*` inside an argument may mean a literal colon.
            "Bash(docker pull img:*-alpine), Bash(npm run test:* --watch), Bash(ls a:*b)",
        ] {
            let t = format!("---\ndescription: d\nallowed-tools: {rules}\n---\nx\n");
            let d = check(&t, ".claude/commands/a.md", "unknown-tool");
            assert!(d.is_empty(), "{rules}: {d:?}");
        }
        let t = "---\ndescription: d\nallowed-tools:\n  - Bash(npm run test:*)\n  - \"Bash(echo \\\"a)b\\\")\"\n---\nx\n";
        assert!(check(t, ".claude/skills/a/SKILL.md", "unknown-tool").is_empty());
        // Subagent lists and `disallowed-tools` are not read as permission rules here.
        let t = "---\nname: a\ndescription: d\ntools: Read, Bash(git:* push)\n---\nx\n";
        assert!(check(t, ".claude/agents/a.md", "unknown-tool").is_empty());
    }

    #[test]
    fn splits_outside_parentheses() {
        let s = "Agent(worker, researcher), Read";
        let parts: Vec<&str> = split_tools(s, false).into_iter().map(|r| &s[r]).collect();
        assert_eq!(parts, ["Agent(worker, researcher)", "Read"]);
        let s = "Bash(git add *) Bash(git commit *)";
        assert_eq!(split_tools(s, true).len(), 2);
    }

    #[test]
    fn checks_tool_references_in_copilot_bodies() {
        let t = "---\napplyTo: '**'\n---\nUse #tool:search/codebase, #tool:codebase and #tool:exectue.\n`#tool:nope` is code.\n";
        let d = check(t, ".github/instructions/a.instructions.md", "unknown-tool");
        let spans: Vec<&str> = d.iter().map(|d| &t[d.span.range()]).collect();
        assert_eq!(spans, ["codebase", "exectue"]);
        assert!(
            d[0].help
                .as_deref()
                .unwrap()
                .contains("#tool:search/codebase")
        );
        assert!(d[1].help.as_deref().unwrap().contains("execute"));
        assert!(check(t, ".claude/commands/a.md", "unknown-tool").is_empty());
    }

    #[test]
    fn reports_unknown_and_legacy_names() {
        let t = "---\nname: a\ndescription: d\ntools: Read, Grepp, Bash(git diff *), mcp__gh__pr\n---\nx\n";
        let d = check(t, ".claude/agents/a.md", "unknown-tool");
        assert_eq!(d.len(), 1);
        assert_eq!(&t[d[0].span.range()], "Grepp");
        let d = check(
            "---\ntools: ['codebase', 'github/*']\n---\nx\n",
            ".github/prompts/a.prompt.md",
            "unknown-tool",
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].help.as_deref().unwrap().contains("search/codebase"));
    }

    #[test]
    fn escapes_are_read_in_one_pass() {
        let s = "a\\(b\\\\(c";
        assert_eq!(
            super::unescaped(s, '(').collect::<Vec<_>>(),
            [s.rfind('(').unwrap()]
        );
        // A long run of backslashes takes linear time (it was quadratic).
        let long = "\\".repeat(200_000) + "(";
        assert_eq!(super::unescaped(&long, '(').count(), 1);
    }
}
