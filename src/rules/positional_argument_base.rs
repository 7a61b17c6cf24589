//! `positional-argument-base` (AF116): Reports a Claude command or skill that uses `$1`…`$9` but never `$0`: since v2.1.19 `$0` is the first argument, so a file written for the old 1-based numbering skips the first argument.

declare_rule! {
    /// ## What it does
    /// Reports a Claude command or skill that uses `$1`…`$9` but never `$0`: since v2.1.19 `$0` is the first argument, so a file written for the old 1-based numbering skips the first argument.
    ///
    /// ## Why is this bad?
    /// Claude Code changed `$N` to 0-based in v2.1.19 (2026-01-23); before that `$1` was the first argument [CC-SKILLS], [CC-CHANGELOG].
    ///
    /// ## Example
    /// ```text
    /// Fix issue #$1 following our coding standards.
    /// ```
    pub struct PositionalArgumentBase {
        code: "AF116",
        name: "positional-argument-base",
        severity: Warning,
    }
}

use super::{Checker, Rule};
use crate::kind::Kind;
use crate::span::Span;

/// Byte offsets of `$N` tokens (single digit, not escaped, not followed by a digit) in
/// `text`, outside fenced code blocks and inline code.
fn positional(text: &str) -> Vec<(usize, u8)> {
    let mut out = Vec::new();
    let mut in_fence = false;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        let b = line.as_bytes();
        let mut code = false;
        for i in 0..b.len() {
            if b[i] == b'`' {
                code = !code;
            }
            if code || b[i] != b'$' || (i > 0 && b[i - 1] == b'\\') {
                continue;
            }
            if let Some(&d) = b.get(i + 1).filter(|d| d.is_ascii_digit())
                && !b.get(i + 2).is_some_and(u8::is_ascii_digit)
            {
                out.push((start + i, d - b'0'));
            }
        }
    }
    out
}

impl Rule for PositionalArgumentBase {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.doc;
        if !matches!(doc.kind, Kind::ClaudeCommand | Kind::ClaudeSkill) {
            return;
        }
        let body = doc.body_text();
        let found = positional(body);
        if found.is_empty() || found.iter().any(|(_, n)| *n == 0) || body.contains("$ARGUMENTS[0]")
        {
            return;
        }
        let (at, n) = found[0];
        let start = doc.body.start as usize + at;
        cx.report(
            Self::META
                .diag(Span::new(start, start + 2), format!("`${n}` is used but `$0` is not; since Claude Code v2.1.19 `$0` is the first argument"))
                .with_help("if this file counts arguments from `$1`, renumber them from `$0` (or use `$ARGUMENTS`)"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn flags_one_based_placeholders() {
        let r = ".claude/commands/fix.md";
        assert_eq!(
            check("Fix issue #$1 now.\n", r, "positional-argument-base").len(),
            1
        );
        assert!(check("Fix $0 then $1.\n", r, "positional-argument-base").is_empty());
        assert!(
            check(
                "Costs $10 and `awk '{print $1}'`.\n",
                r,
                "positional-argument-base"
            )
            .is_empty()
        );
    }
}
