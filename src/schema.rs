//! VALIDATE (structural): the JSON Schema of each kind (`schemas/<kind>.schema.json`, draft
//! 2020-12), embedded in the binary, and what other stages need from it (known keys in schema
//! order, required keys).

use std::sync::OnceLock;

use crate::kind::Kind;

mod validate;

pub use validate::validate;

/// The raw JSON text of the schema for `kind`.
#[must_use]
pub fn schema_text(kind: Kind) -> &'static str {
    match kind {
        Kind::ClaudeAgent => include_str!("../schemas/claude-agent.schema.json"),
        Kind::ClaudeCommand => include_str!("../schemas/claude-command.schema.json"),
        Kind::ClaudeSkill => include_str!("../schemas/claude-skill.schema.json"),
        Kind::ClaudeMd => include_str!("../schemas/claude-md.schema.json"),
        Kind::ClaudeRule => include_str!("../schemas/claude-rule.schema.json"),
        Kind::CursorMdc => include_str!("../schemas/cursor-mdc.schema.json"),
        Kind::Cursorrules => include_str!("../schemas/cursorrules.schema.json"),
        Kind::CursorAgent => include_str!("../schemas/cursor-agent.schema.json"),
        Kind::CursorCommand => include_str!("../schemas/cursor-command.schema.json"),
        Kind::CopilotInstructions => include_str!("../schemas/copilot-instructions.schema.json"),
        Kind::CopilotScopedInstructions => {
            include_str!("../schemas/copilot-scoped-instructions.schema.json")
        }
        Kind::CopilotPrompt => include_str!("../schemas/copilot-prompt.schema.json"),
        Kind::CopilotChatmode => include_str!("../schemas/copilot-chatmode.schema.json"),
        Kind::CopilotAgent => include_str!("../schemas/copilot-agent.schema.json"),
        Kind::AgentsMd => include_str!("../schemas/agents-md.schema.json"),
        Kind::GeminiMd => include_str!("../schemas/gemini-md.schema.json"),
        Kind::GeminiCommand => include_str!("../schemas/gemini-command.schema.json"),
        Kind::GeminiAgent => include_str!("../schemas/gemini-agent.schema.json"),
        Kind::CodexAgent => include_str!("../schemas/codex-agent.schema.json"),
        Kind::OpencodeAgent => include_str!("../schemas/opencode-agent.schema.json"),
        Kind::OpencodeCommand => include_str!("../schemas/opencode-command.schema.json"),
        Kind::WindsurfRule => include_str!("../schemas/windsurf-rule.schema.json"),
        Kind::KiroSteering => include_str!("../schemas/kiro-steering.schema.json"),
    }
}

/// The parsed schema for `kind` (parsed once).
///
/// # Panics
/// Never for the committed schemas: a test parses every one.
#[must_use]
pub fn schema_json(kind: Kind) -> &'static serde_json::Value {
    static CACHE: OnceLock<Vec<serde_json::Value>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        Kind::ALL
            .iter()
            .map(|k| serde_json::from_str(schema_text(*k)).expect("committed schema is valid JSON"))
            .collect()
    });
    let i = Kind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("kind is in ALL");
    &all[i]
}

/// The top-level keys the schema of `kind` documents, in schema order.
#[must_use]
pub fn known_keys(kind: Kind) -> Vec<&'static str> {
    schema_json(kind)
        .get("properties")
        .and_then(serde_json::Value::as_object)
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// The top-level keys the schema of `kind` requires, in schema order.
#[must_use]
pub fn required_keys(kind: Kind) -> Vec<&'static str> {
    schema_json(kind)
        .get("required")
        .and_then(serde_json::Value::as_array)
        .map(|r| r.iter().filter_map(serde_json::Value::as_str).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_parses() {
        for k in Kind::ALL {
            let s = schema_json(*k);
            assert_eq!(
                s["$schema"], "https://json-schema.org/draft/2020-12/schema",
                "{k}"
            );
            assert!(jsonschema::draft202012::new(s).is_ok(), "{k} compiles");
            for (key, p) in s["properties"].as_object().expect("properties") {
                let d = p["description"].as_str().unwrap_or("");
                assert!(
                    d.trim_end().ends_with(']'),
                    "{k}.{key}: description cites a source"
                );
            }
            for r in required_keys(*k) {
                assert!(
                    known_keys(*k).contains(&r),
                    "{k}: required `{r}` is a property"
                );
            }
        }
    }
}
