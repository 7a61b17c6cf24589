//! Regions: lines, fenced code blocks, inline code spans and lines that talk
//! about encodings. Repair decisions are made per line with evidence from the
//! whole region, never per character.

/// One line of the input (byte offsets, 0-based, end excludes the line break).
#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub start: usize,
    pub end: usize,
    /// Inside (or delimiting) a fenced code block.
    pub fenced: bool,
    /// Mentions encodings or mojibake, so non-ASCII on it may be quoted on purpose.
    pub keyword: bool,
    /// In a fenced code block whose code handles text encodings (replace, decode, ...).
    pub quoting_block: bool,
}

/// Words that mark a fenced code block as one that handles mojibake on purpose.
const CODE_KEYWORDS: [&str; 6] = [
    "replace",
    "decode",
    "encode",
    "translate",
    "fix_text",
    "garbl",
];

const KEYWORDS: [&str; 13] = [
    "mojibake",
    "encoding",
    "encoded",
    "utf-8",
    "utf8",
    "cp1252",
    "windows-1252",
    "latin-1",
    "latin1",
    "iso-8859",
    "mac roman",
    "macroman",
    "ftfy",
];

/// Splits `text` into lines and marks code fences and encoding-keyword lines.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut start = 0;
    let bytes = text.as_bytes();
    while start <= bytes.len() {
        let nl = memchr_nl(&bytes[start..]).map_or(bytes.len(), |i| start + i);
        let mut end = nl;
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        let line = &text[start..end];
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let mut fenced = fence.is_some();
        if indent <= 3 {
            let tb = trimmed.as_bytes();
            if let Some(&ch @ (b'`' | b'~')) = tb.first() {
                let run = tb.iter().take_while(|&&b| b == ch).count();
                if run >= 3 {
                    match fence {
                        None => {
                            fence = Some((ch, run));
                            fenced = true;
                        }
                        Some((fc, fr)) if fc == ch && run >= fr => fence = None,
                        _ => {}
                    }
                }
            }
        }
        let keyword = !line.is_ascii() && {
            let lower = line.to_ascii_lowercase();
            KEYWORDS.iter().any(|k| lower.contains(k))
        };
        out.push(Line {
            start,
            end,
            fenced,
            keyword,
            quoting_block: false,
        });
        if nl == bytes.len() {
            break;
        }
        start = nl + 1;
    }
    mark_quoting_blocks(text, &mut out);
    out
}

/// Marks every line of a fenced block that mentions an encoding keyword or a
/// text-replacing call as `quoting_block`.
fn mark_quoting_blocks(text: &str, lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].fenced {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < lines.len() && lines[j].fenced {
            j += 1;
        }
        let block = &text[lines[i].start..lines[j - 1].end];
        if !block.is_ascii() {
            let lower = block.to_ascii_lowercase();
            if KEYWORDS
                .iter()
                .chain(&CODE_KEYWORDS)
                .any(|k| lower.contains(k))
            {
                for l in &mut lines[i..j] {
                    l.quoting_block = true;
                }
            }
        }
        i = j;
    }
}

fn memchr_nl(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', b)
}

/// Running counts of backticks and quote characters on the current line, so
/// that "is this offset inside an inline code span / string literal" costs
/// linear time over a whole document.
#[derive(Debug, Default)]
pub(crate) struct QuoteState {
    line_start: usize,
    pos: usize,
    backticks: usize,
    double: usize,
    single: usize,
}

impl QuoteState {
    /// Moves to byte `offset` of `line` (offsets must not decrease).
    pub(crate) fn advance(&mut self, text: &str, line: &Line, offset: usize) {
        if self.line_start != line.start || self.pos < line.start {
            *self = Self {
                line_start: line.start,
                pos: line.start,
                ..Self::default()
            };
        }
        for &b in &text.as_bytes()[self.pos..offset.max(self.pos)] {
            match b {
                b'`' => self.backticks += 1,
                b'"' => self.double += 1,
                b'\'' => self.single += 1,
                _ => {}
            }
        }
        self.pos = offset.max(self.pos);
    }

    /// Inside an inline code span: an odd number of backticks precede on the line.
    pub(crate) fn in_code(&self) -> bool {
        self.backticks % 2 == 1
    }

    /// Inside a string literal: an odd number of `"` or of `'` precede on the line.
    pub(crate) fn in_string(&self) -> bool {
        self.double % 2 == 1 || self.single % 2 == 1
    }
}

/// Whether the inline code span around bytes `start..end` of `line` reads as
/// prose or a command with at least two ASCII words beside the cluster
/// (`` `✅ CE Gate passed` ``), rather than a quoted token (`` `â€™` ``,
/// `` `cafÃ©` ``). Quoted mojibake is the whole span or one token of it.
pub(crate) fn code_span_is_prose(text: &str, line: &Line, start: usize, end: usize) -> bool {
    let l = &text[line.start..line.end];
    let (s, e) = (start - line.start, end.min(line.end) - line.start);
    let Some(open) = l[..s].rfind('`') else {
        return false;
    };
    let close = l[e..].find('`').map_or(l.len(), |i| e + i);
    let words = |t: &str| {
        t.split_whitespace()
            .filter(|w| w.bytes().filter(u8::is_ascii_alphabetic).count() >= 2)
            .count()
    };
    // The token holding the cluster does not count.
    let before = &l[open + 1..s];
    let after = &l[e..close];
    let before = before.rsplit_once(char::is_whitespace).map_or("", |p| p.0);
    let after = after.split_once(char::is_whitespace).map_or("", |p| p.1);
    words(before) + words(after) >= 2
}

/// Per-line damage decision from per-line evidence scores: positive lines are
/// damaged, negative lines are clean, and lines without evidence take the
/// decision of the nearest line with evidence (clean on a tie). When no line has
/// evidence, `fallback` decides.
pub(crate) fn decide(scores: &[i32], fallback: bool) -> Vec<bool> {
    let n = scores.len();
    let mut out = vec![false; n];
    let mut prev: Vec<Option<(usize, bool)>> = vec![None; n];
    let mut last = None;
    for i in 0..n {
        if scores[i] != 0 {
            last = Some((i, scores[i] > 0));
        }
        prev[i] = last;
    }
    let mut next = None;
    for i in (0..n).rev() {
        if scores[i] != 0 {
            next = Some((i, scores[i] > 0));
        }
        out[i] = match (prev[i], next) {
            (Some((_, p)), _) if scores[i] != 0 => p,
            (None, None) => fallback,
            (Some((_, p)), None) => p,
            (None, Some((_, q))) => q,
            (Some((pi, p)), Some((ni, q))) => {
                if p == q || i - pi < ni - i {
                    p
                } else if ni - i < i - pi {
                    q
                } else {
                    false
                }
            }
        };
    }
    out
}
