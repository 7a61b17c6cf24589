//! `missing-recommended-field` (AF101): Reports a field that is optional but that the owning tool relies on (the schema's `x-recommended` list; reported by `schema::validate`).

declare_rule! {
    /// ## What it does
    /// Reports a field that is optional but that the owning tool relies on (the schema's `x-recommended` list; reported by `schema::validate`).
    ///
    /// ## Why is this bad?
    /// Without it the file still loads but works worse: a Claude command without `description` is harder to auto-invoke [CC-SLASH-2026-01], a Copilot `*.instructions.md` without `applyTo` is never applied automatically [VSC-INSTR], a Cursor subagent without `description` is never delegated to [CUR-SUB].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// argument-hint: "[file]"
    /// ---
    /// Explain $ARGUMENTS.
    /// ```
    pub struct MissingRecommendedField {
        code: "AF101",
        name: "missing-recommended-field",
        severity: Warning,
    }
}

parse_stage_rule!(MissingRecommendedField);
