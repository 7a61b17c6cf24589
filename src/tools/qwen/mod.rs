//! Qwen Code, a fork of Gemini CLI: context files (`QWEN.md`, then `AGENTS.md`) from the
//! working directory up to the project root, rules under `.qwen/rules/` (scoped with
//! `paths`), slash commands under `.qwen/commands/`, subagents under `.qwen/agents/`, Agent
//! Skills under `.qwen/skills/` [QWEN-MEM-DOC], [QWEN-SETTINGS-DOC], [QWEN-RULES-DOC],
//! [QWEN-CMDS-DOC], [QWEN-SUB-DOC], [QWEN-SKILLS-DOC].

use super::{Kind, KindSpec, PathRule, Placeholders, Role, Tool, ToolSpec};
use crate::convert::placeholders::Syntax;
use crate::convert::write::W;
use crate::convert::write::shapes::{self, AgentShape, CommandShape, Tools};

/// Qwen Code.
pub const TOOL: ToolSpec = ToolSpec {
    key: "qwen",
    name: "Qwen Code",
    targets: &[
        (Role::Agent, Kind::QwenAgent),
        (Role::Command, Kind::QwenCommand),
        (Role::Skill, Kind::ClaudeSkill),
        (Role::Rule, Kind::QwenRule),
        (Role::Memory, Kind::QwenMd),
    ],
    skill_dir: Some(".qwen/skills"),
    sources: &[
        "QWEN-MEM-DOC",
        "QWEN-SETTINGS-DOC",
        "QWEN-RULES-DOC",
        "QWEN-CMDS-DOC",
        "QWEN-CMD-SRC",
        "QWEN-SUB-DOC",
        "QWEN-SKILLS-DOC",
        "QWEN-SKILL-TYPES",
    ],
    skill_keys: &[
        "name",
        "description",
        "allowedTools",
        "allowed-tools",
        "hooks",
        "model",
        "argument-hint",
        "when_to_use",
        "disable-model-invocation",
        "paths",
    ],
    // `QWEN.md`, then `AGENTS.md` [QWEN-MEM-DOC].
    reads: &[Kind::AgentsMd],
    ..ToolSpec::BASE
};

/// `QWEN.md`: plain markdown in the working directory and each parent up to the project
/// root (a `.git` folder) [QWEN-MEM-DOC], [QWEN-SETTINGS-DOC].
pub const MEMORY: KindSpec = KindSpec {
    id: "qwen-md",
    tool: Tool::Qwen,
    describe: "Qwen Code context file (`QWEN.md`)",
    role: Role::Memory,
    no_front_matter: true,
    nests: true,
    merges: true,
    paths: &[PathRule::Name("QWEN.md")],
    write_path: "QWEN.md",
    schema: include_str!("../../../schemas/qwen-md.schema.json"),
    ..KindSpec::BASE
};

/// A rule: `.qwen/rules/**/*.md`; without `paths` it is in the initial context, with it it
/// is injected when a file tool touches a matching path [QWEN-RULES-DOC].
pub const RULE: KindSpec = KindSpec {
    id: "qwen-rule",
    tool: Tool::Qwen,
    describe: "Qwen Code rule (`.qwen/rules/*.md`)",
    role: Role::Rule,
    paths: &[PathRule::Dir(".qwen", "rules")],
    write_path: ".qwen/rules/{name}.md",
    schema: include_str!("../../../schemas/qwen-rule.schema.json"),
    glob_key: Some("paths"),
    ..KindSpec::BASE
};

/// A slash command: `.qwen/commands/**/*.md` (sub-directories give `/git:commit`), with
/// Gemini CLI's placeholders `{{args}}`, `!{cmd}`, `@{path}` [QWEN-CMDS-DOC], [QWEN-CMD-SRC].
pub const COMMAND: KindSpec = KindSpec {
    id: "qwen-command",
    tool: Tool::Qwen,
    describe: "Qwen Code slash command (`.qwen/commands/*.md`)",
    role: Role::Command,
    placeholders: Placeholders::Gemini,
    paths: &[PathRule::Dir(".qwen", "commands")],
    write_path: ".qwen/commands/{name}.md",
    schema: include_str!("../../../schemas/qwen-command.schema.json"),
    ..KindSpec::BASE
};

/// A subagent: `.qwen/agents/*.md`; `name` and `description` required [QWEN-SUB-DOC].
pub const AGENT: KindSpec = KindSpec {
    id: "qwen-agent",
    tool: Tool::Qwen,
    describe: "Qwen Code subagent (`.qwen/agents/*.md`)",
    role: Role::Agent,
    paths: &[PathRule::Dir(".qwen", "agents")],
    write_path: ".qwen/agents/{name}.md",
    schema: include_str!("../../../schemas/qwen-agent.schema.json"),
    ..KindSpec::BASE
};

/// Writes a slash command [QWEN-CMD-SRC].
pub(crate) fn write_command(w: &mut W<'_>) -> String {
    shapes::command(
        w,
        &CommandShape {
            argument_hint: Some("argument-hint"),
            model: None,
            disable_model_invocation: Some("disable-model-invocation"),
            syntax: Syntax::Gemini,
        },
    )
}

/// Writes a subagent. Its tool names are Qwen Code's own (`read_file`, `grep_search`),
/// which agentfmt's tool table does not hold [QWEN-SUB-DOC].
pub(crate) fn write_agent(w: &mut W<'_>) -> String {
    shapes::agent(
        w,
        &AgentShape {
            name: Some(("name", true, true)),
            description_required: true,
            tools: Tools::Unmapped,
            model: Some("model"),
            model_inherit: true,
            max_turns: Some("maxTurns"),
            effort: None,
        },
    )
}
