//! `non-utf8-encoding` (AF002): Reports files stored as UTF-16 or in a legacy code page.

declare_rule! {
    /// ## What it does
    /// Reports files stored as UTF-16 (with a byte-order mark) or in a legacy code page (Windows-1251, Shift-JIS, GBK, EUC-KR, Windows-1252, ...), once per file.
    ///
    /// A file that is not UTF-8 is taken to be in a legacy code page when Mozilla's detector (`chardetng`, as in Firefox) names one, the bytes decode in it without error, and the decoded text reads as text: the confidence shown is the share of its non-ASCII characters that are letters of one script, in words, or common punctuation. Otherwise each invalid byte sequence is reported as `invalid-utf8`.
    ///
    /// ## Why is this bad?
    /// Claude Code, Cursor, Copilot and the other tools read UTF-8; a file in another encoding is read as garbage or not at all. `agentfmt fmt` and `agentfmt repair` rewrite it as UTF-8, then repair any mojibake in it.
    ///
    /// ## Example
    /// ```text
    /// FF FE 2D 00 2D 00 2D 00 ...   (UTF-16LE '---')
    /// CF F0 E0 E2 E8 EB E0 ...      (Windows-1251 'Правила')
    /// ```
    pub struct NonUtf8Encoding = crate::diagnostic::codes::NON_UTF8_ENCODING;
}

parse_stage_rule!(NonUtf8Encoding);
