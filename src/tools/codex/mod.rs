//! OpenAI Codex: custom agents (`.codex/agents/*.toml`), skills under `.agents/skills/`, and
//! `AGENTS.md` for instructions [CODEX-SUB], [CODEX-DEPR], [CODEX-AGENTSMD].

pub(crate) mod read;
pub(crate) mod write;

use super::{Dialect, Kind, KindSpec, PathRule, Role, Tool, ToolSpec};

/// OpenAI Codex.
pub const TOOL: ToolSpec = ToolSpec {
    key: "codex",
    name: "Codex",
    targets: &[
        (Role::Agent, Kind::CodexAgent),
        (Role::Command, Kind::ClaudeSkill),
        (Role::Skill, Kind::ClaudeSkill),
        (Role::Rule, Kind::AgentsMd),
        (Role::Memory, Kind::AgentsMd),
    ],
    successor: None,
    skill_dir: Some(".agents/skills"),
    sources: &["CODEX-SUB", "CODEX-DEPR", "CODEX-AGENTSMD"],
    skill_keys: super::PORTABLE_SKILL_KEYS,
    ..ToolSpec::BASE
};

/// A custom agent: `.codex/agents/<name>.toml` (project or `~/.codex/agents/`), its prompt in
/// `developer_instructions` [CODEX-SUB].
pub const AGENT: KindSpec = KindSpec {
    id: "codex-agent",
    tool: Tool::Codex,
    describe: "Codex custom agent (`.codex/agents/*.toml`)",
    role: Role::Agent,
    dialect: Dialect::None,
    toml_prompt_key: Some("developer_instructions"),
    paths: &[PathRule::TomlDir(".codex", "agents")],
    write_path: ".codex/agents/{name}.toml",
    schema: include_str!("../../../schemas/codex-agent.schema.json"),
    ..KindSpec::BASE
};
