//! `mojibake` (AF004): Reports text that is UTF-8 decoded in the wrong code page (Windows-1252, Mac OS Roman, Latin-1), with the repaired text as a safe fix.

declare_rule! {
    /// ## What it does
    /// Reports text that is UTF-8 decoded in the wrong code page (Windows-1252, Mac OS Roman, Latin-1), with the repaired text as a safe fix.
    ///
    /// ## Why is this bad?
    /// The model reads `â€”` instead of `—` and `ðŸ“‘` instead of an emoji: tokens wasted, meaning blurred. `agentfmt fmt` and `agentfmt repair` apply the fix.
    ///
    /// ## Example
    /// ```text
    /// **Backend is not just CRUDâ€”it's system architecture.**
    /// ```
    pub struct Mojibake {
        code: "AF004",
        name: "mojibake",
        severity: Warning,
    }
}

parse_stage_rule!(Mojibake);

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::document::Document;
use crate::repair;
use crate::rules::Rule as _;
use crate::span::Span;

/// The `mojibake` diagnostics of `doc`: one per damaged line, whose safe fix holds every
/// repair on that line (see [`crate::repair`] for the model).
#[must_use]
pub fn diagnostics(doc: &Document) -> Vec<Diagnostic> {
    let text = doc.text();
    if repair::is_clean_fast(text) {
        return Vec::new();
    }
    for_fixes(doc, &repair::repair(text).fixes)
}

/// The `mojibake` diagnostics of `fixes` (from [`repair::repair`] of `doc`'s text: sorted,
/// non-overlapping byte spans): one per line. A line with a guessed byte names the guess,
/// its confidence and the other candidates.
#[must_use]
pub fn for_fixes(doc: &Document, fixes: &[repair::Fix]) -> Vec<Diagnostic> {
    let idx = doc.source.line_index();
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut groups: Vec<(usize, Vec<&repair::Fix>)> = Vec::new();
    for f in fixes {
        let line = idx.line_of(f.span.start);
        match groups.last_mut() {
            Some((l, g)) if *l == line => g.push(f),
            _ => groups.push((line, vec![f])),
        }
    }
    for (_, fixes) in groups {
        let first = fixes[0];
        let span = Span::new(
            first.span.start as usize,
            fixes.last().map_or(first.span.end, |f| f.span.end) as usize,
        );
        let message = if fixes.len() == 1 {
            first.message()
        } else {
            let mut m = format!(
                "{}: {} damaged sequences, e.g. `{}` should be `{}`",
                first.damage.description(),
                fixes.len(),
                first.original.escape_debug(),
                first.replacement.escape_debug()
            );
            if let Some(g) = fixes.iter().find(|f| !f.alternatives.is_empty()) {
                m.push_str(&format!(
                    "; `{}` is a guess: {}",
                    g.original.escape_debug(),
                    g.message()
                ));
            }
            m
        };
        let confidence = fixes.iter().map(|f| f.confidence).fold(1.0f32, f32::min);
        let edits = fixes
            .iter()
            .map(|f| Edit {
                span: f.span,
                replacement: f.replacement.clone(),
            })
            .collect();
        out.push(
            Mojibake
                .meta()
                .diag(span, message)
                .with_help(format!(
                    "`agentfmt repair` or `agentfmt fmt` fixes it (confidence {:.0}%)",
                    confidence * 100.0
                ))
                .with_fix(Applicability::Safe, edits),
        );
    }
    out
}
