//! `second-front-matter` (AF010): Reports a second `---` block of fields right after the front matter.

declare_rule! {
    /// ## What it does
    /// Reports a second `---` block of fields right after the front matter.
    ///
    /// ## Why is this bad?
    /// Tools read only the first block; the fields of the second are silently ignored and sent to the model as text.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: a
    /// ---
    /// ---
    /// tools: Read
    /// ---
    /// ```
    pub struct SecondFrontMatter = crate::diagnostic::codes::SECOND_FRONT_MATTER;
}

parse_stage_rule!(SecondFrontMatter);
