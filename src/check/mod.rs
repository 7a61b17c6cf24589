//! The `check` pipeline for one file: decode → parse → validate, as a pure function over bytes;
//! inline suppressions ([`suppress`]) and fixes ([`fix`]) on top.

pub mod fix;
pub mod suppress;

use suppress::Suppressions;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{self, Document};
use crate::rules::{self, Context, Rule as _};
use crate::source::{self, Decoded, SourceText};
use crate::span::Span;
use crate::tools::Kind;

/// The outcome of checking one file.
#[derive(Debug)]
pub struct FileReport {
    /// The path shown in output (the logical path for stdin and the corpus).
    pub path: String,
    /// The decoded text, when the file was text (renderers need it for line:column).
    pub source: Option<SourceText>,
    /// The kind the file was checked as.
    pub kind: Option<Kind>,
    /// Diagnostics, sorted by span, with configured severities applied and `off` rules removed.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// A report for a file agentfmt could not read, or one that was skipped (binary, too large):
    /// one diagnostic at the file start.
    #[must_use]
    pub fn without_text(path: String, diagnostic: Diagnostic) -> Self {
        Self {
            path,
            source: None,
            kind: None,
            diagnostics: vec![diagnostic],
        }
    }

    /// The number of diagnostics at `severity`.
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Decodes and parses `bytes`. `None` for a binary file (with its note diagnostic).
///
/// `path` is the logical path (for kind detection); `forced` overrides detection.
///
/// # Errors
/// A binary file gives its `binary-file` note as the error.
pub fn load(
    bytes: &[u8],
    path: &str,
    forced: Option<Kind>,
) -> Result<(Document, Vec<Diagnostic>), Box<Diagnostic>> {
    match source::decode(bytes) {
        Decoded::Binary { nul_offset } => {
            Err(Box::new(rules::binary_file::BinaryFile.meta().diag(
                Span::empty(0),
                format!("binary file (NUL byte at offset {nul_offset}), skipped"),
            )))
        }
        Decoded::Text(src, mut diags) => {
            let parsed = document::parse(src, Some(path), forced);
            diags.extend(parsed.diagnostics);
            Ok((parsed.doc, diags))
        }
    }
}

/// Every diagnostic for an already-parsed document: parse diagnostics (`parse_diags`), mojibake,
/// schema and semantic rules, filtered and re-levelled by `config` for `path`.
#[must_use]
pub fn validate(
    doc: &Document,
    mut diags: Vec<Diagnostic>,
    ctx: &Context<'_>,
    config: &Config,
) -> Vec<Diagnostic> {
    diags.extend(rules::mojibake::diagnostics(doc));
    diags.extend(crate::schema::validate(doc));
    if rules::ignored_in_plugin::in_plugin(doc, ctx) {
        rules::ignored_in_plugin::relax_plugin_agent(&mut diags);
    }
    diags.extend(rules::run(doc, ctx));
    let mut suppressions = Suppressions::parse(doc);
    suppressions.apply(&mut diags);
    diags.extend(suppressions.unused());
    finish(doc.path.as_deref().unwrap_or(""), diags, config)
}

/// Applies configuration (severity overrides, `off`, per-path ignores) and sorts.
#[must_use]
pub fn finish(path: &str, diags: Vec<Diagnostic>, config: &Config) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = diags
        .into_iter()
        .filter_map(|mut d| {
            if config.is_ignored(path, d.code, d.rule) || !config.selection.enabled(d.code, d.rule)
            {
                return None;
            }
            match config.severity(d.code, d.rule) {
                Some(None) => None,
                Some(Some(s)) => {
                    d.severity = s;
                    Some(d)
                }
                None => Some(d),
            }
        })
        .collect();
    out.sort_by(|a, b| (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code)));
    out.dedup();
    out
}

/// Checks one file's bytes end to end.
#[must_use]
pub fn check_bytes(
    bytes: &[u8],
    path: &str,
    forced: Option<Kind>,
    ctx: &Context<'_>,
    config: &Config,
) -> (FileReport, Option<Document>) {
    match load(bytes, path, forced) {
        Err(note) => (FileReport::without_text(path.to_owned(), *note), None),
        Ok((doc, diags)) => {
            let diagnostics = validate(&doc, diags, ctx, config);
            let report = FileReport {
                path: path.to_owned(),
                source: Some(doc.source.clone()),
                kind: Some(doc.kind),
                diagnostics,
            };
            (report, Some(doc))
        }
    }
}
