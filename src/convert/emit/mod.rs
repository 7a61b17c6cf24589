//! A small emitter for the front matter and TOML that agentfmt writes: scalars are quoted only
//! when needed (plain, then single quotes, then double quotes; block scalars for multi-line
//! text), so the output reads the same in YAML 1.2 and YAML 1.1 readers (deps.md §1.5).

use crate::document::{Entry, Node, Value};
use crate::fmt::quote;

mod toml;
pub use toml::{toml_basic, toml_key, toml_multiline, toml_value};

/// A value to emit.
#[derive(Clone, Debug, PartialEq)]
pub enum Y {
    /// A string, quoted as needed.
    Str(String),
    /// Text written exactly as given (Cursor's bare `globs` [CUR-GLOB]).
    Raw(String),
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// Null.
    Null,
    /// A list (flow style when short and plain, else block style).
    List(Vec<Y>),
    /// A mapping, in order.
    Map(Vec<(String, Y)>),
}

impl Y {
    /// A string value.
    #[must_use]
    pub fn s(s: impl Into<String>) -> Self {
        Y::Str(s.into())
    }

    /// A list of strings.
    #[must_use]
    pub fn strs<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> Self {
        Y::List(items.into_iter().map(|s| Y::Str(s.into())).collect())
    }

    /// Converts a parsed value (for fields passed through between kinds of one tool).
    #[must_use]
    pub fn from_node(n: &Node) -> Self {
        match &n.value {
            Value::Null => Y::Null,
            Value::Bool(b) => Y::Bool(*b),
            Value::Int(i) => Y::Int(*i),
            Value::Float(f) => Y::Float(*f),
            Value::Str(s, _) => Y::Str(s.clone()),
            Value::Seq(items) => Y::List(items.iter().map(Y::from_node).collect()),
            Value::Map(e) => Y::Map(
                last_of_each_key(e)
                    .into_iter()
                    .map(|e| (e.key.clone(), Y::from_node(&e.value)))
                    .collect(),
            ),
        }
    }
}

/// The entries of a mapping with each key once: of a key given twice, the last entry, which
/// YAML readers that accept duplicates keep (a TOML table or a YAML map with both would be
/// invalid). In source order of the entries kept.
#[must_use]
pub(crate) fn last_of_each_key(entries: &[Entry]) -> Vec<&Entry> {
    entries
        .iter()
        .enumerate()
        .filter(|(i, e)| !entries[i + 1..].iter().any(|later| later.key == e.key))
        .map(|(_, e)| e)
        .collect()
}

/// Whether `s` can be written as a plain scalar and read back as the same string by YAML 1.2
/// and YAML 1.1 readers: [`crate::fmt::quote::plain_ok`], plus two stricter rules for
/// generated files (no leading `-`, `?` or `:`, and nothing that looks like a number or date).
#[must_use]
pub fn plain_ok(s: &str) -> bool {
    quote::plain_ok(s) && !s.starts_with(['-', '?', ':']) && !looks_numeric(s)
}

/// Dates, sexagesimal numbers and other strings some YAML 1.1 readers type.
fn looks_numeric(s: &str) -> bool {
    let t = s.trim_start_matches(['+', '-', '.']);
    t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || "-:._eE+".contains(c))
}

/// Writes a string scalar on one line, quoted as needed; `None` if it needs a block scalar.
#[must_use]
pub fn inline_str(s: &str) -> Option<String> {
    if s.contains('\n') {
        return None;
    }
    // Only a double-quoted scalar can hold (escaped) non-printable characters such as U+FFFF.
    if s.chars().any(quote::non_printable) {
        return Some(double_quoted(s));
    }
    if plain_ok(s) {
        return Some(s.to_owned());
    }
    if !s.chars().any(char::is_control) {
        return Some(quote::single_quoted(s));
    }
    Some(double_quoted(s))
}

/// A YAML double-quoted string with escapes ([`crate::fmt::quote::double_quoted`]).
#[must_use]
pub fn double_quoted(s: &str) -> String {
    quote::double_quoted(s)
}

