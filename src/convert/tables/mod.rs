//! The mapping tables of formats.md §6: tool names (§6.1) here, models (§6.2, §6.3) and
//! activation wording (§6.5) in [`models`]. Every row cites its source tag.

use super::model::{Cap, ToolRef, ToolWhat};
use crate::kind::Tool;

mod models;
pub use models::{activation_words, map_model};

/// One row of the formats.md §6.1 tool table [CC-TOOLS], [GH-AGENTS-CFG], [VSC-TOOLS],
/// [VSC-LEGACY-TOOLS], [GEM-TOOLS], [OC-AGENTS], [CUR-SUB].
pub struct ToolRow {
    /// The neutral capability.
    pub cap: Cap,
    /// Claude Code names; the first is written.
    pub claude: &'static [&'static str],
    /// Copilot alias (GitHub + VS Code), if any.
    pub copilot: Option<&'static str>,
    /// VS Code namespaced tool names (2026).
    pub vscode: &'static [&'static str],
    /// VS Code legacy flat names (2025).
    pub legacy: &'static [&'static str],
    /// Gemini CLI names (UNCONFIRMED exact set).
    pub gemini: &'static [&'static str],
    /// OpenCode tool key.
    pub opencode: Option<&'static str>,
    /// Whether a Cursor `readonly: true` subagent keeps it (formats.md §6.1 last column).
    pub cursor_readonly_ok: bool,
}

macro_rules! row {
    ($cap:ident, [$($c:literal),*], $cp:expr, [$($v:literal),*], [$($l:literal),*], [$($g:literal),*], $oc:expr, $ro:expr) => {
        ToolRow { cap: Cap::$cap, claude: &[$($c),*], copilot: $cp, vscode: &[$($v),*], legacy: &[$($l),*], gemini: &[$($g),*], opencode: $oc, cursor_readonly_ok: $ro }
    };
}

/// The OpenCode `permission` map written for each Claude `permissionMode` (formats.md §6.2
/// OpenCode column: `plan` → `{edit: deny, bash: ask}`, `acceptEdits` → `{edit: allow}`,
/// `bypassPermissions` → all `allow`, `default` → `ask`), and read back as that mode.
pub const OPENCODE_PERMISSION_PRESETS: &[(&str, &[(&str, &str)])] = &[
    ("plan", &[("edit", "deny"), ("bash", "ask")]),
    ("acceptEdits", &[("edit", "allow")]),
    (
        "bypassPermissions",
        &[("edit", "allow"), ("bash", "allow"), ("webfetch", "allow")],
    ),
    ("default", &[("edit", "ask"), ("bash", "ask")]),
];

/// The formats.md §6.1 table.
pub static TOOLS: &[ToolRow] = &[
    row!(
        Read,
        ["Read", "NotebookRead"],
        Some("read"),
        ["read/readFile"],
        [],
        ["read_file", "read_many_files"],
        Some("read"),
        true
    ),
    row!(
        Write,
        ["Write"],
        Some("edit"),
        ["edit/createFile"],
        [],
        ["write_file"],
        Some("write"),
        false
    ),
    row!(
        Edit,
        ["Edit", "MultiEdit"],
        Some("edit"),
        ["edit/editFiles"],
        ["editFiles"],
        ["replace"],
        Some("edit"),
        false
    ),
    row!(
        NotebookEdit,
        ["NotebookEdit"],
        Some("edit"),
        ["edit/editNotebook"],
        ["runNotebooks", "notebooks"],
        [],
        None,
        false
    ),
    row!(
        Grep,
        ["Grep"],
        Some("search"),
        ["search/textSearch"],
        [],
        ["grep_search", "search_file_content"],
        Some("grep"),
        true
    ),
    row!(
        Glob,
        ["Glob"],
        Some("search"),
        ["search/fileSearch"],
        [],
        ["glob"],
        Some("glob"),
        true
    ),
    row!(
        List,
        ["LS"],
        Some("search"),
        ["search/listDirectory"],
        [],
        ["list_directory"],
        Some("list"),
        true
    ),
    row!(
        Shell,
        ["Bash", "PowerShell", "Monitor"],
        Some("execute"),
        ["execute/runInTerminal", "execute/getTerminalOutput"],
        ["runCommands", "runInTerminal"],
        ["run_shell_command"],
        Some("bash"),
        true
    ),
    row!(
        WebFetch,
        ["WebFetch"],
        Some("web"),
        ["web/fetch"],
        ["fetch"],
        ["web_fetch"],
        Some("webfetch"),
        true
    ),
    row!(
        WebSearch,
        ["WebSearch"],
        Some("web"),
        [],
        [],
        ["google_web_search"],
        Some("websearch"),
        true
    ),
    row!(
        Agent,
        ["Agent", "Task"],
        Some("agent"),
        ["agent/runSubagent"],
        [],
        [],
        Some("task"),
        true
    ),
    row!(
        Todo,
        [
            "TodoWrite",
            "TaskCreate",
            "TaskGet",
            "TaskList",
            "TaskUpdate"
        ],
        Some("todo"),
        ["todos"],
        ["todos"],
        ["write_todos"],
        Some("todowrite"),
        true
    ),
    row!(
        Skill,
        ["Skill"],
        None,
        [],
        [],
        ["activate_skill"],
        Some("skill"),
        true
    ),
    row!(
        Ask,
        ["AskUserQuestion"],
        None,
        ["vscode/askQuestions"],
        [],
        [],
        None,
        true
    ),
    row!(
        Lsp,
        ["LSP"],
        None,
        ["search/usages", "read/problems"],
        ["usages", "problems"],
        [],
        None,
        true
    ),
];

