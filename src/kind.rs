//! DETECT: the kind of an agent file (a tool's file format, e.g. a Claude Code subagent), from
//! its path, or inferred from its front matter when the path says nothing.
//!
//! Paths follow `../shared/formats.md` §1–5.

use serde::Serialize;

macro_rules! kinds {
    ($( $variant:ident = $id:literal, $tool:literal, $what:literal; )+) => {
        /// A kind of agent file: a (tool, file kind) pair.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum Kind { $( #[doc = $what] $variant, )+ }

        impl Kind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),+];

            /// The kebab-case id used on the command line, in schemas and in output.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$variant => $id,)+ }
            }

            /// The tool that owns this kind.
            #[must_use]
            pub fn tool(self) -> Tool {
                match self { $(Kind::$variant => $tool.parse().expect("known tool"),)+ }
            }

            /// A one-line description (`Claude Code subagent`).
            #[must_use]
            pub fn describe(self) -> &'static str {
                match self { $(Kind::$variant => $what,)+ }
            }
        }
    };
}

kinds! {
    ClaudeAgent = "claude-agent", "claude", "Claude Code subagent (`.claude/agents/*.md`)";
    ClaudeCommand = "claude-command", "claude", "Claude Code slash command (`.claude/commands/*.md`)";
    ClaudeSkill = "claude-skill", "claude", "Agent Skill (`skills/<name>/SKILL.md`)";
    ClaudeMd = "claude-md", "claude", "Claude Code memory file (`CLAUDE.md`)";
    ClaudeRule = "claude-rule", "claude", "Claude Code rule (`.claude/rules/*.md`)";
    CursorMdc = "cursor-mdc", "cursor", "Cursor project rule (`.cursor/rules/*.mdc`)";
    Cursorrules = "cursorrules", "cursor", "legacy Cursor rules file (`.cursorrules`)";
    CursorAgent = "cursor-agent", "cursor", "Cursor subagent (`.cursor/agents/*.md`)";
    CursorCommand = "cursor-command", "cursor", "Cursor command (`.cursor/commands/*.md`)";
    CopilotInstructions = "copilot-instructions", "copilot", "Copilot repository instructions (`.github/copilot-instructions.md`)";
    CopilotScopedInstructions = "copilot-scoped-instructions", "copilot", "Copilot path-specific instructions (`*.instructions.md`)";
    CopilotPrompt = "copilot-prompt", "copilot", "Copilot prompt file (`*.prompt.md`)";
    CopilotChatmode = "copilot-chatmode", "copilot", "legacy Copilot chat mode (`*.chatmode.md`)";
    CopilotAgent = "copilot-agent", "copilot", "Copilot custom agent (`.github/agents/*.agent.md`)";
    AgentsMd = "agents-md", "agents-md", "AGENTS.md instructions";
    GeminiMd = "gemini-md", "gemini", "Gemini CLI context file (`GEMINI.md`)";
    GeminiCommand = "gemini-command", "gemini", "Gemini CLI custom command (`.gemini/commands/*.toml`)";
    GeminiAgent = "gemini-agent", "gemini", "Gemini CLI subagent (`.gemini/agents/*.md`)";
    CodexAgent = "codex-agent", "codex", "Codex custom agent (`.codex/agents/*.toml`)";
    OpencodeAgent = "opencode-agent", "opencode", "OpenCode agent (`.opencode/agent/*.md`)";
    OpencodeCommand = "opencode-command", "opencode", "OpenCode command (`.opencode/command/*.md`)";
    WindsurfRule = "windsurf-rule", "windsurf", "Windsurf rule (`.windsurf/rules/*.md`, `.windsurfrules`)";
    KiroSteering = "kiro-steering", "kiro", "Kiro steering file (`.kiro/steering/*.md`)";
}

/// A tool that reads agent files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tool {
    /// Claude Code.
    Claude,
    /// Cursor.
    Cursor,
    /// GitHub Copilot (VS Code and GitHub.com).
    Copilot,
    /// The open AGENTS.md format (Codex, Copilot, Cursor, ... read it).
    AgentsMd,
    /// Gemini CLI.
    Gemini,
    /// OpenCode.
    Opencode,
    /// Windsurf.
    Windsurf,
    /// Kiro.
    Kiro,
    /// OpenAI Codex.
    Codex,
}

