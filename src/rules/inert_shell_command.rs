//! `inert-shell-command` (AF120): Reports `` !`cmd` `` in a Claude command or skill that follows a character other than whitespace (`` KEY=!`cmd` ``), so Claude Code sends it as text instead of running it.

declare_rule! {
    /// ## What it does
    /// Reports `` !`cmd` `` in a Claude command or skill that follows a character other than whitespace (`` KEY=!`cmd` ``), so Claude Code sends it as text instead of running it.
    ///
    /// ## Why is this bad?
    /// Claude Code runs `` !`cmd` `` only at the start of a line or after whitespace
    /// [CC-SKILLS], [CC-CHANGELOG]. Written right after other text it reaches the model as
    /// literal text, and the prompt lacks the output it was meant to hold.
    ///
    /// ## Example
    /// ```text
    /// BRANCH=!`git branch --show-current`
    /// ```
    pub struct InertShellCommand {
        code: "AF120",
        name: "inert-shell-command",
        severity: Warning,
    }
}

use super::uncovered_shell_command::{injections_in, may_inject};
use super::{Checker, Rule};
use crate::span::Span;
use crate::tools::Kind;

impl Rule for InertShellCommand {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.doc;
        if !matches!(doc.kind, Kind::ClaudeCommand | Kind::ClaudeSkill) {
            return;
        }
        let base = doc.body.start as usize;
        if !may_inject(doc.body_text()) {
            return;
        }
        let found = injections_in(doc.body_text(), cx.body_code());
        for inj in found.into_iter().filter(|i| i.inert) {
            let at = base + inj.span.start;
            cx.report(
                Self::META
                    .diag(
                        Span::new(at, base + inj.span.end),
                        "this `!` injection follows other text, so Claude Code does not run it"
                            .to_owned(),
                    )
                    .with_help("put a space before `!` (`KEY: !`…), or drop the `!` if the command is not meant to run"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn reports_injection_after_text() {
        let t = "---\ndescription: d\n---\nBRANCH=!`git branch`\nOK: !`date`\n";
        let d = check(t, ".claude/skills/x/SKILL.md", "inert-shell-command");
        assert_eq!(d.len(), 1);
        assert_eq!(&t[d[0].span.range()], "!`git branch`");
    }
}
