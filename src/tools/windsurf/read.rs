//! Reading Windsurf rules into the neutral model [WS].

use crate::convert::model::{Activation, Slot};
use crate::convert::read::{globs_of, globs_or_manual};
use crate::document::{Document, Node};

/// The slot a top-level key of a Windsurf rule fills (`description` is handled before).
pub(crate) fn slot(key: &str) -> Slot {
    match key {
        "trigger" | "globs" => Slot::Activation,
        _ => Slot::Extra(key.to_owned()),
    }
}

/// When a rule applies, from `trigger` (default: always on) [WS]. A glob trigger without a
/// pattern matches no file: only a mention loads it.
pub(crate) fn activation(doc: &Document) -> Activation {
    match doc.get("trigger").and_then(Node::as_str) {
        Some("glob") => globs_or_manual(globs_of(doc, "globs")),
        Some("model_decision") => Activation::ModelDecides,
        Some("manual") => Activation::Manual,
        _ => Activation::Always,
    }
}
