//! Cursor: project rules (`.cursor/rules/*.mdc`), the legacy `.cursorrules`, subagents and
//! commands [CUR-RULES], [CUR-SUB], [CUR-CMD].

pub(crate) mod read;
pub(crate) mod write;

use super::{Dialect, Kind, KindSpec, ModelIds, PathRule, Role, Tool, ToolSpec};

/// Cursor.
pub const TOOL: ToolSpec = ToolSpec {
    key: "cursor",
    name: "Cursor",
    targets: &[
        (Role::Agent, Kind::CursorAgent),
        (Role::Command, Kind::CursorCommand),
        (Role::Skill, Kind::ClaudeSkill),
        (Role::Rule, Kind::CursorMdc),
        (Role::Memory, Kind::CursorMdc),
    ],
    successor: None,
    skill_dir: Some(".cursor/skills"),
    sources: &["CUR-RULES", "CUR-GLOB", "CUR-SUB", "CUR-CMD", "CUR-SKILLS"],
    skill_keys: &[
        "name",
        "description",
        "paths",
        "disable-model-invocation",
        "icon",
        "color",
        "metadata",
    ],
    models: ModelIds::Claude,
    shares: &[],
    // [AGENTSMD].
    reads: &[Kind::AgentsMd],
};

/// A project rule: `.cursor/rules/**/*.mdc`. A `.md` file there is meant as a rule but
/// ignored by Cursor, which reads only `.mdc` [CUR-RULES]: detected so that
/// `invalid-file-name` can say so; a README there documents the rules.
pub const RULE: KindSpec = KindSpec {
    id: "cursor-mdc",
    tool: Tool::Cursor,
    describe: "Cursor project rule (`.cursor/rules/*.mdc`)",
    role: Role::Rule,
    dialect: Dialect::CursorRaw,
    paths: &[PathRule::Suffix(".mdc"), PathRule::Dir(".cursor", "rules")],
    readme_is_docs: true,
    write_path: ".cursor/rules/{name}.mdc",
    schema: include_str!("../../../schemas/cursor-mdc.schema.json"),
    ..KindSpec::BASE
};

/// The legacy rules file `.cursorrules` at the project root [CUR-RULES-OLD].
pub const LEGACY_RULES: KindSpec = KindSpec {
    id: "cursorrules",
    tool: Tool::Cursor,
    describe: "legacy Cursor rules file (`.cursorrules`)",
    role: Role::Memory,
    dialect: Dialect::CursorRaw,
    no_front_matter: true,
    paths: &[
        PathRule::Name(".cursorrules"),
        PathRule::Suffix(".cursorrules"),
    ],
    write_path: ".cursorrules",
    schema: include_str!("../../../schemas/cursorrules.schema.json"),
    ..KindSpec::BASE
};

/// A subagent: `.cursor/agents/*.md` [CUR-SUB].
pub const AGENT: KindSpec = KindSpec {
    id: "cursor-agent",
    tool: Tool::Cursor,
    describe: "Cursor subagent (`.cursor/agents/*.md`)",
    role: Role::Agent,
    paths: &[PathRule::Dir(".cursor", "agents")],
    write_path: ".cursor/agents/{name}.md",
    schema: include_str!("../../../schemas/cursor-agent.schema.json"),
    ..KindSpec::BASE
};

/// A command: `.cursor/commands/*.md`, plain markdown run as the prompt [CUR-CMD].
pub const COMMAND: KindSpec = KindSpec {
    id: "cursor-command",
    tool: Tool::Cursor,
    describe: "Cursor command (`.cursor/commands/*.md`)",
    role: Role::Command,
    paths: &[PathRule::Dir(".cursor", "commands")],
    write_path: ".cursor/commands/{name}.md",
    schema: include_str!("../../../schemas/cursor-command.schema.json"),
    ..KindSpec::BASE
};
