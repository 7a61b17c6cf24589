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
    /// Fix ticket #$1 following our coding standards.
    /// ```
    pub struct PositionalArgumentBase {
        code: "AF116",
        name: "positional-argument-base",
        severity: Warning,
    }
}

use super::{Checker, Rule};
use crate::span::Span;
use crate::tools::Kind;

/// Byte offsets of `$N` tokens (single digit, not escaped, not followed by a digit) in
/// `text`, with their digit, outside `code` (`text`'s code spans and blocks as
/// [`super::prose::code`] finds them).
/// The `$N` placeholders of `text` (byte offset of the `$`, digit), outside code. Not
/// placeholders: an escaped `\\$1`, `$10` and longer numbers, amounts of money (`$5.00`,
/// `$1,200`) and spreadsheet references (`$B$6`, `A$1`), where a letter or digit comes
/// right before the `$`.
fn positional(text: &str, code: &[super::prose::Code]) -> Vec<(usize, u8)> {
    let b = text.as_bytes();
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    text.match_indices('$')
        .map(|(i, _)| i)
        .filter(|&i| {
            let before = i.checked_sub(1).map(|j| b[j]);
            !before.is_some_and(|c| c == b'\\' || c.is_ascii_alphanumeric())
                && !super::prose::in_code(code, i)
        })
        .filter_map(|i| {
            let d = *b.get(i + 1).filter(|d| d.is_ascii_digit())?;
            let money = matches!(b.get(i + 2), Some(b'.' | b',')) && digit_at(i + 3);
            (!digit_at(i + 2) && !money).then_some((i, d - b'0'))
        })
        .collect()
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
        if !body.contains('$') {
            return;
        }
        let found = positional(body, cx.body_code());
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
            check("Fix ticket #$1 now.\n", r, "positional-argument-base").len(),
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

    #[test]
    fn money_and_spreadsheet_references_are_no_placeholders() {
        let r = ".claude/skills/xlsx/SKILL.md";
        for body in [
            "| plan | price |\n|---|---|\n| pro | $5.00 |\n",
            "Budget: $1,200 a month.\n",
            "Sum `=SUM($B$6:$B$9)` or $B$6 and A$1.\n",
            "Set cell $C$2 to the total.\n",
        ] {
            assert!(
                check(body, r, "positional-argument-base").is_empty(),
                "{body:?}"
            );
        }
        // A placeholder next to a price is still one.
        assert_eq!(
            check(
                "Charge $1 for $5.00 items.\n",
                r,
                "positional-argument-base"
            )
            .len(),
            1
        );
    }

    #[test]
    fn skips_code_as_commonmark_reads_it() {
        let r = ".claude/commands/fix.md";
        // An indented block and a fence inside a list item are code; `~~~` closes only `~~~`.
        for body in [
            "Run:\n\n    awk '{print $1}'\n",
            "- step\n\n  ```sh\n  echo $1\n  ```\n",
            "~~~\n```\n~~~ and $2? no: still code\n~~~\n",
        ] {
            assert!(
                check(body, r, "positional-argument-base").is_empty(),
                "{body:?}"
            );
        }
        // An unmatched backtick opens no code span.
        assert_eq!(
            check("A ` tick, then $1.\n", r, "positional-argument-base").len(),
            1
        );
    }
}
