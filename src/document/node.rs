//! The spanned value tree of front matter (or a Gemini TOML command): every key and value
//! carries its byte span in the file.

use crate::span::Span;

/// How a string was written in the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// A YAML plain (unquoted) scalar.
    Plain,
    /// `'single quoted'`.
    Single,
    /// `"double quoted"`.
    Double,
    /// `|` literal block.
    Literal,
    /// `>` folded block.
    Folded,
    /// Raw text read by a tool's lenient line parser (not valid YAML as written).
    Raw,
    /// A TOML string.
    Toml,
}

/// The key of the object that stands for a non-finite float in [`Node::to_exact_json`].
pub const NON_FINITE_KEY: &str = "\u{0}float";

/// A value in front matter.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`, `~` or nothing.
    Null,
    /// `true` / `false` (YAML 1.2 core schema).
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A string with its source style.
    Str(String, Style),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, in source order (duplicate keys are kept; the last one wins on lookup).
    Map(Vec<Entry>),
}

/// A value with its span in the file (byte offsets).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Byte span of the value as written (for quoted strings, including the quotes).
    pub span: Span,
    /// The value.
    pub value: Value,
}

/// A mapping entry: key, key span, value.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The key text.
    pub key: String,
    /// Byte span of the key.
    pub key_span: Span,
    /// The value node.
    pub value: Node,
}

impl Node {
    /// The entries of a mapping (empty for other values).
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        match &self.value {
            Value::Map(e) => e,
            _ => &[],
        }
    }

    /// The last entry with key `key` in a mapping (the one YAML readers keep).
    #[must_use]
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries().iter().rev().find(|e| e.key == key)
    }

    /// The value of `key` in a mapping.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    /// The string value, if this node is a string.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s, _) => Some(s),
            _ => None,
        }
    }

    /// The bool value, if this node is a bool.
    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The items, if this node is a sequence.
    #[must_use]
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(s) => Some(s),
            _ => None,
        }
    }

    /// A scalar rendered as text (`true`, `3`, the string itself); `None` for collections and null.
    #[must_use]
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s, _) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Null | Value::Seq(_) | Value::Map(_) => None,
        }
    }

    /// Whether the value is null or an empty string.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        match &self.value {
            Value::Null => true,
            Value::Str(s, _) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// Converts to JSON for schema validation. Duplicate keys: the last one wins (as PyYAML and
    /// most YAML readers do). A non-finite float, which JSON cannot hold, becomes `null`.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        self.json_with(&|_| serde_json::Value::Null)
    }

    /// Converts to JSON for comparing values (fmt's checks that a rewrite keeps what the owning
    /// tool reads): [`Node::to_json`], except that a non-finite float, which `to_json` writes
    /// as `null`, becomes the one-entry object `{"\u0000float": ".inf"}` (or `"-.inf"`,
    /// `".nan"`), so that `.inf`, `-.inf`, `.nan` and `null` all differ. A key with a NUL is
    /// written only as an escape in a double-quoted YAML key, which no rewrite turns a float
    /// into.
    #[must_use]
    pub fn to_exact_json(&self) -> serde_json::Value {
        self.json_with(&|f| {
            let name = if f.is_nan() {
                ".nan"
            } else if f > 0.0 {
                ".inf"
            } else {
                "-.inf"
            };
            serde_json::json!({ NON_FINITE_KEY: name })
        })
    }

    /// JSON of this node, with `non_finite` writing the floats JSON cannot hold.
    fn json_with(&self, non_finite: &dyn Fn(f64) -> serde_json::Value) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => {
                serde_json::Number::from_f64(*f).map_or_else(|| non_finite(*f), J::Number)
            }
            Value::Str(s, _) => J::String(s.clone()),
            Value::Seq(items) => J::Array(items.iter().map(|n| n.json_with(non_finite)).collect()),
            Value::Map(entries) => {
                let mut m = serde_json::Map::new();
                for e in entries {
                    m.insert(e.key.clone(), e.value.json_with(non_finite));
                }
                J::Object(m)
            }
        }
    }

    /// Finds the node at a JSON pointer (`/tools/1`), returning its span and, for a mapping
    /// value, the span of its key. The empty pointer is this node.
    #[must_use]
    pub fn lookup(&self, pointer: &str) -> Option<(Option<Span>, &Node)> {
        let mut node = self;
        let mut key_span = None;
        for raw in pointer.split('/').skip(1) {
            let seg = raw.replace("~1", "/").replace("~0", "~");
            match &node.value {
                Value::Map(_) => {
                    let e = node.entry(&seg)?;
                    key_span = Some(e.key_span);
                    node = &e.value;
                }
                Value::Seq(items) => {
                    node = items.get(seg.parse::<usize>().ok()?)?;
                    key_span = None;
                }
                _ => return None,
            }
        }
        Some((key_span, node))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::yaml::resolve_plain;

    fn node(value: Value) -> Node {
        Node {
            span: Span::new(0, 0),
            value,
        }
    }

    #[test]
    fn exact_json_tells_non_finite_floats_from_null_and_each_other() {
        let exact = |s: &str| node(resolve_plain(s)).to_exact_json();
        // `to_json` cannot: JSON has no infinity.
        assert_eq!(
            node(resolve_plain("+.INF")).to_json(),
            serde_json::Value::Null
        );
        assert_eq!(exact("+.INF"), exact(".inf"));
        assert_eq!(exact("-.Inf"), serde_json::json!({"\u{0}float": "-.inf"}));
        let distinct = [exact(".inf"), exact("-.inf"), exact(".nan"), exact("null")];
        for (i, a) in distinct.iter().enumerate() {
            for b in &distinct[i + 1..] {
                assert_ne!(a, b);
            }
        }
        // Everything else is `to_json`, also inside sequences and mappings.
        assert_eq!(exact("1.5"), serde_json::json!(1.5));
        let seq = node(Value::Seq(vec![
            node(resolve_plain(".nan")),
            node(Value::Null),
        ]));
        assert_eq!(
            seq.to_exact_json(),
            serde_json::json!([{"\u{0}float": ".nan"}, null])
        );
    }
}
