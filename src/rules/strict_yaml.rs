//! `strict-yaml` (AF011): Reports front matter that the owning tool reads with its lenient parser (Claude Code, Cursor) but that strict YAML parsers reject.

declare_rule! {
    /// ## What it does
    /// Reports front matter that the owning tool reads with its lenient parser (Claude Code, Cursor) but that strict YAML parsers reject.
    ///
    /// ## Why is this bad?
    /// Copilot, converters and other tools that read the same file with a strict YAML parser fail on it. `agentfmt fmt` quotes the values (keeping Cursor `globs` bare).
    ///
    /// ## Example
    /// ```text
    /// ---
    /// description: Use this agent when: the user asks for help
    /// ---
    /// ```
    pub struct StrictYaml = crate::diagnostic::codes::STRICT_YAML;
}

parse_stage_rule!(StrictYaml);
