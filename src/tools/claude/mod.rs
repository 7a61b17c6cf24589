//! Claude Code: subagents, slash commands, skills, memory files and rules under `.claude/`
//! [CC-SUB], [CC-SKILLS], [CC-MEM].

pub(crate) mod names;
pub(crate) mod read;
pub(crate) mod write;

use super::{Dialect, Kind, KindSpec, ModelIds, PathRule, Placeholders, Role, Tool, ToolSpec};

/// Claude Code.
pub const TOOL: ToolSpec = ToolSpec {
    key: "claude",
    name: "Claude Code",
    targets: &[
        (Role::Agent, Kind::ClaudeAgent),
        (Role::Command, Kind::ClaudeCommand),
        (Role::Skill, Kind::ClaudeSkill),
        (Role::Rule, Kind::ClaudeRule),
        (Role::Memory, Kind::ClaudeMd),
    ],
    successor: None,
    skill_dir: None,
    sources: &[
        "CC-SUB",
        "CC-SKILLS",
        "CC-MEM",
        "CC-TOOLS",
        "CC-PERM",
        "CC-CHANGELOG",
    ],
    models: ModelIds::Claude,
    // Since v2.1.277, when the project has no `CLAUDE.md` (all providers since v2.1.281)
    // [CCAMD-REL277], [CCAMD-REL281], [CCAMD-PLUGIN].
    reads: &[Kind::AgentsMd],
    ..ToolSpec::BASE
};

/// A subagent: `.claude/agents/**/*.md` (and `agents/` in plugins) [CC-SUB], [CC-PLUG].
pub const AGENT: KindSpec = KindSpec {
    id: "claude-agent",
    tool: Tool::Claude,
    describe: "Claude Code subagent (`.claude/agents/*.md`)",
    role: Role::Agent,
    dialect: Dialect::ClaudeLenient,
    paths: &[
        PathRule::Dir(".claude", "agents"),
        PathRule::Dir(".agent", "agents"),
        PathRule::AnyDir("agents"),
    ],
    write_path: ".claude/agents/{name}.md",
    schema: include_str!("../../../schemas/claude-agent.schema.json"),
    ..KindSpec::BASE
};

/// A slash command: `.claude/commands/**/*.md` (and `commands/` in plugins)
/// [CC-SLASH-2026-01], [CC-PLUG].
pub const COMMAND: KindSpec = KindSpec {
    id: "claude-command",
    tool: Tool::Claude,
    describe: "Claude Code slash command (`.claude/commands/*.md`)",
    role: Role::Command,
    dialect: Dialect::ClaudeLenient,
    placeholders: Placeholders::Claude,
    paths: &[
        PathRule::Dir(".claude", "commands"),
        PathRule::AnyDir("commands"),
    ],
    write_path: ".claude/commands/{name}.md",
    schema: include_str!("../../../schemas/claude-command.schema.json"),
    ..KindSpec::BASE
};

/// An Agent Skill: `skills/<name>/SKILL.md`, read by Claude Code and, under their own
/// directories, by Cursor, Copilot and Codex [CC-SKILLS], [AS-SPEC].
pub const SKILL: KindSpec = KindSpec {
    id: "claude-skill",
    tool: Tool::Claude,
    describe: "Agent Skill (`skills/<name>/SKILL.md`)",
    role: Role::Skill,
    dialect: Dialect::ClaudeLenient,
    placeholders: Placeholders::Claude,
    paths: &[PathRule::Name("SKILL.md")],
    write_path: ".claude/skills/{name}/SKILL.md",
    schema: include_str!("../../../schemas/claude-skill.schema.json"),
    glob_key: Some("paths"),
    ..KindSpec::BASE
};

/// A memory file: `CLAUDE.md`, `CLAUDE.local.md`, in any directory ("nested below cwd …
/// load lazily") [CC-MEM].
pub const MEMORY: KindSpec = KindSpec {
    id: "claude-md",
    tool: Tool::Claude,
    describe: "Claude Code memory file (`CLAUDE.md`)",
    role: Role::Memory,
    no_front_matter: true,
    nests: true,
    merges: true,
    paths: &[
        PathRule::Name("CLAUDE.md"),
        PathRule::Name("CLAUDE.local.md"),
    ],
    write_path: "CLAUDE.md",
    schema: include_str!("../../../schemas/claude-md.schema.json"),
    ..KindSpec::BASE
};

/// A rule: `.claude/rules/**/*.md`, always loaded, or for the files its `paths` match
/// [CC-MEM].
pub const RULE: KindSpec = KindSpec {
    id: "claude-rule",
    tool: Tool::Claude,
    describe: "Claude Code rule (`.claude/rules/*.md`)",
    role: Role::Rule,
    dialect: Dialect::ClaudeLenient,
    paths: &[PathRule::Dir(".claude", "rules")],
    write_path: ".claude/rules/{name}.md",
    schema: include_str!("../../../schemas/claude-rule.schema.json"),
    glob_key: Some("paths"),
    ..KindSpec::BASE
};
