//! JetBrains AI Assistant: project rules under `.aiassistant/rules/*.md`, each of one type:
//! Always, Manually (`@rule:`), By model decision (with an instruction), By file patterns,
//! or Off [JBAI-RULES-DOC]. The IDE stores the type in a front-matter header (`apply`,
//! `instructions`, `patterns`); those key names are read from IDE-written files, not from the
//! documentation, and are UNCONFIRMED as a contract.

use super::{Dialect, Kind, KindSpec, PathRule, Role, Tool, ToolSpec};
use crate::convert::emit::Y;
use crate::convert::model::{Activation, Slot};
use crate::convert::placeholders::Syntax;
use crate::convert::read::{common_slot, globs_of, globs_or_manual};
use crate::convert::write::W;
use crate::document::{Document, Node};

/// JetBrains AI Assistant.
pub const TOOL: ToolSpec = ToolSpec {
    key: "jetbrains-ai",
    name: "JetBrains AI Assistant",
    targets: &[
        (Role::Rule, Kind::JetbrainsAiRule),
        (Role::Memory, Kind::JetbrainsAiRule),
        (Role::Skill, Kind::JetbrainsAiRule),
    ],
    sources: &["JBAI-RULES-DOC"],
    ..ToolSpec::BASE
};

/// A project rule: `.aiassistant/rules/*.md`. The IDE writes `patterns: **/*.tsx` bare,
/// which strict YAML rejects, so the key is read as raw text, as Cursor reads `globs`
/// [JBAI-RULES-DOC].
pub const RULE: KindSpec = KindSpec {
    id: "jetbrains-ai-rule",
    tool: Tool::JetbrainsAi,
    describe: "JetBrains AI Assistant project rule (`.aiassistant/rules/*.md`)",
    role: Role::Rule,
    dialect: Dialect::CursorRaw,
    paths: &[PathRule::Dir(".aiassistant", "rules")],
    write_path: ".aiassistant/rules/{name}.md",
    schema: include_str!("../../../schemas/jetbrains-ai-rule.schema.json"),
    glob_key: Some("patterns"),
    ..KindSpec::BASE
};

/// The slot of a key of a rule: `apply` and `patterns` are its activation, `instructions`
/// what the model decides on.
pub(crate) fn slot(key: &str) -> Slot {
    match key {
        "apply" | "patterns" => Slot::Activation,
        "instructions" => Slot::Description,
        _ => common_slot(key),
    }
}

/// When a rule applies, from `apply` (default Always) [JBAI-RULES-DOC].
pub(crate) fn activation(doc: &Document) -> Activation {
    match doc.get("apply").and_then(Node::as_str).map(str::trim) {
        Some("manually") => Activation::Manual,
        Some("by model decision") => Activation::ModelDecides,
        Some("by file patterns") => globs_or_manual(globs_of(doc, "patterns")),
        _ => Activation::Always,
    }
}

/// Writes a rule: `apply`, `instructions` for a rule the model chooses, `patterns` as one
/// bare comma-separated string, as the IDE writes it [JBAI-RULES-DOC].
pub(crate) fn write_rule(w: &mut W<'_>) -> String {
    let act = w.m.activation.clone();
    let apply = match &act {
        Activation::Always => "always",
        Activation::Globs(_) => "by file patterns",
        Activation::ModelDecides => "by model decision",
        Activation::Manual => "manually",
    };
    w.set("apply", Y::s(apply));
    if let Activation::Globs(g) = &act {
        // Bare, as the IDE writes it and reads it back (raw text, see [`RULE`]).
        let v = g.join(", ");
        if crate::convert::globs::cursor_safe(g) {
            w.set("patterns", Y::Raw(v));
        } else {
            w.set("patterns", Y::s(v));
        }
    }
    w.activation(&format!("`apply: {apply}`"));
    if let Some(d) = w.m.description.clone() {
        w.set("instructions", Y::s(d));
        if w.m.source == w.kind {
            w.exact(Slot::Description, "instructions");
        } else {
            w.approx(Slot::Description, "`instructions`");
        }
    } else if act == Activation::ModelDecides {
        w.description("instructions", true);
    }
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}