impl std::str::FromStr for Tool {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Ok(match s {
            "claude" => Self::Claude,
            "cursor" => Self::Cursor,
            "copilot" => Self::Copilot,
            "agents-md" => Self::AgentsMd,
            "gemini" => Self::Gemini,
            "opencode" => Self::Opencode,
            "windsurf" => Self::Windsurf,
            "kiro" => Self::Kiro,
            "codex" => Self::Codex,
            _ => return Err(()),
        })
    }
}

impl std::str::FromStr for Kind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Kind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str() == s)
            .ok_or(())
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the owning tool reads the front matter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// Strict YAML (Copilot, OpenCode, Kiro, ...).
    Yaml,
    /// Claude Code: YAML, but unquoted descriptions with `: ` and `<example>` blocks are read
    /// as plain text (formats.md §0, issue #2).
    ClaudeLenient,
    /// Cursor `.mdc`: `key: value` lines, `globs` taken as raw text (formats.md §0 [CUR-RULES]).
    CursorRaw,
    /// No front matter expected (TOML or plain markdown files).
    None,
}

impl Kind {
    /// The front-matter dialect of the owning tool.
    #[must_use]
    pub fn dialect(self) -> Dialect {
        match self {
            Kind::ClaudeAgent | Kind::ClaudeCommand | Kind::ClaudeSkill | Kind::ClaudeRule => {
                Dialect::ClaudeLenient
            }
            Kind::CursorMdc | Kind::Cursorrules => Dialect::CursorRaw,
            Kind::GeminiCommand | Kind::CodexAgent => Dialect::None,
            _ => Dialect::Yaml,
        }
    }

    /// Whether the file is TOML (Gemini CLI commands, Codex custom agents) rather than
    /// markdown.
    #[must_use]
    pub fn is_toml(self) -> bool {
        matches!(self, Kind::GeminiCommand | Kind::CodexAgent)
    }

    /// The key that holds the prompt of a TOML kind (`prompt` for Gemini CLI commands
    /// [GEM-CMDS], `developer_instructions` for Codex custom agents [CODEX-SUB]); `None` for
    /// markdown kinds, whose prompt is the body.
    #[must_use]
    pub fn prompt_key(self) -> Option<&'static str> {
        match self {
            Kind::GeminiCommand => Some("prompt"),
            Kind::CodexAgent => Some("developer_instructions"),
            _ => None,
        }
    }

    /// Whether the kind is plain markdown with no front matter by specification.
    #[must_use]
    pub fn expects_no_front_matter(self) -> bool {
        matches!(
            self,
            Kind::AgentsMd
                | Kind::ClaudeMd
                | Kind::GeminiMd
                | Kind::Cursorrules
                | Kind::CopilotInstructions
        )
    }
}

