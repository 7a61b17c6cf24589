//! `bom-before-front-matter` (AF005): Reports a UTF-8 byte-order mark in front of the front matter.

declare_rule! {
    /// ## What it does
    /// Reports a UTF-8 byte-order mark in front of the front matter.
    ///
    /// ## Why is this bad?
    /// Tools that look for `---` at byte 0 do not see front matter behind a BOM, so every field is silently ignored. `agentfmt fmt` removes the BOM.
    ///
    /// ## Example
    /// ```text
    /// EF BB BF 2D 2D 2D 0A   (BOM, then ---)
    /// ```
    pub struct BomBeforeFrontMatter = crate::diagnostic::codes::BOM_BEFORE_FRONT_MATTER;
}

parse_stage_rule!(BomBeforeFrontMatter);
