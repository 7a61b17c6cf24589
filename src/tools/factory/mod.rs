//! Factory (the `droid` CLI): custom droids (subagents) under `.factory/droids/`, slash
//! commands under `.factory/commands/`, Agent Skills under `.factory/skills/`, and
//! `AGENTS.md` from the working directory up to the repository root [FAC-DROIDS],
//! [FAC-CMDS], [FAC-SKILLS], [FAC-AGENTSMD].

use super::{Kind, KindSpec, ModelIds, PathRule, Placeholders, Role, Tool, ToolSpec};
use crate::convert::model::{ToolRef, ToolWhat};
use crate::convert::placeholders::Syntax;
use crate::convert::write::W;
use crate::convert::write::shapes::{self, AgentShape, CommandShape, ToolKeys, Tools};

/// Factory.
pub const TOOL: ToolSpec = ToolSpec {
    key: "factory",
    name: "Factory Droid",
    targets: &[
        (Role::Agent, Kind::FactoryDroid),
        (Role::Command, Kind::FactoryCommand),
        (Role::Skill, Kind::ClaudeSkill),
        (Role::Rule, Kind::AgentsMd),
        (Role::Memory, Kind::AgentsMd),
    ],
    skill_dir: Some(".factory/skills"),
    sources: &["FAC-DROIDS", "FAC-CMDS", "FAC-SKILLS", "FAC-AGENTSMD"],
    skill_keys: &["name", "description"],
    // `claude-sonnet-4-5-20250929`, or `inherit` [FAC-DROIDS].
    models: ModelIds::Claude,
    ..ToolSpec::BASE
};

/// A custom droid: `.factory/droids/*.md`, top level; `name` (required, lowercase, the
/// `subagent_type`), `description`, `model`, `reasoningEffort`, `tools` (a category or a
/// list of tool ids), `mcpServers` [FAC-DROIDS].
pub const DROID: KindSpec = KindSpec {
    id: "factory-droid",
    tool: Tool::Factory,
    describe: "Factory custom droid (`.factory/droids/*.md`)",
    role: Role::Agent,
    paths: &[PathRule::Dir(".factory", "droids")],
    write_path: ".factory/droids/{name}.md",
    schema: include_str!("../../../schemas/factory-droid.schema.json"),
    ..KindSpec::BASE
};

/// A slash command: `.factory/commands/*.md`, top level; `description`, `argument-hint`;
/// `$ARGUMENTS` is everything after the command, positional `$1` is not supported
/// [FAC-CMDS].
pub const COMMAND: KindSpec = KindSpec {
    id: "factory-command",
    tool: Tool::Factory,
    describe: "Factory slash command (`.factory/commands/*.md`)",
    role: Role::Command,
    placeholders: Placeholders::Claude,
    paths: &[PathRule::Dir(".factory", "commands")],
    write_path: ".factory/commands/{name}.md",
    schema: include_str!("../../../schemas/factory-command.schema.json"),
    ..KindSpec::BASE
};

/// Factory tool ids and the Claude Code tool of the same job [FAC-DROIDS], [CC-TOOLS].
const IDS: &[(&str, &str)] = &[
    ("Read", "Read"),
    ("LS", "LS"),
    ("Grep", "Grep"),
    ("Glob", "Glob"),
    ("Create", "Write"),
    ("Edit", "Edit"),
    ("Execute", "Bash"),
    ("WebSearch", "WebSearch"),
    ("FetchUrl", "WebFetch"),
];

/// A neutral tool entry as Factory tool ids (specifiers are not supported).
fn names(t: &ToolRef) -> Vec<String> {
    super::claude::names::write_bare(t)
        .iter()
        .filter_map(|c| {
            IDS.iter()
                .find(|(_, cc)| cc == c)
                .map(|(f, _)| (*f).to_owned())
        })
        .collect()
}

/// Reads a Factory tool id.
pub(crate) fn read_name(name: &str) -> ToolWhat {
    IDS.iter()
        .find(|(f, _)| *f == name)
        .map_or(ToolWhat::Unknown, |(_, c)| super::claude::names::read(c))
}

/// Writes a custom droid [FAC-DROIDS].
pub(crate) fn write_droid(w: &mut W<'_>) -> String {
    shapes::agent(
        w,
        &AgentShape {
            name: Some(("name", true, true)),
            description_required: false,
            tools: Tools::Keys(ToolKeys {
                key: "tools",
                deny_key: None,
                names,
                sep: None,
            }),
            model: Some("model"),
            model_inherit: true,
            max_turns: None,
            effort: Some("reasoningEffort"),
        },
    )
}

/// Writes a slash command [FAC-CMDS].
pub(crate) fn write_command(w: &mut W<'_>) -> String {
    shapes::command(
        w,
        &CommandShape {
            argument_hint: Some("argument-hint"),
            model: None,
            disable_model_invocation: None,
            syntax: Syntax::Claude,
        },
    )
}
