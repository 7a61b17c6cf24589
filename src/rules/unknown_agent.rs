//! `unknown-agent` (AF131): Reports an agent that a file hands its work to but that may not exist: a Copilot prompt's `agent` (or legacy `mode`) that is neither `ask`, `agent`, `plan` nor a custom agent in `.github/agents/` (a note; the legacy `edit` mode is a warning), and a Claude skill's or command's `agent` that is neither a built-in subagent nor one in the project's `.claude/agents/` (a note: it may be a user or plugin subagent). Needs the caller's file-system callback for the lookups; skipped without it.

declare_rule! {
    /// ## What it does
    /// Reports an agent that a file hands its work to but that may not exist: a Copilot prompt's `agent` (or legacy `mode`) that is neither `ask`, `agent`, `plan` nor a custom agent in `.github/agents/` (a note; the legacy `edit` mode is a warning), and a Claude skill's or command's `agent` that is neither a built-in subagent nor one in the project's `.claude/agents/` (a note: it may be a user or plugin subagent). Needs the caller's file-system callback for the lookups; skipped without it.
    ///
    /// A custom agent is looked up by file name: `.github/agents/<name>.agent.md` (or `.md`, or
    /// a legacy `.github/chatmodes/<name>.chatmode.md`) next to the prompt's `.github`, and
    /// `.claude/agents/<name>.md` next to the skill's or command's `.claude`.
    ///
    /// ## Why is this bad?
    /// The prompt or skill runs with an agent that is not there, or not the one meant: VS Code
    /// accepts `ask`, `agent`, `plan` or a custom agent's name and no longer lists `edit`
    /// [VSC-PROMPTS], [VSC-CHATMODES]; Claude Code's `agent` names a built-in subagent
    /// (`Explore`, `Plan`, `general-purpose`) or an existing one [CC-SKILLS], [CC-SUB].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// description: Explore the codebase first
    /// context: fork
    /// agent: Explorer
    /// ---
    /// ```
    pub struct UnknownAgent {
        code: "AF131",
        name: "unknown-agent",
        severity: Info,
    }
}

use super::tree::before;
use super::{Checker, Rule};
use crate::diagnostic::{Severity, did_you_mean};
use crate::document::Node;
use crate::tools::Kind;

/// VS Code's built-in agents for a prompt file [VSC-PROMPTS].
const COPILOT_BUILT_IN: &[&str] = &["ask", "agent", "plan"];
/// Claude Code's built-in subagents for a skill's `agent` [CC-SKILLS].
const CLAUDE_BUILT_IN: &[&str] = &["Explore", "Plan", "general-purpose"];

