//! Reading Gemini CLI files into the neutral model [GEM-CMDS], [GEM-SUB].

use crate::convert::model::Slot;
use crate::convert::read::common_slot;
use crate::convert::{Loss, LossKind};
use crate::document::{Document, Node};
use crate::tools::Kind;

/// The slot a top-level key of a Gemini CLI `kind` fills (`description` is handled before).
pub(crate) fn slot(kind: Kind, key: &str) -> Slot {
    use Kind as K;
    match (kind, key) {
        (K::GeminiCommand, "prompt") => Slot::Body,
        (K::GeminiMd | K::GeminiCommand, _) => Slot::Extra(key.to_owned()),
        (K::GeminiAgent, "tools") => Slot::Tools,
        (K::GeminiAgent, "max_turns") => Slot::MaxTurns,
        (K::GeminiAgent, "mcpServers") => Slot::McpServers,
        _ => common_slot(key),
    }
}

/// After every key is read: a remote subagent (`kind: remote`) runs elsewhere and cannot
/// convert; its body is kept for reference [GEM-SUB].
pub(crate) fn finish(doc: &Document, losses: &mut Vec<Loss>) {
    if doc.kind == Kind::GeminiAgent && doc.get("kind").and_then(Node::as_str) == Some("remote") {
        losses.push(Loss {
            field: "kind".into(),
            what: LossKind::Dropped,
            message: "a remote Gemini CLI agent runs elsewhere; the converted file describes it but cannot run it".into(),
        });
    }
}
