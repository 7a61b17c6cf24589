//! Claude Code tool names read into and written from neutral capabilities [CC-TOOLS], [CC-PERM].

use crate::convert::model::{Cap, ToolRef, ToolWhat};
use crate::convert::tables::{TOOLS, row};

pub(crate) fn read(name: &str) -> ToolWhat {
    // [CC-PERM] `mcp__<server>__<tool>`, `mcp__<server>`, `mcp__<server>__*`.
    if let Some(rest) = name.strip_prefix("mcp__") {
        let (server, tool) = match rest.split_once("__") {
            Some((s, "*")) => (s, None),
            Some((s, t)) => (s, Some(t.to_owned())),
            None => (rest, None),
        };
        return ToolWhat::Mcp {
            server: server.to_owned(),
            tool,
        };
    }
    TOOLS
        .iter()
        .find(|r| r.claude.contains(&name))
        .map_or(ToolWhat::Unknown, |r| ToolWhat::Caps(vec![r.cap]))
}

/// Writes a tool entry in Claude syntax; `None` when it has no Claude name.
pub(crate) fn write(t: &ToolRef) -> Vec<String> {
    match &t.what {
        ToolWhat::Caps(caps) => caps
            .iter()
            .filter(|c| **c != Cap::List)
            .map(|c| {
                let name = row(*c).claude[0];
                match &t.specifier {
                    Some(s) => format!("{name}({s})"),
                    None => name.to_owned(),
                }
            })
            .collect(),
        ToolWhat::Mcp {
            server,
            tool: Some(tool),
        } => vec![format!("mcp__{server}__{tool}")],
        ToolWhat::Mcp { server, tool: None } => vec![format!("mcp__{server}")],
        ToolWhat::Unknown => Vec::new(),
    }
}

/// Writes a tool entry as bare Claude Code tool names, its specifier dropped: the base of the
/// vocabularies that borrow Claude's names without its permission rules (Junie's tool
/// groups, Factory's tool ids).
pub(crate) fn write_bare(t: &ToolRef) -> Vec<String> {
    write(&ToolRef {
        specifier: None,
        ..t.clone()
    })
}
