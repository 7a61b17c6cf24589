//! Applying the fixes diagnostics carry (`agentfmt check --fix`), as a pure function over a
//! parsed document: check, apply every non-overlapping fix allowed, check the new text again,
//! until nothing is left to fix.

use std::collections::BTreeMap;

use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity, apply_edits, codes};
use crate::document::{self, Document};
use crate::rules::Context;
use crate::source::{self, Decoded};
use crate::tools::Kind;

/// The most check-and-fix rounds for one file: a fix can make another diagnostic appear (a
/// repaired key becomes a known key with a value of the wrong type), but a chain longer than
/// this means two fixes undo each other.
pub const MAX_ROUNDS: usize = 10;

/// The outcome of fixing one document.
#[derive(Debug)]
pub struct Fixed {
    /// The document as fixed (the input document when nothing was fixed).
    pub doc: Document,
    /// The diagnostics that remain in `doc`, as [`super::validate`] reports them.
    pub diagnostics: Vec<Diagnostic>,
    /// How many fixes were applied, per rule code.
    pub applied: BTreeMap<&'static str, usize>,
    /// How many rounds applied fixes (at most [`MAX_ROUNDS`]; a fixed file that reached it may
    /// have more to fix).
    pub rounds: usize,
}

impl Fixed {
    /// The number of fixes applied.
    #[must_use]
    pub fn count(&self) -> usize {
        self.applied.values().sum()
    }
}

/// Whether `d` has a fix that `unsafe_fixes` allows.
#[must_use]
pub fn fixable(d: &Diagnostic, unsafe_fixes: bool) -> bool {
    d.fix.as_ref().is_some_and(|f| {
        !f.edits.is_empty() && (unsafe_fixes || f.applicability == Applicability::Safe)
    })
}

/// The syntax errors of a list: a round of fixes that adds one is undone.
fn syntax_errors(diags: &[Diagnostic]) -> usize {
    let syntax = [
        codes::YAML_SYNTAX.code,
        codes::TOML_SYNTAX.code,
        codes::UNTERMINATED_FRONT_MATTER.code,
        codes::DUPLICATE_KEY.code,
    ];
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error && syntax.contains(&d.code))
        .count()
}

/// Picks the fixes to apply in one round: every allowed fix, in span order, that overlaps no
/// fix picked before it. Returns the edits and the codes of the fixes.
fn pick(diags: &[Diagnostic], unsafe_fixes: bool) -> (Vec<Edit>, Vec<&'static str>) {
    let mut fixes: Vec<&Diagnostic> = diags.iter().filter(|d| fixable(d, unsafe_fixes)).collect();
    fixes.sort_by_key(|d| {
        let e = &d.fix.as_ref().expect("fixable").edits;
        (e[0].span.start, e[e.len() - 1].span.end)
    });
    let mut taken: Vec<(u32, u32)> = Vec::new();
    let (mut edits, mut codes) = (Vec::new(), Vec::new());
    for d in fixes {
        let fix = d.fix.as_ref().expect("fixable");
        let clashes = fix.edits.iter().any(|e| {
            taken.iter().any(|&(s, t)| {
                (e.span.start < t && s < e.span.end)
                    || (e.span.start == e.span.end && e.span.start == s && s == t)
            })
        });
        if clashes {
            continue;
        }
        for e in &fix.edits {
            taken.push((e.span.start, e.span.end));
            edits.push(e.clone());
        }
        codes.push(d.code);
    }
    (edits, codes)
}

/// Fixes `doc` (parsed from a file at its logical path, with `forced` the kind it was forced
/// to, if any, and `parse_diags` the diagnostics of decoding and parsing it): applies the safe
/// fixes of its diagnostics, and the unsafe ones too when `unsafe_fixes`, round after round
/// (at most [`MAX_ROUNDS`]) until none is left. A round that would add a syntax error is
/// undone and ends the process. Diagnostics are filtered by `config` (and by inline
/// suppressions) before their fixes are considered: a rule that is off fixes nothing.
///
/// The fixed text is `result.doc.text()`; the caller writes it with the original source's
/// [`crate::source::SourceText::encode_like`]. Never fails.
#[must_use]
pub fn fix(
    doc: Document,
    parse_diags: Vec<Diagnostic>,
    forced: Option<Kind>,
    ctx: &Context<'_>,
    config: &Config,
    unsafe_fixes: bool,
) -> Fixed {
    let mut doc = doc;
    let mut diagnostics = super::validate(&doc, parse_diags, ctx, config);
    let mut applied: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut rounds = 0;
    for _ in 0..MAX_ROUNDS {
        let (edits, fixed_codes) = pick(&diagnostics, unsafe_fixes);
        if edits.is_empty() {
            break;
        }
        let text = apply_edits(doc.text(), &edits);
        if text == doc.text() {
            break;
        }
        let bytes = doc.source.encode_like(&text);
        let Decoded::Text(src, mut next_diags) = source::decode(&bytes) else {
            break;
        };
        let parsed = document::parse(src, doc.path.as_deref(), forced);
        next_diags.extend(parsed.diagnostics);
        let next = super::validate(&parsed.doc, next_diags, ctx, config);
        if syntax_errors(&next) > syntax_errors(&diagnostics) {
            break;
        }
        for c in fixed_codes {
            *applied.entry(c).or_default() += 1;
        }
        doc = parsed.doc;
        diagnostics = next;
        rounds += 1;
    }
    Fixed {
        doc,
        diagnostics,
        applied,
        rounds,
    }
}
