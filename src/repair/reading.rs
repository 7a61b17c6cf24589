//! What one cluster reads as, and how strongly that says the text is damaged (see the
//! module docs of [`repair`](super), steps 2-4): the decoding through each code page,
//! layered and lossy readings, and the evidence class of the result.

use super::decode::{Codec, Decoded, Edges, Penalties, decode};

/// How strongly a cluster says its text is damaged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Class {
    /// Evidence against damage: no reading, or one that reads worse than the original.
    Negative,
    /// Decided by the region: a lone lead character, one lead and one continuation
    /// decoding to a rare character, letters read with a guessed byte.
    Weak,
    /// Damage with a guessed byte that is otherwise clear (`âŒ` for ❌).
    Medium,
    /// Damage: a lossless reading into plausible text, or two or more continuation
    /// bytes in place.
    Strong,
}

impl Class {
    pub(super) fn score(self) -> i32 {
        match self {
            Class::Negative => -2,
            Class::Weak => 0,
            Class::Medium => 1,
            Class::Strong => 3,
        }
    }
}

/// A cluster's decoded text and how it was reached.
pub(super) struct Reading {
    /// The decoded text.
    pub(super) text: String,
    /// How many mis-decodings it undoes (1 = one).
    pub(super) depth: u8,
    /// The code page of the outermost mis-decoding.
    pub(super) codec: Codec,
    /// The innermost decoding (its costs, guesses and alternatives).
    pub(super) last: Decoded,
    /// Whether no byte was guessed.
    pub(super) lossless: bool,
}

fn avg(d: &Decoded) -> f32 {
    d.cost / d.multibyte.max(1) as f32
}

/// The cheaper of the Windows-1252 and Mac OS Roman readings of `chars` without dropped
/// bytes (a U+FFFD still stands for one lost byte, chosen with `edges`, the cluster's
/// neighbours in the text).
fn best_lossless(chars: &[char], edges: Edges) -> Option<(Codec, Decoded)> {
    let mut best: Option<(Codec, Decoded)> = None;
    for codec in [Codec::Western, Codec::MacRoman] {
        if let Some(d) = decode(chars, codec, false, Penalties::default(), edges)
            && d.multibyte > 0
            && best.as_ref().is_none_or(|(_, b)| d.cost < b.cost)
        {
            best = Some((codec, d));
        }
    }
    best
}

fn plausible(d: &Decoded) -> bool {
    d.multibyte > 0 && d.max_cost <= 6.5
}

/// Highest character cost a lossless reading may reach: below it lie every assigned
/// letter, symbol and pictograph, rare or not; at or above it only C1 controls, private
/// use and noncharacters, which no text means.
const POSSIBLE: f32 = 10.0;

/// Whether a lossless reading decodes to characters some text means.
fn possible(d: &Decoded) -> bool {
    d.multibyte > 0 && d.max_cost < POSSIBLE
}

/// How many continuation bytes the lossless reading `d` of `input` non-space characters
/// consumed: each is one more character that had to fall exactly in the 0x80-0xBF range
/// after a lead, which correct text does by chance ever more rarely (`Ã©` may be
/// Portuguese before a symbol, `âŽ¿` and `ð\u{9d}—”` are never text).
fn continuations(input: usize, d: &Decoded) -> usize {
    input.saturating_sub(d.multibyte as usize)
}

fn mojibake_like(cur: &[char]) -> bool {
    cur.iter().all(|&c| !c.is_ascii() || c == ' ') && cur.iter().filter(|&&c| c != ' ').count() >= 2
}

