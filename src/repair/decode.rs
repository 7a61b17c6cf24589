//! Decoding one cluster: map its characters back to the bytes a wrong code page
//! produced them from, then find the cheapest way to read those bytes as UTF-8.
//!
//! A Viterbi-style search over the byte tokens handles the lossy variants: a
//! continuation byte may have been *dropped* (Windows-1252 undefined bytes),
//! *replaced* by U+FFFD (the position is known, the value is one of five), or an
//! 0xA0 continuation may have become a plain space. Each hypothesis is scored
//! with the [`prior`](super::prior) plus a penalty per lost byte, and lost-byte
//! values are finally re-chosen with the neighbouring characters as context.

use super::tables::{UNDEFINED, mac_byte, western_byte};
use super::{lm, prior};
use std::collections::HashMap;

/// A wrong code page the text may have been decoded with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Codec {
    /// Windows-1252, including its Latin-1 / C1 and U+FFFD variants.
    Western,
    /// Mac OS Roman.
    MacRoman,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tok {
    Byte(u8),
    /// U+FFFD standing for one undefined byte.
    Wild,
    /// An ASCII space that may have been an 0xA0 byte.
    Space,
}

/// Costs of the lossy hypotheses, set per document: a document that keeps C1
/// controls or U+FFFD did not drop bytes, and one that keeps no-break spaces
/// did not flatten them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Penalties {
    /// Per dropped byte.
    pub drop: f32,
    /// Per space read back as 0xA0.
    pub space: f32,
    /// The decoded text is itself mojibake (the outer layer of layered damage): a lost
    /// byte completes only a character Windows-1252 shows, since the inner layer was
    /// written in it (`â€` + lost 9D is `”`, never U+2010).
    pub layered: bool,
}

impl Default for Penalties {
    fn default() -> Self {
        Self {
            drop: 2.0,
            space: 2.5,
            layered: false,
        }
    }
}

/// The text around a cluster.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Edges<'a> {
    /// The two characters before the cluster (nearest first); `None` past the
    /// start of the text.
    pub before: [Option<char>; 2],
    /// The two characters after it; `None` past the end.
    pub after: [Option<char>; 2],
    /// The letters ([`lm::word_char`]) right before the cluster, in text order:
    /// the start of a word the cluster's first letters continue (`l` of `l?i`).
    pub word_before: &'a str,
    /// The letters right after the cluster: the end of that word.
    pub word_after: &'a str,
    /// The text of the cluster's line before it (as found, damaged or not): where an
    /// opening bracket for a guessed closing one would be.
    pub line_before: &'a str,
}

/// The result of decoding a cluster.
#[derive(Clone, Debug, Default)]
pub(crate) struct Decoded {
    pub text: String,
    /// Sum of character costs and penalties.
    pub cost: f32,
    /// The largest single character cost.
    pub max_cost: f32,
    pub drops: u32,
    pub wilds: u32,
    pub spaces: u32,
    /// Output characters of two or more UTF-8 bytes.
    pub multibyte: u32,
    /// Output characters of three or more UTF-8 bytes.
    pub wide: u32,
    /// Input contained C1 controls other than the five cp1252 leaves undefined.
    pub latin1_c1: bool,
    /// Input contained one of the five undefined bytes as a C1 control.
    pub undefined_c1: bool,
    /// Other readings of the cluster, each with one guessed character changed to the
    /// next most plausible candidate, most plausible first (at most [`MAX_ALTERNATIVES`]).
    pub alternatives: Vec<String>,
}

/// Most alternative readings kept per cluster.
pub(crate) const MAX_ALTERNATIVES: usize = 3;

#[derive(Clone, Copy, Debug)]
struct Step {
    from: usize,
    lead: u8,
    len: u8,
    mask: u8,
    ch: char,
}