fn block_str(s: &str, indent: usize) -> String {
    // Block scalars cannot hold control characters other than tab, lines of only spaces that
    // would be read as indentation, or lines that start with a tab; double quotes then.
    let bad = s
        .chars()
        .any(|c| c != '\n' && c != '\t' && (c.is_control() || quote::non_printable(c)))
        || s.lines().any(|l| !l.is_empty() && l.trim().is_empty())
        // A line starting with a tab is content to YAML, but line-based readers (and
        // agentfmt's own `yaml-tab`) take the tab for indentation.
        || s.lines().any(|l| l.starts_with('\t'));
    if bad {
        return format!(" {}", double_quoted(s));
    }
    let chomp = if s.ends_with("\n\n") {
        "+"
    } else if s.ends_with('\n') {
        ""
    } else {
        "-"
    };
    let pad = " ".repeat(indent + 2);
    let ind = if s.starts_with([' ', '\t']) || s.starts_with('\n') {
        "2"
    } else {
        ""
    };
    let mut out = format!(" |{ind}{chomp}\n");
    let body = s.strip_suffix('\n').unwrap_or(s);
    for line in body.split('\n') {
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
        out.push('\n');
    }
    if chomp == "+" {
        // the trailing empty lines are kept by `|+`
    }
    out.pop();
    out
}

fn flow_ok(items: &[Y]) -> bool {
    let mut len = 0;
    for i in items {
        match i {
            Y::Str(s) if plain_ok(s) && !s.contains([',', '[', ']', '{', '}']) => {
                len += s.len() + 2
            }
            _ => return false,
        }
    }
    len < 70
}

/// The longest key written as an implicit key (`key: value`), in characters as written. YAML
/// restricts an implicit key to one line of at most 1,024 Unicode characters (the YAML 1.2.2
/// specification, <https://yaml.org/spec/1.2.2/>, "implicit keys"); longer keys are written
/// explicitly (`? key` then `: value`), with some room to spare.
const IMPLICIT_KEY_MAX: usize = 1000;

/// Appends `key: value` at `indent` spaces to `out` (with a trailing line break); a key over
/// [`IMPLICIT_KEY_MAX`] characters as written goes on a `? ` line of its own.
pub fn field(out: &mut String, indent: usize, key: &str, v: &Y) {
    let pad = " ".repeat(indent);
    let k = inline_str(key).unwrap_or_else(|| double_quoted(key));
    out.push_str(&pad);
    if k.chars().count() > IMPLICIT_KEY_MAX {
        out.push_str("? ");
        out.push_str(&k);
        out.push('\n');
        out.push_str(&pad);
    } else {
        out.push_str(&k);
    }
    out.push(':');
    match v {
        Y::List(items) if items.is_empty() => out.push_str(" []\n"),
        Y::Map(entries) if entries.is_empty() => out.push_str(" {}\n"),
        // `key:` with nothing after it: null in YAML, an empty value to Cursor's raw reader.
        Y::Null => out.push('\n'),
        Y::List(items) if flow_ok(items) => {
            let parts: Vec<String> = items
                .iter()
                .map(|i| scalar(i).unwrap_or_default())
                .collect();
            out.push_str(&format!(" [{}]\n", parts.join(", ")));
        }
        Y::List(items) => {
            out.push('\n');
            for i in items {
                item(out, indent + 2, i);
            }
        }
        Y::Map(entries) => {
            out.push('\n');
            for (k, v) in entries {
                field(out, indent + 2, k, v);
            }
        }
        Y::Str(s) if s.contains('\n') => {
            out.push_str(&block_str(s, indent));
            out.push('\n');
        }
        _ => {
            out.push(' ');
            out.push_str(&scalar(v).unwrap_or_default());
            out.push('\n');
        }
    }
}

