//! EMIT: render [`FileReport`]s as text. Pure functions returning `String`; the CLI prints.
//!
//! - [`human`]: rustc/ruff style (`path:line:col`, source line, caret, help);
//! - [`json`]: one JSON array of diagnostics;
//! - [`sarif`]: SARIF 2.1.0 for code-scanning tools;
//! - [`github`]: GitHub Actions workflow commands (`::error file=…`).

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::check::FileReport;
use crate::diagnostic::Diagnostic;
use crate::span::LineCol;

/// Start and end line:column of a diagnostic (1-based; columns in chars). `(1:1, 1:1)` when the
/// report has no text.
#[must_use]
pub fn position(report: &FileReport, d: &Diagnostic) -> (LineCol, LineCol) {
    match &report.source {
        Some(src) => (src.line_col(d.span.start), src.line_col(d.span.end)),
        None => (
            LineCol { line: 1, column: 1 },
            LineCol { line: 1, column: 1 },
        ),
    }
}
