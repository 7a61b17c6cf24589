//! TOML agent files: Gemini CLI custom commands (`prompt`, `description`;
//! [GEM-CMDS]) and Codex custom agents (`name`, `description`, `developer_instructions`;
//! [CODEX-SUB]).

use toml::de::{DeTable, DeValue};

use super::node::{Entry, Node, Style, Value};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::span::Span;

/// Whether `text` looks like a TOML command or agent: a `prompt =` line (Gemini CLI) or a
/// `developer_instructions =` line (Codex).
#[must_use]
pub fn looks_like_command(text: &str) -> bool {
    !text.starts_with("---")
        && text.lines().any(|l| {
            let l = l.trim_start();
            ["prompt", "developer_instructions"].iter().any(|k| {
                l.strip_prefix(k)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
        })
}

/// Parses a TOML command into a mapping node; reports TOML syntax errors.
pub fn parse(text: &str, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    match DeTable::parse(text) {
        Ok(table) => {
            let span = table.span();
            Some(table_node(
                table.into_inner(),
                Span::new(span.start, span.end),
            ))
        }
        Err(e) => {
            let sp = e
                .span()
                .map_or(Span::empty(0), |r| Span::new(r.start, r.end.max(r.start)));
            diags
                .push(codes::TOML_SYNTAX.diag(sp, format!("invalid TOML: {}", e.message().trim())));
            None
        }
    }
}

fn table_node(t: DeTable<'_>, span: Span) -> Node {
    // In source order (the parsed table is ordered by key).
    let mut entries: Vec<Entry> = t
        .into_iter()
        .map(|(k, v)| {
            let ks = k.span();
            let vs = v.span();
            Entry {
                key: k.into_inner().into_owned(),
                key_span: Span::new(ks.start, ks.end),
                value: value_node(v.into_inner(), Span::new(vs.start, vs.end)),
            }
        })
        .collect();
    entries.sort_by_key(|e| e.key_span.start);
    Node {
        span,
        value: Value::Map(entries),
    }
}

fn value_node(v: DeValue<'_>, span: Span) -> Node {
    let value = match v {
        DeValue::String(s) => Value::Str(s.into_owned(), Style::Toml),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map_or(Value::Str(i.to_string(), Style::Toml), Value::Int),
        DeValue::Float(f) => f.as_str().parse().map_or(Value::Null, Value::Float),
        DeValue::Boolean(b) => Value::Bool(b),
        DeValue::Datetime(d) => Value::Str(d.to_string(), Style::Toml),
        DeValue::Array(a) => Value::Seq(
            a.into_iter()
                .map(|x| {
                    let s = x.span();
                    value_node(x.into_inner(), Span::new(s.start, s.end))
                })
                .collect(),
        ),
        DeValue::Table(t) => return table_node(t, span),
    };
    Node { span, value }
}
