//! GFM table alignment: pad every cell to its column's width and keep the alignment markers.
//!
//! Only tables that start at column 0 and whose cells hold no escaped pipes (`\|`) and no
//! code spans with pipes are touched: for those, splitting a row on `|` gives exactly the
//! cells the parser sees. Width is counted in chars.

use std::ops::Range;

use pulldown_cmark::Alignment;

use crate::diagnostic::Edit;
use crate::span::Span;

/// Splits a table row into trimmed cells, or `None` if the row has a pipe the naive split
/// would misread (escaped, or inside a code span).
fn cells(line: &str) -> Option<Vec<&str>> {
    if line.contains("\\|") {
        return None;
    }
    let mut in_code = false;
    for c in line.bytes() {
        match c {
            b'`' => in_code = !in_code,
            b'|' if in_code => return None,
            _ => {}
        }
    }
    let mut t = trim(line);
    t = t.strip_prefix('|').unwrap_or(t);
    t = t.strip_suffix('|').unwrap_or(t);
    Some(t.split('|').map(trim).collect())
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

/// The edit that aligns the table at byte range `r` of `text`, or `None` if the table is
/// already aligned or is not one this function handles safely.
#[must_use]
pub fn align(text: &str, r: Range<usize>, aligns: &[Alignment]) -> Option<Edit> {
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
    (out != src).then(|| Edit {
        span: Span::new(r.start, r.start + src.len()),
        replacement: out,
    })
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
    fn skips_escaped_pipes() {
        let t = "|a|b|\n|-|-|\n|x \\| y|z|\n";
        assert!(align(t, 0..t.len(), &[Alignment::None, Alignment::None]).is_none());
    }
}
