//! `unterminated-front-matter` (AF009): Reports a front-matter block that opens with `---` but is never closed.

declare_rule! {
    /// ## What it does
    /// Reports a front-matter block that opens with `---` but is never closed.
    ///
    /// ## Why is this bad?
    /// Tools then read the file as having no front matter, and the fields become part of the prompt.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: reviewer
    /// description: Reviews code
    /// # Reviewer          (no closing ---)
    /// ```
    pub struct UnterminatedFrontMatter = crate::diagnostic::codes::UNTERMINATED_FRONT_MATTER;
}

parse_stage_rule!(UnterminatedFrontMatter);
