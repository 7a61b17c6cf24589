//! Cluster analysis and the per-region decision (see the module docs of
//! [`repair`](super)).

use super::decode::{Codec, Edges, Penalties};
use super::reading::{Class, Reading, classify, read};
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

struct Cluster {
    start: usize,
    end: usize,
    line: usize,
    class: Class,
    quoted: bool,
    reading: Option<Reading>,
}

fn find_clusters(text: &str, lines: &[Line]) -> Vec<Cluster> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 0;
    while i < bytes.len() {
        if bytes[i] < 0x80 {
            i = skip_ascii(bytes, i);
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

/// Text length (bytes) above which the character statistics are loaded in parallel with the
/// first scan.
const WARM_MODEL_BYTES: usize = 1 << 20;

/// Clusters in a document above which their readings are computed in parallel.
const PARALLEL_CLUSTERS: usize = 512;

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
    let scan = || {
        let lines = region::lines(text);
        let clusters = find_clusters(text, &lines);
        (lines, clusters)
    };
    // A large document loads the character statistics while it is scanned.
    let (lines, mut clusters) = if text.len() >= WARM_MODEL_BYTES {
        rayon::join(super::lm::warm, scan).1
    } else {
        scan()
    };
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
    // Pass 1, in text order (the quote state runs along the text): which clusters are quoted
    // and which need a reading at all.
    let mut quotes = region::QuoteState::default();
    let mut needs = vec![false; clusters.len()];
    for (c, need) in clusters.iter_mut().zip(&mut needs) {
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
        *need = true;
        // A token inside a code span of prose or a command line is not a quote, unless it
        // sits in a string literal there (`grep "Ã©" src`).
        if c.quoted
            && !line.keyword
            && quotes.in_code()
            && !quotes.in_string()
            && region::code_span_is_prose(text, line, c.start, c.end)
        {
            c.quoted = false;
        }
        // Nor is a token that continues a path in a code span (`templates/â€¦`): a quote of
        // mojibake stands alone, it does not name a file.
        if c.quoted && !line.keyword && quotes.in_code() && text[..c.start].ends_with('/') {
            c.quoted = false;
        }
    }
    // Pass 2: each cluster's reading depends on its own text and neighbours only, so a
    // large document reads its clusters in parallel.
    let read_one = |chars: &mut Vec<char>, c: &mut Cluster| {
        chars.clear();
        chars.extend(text[c.start..c.end].chars());
        let line = &lines[c.line];
        let mut before = text[..c.start].chars().rev();
        let mut after = text[c.end..].chars();
        let edges = Edges {
            before: [before.next(), before.next()],
            after: [after.next(), after.next()],
            word_before: word_end(&text[..c.start]),
            word_after: word_start(&text[c.end..]),
            line_before: &text[line.start.min(c.start)..c.start],
        };
        c.reading = read(chars, pen, edges);
        c.class = classify(chars, c.reading.as_ref(), &edges);
        // Quoted mojibake is a short token (`Ã©`, `â€™`); a damaged word or diagram of
        // three or more characters inside code is damage, not a quote.
        if c.quoted && !line.keyword && c.reading.as_ref().is_some_and(|r| r.last.multibyte >= 3) {
            c.quoted = false;
        }
    };
    if clusters.len() >= PARALLEL_CLUSTERS {
        use rayon::prelude::*;
        clusters
            .par_iter_mut()
            .zip(needs.par_iter())
            .filter(|(_, n)| **n)
            .for_each_init(Vec::new, |chars, (c, _)| read_one(chars, c));
    } else {
        for (c, _) in clusters.iter_mut().zip(&needs).filter(|(_, n)| **n) {
            read_one(&mut chars, c);
        }
    }
    intact_words(text, &mut clusters);
    // The decoded form shown next to the damaged one on the same line (outside
    // other damaged-looking clusters) marks the damaged form as quoted on purpose.
    // Only lines with a reading can have one shown (a clean text has almost none).
    let mut read_lines = vec![false; lines.len()];
    for c in clusters.iter().filter(|c| c.reading.is_some()) {
        read_lines[c.line] = true;
    }
    let mut shown: HashSet<(usize, char)> = HashSet::new();
    for c in clusters
        .iter()
        .filter(|c| c.reading.is_none() && read_lines[c.line])
    {
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
    // A guessed byte is a hypothesis about the document: it dropped bytes. Only a
    // cluster that needs one and is clear evidence (`âŒ` for ❌) supports it; a lone
    // letter read with a guessed byte (`Ä` as `ā`, `Ã` as `Á`) is otherwise a letter.
    let drops_bytes = clusters
        .iter()
        .any(|c| c.class >= Class::Medium && c.reading.as_ref().is_some_and(|r| r.last.drops > 0));
    let clear = |codec: Codec| {
        clusters
            .iter()
            .filter(|c| {
                c.class >= Class::Medium && c.reading.as_ref().is_some_and(|r| r.codec == codec)
            })
            .count()
    };
    let (western, mac) = (clear(Codec::Western), clear(Codec::MacRoman));
    let codec_supported = |codec: Codec| match codec {
        Codec::Western => western > 0 && western >= mac,
        Codec::MacRoman => mac > 0 && mac >= western,
    };
    let latin1_doc = clusters
        .iter()
        .any(|c| c.reading.as_ref().is_some_and(|r| r.last.latin1_c1));
    let mut fixes = Vec::new();
    for c in &clusters {
        if !damaged[c.line] || c.class == Class::Negative || (c.quoted && !quoted_counts) {
            continue;
        }
        let Some(r) = &c.reading else { continue };
        if r.last.drops > 0 && c.class < Class::Medium && !drops_bytes {
            continue;
        }
        // A document was mis-decoded with one code page: weak evidence read in the code
        // page the clear evidence does not point to is text (`’é` in a file damaged as
        // Windows-1252 is no Mac OS Roman `Վ`).
        if c.class == Class::Weak && !codec_supported(r.codec) {
            continue;
        }
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
        // The other readings, cut like the replacement.
        let (head, tail) = (&text[c.start..s], &text[e..c.end]);
        let alternatives = r
            .last
            .alternatives
            .iter()
            .filter_map(|a| a.strip_prefix(head)?.strip_suffix(tail))
            .filter(|a| *a != rep && !a.is_empty())
            .map(str::to_owned)
            .collect();
        fixes.push(Fix {
            span: Span::new(s, e),
            original: text[s..e].to_owned(),
            replacement: rep.to_owned(),
            damage,
            confidence,
            alternatives,
        });
    }
    fixes
}

/// A word (a run of characters between ASCII whitespace) that holds an intact non-ASCII
/// letter, one no code page reading changes (`É` in `MÉXICO`), was not mis-decoded: the same
/// damage would have turned that letter into two characters as well. Its other clusters
/// (`Ã“` beside it, which would read `Ó`) are text, and marked negative.
fn intact_words(text: &str, clusters: &mut [Cluster]) {
    // Clusters are in text order, so the clusters of one word are consecutive.
    let word_start = |at: usize| {
        text.as_bytes()[..at]
            .iter()
            .rposition(u8::is_ascii_whitespace)
            .map_or(0, |i| i + 1)
    };
    let starts: Vec<usize> = clusters.iter().map(|c| word_start(c.start)).collect();
    let mut g = 0;
    while g < clusters.len() {
        let end = g + starts[g..].iter().take_while(|&&w| w == starts[g]).count();
        let intact = clusters[g..end].iter().any(|c| {
            (c.class == Class::Negative || c.reading.is_none())
                && text[c.start..c.end]
                    .chars()
                    .any(|ch| !ch.is_ascii() && ch.is_alphabetic())
        });
        if intact {
            for c in &mut clusters[g..end] {
                c.class = Class::Negative;
                c.reading = None;
            }
        }
        g = end;
    }
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
