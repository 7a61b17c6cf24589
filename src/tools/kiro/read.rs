//! Reading Kiro steering files into the neutral model [KIRO].

use crate::convert::model::{Activation, Slot};
use crate::convert::read::{globs_of, globs_or_manual};
use crate::document::{Document, Node};

/// The slot a top-level key of a steering file fills (`description` is handled before).
pub(crate) fn slot(key: &str) -> Slot {
    match key {
        "inclusion" | "fileMatchPattern" => Slot::Activation,
        "name" => Slot::Name,
        _ => Slot::Extra(key.to_owned()),
    }
}

/// When a steering file applies, from `inclusion` (default `always`) [KIRO].
pub(crate) fn activation(doc: &Document) -> Activation {
    match doc.get("inclusion").and_then(Node::as_str) {
        Some("fileMatch") => globs_or_manual(globs_of(doc, "fileMatchPattern")),
        Some("auto") => Activation::ModelDecides,
        Some("manual") => Activation::Manual,
        _ => Activation::Always,
    }
}
