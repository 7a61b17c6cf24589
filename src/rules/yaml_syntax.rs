//! `yaml-syntax` (AF006): Reports front matter that a strict YAML parser rejects, in files whose owning tool parses strict YAML (Copilot, OpenCode, Kiro, Windsurf, ...).

declare_rule! {
    /// ## What it does
    /// Reports front matter that a strict YAML parser rejects, in files whose owning tool parses strict YAML (Copilot, OpenCode, Kiro, Windsurf, ...).
    ///
    /// ## Why is this bad?
    /// The owning tool cannot read the fields and ignores or rejects the file.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// description: Use this: when asked     # ': ' inside a plain scalar
    /// ---
    /// ```
    pub struct YamlSyntax = crate::diagnostic::codes::YAML_SYNTAX;
}

parse_stage_rule!(YamlSyntax);
