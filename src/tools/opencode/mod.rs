//! OpenCode: agents and commands under `.opencode/`, `AGENTS.md` for instructions
//! [OC-AGENTS].

pub(crate) mod names;
pub(crate) mod read;
pub(crate) mod write;

use super::{Kind, KindSpec, ModelIds, PathRule, Placeholders, Role, Tool, ToolSpec};

/// OpenCode.
pub const TOOL: ToolSpec = ToolSpec {
    key: "opencode",
    name: "OpenCode",
    targets: &[
        (Role::Agent, Kind::OpencodeAgent),
        (Role::Command, Kind::OpencodeCommand),
        (Role::Skill, Kind::OpencodeCommand),
        // OpenCode is on agents.md's list of compatible tools [AGENTSMD].
        (Role::Rule, Kind::AgentsMd),
        (Role::Memory, Kind::AgentsMd),
    ],
    successor: None,
    skill_dir: None,
    sources: &["OC-AGENTS", "AGENTSMD"],
    models: ModelIds::ProviderPrefixed,
    ..ToolSpec::BASE
};

/// An agent: `.opencode/agent/*.md` (or `agents/`) [OC-AGENTS].
pub const AGENT: KindSpec = KindSpec {
    id: "opencode-agent",
    tool: Tool::Opencode,
    describe: "OpenCode agent (`.opencode/agent/*.md`)",
    role: Role::Agent,
    paths: &[
        PathRule::Dir(".opencode", "agent"),
        PathRule::Dir(".opencode", "agents"),
    ],
    write_path: ".opencode/agent/{name}.md",
    schema: include_str!("../../../schemas/opencode-agent.schema.json"),
    ..KindSpec::BASE
};

/// A command: `.opencode/command/*.md` (or `commands/`) [OC-AGENTS].
pub const COMMAND: KindSpec = KindSpec {
    id: "opencode-command",
    tool: Tool::Opencode,
    describe: "OpenCode command (`.opencode/command/*.md`)",
    role: Role::Command,
    placeholders: Placeholders::Opencode,
    paths: &[
        PathRule::Dir(".opencode", "command"),
        PathRule::Dir(".opencode", "commands"),
        PathRule::Parent("command"),
    ],
    write_path: ".opencode/command/{name}.md",
    schema: include_str!("../../../schemas/opencode-command.schema.json"),
    ..KindSpec::BASE
};
