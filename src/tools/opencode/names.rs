//! OpenCode tool keys read into and written from neutral capabilities [OC-AGENTS].

use crate::convert::model::{Cap, ToolRef, ToolWhat};
use crate::convert::tables::{TOOLS, row};

pub(crate) fn read(name: &str) -> ToolWhat {
    if let Some(r) = TOOLS.iter().find(|r| r.opencode == Some(name)) {
        return ToolWhat::Caps(vec![r.cap]);
    }
    if name == "patch" {
        return ToolWhat::Caps(vec![Cap::Edit]);
    }
    // `srv_tool` / `srv_*` (UNCONFIRMED).
    match name.split_once('_') {
        Some((server, tool)) if !server.is_empty() && !tool.is_empty() => {
            let tool = (tool != "*").then(|| tool.to_owned());
            ToolWhat::Mcp {
                server: server.to_owned(),
                tool,
            }
        }
        _ => ToolWhat::Unknown,
    }
}

/// Writes a tool entry as OpenCode tool keys (`srv_tool` for MCP, UNCONFIRMED) [OC-AGENTS].
pub(crate) fn write(t: &ToolRef) -> Vec<String> {
    match &t.what {
        ToolWhat::Caps(caps) => caps
            .iter()
            .filter_map(|c| row(*c).opencode.map(str::to_owned))
            .collect(),
        ToolWhat::Mcp {
            server,
            tool: Some(tool),
        } => vec![format!("{server}_{tool}")],
        ToolWhat::Mcp { server, tool: None } => vec![format!("{server}_*")],
        ToolWhat::Unknown => Vec::new(),
    }
}
