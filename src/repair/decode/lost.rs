//! Choosing the values of lost bytes: a second-order search over each guessed position's
//! candidates with the character statistics as context.

use super::context::{close_only_open_brackets, open_box_rows, reread_words};
use super::*;

/// Most candidates kept for one lost-byte position (by context-free cost).
const MAX_CANDIDATES: usize = 12;
/// Guessed positions in one cluster above which only [`DENSE_CANDIDATES`] are kept.
const DENSE_GUESSES: usize = 64;
/// Candidates per position in a cluster with more than [`DENSE_GUESSES`] guesses.
const DENSE_CANDIDATES: usize = 3;

/// Re-chooses the value (and placement) of every guessed byte of `steps` by a
/// second-order Viterbi search over the candidates with the character
/// statistics of [`lm`] and the hand-written neighbour rules of
/// [`prior::context`], the cluster's edge characters as fixed context. Every
/// placement of the same number of lost bytes consumes the same tokens, so the
/// segmentation found by [`decode`] is kept.
///
/// Returns, for each guessed step (by index), its other candidates ranked by the trigram
/// cost with the chosen neighbours (at most two each): the alternatives a diagnostic shows.
pub(super) fn choose_lost(
    steps: &mut [Step],
    toks: &[Tok],
    edges: Edges,
    layered: bool,
) -> Vec<(usize, Vec<char>)> {
    // Candidate lists: two fixed characters before, the steps, two after.
    let fixed = |c: Option<char>| vec![(c.unwrap_or(' '), 0u8)];
    let mut cands: Vec<Vec<(char, u8)>> = Vec::with_capacity(steps.len() + 4);
    cands.push(fixed(edges.before[1]));
    cands.push(fixed(edges.before[0]));
    let mut guessed_any = false;
    for s in steps.iter() {
        let consumed = &toks[s.from + 1..];
        let guessed = s.len > 1
            && (s.mask != 0
                || consumed[..(s.len as usize - 1 - s.mask.count_ones() as usize)]
                    .contains(&Tok::Wild));
        if !guessed {
            cands.push(vec![(s.ch, s.mask)]);
            continue;
        }
        guessed_any = true;
        let mut list: Vec<(f32, char, u8)> = Vec::new();
        let slots = s.len - 1;
        for mask in (0u8..(1 << slots)).filter(|m| m.count_ones() == s.mask.count_ones()) {
            for_each_candidate(s.lead, s.len as usize, mask, consumed, layered, |ch| {
                list.push((lm::unigram_cost(ch), ch, mask));
            });
        }
        // The most frequent candidates (the unigram backs off to the prior for
        // characters the corpus never showed) survive the cut.
        list.sort_by(|a, b| a.0.total_cmp(&b.0));
        list.truncate(MAX_CANDIDATES);
        cands.push(list.into_iter().map(|(_, c, m)| (c, m)).collect());
    }
    if !guessed_any {
        return Vec::new();
    }
    // Long runs of guesses (a hostile input, not a damaged text) keep the
    // search linear with a small constant: fewer candidates per position.
    let guessed = cands.iter().filter(|c| c.len() > 1).count();
    if guessed > DENSE_GUESSES {
        for c in &mut cands {
            c.truncate(DENSE_CANDIDATES);
        }
    }
    cands.push(fixed(edges.after[0]));
    cands.push(fixed(edges.after[1]));
    // best[(a, b)]: cheapest cost of a path whose last two positions chose a, b.
    let n = cands.len();
    let mut memo: HashMap<(char, char, char), f32> = HashMap::new();
    let mut best: Vec<Vec<f32>> = vec![vec![0.0]];
    let mut back: Vec<Vec<Vec<usize>>> = vec![vec![vec![0]]];
    for i in 2..n {
        let (pa, pb, pc) = (&cands[i - 2], &cands[i - 1], &cands[i]);
        let mut nb = vec![vec![f32::INFINITY; pc.len()]; pb.len()];
        let mut bk = vec![vec![0usize; pc.len()]; pb.len()];
        for (a, row) in best.iter().enumerate() {
            for (b, &cost) in row.iter().enumerate() {
                if !cost.is_finite() {
                    continue;
                }
                for (c, &(ch, _)) in pc.iter().enumerate() {
                    let key = (ch, pb[b].0, pa[a].0);
                    let lmc = *memo
                        .entry(key)
                        .or_insert_with(|| lm::cost(key.0, key.1, key.2));
                    let mut t = cost + lmc;
                    // The middle character's neighbour rules, now that both
                    // neighbours are known.
                    if cands[i - 1].len() > 1 {
                        t += prior::context(pb[b].0, Some(pa[a].0), Some(ch));
                    }
                    if t < nb[b][c] {
                        nb[b][c] = t;
                        bk[b][c] = a;
                    }
                }
            }
        }
        best = nb;
        back.push(bk);
    }
    // Trace back from the cheapest final pair.
    let (mut b, mut c) = (0, 0);
    let mut min = f32::INFINITY;
    for (bi, row) in best.iter().enumerate() {
        for (ci, &v) in row.iter().enumerate() {
            if v < min {
                (min, b, c) = (v, bi, ci);
            }
        }
    }
    if !min.is_finite() {
        return Vec::new();
    }
    let mut pick = vec![0usize; n];
    pick[n - 1] = c;
    pick[n - 2] = b;
    for i in (2..n).rev() {
        let a = back[i - 1][pick[i - 1]][pick[i]];
        pick[i - 2] = a;
    }
    for (k, s) in steps.iter_mut().enumerate() {
        let (ch, mask) = cands[k + 2][pick[k + 2]];
        s.ch = ch;
        s.mask = mask;
    }
    let m = steps.len();
    reread_words(steps, &cands[2..2 + m], edges);
    close_only_open_brackets(steps, &cands[2..2 + m], edges.line_before);
    open_box_rows(steps, &cands[2..2 + m], edges.line_before);
    // The chosen character at candidate position `i` (the fixed edges around the steps).
    let at = |i: usize| -> char {
        if (2..2 + m).contains(&i) {
            steps[i - 2].ch
        } else {
            cands[i][0].0
        }
    };
    let mut others = Vec::new();
    for k in 0..m {
        let list = &cands[k + 2];
        if list.len() < 2 {
            continue;
        }
        let i = k + 2;
        let (p1, p2, n1) = (at(i - 1), at(i - 2), at(i + 1));
        let mut ranked: Vec<(f32, char)> = list
            .iter()
            .filter(|(ch, _)| *ch != steps[k].ch)
            .map(|&(ch, _)| (lm::cost(ch, p1, p2) + lm::cost(n1, ch, p1), ch))
            .collect();
        ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
        ranked.dedup_by(|a, b| a.1 == b.1);
        others.push((k, ranked.into_iter().take(2).map(|(_, c)| c).collect()));
    }
    others
}
