//! `yaml-alias` (AF012): Reports YAML aliases (`*name`) in front matter; agentfmt never expands them.

declare_rule! {
    /// ## What it does
    /// Reports YAML aliases (`*name`) in front matter; agentfmt never expands them.
    ///
    /// ## Why is this bad?
    /// Agent-file readers do not expect aliases, and alias chains can expand exponentially (a billion-laughs bomb). Cursor-style `globs: *.ts` is reported by `strict-yaml` instead.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// base: &b Read
    /// tools: *b
    /// ---
    /// ```
    pub struct YamlAlias = crate::diagnostic::codes::YAML_ALIAS;
}

parse_stage_rule!(YamlAlias);
