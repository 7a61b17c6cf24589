//! `unexpected-front-matter` (AF107): Reports front matter in a file kind that defines none: AGENTS.md, CLAUDE.md, GEMINI.md, `.cursorrules`, `.github/copilot-instructions.md`, Cursor commands.

declare_rule! {
    /// ## What it does
    /// Reports front matter in a file kind that defines none: AGENTS.md, CLAUDE.md, GEMINI.md, `.cursorrules`, `.github/copilot-instructions.md`, Cursor commands.
    ///
    /// ## Why is this bad?
    /// The tool does not read it as metadata: it passes the block to the model as text, wasting context and possibly confusing it [AGENTSMD], [CUR-CMD].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// title: Project rules
    /// ---
    /// # Build
    /// Run `make`.
    /// ```
    pub struct UnexpectedFrontMatter {
        code: "AF107",
        name: "unexpected-front-matter",
        severity: Warning,
    }
}

use serde_json::Value as J;

use super::{Checker, Rule};
use crate::schema::schema_json;

impl Rule for UnexpectedFrontMatter {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let kind = cx.doc.kind;
        if schema_json(kind).get("x-front-matter") != Some(&J::Bool(false)) {
            return;
        }
        if cx.doc.front_matter.is_some() {
            cx.report(
                Self::META
                    .diag(cx.doc.head_span(), format!("{} defines no front matter", kind.describe()))
                    .with_help("the tool passes this block to the model as plain text; remove it or move the information into the body"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn flags_front_matter_in_plain_kinds() {
        assert_eq!(
            check(
                "---\na: b\n---\nx\n",
                "AGENTS.md",
                "unexpected-front-matter"
            )
            .len(),
            1
        );
        assert!(check("# x\n", "AGENTS.md", "unexpected-front-matter").is_empty());
    }
}
