//! `kind-inferred` (AF015): Notes which kind was assumed for a file whose path does not name one, and why.

declare_rule! {
    /// ## What it does
    /// Notes which kind was assumed for a file whose path does not name one, and why.
    ///
    /// ## Why is this bad?
    /// The kind decides which schema and rules apply; pass `--kind` to force it.
    ///
    /// ## Example
    /// ```text
    /// notes.txt with front matter `globs: src/**` is assumed to be a Cursor rule
    /// ```
    pub struct KindInferred = crate::diagnostic::codes::KIND_INFERRED;
}

parse_stage_rule!(KindInferred);
