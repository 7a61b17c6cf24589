//! Markdown body rewrites: each proposes byte-range edits on the body text, guided by
//! pulldown-cmark's source offsets (deps.md §2.5, item 1). Code blocks, HTML blocks, inline
//! HTML and code spans are never edited, so `<example>`-style tags pass through byte for
//! byte. The safety net that checks the rendering lives in [`super::guard`].

use std::ops::Range;

use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::table;
use super::{Rewrite, TableStyle};
use crate::diagnostic::Edit;
use crate::span::Span;

/// The GFM options used for parsing, rendering and the guard (deps.md §2.1 "GFM mode").
#[must_use]
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
}

/// The HTML pulldown-cmark renders for `text` with [`options`].
#[must_use]
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    pulldown_cmark::html::push_html(&mut out, Parser::new_ext(text, options()));
    out
}

/// What the parser found, as byte ranges into the body.
#[derive(Default)]
pub(super) struct Scan {
    /// Code blocks, HTML blocks, inline HTML and code spans: never edited.
    protected: Vec<Range<usize>>,
    /// From an HTML block that opens a tag (`<example>`) to the one that closes it: the text
    /// between is prompt text the model reads as is, so no rewrite touches it.
    tag_regions: Vec<Range<usize>>,
    hard_breaks: Vec<Range<usize>>,
    headings: Vec<(Range<usize>, usize)>,
    /// Start offsets of the items of each unordered list.
    pub(super) bullets: Vec<Vec<usize>>,
    fences: Vec<Range<usize>>,
    tables: Vec<(Range<usize>, Vec<Alignment>)>,
}

/// Parses `text` once, for the events [`html`] renders (the same parser and options) and
/// the [`Scan`] the rewrites need.
pub(super) fn analyse(text: &str) -> (Vec<Event<'_>>, Scan) {
    let mut scanner = Scanner::default();
    // About one event per 8 bytes of prose; avoids most regrowth.
    let mut events = Vec::with_capacity(text.len() / 8);
    for (ev, r) in Parser::new_ext(text, options()).into_offset_iter() {
        scanner.push(text, &ev, r);
        events.push(ev);
    }
    (events, scanner.scan)
}

/// The guard's reference: the original body's events, and its HTML, rendered only when a
/// trial's events differ.
pub(super) struct Reference<'a> {
    events: Vec<Event<'a>>,
    html: std::cell::OnceCell<String>,
}

impl<'a> Reference<'a> {
    /// The reference for a body with these events (from [`analyse`]).
    pub fn new(events: Vec<Event<'a>>) -> Self {
        Self {
            events,
            html: std::cell::OnceCell::new(),
        }
    }

    /// Parses `text` once: whether it renders to the same HTML as the reference, and its
    /// [`Scan`]. HTML is a function of the events alone, so equal events render the same and
    /// no HTML is built; when the events differ, both renderings are compared (different
    /// events can still render the same, e.g. text split in other places).
    pub fn check(&self, text: &str) -> (bool, Scan) {
        let mut scanner = Scanner::default();
        let mut n = 0;
        let mut same = true;
        for (ev, r) in Parser::new_ext(text, options()).into_offset_iter() {
            scanner.push(text, &ev, r);
            same = same && self.events.get(n) == Some(&ev);
            n += 1;
        }
        same = same && n == self.events.len();
        if !same {
            let want = self.html.get_or_init(|| {
                let mut out = String::new();
                pulldown_cmark::html::push_html(&mut out, self.events.iter().cloned());
                out
            });
            same = html(text) == *want;
        }
        (same, scanner.scan)
    }
}

/// Builds a [`Scan`] from the events of one parse, in order.
#[derive(Default)]
struct Scanner {
    scan: Scan,
    /// Open lists: the index in `bullets` of an unordered one, `None` for an ordered one.
    lists: Vec<Option<usize>>,
    open_tags: Vec<(String, usize)>,
}