fn item(out: &mut String, indent: usize, v: &Y) {
    let pad = " ".repeat(indent);
    match v {
        Y::Map(entries) if !entries.is_empty() => {
            let mut sub = String::new();
            for (k, v) in entries {
                field(&mut sub, indent + 2, k, v);
            }
            out.push_str(&pad);
            out.push_str("- ");
            out.push_str(&sub[indent + 2..]);
        }
        Y::List(items) if !items.is_empty() => {
            out.push_str(&pad);
            out.push_str("-\n");
            for i in items {
                item(out, indent + 2, i);
            }
        }
        Y::Str(s) if s.contains('\n') => {
            out.push_str(&pad);
            out.push('-');
            out.push_str(&block_str(s, indent));
            out.push('\n');
        }
        Y::List(_) => out.push_str(&format!("{pad}- []\n")),
        Y::Map(_) => out.push_str(&format!("{pad}- {{}}\n")),
        _ => out.push_str(&format!("{pad}- {}\n", scalar(v).unwrap_or_default())),
    }
}

fn scalar(v: &Y) -> Option<String> {
    Some(match v {
        Y::Str(s) => inline_str(s).unwrap_or_else(|| double_quoted(s)),
        Y::Raw(s) => s.clone(),
        Y::Bool(b) => b.to_string(),
        Y::Int(i) => i.to_string(),
        Y::Float(f) if f.is_nan() => ".nan".to_owned(),
        Y::Float(f) if f.is_infinite() => if *f > 0.0 { ".inf" } else { "-.inf" }.to_owned(),
        Y::Float(f) => {
            let s = f.to_string();
            if s.contains(['.', 'e']) {
                s
            } else {
                format!("{s}.0")
            }
        }
        Y::Null => "null".to_owned(),
        Y::List(_) | Y::Map(_) => return None,
    })
}

