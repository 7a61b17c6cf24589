//! Warp: `AGENTS.md` is the default project rules file; `WARP.md`, its former name, is still
//! read and wins when both are in one directory; Agent Skills under `.agents/skills/`
//! [WARP-RULES], [WARP-SKILLS].

use super::{Kind, KindSpec, PathRule, Role, Tool, ToolSpec};

/// Warp.
pub const TOOL: ToolSpec = ToolSpec {
    key: "warp",
    name: "Warp",
    targets: &[
        (Role::Rule, Kind::AgentsMd),
        (Role::Memory, Kind::AgentsMd),
        // Skills take `$ARGUMENTS` and are run as `/{skill-name}` [WARP-SKILLS]; the YAML
        // workflows are shell commands, not prompts [WARP-YAMLWF].
        (Role::Command, Kind::ClaudeSkill),
        (Role::Skill, Kind::ClaudeSkill),
    ],
    skill_dir: Some(".agents/skills"),
    sources: &["WARP-RULES", "WARP-SKILLS", "WARP-SLASH", "WARP-YAMLWF"],
    // Only `name` and `description` are documented [WARP-SKILLS].
    skill_keys: &["name", "description"],
    ..ToolSpec::BASE
};

/// `WARP.md`: plain markdown in any directory (the name in capitals), the legacy name of
/// Warp's `AGENTS.md` [WARP-RULES].
pub const WARP_MD: KindSpec = KindSpec {
    id: "warp-md",
    tool: Tool::Warp,
    describe: "Warp project rules (`WARP.md`, legacy name of `AGENTS.md`)",
    role: Role::Memory,
    no_front_matter: true,
    nests: true,
    merges: true,
    paths: &[PathRule::Name("WARP.md")],
    write_path: "WARP.md",
    schema: include_str!("../../../schemas/warp-md.schema.json"),
    replaced_by: Some(Kind::AgentsMd),
    ..KindSpec::BASE
};
