//! The body safety net: a rewrite is kept only if the body still renders to the same HTML
//! (pulldown-cmark, GFM options; deps.md §2.5 "guard").
//!
//! A rewrite's edits come in units (all bullets of one list, the two fences of one code
//! block), which stand or fall together. The units are first tried together; if the rendering
//! changes, they are split in halves and each half is tried on top of what was already
//! accepted, down to single units. Bad units are dropped and good ones kept, for a few renders
//! per bad unit.
//!
//! The renders per rewrite are bounded. When a rewrite's units need more than that (many units
//! that each change the rendering), the rewrite keeps none of them, not the ones accepted so
//! far: which units the bisection reaches within the bound depends on which were already
//! applied, so keeping them would let the next fmt run accept more, and fmt would not be
//! idempotent. A rewrite either settles every unit or changes nothing, so the text it leaves
//! gives the same units, and the same outcome, on the next run.
//!
//! Each trial is parsed once, for its events and for the [`Scan`] the next rewrite needs:
//! the last accepted trial is the new body, so the caller does not parse it again. Equal
//! events render the same HTML, so HTML is built only for a trial whose events differ
//! (see [`Reference`]).

use super::body::{Reference, Scan};
use crate::diagnostic::{Edit, apply_edits};

/// Renders allowed per rewrite; a rewrite that needs more is refused whole (bounds the time
/// spent on pathological files, see the module doc).
const MAX_RENDERS: usize = 64;

/// Outcome of [`apply_guarded`].
pub struct Guarded {
    /// The body with the accepted edits and its [`Scan`]; `None` when no edit was accepted
    /// (the body is unchanged).
    pub new: Option<(String, Scan)>,
    /// How many edits were accepted.
    pub accepted: usize,
    /// How many units of edits were refused.
    pub refused: usize,
    /// Byte offset (in the input text) of the first refused edit.
    pub first_refused: Option<usize>,
}

struct Search<'a> {
    text: &'a str,
    want: &'a Reference<'a>,
    accepted: Vec<Edit>,
    /// The text of the last accepted trial (`text` with every accepted edit) and its scan.
    last: Option<(String, Scan)>,
    refused: usize,
    first_refused: Option<usize>,
    renders: usize,
    /// A trial was needed after the last allowed render.
    exhausted: bool,
}

impl Search<'_> {
    fn try_add(&mut self, cand: &[Vec<Edit>]) {
        if cand.is_empty() || self.exhausted {
            return;
        }
        if self.renders >= MAX_RENDERS {
            self.exhausted = true;
            return;
        }
        let ok = {
            self.renders += 1;
            let mut trial = self.accepted.clone();
            trial.extend(cand.iter().flatten().cloned());
            let trial_text = apply_edits(self.text, &trial);
            let (same, scan) = self.want.check(&trial_text);
            if same {
                // Accepted edits only grow, and each growth is a trial: the last accepted
                // trial is always `text` with exactly the accepted edits.
                self.last = Some((trial_text, scan));
            }
            same
        };
        if ok {
            self.accepted.extend(cand.iter().flatten().cloned());
        } else if cand.len() == 1 {
            self.refused += cand.len();
            let at = cand[0].first().map_or(0, |e| e.span.start as usize);
            self.first_refused = Some(self.first_refused.map_or(at, |f| f.min(at)));
        } else {
            let (a, b) = cand.split_at(cand.len() / 2);
            self.try_add(a);
            self.try_add(b);
        }
    }
}

/// Applies the subset of the units of `edits` (non-overlapping byte edits of `text`) that
/// keeps the HTML rendering of `text` equal to that of `want`; none of them when settling
/// every unit would take more than `MAX_RENDERS` renders.
#[must_use]
pub fn apply_guarded(text: &str, edits: &[Vec<Edit>], want: &Reference<'_>) -> Guarded {
    let mut s = Search {
        text,
        want,
        accepted: Vec::new(),
        last: None,
        refused: 0,
        first_refused: None,
        renders: 0,
        exhausted: false,
    };
    s.try_add(edits);
    if s.exhausted {
        // Out of renders: keep nothing, so the outcome does not depend on what was applied.
        return Guarded {
            new: None,
            accepted: 0,
            refused: edits.len(),
            first_refused: edits.iter().flatten().map(|e| e.span.start as usize).min(),
        };
    }
    Guarded {
        new: s.last,
        accepted: s.accepted.len(),
        refused: s.refused,
        first_refused: s.first_refused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fmt::body::{analyse, html};
    use crate::span::Span;

    #[test]
    fn keeps_the_edits_that_render_the_same() {
        // `+` → `-` on the second list would merge two lists: refused; the first is fine.
        let text = "* a\n* b\n\n+ c\n";
        assert_eq!(html(text), html("- a\n- b\n\n+ c\n"));
        let want = Reference::new(analyse(text).0);
        let dash = |at: usize| Edit {
            span: Span::new(at, at + 1),
            replacement: "-".into(),
        };
        let edits = vec![vec![dash(0), dash(4)], vec![dash(9)]];
        let g = apply_guarded(text, &edits, &want);
        let (new, scan) = g.new.expect("some edits accepted");
        assert_eq!(new, "- a\n- b\n\n+ c\n");
        // The scan is the new text's: one unordered list of two items, then another.
        assert_eq!(scan.bullets, vec![vec![0, 4], vec![9]]);
        assert_eq!((g.accepted, g.refused, g.first_refused), (2, 1, Some(9)));
    }

    #[test]
    fn a_rewrite_past_the_render_budget_changes_nothing() {
        // Unit i turns `x` into `y` in paragraph i; every other unit is fine, every other one
        // turns a paragraph into a heading. Settling 40 bad units among 80 takes more renders
        // than allowed, so no unit is kept, not even the good ones found first.
        let text: String = (0..80).map(|_| "x\n\n").collect();
        let want = Reference::new(analyse(&text).0);
        let units: Vec<Vec<Edit>> = (0..80)
            .map(|i| {
                let replacement = if i % 2 == 0 { "x" } else { "# x" };
                vec![Edit {
                    span: Span::new(3 * i, 3 * i + 1),
                    replacement: replacement.into(),
                }]
            })
            .collect();
        let g = apply_guarded(&text, &units, &want);
        assert!(g.new.is_none());
        assert_eq!((g.accepted, g.refused, g.first_refused), (0, 80, Some(0)));
        // Within the budget, the good units are kept and the bad ones refused.
        let g = apply_guarded(&text, &units[..8], &want);
        assert_eq!((g.accepted, g.refused, g.first_refused), (4, 4, Some(3)));
    }

    #[test]
    fn different_events_are_compared_by_their_html() {
        let want = Reference::new(analyse("a & b\n").0);
        // An entity gives other text events, but the same HTML.
        assert_ne!(analyse("a &amp; b\n").0, analyse("a & b\n").0);
        assert!(want.check("a &amp; b\n").0);
        assert!(want.check("a & b\n").0);
        assert!(!want.check("a & c\n").0);
        assert!(!want.check("# a & b\n").0);
        assert!(!want.check("a & b\n\nc\n").0);
        // The scan is the checked text's.
        assert_eq!(want.check("* a & b\n").1.bullets, vec![vec![0]]);
    }
}
