//! Lenient front-matter readers that mirror how the owning tool reads text that strict YAML
//! rejects.
//!
//! - Claude Code reads an unquoted `description:` that contains `: ` and multi-line
//!   `<example>` blocks as plain text [CC-CHANGELOG].
//! - Cursor reads `.mdc` front matter as `key: value` lines and `globs` as raw text, so
//!   `globs: **/*.ts` (invalid YAML: `*` starts an alias) is a pattern (
//!   [CUR-RULES], [CUR-GLOB]).
//!
//! Both readers split the block into top-level fields at lines of the form `key:` at column 0.
//! Each field is then tried as strict YAML on its own; a field that still fails is kept as raw
//! text ([`Style::Raw`]).

use super::node::{Entry, Node, Style, Value};
use super::yaml;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::span::Span;

/// One top-level field found by the line splitter: key, key span, raw value span.
struct RawField {
    key: String,
    key_span: Span,
    /// Byte range of the whole field text, from the key to the end of its last line.
    field: std::ops::Range<usize>,
    /// Byte range of the value text (trimmed), possibly empty.
    value: std::ops::Range<usize>,
}

fn key_at_line_start(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    if b.is_empty() || !(b[0].is_ascii_alphabetic() || b[0] == b'_') {
        return None;
    }
    let mut i = 1;
    while i < b.len()
        && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'-' || b[i] == b'.')
    {
        i += 1;
    }
    if i < b.len()
        && b[i] == b':'
        && (i + 1 == b.len()
            || b[i + 1] == b' '
            || b[i + 1] == b'\t'
            || b[i + 1] == b'\r'
            || b[i + 1] == b'\n')
    {
        Some(i)
    } else {
        None
    }
}

/// Tags opened minus tags closed in `text` (`<example>` without `</example>` gives 1).
fn tag_delta(text: &str) -> i32 {
    let mut depth = 0i32;
    let mut rest = text;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let closing = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        if name.is_empty() {
            continue;
        }
        let after = &rest[usize::from(closing) + name.len()..];
        if !after.starts_with('>') {
            continue;
        }
        depth += if closing { -1 } else { 1 };
    }
    depth
}

fn split_fields(yaml: &str, base: usize) -> Vec<RawField> {
    let mut fields: Vec<RawField> = Vec::new();
    let mut pos = 0;
    // Open-tag depth of the current field's value, kept incrementally (linear time).
    let mut depth = 0i32;
    for line in yaml.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let inside_tag = !fields.is_empty() && depth > 0;
        match key_at_line_start(content) {
            Some(k) if !inside_tag => {
                depth = tag_delta(&content[k + 1..]).max(0);
                let after = &content[k + 1..];
                let lead = after.len() - after.trim_start().len();
                let vs = start + k + 1 + lead;
                let ve = start + content.trim_end().len();
                fields.push(RawField {
                    key: content[..k].to_owned(),
                    key_span: Span::new(base + start, base + start + k),
                    field: base + start..base + start + content.len(),
                    value: base + vs..base + ve.max(vs),
                });
            }
            _ => {
                let text = content.trim();
                if text.is_empty() || (content.starts_with('#') && !inside_tag) {
                    continue;
                }
                depth = (depth + tag_delta(content)).max(0);
                if let Some(f) = fields.last_mut() {
                    let end = base + start + content.trim_end().len();
                    f.field.end = end;
                    if f.value.is_empty() {
                        f.value.start = base + start + (content.len() - content.trim_start().len());
                    }
                    f.value.end = end;
                }
            }
        }
    }
    fields
}

/// Reads front matter the way Claude Code does when strict YAML fails.
///
/// `yaml` is the front-matter text, starting at file offset `base`. Every field is tried as
/// strict YAML; the fields that fail keep their text, with continuation lines joined by `\n`.
#[must_use]
pub fn claude(yaml: &str, base: usize, diags: &mut Vec<Diagnostic>) -> Node {
    read(yaml, base, &[], diags)
}

/// Reads front matter whose `raw_key` holds bare patterns the owning tool takes as raw text,
/// the way Cursor reads `.mdc` `globs` (JetBrains AI Assistant `patterns: **/*.tsx` alike):
/// that key, and any field that is not valid YAML, is raw text; the rest is YAML per field.
#[must_use]
pub fn raw_key(yaml: &str, base: usize, raw_key: &str, diags: &mut Vec<Diagnostic>) -> Node {
    read(yaml, base, &[raw_key], diags)
}

