//! `unknown-tool` (AF111): Reports tool names that the owning tool does not know: Claude `tools`, `disallowedTools` and `allowed-tools` entries that are neither built-in tools, `mcp__…` names nor `Tool(specifier)` rules; Copilot `tools` entries and body `#tool:<name>` references (outside code) that are neither aliases, namespaced tools nor `server/tool` names. Legacy names are reported with their replacement.

declare_rule! {
    /// ## What it does
    /// Reports tool names that the owning tool does not know: Claude `tools`, `disallowedTools` and `allowed-tools` entries that are neither built-in tools, `mcp__…` names nor `Tool(specifier)` rules; Copilot `tools` entries and body `#tool:<name>` references (outside code) that are neither aliases, namespaced tools nor `server/tool` names. Legacy names are reported with their replacement.
    ///
    /// ## Why is this bad?
    /// Unknown names are ignored silently: the agent runs without the tool, and if no Claude `tools` entry resolves the subagent fails to launch [CC-SUB], [CC-TOOLS], [GH-AGENTS-CFG], [VSC-TOOLS].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: reviewer
    /// description: Reviews code
    /// tools: Read, Grepp, Bash(git diff *)
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
use crate::kind::Kind;
use crate::span::Span;

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

fn claude_entry(cx: &mut Checker<'_>, name: &str, span: Span) {
    let head = name.split('(').next().unwrap_or(name).trim();
    if head.starts_with("mcp__") || CLAUDE_TOOLS.contains(&head) || head == "*" {
        return;
    }
    if let Some((_, why)) = CLAUDE_LEGACY.iter().find(|(n, _)| *n == head) {
        let mut d = UnknownTool::META.diag(span, format!("legacy tool name `{head}`"));
        d.severity = Severity::Info;
        cx.report(d.with_help(*why));
        return;
    }
    let mut d = UnknownTool::META.diag(span, format!("unknown Claude Code tool `{head}`"));
    if let Some(s) = did_you_mean(head, CLAUDE_TOOLS) {
        d = d.with_help(format!("did you mean `{s}`?"));
    } else {
        d = d.with_help("use a built-in tool name (`Read`, `Bash`, …), `mcp__server__tool` or `Tool(specifier)`");
    }
    cx.report(d);
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
        for key in keys {
            let Some((node, list)) = tool_list(doc, key, claude) else {
                continue;
            };
            let mut legacy = Vec::new();
            for (name, span) in list {
                if claude {
                    claude_entry(cx, &name, span);
                } else if let Some(new) = copilot_entry(cx, &name, span) {
                    legacy.push(format!("`{name}` → `{new}`"));
                }
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
    use crate::rules::tests::check;

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
}
