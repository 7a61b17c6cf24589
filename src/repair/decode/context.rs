//! Context rules over a cluster's guesses that the character statistics cannot see: box
//! rows that must start and end in matching corners, CJK brackets that must close, and words
//! re-read as a whole.

use super::*;

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
pub(super) fn open_box_rows(steps: &mut [Step], cands: &[Vec<(char, u8)>], line_before: &str) {
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
pub(super) fn close_only_open_brackets(
    steps: &mut [Step],
    cands: &[Vec<(char, u8)>],
    line_before: &str,
) {
    let opener = |close: char| CJK_BRACKETS.iter().find(|b| b.1 == close).map(|b| b.0);
    let opened_before = |open: char, steps: &[Step]| {
        let mut buf = [0u8; 4];
        let bytes = open.encode_utf8(&mut buf).as_bytes();
        // The bracket read as Windows-1252 (`「` = E3 80 8C is `ã€Œ`).
        let mojibake: String = bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9F => crate::repair::tables::CP1252_HIGH[usize::from(b - 0x80)],
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
pub(super) fn reread_words(steps: &mut [Step], cands: &[Vec<(char, u8)>], edges: Edges) {
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
