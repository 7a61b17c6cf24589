//! `yaml-ambiguous-scalar` (AF013): Reports unquoted values that a YAML 1.1 reader (PyYAML, older js-yaml, Go yaml.v2) reads as something other than the string a YAML 1.2 reader sees: `yes`, `no`, `on`, `off`, `0644`, `1_000`, `12:30`, dates.

declare_rule! {
    /// ## What it does
    /// Reports unquoted values that a YAML 1.1 reader (PyYAML, older js-yaml, Go yaml.v2) reads as something other than the string a YAML 1.2 reader sees: `yes`, `no`, `on`, `off`, `0644`, `1_000`, `12:30`, dates.
    ///
    /// ## Why is this bad?
    /// The same file means different things to different tools (the Norway problem). `agentfmt fmt` quotes them.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// color: NO
    /// version: 0644
    /// ---
    /// ```
    pub struct YamlAmbiguousScalar = crate::diagnostic::codes::YAML_AMBIGUOUS_SCALAR;
}

parse_stage_rule!(YamlAmbiguousScalar);