/// Decodes a cluster. Lossless readings are chained for layered damage (the
/// intermediate layers are mojibake themselves, so only the last must be
/// plausible); the innermost layer may be lossy.
pub(super) fn read(chars: &[char], pen: Penalties, edges: Edges) -> Option<Reading> {
    let mut chain: Vec<(Codec, Decoded)> = Vec::new();
    let mut cur: Vec<char> = chars.to_vec();
    while chain.len() < 3 {
        if !chain.is_empty() && !mojibake_like(&cur) {
            break;
        }
        // Inner layers are decoded text: their neighbours are not the cluster's.
        let around = if chain.is_empty() {
            edges
        } else {
            Edges::default()
        };
        let Some((codec, d)) = best_lossless(&cur, around) else {
            break;
        };
        // Layered damage repeats the same code page.
        if chain.last().is_some_and(|(c, _)| *c != codec) {
            break;
        }
        cur = d.text.chars().collect();
        chain.push((codec, d));
    }
    if chain.is_empty()
        && let Some(r) = read_lossy_outer(chars, pen, edges)
    {
        return Some(r);
    }
    if chain.len() < 3
        && (chain.is_empty() || mojibake_like(&cur))
        && let Some(d) = decode(&cur, Codec::Western, true, pen, edges)
        && plausible(&d)
        && (chain.is_empty() || avg(&d) <= 4.0)
    {
        return Some(Reading {
            text: d.text.clone(),
            depth: chain.len() as u8 + 1,
            codec: Codec::Western,
            last: d,
            lossless: false,
        });
    }
    while let Some((codec, d)) = chain.pop() {
        let depth = chain.len() as u8 + 1;
        // A deeper reading must not be less plausible than the text it replaces
        // (`×–` is real text, not the mojibake of `ז`).
        let better = chain.last().is_none_or(|(_, up)| d.cost <= up.cost + 1.5);
        // The outermost layer may decode to any character some text means; whether that
        // is evidence of damage is `classify`'s question. A deeper layer must read as
        // text, or at least read better than the mojibake layer it replaces (`âŒƒ` →
        // `⌃`, `ð\u{9d}—”` → `𝗔`: rare, but less rare than what they replace).
        let accept = if depth == 1 {
            possible(&d)
        } else {
            better
                && ((plausible(&d) && avg(&d) <= 5.5 && d.max_cost <= 5.5)
                    || (possible(&d) && chain.last().is_some_and(|(_, up)| d.cost < up.cost)))
        };
        if accept {
            return Some(Reading {
                text: d.text.clone(),
                depth,
                codec,
                last: d,
                lossless: true,
            });
        }
    }
    None
}

/// Reads a cluster mis-decoded twice whose second decoding lost bytes (`│` = E2 94 82 →
/// `â”‚` → `Ã¢â€â€š`, the 9D of `”` dropped): the outer layer is decoded with lost bytes
/// that complete only characters Windows-1252 shows, and the result, itself mojibake,
/// must decode losslessly into text that reads better than it.
fn read_lossy_outer(chars: &[char], pen: Penalties, edges: Edges) -> Option<Reading> {
    let outer = decode(
        chars,
        Codec::Western,
        true,
        Penalties {
            layered: true,
            ..pen
        },
        edges,
    )?;
    if outer.drops + outer.wilds == 0 {
        return None;
    }
    let mid: Vec<char> = outer.text.chars().collect();
    if !mojibake_like(&mid) {
        return None;
    }
    let (codec, inner) = best_lossless(&mid, Edges::default())?;
    let reads = (plausible(&inner) && avg(&inner) <= 5.5) || possible(&inner);
    if codec != Codec::Western || !reads || inner.cost >= outer.cost {
        return None;
    }
    Some(Reading {
        text: inner.text.clone(),
        depth: 2,
        codec,
        last: Decoded {
            drops: outer.drops,
            wilds: outer.wilds,
            spaces: outer.spaces,
            ..inner
        },
        lossless: false,
    })
}

