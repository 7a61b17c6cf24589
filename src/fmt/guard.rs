//! The body safety net: a rewrite is kept only if the body still renders to the same HTML
//! (pulldown-cmark, GFM options; deps.md §2.5 "guard").
//!
//! A rewrite's edits come in units (all bullets of one list, the two fences of one code
//! block), which stand or fall together. The units are first tried together; if the rendering
//! changes, they are split in halves and each half is tried on top of what was already
//! accepted, down to single units. Bad units are dropped and good ones kept, for a few renders
//! per bad unit.

use super::body::html;
use crate::diagnostic::{Edit, apply_edits};

/// Renders allowed per rewrite before the remaining edits are refused (bounds the time
/// spent on pathological files).
const MAX_RENDERS: usize = 64;

/// Outcome of [`apply_guarded`].
pub struct Guarded {
    /// The body with the accepted edits.
    pub text: String,
    /// How many edits were accepted.
    pub accepted: usize,
    /// How many units of edits were refused.
    pub refused: usize,
    /// Byte offset (in the input text) of the first refused edit.
    pub first_refused: Option<usize>,
}

struct Search<'a> {
    text: &'a str,
    want: &'a str,
    accepted: Vec<Edit>,
    refused: usize,
    first_refused: Option<usize>,
    renders: usize,
}

impl Search<'_> {
    fn try_add(&mut self, cand: &[Vec<Edit>]) {
        if cand.is_empty() {
            return;
        }
        let ok = self.renders < MAX_RENDERS && {
            self.renders += 1;
            let mut trial = self.accepted.clone();
            trial.extend(cand.iter().flatten().cloned());
            html(&apply_edits(self.text, &trial)) == self.want
        };
        if ok {
            self.accepted.extend(cand.iter().flatten().cloned());
        } else if cand.len() == 1 || self.renders >= MAX_RENDERS {
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
/// keeps the HTML rendering of `text` equal to `want`.
#[must_use]
pub fn apply_guarded(text: &str, edits: &[Vec<Edit>], want: &str) -> Guarded {
    let mut s = Search {
        text,
        want,
        accepted: Vec::new(),
        refused: 0,
        first_refused: None,
        renders: 0,
    };
    s.try_add(edits);
    Guarded {
        text: apply_edits(text, &s.accepted),
        accepted: s.accepted.len(),
        refused: s.refused,
        first_refused: s.first_refused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn keeps_the_edits_that_render_the_same() {
        // `+` → `-` on the second list would merge two lists: refused; the first is fine.
        let text = "* a\n* b\n\n+ c\n";
        let want = html("- a\n- b\n\n+ c\n");
        assert_eq!(html(text), want);
        let dash = |at: usize| Edit {
            span: Span::new(at, at + 1),
            replacement: "-".into(),
        };
        let edits = vec![vec![dash(0), dash(4)], vec![dash(9)]];
        let g = apply_guarded(text, &edits, &want);
        assert_eq!(g.text, "- a\n- b\n\n+ c\n");
        assert_eq!((g.accepted, g.refused, g.first_refused), (2, 1, Some(9)));
    }
}