fn tokenize(chars: &[char], codec: Codec, out: &mut Vec<Tok>) -> Option<(bool, bool)> {
    out.clear();
    let (mut latin1, mut undef) = (false, false);
    for &c in chars {
        let t = if c == ' ' {
            Tok::Space
        } else if c == '\u{FFFD}' && codec == Codec::Western {
            Tok::Wild
        } else {
            let b = match codec {
                Codec::Western => western_byte(c)?,
                Codec::MacRoman => mac_byte(c)?,
            };
            if codec == Codec::Western && (0x80..=0x9F).contains(&(c as u32)) {
                if UNDEFINED.contains(&b) {
                    undef = true;
                } else {
                    latin1 = true;
                }
            }
            Tok::Byte(b)
        };
        out.push(t);
    }
    Some((latin1, undef))
}

fn seq_len(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

fn is_cont(t: Tok, lossy: bool) -> bool {
    match t {
        Tok::Byte(b) => (0x80..=0xBF).contains(&b),
        Tok::Wild => true,
        Tok::Space => lossy,
    }
}

/// Calls `f` with every character the pattern (lead, consumed tokens, dropped
/// slots in `mask`) can stand for; with `layered`, only those Windows-1252 shows.
fn for_each_candidate(
    lead: u8,
    len: usize,
    mask: u8,
    toks: &[Tok],
    layered: bool,
    mut f: impl FnMut(char),
) {
    let slots = len - 1;
    let mut choices: [&[u8]; 3] = [&[], &[], &[]];
    let mut singles = [0u8; 3];
    let mut k = 0;
    for s in 0..slots {
        if mask & (1 << s) != 0 {
            choices[s] = &UNDEFINED;
        } else {
            match toks[k] {
                Tok::Byte(b) => {
                    singles[s] = b;
                }
                Tok::Space => singles[s] = 0xA0,
                Tok::Wild => {
                    choices[s] = &UNDEFINED;
                    k += 1;
                    continue;
                }
            }
            k += 1;
        }
    }
    let mut buf = [lead, 0, 0, 0];
    let n = |s: usize| {
        if choices[s].is_empty() {
            1
        } else {
            choices[s].len()
        }
    };
    let counts = [
        n(0),
        if slots > 1 { n(1) } else { 1 },
        if slots > 2 { n(2) } else { 1 },
    ];
    for a in 0..counts[0] {
        for b in 0..counts[1] {
            for c in 0..counts[2] {
                for (s, idx) in [a, b, c].into_iter().enumerate().take(slots) {
                    buf[s + 1] = if choices[s].is_empty() {
                        singles[s]
                    } else {
                        choices[s][idx]
                    };
                }
                if let Ok(s) = std::str::from_utf8(&buf[..len])
                    && let Some(ch) = s.chars().next()
                    && (!layered || western_byte(ch).is_some())
                {
                    f(ch);
                }
            }
        }
    }
}

/// Decodes `chars` (one cluster) as UTF-8 bytes shown in `codec`. With `lossy`,
/// dropped bytes and spaces standing for 0xA0 are considered. Returns `None`
/// when no reading covers the whole cluster.
///
/// `edges` are the two characters before the cluster (nearest first) and the
/// two after it (ASCII, or `None` at the edge of the text): the context of its
/// first and last characters.
pub(crate) fn decode(
    chars: &[char],
    codec: Codec,
    lossy: bool,
    pen: Penalties,
    edges: Edges,
) -> Option<Decoded> {
    let mut toks = Vec::with_capacity(chars.len());
    let (latin1_c1, undefined_c1) = tokenize(chars, codec, &mut toks)?;
    let lossy = lossy && codec == Codec::Western;
    let n = toks.len();
    let mut best = vec![f32::INFINITY; n + 1];
    let mut back: Vec<Option<Step>> = vec![None; n + 1];
    best[0] = 0.0;
    for i in 0..n {
        if !best[i].is_finite() {
            continue;
        }
        let lead = match toks[i] {
            Tok::Space => {
                if best[i] < best[i + 1] {
                    best[i + 1] = best[i];
                    back[i + 1] = Some(Step {
                        from: i,
                        lead: b' ',
                        len: 1,
                        mask: 0,
                        ch: ' ',
                    });
                }
                continue;
            }
            Tok::Byte(b) => b,
            Tok::Wild => continue,
        };
        let Some(len) = seq_len(lead) else { continue };
        let slots = len - 1;
        for mask in 0u8..(1 << slots) {
            let d = mask.count_ones() as usize;
            if d > 0 && !lossy {
                continue;
            }
            let j = slots - d;
            if i + 1 + j > n || !toks[i + 1..i + 1 + j].iter().all(|&t| is_cont(t, lossy)) {
                continue;
            }
            let consumed = &toks[i + 1..i + 1 + j];
            let spaces = consumed.iter().filter(|&&t| t == Tok::Space).count();
            let penalty = d as f32 * pen.drop + spaces as f32 * pen.space;
            let mut local = (f32::INFINITY, '\0');
            for_each_candidate(lead, len, mask, consumed, pen.layered, |ch| {
                let c = prior::cost(ch);
                if c < local.0 {
                    local = (c, ch);
                }
            });
            let total = best[i] + local.0 + penalty;
            if total < best[i + 1 + j] {
                best[i + 1 + j] = total;
                back[i + 1 + j] = Some(Step {
                    from: i,
                    lead,
                    len: len as u8,
                    mask,
                    ch: local.1,
                });
            }
        }
    }
    if !best[n].is_finite() {
        return None;
    }
    let mut steps = Vec::new();
    let mut at = n;
    while at > 0 {
        let s = back[at]?;
        steps.push(s);
        at = s.from;
    }
    steps.reverse();
    let others = choose_lost(&mut steps, &toks, edges, pen.layered);
    let mut out = Decoded {
        latin1_c1,
        undefined_c1,
        ..Decoded::default()
    };
    for (k, s) in steps.iter().enumerate() {
        out.text.push(s.ch);
        if s.len == 1 {
            continue;
        }
        let prev = k.checked_sub(1).map(|p| steps[p].ch);
        let next = steps.get(k + 1).map(|p| p.ch);
        let d = s.mask.count_ones() as usize;
        let consumed = &toks[s.from + 1..s.from + s.len as usize - d];
        let spaces = consumed.iter().filter(|&&t| t == Tok::Space).count();
        let wilds = consumed.iter().filter(|&&t| t == Tok::Wild).count();
        let c = (prior::cost(s.ch) + prior::context(s.ch, prev, next)).max(0.5);
        out.cost += c + d as f32 * pen.drop + spaces as f32 * pen.space;
        out.max_cost = out.max_cost.max(c);
        out.drops += d as u32;
        out.wilds += wilds as u32;
        out.spaces += spaces as u32;
        out.multibyte += 1;
        if s.len >= 3 {
            out.wide += 1;
        }
    }
    'alts: for (k, chars) in others {
        for ch in chars {
            if out.alternatives.len() == MAX_ALTERNATIVES {
                break 'alts;
            }
            let alt: String = steps
                .iter()
                .enumerate()
                .map(|(i, s)| if i == k { ch } else { s.ch })
                .collect();
            out.alternatives.push(alt);
        }
    }
    Some(out)
}

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
fn choose_lost(
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

/// Box-drawing corners that end one row of a box, each with the corner that starts the
/// row (top, bottom and divider rows; light, heavy, mixed, double and rounded).
const BOX_CORNERS: [(char, char); 19] = [
    ('┌', '┐'),
    ('┍', '┑'),
    ('┎', '┒'),
    ('┏', '┓'),
    ('└', '┘'),
    ('┕', '┙'),
    ('┖', '┚'),
    ('┗', '┛'),
    ('├', '┤'),
    ('┝', '┥'),
    ('┠', '┨'),
    ('┣', '┫'),
    ('┡', '┩'),
    ('┢', '┪'),
    ('╔', '╗'),
    ('╚', '╝'),
    ('╠', '╣'),
    ('╭', '╮'),
    ('╰', '╯'),
];

/// Fits guessed box drawing to the corners of its row: a guessed line that starts a row
/// (nothing box-like before it on the line) ending in a right corner (`┓`) is that
/// corner's left corner (`┏`), and a row from a left corner (`╚`) whose guessed last
/// character ends the box drawing ends in its right corner (`╝`), when the candidates
/// allow. `┏` = E2 94 8F and `━` = E2 94 81 both read `â”` once the last byte is lost, as
/// do `╝` and `═` (E2 95 9D / 90) as `â•`, and the trigram statistics favour the line
/// inside a row. A row is a corner or line, then lines and junctions (neither corner).
/// `cands[k]` are step `k`'s candidates.
fn open_box_rows(steps: &mut [Step], cands: &[Vec<(char, u8)>], line_before: &str) {
    let is_box = |c: char| ('\u{2500}'..='\u{257F}').contains(&c);
    let left_of = |right: char| BOX_CORNERS.iter().find(|p| p.1 == right).map(|p| p.0);
    let right_of = |left: char| BOX_CORNERS.iter().find(|p| p.0 == left).map(|p| p.1);
    let inner = |c: char| is_box(c) && left_of(c).is_none() && right_of(c).is_none();
    let n = steps.len();
    for k in 0..n {
        // Only a row's start scans its row, so a long run of box drawing stays linear.
        let right = right_of(steps[k].ch);
        if right.is_none() {
            let before = if k == 0 {
                line_before.chars().next_back()
            } else {
                Some(steps[k - 1].ch)
            };
            if cands[k].len() < 2 || !inner(steps[k].ch) || before.is_some_and(is_box) {
                continue;
            }
        }
        let mut e = k + 1;
        while e < n && inner(steps[e].ch) {
            e += 1;
        }
        // `steps[k + 1..e]` are lines and junctions; `steps.get(e)` ends the row.
        let (at, want) = if let Some(right) = right {
            if e == k + 1 || steps.get(e).is_some_and(|s| is_box(s.ch)) {
                continue;
            }
            (e - 1, right)
        } else {
            let Some(left) = steps.get(e).and_then(|s| left_of(s.ch)) else {
                continue;
            };
            (k, left)
        };
        if cands[at].len() < 2 {
            continue;
        }
        if let Some(&(ch, mask)) = cands[at].iter().find(|c| c.0 == want) {
            (steps[at].ch, steps[at].mask) = (ch, mask);
        }
    }
}

/// CJK closing brackets and their opening ones. `、` (E3 80 81) shares its lead bytes
/// with `」` `』` `【`, and after a backtick the trigram statistics favour `」`
/// (Japanese writes 「`code`」).
const CJK_BRACKETS: [(char, char); 7] = [
    ('「', '」'),
    ('『', '』'),
    ('【', '】'),
    ('〔', '〕'),
    ('〖', '〗'),
    ('〘', '〙'),
    ('〚', '〛'),
];

/// A guessed CJK closing bracket needs its opening bracket earlier on the line (in
/// `line_before`, clean or as Windows-1252 mojibake, or earlier in the cluster);
/// otherwise the most frequent candidate that is not an unopened closing bracket is
/// taken instead. `cands[k]` are step `k`'s candidates, most frequent first.
fn close_only_open_brackets(steps: &mut [Step], cands: &[Vec<(char, u8)>], line_before: &str) {
    let opener = |close: char| CJK_BRACKETS.iter().find(|b| b.1 == close).map(|b| b.0);
    let opened_before = |open: char, steps: &[Step]| {
        let mut buf = [0u8; 4];
        let bytes = open.encode_utf8(&mut buf).as_bytes();
        // The bracket read as Windows-1252 (`「` = E3 80 8C is `ã€Œ`).
        let mojibake: String = bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9F => super::tables::CP1252_HIGH[usize::from(b - 0x80)],
                _ => char::from(b),
            })
            .collect();
        line_before.contains(open)
            || line_before.contains(&mojibake)
            || steps.iter().any(|s| s.ch == open)
    };
    for k in 0..steps.len() {
        if cands[k].len() < 2 {
            continue;
        }
        let Some(open) = opener(steps[k].ch) else {
            continue;
        };
        if opened_before(open, &steps[..k]) {
            continue;
        }
        let other = cands[k]
            .iter()
            .copied()
            .find(|&(c, _)| opener(c).is_none_or(|o| opened_before(o, &steps[..k])));
        if let Some((ch, mask)) = other {
            (steps[k].ch, steps[k].mask) = (ch, mask);
        }
    }
}