impl Scanner {
    fn push(&mut self, text: &str, ev: &Event<'_>, r: Range<usize>) {
        let s = &mut self.scan;
        match ev {
            Event::Start(Tag::CodeBlock(kind)) => {
                if matches!(kind, CodeBlockKind::Fenced(_)) {
                    s.fences.push(r.clone());
                }
                s.protected.push(r);
            }
            Event::Start(Tag::HtmlBlock) => {
                track_tags(
                    &text[r.clone()],
                    r.start,
                    &mut self.open_tags,
                    &mut s.tag_regions,
                );
                s.protected.push(r);
            }
            Event::InlineHtml(_) => {
                // A closing `</example>` right after paragraph text is inline HTML.
                track_tags(
                    &text[r.clone()],
                    r.start,
                    &mut self.open_tags,
                    &mut s.tag_regions,
                );
                s.protected.push(r);
            }
            Event::Code(_) | Event::Html(_) => s.protected.push(r),
            Event::HardBreak => s.hard_breaks.push(r),
            Event::Start(Tag::Heading { level, .. }) => s.headings.push((r, *level as usize)),
            Event::Start(Tag::List(first)) => {
                self.lists.push(first.is_none().then_some(s.bullets.len()));
                if first.is_none() {
                    s.bullets.push(Vec::new());
                }
            }
            Event::End(TagEnd::List(_)) => {
                self.lists.pop();
            }
            Event::Start(Tag::Item) => {
                if let Some(Some(i)) = self.lists.last() {
                    s.bullets[*i].push(r.start);
                }
            }
            Event::Start(Tag::Table(aligns)) => s.tables.push((r, aligns.clone())),
            _ => {}
        }
    }
}

/// Follows `<name ...>` / `</name>` tags that start HTML blocks or are inline HTML, recording
/// the byte range from an opening tag to its closing tag.
fn track_tags(
    block: &str,
    at: usize,
    open: &mut Vec<(String, usize)>,
    out: &mut Vec<Range<usize>>,
) {
    let name = |t: &str| -> String {
        t.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect()
    };
    let t = block.trim_start();
    if let Some(rest) = t.strip_prefix("</") {
        let n = name(rest);
        if let Some(i) = open.iter().rposition(|(o, _)| *o == n) {
            let (_, start) = open[i].clone();
            open.truncate(i);
            out.push(start..at + block.len());
        }
    } else if let Some(rest) = t.strip_prefix('<') {
        let n = name(rest);
        if !n.is_empty() && !block.contains(&format!("</{n}>")) {
            open.push((n, at));
        }
    }
}

/// Whether byte ranges reach a position, for queries that move forward through the text:
/// linear in the ranges plus the queries instead of their product (a body with many code
/// spans and many lines).
struct Sweep<'a> {
    /// The ranges, sorted by start.
    ranges: Vec<&'a Range<usize>>,
    /// How many of `ranges` have been taken into `reach`.
    next: usize,
    /// The furthest end among the ranges taken.
    reach: usize,
}

impl<'a> Sweep<'a> {
    fn new(ranges: &'a [Range<usize>]) -> Self {
        let mut ranges: Vec<&Range<usize>> = ranges.iter().collect();
        ranges.sort_by_key(|r| r.start);
        Self {
            ranges,
            next: 0,
            reach: 0,
        }
    }

    /// Whether some range starting before `bound` ends after `at`. `bound` must not
    /// decrease from one call to the next.
    fn reaches(&mut self, bound: usize, at: usize) -> bool {
        while let Some(r) = self.ranges.get(self.next).filter(|r| r.start < bound) {
            self.reach = self.reach.max(r.end);
            self.next += 1;
        }
        self.reach > at
    }

    /// Whether a range overlaps `s..e` (touches `s` when the range is empty). Calls must come
    /// in increasing `e.max(s + 1)`.
    fn overlaps(&mut self, s: usize, e: usize) -> bool {
        self.reaches(e.max(s + 1), s)
    }

    /// Whether a range contains `at`. Calls must come in increasing `at`.
    fn contains(&mut self, at: usize) -> bool {
        self.reaches(at + 1, at)
    }
}

fn edit(s: usize, e: usize, replacement: impl Into<String>) -> Edit {
    Edit {
        span: Span::new(s, e),
        replacement: replacement.into(),
    }
}

/// Lines of `text` as `(start, content_end, line_end)`: content excludes the `\n`.
fn lines(text: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    // memchr's vectorised search: the per-line cost of `split_inclusive` showed in profiles
    // (two passes over every body per round).
    let len = text.len();
    let mut breaks = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= len {
            return None;
        }
        let start = pos;
        let end = breaks.next().unwrap_or(len);
        pos = (end + 1).min(len);
        Some((start, end, pos))
    })
}

