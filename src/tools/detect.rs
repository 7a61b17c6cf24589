//! DETECT: the kind of an agent file from its path, by the [`PathRule`]s of every kind, or
//! inferred from its front matter when the path says nothing.

use super::{Kind, PathRule};

/// Detects the kind of a file from its (logical) path alone, or `None` when the path says
/// nothing. `path` may use `/` or `\\` separators and be relative or absolute.
///
/// In order: the end of the path ([`PathRule::Path`]), the file name ([`PathRule::Name`],
/// then [`PathRule::Suffix`]); for `.toml`
/// files [`PathRule::TomlDir`] then [`PathRule::TomlAnyDir`]; for `.md` files the innermost
/// [`PathRule::Dir`], then [`PathRule::AnyDir`], then [`PathRule::Parent`]. Kinds are tried
/// in registry order. The legacy `AGENT.md` is `AGENTS.md` [AGENTSMD], except inside a
/// tool's own directory, where that tool reads it: Claude Code loads every `.md` under
/// `.claude/agents/` as a subagent [CC-SUB].
///
/// Two kinds of path are no agent file whatever their names: anything under a directory of
/// another tool's source format ([`FOREIGN_SOURCE_DIRS`]), and the files a skill keeps in
/// its own folder (`skills/<name>/agents/grader.md`, `skills/<name>/references/x.md`): the
/// skill reads them on demand, no tool loads them as subagents, commands or rules
/// [CC-SKILLS], [AS-SPEC]. Only the documented locations are subagents [CC-SUB], [CC-PLUG].
/// `CLAUDE.md` and `AGENTS.md` keep their kinds inside a skill folder, since the tools read
/// them in every directory.
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
    if dirs.iter().any(|d| FOREIGN_SOURCE_DIRS.contains(d)) {
        return None;
    }
    let parent = dirs.last().copied().unwrap_or("");
    let rules = || {
        Kind::ALL
            .iter()
            .flat_map(|&k| k.spec().paths.iter().map(move |r| (k, *r)))
    };

    // 1. The file name alone decides.
    if lower == "agent.md" {
        return Some(innermost_dir(dirs, false).map_or(Kind::AgentsMd, |(k, _)| k));
    }
    let lower_path = parts.join("/").to_ascii_lowercase();
    let table = lowered();
    let by_path = table.paths.iter().find(|(_, p)| {
        lower_path == *p
            || lower_path
                .strip_suffix(p.as_str())
                .is_some_and(|rest| rest.ends_with('/'))
    });
    if let Some(&(k, _)) = by_path {
        return Some(k);
    }
    let by_name =
        rules().find(|(_, r)| matches!(r, PathRule::Name(n) if n.eq_ignore_ascii_case(&lower)));
    if let Some((k, _)) = by_name {
        return Some(k);
    }
    if in_skill_folder(dirs) {
        return None;
    }
    if let Some(&(k, _)) = table
        .suffixes
        .iter()
        .find(|(_, s)| lower.ends_with(s.as_str()))
    {
        return Some(k);
    }
    if lower.ends_with(".toml") {
        if let Some((k, _)) = innermost_dir(dirs, true) {
            return Some(k);
        }
        return rules()
            .find(|(_, r)| matches!(r, PathRule::TomlAnyDir(d) if dirs.contains(d)))
            .map(|(k, _)| k);
    }
    if !lower.ends_with(".md") {
        return None;
    }

    // 2. A tool's own directory decides.
    if let Some((kind, _)) = innermost_dir(dirs, false) {
        let docs = kind.spec().readme_is_docs && lower == "readme.md";
        return (!docs).then_some(kind);
    }

    // 3. Conventional collection directories (plugins, rule collections).
    if let Some((k, _)) =
        rules().find(|(_, r)| matches!(r, PathRule::AnyDir(d) if dirs.contains(d)))
    {
        return Some(k);
    }
    rules()
        .find(|(_, r)| matches!(r, PathRule::Parent(d) if *d == parent))
        .map(|(k, _)| k)
}

/// Directories that hold another tool's source format, which that tool turns into agent files
/// (rulesync's `.rulesync/` [RULESYNC], ruler's `.ruler/` [RULER]); their files are not read
/// by the coding tools themselves.
pub const FOREIGN_SOURCE_DIRS: &[&str] = &[".rulesync", ".ruler"];

/// Whether `dirs` (outermost first) put a file inside a skill's folder: below
/// `skills/<name>/`, at any depth.
fn in_skill_folder(dirs: &[&str]) -> bool {
    dirs.iter()
        .position(|d| *d == "skills")
        .is_some_and(|i| i + 1 < dirs.len())
}

/// The [`PathRule::Path`] and [`PathRule::Suffix`] patterns of every kind, in registry order,
/// lower-cased once (detection runs on every file of a walked tree).
struct Lowered {
    paths: Vec<(Kind, String)>,
    suffixes: Vec<(Kind, String)>,
}

fn lowered() -> &'static Lowered {
    static TABLE: std::sync::OnceLock<Lowered> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Lowered {
            paths: Vec::new(),
            suffixes: Vec::new(),
        };
        for &k in Kind::ALL {
            for r in k.spec().paths {
                match r {
                    PathRule::Path(p) => t.paths.push((k, p.to_ascii_lowercase())),
                    PathRule::Suffix(s) => t.suffixes.push((k, s.to_ascii_lowercase())),
                    _ => {}
                }
            }
        }
        t
    })
}

/// The kind of the innermost pair of consecutive directories in `dirs` (outermost first)
/// that a [`PathRule::Dir`] (or, with `toml`, a [`PathRule::TomlDir`]) names, with the index
/// of the pair's first directory; `None` outside every tool directory. On a tie the kind
/// first in registry order wins.
fn innermost_dir(dirs: &[&str], toml: bool) -> Option<(Kind, usize)> {
    let mut best: Option<(Kind, usize)> = None;
    for &k in Kind::ALL {
        for r in k.spec().paths {
            let (a, b) = match (*r, toml) {
                (PathRule::Dir(a, b), false) | (PathRule::TomlDir(a, b), true) => (a, b),
                _ => continue,
            };
            if let Some(pos) = dirs.windows(2).rposition(|w| w[0] == a && w[1] == b)
                && best.is_none_or(|(_, p)| pos > p)
            {
                best = Some((k, pos));
            }
        }
    }
    best
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
    fn skill_resources_and_foreign_sources_are_no_agent_files() {
        for path in [
            ".claude/skills/pdf/agents/grader.md",
            "skills/pdf/agents/grader.md",
            "skills/pdf/commands/x.md",
            "plugins/p/skills/pdf/references/forms.md",
            ".rulesync/skills/x/SKILL.md",
            ".rulesync/rules/overview.md",
            ".rulesync/commands/review.md",
            ".ruler/AGENTS.md",
            ".ruler/instructions.md",
        ] {
            assert_eq!(detect(path), None, "{path}");
        }
        assert_eq!(detect("skills/pdf/SKILL.md"), Some(Kind::ClaudeSkill));
        assert_eq!(detect("skills/pdf/AGENTS.md"), Some(Kind::AgentsMd));
        assert_eq!(detect("plugins/p/agents/x.md"), Some(Kind::ClaudeAgent));
        assert_eq!(detect("agents/x.md"), Some(Kind::ClaudeAgent));
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
