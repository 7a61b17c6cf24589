//! Strict YAML loader: granit-parser events → spanned [`Node`] tree.
//!
//! Plain scalars resolve with the YAML 1.2 core schema. Aliases are never expanded (an alias
//! bomb cannot grow), duplicate keys are reported with both positions, and plain scalars that
//! a YAML 1.1 reader (PyYAML, old js-yaml) would read differently are reported.

use granit_parser::{Event, Parser, ScalarStyle};

use super::node::{Entry, Node, Style, Value};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::span::Span;

/// A YAML syntax error: where and what.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    /// Byte offset in the file.
    pub offset: usize,
    /// The parser's message.
    pub message: String,
}

enum Frame {
    Seq {
        start: usize,
        items: Vec<Node>,
    },
    Map {
        start: usize,
        entries: Vec<Entry>,
        key: Option<(String, Span)>,
        /// Index of the first entry of each key, so duplicate detection stays linear.
        seen: std::collections::HashMap<String, usize>,
    },
}

/// Loads `yaml` (a front-matter block whose first byte is at file offset `base`).
///
/// Returns the root node (`None` for an empty document) and diagnostics (duplicate keys,
/// aliases, YAML-1.1-ambiguous scalars), or the first syntax error.
///
/// # Errors
/// A [`SyntaxError`] when the text is not valid YAML.
pub fn load(yaml: &str, base: usize) -> Result<(Option<Node>, Vec<Diagnostic>), SyntaxError> {
    let mut diags = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    let mut docs = 0;
    for item in Parser::new_from_str(yaml) {
        let (event, span) = item.map_err(|e| SyntaxError {
            offset: base + e.marker().byte_offset().unwrap_or(0),
            message: e.info(),
        })?;
        let range = span.byte_range().unwrap_or(0..0);
        let sp = Span::new(base + range.start, base + range.end);
        let node = match event {
            Event::DocumentStart(..) => {
                docs += 1;
                if docs > 1 {
                    return Err(SyntaxError {
                        offset: sp.start as usize,
                        message: "more than one YAML document in front matter".into(),
                    });
                }
                continue;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Anchor(..) => {
                continue;
            }
            Event::Alias(_) | Event::UnresolvedAlias(_) => {
                diags.push(
                    codes::YAML_ALIAS
                        .diag(
                            sp,
                            "aliases are not allowed in front matter; they are not expanded".into(),
                        )
                        .with_help("write the value out in full"),
                );
                Node {
                    span: sp,
                    value: Value::Null,
                }
            }
            Event::Scalar(text, style, _anchor, tag) => {
                let is_key = matches!(stack.last(), Some(Frame::Map { key: None, .. }));
                let is_str_tag = tag.as_ref().is_some_and(|t| t.to_string().ends_with("str"));
                let value = match style {
                    ScalarStyle::Plain if !is_str_tag => {
                        let v = resolve_plain(&text);
                        if let (Value::Str(s, _), false) = (&v, is_key)
                            && let Some(why) = yaml11_reading(s)
                        {
                            diags.push(
                                codes::YAML_AMBIGUOUS_SCALAR
                                    .diag(sp, format!("unquoted `{s}` is {why} in YAML 1.1"))
                                    .with_help(format!("quote it: \"{s}\"")),
                            );
                        }
                        v
                    }
                    ScalarStyle::Plain => Value::Str(text.into_owned(), Style::Plain),
                    ScalarStyle::SingleQuoted => Value::Str(text.into_owned(), Style::Single),
                    ScalarStyle::DoubleQuoted => Value::Str(text.into_owned(), Style::Double),
                    ScalarStyle::Literal => Value::Str(text.into_owned(), Style::Literal),
                    ScalarStyle::Folded => Value::Str(text.into_owned(), Style::Folded),
                };
                Node { span: sp, value }
            }
            Event::SequenceStart(..) => {
                stack.push(Frame::Seq {
                    start: sp.start as usize,
                    items: Vec::new(),
                });
                continue;
            }
            Event::MappingStart(..) => {
                stack.push(Frame::Map {
                    start: sp.start as usize,
                    entries: Vec::new(),
                    key: None,
                    seen: std::collections::HashMap::new(),
                });
                continue;
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq { start, items }) => {
                    let end = items
                        .last()
                        .map_or(sp.end as usize, |n| (n.span.end).max(sp.end) as usize);
                    Node {
                        span: Span::new(start, end.max(start)),
                        value: Value::Seq(items),
                    }
                }
                _ => continue,
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map { start, entries, .. }) => {
                    let end = entries
                        .last()
                        .map_or(sp.end as usize, |e| e.value.span.end.max(sp.end) as usize);
                    Node {
                        span: Span::new(start, end.max(start)),
                        value: Value::Map(entries),
                    }
                }
                _ => continue,
            },
            // Comments and any event kinds added by later parser versions carry no data.
            _ => continue,
        };
        push(&mut stack, &mut root, node, &mut diags);
    }
    Ok((root, diags))
}

