//! `missing-required-field` (AF100): Reports a front-matter field that the owning tool requires but the file lacks (the kind's schema `required` list; reported by `schema::validate`).

declare_rule! {
    /// ## What it does
    /// Reports a front-matter field that the owning tool requires but the file lacks (the kind's schema `required` list; reported by `schema::validate`).
    ///
    /// ## Why is this bad?
    /// The owning tool skips or rejects the file: Claude Code ignores a subagent without `name` or `description` [CC-SUB], the GitHub cloud agent needs `description` [GH-AGENTS-CFG], Gemini CLI needs `prompt` [GEM-CMDS], OpenCode needs `description` [OC-AGENTS], and Agent Skills need `name` and `description` [AS-SPEC].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: reviewer
    /// ---
    /// Review the diff.
    /// ```
    pub struct MissingRequiredField {
        code: "AF100",
        name: "missing-required-field",
        severity: Error,
    }
}

parse_stage_rule!(MissingRequiredField);