/// Detects the kind of a file from its (logical) path alone, or `None` when the path says
/// nothing. `path` may use `/` or `\` separators and be relative or absolute.
#[must_use]
pub fn detect(path: &str) -> Option<Kind> {
    let norm = path.replace('\\', "/");
    let parts: Vec<&str> = norm
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let file = *parts.last()?;
    let lower = file.to_ascii_lowercase();
    let dirs = &parts[..parts.len() - 1];
    let parent = dirs.last().copied().unwrap_or("");

    // 1. The file name alone decides.
    if file == "SKILL.md" || lower == "skill.md" {
        return Some(Kind::ClaudeSkill);
    }
    match lower.as_str() {
        // `AGENTS.md` is read in any directory [AGENTSMD] (and as `agents.md` on
        // case-insensitive file systems). The legacy `AGENT.md` inside a tool's own directory
        // is that tool's file: Claude Code loads every `.md` under `.claude/agents/` as a
        // subagent [CC-SUB].
        "agent.md" => return Some(strong_dir(dirs).unwrap_or(Kind::AgentsMd)),
        "agents.md" | "agents.override.md" => return Some(Kind::AgentsMd),
        "claude.md" | "claude.local.md" => return Some(Kind::ClaudeMd),
        "gemini.md" => return Some(Kind::GeminiMd),
        "copilot-instructions.md" => return Some(Kind::CopilotInstructions),
        ".cursorrules" => return Some(Kind::Cursorrules),
        ".windsurfrules" => return Some(Kind::WindsurfRule),
        _ => {}
    }
    if lower.ends_with(".cursorrules") {
        return Some(Kind::Cursorrules);
    }
    if lower.ends_with(".windsurfrules") {
        return Some(Kind::WindsurfRule);
    }
    if lower.ends_with(".mdc") {
        return Some(Kind::CursorMdc);
    }
    if lower.ends_with(".instructions.md") {
        return Some(Kind::CopilotScopedInstructions);
    }
    if lower.ends_with(".prompt.md") {
        return Some(Kind::CopilotPrompt);
    }
    if lower.ends_with(".chatmode.md") {
        return Some(Kind::CopilotChatmode);
    }
    if lower.ends_with(".agent.md") {
        return Some(Kind::CopilotAgent);
    }
    if lower.ends_with(".toml") {
        // `.codex/agents/N.toml` [CODEX-SUB]; `.gemini/commands/**/N.toml` [GEM-CMDS].
        if dirs.windows(2).any(|w| w == [".codex", "agents"]) {
            return Some(Kind::CodexAgent);
        }
        return (dirs.contains(&"commands")).then_some(Kind::GeminiCommand);
    }
    if !lower.ends_with(".md") {
        return None;
    }

    // 2. A tool's own directory decides. VS Code reads only `*.prompt.md` and
    // `*.instructions.md` in its folders [VSC-PROMPTS], [VSC-INSTR]: another `.md` there is
    // detected so that `invalid-file-name` can say so, except a README, which documents them.
    if let Some(kind) = strong_dir(dirs) {
        let docs = matches!(kind, Kind::CopilotPrompt | Kind::CopilotScopedInstructions)
            && lower == "readme.md";
        return (!docs).then_some(kind);
    }
    // A `.md` file in `.cursor/rules` is meant as a rule but is ignored by Cursor, which reads
    // only `.mdc` there [CUR-RULES]: detected so that `invalid-file-name` can say so. A README
    // there documents the rules.
    if dirs.windows(2).any(|w| w == [".cursor", "rules"]) && lower != "readme.md" {
        return Some(Kind::CursorMdc);
    }

    // 3. Conventional collection directories (plugins, rule collections).
    if dirs.contains(&"agents") {
        return Some(Kind::ClaudeAgent);
    }
    if dirs.contains(&"commands") {
        return Some(Kind::ClaudeCommand);
    }
    match parent {
        "command" => Some(Kind::OpencodeCommand),
        "chatmodes" => Some(Kind::CopilotChatmode),
        "steering" => Some(Kind::KiroSteering),
        _ => None,
    }
}

/// The kind a tool's own directory gives a `.md` file (`.claude/agents/` → Claude subagent),
/// from the innermost matching pair of directories in `dirs` (the path's directories, outermost
/// first); `None` outside every tool directory.
fn strong_dir(dirs: &[&str]) -> Option<Kind> {
    let strong: &[(&str, &str, Kind)] = &[
        (".claude", "agents", Kind::ClaudeAgent),
        (".claude", "commands", Kind::ClaudeCommand),
        (".claude", "rules", Kind::ClaudeRule),
        (".cursor", "agents", Kind::CursorAgent),
        (".cursor", "commands", Kind::CursorCommand),
        (".github", "agents", Kind::CopilotAgent),
        (".github", "chatmodes", Kind::CopilotChatmode),
        (".github", "prompts", Kind::CopilotPrompt),
        (".github", "instructions", Kind::CopilotScopedInstructions),
        (".opencode", "agent", Kind::OpencodeAgent),
        (".opencode", "agents", Kind::OpencodeAgent),
        (".opencode", "command", Kind::OpencodeCommand),
        (".opencode", "commands", Kind::OpencodeCommand),
        (".windsurf", "rules", Kind::WindsurfRule),
        (".kiro", "steering", Kind::KiroSteering),
        (".gemini", "agents", Kind::GeminiAgent),
        (".agent", "agents", Kind::ClaudeAgent),
    ];
    // The innermost matching pair wins (`.claude/agents/x/.github/agents/y.md` is Copilot).
    let mut best: Option<(usize, Kind)> = None;
    for &(a, b, kind) in strong {
        if let Some(pos) = dirs.windows(2).rposition(|w| w[0] == a && w[1] == b)
            && best.is_none_or(|(p, _)| pos > p)
        {
            best = Some((pos, kind));
        }
    }
    best.map(|(_, kind)| kind)
}