/// The edits of one rewrite on body `text`, in units that the guard accepts or refuses as a
/// whole (one list, one code block). `scan` is `text`'s [`Scan`]; `file_start` is true when
/// the body is the whole file (no front matter), so leading blank lines can go; `tables` is
/// the table style.
///
/// No unit makes the text longer: agent files are read by a model, and a canonical form that
/// costs more tokens than the author's is not worth it (a level-2 setext heading with a
/// one-dash underline stays setext). The exceptions are the final line break and tables in
/// the opt-in [`TableStyle::Aligned`].
#[must_use]
pub(super) fn edits(
    rewrite: Rewrite,
    text: &str,
    scan: &Scan,
    file_start: bool,
    tables: TableStyle,
) -> Vec<Vec<Edit>> {
    let regions = &scan.tag_regions;
    let mut units = rewrite_edits(rewrite, text, scan, file_start, tables);
    let may_grow = rewrite == Rewrite::FinalNewline
        || (rewrite == Rewrite::Table && tables == TableStyle::Aligned);
    if !may_grow {
        units.retain(|u| {
            let removed: usize = u.iter().map(|e| (e.span.end - e.span.start) as usize).sum();
            let added: usize = u.iter().map(|e| e.replacement.len()).sum();
            added <= removed
        });
    }
    if !regions.is_empty() {
        units.retain(|u| {
            !u.iter().any(|e| {
                let (s, e) = (e.span.start as usize, e.span.end as usize);
                regions.iter().any(|r| r.start < e.max(s + 1) && s < r.end)
            })
        });
    }
    units
}

fn rewrite_edits(
    rewrite: Rewrite,
    text: &str,
    s: &Scan,
    file_start: bool,
    tables: TableStyle,
) -> Vec<Vec<Edit>> {
    let single = |v: Vec<Edit>| v.into_iter().map(|e| vec![e]).collect();
    match rewrite {
        Rewrite::FinalNewline => single(final_newline(text)),
        Rewrite::TrailingWhitespace => single(trailing_whitespace(text, s)),
        Rewrite::BlankLines => single(blank_lines(text, s, file_start)),
        Rewrite::HeadingStyle => single(headings(text, s)),
        Rewrite::ListMarker => bullets(text, s),
        Rewrite::CodeFence => fences(text, s),
        Rewrite::Table => {
            let write = match tables {
                TableStyle::Compact => table::compact,
                TableStyle::Aligned => table::align,
                TableStyle::Keep => return Vec::new(),
            };
            single(
                s.tables
                    .iter()
                    .filter_map(|(r, aligns)| write(text, r.clone(), aligns))
                    .collect(),
            )
        }
        _ => Vec::new(),
    }
}

/// `*` and `+` bullets become `-`, one unit per list.
fn bullets(text: &str, s: &Scan) -> Vec<Vec<Edit>> {
    let b = text.as_bytes();
    s.bullets
        .iter()
        .map(|items| {
            items
                .iter()
                .copied()
                .filter(|&at| {
                    matches!(b.get(at), Some(b'*' | b'+'))
                        && matches!(b.get(at + 1), None | Some(b' ' | b'\t' | b'\n'))
                })
                .map(|at| edit(at, at + 1, "-"))
                .collect::<Vec<_>>()
        })
        .filter(|u| !u.is_empty())
        .collect()
}

/// Exactly one line break at the end; no trailing blank lines.
fn final_newline(text: &str) -> Vec<Edit> {
    let keep = text.trim_end_matches(['\n', ' ', '\t']).len();
    if keep == 0 {
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![edit(0, text.len(), "")]
        };
    }
    let line_end = text[keep..].find('\n').map_or(text.len(), |i| keep + i);
    if text.len() == line_end + 1 {
        return Vec::new();
    }
    vec![edit(line_end, text.len(), "\n")]
}

fn trailing_whitespace(text: &str, s: &Scan) -> Vec<Edit> {
    let mut out = Vec::new();
    // Queried at increasing `end`s: each line's `end` is before the next line's `trimmed`.
    let mut protected = Sweep::new(&s.protected);
    let mut hard_breaks = Sweep::new(&s.hard_breaks);
    for (start, end, _) in lines(text) {
        let trimmed = start + text[start..end].trim_end_matches([' ', '\t']).len();
        if trimmed < end && !protected.overlaps(trimmed, end) && !hard_breaks.overlaps(trimmed, end)
        {
            out.push(edit(trimmed, end, ""));
        }
    }
    out
}

fn blank_lines(text: &str, s: &Scan, file_start: bool) -> Vec<Edit> {
    let mut out = Vec::new();
    let mut run: Vec<(usize, usize)> = Vec::new();
    let mut flush = |run: &mut Vec<(usize, usize)>, keep: usize| {
        if run.len() > keep {
            out.push(edit(run[keep].0, run[run.len() - 1].1, ""));
        }
        run.clear();
    };
    let mut at_start = true;
    let mut protected = Sweep::new(&s.protected);
    for (start, end, line_end) in lines(text) {
        let blank = text[start..end].trim().is_empty();
        let inside = protected.contains(start);
        if blank && !inside {
            run.push((start, line_end));
        } else {
            // Leading blank lines of a file go, unless a `---` line would then open front
            // matter that the file does not have, or a U+FEFF would become the first
            // character (readers strip it as a byte-order mark, so the next run would differ).
            let line = &text[start..end];
            let must_not_lead = line.trim_end() == "---" || line.starts_with('\u{feff}');
            let keep = !(at_start && file_start) || must_not_lead;
            flush(&mut run, usize::from(keep));
            at_start = false;
        }
    }
    // Blank lines at the end are the final-newline rewrite's job.
    run.clear();
    out
}

