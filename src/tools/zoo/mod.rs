//! Zoo Code, the community continuation of the archived Roo Code: rules under
//! `.zoo/rules/` (always on), slash commands under `.zoo/commands/`, Agent Skills under
//! `.agents/skills/`, the root `AGENTS.md`. Per scope one root is read: `.zoo/` when it
//! exists, else Roo Code's `.roo/`, whose files are this tool's legacy kinds [ZOO-CI-SRC],
//! [ZOO-CMD-SRC], [ZOO-SKILLS-SRC], [ROO-CI-DOC].

use super::{Kind, KindSpec, PathRule, Role, Tool, ToolSpec};
use crate::convert::placeholders::Syntax;
use crate::convert::write::W;
use crate::convert::write::shapes::{self, CommandShape};

/// Zoo Code.
pub const TOOL: ToolSpec = ToolSpec {
    key: "zoo",
    name: "Zoo Code",
    targets: &[
        (Role::Command, Kind::ZooCommand),
        (Role::Skill, Kind::ClaudeSkill),
        (Role::Rule, Kind::ZooRule),
        (Role::Memory, Kind::ZooRule),
    ],
    skill_dir: Some(".agents/skills"),
    sources: &[
        "ZOO-CI-SRC",
        "ZOO-CMD-SRC",
        "ZOO-MENTIONS-SRC",
        "ZOO-SKILLS-SRC",
        "ZOO-SKILLNAME-SRC",
        "ROO-CI-DOC",
    ],
    skill_keys: &["name", "description", "modeSlugs", "mode"],
    // The root `AGENTS.md` [ZOO-CI-SRC].
    reads: &[Kind::AgentsMd],
    ..ToolSpec::BASE
};

/// A rule: any file under `.zoo/rules/`, recursive, no front matter, always on
/// [ZOO-CI-SRC], [ROO-CI-DOC].
pub const RULE: KindSpec = KindSpec {
    id: "zoo-rule",
    tool: Tool::Zoo,
    describe: "Zoo Code rule (`.zoo/rules/*.md`)",
    role: Role::Rule,
    no_front_matter: true,
    paths: &[PathRule::Dir(".zoo", "rules")],
    write_path: ".zoo/rules/{name}.md",
    schema: include_str!("../../../schemas/zoo-rule.schema.json"),
    ..KindSpec::BASE
};

/// A Roo Code rule, `.roo/rules/*.md`: read by Zoo Code when there is no `.zoo/`
/// [ZOO-CI-SRC], [ROO-CI-DOC].
pub const ROO_RULE: KindSpec = KindSpec {
    id: "roo-rule",
    tool: Tool::Zoo,
    describe: "Roo Code rule (`.roo/rules/*.md`, legacy of Zoo Code)",
    paths: &[PathRule::Dir(".roo", "rules")],
    write_path: ".roo/rules/{name}.md",
    schema: include_str!("../../../schemas/roo-rule.schema.json"),
    replaced_by: Some(Kind::ZooRule),
    ..RULE
};

/// A slash command: `.zoo/commands/*.md`, top level, run as `/name`; `description`,
/// `argument-hint`, `mode`; no placeholders (the body is appended to the message)
/// [ZOO-CMD-SRC], [ZOO-MENTIONS-SRC].
pub const COMMAND: KindSpec = KindSpec {
    id: "zoo-command",
    tool: Tool::Zoo,
    describe: "Zoo Code slash command (`.zoo/commands/*.md`)",
    role: Role::Command,
    paths: &[PathRule::Dir(".zoo", "commands")],
    write_path: ".zoo/commands/{name}.md",
    schema: include_str!("../../../schemas/zoo-command.schema.json"),
    ..KindSpec::BASE
};

/// A Roo Code slash command, `.roo/commands/*.md` [ZOO-CMD-SRC].
pub const ROO_COMMAND: KindSpec = KindSpec {
    id: "roo-command",
    tool: Tool::Zoo,
    describe: "Roo Code slash command (`.roo/commands/*.md`, legacy of Zoo Code)",
    paths: &[PathRule::Dir(".roo", "commands")],
    write_path: ".roo/commands/{name}.md",
    schema: include_str!("../../../schemas/roo-command.schema.json"),
    replaced_by: Some(Kind::ZooCommand),
    ..COMMAND
};

/// Writes a slash command [ZOO-CMD-SRC].
pub(crate) fn write_command(w: &mut W<'_>) -> String {
    shapes::command(
        w,
        &CommandShape {
            argument_hint: Some("argument-hint"),
            model: None,
            disable_model_invocation: None,
            syntax: Syntax::Prose,
        },
    )
}
