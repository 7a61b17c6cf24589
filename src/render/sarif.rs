//! SARIF 2.1.0 output (the subset code-scanning tools read), written as plain serde structs.

use serde_json::{Value, json};

use crate::check::FileReport;
use crate::diagnostic::Severity;
use crate::rules::{RULES, RuleMeta};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Renders a SARIF 2.1.0 log with one run. Columns are Unicode code points
/// (`columnKind: unicodeCodePoints`); paths are relative URIs as given.
#[must_use]
pub fn render(reports: &[FileReport]) -> String {
    let metas: Vec<&RuleMeta> = RULES.iter().map(|r| r.meta()).collect();
    let rules: Vec<Value> = metas
        .iter()
        .map(|m| {
            json!({
                "id": m.code,
                "name": m.name,
                "shortDescription": { "text": m.summary() },
                "fullDescription": { "text": m.markdown() },
                "help": { "text": m.markdown(), "markdown": m.markdown() },
                "defaultConfiguration": { "level": level(m.default) }
            })
        })
        .collect();
    let mut results = Vec::new();
    for r in reports {
        for d in &r.diagnostics {
            let (start, end) = super::position(r, d);
            let mut result = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": { "text": match &d.help { Some(h) => format!("{}\nhelp: {h}", d.message), None => d.message.clone() } },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": r.path.replace('\\', "/") },
                        "region": {
                            "startLine": start.line,
                            "startColumn": start.column,
                            "endLine": end.line,
                            "endColumn": end.column
                        }
                    }
                }]
            });
            if let Some(i) = metas.iter().position(|m| m.code == d.code) {
                result["ruleIndex"] = json!(i);
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "agentfmt",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/agentfmt/agentfmt",
                "rules": rules
            }},
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}
