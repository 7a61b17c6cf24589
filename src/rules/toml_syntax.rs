//! `toml-syntax` (AF014): Reports a Gemini CLI command file that is not valid TOML.

declare_rule! {
    /// ## What it does
    /// Reports a Gemini CLI command file that is not valid TOML.
    ///
    /// ## Why is this bad?
    /// Gemini CLI fails to load the command.
    ///
    /// ## Example
    /// ```text
    /// prompt = """
    /// unterminated
    /// ```
    pub struct TomlSyntax = crate::diagnostic::codes::TOML_SYNTAX;
}

parse_stage_rule!(TomlSyntax);
