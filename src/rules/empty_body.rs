//! `empty-body` (AF115): Reports an agent, command, prompt or skill with no prompt text (an empty markdown body or TOML `prompt`), and an empty AGENTS.md.

declare_rule! {
    /// ## What it does
    /// Reports an agent, command, prompt or skill with no prompt text (an empty markdown body or TOML `prompt`), and an empty AGENTS.md.
    ///
    /// ## Why is this bad?
    /// The body is the system prompt or the command text; without it the agent or command does nothing useful [CC-SUB], [CC-SKILLS], [GEM-CMDS]; Codex skips empty AGENTS.md files [CODEX-AGENTSMD].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: reviewer
    /// description: Reviews code
    /// ---
    /// ```
    pub struct EmptyBody {
        code: "AF115",
        name: "empty-body",
        severity: Warning,
    }
}

use super::{Checker, Rule};
use crate::diagnostic::Severity;
use crate::span::Span;
use crate::tools::Kind;

impl Rule for EmptyBody {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.doc;
        let prompt_kind = matches!(
            doc.kind,
            Kind::ClaudeAgent
                | Kind::ClaudeCommand
                | Kind::ClaudeSkill
                | Kind::CursorAgent
                | Kind::CursorCommand
                | Kind::CopilotPrompt
                | Kind::CopilotAgent
                | Kind::CopilotChatmode
                | Kind::OpencodeAgent
                | Kind::OpencodeCommand
                | Kind::GeminiAgent
        );
        if let Some(key) = doc.kind.prompt_key() {
            // A missing prompt key is `missing-required-field`; an empty one is reported here.
            if let Some(p) = doc.get(key).filter(|p| p.is_blank()) {
                cx.report(Self::META.diag(p.span, format!("`{key}` is empty")));
            }
            return;
        }
        if !doc.body_text().trim().is_empty() {
            return;
        }
        if prompt_kind {
            let span = doc
                .front_matter
                .as_ref()
                .map_or(Span::empty(0), |f| Span::empty(f.span.end as usize));
            cx.report(
                Self::META
                    .diag(span, format!("{} has no body", doc.kind.describe()))
                    .with_help("the markdown body is the prompt; write the instructions after the front matter"),
            );
        } else if doc.kind == Kind::AgentsMd {
            let mut d = Self::META.diag(Span::empty(0), "AGENTS.md is empty".into());
            d.severity = Severity::Info;
            cx.report(d.with_help("Codex skips empty AGENTS.md files [CODEX-AGENTSMD]"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn flags_agents_without_prompt() {
        assert_eq!(
            check(
                "---\nname: a\ndescription: d\n---\n\n",
                ".claude/agents/a.md",
                "empty-body"
            )
            .len(),
            1
        );
        assert!(
            check(
                "---\nname: a\ndescription: d\n---\nDo x.\n",
                ".claude/agents/a.md",
                "empty-body"
            )
            .is_empty()
        );
        assert_eq!(
            check("prompt = \"\"\n", ".gemini/commands/a.toml", "empty-body").len(),
            1
        );
    }
}
