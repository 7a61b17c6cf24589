//! Trae (TraeCode): project rules under `.trae/rules/*.md` with Cursor's triple of
//! `alwaysApply`, `description` and `globs`; Agent Skills under `.trae/skills/`; the root
//! `AGENTS.md` and `CLAUDE.md` only behind a setting [TRAE-RULES-MIRROR],
//! [TRAE-RULES-2025], [TRAE-SKILLS-MIRROR], [TRAE-WORK-MIRROR].

use super::{Kind, KindSpec, PathRule, Role, Tool, ToolSpec};
use crate::convert::emit::Y;
use crate::convert::model::{Activation, Slot};
use crate::convert::placeholders::Syntax;
use crate::convert::read::{common_slot, globs_of};
use crate::convert::write::W;
use crate::document::{Document, Node};

/// Trae.
pub const TOOL: ToolSpec = ToolSpec {
    key: "trae",
    name: "Trae",
    targets: &[
        (Role::Skill, Kind::ClaudeSkill),
        (Role::Rule, Kind::TraeRule),
        (Role::Memory, Kind::TraeRule),
    ],
    skill_dir: Some(".trae/skills"),
    sources: &[
        "TRAE-RULES-MIRROR",
        "TRAE-RULES-2025",
        "TRAE-SKILLS-MIRROR",
        "TRAE-WORK-MIRROR",
    ],
    skill_keys: &["name", "description"],
    ..ToolSpec::BASE
};

/// A project rule: `.trae/rules/*.md` (the first was `project_rules.md`); always
/// (`alwaysApply: true`), on files (`globs`), chosen by the model (`description`), or
/// referenced as `#Rule` [TRAE-RULES-MIRROR], [TRAE-RULES-2025].
pub const RULE: KindSpec = KindSpec {
    id: "trae-rule",
    tool: Tool::Trae,
    describe: "Trae project rule (`.trae/rules/*.md`)",
    role: Role::Rule,
    paths: &[PathRule::Dir(".trae", "rules")],
    write_path: ".trae/rules/{name}.md",
    schema: include_str!("../../../schemas/trae-rule.schema.json"),
    glob_key: Some("globs"),
    ..KindSpec::BASE
};

/// The slot of a key of a rule.
pub(crate) fn slot(key: &str) -> Slot {
    match key {
        "alwaysApply" | "globs" => Slot::Activation,
        _ => common_slot(key),
    }
}

/// When a rule applies: the four modes of the triple [TRAE-RULES-MIRROR].
pub(crate) fn activation(doc: &Document, has_description: bool) -> Activation {
    let globs = globs_of(doc, "globs");
    if doc.get("alwaysApply").and_then(Node::as_bool) == Some(true) {
        Activation::Always
    } else if !globs.is_empty() {
        Activation::Globs(globs)
    } else if has_description {
        Activation::ModelDecides
    } else if doc.root.is_none() {
        // No front matter at all: the file is read as always on, as `project_rules.md` was
        // [TRAE-RULES-2025].
        Activation::Always
    } else {
        Activation::Manual
    }
}

/// Writes a rule: `alwaysApply` always, `globs` as a YAML list (the shape Trae documents is
/// UNCONFIRMED; third-party examples use a list), `description` [TRAE-RULES-MIRROR].
pub(crate) fn write_rule(w: &mut W<'_>) -> String {
    let act = w.m.activation.clone();
    w.set("alwaysApply", Y::Bool(act == Activation::Always));
    match &act {
        Activation::Globs(g) => {
            w.set("globs", Y::strs(g.clone()));
            w.activation("`globs` with `alwaysApply: false`");
        }
        Activation::Always => w.activation("`alwaysApply: true`"),
        Activation::ModelDecides => {
            w.activation("`description` with `alwaysApply: false`");
        }
        Activation::Manual => {
            w.activation(
                "`alwaysApply: false` without `description` or `globs` (`#Rule` in the chat)",
            );
        }
    }
    if act == Activation::Manual && w.m.description.is_some() {
        // A description would make the model choose the rule.
        w.drop_(
            Slot::Description,
            "a Trae rule with a description is chosen by the model; this one is manual",
        );
    } else {
        w.description("description", act == Activation::ModelDecides);
    }
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}
