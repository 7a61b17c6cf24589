//! `fmt-refused` (AF090): Reports a part of a file that `agentfmt fmt` left unformatted because
//! its safety net found that the rewrite would change what the file means.

declare_rule! {
    /// ## What it does
    /// Reports a part of a file that `agentfmt fmt` left unformatted because its safety net
    /// found that the rewrite would change what the file means.
    ///
    /// ## Why is this bad?
    /// It is not a problem in the file itself: fmt checks every rewrite (the front matter must
    /// parse to the same values as the owning tool reads them, the markdown body must render
    /// to the same HTML) and keeps the original text where a check fails. The warning says
    /// that the file is not fully formatted, and usually points at markdown or YAML that
    /// different readers understand differently.
    ///
    /// ## Example
    /// ```text
    /// * a
    ///
    /// + b
    /// ```
    /// Writing the `+` bullet as `-` would join the two lists into one, so fmt keeps it.
    pub struct FmtRefused {
        code: "AF090",
        name: "fmt-refused",
        severity: Warning,
    }
}

parse_stage_rule!(FmtRefused);
