//! Augment (IDE extensions and the Auggie CLI): rules under `.augment/rules/` with a `type`,
//! slash commands under `.augment/commands/`, subagents under `.augment/agents/`, Agent
//! Skills under `.augment/skills/`, and `AGENTS.md`/`CLAUDE.md` up the tree
//! [AUG-CLI-RULES], [AUG-IDE-RULES], [AUG-CMDS], [AUG-SUB], [AUG-SKILLS].

use super::{Kind, KindSpec, PathRule, Placeholders, Role, Tool, ToolSpec};
use crate::convert::emit::Y;
use crate::convert::model::{Activation, Slot};
use crate::convert::placeholders::Syntax;
use crate::convert::read::common_slot;
use crate::convert::write::W;
use crate::convert::write::shapes::{self, AgentShape, CommandShape, Tools};
use crate::document::{Document, Node};

/// Augment.
pub const TOOL: ToolSpec = ToolSpec {
    key: "augment",
    name: "Augment",
    targets: &[
        (Role::Agent, Kind::AugmentAgent),
        (Role::Command, Kind::AugmentCommand),
        (Role::Skill, Kind::ClaudeSkill),
        (Role::Rule, Kind::AugmentRule),
        (Role::Memory, Kind::AgentsMd),
    ],
    skill_dir: Some(".augment/skills"),
    sources: &[
        "AUG-CLI-RULES",
        "AUG-IDE-RULES",
        "AUG-CMDS",
        "AUG-REPO-CMD",
        "AUG-SUB",
        "AUG-SKILLS",
    ],
    skill_keys: &["name", "description"],
    // `CLAUDE.md` beside `AGENTS.md`, and `.claude/commands/` [AUG-CLI-RULES], [AUG-CMDS].
    reads: &[Kind::ClaudeMd, Kind::ClaudeCommand],
    ..ToolSpec::BASE
};

/// A rule: `.augment/rules/**/*.md` at the workspace root; `type` (`always_apply`, the
/// default; `agent_requested` with a `description`; `manual`, attached with `@`)
/// [AUG-CLI-RULES], [AUG-IDE-RULES].
pub const RULE: KindSpec = KindSpec {
    id: "augment-rule",
    tool: Tool::Augment,
    describe: "Augment rule (`.augment/rules/*.md`)",
    role: Role::Rule,
    paths: &[PathRule::Dir(".augment", "rules")],
    write_path: ".augment/rules/{name}.md",
    schema: include_str!("../../../schemas/augment-rule.schema.json"),
    ..KindSpec::BASE
};

/// A slash command: `.augment/commands/**/*.md` (sub-directories give `/dir:name`);
/// `description`, `argument-hint`, `model`; `$ARGUMENTS` in the body [AUG-CMDS],
/// [AUG-REPO-CMD].
pub const COMMAND: KindSpec = KindSpec {
    id: "augment-command",
    tool: Tool::Augment,
    describe: "Augment slash command (`.augment/commands/*.md`)",
    role: Role::Command,
    placeholders: Placeholders::Claude,
    paths: &[PathRule::Dir(".augment", "commands")],
    write_path: ".augment/commands/{name}.md",
    schema: include_str!("../../../schemas/augment-command.schema.json"),
    ..KindSpec::BASE
};

/// A subagent (Auggie CLI, private preview): `.augment/agents/*.md`; `name` (required),
/// `description`, `color`, `model` [AUG-SUB].
pub const AGENT: KindSpec = KindSpec {
    id: "augment-agent",
    tool: Tool::Augment,
    describe: "Augment subagent (`.augment/agents/*.md`)",
    role: Role::Agent,
    paths: &[PathRule::Dir(".augment", "agents")],
    write_path: ".augment/agents/{name}.md",
    schema: include_str!("../../../schemas/augment-agent.schema.json"),
    ..KindSpec::BASE
};

/// The slot of a key of an Augment kind: a rule's `type` is its activation.
pub(crate) fn slot(kind: Kind, key: &str) -> Slot {
    match (kind, key) {
        (Kind::AugmentRule, "type") => Slot::Activation,
        _ => common_slot(key),
    }
}

/// When a rule applies, from `type` (default `always_apply`) [AUG-CLI-RULES].
pub(crate) fn activation(doc: &Document) -> Option<Activation> {
    if doc.kind != Kind::AugmentRule {
        return None;
    }
    Some(match doc.get("type").and_then(Node::as_str) {
        Some("agent_requested") => Activation::ModelDecides,
        Some("manual") => Activation::Manual,
        _ => Activation::Always,
    })
}

/// Writes a rule. Augment has no rule scoped by file patterns: such a rule becomes one the
/// agent requests, its patterns stated in the description [AUG-CLI-RULES].
pub(crate) fn write_rule(w: &mut W<'_>) -> String {
    let act = w.m.activation.clone();
    let ty = match &act {
        Activation::Always => "always_apply",
        Activation::Globs(_) | Activation::ModelDecides => "agent_requested",
        Activation::Manual => "manual",
    };
    w.set("type", Y::s(ty));
    if let Activation::Globs(g) = &act {
        let what = format!("Applies to files matching {}.", g.join(", "));
        let d = match &w.m.description {
            Some(d) => format!("{d} {what}"),
            None => what,
        };
        w.set("description", Y::s(d));
        w.approx(
            Slot::Activation,
            "`type: agent_requested` with the patterns in `description` (Augment rules have no file patterns)",
        );
        if w.m.description.is_some() {
            w.approx(Slot::Description, "the patterns are added to it");
        }
    } else {
        w.activation(&format!("`type: {ty}`"));
        w.description("description", act == Activation::ModelDecides);
    }
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}

/// Writes a slash command [AUG-CMDS].
pub(crate) fn write_command(w: &mut W<'_>) -> String {
    shapes::command(
        w,
        &CommandShape {
            argument_hint: Some("argument-hint"),
            model: Some("model"),
            disable_model_invocation: None,
            syntax: Syntax::Claude,
        },
    )
}

/// Writes a subagent; it lists no tools [AUG-SUB].
pub(crate) fn write_agent(w: &mut W<'_>) -> String {
    shapes::agent(
        w,
        &AgentShape {
            name: Some(("name", true, true)),
            description_required: false,
            tools: Tools::None,
            model: Some("model"),
            model_inherit: false,
            max_turns: None,
            effort: None,
        },
    )
}