pub(super) fn classify(chars: &[char], reading: Option<&Reading>, edges: &Edges) -> Class {
    let Some(r) = reading else {
        return Class::Negative;
    };
    let d = &r.last;
    let input = chars.iter().filter(|&&c| c != ' ').count();
    if r.lossless && breaks_case(&r.text, edges) {
        // `IRMÃ` + U+00A0 + `DO` read as `IRMàDO`: a lower-case letter inside an
        // upper-case word is less plausible than the text it replaces.
        return Class::Negative;
    }
    // Punctuation or a letter right before an accented letter (`—Ça va ?`, `«Été»`,
    // `œà`) is also what Mac OS Roman makes of one Cyrillic or Greek letter (`—Ç` = D1 82
    // = т, `œà` = CF 88 = ψ): every Mac OS Roman lead byte (0xC2-0xDF) shows as
    // punctuation, a symbol or a letter. Alone, that is no evidence.
    if r.lossless {
        let lead_then_letter = r.codec == Codec::MacRoman
            && d.multibyte == 1
            && input == 2
            && chars[1].is_alphabetic()
            // Inside a word (`ge√Ønter`), the punctuation is no punctuation.
            && !(edges.before[0].is_some_and(char::is_alphabetic)
                && edges.after[0].is_some_and(char::is_alphabetic));
        let a = avg(d);
        let cont = continuations(input, d);
        let reads_as_text = chars
            .iter()
            .all(|&c| c.is_alphabetic() || " ’‘”“…".contains(c));
        let class = match (d.wide, d.multibyte) {
            (2.., _) => Class::Strong,
            (1, _) if a <= 5.5 => Class::Strong,
            (0, 2..) if a <= 4.5 => Class::Strong,
            _ if r.depth > 1 || a <= 3.5 => Class::Strong,
            // Two or more continuation bytes in place are damage whatever they decode
            // to (`âŽ¿` = ⎿, `â€–` = ‖, math alphanumerics), in Windows-1252; in Mac OS
            // Roman, where 0x80-0xBF are accented letters, three.
            _ if r.depth == 1
                && (cont >= 3 || (cont >= 2 && (r.codec == Codec::Western || !reads_as_text)))
                && d.max_cost < POSSIBLE =>
            {
                Class::Strong
            }
            _ if a <= 4.5 => Class::Medium,
            // One lead and one continuation decoding to a rare character (`Ðƒ` = Ѓ,
            // `×”` = ה): decided by the region.
            _ if r.depth == 1 && d.max_cost < POSSIBLE => Class::Weak,
            _ => Class::Negative,
        };
        // One Han character outside the ranked frequent ones from three Latin characters
        // (`åœ”` = 圔), or a short Mac OS Roman reading that needs a near-impossible
        // character (`Àñœà` = `˖ψ`, a modifier letter; in Mac OS Roman every accented
        // Latin letter is a byte of some UTF-8 sequence), is as likely real text: at most
        // weak evidence, decided by its region. That holds only while the cluster reads as
        // letters and quotes: a C1 control or a Latin-1 symbol inside a word (`ä¸‚` = 丂,
        // `ä¸\u{81}` = 丁) is never real text, so that reading stands.
        let unlikely_alone = reads_as_text
            && ((d.wide == 1 && d.multibyte == 1 && a > 4.5)
                || (d.wide == 0
                    && d.multibyte <= 2
                    && r.codec == Codec::MacRoman
                    && d.max_cost >= 6.0));
        return if lead_then_letter || unlikely_alone {
            class.min(Class::Weak)
        } else {
            class
        };
    }
    if avg(d) > 6.0 {
        return Class::Negative;
    }
    // Letters read as letters with a guessed byte (`ÄÄ` as `Đď`, `ÇÃ` as `ǝÁ`, `íž` as
    // `힝`) are as likely the letters they are; `âº` read as `⏺` is not.
    let letter = |c: char| c.is_alphabetic() || c == ' ';
    let guessed_letters =
        d.drops > 0 && chars.iter().all(|&c| letter(c)) && d.text.chars().all(letter);
    if input >= 2 && avg(d) <= 4.5 && !guessed_letters {
        return Class::Medium;
    }
    Class::Weak
}

/// Whether `decoded`, the one-character reading of a cluster between the characters of
/// `edges`, reads worse than the cluster: it puts a
/// lower-case letter right after an upper-case one with an upper-case letter after it
/// (`IRMàDO`), or right after two upper-case ones (`IRMà`): the mojibake of an upper-case
/// word decodes to upper-case letters.
///
/// Likewise a letter or mark of a script without ASCII letters (Greek, Cyrillic, Arabic,
/// …) glued to an ASCII letter (`PERÚ’config` read as `PERڒconfig`): a word does not
/// change script in its middle, so the original reads better.
fn breaks_case(decoded: &str, edges: &Edges) -> bool {
    let mut it = decoded.trim_end().chars();
    let (Some(first), None) = (it.next(), it.next()) else {
        return false;
    };
    let ascii_letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    // Two-byte characters past Latin; a Greek or Cyrillic letter may start a word of
    // ASCII letters (`μs`), nothing starts one in the middle of a word.
    if ('\u{370}'..'\u{800}').contains(&first)
        && (ascii_letter(edges.before[0])
            || (ascii_letter(edges.after[0]) && !('\u{370}'..'\u{530}').contains(&first)))
    {
        return true;
    }
    if !first.is_lowercase() {
        return false;
    }
    let upper = |c: Option<char>| c.is_some_and(char::is_uppercase);
    upper(edges.before[0]) && (upper(edges.after[0]) || upper(edges.before[1]))
}
