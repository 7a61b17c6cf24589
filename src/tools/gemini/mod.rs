//! Gemini CLI: `GEMINI.md` context files, TOML custom commands and subagents under
//! `.gemini/` [GEM-MD], [GEM-CMDS], [GEM-SUB]. Gemini CLI stopped serving individual
//! accounts on 2026-06-18 in favour of Antigravity [AG-GCLI-BLOG] ([`super::antigravity`]),
//! which reads `GEMINI.md` too [AG-MIGRATE].

pub(crate) mod names;
pub(crate) mod read;
pub(crate) mod write;

use super::{Dialect, Kind, KindSpec, PathRule, Placeholders, Role, Tool, ToolSpec};

/// Gemini CLI.
pub const TOOL: ToolSpec = ToolSpec {
    key: "gemini",
    name: "Gemini CLI",
    targets: &[
        (Role::Agent, Kind::GeminiAgent),
        (Role::Command, Kind::GeminiCommand),
        (Role::Skill, Kind::GeminiCommand),
        (Role::Rule, Kind::GeminiMd),
        (Role::Memory, Kind::GeminiMd),
    ],
    successor: Some(Tool::Antigravity),
    skill_dir: None,
    sources: &["GEM-MD", "GEM-CMDS", "GEM-SUB", "GEM-TOOLS"],
    ..ToolSpec::BASE
};

/// A context file: `GEMINI.md`, at the root and in sub-directories below the working
/// directory [GEM-MD].
pub const MEMORY: KindSpec = KindSpec {
    id: "gemini-md",
    tool: Tool::Gemini,
    describe: "Gemini CLI context file (`GEMINI.md`)",
    role: Role::Memory,
    no_front_matter: true,
    nests: true,
    merges: true,
    paths: &[PathRule::Name("GEMINI.md")],
    write_path: "GEMINI.md",
    schema: include_str!("../../../schemas/gemini-md.schema.json"),
    ..KindSpec::BASE
};

/// A custom command: `.gemini/commands/**/*.toml` with `description` and `prompt`
/// [GEM-CMDS].
pub const COMMAND: KindSpec = KindSpec {
    id: "gemini-command",
    tool: Tool::Gemini,
    describe: "Gemini CLI custom command (`.gemini/commands/*.toml`)",
    role: Role::Command,
    dialect: Dialect::None,
    toml_prompt_key: Some("prompt"),
    placeholders: Placeholders::Gemini,
    paths: &[PathRule::TomlAnyDir("commands")],
    write_path: ".gemini/commands/{name}.toml",
    schema: include_str!("../../../schemas/gemini-command.schema.json"),
    ..KindSpec::BASE
};

/// A subagent: `.gemini/agents/*.md` [GEM-SUB].
pub const AGENT: KindSpec = KindSpec {
    id: "gemini-agent",
    tool: Tool::Gemini,
    describe: "Gemini CLI subagent (`.gemini/agents/*.md`)",
    role: Role::Agent,
    paths: &[PathRule::Dir(".gemini", "agents")],
    write_path: ".gemini/agents/{name}.md",
    schema: include_str!("../../../schemas/gemini-agent.schema.json"),
    ..KindSpec::BASE
};
