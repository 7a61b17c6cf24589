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

mod context;
mod lost;

use lost::choose_lost;

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