/// The row of capability `cap`.
#[must_use]
pub fn row(cap: Cap) -> &'static ToolRow {
    TOOLS
        .iter()
        .find(|r| r.cap == cap)
        .expect("every Cap has a row")
}

/// Copilot aliases read back (formats.md §6.1 "Reverse direction", [GH-AGENTS-CFG]):
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

/// VS Code tool-set prefixes read back by prefix (formats.md §6.3 "Copilot `tools`").
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

/// Splits `Tool(spec)` into the tool name and the specifier.
fn split_rule(s: &str) -> (&str, Option<String>) {
    match (s.find('('), s.ends_with(')')) {
        (Some(i), true) => (s[..i].trim(), Some(s[i + 1..s.len() - 1].trim().to_owned())),
        _ => (s, None),
    }
}

/// Reads one tool entry in `tool`'s vocabulary.
#[must_use]
pub fn read_tool(tool: Tool, entry: &str) -> ToolRef {
    let entry = entry.trim();
    let (name, specifier) = split_rule(entry);
    let what = match tool {
        Tool::Claude => read_claude(name),
        Tool::Copilot => read_copilot(name),
        Tool::Opencode => read_opencode(name),
        Tool::Gemini => read_gemini(name),
        _ => ToolWhat::Unknown,
    };
    ToolRef {
        original: entry.to_owned(),
        what,
        specifier,
    }
}

fn read_claude(name: &str) -> ToolWhat {
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

fn read_copilot(name: &str) -> ToolWhat {
    let lower = name.to_ascii_lowercase();
    if let Some((_, caps)) = COPILOT_ALIASES.iter().find(|(a, _)| *a == lower) {
        return ToolWhat::Caps(caps.to_vec());
    }
    // Claude names are Copilot compatibility aliases too [GH-AGENTS-CFG].
    if let ToolWhat::Caps(c) = read_claude(name) {
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

fn read_opencode(name: &str) -> ToolWhat {
    if let Some(r) = TOOLS.iter().find(|r| r.opencode == Some(name)) {
        return ToolWhat::Caps(vec![r.cap]);
    }
    if name == "patch" {
        return ToolWhat::Caps(vec![Cap::Edit]);
    }
    // `srv_tool` / `srv_*` (UNCONFIRMED, formats.md §6.1).
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

fn read_gemini(name: &str) -> ToolWhat {
    if let Some(r) = TOOLS.iter().find(|r| r.gemini.contains(&name)) {
        return ToolWhat::Caps(vec![r.cap]);
    }
    // `mcp_<server>_<tool>` and `mcp_<server>_*` (formats.md §6.1 [GEM-SUB]; the server name
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
#[must_use]
pub fn gemini_names(t: &ToolRef) -> Vec<String> {
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

/// Writes a tool entry in Claude syntax; `None` when it has no Claude name.
#[must_use]
pub fn claude_names(t: &ToolRef) -> Vec<String> {
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

/// Writes a tool entry as Copilot aliases (`srv/tool` for MCP) [GH-AGENTS-CFG].
#[must_use]
pub fn copilot_names(t: &ToolRef) -> Vec<String> {
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

/// Writes a tool entry as OpenCode tool keys (`srv_tool` for MCP, UNCONFIRMED) [OC-AGENTS].
#[must_use]
pub fn opencode_names(t: &ToolRef) -> Vec<String> {
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
