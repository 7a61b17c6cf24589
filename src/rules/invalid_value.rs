//! `invalid-value` (AF103): Reports a front-matter value outside what the owning tool documents: an unknown enum value (with "did you mean"), a name with forbidden characters, a too-long description, an unknown model (reported by `schema::validate`).

declare_rule! {
    /// ## What it does
    /// Reports a front-matter value outside what the owning tool documents: an unknown enum value (with "did you mean"), a name with forbidden characters, a too-long description, an unknown model (reported by `schema::validate`).
    ///
    /// ## Why is this bad?
    /// The tool rejects the value, skips the file or silently falls back to a default, e.g. Claude Code skips a subagent whose `name` contains `:` [CC-SUB] and an unknown `permissionMode` is not applied.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: reviewer
    /// description: Reviews code
    /// permissionMode: readonly
    /// ---
    /// ```
    pub struct InvalidValue {
        code: "AF103",
        name: "invalid-value",
        severity: Error,
    }
}

parse_stage_rule!(InvalidValue);
