//! Repeated passes: repairing can remove the evidence a pass weighed per document (a U+FFFD it
//! replaced no longer says "no byte was dropped"), so a second pass over the output may find
//! damage the first left alone. [`repair`](super::repair) runs passes until one finds
//! nothing, which makes it idempotent, and reports the fixes of all passes as spans of the
//! input: [`compose`] lifts a later pass's fixes back through the earlier ones.

use super::Fix;
use crate::span::Span;

/// Passes after the first, at most. Every fix shortens the text or changes it to text a pass
/// then leaves alone, so real inputs need one; this only bounds pathological ones.
pub(super) const MAX_EXTRA_PASSES: usize = 8;

/// `text` with `fixes` (sorted, non-overlapping spans of `text`) applied.
pub(super) fn apply(text: &str, fixes: &[Fix]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in fixes {
        out.push_str(&text[at..f.span.start as usize]);
        out.push_str(&f.replacement);
        at = f.span.end as usize;
    }
    out.push_str(&text[at..]);
    out
}

/// Fixes of `input` equivalent to applying `first` (spans of `input`) and then `second`
/// (spans of `apply(input, first)`). A second fix that touches text a first fix wrote is
/// merged with it into one fix from the input text to the final text.
pub(super) fn compose(input: &str, first: &[Fix], second: &[Fix]) -> Vec<Fix> {
    let mid = apply(input, first);
    // Where each first fix's replacement lies in `mid`.
    let mut in_mid = Vec::with_capacity(first.len());
    let mut delta: isize = 0;
    for f in first {
        let start = (f.span.start as isize + delta) as usize;
        in_mid.push(start..start + f.replacement.len());
        delta += f.replacement.len() as isize - f.span.len() as isize;
    }
    // A `mid` offset outside every replacement's interior, mapped to `input`.
    let to_input = |pos: usize| -> usize {
        let mut d: isize = 0;
        for (f, r) in first.iter().zip(&in_mid) {
            if r.start >= pos {
                break;
            }
            d = f.span.end as isize - r.end as isize;
        }
        (pos as isize + d) as usize
    };
    // Groups of `mid` ranges: each second fix, widened over the first fixes it touches.
    let mut merged = vec![false; first.len()];
    let mut groups: Vec<(std::ops::Range<usize>, Vec<&Fix>)> = Vec::new();
    for s in second {
        let mut r = s.span.range();
        let (a, b) = (r.start, r.end);
        for (i, m) in in_mid.iter().enumerate() {
            let touches = if a == b {
                m.start < a && a < m.end
            } else {
                m.start < b && a < m.end
            };
            if touches {
                merged[i] = true;
                r = r.start.min(m.start)..r.end.max(m.end);
            }
        }
        match groups.last_mut() {
            Some((g, fixes)) if r.start < g.end => {
                g.end = g.end.max(r.end);
                fixes.push(s);
            }
            _ => groups.push((r, vec![s])),
        }
    }
    let mut out: Vec<Fix> = first
        .iter()
        .zip(&merged)
        .filter(|(_, m)| !**m)
        .map(|(f, _)| f.clone())
        .collect();
    for (g, seconds) in groups {
        let mut confidence = first
            .iter()
            .zip(&in_mid)
            .filter(|(_, m)| g.start <= m.start && m.end <= g.end && !m.is_empty())
            .map(|(f, _)| f.confidence)
            .fold(f32::INFINITY, f32::min);
        let mut replacement = String::new();
        let mut at = g.start;
        for s in &seconds {
            replacement.push_str(&mid[at..s.span.start as usize]);
            replacement.push_str(&s.replacement);
            at = s.span.end as usize;
            confidence = confidence.min(s.confidence);
        }
        replacement.push_str(&mid[at..g.end]);
        let span = Span::new(to_input(g.start), to_input(g.end));
        // A later fix's alternatives are readings of its own span; they carry over when
        // that span is the whole merged one.
        let alternatives = match seconds.as_slice() {
            [only] if only.span.range() == g => only.alternatives.clone(),
            _ => Vec::new(),
        };
        out.push(Fix {
            original: input[span.range()].to_owned(),
            span,
            replacement,
            damage: seconds[0].damage,
            confidence,
            alternatives,
        });
    }
    out.sort_by_key(|f| (f.span.start, f.span.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repair::Damage;

    fn fix(text: &str, start: usize, end: usize, replacement: &str) -> Fix {
        Fix {
            span: Span::new(start, end),
            original: text[start..end].to_owned(),
            replacement: replacement.to_owned(),
            damage: Damage::Windows1252,
            confidence: 0.9,
            alternatives: Vec::new(),
        }
    }

    #[test]
    fn compose_lifts_later_fixes_into_input_spans() {
        let input = "aXXbYYcZd";
        let first = vec![fix(input, 1, 3, "é"), fix(input, 7, 8, "Q")];
        let mid = apply(input, &first);
        assert_eq!(mid, "aébYYcQd");
        // One fix rewrites text the first pass wrote (é plus `b`), one is untouched by it.
        let second = vec![fix(&mid, 1, 4, "!"), fix(&mid, 4, 6, "y")];
        let end = apply(&mid, &second);
        let composed = compose(input, &first, &second);
        assert_eq!(apply(input, &composed), end);
        let spans: Vec<(u32, u32)> = composed
            .iter()
            .map(|f| (f.span.start, f.span.end))
            .collect();
        assert_eq!(spans, [(1, 4), (4, 6), (7, 8)]);
        assert_eq!(composed[0].original, "XXb");
        assert_eq!(composed[0].replacement, "!");
    }
}
