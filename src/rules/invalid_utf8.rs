//! `invalid-utf8` (AF001): Reports bytes that are not valid UTF-8, with their byte offset in the file.

declare_rule! {
    /// ## What it does
    /// Reports bytes that are not valid UTF-8, with their byte offset in the file.
    ///
    /// ## Why is this bad?
    /// Every tool reads agent files as UTF-8; invalid bytes become U+FFFD or make the tool skip the file. agentfmt never rewrites such a file (it would lose the bytes).
    ///
    /// ## Example
    /// ```text
    /// name: caf\xE9   (byte E9 alone is not UTF-8)
    /// ```
    pub struct InvalidUtf8 = crate::diagnostic::codes::INVALID_UTF8;
}

parse_stage_rule!(InvalidUtf8);
