//! `yaml-tab` (AF008): Reports tab characters used for indentation in front matter.

declare_rule! {
    /// ## What it does
    /// Reports tab characters used for indentation in front matter.
    ///
    /// ## Why is this bad?
    /// YAML forbids tabs for indentation; every YAML parser rejects the block.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// metadata:
    /// 	author: me        # a tab, not spaces
    /// ---
    /// ```
    pub struct YamlTab {
        code: "AF008",
        name: "yaml-tab",
        severity: Error,
    }
}

parse_stage_rule!(YamlTab);
