//! Completion in front matter and TOML: the keys a kind accepts, and the values of a key
//! (enum values and model aliases from the schema, tool names, the workspace's subagent and
//! skill names).

use lsp_types as lsp;

use agentfmt::document::Document;
use agentfmt::rules;

use super::features::{described, property};

/// Literal alternatives of a `^(a|b|c)$` or `^(a|b|c-\S+)$` pattern: the ones without regex
/// syntax.
fn pattern_words(pattern: &str) -> Vec<String> {
    let Some(inner) = pattern
        .strip_prefix("^(")
        .and_then(|p| p.strip_suffix(")$"))
    else {
        return Vec::new();
    };
    inner
        .split('|')
        .filter(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
        .map(str::to_owned)
        .collect()
}

/// The values a key accepts, from its schema: `enum` (of the value or its items) and the
/// literal words of a `pattern`.
fn schema_values(prop: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    for p in [Some(prop), prop.get("items")].into_iter().flatten() {
        if let Some(e) = p.get("enum").and_then(|e| e.as_array()) {
            out.extend(e.iter().filter_map(|v| match v {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Bool(b) => Some(b.to_string()),
                _ => None,
            }));
        }
        if let Some(p) = p.get("pattern").and_then(|p| p.as_str()) {
            out.extend(pattern_words(p));
        }
    }
    out
}

/// The names of the workspace's subagents and skills, for completion.
#[derive(Debug, Default)]
pub(crate) struct Names {
    /// Subagent names.
    pub agents: Vec<String>,
    /// Skill names.
    pub skills: Vec<String>,
}

/// The completions at byte `offset` of `doc`: in front matter or TOML, the keys the kind
/// accepts (at the start of a line) or the values of the key on the line (enum values, model
/// aliases, tool names, the workspace's subagent and skill names).
pub(crate) fn completion(doc: &Document, offset: usize, names: &Names) -> Vec<lsp::CompletionItem> {
    let text = doc.text();
    let offset = offset.min(text.len());
    let in_metadata = doc.kind.is_toml()
        || doc.front_matter.as_ref().is_some_and(|fm| {
            let r = fm.content.range();
            r.start <= offset && offset <= r.end
        });
    if !in_metadata {
        return Vec::new();
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..offset];
    let separator = if doc.kind.is_toml() { '=' } else { ':' };
    let Some((key, _)) = before.split_once(separator) else {
        if before.starts_with([' ', '\t']) {
            return Vec::new();
        }
        let present: Vec<&str> = doc.entries().iter().map(|e| e.key.as_str()).collect();
        return agentfmt::schema::known_keys(doc.kind)
            .into_iter()
            .filter(|k| !present.contains(k))
            .map(|k| {
                let doc_text = property(doc.kind, k)
                    .and_then(|p| p.get("description"))
                    .and_then(|d| d.as_str())
                    .map(|d| {
                        lsp::Documentation::MarkupContent(lsp::MarkupContent {
                            kind: lsp::MarkupKind::Markdown,
                            value: described(d),
                        })
                    });
                lsp::CompletionItem {
                    label: k.to_owned(),
                    kind: Some(lsp::CompletionItemKind::PROPERTY),
                    documentation: doc_text,
                    insert_text: Some(if doc.kind.is_toml() {
                        format!("{k} = ")
                    } else {
                        format!("{k}: ")
                    }),
                    ..lsp::CompletionItem::default()
                }
            })
            .collect();
    };
    let key = key.trim().trim_matches('"');
    let mut values: Vec<(String, lsp::CompletionItemKind)> = Vec::new();
    if let Some(prop) = property(doc.kind, key) {
        values.extend(
            schema_values(prop)
                .into_iter()
                .map(|v| (v, lsp::CompletionItemKind::ENUM_MEMBER)),
        );
    }
    let lower = key.to_ascii_lowercase();
    if lower.contains("tools") {
        values.extend(
            rules::unknown_tool::tool_names(doc.kind)
                .iter()
                .map(|t| ((*t).to_owned(), lsp::CompletionItemKind::FUNCTION)),
        );
    }
    if lower == "skills" {
        values.extend(
            names
                .skills
                .iter()
                .map(|s| (s.clone(), lsp::CompletionItemKind::REFERENCE)),
        );
    }
    if matches!(
        lower.as_str(),
        "agent" | "agents" | "subagents" | "handoffs"
    ) {
        values.extend(
            names
                .agents
                .iter()
                .map(|s| (s.clone(), lsp::CompletionItemKind::REFERENCE)),
        );
    }
    let mut seen = std::collections::HashSet::new();
    values
        .into_iter()
        .filter(|(v, _)| seen.insert(v.clone()))
        .map(|(label, kind)| lsp::CompletionItem {
            label,
            kind: Some(kind),
            ..lsp::CompletionItem::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_words_take_the_literal_alternatives() {
        assert_eq!(
            pattern_words(r"^(sonnet|opus|inherit|claude-\S+)$"),
            ["sonnet", "opus", "inherit"]
        );
        assert!(pattern_words("^[^:-][^:]*$").is_empty());
    }
}
