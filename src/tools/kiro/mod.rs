//! Kiro: steering files under `.kiro/steering/` [KIRO].

pub(crate) mod read;
pub(crate) mod write;

use super::{Kind, KindSpec, PathRule, Role, Tool, ToolSpec};

/// Kiro.
pub const TOOL: ToolSpec = ToolSpec {
    key: "kiro",
    name: "Kiro",
    targets: &[
        (Role::Rule, Kind::KiroSteering),
        (Role::Memory, Kind::KiroSteering),
        (Role::Skill, Kind::KiroSteering),
    ],
    successor: None,
    skill_dir: None,
    sources: &["KIRO"],
    ..ToolSpec::BASE
};

/// A steering file: `.kiro/steering/*.md` with `inclusion` (default `always`) [KIRO].
pub const STEERING: KindSpec = KindSpec {
    id: "kiro-steering",
    tool: Tool::Kiro,
    describe: "Kiro steering file (`.kiro/steering/*.md`)",
    role: Role::Rule,
    paths: &[
        PathRule::Dir(".kiro", "steering"),
        PathRule::Parent("steering"),
    ],
    write_path: ".kiro/steering/{name}.md",
    schema: include_str!("../../../schemas/kiro-steering.schema.json"),
    glob_key: Some("fileMatchPattern"),
    ..KindSpec::BASE
};
