//! `invalid-file-name` (AF110): Reports file names the owning tool does not load: a Copilot custom agent name with characters other than `.`, `-`, `_`, `a-z`, `A-Z`, `0-9`; a skill file not named exactly `SKILL.md` or in Claude Code's reserved folder `.claude/skills/synced`; a `.md` file in `.cursor/rules`; a file in `.github/instructions` or `.github/prompts` without the `.instructions.md` or `.prompt.md` suffix; and the legacy `AGENT.md`.

declare_rule! {
    /// ## What it does
    /// Reports file names the owning tool does not load: a Copilot custom agent name with characters other than `.`, `-`, `_`, `a-z`, `A-Z`, `0-9`; a skill file not named exactly `SKILL.md` or in Claude Code's reserved folder `.claude/skills/synced`; a `.md` file in `.cursor/rules`; a file in `.github/instructions` or `.github/prompts` without the `.instructions.md` or `.prompt.md` suffix; and the legacy `AGENT.md`.
    ///
    /// ## Why is this bad?
    /// The file is skipped without a message. GitHub identifies a custom agent by its file name and accepts only those characters [GH-AGENTS-HOWTO]. Skills are found by the exact name `SKILL.md`, and Claude Code reserves the folder name `synced` in any case [AS-SPEC], [CC-SKILLS]. Cursor reads only `.mdc` files in `.cursor/rules` [CUR-RULES]. VS Code finds instructions and prompt files by their suffix [VSC-INSTR], [VSC-PROMPTS]. `AGENT.md` is the legacy name of `AGENTS.md` [AGENTSMD].
    ///
    /// ## Example
    /// ```text
    /// .github/agents/code reviewer.agent.md
    /// ```
    pub struct InvalidFileName {
        code: "AF110",
        name: "invalid-file-name",
        severity: Error,
    }
}

use super::{Checker, Rule};
use crate::span::Span;
use crate::tools::Kind;

impl Rule for InvalidFileName {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(path) = cx.doc.path.as_deref() else {
            return;
        };
        let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
        // Names are checked against the kind the path gives, not an inferred or forced one.
        let by_path = crate::tools::detect(path) == Some(cx.doc.kind);
        match cx.doc.kind {
            Kind::CopilotAgent => {
                let bad: String = file
                    .chars()
                    .filter(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
                    .collect();
                if !bad.is_empty() {
                    cx.report(
                        Self::META
                            .diag(Span::empty(0), format!("Copilot agent file name `{file}` contains {bad:?}"))
                            .with_help("GitHub accepts only `.`, `-`, `_`, letters and digits in agent file names"),
                    );
                }
            }
            Kind::ClaudeSkill if by_path => {
                if file != "SKILL.md" {
                    cx.report(
                        Self::META
                            .diag(Span::empty(0), format!("a skill file must be named `SKILL.md`, not `{file}`"))
                            .with_help("rename it to `SKILL.md`: skills are found by that exact name [AS-SPEC]"),
                    );
                }
                // The reservation is Claude Code's: only its skill directories [CC-SKILLS].
                let mut dirs = path.rsplit(['/', '\\']).skip(1);
                if let (Some(dir), Some("skills"), Some(".claude")) = (dirs.next(), dirs.next(), dirs.next())
                    && dir.eq_ignore_ascii_case("synced")
                {
                    cx.report(
                        Self::META
                            .diag(Span::empty(0), format!("`{dir}` is a reserved skill folder name"))
                            .with_help("Claude Code reserves the folder name `synced` in any case [CC-SKILLS]; rename the folder (and `name`)"),
                    );
                }
            }
            Kind::CursorMdc if by_path => {
                if let Some(stem) = file
                    .to_ascii_lowercase()
                    .ends_with(".md")
                    .then(|| &file[..file.len() - 3])
                {
                    cx.report(
                        Self::META
                            .diag(Span::empty(0), format!("Cursor ignores `{file}`: it reads only `.mdc` files in `.cursor/rules`"))
                            .with_help(format!("rename it to `{stem}.mdc` [CUR-RULES]")),
                    );
                }
            }
            Kind::CopilotScopedInstructions | Kind::CopilotPrompt if by_path => {
                let suffix = if cx.doc.kind == Kind::CopilotPrompt {
                    ".prompt.md"
                } else {
                    ".instructions.md"
                };
                if !file.to_ascii_lowercase().ends_with(suffix) {
                    let stem = if file.to_ascii_lowercase().ends_with(".md") {
                        &file[..file.len() - 3]
                    } else {
                        file
                    };
                    let source = if cx.doc.kind == Kind::CopilotPrompt {
                        "[VSC-PROMPTS]"
                    } else {
                        "[VSC-INSTR]"
                    };
                    cx.report(
                        Self::META
                            .diag(Span::empty(0), format!("VS Code ignores `{file}`: it reads only `*{suffix}` files here"))
                            .with_help(format!("rename it to `{stem}{suffix}` {source}")),
                    );
                }
            }
            Kind::AgentsMd if file == "AGENT.md" => cx.report(
                Self::META
                    .diag(Span::empty(0), "`AGENT.md` is the legacy name of `AGENTS.md`".into())
                    .with_help("rename it to `AGENTS.md` (and symlink the old name if other tools read it)"),
            ),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn checks_skill_and_cursor_rule_names() {
        let t = "---\nname: deploy\ndescription: d\n---\nx\n";
        let msgs = |path: &str| -> Vec<String> {
            check(t, path, "invalid-file-name")
                .into_iter()
                .map(|d| d.message)
                .collect()
        };
        assert!(msgs(".claude/skills/deploy/SKILL.md").is_empty());
        assert_eq!(
            msgs(".claude/skills/deploy/skill.md"),
            ["a skill file must be named `SKILL.md`, not `skill.md`"]
        );
        assert_eq!(
            msgs(".claude/skills/Synced/SKILL.md"),
            ["`Synced` is a reserved skill folder name"]
        );
        assert!(msgs(".agents/skills/synced/SKILL.md").is_empty());
        let r = "---\nglobs: src/**\n---\nx\n";
        assert!(check(r, ".cursor/rules/ts.mdc", "invalid-file-name").is_empty());
        let d = check(r, ".cursor/rules/ts.md", "invalid-file-name");
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "Cursor ignores `ts.md`: it reads only `.mdc` files in `.cursor/rules`"
        );
        assert_eq!(
            d[0].help.as_deref(),
            Some("rename it to `ts.mdc` [CUR-RULES]")
        );
        let p = "---\ndescription: d\n---\nx\n";
        assert!(check(p, ".github/prompts/new.prompt.md", "invalid-file-name").is_empty());
        assert!(check(p, ".github/prompts/README.md", "invalid-file-name").is_empty());
        let d = check(p, ".github/prompts/new.md", "invalid-file-name");
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].help.as_deref(),
            Some("rename it to `new.prompt.md` [VSC-PROMPTS]")
        );
        assert_eq!(
            check(p, ".github/instructions/api/ts.md", "invalid-file-name").len(),
            1
        );
        // A kind inferred from the front matter says nothing about the file's name.
        assert!(check(r, "notes/ts.md", "invalid-file-name").is_empty());
    }

    #[test]
    fn checks_copilot_agent_names() {
        let t = "---\ndescription: d\n---\nx\n";
        assert_eq!(
            check(
                t,
                ".github/agents/code reviewer.agent.md",
                "invalid-file-name"
            )
            .len(),
            1
        );
        assert!(
            check(
                t,
                ".github/agents/code-reviewer.agent.md",
                "invalid-file-name"
            )
            .is_empty()
        );
    }
}
