//! `invalid-file-name` (AF110): Reports a Copilot custom agent whose file name uses characters other than `.`, `-`, `_`, `a-z`, `A-Z`, `0-9`, and legacy file names (`AGENT.md`).

declare_rule! {
    /// ## What it does
    /// Reports a Copilot custom agent whose file name uses characters other than `.`, `-`, `_`, `a-z`, `A-Z`, `0-9`, and legacy file names (`AGENT.md`).
    ///
    /// ## Why is this bad?
    /// GitHub identifies a custom agent by its file name and accepts only those characters [GH-AGENTS-HOWTO]; `AGENT.md` is the legacy name of `AGENTS.md` [AGENTSMD].
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
use crate::kind::Kind;
use crate::span::Span;

impl Rule for InvalidFileName {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(path) = cx.doc.path.as_deref() else {
            return;
        };
        let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
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
