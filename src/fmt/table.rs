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
fn cells(line: &str) -> Option<Vec<String>> {
    if line.contains("\\|") {
        return None;
    }
    let mut in_code = false;
    for c in line.chars() {
        match c {
            '`' => in_code = !in_code,
            '|' if in_code => return None,
            _ => {}
        }
    }
    let mut t = line.trim();
    t = t.strip_prefix('|').unwrap_or(t);
    t = t.strip_suffix('|').unwrap_or(t);
    Some(t.split('|').map(|c| c.trim().to_owned()).collect())
}

fn width(s: &str) -> usize {
    s.chars().count()
}

fn pad(s: &str, w: usize, a: Alignment) -> String {
    let gap = w.saturating_sub(width(s));
    match a {
        Alignment::Right => format!("{}{s}", " ".repeat(gap)),
        Alignment::Center => format!("{}{s}{}", " ".repeat(gap / 2), " ".repeat(gap - gap / 2)),
        Alignment::Left | Alignment::None => format!("{s}{}", " ".repeat(gap)),
    }
}

fn delimiter(w: usize, a: Alignment) -> String {
    match a {
        Alignment::None => "-".repeat(w),
        Alignment::Left => format!(":{}", "-".repeat(w - 1)),
        Alignment::Right => format!("{}:", "-".repeat(w - 1)),
        Alignment::Center => format!(":{}:", "-".repeat(w - 2)),
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
    let rows: Vec<Vec<String>> = lines.iter().map(|l| cells(l)).collect::<Option<_>>()?;
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
        let cells: Vec<String> = (0..cols)
            .map(|c| {
                if i == 1 {
                    delimiter(widths[c], aligns[c])
                } else {
                    pad(row.get(c).map_or("", String::as_str), widths[c], aligns[c])
                }
            })
            .collect();
        if i > 0 {
            out.push('\n');
        }
        out.push_str("| ");
        out.push_str(&cells.join(" | "));
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
