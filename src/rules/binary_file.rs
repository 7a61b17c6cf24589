//! `binary-file` (AF003): Notes that a file contains NUL bytes and was skipped as binary.

declare_rule! {
    /// ## What it does
    /// Notes that a file contains NUL bytes and was skipped as binary.
    ///
    /// ## Why is this bad?
    /// A binary file is not an agent file; it is skipped so one stray file never stops a run.
    ///
    /// ## Example
    /// ```text
    /// PNG data saved as rules.mdc
    /// ```
    pub struct BinaryFile {
        code: "AF003",
        name: "binary-file",
        severity: Info,
    }
}

parse_stage_rule!(BinaryFile);
