//! Cluster analysis and the per-region decision (see the module docs of
//! [`repair`](super)).

use super::decode::{Codec, Decoded, Edges, Penalties, decode};
use super::region::{self, Line};
use super::tables::{is_cont_char, is_lead_char};
use super::{Damage, Fix};
use crate::span::Span;
use std::collections::HashSet;

/// Returns `true` when `text` cannot contain repairable mojibake: no character
/// that some code page shows for a UTF-8 lead byte is directly followed by one
/// shown for a continuation byte (or U+FFFD). Pure ASCII returns `true` after a
/// single byte scan.
///
/// ```
/// use agentfmt::repair::is_clean_fast;
/// assert!(is_clean_fast("plain ASCII"));
/// assert!(is_clean_fast("Café — naïve ✅"));
/// assert!(!is_clean_fast("cafÃ©"));
/// ```
#[must_use]
pub fn is_clean_fast(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = skip_ascii(bytes, 0);
    let mut prev_lead = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            prev_lead = false;
            i = skip_ascii(bytes, i);
            continue;
        }
        let len = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let c = text[i..].chars().next().unwrap_or('\0');
        if prev_lead && is_cont_char(c) {
            return false;
        }
        prev_lead = is_lead_char(c);
        i += len;
    }
    true
}

/// The index of the first byte at or after `i` that is not ASCII (`bytes.len()` if none),
/// eight bytes at a time: agent files are mostly ASCII with a few `—` or `’`.
fn skip_ascii(bytes: &[u8], mut i: usize) -> usize {
    while let Some(word) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        if w & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii) {
        i += 1;
    }
    i
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Negative,
    /// A lone two-byte lead character: decided only from its region.
    Weak,
    Medium,
    Strong,
}

impl Class {
    fn score(self) -> i32 {
        match self {
            Class::Negative => -2,
            Class::Weak => 0,
            Class::Medium => 1,
            Class::Strong => 3,
        }
    }
}

struct Reading {
    text: String,
    depth: u8,
    codec: Codec,
    last: Decoded,
    lossless: bool,
}

