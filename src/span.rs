//! Byte spans into decoded text, and the line index that turns them into line:column.

use serde::Serialize;

/// A half-open byte range `start..end` into a decoded UTF-8 text (0-based byte offsets).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First byte of the range (0-based, inclusive).
    pub start: u32,
    /// One past the last byte of the range (0-based, exclusive).
    pub end: u32,
}

impl Span {
    /// Builds a span from `usize` byte offsets.
    ///
    /// # Panics
    /// Panics if an offset does not fit in `u32` (texts are capped well below 4 GiB by the CLI).
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start: u32::try_from(start).expect("offset fits in u32"),
            end: u32::try_from(end).expect("offset fits in u32"),
        }
    }

    /// An empty span at `offset`.
    #[must_use]
    pub fn empty(offset: usize) -> Self {
        Self::new(offset, offset)
    }

    /// The span as a `usize` range, for slicing.
    #[must_use]
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    #[must_use]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no bytes.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// This span moved right by `delta` bytes (used to lift front-matter spans into file spans).
    #[must_use]
    pub fn shift(self, delta: usize) -> Self {
        Self::new(self.start as usize + delta, self.end as usize + delta)
    }
}

/// Maps byte offsets to 1-based line and column numbers.
///
/// Columns count Unicode code points (chars), not bytes, so they match what editors show.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the first byte of every line (the first entry is always 0).
    line_starts: Vec<u32>,
}

/// A 1-based line and column (column in chars).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct LineCol {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in Unicode code points.
    pub column: u32,
}

impl LineIndex {
    /// Indexes `text`. A line ends after `\n`; a lone `\r` does not end a line.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0u32];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
            }
        }
        Self { line_starts }
    }

    /// The 0-based line number that contains byte `offset`.
    #[must_use]
    pub fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte range of 0-based line `line`, including its line terminator.
    #[must_use]
    pub fn line_range(&self, line: usize, text_len: usize) -> std::ops::Range<usize> {
        let start = self.line_starts[line] as usize;
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(text_len, |&s| s as usize);
        start..end
    }

    /// Number of lines (a text without a final newline still counts its last line).
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line and char column of byte `offset` in `text`.
    ///
    /// An offset inside a multi-byte char is clamped to that char's start.
    #[must_use]
    pub fn line_col(&self, text: &str, offset: u32) -> LineCol {
        let offset = offset.min(u32::try_from(text.len()).unwrap_or(u32::MAX));
        let line = self.line_of(offset);
        let start = self.line_starts[line] as usize;
        let mut end = offset as usize;
        while end > start && !text.is_char_boundary(end) {
            end -= 1;
        }
        let column = text[start..end].chars().count() + 1;
        LineCol {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars() {
        let text = "ab\nüé x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(text, 3), LineCol { line: 2, column: 1 });
        // 'x' is after "üé " = 5 bytes, 3 chars
        assert_eq!(idx.line_col(text, 8), LineCol { line: 2, column: 4 });
        assert_eq!(idx.line_count(), 3);
    }
}