fn read(yaml: &str, base: usize, raw_keys: &[&str], diags: &mut Vec<Diagnostic>) -> Node {
    let mut entries: Vec<Entry> = Vec::new();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for f in split_fields(yaml, base) {
        if let Some(first) = seen.get(&f.key).map(|&i| &entries[i]) {
            diags.push(
                codes::DUPLICATE_KEY
                    .diag(f.key_span, format!("duplicate key `{}`", f.key))
                    .with_label(first.key_span, "first defined here")
                    .with_help("YAML readers disagree on which value wins; keep one"),
            );
        }
        let value_text = &yaml[f.value.start - base..f.value.end - base];
        let value = if raw_keys.contains(&f.key.as_str()) {
            raw_node(value_text, f.value.start)
        } else {
            let field_text = &yaml[f.field.start - base..f.field.end - base];
            match yaml::load(field_text, f.field.start) {
                // The field's own key, compared by span: YAML resolves `null:` or `True:`
                // to a key text other than the one written.
                Ok((Some(root), _)) => match root.value {
                    Value::Map(mut e) if e.len() == 1 && e[0].key_span == f.key_span => {
                        e.remove(0).value
                    }
                    _ => raw_node(value_text, f.value.start),
                },
                _ => raw_node(value_text, f.value.start),
            }
        };
        seen.entry(f.key.clone()).or_insert(entries.len());
        entries.push(Entry {
            key: f.key,
            key_span: f.key_span,
            value,
        });
    }
    let span = Span::new(base, base + yaml.len());
    Node {
        span,
        value: Value::Map(entries),
    }
}

fn raw_node(text: &str, at: usize) -> Node {
    let joined: String = text.lines().map(str::trim).collect::<Vec<_>>().join("\n");
    let value = if text.is_empty() {
        Value::Null
    } else {
        match joined.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::Str(joined, Style::Raw),
        }
    };
    Node {
        span: Span::new(at, at + text.len()),
        value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claude_reads_unquoted_descriptions_with_examples() {
        let y = "name: helper\ndescription: Use this agent when: the user asks. <example>\nuser: 'hi'\nassistant: 'ok'\n</example>\ntools: Read, Grep\n";
        let root = claude(y, 0, &mut Vec::new());
        let keys: Vec<&str> = root.entries().iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["name", "description", "tools"]);
        let d = root.get("description").unwrap().as_str().unwrap();
        assert!(d.starts_with("Use this agent when: the user"));
        assert!(d.contains("user: 'hi'\nassistant: 'ok'\n</example>"));
        assert_eq!(root.get("tools").unwrap().as_str(), Some("Read, Grep"));
    }

    #[test]
    fn cursor_globs_are_raw_text() {
        let y = "description: TS\nglobs: **/*.ts, src/**/*.{ts,tsx}\nalwaysApply: false\n";
        let root = raw_key(y, 4, "globs", &mut Vec::new());
        let g = root.get("globs").unwrap();
        assert_eq!(g.as_str(), Some("**/*.ts, src/**/*.{ts,tsx}"));
        assert_eq!(g.span.start, 4 + 23);
        assert_eq!(root.get("alwaysApply").unwrap().as_bool(), Some(false));
        let quoted = raw_key("globs: \"*.ts\"\n", 0, "globs", &mut Vec::new());
        assert_eq!(quoted.get("globs").unwrap().as_str(), Some("\"*.ts\""));
        let empty = raw_key("globs:\n", 0, "globs", &mut Vec::new());
        assert_eq!(empty.get("globs").unwrap().value, Value::Null);
    }

    #[test]
    fn a_key_yaml_resolves_to_another_text_still_reads_its_value_as_yaml() {
        // `null`, `True` and `FALSE` are keys whose YAML text differs from the key written;
        // the value is the block scalar, not its raw text with the `|-` indicator.
        for key in ["null", "Null", "True", "FALSE"] {
            let y = format!("stray line\n{key}: |-\n  x\n  y\n");
            let root = claude(&y, 0, &mut Vec::new());
            let v = &root.entries()[0].value.value;
            assert_eq!(v, &Value::Str("x\ny".into(), Style::Literal), "{key}");
        }
    }
}
