//! JSON output: one array with an object per diagnostic.

use serde::Serialize;

use crate::check::FileReport;
use crate::diagnostic::{Diagnostic, Fix, Label};
use crate::span::{LineCol, Span};

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    kind: Option<&'static str>,
    code: &'static str,
    rule: &'static str,
    severity: &'static str,
    message: &'a str,
    /// Byte offsets into the decoded text.
    span: Span,
    start: LineCol,
    end: LineCol,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    labels: &'a [Label],
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<&'a Fix>,
}

/// Renders all diagnostics as a pretty-printed JSON array.
#[must_use]
pub fn render(reports: &[FileReport]) -> String {
    let items: Vec<JsonDiagnostic<'_>> = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| item(r, d)))
        .collect();
    let mut s = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}

fn item<'a>(r: &'a FileReport, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let (start, end) = super::position(r, d);
    JsonDiagnostic {
        path: &r.path,
        kind: r.kind.map(crate::tools::Kind::as_str),
        code: d.code,
        rule: d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        span: d.span,
        start,
        end,
        help: d.help.as_deref(),
        labels: &d.labels,
        fix: d.fix.as_ref(),
    }
}
