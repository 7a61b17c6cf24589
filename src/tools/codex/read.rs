//! Reading Codex custom agents into the neutral model [CODEX-SUB].

use crate::convert::model::{Model, Slot};
use crate::convert::read::common_slot;
use crate::document::Node;

/// The slot a top-level key of a Codex custom agent fills (`description` is handled before).
pub(crate) fn slot(key: &str) -> Slot {
    match key {
        "developer_instructions" => Slot::Body,
        "model_reasoning_effort" => Slot::Effort,
        "sandbox_mode" => Slot::Readonly,
        "mcp_servers" => Slot::McpServers,
        _ => common_slot(key),
    }
}

/// Reads a value the shared reader cannot: `sandbox_mode = "read-only"` is a read-only agent
/// [CODEX-SUB]. Returns whether the value was read.
pub(crate) fn value(m: &mut Model, slot: &Slot, v: &Node) -> bool {
    if *slot != Slot::Readonly {
        return false;
    }
    m.readonly = v.as_str().map(|s| s == "read-only");
    true
}
