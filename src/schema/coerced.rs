//! Booleans written as strings (`disable-model-invocation: "true"`) in fields whose schema
//! accepts them because the owning tool coerces them: valid for that tool, but not for older
//! versions of it nor for the other tools that read the same file.
//!
//! A field opts in with the annotation `x-coerced` (the help text saying who coerces it and
//! who does not) on its schema property.

use serde_json::Value as J;

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::document::{Node, Style, Value};
use crate::rules::{Rule as _, invalid_type::InvalidType};

/// The boolean that `text` spells (`true`, `False`, `yes`, `off`, `1`, …), if any.
fn spelled_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "on" | "1" => Some(true),
        "false" | "no" | "off" | "0" => Some(false),
        _ => None,
    }
}

/// Reports, as `invalid-type` warnings with a safe fix to the bare boolean, each top-level
/// field of `root` whose schema property in `schema` carries `x-coerced` and whose value is a
/// quoted string spelling a boolean. Spans are the value's bytes in the document text.
pub(super) fn coerced_booleans(root: &Node, schema: &J, out: &mut Vec<Diagnostic>) {
    let (Value::Map(entries), Some(props)) = (&root.value, schema.get("properties")) else {
        return;
    };
    for e in entries {
        let Some(help) = props
            .get(&e.key)
            .and_then(|p| p.get("x-coerced"))
            .and_then(J::as_str)
        else {
            continue;
        };
        // An unquoted `yes` or `on` is `yaml-ambiguous-scalar`'s to report.
        let Value::Str(text, Style::Single | Style::Double) = &e.value.value else {
            continue;
        };
        let Some(b) = spelled_bool(text) else {
            continue;
        };
        let mut d = InvalidType.meta().diag(
            e.value.span,
            format!(
                "`{}` is the string `\"{text}\"`, not the boolean `{b}`",
                e.key
            ),
        );
        d.severity = crate::diagnostic::Severity::Warning;
        out.push(d.with_help(help).with_fix(
            Applicability::Safe,
            vec![Edit {
                span: e.value.span,
                replacement: b.to_string(),
            }],
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::spelled_bool;

    #[test]
    fn reads_the_spellings_claude_code_accepts() {
        for (t, b) in [
            ("true", true),
            ("FALSE", false),
            ("Yes", true),
            ("off", false),
            ("1", true),
        ] {
            assert_eq!(spelled_bool(t), Some(b), "{t}");
        }
        assert_eq!(spelled_bool("maybe"), None);
    }
}
