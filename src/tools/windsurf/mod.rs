//! Windsurf: rules under `.windsurf/rules/` and the older `.windsurfrules` [WS]. Windsurf
//! became Devin Desktop on 2026-06-02 [DEVIN-BLOG], which still reads these files
//! [SKILLWRIGHT-3P]; new rules go to `.devin/rules/` ([`super::devin`]).

pub(crate) mod read;
pub(crate) mod write;

use super::{Dialect, Kind, KindSpec, PathRule, Role, Tool, ToolSpec};

/// Windsurf.
pub const TOOL: ToolSpec = ToolSpec {
    key: "windsurf",
    name: "Windsurf",
    targets: &[
        (Role::Rule, Kind::WindsurfRule),
        (Role::Memory, Kind::WindsurfRule),
        (Role::Skill, Kind::WindsurfRule),
    ],
    successor: Some(Tool::Devin),
    skill_dir: None,
    sources: &["WS"],
    ..ToolSpec::BASE
};

/// A rule: `.windsurf/rules/*.md` with `trigger`, or the legacy `.windsurfrules` [WS].
pub const RULE: KindSpec = KindSpec {
    id: "windsurf-rule",
    tool: Tool::Windsurf,
    describe: "Windsurf rule (`.windsurf/rules/*.md`, `.windsurfrules`)",
    role: Role::Rule,
    paths: &[
        PathRule::Name(".windsurfrules"),
        PathRule::Suffix(".windsurfrules"),
        PathRule::Dir(".windsurf", "rules"),
    ],
    write_path: ".windsurf/rules/{name}.md",
    schema: include_str!("../../../schemas/windsurf-rule.schema.json"),
    dialect: Dialect::YamlRawGlobs,
    glob_key: Some("globs"),
    ..KindSpec::BASE
};