fn headings(text: &str, s: &Scan) -> Vec<Edit> {
    let mut out = Vec::new();
    for &(ref r, level) in &s.headings {
        let at_line_start = r.start == 0 || text.as_bytes()[r.start - 1] == b'\n';
        let first_end = text[r.start..]
            .find('\n')
            .map_or(text.len(), |i| r.start + i);
        let content = text[r.start..first_end].trim();
        if !at_line_start || content.starts_with('#') || first_end >= text.len() {
            continue;
        }
        let under_start = first_end + 1;
        let under_end = text[under_start..]
            .find('\n')
            .map_or(text.len(), |i| under_start + i);
        let under = text[under_start..under_end].trim();
        let marks = if level == 1 { '=' } else { '-' };
        if under.is_empty() || !under.chars().all(|c| c == marks) || r.end > under_end + 1 {
            continue; // multi-line setext content, or not what it seems
        }
        if content.is_empty() || content.ends_with('#') || level > 2 {
            continue;
        }
        out.push(edit(
            r.start,
            under_end,
            format!("{} {content}", "#".repeat(level)),
        ));
    }
    out
}

fn fences(text: &str, scan: &Scan) -> Vec<Vec<Edit>> {
    let mut out = Vec::new();
    for r in &scan.fences {
        let mut unit = Vec::new();
        let block = &text[r.clone()];
        let indent = block.len() - block.trim_start_matches(' ').len();
        let n = block[indent..].chars().take_while(|&c| c == '~').count();
        if n < 3 || block.contains(&"`".repeat(n.min(3))) {
            continue;
        }
        let open = r.start + indent;
        unit.push(edit(open, open + n, "`".repeat(n)));
        // The closing fence: the last line of the block, if it is a run of tildes.
        let body = block.trim_end_matches('\n');
        let last_start = body.rfind('\n').map_or(0, |i| i + 1);
        if last_start == 0 {
            out.push(unit);
            continue;
        }
        let last = &body[last_start..];
        let lead = last.len() - last.trim_start_matches([' ', '>']).len();
        let run = last[lead..].chars().take_while(|&c| c == '~').count();
        if run >= n && last[lead + run..].trim().is_empty() {
            let s = r.start + last_start + lead;
            unit.push(edit(s, s + run, "`".repeat(run)));
        }
        out.push(unit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;

    proptest! {
        /// `lines` splits like `split_inclusive('\n')`.
        #[test]
        fn lines_are_the_inclusive_split(text in "[a\n ]{0,24}") {
            let mut pos = 0;
            let want: Vec<(usize, usize, usize)> = text
                .split_inclusive('\n')
                .map(|l| {
                    let start = pos;
                    pos += l.len();
                    (start, start + l.trim_end_matches('\n').len(), pos)
                })
                .collect();
            prop_assert_eq!(lines(&text).collect::<Vec<_>>(), want);
        }

        /// The sweep answers exactly what scanning every range answers.
        #[test]
        fn sweep_agrees_with_a_scan_of_every_range(
            ranges in vec((0usize..60, 0usize..8), 0..8),
            queries in vec((0usize..60, 0usize..4), 0..20),
        ) {
            let ranges: Vec<Range<usize>> = ranges.iter().map(|&(s, l)| s..s + l).collect();
            let mut spans: Vec<(usize, usize)> = queries.iter().map(|&(s, l)| (s, s + l)).collect();
            spans.sort_by_key(|&(s, e)| e.max(s + 1));
            let mut sweep = Sweep::new(&ranges);
            for (s, e) in spans {
                let naive = ranges.iter().any(|r| r.start < e.max(s + 1) && s < r.end);
                prop_assert_eq!(sweep.overlaps(s, e), naive, "{:?} {}..{}", ranges, s, e);
            }
            let mut points: Vec<usize> = queries.iter().map(|&(s, _)| s).collect();
            points.sort_unstable();
            let mut sweep = Sweep::new(&ranges);
            for at in points {
                let naive = ranges.iter().any(|r| r.start <= at && at < r.end);
                prop_assert_eq!(sweep.contains(at), naive, "{:?} {}", ranges, at);
            }
        }
    }
}
