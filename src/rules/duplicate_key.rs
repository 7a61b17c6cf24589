//! `duplicate-key` (AF007): Reports a front-matter key that appears twice in the same mapping, showing both places.

declare_rule! {
    /// ## What it does
    /// Reports a front-matter key that appears twice in the same mapping, showing both places.
    ///
    /// ## Why is this bad?
    /// YAML forbids duplicate keys; some readers reject the file, others silently keep the last value, so two tools can see different fields.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: reviewer
    /// name: code-reviewer
    /// ---
    /// ```
    pub struct DuplicateKey = crate::diagnostic::codes::DUPLICATE_KEY;
}

parse_stage_rule!(DuplicateKey);
