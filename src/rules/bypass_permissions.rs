//! `bypass-permissions` (AF121): Reports a Claude subagent with `permissionMode: bypassPermissions`, which runs every tool without asking.

declare_rule! {
    /// ## What it does
    /// Reports a Claude subagent with `permissionMode: bypassPermissions`, which runs every tool without asking.
    ///
    /// ## Why is this bad?
    /// The subagent skips every permission prompt: it edits files and runs shell commands
    /// with nobody approving them [CC-SUB], [CC-PERM]. A shared subagent file grants this to
    /// everyone who installs it. Claude Code's documentation advises this mode only inside an
    /// isolated container or virtual machine.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: fixer
    /// description: Fixes failing tests
    /// permissionMode: bypassPermissions
    /// ---
    /// ```
    pub struct BypassPermissions {
        code: "AF121",
        name: "bypass-permissions",
        severity: Warning,
    }
}

use super::{Checker, Rule};
use crate::tools::Kind;

impl Rule for BypassPermissions {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.doc;
        if doc.kind != Kind::ClaudeAgent {
            return;
        }
        let Some(node) = doc
            .get("permissionMode")
            .filter(|n| n.as_str() == Some("bypassPermissions"))
        else {
            return;
        };
        cx.report(
            Self::META
                .diag(
                    node.span,
                    "this subagent runs every tool without asking for permission".to_owned(),
                )
                .with_help("use `acceptEdits` or `default` with a narrow `tools` list, unless the subagent only runs in an isolated sandbox"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn reports_bypass_mode() {
        let t = "---\nname: a\ndescription: d\npermissionMode: bypassPermissions\n---\nx\n";
        let d = check(t, ".claude/agents/a.md", "bypass-permissions");
        assert_eq!(d.len(), 1);
        assert_eq!(&t[d[0].span.range()], "bypassPermissions");
        let t = "---\nname: a\ndescription: d\npermissionMode: acceptEdits\n---\nx\n";
        assert!(check(t, ".claude/agents/a.md", "bypass-permissions").is_empty());
    }
}