fn push(stack: &mut [Frame], root: &mut Option<Node>, node: Node, diags: &mut Vec<Diagnostic>) {
    match stack.last_mut() {
        None => *root = Some(node),
        Some(Frame::Seq { items, .. }) => items.push(node),
        Some(Frame::Map {
            entries, key, seen, ..
        }) => match key.take() {
            None => {
                let text = match &node.value {
                    Value::Str(s, _) => s.clone(),
                    Value::Null => String::new(),
                    other => node_key_text(other),
                };
                *key = Some((text, node.span));
            }
            Some((k, key_span)) => {
                if let Some(first) = seen.get(&k).map(|&i| &entries[i]) {
                    diags.push(
                        codes::DUPLICATE_KEY
                            .diag(key_span, format!("duplicate key `{k}`"))
                            .with_label(first.key_span, "first defined here")
                            .with_help("YAML readers disagree on which value wins; keep one"),
                    );
                }
                seen.entry(k.clone()).or_insert(entries.len());
                entries.push(Entry {
                    key: k,
                    key_span,
                    value: node,
                });
            }
        },
    }
}

fn node_key_text(v: &Value) -> String {
    match v {
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        _ => String::from("<complex key>"),
    }
}

/// Resolves a plain scalar with the YAML 1.2 core schema.
#[must_use]
pub fn resolve_plain(s: &str) -> Value {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    let b = s.as_bytes();
    let digits = |t: &[u8]| !t.is_empty() && t.iter().all(u8::is_ascii_digit);
    let unsigned = b
        .strip_prefix(b"-")
        .or_else(|| b.strip_prefix(b"+"))
        .unwrap_or(b);
    if digits(unsigned) {
        if let Ok(i) = s.parse::<i64>() {
            return Value::Int(i);
        }
        return Value::Float(s.parse().unwrap_or(0.0));
    }
    if let Some(hex) = s.strip_prefix("0x")
        && let Ok(i) = i64::from_str_radix(hex, 16)
    {
        return Value::Int(i);
    }
    if let Some(oct) = s.strip_prefix("0o")
        && let Ok(i) = i64::from_str_radix(oct, 8)
    {
        return Value::Int(i);
    }
    if is_core_float(unsigned)
        && let Ok(f) = s.parse::<f64>()
    {
        return Value::Float(f);
    }
    Value::Str(s.to_owned(), Style::Plain)
}

/// `( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
fn is_core_float(b: &[u8]) -> bool {
    let mut i = 0;
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let int_digits = i - int_start;
    let mut frac_digits = 0;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            frac_digits += 1;
        }
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let s = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == s {
            return false;
        }
    }
    i == b.len()
}

