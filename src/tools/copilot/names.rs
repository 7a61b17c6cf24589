//! Copilot tool names and aliases read into and written from neutral capabilities
//! [GH-AGENTS-CFG], [VSC-TOOLS], [VSC-LEGACY-TOOLS].

use crate::convert::model::{Cap, ToolRef, ToolWhat};
use crate::convert::tables::{TOOLS, row};

/// Copilot aliases read back ([GH-AGENTS-CFG]):
/// `edit` → `Edit, Write, NotebookEdit`, `search` → `Grep, Glob`, `web` → `WebFetch, WebSearch`.
static COPILOT_ALIASES: &[(&str, &[Cap])] = &[
    ("read", &[Cap::Read]),
    ("edit", &[Cap::Edit, Cap::Write, Cap::NotebookEdit]),
    ("search", &[Cap::Grep, Cap::Glob]),
    ("execute", &[Cap::Shell]),
    ("shell", &[Cap::Shell]),
    ("powershell", &[Cap::Shell]),
    ("web", &[Cap::WebFetch, Cap::WebSearch]),
    ("agent", &[Cap::Agent]),
    ("custom-agent", &[Cap::Agent]),
    ("todo", &[Cap::Todo]),
];

/// VS Code tool-set prefixes read back by prefix .
static VSCODE_PREFIXES: &[(&str, &[Cap])] = &[
    ("read/", &[Cap::Read]),
    ("edit/", &[Cap::Edit, Cap::Write]),
    ("search/", &[Cap::Grep, Cap::Glob]),
    ("execute/", &[Cap::Shell]),
    ("web/", &[Cap::WebFetch]),
    ("agent/", &[Cap::Agent]),
];

/// Namespaces of VS Code built-in tools, which are not MCP servers [VSC-TOOLS].
const VSCODE_NAMESPACES: &[&str] = &[
    "read", "edit", "search", "execute", "web", "agent", "vscode", "browser",
];

pub(crate) fn read(name: &str) -> ToolWhat {
    let lower = name.to_ascii_lowercase();
    if let Some((_, caps)) = COPILOT_ALIASES.iter().find(|(a, _)| *a == lower) {
        return ToolWhat::Caps(caps.to_vec());
    }
    // Claude names are Copilot compatibility aliases too [GH-AGENTS-CFG].
    if let ToolWhat::Caps(c) = crate::tools::claude::names::read(name) {
        return ToolWhat::Caps(c);
    }
    for r in TOOLS {
        if r.vscode.contains(&name) || r.legacy.contains(&name) {
            return ToolWhat::Caps(vec![r.cap]);
        }
    }
    if let Some((_, caps)) = VSCODE_PREFIXES.iter().find(|(p, _)| name.starts_with(p)) {
        return ToolWhat::Caps(caps.to_vec());
    }
    if name == "codebase" {
        // community rename `codebase` → `search/codebase` [VSC-LEGACY-TOOLS]
        return ToolWhat::Caps(vec![Cap::Grep, Cap::Glob]);
    }
    match name.split_once('/') {
        Some((server, tool))
            if !server.is_empty()
                && !server.contains('.')
                && !VSCODE_NAMESPACES.contains(&server)
                && !tool.is_empty() =>
        {
            let tool = (tool != "*").then(|| tool.to_owned());
            ToolWhat::Mcp {
                server: server.to_owned(),
                tool,
            }
        }
        _ => ToolWhat::Unknown,
    }
}

/// Writes a tool entry as Copilot aliases (`srv/tool` for MCP) [GH-AGENTS-CFG].
pub(crate) fn write(t: &ToolRef) -> Vec<String> {
    match &t.what {
        ToolWhat::Caps(caps) => caps
            .iter()
            .filter_map(|c| row(*c).copilot.map(str::to_owned))
            .collect(),
        ToolWhat::Mcp {
            server,
            tool: Some(tool),
        } => vec![format!("{server}/{tool}")],
        ToolWhat::Mcp { server, tool: None } => vec![format!("{server}/*")],
        ToolWhat::Unknown => Vec::new(),
    }
}
