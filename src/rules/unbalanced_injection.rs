//! `unbalanced-injection` (AF123): Reports a `!{…}` shell injection or `@{…}` file injection in a Gemini CLI command whose braces never close.

declare_rule! {
    /// ## What it does
    /// Reports a `!{…}` shell injection or `@{…}` file injection in a Gemini CLI command whose braces never close.
    ///
    /// Braces inside the injection nest (`!{grep -c '{{args}}' log}` is balanced), so a `}`
    /// missing anywhere inside leaves the injection open to the end of the prompt.
    ///
    /// ## Why is this bad?
    /// Gemini CLI finds the end of an injection by counting braces; when they do not balance
    /// the command fails to run instead of sending its prompt [GEM-CMDS].
    ///
    /// ## Example
    /// ```text
    /// prompt = """
    /// Review these changes:
    /// !{git diff --staged
    /// """
    /// ```
    pub struct UnbalancedInjection {
        code: "AF123",
        name: "unbalanced-injection",
        severity: Warning,
    }
}

use super::{Checker, Rule};
use crate::span::Span;
use crate::tools::Kind;

/// Byte offsets in `text` of each `!{` or `@{` whose braces do not balance before the end.
#[must_use]
pub fn unclosed(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < b.len() {
        if (b[i] == b'!' || b[i] == b'@') && b[i + 1] == b'{' {
            let mut depth = 1usize;
            let mut j = i + 2;
            while j < b.len() && depth > 0 {
                match b[j] {
                    b'{' => depth += 1,
                    b'}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                out.push(i);
                break;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

impl Rule for UnbalancedInjection {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.doc;
        if doc.kind != Kind::GeminiCommand {
            return;
        }
        let Some(node) = doc.get("prompt").filter(|n| n.as_str().is_some()) else {
            return;
        };
        // The braces are counted in the value as written: TOML escapes never stand for braces
        // in practice, and the source offsets are what the diagnostic needs.
        let start = node.span.start as usize;
        let Some(raw) = doc.text().get(node.span.range()) else {
            return;
        };
        for at in unclosed(raw) {
            let at = start + at;
            let what = if doc.text().as_bytes()[at] == b'!' {
                "shell injection `!{`"
            } else {
                "file injection `@{`"
            };
            cx.report(
                Self::META
                    .diag(Span::new(at, at + 2), format!("{what} is never closed"))
                    .with_help("add the missing `}`; braces inside an injection must balance"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unclosed;
    use crate::rules::tests::check;

    #[test]
    fn finds_unclosed_injections() {
        assert!(unclosed("a !{grep -c '{{args}}' log} @{src/} b").is_empty());
        assert_eq!(unclosed("x !{git diff\n"), [2]);
        assert_eq!(unclosed("ok @{a} then @{b/{c}"), [13]);
        let t = "description = \"d\"\nprompt = \"\"\"\nReview:\n!{git diff --staged\n\"\"\"\n";
        let d = check(t, ".gemini/commands/review.toml", "unbalanced-injection");
        assert_eq!(d.len(), 1);
        assert_eq!(&t[d[0].span.range()], "!{");
    }
}
