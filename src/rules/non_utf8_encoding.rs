//! `non-utf8-encoding` (AF002): Reports files stored as UTF-16 (with a byte-order mark).

declare_rule! {
    /// ## What it does
    /// Reports files stored as UTF-16 (with a byte-order mark).
    ///
    /// ## Why is this bad?
    /// Claude Code, Cursor, Copilot and the other tools read UTF-8; a UTF-16 file is read as garbage or not at all. `agentfmt fmt` rewrites it as UTF-8.
    ///
    /// ## Example
    /// ```text
    /// FF FE 2D 00 2D 00 2D 00 ...   (UTF-16LE '---')
    /// ```
    pub struct NonUtf8Encoding = crate::diagnostic::codes::NON_UTF8_ENCODING;
}

parse_stage_rule!(NonUtf8Encoding);