/// Infers a kind from front-matter keys (and whether the body references `$ARGUMENTS`), for
/// files whose path says nothing. Returns the kind and a short reason ("front matter has
/// `globs`"). Never fails: a file with nothing to go on is plain instructions (`agents-md`).
#[must_use]
pub fn infer(keys: &[&str], values: &dyn Fn(&str) -> Option<String>, body: &str) -> (Kind, String) {
    let has = |k: &str| keys.contains(&k);
    let reason = |k: &str| format!("front matter has `{k}`");
    if has("inclusion") || has("fileMatchPattern") {
        return (Kind::KiroSteering, reason("inclusion"));
    }
    if has("trigger") {
        return (Kind::WindsurfRule, reason("trigger"));
    }
    if has("applyTo") {
        return (Kind::CopilotScopedInstructions, reason("applyTo"));
    }
    if has("alwaysApply") || has("globs") {
        let k = if has("alwaysApply") {
            "alwaysApply"
        } else {
            "globs"
        };
        return (Kind::CursorMdc, reason(k));
    }
    if has("handoffs") || has("target") || has("infer") || has("mcp-servers") {
        return (Kind::CopilotAgent, reason("handoffs"));
    }
    if let Some(mode) = values("mode") {
        if matches!(mode.as_str(), "primary" | "subagent" | "all") {
            return (
                Kind::OpencodeAgent,
                format!("front matter has `mode: {mode}`"),
            );
        }
        return (
            Kind::CopilotPrompt,
            format!("front matter has `mode: {mode}`"),
        );
    }
    // Gemini CLI subagents: snake_case limits and `kind: local|remote` [GEM-SUB].
    if has("max_turns") || has("timeout_mins") {
        let k = if has("max_turns") {
            "max_turns"
        } else {
            "timeout_mins"
        };
        return (Kind::GeminiAgent, reason(k));
    }
    if let Some(k) = values("kind")
        && matches!(k.as_str(), "local" | "remote")
    {
        return (Kind::GeminiAgent, format!("front matter has `kind: {k}`"));
    }
    if has("temperature") || has("permission") {
        let k = if has("temperature") {
            "temperature"
        } else {
            "permission"
        };
        return (Kind::OpencodeAgent, reason(k));
    }
    if has("readonly") || has("is_background") {
        return (Kind::CursorAgent, reason("readonly"));
    }
    if has("permissionMode") || has("disallowedTools") || has("maxTurns") || has("color") {
        return (Kind::ClaudeAgent, reason("permissionMode"));
    }
    if has("license") || has("compatibility") || has("metadata") {
        return (Kind::ClaudeSkill, reason("license"));
    }
    if has("name") && has("description") {
        if has("allowed-tools") || has("argument-hint") {
            return (
                Kind::ClaudeSkill,
                "front matter has `name`, `description` and `allowed-tools`/`argument-hint`".into(),
            );
        }
        return (
            Kind::ClaudeAgent,
            "front matter has `name` and `description`".into(),
        );
    }
    if has("allowed-tools") || has("argument-hint") {
        let k = if has("allowed-tools") {
            "allowed-tools"
        } else {
            "argument-hint"
        };
        return (Kind::ClaudeCommand, reason(k));
    }
    if has("agent") || has("tools") {
        if has("tools") && values("tools").is_some_and(|t| !t.contains(',')) && !has("agent") {
            return (Kind::CopilotAgent, reason("tools"));
        }
        return (Kind::CopilotPrompt, reason("agent"));
    }
    if has("description") {
        if body.contains("$ARGUMENTS") || body.contains("$1") {
            return (
                Kind::ClaudeCommand,
                "front matter has `description` and the body uses `$ARGUMENTS`".into(),
            );
        }
        return (Kind::ClaudeCommand, reason("description"));
    }
    if keys.is_empty() {
        return (Kind::AgentsMd, "no front matter: plain instructions".into());
    }
    (Kind::AgentsMd, "front matter keys match no tool".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_standard_layouts() {
        let cases = [
            (".claude/agents/reviewer.md", Kind::ClaudeAgent),
            ("a/.claude/agents/sub/x.md", Kind::ClaudeAgent),
            (
                ".claude/commands/frontend/component.md",
                Kind::ClaudeCommand,
            ),
            (".claude/skills/deploy/SKILL.md", Kind::ClaudeSkill),
            (".github/skills/deploy/SKILL.md", Kind::ClaudeSkill),
            ("CLAUDE.md", Kind::ClaudeMd),
            ("pkg/CLAUDE.local.md", Kind::ClaudeMd),
            (".claude/rules/ts.md", Kind::ClaudeRule),
            (".cursor/rules/ts.mdc", Kind::CursorMdc),
            (".cursor/rules/misnamed.md", Kind::CursorMdc),
            (".cursorrules", Kind::Cursorrules),
            (".cursor/agents/x.md", Kind::CursorAgent),
            (".cursor/commands/x.md", Kind::CursorCommand),
            (".github/copilot-instructions.md", Kind::CopilotInstructions),
            (
                ".github/instructions/ts.instructions.md",
                Kind::CopilotScopedInstructions,
            ),
            (".github/prompts/x.prompt.md", Kind::CopilotPrompt),
            (".github/chatmodes/x.chatmode.md", Kind::CopilotChatmode),
            (".github/agents/x.agent.md", Kind::CopilotAgent),
            (".github/agents/x.md", Kind::CopilotAgent),
            (".gemini/agents/security.md", Kind::GeminiAgent),
            (".codex/agents/reviewer.toml", Kind::CodexAgent),
            ("home/.codex/agents/reviewer.toml", Kind::CodexAgent),
            ("AGENTS.md", Kind::AgentsMd),
            ("docs/AGENT.md", Kind::AgentsMd),
            (".claude/agents/type-checker/AGENT.md", Kind::ClaudeAgent),
            (".kiro/steering/agent.md", Kind::KiroSteering),
            (".claude/agents/AGENTS.md", Kind::AgentsMd),
            ("GEMINI.md", Kind::GeminiMd),
            (".gemini/commands/git/commit.toml", Kind::GeminiCommand),
            (".opencode/agent/x.md", Kind::OpencodeAgent),
            (".opencode/command/x.md", Kind::OpencodeCommand),
            (".windsurf/rules/x.md", Kind::WindsurfRule),
            (".windsurfrules", Kind::WindsurfRule),
            (".kiro/steering/product.md", Kind::KiroSteering),
            ("C:\\repo\\.claude\\agents\\x.md", Kind::ClaudeAgent),
        ];
        for (path, kind) in cases {
            assert_eq!(detect(path), Some(kind), "{path}");
        }
        assert_eq!(detect("notes/readme.md"), None);
        assert_eq!(detect(".cursor/rules/README.md"), None);
        assert_eq!(detect(".github/prompts/README.md"), None);
        assert_eq!(detect(".github/instructions/README.md"), None);
        assert_eq!(detect(".claude/agents/README.md"), Some(Kind::ClaudeAgent));
        assert_eq!(detect("seed.txt"), None);
    }

    #[test]
    fn infers_gemini_subagents() {
        let none = |_: &str| None;
        assert_eq!(
            infer(&["name", "description", "max_turns"], &none, "").0,
            Kind::GeminiAgent
        );
        assert_eq!(
            infer(&["name", "timeout_mins"], &none, "").0,
            Kind::GeminiAgent
        );
        let local = |k: &str| (k == "kind").then(|| "remote".to_owned());
        assert_eq!(
            infer(&["name", "description", "kind"], &local, "").0,
            Kind::GeminiAgent
        );
        // OpenCode keeps `temperature` without the Gemini keys.
        assert_eq!(
            infer(&["description", "temperature"], &none, "").0,
            Kind::OpencodeAgent
        );
    }
}
