//! `invalid-type` (AF102): Reports a front-matter value of the wrong type: a string where a boolean is expected, a list where a string is expected, and so on (reported by `schema::validate`); and a Cursor `alwaysApply` written `True` or `TRUE`, which YAML reads as a boolean but Cursor does not.

declare_rule! {
    /// ## What it does
    /// Reports a front-matter value of the wrong type: a string where a boolean is expected, a list where a string is expected, and so on (reported by `schema::validate`); and a Cursor `alwaysApply` written `True` or `TRUE`, which YAML reads as a boolean but Cursor does not.
    ///
    /// ## Why is this bad?
    /// Tools read a wrong-typed value as something else or drop it: Cursor treats `alwaysApply: "true"` (and `True`) as not true [SKILLSAW], an unquoted `argument-hint: [file]` is a YAML list [CC-CHANGELOG], and prompt `tools` must be a list [VSC-PROMPTS].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// background: maybe
    /// ---
    /// ```
    pub struct InvalidType {
        code: "AF102",
        name: "invalid-type",
        severity: Error,
    }
}

use super::{Checker, Rule};
use crate::diagnostic::{Applicability, Edit};
use crate::tools::Kind;

impl Rule for InvalidType {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    /// The schema reports the rest; this is the one case where the YAML type is right but the
    /// owning tool's reading differs: Cursor's `alwaysApply` is `true` only as exactly `true`
    /// ([SKILLSAW]).
    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.doc;
        if doc.kind != Kind::CursorMdc {
            return;
        }
        let Some(node) = doc.get("alwaysApply") else {
            return;
        };
        let (Some(value), Some(raw)) = (node.as_bool(), doc.text().get(node.span.range())) else {
            return;
        };
        let want = if value { "true" } else { "false" };
        if raw == want {
            return;
        }
        cx.report(
            Self::META
                .diag(
                    node.span,
                    format!("Cursor does not read `alwaysApply: {raw}` as `{want}`"),
                )
                .with_help(format!("write `{want}` in lower case [SKILLSAW]"))
                .with_fix(
                    Applicability::Safe,
                    vec![Edit {
                        span: node.span,
                        replacement: want.to_owned(),
                    }],
                ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn cursor_booleans_are_lower_case() {
        let r = ".cursor/rules/a.mdc";
        assert!(check("---\nalwaysApply: true\n---\nx\n", r, "invalid-type").is_empty());
        let t = "---\nalwaysApply: True\n---\nx\n";
        let d = check(t, r, "invalid-type");
        assert_eq!(d.len(), 1);
        assert_eq!(&t[d[0].span.range()], "True");
        assert_eq!(
            d[0].message,
            "Cursor does not read `alwaysApply: True` as `true`"
        );
        assert_eq!(
            check("---\nalwaysApply: FALSE\n---\nx\n", r, "invalid-type").len(),
            1
        );
        // Other kinds read YAML.
        assert!(
            check(
                "---\npaths: x\nalwaysApply: True\n---\nx\n",
                ".claude/rules/a.md",
                "invalid-type"
            )
            .is_empty()
        );
    }
}
