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
    pub struct YamlTab = crate::diagnostic::codes::YAML_TAB;
}

parse_stage_rule!(YamlTab);
