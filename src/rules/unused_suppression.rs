//! `unused-suppression` (AF017): Reports an inline suppression comment that suppressed nothing.

declare_rule! {
    /// ## What it does
    /// Reports an inline suppression comment (`<!-- agentfmt-ignore AF105 -->`,
    /// `<!-- agentfmt-ignore-file AF105 -->`, or `# agentfmt: ignore[AF105]` in front matter and
    /// TOML) that suppressed no diagnostic, or that names a rule agentfmt does not have.
    ///
    /// ## Why is this bad?
    /// A suppression outlives the problem it was written for: once the field is fixed or the
    /// rule changes, the comment stays and would silently hide the next real problem on that
    /// line. A misspelt code suppresses nothing at all. `agentfmt check --fix` removes a
    /// comment all of whose codes are unused.
    ///
    /// A suppression of a rule that compares files (`duplicate-name`, `too-long` for nested
    /// `AGENTS.md` files) is never reported, because one file alone cannot tell whether it is
    /// used.
    ///
    /// ## Example
    /// ```text
    /// <!-- agentfmt-ignore AF105 -->
    /// Use the project's test command.
    /// ```
    /// No diagnostic of `AF105` (`unknown-key`) is on the next line.
    pub struct UnusedSuppression = crate::diagnostic::codes::UNUSED_SUPPRESSION;
}

parse_stage_rule!(UnusedSuppression);
