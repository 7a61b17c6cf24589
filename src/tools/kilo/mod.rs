//! Kilo Code (Kilo CLI and the new extension, an OpenCode fork): rules under `.kilo/rules/`
//! (scoped with `paths`), agents and commands in OpenCode's format under `.kilo/agents/` and
//! `.kilo/commands/`, Agent Skills under `.kilo/skills/`, `AGENTS.md` first of the memory
//! files. The legacy extension's `.kilocode/` directories are still read [KILO-RULES-DOC],
//! [KILO-PATHS-SRC], [KILO-SUBAGENTS-DOC], [KILO-CMD-SRC], [KILO-SKILL-SRC],
//! [KILO-AGENTSMD-DOC].

use super::{Kind, KindSpec, ModelIds, PathRule, Placeholders, Role, Tool, ToolSpec};

/// Kilo Code.
pub const TOOL: ToolSpec = ToolSpec {
    key: "kilo",
    name: "Kilo Code",
    targets: &[
        (Role::Agent, Kind::KiloAgent),
        (Role::Command, Kind::KiloCommand),
        (Role::Skill, Kind::ClaudeSkill),
        (Role::Rule, Kind::KiloRule),
        (Role::Memory, Kind::AgentsMd),
    ],
    skill_dir: Some(".kilo/skills"),
    sources: &[
        "KILO-RULES-DOC",
        "KILO-PATHS-SRC",
        "KILO-INSTR-SRC",
        "KILO-SUBAGENTS-DOC",
        "KILO-AGENT-SCHEMA",
        "KILO-CMD-SRC",
        "KILO-CMD-SCHEMA",
        "KILO-PROMPT-SRC",
        "KILO-SKILL-SRC",
        "KILO-SKILLS-DOC",
    ],
    skill_keys: &[
        "name",
        "description",
        "license",
        "compatibility",
        "metadata",
    ],
    // `provider/model-id` [KILO-AGENT-SCHEMA].
    models: ModelIds::ProviderPrefixed,
    // `CLAUDE.md` when there is no `AGENTS.md` [KILO-AGENTSMD-DOC].
    reads: &[Kind::ClaudeMd],
    ..ToolSpec::BASE
};

/// A rule: `.kilo/rules/*.md` or `.kilocode/rules/*.md`, top level; `paths` keeps it out of
/// the start-up context until a matching file is read [KILO-RULES-DOC], [KILO-INSTR-SRC].
pub const RULE: KindSpec = KindSpec {
    id: "kilo-rule",
    tool: Tool::Kilo,
    describe: "Kilo Code rule (`.kilo/rules/*.md`)",
    role: Role::Rule,
    paths: &[
        PathRule::Dir(".kilo", "rules"),
        PathRule::Dir(".kilocode", "rules"),
    ],
    write_path: ".kilo/rules/{name}.md",
    schema: include_str!("../../../schemas/kilo-rule.schema.json"),
    glob_key: Some("paths"),
    ..KindSpec::BASE
};

/// An agent: `.kilo/agents/*.md` (also `agent/`, and under `.kilocode/`), the file name is
/// the agent name; OpenCode's keys plus Kilo's own [KILO-PATHS-SRC], [KILO-SUBAGENTS-DOC],
/// [KILO-AGENT-SCHEMA].
pub const AGENT: KindSpec = KindSpec {
    id: "kilo-agent",
    tool: Tool::Kilo,
    describe: "Kilo Code agent (`.kilo/agents/*.md`)",
    role: Role::Agent,
    paths: &[
        PathRule::Dir(".kilo", "agents"),
        PathRule::Dir(".kilo", "agent"),
        PathRule::Dir(".kilocode", "agents"),
        PathRule::Dir(".kilocode", "agent"),
    ],
    write_path: ".kilo/agents/{name}.md",
    schema: include_str!("../../../schemas/kilo-agent.schema.json"),
    ..KindSpec::BASE
};

/// A slash command: `.kilo/commands/**/*.md` (also `command/`, and under `.kilocode/`);
/// `$ARGUMENTS`, `$1`…`$N` (the highest takes the rest), `` !`cmd` ``, `@file`
/// [KILO-CMD-SRC], [KILO-CMD-SCHEMA], [KILO-PROMPT-SRC].
pub const COMMAND: KindSpec = KindSpec {
    id: "kilo-command",
    tool: Tool::Kilo,
    describe: "Kilo Code slash command (`.kilo/commands/*.md`)",
    role: Role::Command,
    placeholders: Placeholders::Opencode,
    paths: &[
        PathRule::Dir(".kilo", "commands"),
        PathRule::Dir(".kilo", "command"),
        PathRule::Dir(".kilocode", "commands"),
        PathRule::Dir(".kilocode", "command"),
    ],
    write_path: ".kilo/commands/{name}.md",
    schema: include_str!("../../../schemas/kilo-command.schema.json"),
    ..KindSpec::BASE
};

/// The OpenCode kind whose reader and writer a Kilo kind shares: Kilo's agents and commands
/// are OpenCode's format [KILO-PATHS-SRC].
pub(crate) fn opencode_kind(kind: Kind) -> Kind {
    match kind {
        Kind::KiloAgent => Kind::OpencodeAgent,
        Kind::KiloCommand => Kind::OpencodeCommand,
        k => k,
    }
}