/// Most spellings of one word the lexicon is asked about; a word with more
/// keeps the search's reading.
const MAX_SPELLINGS: usize = 625;

/// Re-reads each word of the chosen text that has a guessed letter as its most
/// frequent spelling in the lexicon ([`lm::word_count`]) among the letter
/// candidates of its guessed positions; the search's reading stays when no
/// spelling is more frequent (ties included), so an unknown word keeps the
/// trigram choice. `cands[k]` are step `k`'s candidates.
fn reread_words(steps: &mut [Step], cands: &[Vec<(char, u8)>], edges: Edges) {
    let n = steps.len();
    let mut i = 0;
    while i < n {
        if !lm::word_char(steps[i].ch) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n && lm::word_char(steps[j].ch) {
            j += 1;
        }
        let prefix = if i == 0 { edges.word_before } else { "" };
        let suffix = if j == n { edges.word_after } else { "" };
        reread_word(&mut steps[i..j], &cands[i..j], prefix, suffix);
        i = j;
    }
}

fn reread_word(word: &mut [Step], cands: &[Vec<(char, u8)>], prefix: &str, suffix: &str) {
    let guessed: Vec<usize> = (0..word.len()).filter(|&k| cands[k].len() > 1).collect();
    if guessed.is_empty() {
        return;
    }
    let options: Vec<Vec<(char, u8)>> = guessed
        .iter()
        .map(|&k| {
            cands[k]
                .iter()
                .copied()
                .filter(|&(c, _)| lm::word_char(c))
                .collect()
        })
        .collect();
    let spellings = options
        .iter()
        .try_fold(1usize, |acc, o| acc.checked_mul(o.len()));
    if spellings.is_none_or(|t| t == 0 || t > MAX_SPELLINGS) {
        return;
    }
    let mut letters: Vec<char> = word.iter().map(|s| s.ch).collect();
    let spell = |letters: &[char]| {
        let mut buf = String::new();
        for c in prefix
            .chars()
            .chain(letters.iter().copied())
            .chain(suffix.chars())
        {
            buf.extend(c.to_lowercase());
        }
        buf
    };
    // The search's reading first: it wins every tie.
    let mut all: Vec<(Option<Vec<usize>>, String)> = vec![(None, spell(&letters))];
    let mut idx = vec![0usize; guessed.len()];
    'spellings: loop {
        for (g, &k) in guessed.iter().enumerate() {
            letters[k] = options[g][idx[g]].0;
        }
        all.push((Some(idx.clone()), spell(&letters)));
        let mut g = 0;
        loop {
            if g == idx.len() {
                break 'spellings;
            }
            idx[g] += 1;
            if idx[g] < options[g].len() {
                break;
            }
            idx[g] = 0;
            g += 1;
        }
    }
    let mut counts: Vec<u32> = all.iter().map(|(_, w)| lm::word_count(w)).collect();
    // No spelling is a known word: read it by its longest known stem, one length at
    // a time (`этап` of `этапе` against `стап`, not against the shorter `ста`).
    for level in 0..2 {
        if counts.iter().any(|&c| c > 0) {
            break;
        }
        for (count, (_, w)) in counts.iter_mut().zip(&all) {
            let mut nth = 0;
            lm::stems(w, |stem| {
                if nth == level {
                    *count = lm::word_count(stem);
                }
                nth += 1;
            });
        }
    }
    let mut best = 0;
    for (i, &c) in counts.iter().enumerate() {
        if c > counts[best] {
            best = i;
        }
    }
    if let Some(pick) = &all[best].0 {
        for (g, &k) in guessed.iter().enumerate() {
            (word[k].ch, word[k].mask) = options[g][pick[g]];
        }
    }
}