impl Rule for UnknownAgent {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.doc;
        let path = doc.path.as_deref().unwrap_or("").replace('\\', "/");
        let (node, built_in, candidates): (&Node, &[&str], Vec<String>) = match doc.kind {
            Kind::CopilotPrompt => {
                let Some(node) = doc.get("agent").or_else(|| doc.get("mode")) else {
                    return;
                };
                let r = before(&path, ".github/prompts/");
                // Agent names are often capitalised in the file (`name: Reviewer`) and not in
                // the file name (`reviewer.agent.md`): look for both spellings.
                let files = |v: &str| {
                    let Some(r) = r else {
                        return Vec::new();
                    };
                    let mut names = vec![v.to_owned()];
                    if v.to_lowercase() != v {
                        names.push(v.to_lowercase());
                    }
                    names
                        .iter()
                        .flat_map(|v| {
                            [
                                format!("{r}.github/agents/{v}.agent.md"),
                                format!("{r}.github/agents/{v}.md"),
                                format!("{r}.github/chatmodes/{v}.chatmode.md"),
                            ]
                        })
                        .collect()
                };
                let v = node.as_str().unwrap_or("");
                (node, COPILOT_BUILT_IN, files(v))
            }
            Kind::ClaudeSkill | Kind::ClaudeCommand => {
                let Some(node) = doc.get("agent") else {
                    return;
                };
                let r =
                    before(&path, ".claude/skills/").or_else(|| before(&path, ".claude/commands/"));
                let v = node.as_str().unwrap_or("");
                let files = r
                    .map(|r| vec![format!("{r}.claude/agents/{v}.md")])
                    .unwrap_or_default();
                (node, CLAUDE_BUILT_IN, files)
            }
            _ => return,
        };
        let Some(v) = node.as_str().map(str::trim).filter(|v| !v.is_empty()) else {
            return;
        };
        // VS Code shows its agents capitalised (`Plan`) and matches them in any case.
        let built = if doc.kind == Kind::CopilotPrompt {
            built_in.iter().any(|b| b.eq_ignore_ascii_case(v))
        } else {
            built_in.contains(&v)
        };
        if built {
            return;
        }
        if doc.kind == Kind::CopilotPrompt && v == "edit" {
            let mut d = Self::META
                .diag(
                    node.span,
                    "the `edit` mode is no longer listed by VS Code".to_owned(),
                )
                .with_help("use `agent: agent` [VSC-CHATMODES], [VSC-PROMPTS]");
            d.severity = Severity::Warning;
            cx.report(d);
            return;
        }
        let Some(exists) = cx.ctx.file_exists else {
            return;
        };
        if candidates.is_empty() || candidates.iter().any(|f| exists(f)) {
            return;
        }
        let (what, place) = if doc.kind == Kind::CopilotPrompt {
            (
                "custom agent",
                "`.github/agents/`; it may be a user-level agent",
            )
        } else {
            (
                "subagent",
                "`.claude/agents/`; it may be a user or plugin subagent",
            )
        };
        let mut d = Self::META.diag(
            node.span,
            format!("`{v}` is not a built-in agent, and no {what} file has that name in {place}"),
        );
        if let Some(m) = did_you_mean(v, built_in) {
            d = d.with_help(format!("did you mean `{m}`?"));
        }
        cx.report(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::document::parse;
    use crate::rules::{Context, Rule};
    use crate::source::SourceText;

    fn run(text: &str, path: &str) -> Vec<(String, Severity, Option<String>)> {
        let exists = |p: &str| {
            matches!(
                p,
                ".github/agents/reviewer.agent.md" | "web/.claude/agents/researcher.md"
            )
        };
        let ctx = Context {
            file_exists: Some(&exists),
            ..Context::default()
        };
        let doc = parse(SourceText::from_str(text), Some(path), None).doc;
        let mut cx = crate::rules::Checker::new(&doc, &ctx);
        super::UnknownAgent.check(&mut cx);
        cx.into_diagnostics()
            .into_iter()
            .map(|d| (d.message, d.severity, d.help))
            .collect()
    }

    #[test]
    fn looks_up_prompt_agents() {
        let p = ".github/prompts/x.prompt.md";
        for ok in [
            "agent: ask",
            "agent: plan",
            "agent: reviewer",
            "mode: agent",
        ] {
            assert!(run(&format!("---\n{ok}\n---\nx\n"), p).is_empty(), "{ok}");
        }
        let d = run("---\nmode: edit\n---\nx\n", p);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].1, Severity::Warning);
        assert!(run("---\nagent: Plan\n---\nx\n", p).is_empty());
        assert!(run("---\nagent: Reviewer\n---\nx\n", p).is_empty());
        let d = run("---\nagent: plann\n---\nx\n", p);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].1, Severity::Info);
        assert_eq!(d[0].2.as_deref(), Some("did you mean `plan`?"));
    }

    #[test]
    fn looks_up_claude_subagents() {
        let s = "web/.claude/skills/x/SKILL.md";
        let t =
            |a: &str| format!("---\nname: x\ndescription: d\ncontext: fork\nagent: {a}\n---\nx\n");
        assert!(run(&t("Explore"), s).is_empty());
        assert!(run(&t("researcher"), s).is_empty());
        assert!(run(&t("researcher"), "web/.claude/commands/c.md").is_empty());
        let d = run(&t("explore"), s);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].0,
            "`explore` is not a built-in agent, and no subagent file has that name in `.claude/agents/`; it may be a user or plugin subagent"
        );
        assert_eq!(d[0].2.as_deref(), Some("did you mean `Explore`?"));
        // Outside a `.claude` directory there is nothing to look up.
        assert!(run(&t("anything"), "skills/x/SKILL.md").is_empty());
    }
}