/// If a YAML 1.1 reader would not read plain string `s` as a string, says what it reads
/// instead ("a boolean", "an octal number", ...).
#[must_use]
pub fn yaml11_reading(s: &str) -> Option<&'static str> {
    match s {
        "y" | "Y" | "yes" | "Yes" | "YES" | "n" | "N" | "no" | "No" | "NO" | "on" | "On" | "ON"
        | "off" | "Off" | "OFF" => return Some("a boolean"),
        _ => {}
    }
    let b = s.as_bytes();
    let unsigned = b
        .strip_prefix(b"-")
        .or_else(|| b.strip_prefix(b"+"))
        .unwrap_or(b);
    if unsigned.len() > 1
        && unsigned[0] == b'0'
        && unsigned.iter().all(|c| (b'0'..=b'7').contains(c))
    {
        return Some("an octal number");
    }
    if unsigned.contains(&b'_')
        && unsigned[0].is_ascii_digit()
        && unsigned
            .iter()
            .all(|c| c.is_ascii_digit() || *c == b'_' || *c == b'.')
    {
        return Some("a number");
    }
    // sexagesimal 1:30, 1:30:00
    let parts: Vec<&str> = s.split(':').collect();
    if parts.len() >= 2
        && parts[0].bytes().all(|c| c.is_ascii_digit())
        && !parts[0].is_empty()
        && parts[1..]
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit()))
    {
        return Some("a sexagesimal number");
    }
    // 2001-12-14 timestamp
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return Some("a date");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_spans_and_types() {
        let y = "name: x\ntools: [Read, Grep]\nn: 3\nok: true\nq: 'a: b'\n";
        let (root, diags) = load(y, 4).unwrap();
        let root = root.unwrap();
        assert!(diags.is_empty());
        let name = root.entry("name").unwrap();
        assert_eq!(name.key_span, Span::new(4, 8));
        assert_eq!(name.value.span, Span::new(10, 11));
        assert_eq!(root.get("n").unwrap().value, Value::Int(3));
        assert_eq!(root.get("ok").unwrap().value, Value::Bool(true));
        assert_eq!(root.get("q").unwrap().as_str(), Some("a: b"));
        assert_eq!(root.get("tools").unwrap().as_seq().unwrap().len(), 2);
        let (k, n) = root.lookup("/tools/1").unwrap();
        assert!(k.is_none());
        assert_eq!(
            &y[n.span.start as usize - 4..n.span.end as usize - 4],
            "Grep"
        );
    }

    #[test]
    fn duplicate_keys_and_aliases_are_reported() {
        let (_, diags) = load("name: a\nname: b\n", 0).unwrap();
        assert_eq!(diags[0].rule, "duplicate-key");
        assert_eq!(diags[0].labels[0].span, Span::new(0, 4));
        let (_, diags) = load("a: &x [1]\nb: *x\n", 0).unwrap();
        assert_eq!(diags[0].rule, "yaml-alias");
    }

    #[test]
    fn billion_laughs_is_not_expanded() {
        let mut y = String::from("a0: &a0 [lol, lol]\n");
        for i in 1..200 {
            y.push_str(&format!("a{i}: &a{i} [*a{}, *a{}]\n", i - 1, i - 1));
        }
        let (_, diags) = load(&y, 0).unwrap();
        assert_eq!(diags.len(), 398);
    }

    #[test]
    fn yaml11_ambiguity() {
        for s in ["yes", "NO", "on", "0644", "1_000", "12:30", "2001-12-14"] {
            assert!(yaml11_reading(s).is_some(), "{s}");
        }
        for s in ["sonnet", "1.10", "0", "10", "a:b"] {
            assert!(yaml11_reading(s).is_none(), "{s}");
        }
        assert_eq!(resolve_plain("0o17"), Value::Int(15));
        assert_eq!(resolve_plain("1.5e3"), Value::Float(1500.0));
        assert!(matches!(resolve_plain("1.2.3"), Value::Str(..)));
    }

    #[test]
    fn syntax_errors_have_offsets() {
        let err = load("description: Use this: when\n", 10).unwrap_err();
        assert!(err.offset >= 10, "{err:?}");
        assert!(load("x: [\n", 0).is_err());
        let deep = format!("x: {}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(load(&deep, 0).is_err());
    }
}
