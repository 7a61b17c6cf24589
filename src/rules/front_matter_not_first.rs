//! `front-matter-not-first` (AF016): Reports a front-matter block that does not start on line 1 (blank lines or text before `---`).

declare_rule! {
    /// ## What it does
    /// Reports a front-matter block that does not start on line 1 (blank lines or text before `---`).
    ///
    /// ## Why is this bad?
    /// Tools only read front matter that starts at the first byte, so every field is ignored and sent to the model as text.
    ///
    /// ## Example
    /// ```text
    ///
    /// ---
    /// name: reviewer
    /// ---
    /// ```
    pub struct FrontMatterNotFirst = crate::diagnostic::codes::FRONT_MATTER_NOT_FIRST;
}

parse_stage_rule!(FrontMatterNotFirst);
