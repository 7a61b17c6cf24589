//! `invalid-type` (AF102): Reports a front-matter value of the wrong type: a string where a boolean is expected, a list where a string is expected, and so on (reported by `schema::validate`).

declare_rule! {
    /// ## What it does
    /// Reports a front-matter value of the wrong type: a string where a boolean is expected, a list where a string is expected, and so on (reported by `schema::validate`).
    ///
    /// ## Why is this bad?
    /// Tools read a wrong-typed value as something else or drop it: Cursor treats `alwaysApply: "true"` as not true [SKILLSAW], an unquoted `argument-hint: [file]` is a YAML list [CC-CHANGELOG], and prompt `tools` must be a list [VSC-PROMPTS].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// background: maybe
    /// ---
    /// ```
    pub struct InvalidType {
        code: "AF102",
        name: "invalid-type",
        severity: Error,
    }
}

parse_stage_rule!(InvalidType);
