//! GFM tables in one of two styles, [`compact`] (the default: cells trimmed, one space each
//! side, three-character delimiters) or [`align`] (every cell padded to its column's width),
//! both keeping the alignment markers.
//!
//! Only tables that start at column 0 and whose cells hold no escaped pipes (`\|`) and no
//! code spans with pipes are touched: for those, splitting a row on `|` gives exactly the
//! cells the parser sees. Width is counted in chars.

use std::ops::Range;

use pulldown_cmark::Alignment;

use crate::diagnostic::Edit;
use crate::span::Span;

/// Splits a table row into trimmed cells, or `None` if the row has a pipe the split could
/// misread (an unescaped one inside a code span). A pipe after an odd number of backslashes
/// is escaped (GFM 0.29, "tables": `\\|` is a pipe in the cell's content, also inside code
/// spans) and does not split; the guard re-renders every rewritten table anyway.
fn cells(line: &str) -> Option<Vec<&str>> {
    let b = line.as_bytes();
    let escaped = |i: usize| b[..i].iter().rev().take_while(|&&c| c == b'\\').count() % 2 == 1;
    let mut in_code = false;
    let mut splits = Vec::new();
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'`' => in_code = !in_code,
            b'|' if escaped(i) => {}
            b'|' if in_code => return None,
            b'|' => splits.push(i),
            _ => {}
        }
    }
    let (mut start, mut end) = (0, line.len());
    let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
    if splits.first() == Some(&lead) {
        start = lead + 1;
        splits.remove(0);
    }
    let tail = line.trim_end_matches([' ', '\t', '\r']).len();
    if tail > start && splits.last() == Some(&(tail - 1)) {
        end = tail - 1;
        splits.pop();
    }
    let mut out = Vec::with_capacity(splits.len() + 1);
    let mut at = start;
    for i in splits {
        out.push(trim(&line[at..i]));
        at = i + 1;
    }
    out.push(trim(&line[at..end.max(at)]));
    Some(out)
}

/// `s` without the spaces and tabs GFM trims around a cell (and a CR). Not `str::trim`: a
/// no-break space (U+00A0), common in text pasted from web pages, is cell content to the
/// parser, and trimming it would change what the table renders to.
fn trim(s: &str) -> &str {
    s.trim_matches([' ', '\t', '\r'])
}

fn width(s: &str) -> usize {
    s.chars().count()
}

fn spaces(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn pad(out: &mut String, s: &str, w: usize, a: Alignment) {
    let gap = w.saturating_sub(width(s));
    match a {
        Alignment::Right => {
            spaces(out, gap);
            out.push_str(s);
        }
        Alignment::Center => {
            spaces(out, gap / 2);
            out.push_str(s);
            spaces(out, gap - gap / 2);
        }
        Alignment::Left | Alignment::None => {
            out.push_str(s);
            spaces(out, gap);
        }
    }
}

fn delimiter(out: &mut String, w: usize, a: Alignment) {
    let dashes = |out: &mut String, n: usize| out.extend(std::iter::repeat_n('-', n));
    match a {
        Alignment::None => dashes(out, w),
        Alignment::Left => {
            out.push(':');
            dashes(out, w - 1);
        }
        Alignment::Right => {
            dashes(out, w - 1);
            out.push(':');
        }
        Alignment::Center => {
            out.push(':');
            dashes(out, w - 2);
            out.push(':');
        }
    }
}

/// A table `fmt` may rewrite: its source lines (without the final line break) and its
/// rows split into trimmed cells.
struct Table<'a> {
    src: &'a str,
    rows: Vec<Vec<&'a str>>,
}

/// The table at byte range `r` of `text` with `aligns.len()` columns, or `None` if it is not
/// one these functions handle safely (indented, a row with a pipe the naive split misreads,
/// a header or delimiter row whose cell count is not the column count, a row with more cells).
fn table<'a>(text: &'a str, r: &Range<usize>, aligns: &[Alignment]) -> Option<Table<'a>> {
    if r.start != 0 && text.as_bytes()[r.start - 1] != b'\n' {
        return None;
    }
    let src = text[r.clone()].trim_end_matches('\n');
    let lines: Vec<&str> = src.split('\n').collect();
    if lines.len() < 2
        || lines
            .iter()
            .any(|l| l.starts_with([' ', '\t']) || l.trim().is_empty())
    {
        return None;
    }
    let rows: Vec<Vec<&str>> = lines.iter().map(|l| cells(l)).collect::<Option<_>>()?;
    let cols = aligns.len();
    if cols == 0
        || rows[0].len() != cols
        || rows[1].len() != cols
        || rows.iter().any(|r| r.len() > cols)
    {
        return None;
    }
    Some(Table { src, rows })
}

