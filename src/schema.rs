//! VALIDATE (structural): the JSON Schema of each kind (`schemas/<kind>.schema.json`, draft
//! 2020-12), embedded in the binary, and what other stages need from it (known keys in schema
//! order, required keys).

use std::sync::OnceLock;

use crate::tools::Kind;

mod coerced;
mod validate;

pub use validate::validate;

/// The raw JSON text of the schema for `kind`.
#[must_use]
pub fn schema_text(kind: Kind) -> &'static str {
    kind.spec().schema
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
