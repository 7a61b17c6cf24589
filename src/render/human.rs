//! Human output in the style of rustc and ruff, rendered with annotate-snippets.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet, renderer::DecorStyle};

use crate::check::FileReport;
use crate::diagnostic::{Diagnostic, Severity};

/// Renders every diagnostic of `reports` (already sorted) with source excerpts.
/// `color` adds ANSI styles.
#[must_use]
pub fn render(reports: &[FileReport], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .decor_style(DecorStyle::Ascii);
    let mut out = String::new();
    for report in reports {
        for d in &report.diagnostics {
            out.push_str(&render_one(&renderer, report, d));
            out.push_str("\n\n");
        }
    }
    out
}

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

fn render_one(renderer: &Renderer, report: &FileReport, d: &Diagnostic) -> String {
    let id = format!("{}/{}", d.code, d.rule);
    let title = level(d.severity).primary_title(d.message.as_str()).id(id);
    let mut groups: Vec<Group<'_>> = Vec::new();
    match &report.source {
        Some(src) => {
            let text = src.text.as_str();
            let idx = src.line_index();
            // Show only the lines around the spans, so huge files render quickly.
            let mut spans = vec![d.span];
            spans.extend(d.labels.iter().map(|l| l.span));
            let first = spans
                .iter()
                .map(|s| idx.line_of(s.start))
                .min()
                .unwrap_or(0);
            let last = spans
                .iter()
                .map(|s| idx.line_of(s.end.max(s.start)))
                .max()
                .unwrap_or(0);
            let start = idx.line_range(first, text.len()).start;
            let end = idx.line_range(last, text.len()).end;
            let excerpt = &text[start..end];
            let clamp = |s: crate::span::Span| {
                let a = (s.start as usize).clamp(start, end) - start;
                let b = (s.end as usize).clamp(start, end) - start;
                a..b.max(a)
            };
            let mut snippet = Snippet::source(excerpt)
                .line_start(first + 1)
                .path(report.path.as_str())
                .fold(true)
                .annotation(AnnotationKind::Primary.span(clamp(d.span)));
            for l in &d.labels {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(clamp(l.span))
                        .label(l.message.as_str()),
                );
            }
            groups.push(title.element(snippet));
        }
        None => {
            groups.push(title.element(Level::NOTE.message(format!("in {}", report.path))));
        }
    }
    if let Some(help) = &d.help {
        groups.push(Group::with_title(
            Level::HELP.secondary_title(help.as_str()),
        ));
    }
    renderer.render(&groups)
}

/// The one-line summary: `Found 3 errors and 1 warning in 2 files (checked 10 files).`
#[must_use]
pub fn summary(reports: &[FileReport]) -> String {
    let errors: usize = reports.iter().map(|r| r.count(Severity::Error)).sum();
    let warnings: usize = reports.iter().map(|r| r.count(Severity::Warning)).sum();
    let files = reports
        .iter()
        .filter(|r| r.diagnostics.iter().any(|d| d.severity > Severity::Info))
        .count();
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    if errors + warnings == 0 {
        return format!(
            "All checks passed ({} checked).",
            plural(reports.len(), "file")
        );
    }
    format!(
        "Found {} and {} in {} ({} checked).",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files, "file"),
        plural(reports.len(), "file")
    )
}
