//! `name-style` (AF108): Reports a subagent `name` that is not lowercase letters, digits and hyphens (`^[a-z][a-z0-9-]*$`), the documented form for Claude Code and Cursor subagents.

declare_rule! {
    /// ## What it does
    /// Reports a subagent `name` that is not lowercase letters, digits and hyphens (`^[a-z][a-z0-9-]*$`), the documented form for Claude Code and Cursor subagents.
    ///
    /// ## Why is this bad?
    /// Claude Code documents names as "lowercase letters and hyphens" [CC-SUB]; other tools (Copilot, Gemini) derive ids from the name, so other characters do not convert cleanly [CUR-SUB].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: Code Reviewer
    /// description: Reviews code
    /// ---
    /// ```
    pub struct NameStyle {
        code: "AF108",
        name: "name-style",
        severity: Info,
    }
}

use super::{Checker, Rule};
use crate::tools::Kind;

impl Rule for NameStyle {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        if !matches!(cx.doc.kind, Kind::ClaudeAgent | Kind::CursorAgent) {
            return;
        }
        let Some(node) = cx.doc.get("name") else {
            return;
        };
        let Some(name) = node.as_str() else {
            return;
        };
        // `:` and a leading `-` are errors, reported by `invalid-value` from the schema.
        if name.is_empty() || name.contains(':') || name.starts_with('-') {
            return;
        }
        let mut chars = name.chars();
        let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            let slug = slug(name);
            let mut d = Self::META.diag(
                node.span,
                format!("`name` `{name}` is not lowercase letters, digits and hyphens"),
            );
            if !slug.is_empty() {
                d = d.with_help(format!("use `{slug}`"));
            }
            cx.report(d);
        }
    }
}

/// `Code Reviewer` → `code-reviewer`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn suggests_a_slug() {
        let d = check(
            "---\nname: Code Reviewer\ndescription: d\n---\nx\n",
            ".claude/agents/a.md",
            "name-style",
        );
        assert_eq!(d[0].help.as_deref(), Some("use `code-reviewer`"));
        assert!(
            check(
                "---\nname: code-reviewer2\ndescription: d\n---\nx\n",
                ".claude/agents/a.md",
                "name-style"
            )
            .is_empty()
        );
    }
}