/// A whole front-matter block (`---` … `---`), or an empty string when there are no fields.
#[must_use]
pub fn front_matter(fields: &[(String, Y)]) -> String {
    if fields.is_empty() {
        return String::new();
    }
    let mut out = String::from("---\n");
    for (k, v) in fields {
        field(&mut out, 0, k, v);
    }
    out.push_str("---\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::yaml;

    #[test]
    fn a_key_given_twice_is_passed_through_once_with_its_last_value() {
        let (root, d) = yaml::load("a: 1\nb: {c: g, c: h}\na: 3\n", 0).unwrap();
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(
            Y::from_node(&root.unwrap()),
            Y::Map(vec![
                ("b".into(), Y::Map(vec![("c".into(), Y::s("h"))])),
                ("a".into(), Y::Int(3)),
            ])
        );
    }

    fn roundtrip(s: &str) {
        let fm = front_matter(&[("k".into(), Y::s(s))]);
        let inner = &fm[4..fm.len() - 4];
        let (root, _) =
            yaml::load(inner, 0).unwrap_or_else(|e| panic!("{s:?} -> {inner:?}: {e:?}"));
        let root = root.unwrap();
        assert_eq!(root.get("k").unwrap().as_str(), Some(s), "{inner}");
    }

    /// A key over YAML's 1,024-character limit for implicit keys (an MCP tool name in an
    /// OpenCode `tools` map, found by fuzzing convert) is written as an explicit key, at the
    /// top level, nested, and as the first key of a list item.
    #[test]
    fn long_keys_are_explicit() {
        let long = format!("mcp_{}", "x\u{8d}y".repeat(400));
        let v = Y::Map(vec![
            (long.clone(), Y::Bool(true)),
            ("read".into(), Y::Bool(false)),
        ]);
        let fm = front_matter(&[
            (long.clone(), Y::s("top")),
            ("tools".into(), v.clone()),
            ("items".into(), Y::List(vec![v])),
        ]);
        let inner = &fm[4..fm.len() - 4];
        let (root, _) = yaml::load(inner, 0).unwrap_or_else(|e| panic!("{inner}: {e:?}"));
        let root = root.unwrap();
        assert_eq!(root.get(&long).unwrap().as_str(), Some("top"));
        let tools = root.get("tools").unwrap();
        assert_eq!(tools.get(&long).unwrap().as_bool(), Some(true));
        assert_eq!(tools.get("read").unwrap().as_bool(), Some(false));
        let Value::Seq(items) = &root.get("items").unwrap().value else {
            panic!("{inner}")
        };
        assert_eq!(items[0].get(&long).unwrap().as_bool(), Some(true));
        // Short keys stay implicit.
        assert!(fm.contains("\n  read: false\n"), "{fm}");
    }

    #[test]
    fn non_printable_characters_are_escaped() {
        assert_eq!(inline_str("a\u{ffff}b").unwrap(), "\"a\\uffffb\"");
        assert_eq!(block_str("a\u{fffe}\nb\n", 0), " \"a\\ufffe\\nb\\n\"");
    }

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(inline_str("Reviews code").unwrap(), "Reviews code");
        assert_eq!(inline_str("yes").unwrap(), "'yes'");
        assert_eq!(inline_str("1.10").unwrap(), "'1.10'");
        assert_eq!(inline_str("Use when: asked").unwrap(), "'Use when: asked'");
        assert_eq!(inline_str("[issue-number]").unwrap(), "'[issue-number]'");
        assert_eq!(inline_str("it's").unwrap(), "it's");
        for s in [
            "yes",
            "NO",
            "on",
            "y",
            "true",
            "null",
            "~",
            "",
            "1.0",
            "1.10",
            "0644",
            "0o17",
            "1_000",
            "1e3",
            "12:30",
            "2001-12-14",
            ".inf",
            "Use this: when",
            "#x",
            "- x",
            "*x",
            "&x",
            "!x",
            "%x",
            "@x",
            "`x",
            " lead",
            "trail ",
            "multi\nline",
            "multi\nline\n",
            "a\n\n",
            "  indented\nx",
            "'q'",
            "\"d\"",
            "{",
            "[",
            "|",
            ">",
            "ünï",
            "0x1F",
            "+1",
            "-.5",
            "tab\there",
            "ctl\u{7}",
            "x #y",
            "ends:",
        ] {
            roundtrip(s);
        }
    }

    #[test]
    fn toml_strings_parse() {
        for s in [
            "plain\n",
            "has ''' inside\n",
            "ends with '",
            "quote \"\"\" x\"",
            "back\\slash\n",
        ] {
            let t = format!(
                "prompt = {}\ndescription = {}\n",
                toml_multiline(s),
                toml_basic(s)
            );
            let v: ::toml::Table = t.parse().unwrap_or_else(|e| panic!("{t}: {e}"));
            assert_eq!(v["prompt"].as_str(), Some(s), "{t}");
            assert_eq!(v["description"].as_str(), Some(s));
        }
    }

    #[test]
    fn toml_values_parse() {
        let v = Y::Map(vec![
            (
                "docs server".into(),
                Y::Map(vec![
                    ("command".into(), Y::s("x \"y\"")),
                    ("args".into(), Y::strs(["-a", "b"])),
                ]),
            ),
            ("n".into(), Y::Int(3)),
            ("f".into(), Y::Float(2.0)),
            ("ok".into(), Y::Bool(true)),
            ("empty".into(), Y::Map(vec![])),
        ]);
        let t = format!("v = {}\n", toml_value(&v).unwrap());
        let parsed: ::toml::Table = t.parse().unwrap_or_else(|e| panic!("{t}: {e}"));
        let v = parsed["v"].as_table().unwrap();
        assert_eq!(v["docs server"]["command"].as_str(), Some("x \"y\""));
        assert_eq!(v["docs server"]["args"][1].as_str(), Some("b"));
        assert_eq!(v["n"].as_integer(), Some(3));
        assert_eq!(v["f"].as_float(), Some(2.0));
        assert_eq!(v["ok"].as_bool(), Some(true));
        assert_eq!(toml_value(&Y::List(vec![Y::Null])), None);
    }
}