fn replace(r: &Range<usize>, t: &Table<'_>, out: String) -> Option<Edit> {
    (out != t.src).then(|| Edit {
        span: Span::new(r.start, r.start + t.src.len()),
        replacement: out,
    })
}

/// The edit that writes the table at byte range `r` of `text` compact: `| a | b |`, an empty
/// cell as `| |`, delimiters `---`, `:--`, `--:` and `:-:`, and each row with the cells it
/// has (GFM fills missing ones). `None` if the table is already compact, is not one this
/// module handles safely, or if the compact form would be longer than the source (a table
/// written `|a|b|` is left as it is: fmt never spends a reader's tokens on a table).
#[must_use]
pub fn compact(text: &str, r: Range<usize>, aligns: &[Alignment]) -> Option<Edit> {
    let t = table(text, &r, aligns)?;
    let mut out = String::with_capacity(t.src.len());
    for (i, row) in t.rows.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push('|');
        if i == 1 {
            for a in aligns {
                out.push_str(match a {
                    Alignment::None => " --- |",
                    Alignment::Left => " :-- |",
                    Alignment::Right => " --: |",
                    Alignment::Center => " :-: |",
                });
            }
            continue;
        }
        for cell in row {
            out.push(' ');
            if !cell.is_empty() {
                out.push_str(cell);
                out.push(' ');
            }
            out.push('|');
        }
    }
    if out.len() > t.src.len() {
        return None;
    }
    replace(&r, &t, out)
}

/// The edit that aligns the table at byte range `r` of `text` (every cell padded to its
/// column's width in chars, missing cells added), or `None` if the table is already aligned
/// or is not one this module handles safely.
#[must_use]
pub fn align(text: &str, r: Range<usize>, aligns: &[Alignment]) -> Option<Edit> {
    let t = table(text, &r, aligns)?;
    let (src, rows, cols) = (t.src, &t.rows, aligns.len());
    let mut widths = vec![3usize; cols];
    for (i, row) in rows.iter().enumerate() {
        if i == 1 {
            continue;
        }
        for (c, cell) in row.iter().enumerate() {
            widths[c] = widths[c].max(width(cell));
        }
    }
    let mut out = String::with_capacity(src.len() + 16);
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("| ");
        for c in 0..cols {
            if c > 0 {
                out.push_str(" | ");
            }
            if i == 1 {
                delimiter(&mut out, widths[c], aligns[c]);
            } else {
                pad(
                    &mut out,
                    row.get(c).copied().unwrap_or(""),
                    widths[c],
                    aligns[c],
                );
            }
        }
        out.push_str(" |");
    }
    replace(&r, &t, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_cells_and_keeps_markers() {
        let t = "|a|b|c|\n|:-|-:|:-:|\n|long cell|x|yy|\n";
        let e = align(
            t,
            0..t.len(),
            &[Alignment::Left, Alignment::Right, Alignment::Center],
        )
        .unwrap();
        assert_eq!(
            e.replacement,
            "| a         |   b |  c  |\n| :-------- | --: | :-: |\n| long cell |   x | yy  |"
        );
    }

    #[test]
    fn compacts_cells_and_keeps_markers() {
        let t = "| a         |   b |  c  |\n| :-------- | --: | :-: |\n| long cell |   x |     |\n|only|\n";
        let aligns = [Alignment::Left, Alignment::Right, Alignment::Center];
        let e = compact(t, 0..t.len(), &aligns).unwrap();
        assert_eq!(
            e.replacement,
            "| a | b | c |\n| :-- | --: | :-: |\n| long cell | x | |\n| only |"
        );
        let again = format!("{}\n", e.replacement);
        assert!(compact(&again, 0..again.len(), &aligns).is_none());
    }

    #[test]
    fn compact_never_grows_a_table() {
        let t = "|a|b|\n|-|-|\n|x|y|\n";
        assert!(compact(t, 0..t.len(), &[Alignment::None, Alignment::None]).is_none());
    }

    #[test]
    fn escaped_pipes_stay_in_their_cell() {
        let t = "|a|b|\n|-|-|\n|x \\| `y\\|z`|w\\\\|\n";
        let e = align(t, 0..t.len(), &[Alignment::None, Alignment::None]).unwrap();
        assert_eq!(
            e.replacement,
            "| a           | b   |\n| ----------- | --- |\n| x \\| `y\\|z` | w\\\\ |"
        );
    }

    #[test]
    fn skips_unescaped_pipes_in_code_spans() {
        let t = "| a | b |\n|---|---|\n| `x|y` |\n";
        assert!(align(t, 0..t.len(), &[Alignment::None, Alignment::None]).is_none());
    }
}
