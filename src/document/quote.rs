//! YAML scalar writing for the formatter: the most readable style that a strict YAML 1.2
//! reader *and* a YAML 1.1 reader (PyYAML, old js-yaml) read back as exactly the given string.
//!
//! Order of preference (issue 4): plain, then `'single'`, then `"double"` (text with `'` or
//! control characters), and a literal block scalar (`|`, `|-`, `|+`) for multi-line text.
//! Facts: deps.md §1.3 and §1.5 (the YAML 1.1 readings),.

use crate::document::Value;
use crate::document::yaml;

/// Characters that may not start a plain scalar (YAML 1.2 `c-indicator`, plus `%`, `@` and
/// backtick, which are reserved).
const LEADING_INDICATORS: &[char] = &[
    ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`',
];

/// Whether `c` must be escaped in YAML (not printable: C0 controls except tab, DEL, C1
/// controls, BOM, U+FFFE/U+FFFF).
pub(crate) fn non_printable(c: char) -> bool {
    (c < ' ' && c != '\t')
        || c == '\u{7f}'
        || ('\u{80}'..='\u{9f}').contains(&c)
        || c == '\u{feff}'
        || c == '\u{fffe}'
        || c == '\u{ffff}'
}

/// Whether `s`, written as a plain scalar after `key: `, reads back as the string `s` under
/// YAML 1.2 and YAML 1.1 and under a `key: value` line reader.
///
/// Rejects: empty text, leading or trailing whitespace, a leading indicator (`*&![{%@` and
/// backtick, ...), `: ` or ` #` inside, a trailing `:`, line breaks, control characters, and
/// any text that resolves to null, a bool or a number in YAML 1.2 or YAML 1.1 (`yes`, `0644`).
#[must_use]
pub fn plain_ok(s: &str) -> bool {
    plain_ok_with(s, true)
}

/// Bytes that cannot make a plain scalar mean anything but its text once the checks of
/// [`plain_ok`] have passed: no indicator, comment or mapping syntax is made of them.
fn quiet_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b" _.,-()/'".contains(&b)
}

/// [`plain_ok`]; `trust_quiet` skips the loader for text made only of [`quiet_byte`]s (the
/// tests compare both answers).
fn plain_ok_with(s: &str, trust_quiet: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    // `-`, `?` and `:` may start a plain scalar only when a non-space follows (`-foo`).
    let dash_like = matches!(first, '-' | '?' | ':')
        && s[1..].chars().next().is_none_or(|c| c == ' ' || c == '\t');
    if LEADING_INDICATORS.contains(&first)
        || dash_like
        || s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace)
        || s.ends_with(':')
        || s.contains(": ")
        || s.contains(":\t")
        || s.contains(" #")
        || s.contains("\t#")
        || s.contains('\n')
        || s.contains('\r')
        || s.chars().any(non_printable)
        || yaml::yaml11_reading(s).is_some()
        || !matches!(yaml::resolve_plain(s), Value::Str(..))
    {
        return false;
    }
    // Last word: the real loader must agree. It parses a whole document, the most costly
    // step of fmt's front matter; text of quiet bytes that passed the checks above is plain
    // to every reader.
    if trust_quiet && s.bytes().all(quiet_byte) {
        return true;
    }
    matches!(
        yaml::load(&format!("k: {s}\n"), 0),
        Ok((Some(root), d)) if d.is_empty() && root.get("k").and_then(|n| n.as_str()) == Some(s)
    )
}

/// `s` in single quotes (`'` doubled). The caller checks that `s` is one printable line.
#[must_use]
pub fn single_quoted(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// `s` in double quotes with YAML escapes (`\\`, `\"`, `\n`, `\t`, `\xNN`, `\uNNNN`).
#[must_use]
pub fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if non_printable(c) => {
                let n = u32::from(c);
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02x}"));
                } else {
                    out.push_str(&format!("\\u{n:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A quoted form of single-line `s`: single quotes, or double quotes when `s` has a tab or a
/// control character (which only an escape writes readably) or when `s` has `'` and the
/// double-quoted form is no longer than the single-quoted one (`''` for each `'` against
/// `\\` and `\"` for each backslash and double quote). A value full of backslashes, such as
/// a description with literal `\n` sequences, stays short in single quotes.
#[must_use]
pub fn quoted(s: &str) -> String {
    if s.contains('\t') || s.chars().any(non_printable) {
        return double_quoted(s);
    }
    if !s.contains('\'') {
        return single_quoted(s);
    }
    let single = single_quoted(s);
    let double = double_quoted(s);
    if double.len() <= single.len() {
        double
    } else {
        single
    }
}

/// The text to write after `key:` (including the separating space) for string `s`, as a
/// top-level value whose continuation lines are indented by `indent` spaces.
///
/// Multi-line text becomes a literal block scalar (`|-` without a final line break, `|` with
/// one, `|+` with more); text with control characters or leading spaces on its first line is
/// double-quoted instead, because block scalars cannot hold those exactly and readably.
#[must_use]
pub fn value_text(s: &str, indent: usize) -> String {
    if s.contains('\n') {
        let first = s.lines().next().unwrap_or("");
        let block_ok = !s
            .chars()
            .any(|c| (non_printable(c) && c != '\n') || c == '\r')
            && !first.starts_with([' ', '\t'])
            && !s.starts_with('\n')
            && !s.lines().any(|l| l.ends_with([' ', '\t']));
        if block_ok {
            let body = s.trim_end_matches('\n');
            let trailing = s.len() - body.len();
            let chomp = match trailing {
                0 => "-",
                1 => "",
                _ => "+",
            };
            let pad = " ".repeat(indent);
            let mut out = format!(" |{chomp}\n");
            let lines: Vec<&str> = body.split('\n').collect();
            for (i, line) in lines.iter().enumerate() {
                if !line.is_empty() {
                    out.push_str(&pad);
                    out.push_str(line);
                }
                if i + 1 < lines.len() {
                    out.push('\n');
                }
            }
            for _ in 1..trailing {
                out.push('\n');
            }
            return out;
        }
        return format!(" {}", double_quoted(s));
    }
    if plain_ok(s) {
        format!(" {s}")
    } else {
        format!(" {}", quoted(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// Skipping the loader for quiet text gives the loader's answer.
        #[test]
        fn quiet_text_needs_no_loader(s in "[A-Za-z0-9 _.,()/'-]{0,14}") {
            proptest::prop_assert_eq!(plain_ok_with(&s, true), plain_ok_with(&s, false), "{:?}", s);
        }
    }

    #[test]
    fn quiet_words_that_read_as_other_values_are_not_plain() {
        for s in [
            "yes", "No", "null", "~", "0644", "1.5", "-", "'a", "a ", "-1", ".inf", "1_000",
        ] {
            assert!(!plain_ok(s), "{s}");
        }
        assert!(plain_ok("Review code (Python, Go) for bugs."));
    }

    fn reads(v: &str) -> serde_json::Value {
        let (root, _) = yaml::load(&format!("k:{v}\nz: 1\n"), 0).expect("valid yaml");
        root.unwrap().get("k").unwrap().to_json()
    }

    #[test]
    fn picks_the_most_readable_exact_style() {
        assert_eq!(value_text("plain text", 2), " plain text");
        assert_eq!(value_text("yes", 2), " 'yes'");
        assert_eq!(value_text("Use when: asked", 2), " 'Use when: asked'");
        assert_eq!(value_text("it's: here", 2), " \"it's: here\"");
        assert_eq!(value_text("*.ts", 2), " '*.ts'");
        assert_eq!(value_text("a\nb", 2), " |-\n  a\n  b");
        // Backslashes cost more in double quotes than one `'` does in single quotes.
        assert_eq!(
            value_text(r#"it's: a\nb\nc "d""#, 2),
            r#" 'it''s: a\nb\nc "d"'"#
        );
        assert_eq!(value_text(r#"it's: "x""#, 2), r#" 'it''s: "x"'"#);
        assert_eq!(value_text(r#"it's "x": y's"#, 2), r#" "it's \"x\": y's""#);
    }

    #[test]
    fn every_style_reads_back_exactly() {
        for s in [
            "yes",
            "NO",
            "0644",
            "1.10",
            "12:30",
            "a: b",
            "x #y",
            "'q'",
            "\"d\"",
            "tab\there",
            "[x]",
            "{a}",
            "@me",
            "`code`",
            "%p",
            "!t",
            "&a",
            "*a",
            "- item",
            "line\nnext",
            "a\n\nb\n",
            "trail\n\n",
            "ctl\u{1}",
            " lead",
            "trail ",
            "é ü —",
            "",
            "null",
            "~",
        ] {
            let v = value_text(s, 2);
            assert_eq!(
                reads(&v),
                serde_json::Value::String(s.into()),
                "{s:?} -> {v:?}"
            );
        }
    }
}
