//! The mapping tables: tool names here, models and activation wording in [`models`]. Every row cites its source tag.

use super::model::{Cap, ToolRef};
use crate::tools::Tool;

mod models;
pub use models::{activation_words, map_model};

/// One row of the [CC-TOOLS], [GH-AGENTS-CFG], [VSC-TOOLS],
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
    /// Whether a Cursor `readonly: true` subagent keeps it .
    pub cursor_readonly_ok: bool,
}

macro_rules! row {
    ($cap:ident, [$($c:literal),*], $cp:expr, [$($v:literal),*], [$($l:literal),*], [$($g:literal),*], $oc:expr, $ro:expr) => {
        ToolRow { cap: Cap::$cap, claude: &[$($c),*], copilot: $cp, vscode: &[$($v),*], legacy: &[$($l),*], gemini: &[$($g),*], opencode: $oc, cursor_readonly_ok: $ro }
    };
}

/// The OpenCode `permission` map written for each Claude `permissionMode` (
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

/// The.
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
    let what = crate::tools::dispatch::tool_name(tool, name);
    ToolRef {
        original: entry.to_owned(),
        what,
        specifier,
    }
}
