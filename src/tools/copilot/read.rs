//! Reading Copilot files into the neutral model [VSC-INSTR], [VSC-PROMPTS], [GH-AGENTS-CFG].

use crate::convert::model::{Activation, Cap, Model, Slot, ToolRef, ToolWhat};
use crate::convert::read::{common_slot, globs_of, list};
use crate::document::{Document, Node};
use crate::tools::Kind;

/// The slot a top-level key of a Copilot `kind` fills (`description` is handled before).
pub(crate) fn slot(kind: Kind, key: &str) -> Slot {
    use Kind as K;
    match (kind, key) {
        (K::CopilotScopedInstructions, "applyTo") => Slot::Activation,
        (K::CopilotInstructions, _) => Slot::Extra(key.to_owned()),
        (K::CopilotAgent | K::CopilotChatmode | K::CopilotPrompt, "tools")
        | (K::CopilotAgent, "agents") => Slot::Tools,
        (K::CopilotAgent, "disable-model-invocation") => Slot::ModelInvocation,
        (K::CopilotAgent, "mcp-servers") => Slot::McpServers,
        _ => common_slot(key),
    }
}

/// Reads a value the shared reader cannot: a custom agent's `agents: [a, b]` names the
/// subagents its `agent` tool may start, Claude's `Agent(a, b)` [GH-AGENTS-CFG]. Returns
/// whether the value was read.
pub(crate) fn value(m: &mut Model, kind: Kind, key: &str, v: &Node) -> bool {
    if kind != Kind::CopilotAgent || key != "agents" {
        return false;
    }
    let mut refs: Vec<ToolRef> = m.tools.take().unwrap_or_default();
    let names = list(v, |s| vec![s.to_owned()]);
    let spec = (!names.is_empty() && names != ["*"]).then(|| names.join(", "));
    if let Some(a) = refs.iter_mut().find(|t| t.what.is_agent()) {
        a.specifier = spec;
    } else {
        refs.push(ToolRef {
            original: "agents".into(),
            what: ToolWhat::Caps(vec![Cap::Agent]),
            specifier: spec,
        });
    }
    m.tools = Some(refs);
    true
}

/// When path-specific instructions apply: without `applyTo` they are not applied
/// automatically; `**` is every file [VSC-INSTR]. `None` for the other kinds.
pub(crate) fn activation(doc: &Document, has_description: bool) -> Option<Activation> {
    if doc.kind != Kind::CopilotScopedInstructions {
        return None;
    }
    let g = globs_of(doc, "applyTo");
    Some(if g == ["**"] {
        Activation::Always
    } else if !g.is_empty() {
        Activation::Globs(g)
    } else if has_description {
        Activation::ModelDecides
    } else {
        Activation::Manual
    })
}

/// After every key is read: a custom agent's `infer` (the older spelling) says whether the
/// model may pick it, unless `disable-model-invocation` said so [GH-AGENTS-CFG].
pub(crate) fn finish(doc: &Document, m: &mut Model) {
    if doc.kind == Kind::CopilotAgent
        && let Some(v) = doc.get("infer").and_then(Node::as_bool)
        && m.model_invocable.is_none()
    {
        m.model_invocable = Some(v);
    }
}
