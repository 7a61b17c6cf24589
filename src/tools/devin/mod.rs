//! Devin Desktop, Windsurf's successor (renamed 2026-06-02 [DEVIN-BLOG]): rules under
//! `.devin/rules/` in Windsurf's format, `AGENTS.md` always on [DEVIN-LOCAL-CUST],
//! [DEVIN-CASCADE-MEM]. Windsurf's `.windsurf/rules/` and `.windsurfrules` are its legacy
//! kinds, still read ([`super::windsurf`]).

use super::{Dialect, Kind, KindSpec, PathRule, Role, Tool, ToolSpec};

/// Devin Desktop.
pub const TOOL: ToolSpec = ToolSpec {
    key: "devin",
    name: "Devin Desktop",
    targets: &[
        (Role::Rule, Kind::DevinRule),
        (Role::Skill, Kind::DevinRule),
        // "AGENTS.md, AGENTS.local.md … and AGENT.md are all read as always-on rules"
        // [DEVIN-LOCAL-CUST].
        (Role::Memory, Kind::AgentsMd),
    ],
    successor: None,
    skill_dir: None,
    sources: &[
        "DEVIN-BLOG",
        "DEVIN-LOCAL-CUST",
        "DEVIN-CASCADE-MEM",
        "SKILLSAW-DEVIN",
    ],
    ..ToolSpec::BASE
};

/// A rule: `.devin/rules/*.md`, one rule per file, with Windsurf's `trigger` front matter
/// (none: always on) and a `globs` list [DEVIN-LOCAL-CUST], [DEVIN-CASCADE-MEM],
/// [SKILLSAW-DEVIN].
pub const RULE: KindSpec = KindSpec {
    id: "devin-rule",
    tool: Tool::Devin,
    describe: "Devin Desktop rule (`.devin/rules/*.md`)",
    role: Role::Rule,
    paths: &[PathRule::Dir(".devin", "rules")],
    write_path: ".devin/rules/{name}.md",
    schema: include_str!("../../../schemas/devin-rule.schema.json"),
    dialect: Dialect::YamlRawGlobs,
    glob_key: Some("globs"),
    ..KindSpec::BASE
};