struct Cluster {
    start: usize,
    end: usize,
    line: usize,
    class: Class,
    quoted: bool,
    reading: Option<Reading>,
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

fn mojibake_like(cur: &[char]) -> bool {
    cur.iter().all(|&c| !c.is_ascii() || c == ' ') && cur.iter().filter(|&&c| c != ' ').count() >= 2
}

/// Decodes a cluster. Lossless readings are chained for layered damage (the
/// intermediate layers are mojibake themselves, so only the last must be
/// plausible); the innermost layer may be lossy.
fn read(chars: &[char], pen: Penalties, edges: Edges) -> Option<Reading> {
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
        if plausible(&d) && (depth == 1 || (better && avg(&d) <= 5.5 && d.max_cost <= 5.5)) {
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

fn classify(chars: &[char], reading: Option<&Reading>) -> Class {
    let Some(r) = reading else {
        return Class::Negative;
    };
    let d = &r.last;
    let input = chars.iter().filter(|&&c| c != ' ').count();
    // Punctuation or a letter right before an accented letter (`—Ça va ?`, `«Été»`,
    // `œà`) is also what Mac OS Roman makes of one Cyrillic or Greek letter (`—Ç` = D1 82
    // = т, `œà` = CF 88 = ψ): every Mac OS Roman lead byte (0xC2-0xDF) shows as
    // punctuation, a symbol or a letter. Alone, that is no evidence.
    if r.lossless {
        let lead_then_letter = r.codec == Codec::MacRoman
            && d.multibyte == 1
            && input == 2
            && chars[1].is_alphabetic();
        let a = avg(d);
        let class = match (d.wide, d.multibyte) {
            (2.., _) => Class::Strong,
            (1, _) if a <= 5.5 => Class::Strong,
            (0, 2..) if a <= 4.5 => Class::Strong,
            _ if r.depth > 1 || a <= 3.5 => Class::Strong,
            _ if a <= 4.5 => Class::Medium,
            _ => Class::Negative,
        };
        // One Han character outside the ranked frequent ones from three Latin characters
        // (`åœ”` = 圔), or a short Mac OS Roman reading that needs a near-impossible
        // character (`Àñœà` = `˖ψ`, a modifier letter; in Mac OS Roman every accented
        // Latin letter is a byte of some UTF-8 sequence), is as likely real text: at most
        // weak evidence, decided by its region. That holds only while the cluster reads as
        // letters and quotes: a C1 control or a Latin-1 symbol inside a word (`ä¸‚` = 丂,
        // `ä¸\u{81}` = 丁) is never real text, so that reading stands.
        let reads_as_text = chars
            .iter()
            .all(|&c| c.is_alphabetic() || " ’‘”“…".contains(c));
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
    if input >= 2 && avg(d) <= 4.5 {
        return Class::Medium;
    }
    Class::Weak
}

fn find_clusters(text: &str, lines: &[Line]) -> Vec<Cluster> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let start = i;
        loop {
            while i < bytes.len() && bytes[i] >= 0x80 {
                i += 1;
            }
            // One space may be a flattened 0xA0 inside a character: join runs across it.
            if i + 1 < bytes.len() && bytes[i] == b' ' && bytes[i + 1] >= 0x80 {
                i += 1;
                continue;
            }
            break;
        }
        if i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        while lines[line].end < start {
            line += 1;
        }
        out.push(Cluster {
            start,
            end: i,
            line,
            class: Class::Negative,
            quoted: false,
            reading: None,
        });
    }
    out
}

fn damage_of(r: &Reading, latin1_doc: bool) -> Damage {
    if r.depth >= 2 {
        return Damage::Layered { depth: r.depth };
    }
    if r.text.trim_end() == "\u{feff}" {
        return Damage::Bom;
    }
    let d = &r.last;
    match r.codec {
        Codec::MacRoman => Damage::MacRoman,
        Codec::Western if d.wilds > 0 => Damage::Windows1252Replacement,
        Codec::Western if d.drops > 0 => Damage::Windows1252Dropped,
        Codec::Western if d.latin1_c1 || latin1_doc => Damage::Latin1,
        Codec::Western if d.undefined_c1 => Damage::Windows1252C1,
        Codec::Western => Damage::Windows1252,
    }
}

/// Longest run of letters a word lookup considers at either side of a cluster.
const WORD_EDGE: usize = 48;

/// The letters ([`super::lm::word_char`]) at the end of `text`, up to [`WORD_EDGE`] bytes
/// (a longer run is no word the lexicon knows).
fn word_end(text: &str) -> &str {
    let mut start = text.len();
    for (i, c) in text.char_indices().rev() {
        if !super::lm::word_char(c) || text.len() - i > WORD_EDGE {
            break;
        }
        start = i;
    }
    &text[start..]
}

/// The letters at the start of `text`, up to [`WORD_EDGE`] bytes.
fn word_start(text: &str) -> &str {
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if !super::lm::word_char(c) || i + c.len_utf8() > WORD_EDGE {
            break;
        }
        end = i + c.len_utf8();
    }
    &text[..end]
}

/// Finds every fix in `text` (sorted, non-overlapping).
pub(super) fn find_fixes(text: &str) -> Vec<Fix> {
    let lines = region::lines(text);
    let mut clusters = find_clusters(text, &lines);
    let mut chars = Vec::new();
    let mut pen = Penalties::default();
    if text
        .chars()
        .any(|c| ('\u{80}'..='\u{9f}').contains(&c) || c == '\u{fffd}')
    {
        pen.drop = 6.0;
    }
    if text.contains('\u{a0}') {
        pen.space = 6.0;
    }
    let mut quotes = region::QuoteState::default();
    for c in &mut clusters {
        chars.clear();
        chars.extend(text[c.start..c.end].chars());
        let line = &lines[c.line];
        quotes.advance(text, line, c.start);
        c.quoted = line.keyword || quotes.in_code() || (line.quoting_block && quotes.in_string());
        let non_space = chars.iter().filter(|&&ch| ch != ' ').count();
        if non_space == 1 && !is_lead_char(chars[0]) && chars[0] != '\u{feff}' {
            // A lone non-lead character (é, ✅, 中) cannot be mojibake.
            c.class = Class::Negative;
            continue;
        }
        if non_space == 1 && (chars[0] as u32) >= 0xE0 && (chars[0] as u32) <= 0xFF {
            // A lone 3- or 4-byte lead would need two or more lost bytes.
            c.class = Class::Negative;
            continue;
        }
        let mut before = text[..c.start].chars().rev();
        let mut after = text[c.end..].chars();
        let edges = Edges {
            before: [before.next(), before.next()],
            after: [after.next(), after.next()],
            word_before: word_end(&text[..c.start]),
            word_after: word_start(&text[c.end..]),
            line_before: &text[line.start.min(c.start)..c.start],
        };
        c.reading = read(&chars, pen, edges);
        c.class = classify(&chars, c.reading.as_ref());
        // Quoted mojibake is a short token (`Ã©`, `â€™`); a damaged word or
        // diagram of three or more characters inside code is damage, not a quote.
        if c.quoted && !line.keyword && c.reading.as_ref().is_some_and(|r| r.last.multibyte >= 3) {
            c.quoted = false;
        }
        // Likewise a token inside a code span of prose or a command line, unless
        // it sits in a string literal there (`grep "Ã©" src`).
        if c.quoted
            && !line.keyword
            && quotes.in_code()
            && !quotes.in_string()
            && region::code_span_is_prose(text, line, c.start, c.end)
        {
            c.quoted = false;
        }
        // And a token that continues a path in a code span (`templates/â€¦`): a quote of
        // mojibake stands alone, it does not name a file.
        if c.quoted && !line.keyword && quotes.in_code() && text[..c.start].ends_with('/') {
            c.quoted = false;
        }
    }
    // The decoded form shown next to the damaged one on the same line (outside
    // other damaged-looking clusters) marks the damaged form as quoted on purpose.
    let mut shown: HashSet<(usize, char)> = HashSet::new();
    for c in clusters.iter().filter(|c| c.reading.is_none()) {
        shown.extend(
            text[c.start..c.end]
                .chars()
                .filter(|ch| !ch.is_ascii())
                .map(|ch| (c.line, ch)),
        );
    }
    if !shown.is_empty() {
        for c in &mut clusters {
            let Some(r) = &c.reading else { continue };
            if r.text
                .chars()
                .any(|ch| !ch.is_ascii() && shown.contains(&(c.line, ch)))
            {
                c.class = Class::Negative;
                c.reading = None;
            }
        }
    }
    let unquoted: i32 = clusters
        .iter()
        .filter(|c| !c.quoted)
        .map(|c| c.class.score().max(0))
        .sum();
    let quoted_counts = unquoted >= 3;
    let mut scores = vec![0i32; lines.len()];
    let mut total = 0;
    for c in &clusters {
        if c.quoted && !quoted_counts {
            continue;
        }
        scores[c.line] += c.class.score();
        total += c.class.score();
    }
    let damaged = region::decide(&scores, total > 0);
    #[cfg(test)]
    #[allow(clippy::print_stderr)]
    if std::env::var_os("REPAIR_DEBUG").is_some() {
        for c in &clusters {
            eprintln!(
                "line {} score {} damaged {} {:?} quoted {} {:?} -> {:?}",
                c.line,
                scores[c.line],
                damaged[c.line],
                c.class,
                c.quoted,
                &text[c.start..c.end],
                c.reading.as_ref().map(|r| (&r.text, r.last.cost, r.depth))
            );
        }
    }
    let latin1_doc = clusters
        .iter()
        .any(|c| c.reading.as_ref().is_some_and(|r| r.last.latin1_c1));
    let mut fixes = Vec::new();
    for c in &clusters {
        if !damaged[c.line] || c.class == Class::Negative || (c.quoted && !quoted_counts) {
            continue;
        }
        let Some(r) = &c.reading else { continue };
        let original = &text[c.start..c.end];
        // Trim the common prefix and suffix (a trailing literal space).
        let mut s = c.start;
        let mut e = c.end;
        let mut rep = r.text.as_str();
        while let (Some(a), Some(b)) = (text[s..e].chars().next_back(), rep.chars().next_back()) {
            if a != b {
                break;
            }
            e -= a.len_utf8();
            rep = &rep[..rep.len() - b.len_utf8()];
        }
        if s == e || original == r.text {
            continue;
        }
        while let (Some(a), Some(b)) = (text[s..e].chars().next(), rep.chars().next()) {
            if a != b {
                break;
            }
            s += a.len_utf8();
            rep = &rep[b.len_utf8()..];
        }
        let damage = damage_of(r, latin1_doc);
        let base: f32 = match c.class {
            Class::Strong => 0.97,
            Class::Medium => 0.85,
            _ => 0.65,
        };
        let guessed = (r.last.drops + r.last.wilds + r.last.spaces) as f32;
        let confidence = (base - 0.03 * guessed).clamp(0.3, 1.0);
        fixes.push(Fix {
            span: Span::new(s, e),
            original: text[s..e].to_owned(),
            replacement: rep.to_owned(),
            damage,
            confidence,
        });
    }
    fixes
}

#[cfg(test)]
mod tests {
    use super::skip_ascii;
    use proptest::prelude::Strategy as _;

    proptest::proptest! {
        /// `skip_ascii` finds the first non-ASCII byte, like a byte-by-byte search.
        #[test]
        fn skip_ascii_finds_the_first_non_ascii_byte(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>().prop_map(|b| b & 0x83), 0..40),
            from in 0usize..40,
        ) {
            let from = from.min(bytes.len());
            let want = bytes[from..].iter().position(|&b| b >= 0x80).map_or(bytes.len(), |p| from + p);
            proptest::prop_assert_eq!(skip_ascii(&bytes, from), want);
        }
    }
}
