//! Reading Cursor files into the neutral model [CUR-RULES], [CUR-SUB].

use crate::convert::model::{Activation, Model, Slot};
use crate::convert::read::{common_slot, globs_of, model_of};
use crate::document::{Document, Node};
use crate::tools::{Kind, Tool};

/// The slot a top-level key of a Cursor `kind` fills (`description` is handled before).
pub(crate) fn slot(kind: Kind, key: &str) -> Slot {
    use Kind as K;
    match (kind, key) {
        (K::CursorMdc | K::Cursorrules, "globs" | "alwaysApply") => Slot::Activation,
        (K::CursorMdc | K::Cursorrules, _) => Slot::Extra(key.to_owned()),
        (K::CursorAgent, "readonly") => Slot::Readonly,
        (K::CursorAgent, "is_background") => Slot::Background,
        _ => common_slot(key),
    }
}

/// Reads a value the shared reader cannot: a subagent `model` may carry options,
/// `claude-opus-4-8[effort=high,context=300k]`, whose `effort` is the effort [CUR-SUB].
/// Returns whether the value was read.
pub(crate) fn value(m: &mut Model, slot: &Slot, v: &Node) -> bool {
    if *slot != Slot::Model {
        return false;
    }
    m.model = model_of(Tool::Cursor, v);
    if let Some((_, opts)) = m.model.as_ref().and_then(|r| r.id.split_once('[')) {
        for kv in opts.trim_end_matches(']').split(',') {
            if let Some(("effort", x)) = kv.split_once('=').map(|(k, v)| (k.trim(), v.trim())) {
                m.effort = Some(x.to_owned());
            }
        }
    }
    true
}

/// When a project rule applies: the four rule types of [CUR-RULES] (always, for matching
/// files, chosen by the model from the description, or on `@rule` only). `None` for the
/// other kinds.
pub(crate) fn activation(doc: &Document, has_description: bool) -> Option<Activation> {
    if doc.kind != Kind::CursorMdc {
        return None;
    }
    let g = globs_of(doc, "globs");
    Some(
        if doc.get("alwaysApply").and_then(Node::as_bool) == Some(true) {
            Activation::Always
        } else if !g.is_empty() {
            Activation::Globs(g)
        } else if has_description {
            Activation::ModelDecides
        } else {
            Activation::Manual
        },
    )
}
