//! The open AGENTS.md format: plain markdown in any directory, the nearest file winning; read
//! by Codex, Copilot, Cursor, OpenCode and others [AGENTSMD], [CODEX-AGENTSMD].

use super::{Kind, KindSpec, PathRule, Role, Tool, ToolSpec};

/// AGENTS.md.
pub const TOOL: ToolSpec = ToolSpec {
    key: "agents-md",
    name: "AGENTS.md",
    targets: &[(Role::Rule, Kind::AgentsMd), (Role::Memory, Kind::AgentsMd)],
    successor: None,
    skill_dir: None,
    sources: &["AGENTSMD", "CODEX-AGENTSMD"],
    ..ToolSpec::BASE
};

/// `AGENTS.md` (and `agents.md` on case-insensitive file systems; Codex's
/// `AGENTS.override.md`), in any directory [AGENTSMD], [CODEX-AGENTSMD]. The legacy
/// `AGENT.md` is one too, except inside a tool's own directory (see [`super::detect()`]).
pub const AGENTS_MD: KindSpec = KindSpec {
    id: "agents-md",
    tool: Tool::AgentsMd,
    describe: "AGENTS.md instructions",
    role: Role::Memory,
    no_front_matter: true,
    nests: true,
    merges: true,
    paths: &[
        PathRule::Name("AGENTS.md"),
        PathRule::Name("AGENTS.override.md"),
    ],
    write_path: "AGENTS.md",
    schema: include_str!("../../../schemas/agents-md.schema.json"),
    ..KindSpec::BASE
};
