//! Reading Claude Code files into the neutral model: which key fills which slot, and when a
//! rule or skill applies [CC-SUB], [CC-SKILLS], [CC-MEM].

use crate::convert::model::{Activation, Model, Slot, ToolsMeaning};
use crate::convert::read::{common_slot, globs_of};
use crate::document::Document;
use crate::tools::Kind;

/// The slot a top-level key of a Claude Code `kind` fills (`description` is handled before).
pub(crate) fn slot(kind: Kind, key: &str) -> Slot {
    use Kind as K;
    match (kind, key) {
        (K::ClaudeRule | K::ClaudeSkill, "paths") => Slot::Activation,
        (K::ClaudeMd | K::ClaudeRule, _) => Slot::Extra(key.to_owned()),
        (K::ClaudeAgent, "tools") | (K::ClaudeCommand | K::ClaudeSkill, "allowed-tools") => {
            Slot::Tools
        }
        (K::ClaudeAgent, "disallowedTools")
        | (K::ClaudeCommand | K::ClaudeSkill, "disallowed-tools") => Slot::Disallowed,
        (K::ClaudeCommand | K::ClaudeSkill, "arguments") => Slot::Arguments,
        (K::ClaudeAgent, "background") => Slot::Background,
        (K::ClaudeAgent, "maxTurns") => Slot::MaxTurns,
        (_, "effort") => Slot::Effort,
        (K::ClaudeCommand | K::ClaudeSkill, "disable-model-invocation") => Slot::ModelInvocation,
        (K::ClaudeAgent, "permissionMode") => Slot::PermissionMode,
        (K::ClaudeAgent, "mcpServers") => Slot::McpServers,
        _ => common_slot(key),
    }
}

/// Reads a value before the shared reader does: `allowed-tools` of a command or skill
/// pre-approves tools rather than restricting them [CC-SKILLS] (the list itself is read by
/// the shared reader). Always `false`: the shared reader goes on.
pub(crate) fn value(m: &mut Model, kind: Kind, slot: &Slot) -> bool {
    if *slot == Slot::Tools && matches!(kind, Kind::ClaudeCommand | Kind::ClaudeSkill) {
        m.tools_meaning = ToolsMeaning::PreApprove;
    }
    false
}

/// When a rule or skill applies: a rule without `paths` is always loaded [CC-MEM]; a skill is
/// chosen by the model unless `paths` scope it [CC-SKILLS]. `None` for the other kinds.
pub(crate) fn activation(doc: &Document) -> Option<Activation> {
    let g = globs_of(doc, "paths");
    match doc.kind {
        Kind::ClaudeRule if g.is_empty() => Some(Activation::Always),
        Kind::ClaudeSkill if g.is_empty() => Some(Activation::ModelDecides),
        Kind::ClaudeRule | Kind::ClaudeSkill => Some(Activation::Globs(g)),
        _ => None,
    }
}

/// After every key is read: a skill the model may not invoke
/// (`disable-model-invocation: true`) is one the user invokes [CC-SKILLS].
pub(crate) fn finish(doc: &Document, m: &mut Model) {
    if doc.kind == Kind::ClaudeSkill
        && m.model_invocable == Some(false)
        && m.activation == Activation::ModelDecides
    {
        m.activation = Activation::Manual;
    }
}
