//! Reading OpenCode agents and commands into the neutral model [OC-AGENTS].

use crate::convert::model::{Cap, Model, Slot, ToolRef, ToolWhat};
use crate::convert::read::common_slot;
use crate::convert::tables;
use crate::document::Node;
use crate::tools::{Kind, Tool};

/// The slot a top-level key of an OpenCode `kind` fills (`description` is handled before).
pub(crate) fn slot(kind: Kind, key: &str) -> Slot {
    match (kind, key) {
        (Kind::OpencodeAgent, "tools") => Slot::Tools,
        (Kind::OpencodeAgent, "maxSteps") => Slot::MaxTurns,
        (Kind::OpencodeAgent, "permission") => Slot::PermissionMode,
        _ => common_slot(key),
    }
}

/// Reads a value the shared reader cannot: an agent's `tools` map and `permission` map.
/// Returns whether the value was read.
pub(crate) fn value(m: &mut Model, kind: Kind, key: &str, slot: &Slot, v: &Node) -> bool {
    match (kind, slot) {
        (Kind::OpencodeAgent, Slot::Tools) => tools(m, key, v),
        (Kind::OpencodeAgent, Slot::PermissionMode) => permission(m, key, v),
        _ => return false,
    }
    true
}

/// An agent's `tools: {bash: false, read: true}` [OC-AGENTS].
fn tools(m: &mut Model, key: &str, v: &Node) {
    let tool = Tool::Opencode;
    let mut refs: Vec<ToolRef> = m.tools.take().unwrap_or_default();
    // `tools: {bash: false, read: true}` [OC-AGENTS]: every tool is enabled unless the map
    // turns it off (`tools: {x: false}` → `disallowedTools`), so the
    // `true` entries are a list of allowed tools only when the map turns off the rest:
    // with a `*: false` wildcard, or with an entry for every known OpenCode tool (the
    // map agentfmt writes for a tool list).
    let entries = v.entries();
    let wildcard_off = entries
        .iter()
        .any(|e| e.key == "*" && e.value.as_bool() == Some(false));
    let every_known = tables::TOOLS
        .iter()
        .filter_map(|r| r.opencode)
        .all(|n| entries.iter().any(|e| e.key == n));
    for e in entries.iter().filter(|e| e.key != "*") {
        let t = tables::read_tool(tool, &e.key);
        match e.value.as_bool() {
            Some(false) => m.disallowed.push(t),
            _ => refs.push(t),
        }
    }
    if wildcard_off || every_known {
        m.tools = Some(refs);
    } else if !m.disallowed.is_empty()
        && let Some(f) = m.fields.iter_mut().rev().find(|(k, _)| k == key)
    {
        // Only the `false` entries carry over; report the field with them.
        f.1 = Slot::Disallowed;
    }
}

/// OpenCode `permission` [OC-AGENTS] (`permission: {edit: deny}` →
/// `disallowedTools`). A map equal to a preset agentfmt writes for a Claude `permissionMode`
/// ([`tables::OPENCODE_PERMISSION_PRESETS`]) reads back as that mode. Otherwise each `deny`
/// entry is a denied tool (`edit` denies every editing tool: OpenCode's `edit` permission covers
/// writes and patches too) and the field is reported with the deny list; the other entries
/// (`ask`, `allow`, per-command pattern maps) go to [`Model::permission_other`].
fn permission(m: &mut Model, key: &str, v: &Node) {
    let entries = v.entries();
    let preset = tables::OPENCODE_PERMISSION_PRESETS.iter().find(|(_, p)| {
        p.len() == entries.len()
            && p.iter().all(|(k, val)| {
                entries
                    .iter()
                    .any(|e| e.key == *k && e.value.as_str() == Some(*val))
            })
    });
    if let Some((mode, _)) = preset {
        m.permission_mode = Some((*mode).to_owned());
        return;
    }
    let mut denied = false;
    for e in entries {
        match e.value.scalar_text().as_deref() {
            Some("deny") if e.key == "edit" => {
                denied = true;
                m.disallowed.push(ToolRef {
                    original: "edit".into(),
                    what: ToolWhat::Caps(vec![Cap::Write, Cap::Edit, Cap::NotebookEdit]),
                    specifier: None,
                });
            }
            Some("deny") => {
                denied = true;
                m.disallowed.push(tables::read_tool(Tool::Opencode, &e.key));
            }
            Some(x) => m.permission_other.push(format!("`{}: {x}`", e.key)),
            None => m
                .permission_other
                .push(format!("`{}` (per-command rules)", e.key)),
        }
    }
    if denied && let Some(f) = m.fields.iter_mut().rev().find(|(k, _)| k == key) {
        f.1 = Slot::Disallowed;
    }
}
