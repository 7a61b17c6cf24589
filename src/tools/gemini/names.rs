//! Gemini CLI tool names read into and written from neutral capabilities [GEM-TOOLS], [GEM-SUB].

use crate::convert::model::{ToolRef, ToolWhat};
use crate::convert::tables::{TOOLS, row};

pub(crate) fn read(name: &str) -> ToolWhat {
    if let Some(r) = TOOLS.iter().find(|r| r.gemini.contains(&name)) {
        return ToolWhat::Caps(vec![r.cap]);
    }
    // `mcp_<server>_<tool>` and `mcp_<server>_*` ([GEM-SUB]; the server name
    // is taken up to the first `_`). `mcp_*` (every MCP tool) has no single-server form.
    match name.strip_prefix("mcp_").and_then(|r| r.split_once('_')) {
        Some((server, tool)) if !server.is_empty() && !tool.is_empty() => ToolWhat::Mcp {
            server: server.to_owned(),
            tool: (tool != "*").then(|| tool.to_owned()),
        },
        _ => ToolWhat::Unknown,
    }
}

/// Writes a tool entry as Gemini CLI tool names (`mcp_srv_tool` for MCP, UNCONFIRMED; formats.md
/// §6.1 [GEM-TOOLS], [GEM-SUB]).
pub(crate) fn write(t: &ToolRef) -> Vec<String> {
    match &t.what {
        ToolWhat::Caps(caps) => caps
            .iter()
            .filter_map(|c| row(*c).gemini.first().map(|s| (*s).to_owned()))
            .collect(),
        ToolWhat::Mcp {
            server,
            tool: Some(tool),
        } => vec![format!("mcp_{server}_{tool}")],
        ToolWhat::Mcp { server, tool: None } => vec![format!("mcp_{server}_*")],
        ToolWhat::Unknown => Vec::new(),
    }
}
