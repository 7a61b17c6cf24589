//! The neutral model every kind reads into and every kind writes from (N readers + N writers,
//! not N² converters).
//!
//! What each tool's fields mean is in the tool's module under [`crate::tools`]; the mapping
//! tables live in [`super::tables`].

use crate::document::Node;
use crate::tools::Kind;

/// When an instruction file applies .
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Activation {
    /// Always in context (Cursor `alwaysApply: true`, Windsurf `always_on`, Kiro `always`,
    /// a Claude rule without `paths`, `CLAUDE.md`, `AGENTS.md`).
    Always,
    /// When a file matching one of the glob patterns is in context (patterns split brace-aware,
    /// without quotes).
    Globs(Vec<String>),
    /// The model decides from the description (Cursor "Apply Intelligently", Windsurf
    /// `model_decision`, Kiro `auto`, a Claude skill).
    ModelDecides,
    /// Only when the user mentions it (Cursor `@rule`, Windsurf `manual`, Kiro `manual`).
    Manual,
}

/// What a tool list means in its source (`allowed-tools` pre-approves,
/// Copilot `tools` restricts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToolsMeaning {
    /// An allowlist: only these tools are available (Claude agent `tools`, Copilot `tools`,
    /// OpenCode `tools`).
    Restrict,
    /// Pre-approved tools; other tools stay available (Claude `allowed-tools`).
    PreApprove,
}

/// A neutral tool capability: one row of the.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cap {
    /// Read files (Claude `Read`).
    Read,
    /// Create files (Claude `Write`).
    Write,
    /// Edit files (Claude `Edit`, `MultiEdit`).
    Edit,
    /// Edit notebooks (Claude `NotebookEdit`).
    NotebookEdit,
    /// Search file contents (Claude `Grep`).
    Grep,
    /// Find files by name (Claude `Glob`).
    Glob,
    /// List a directory (no Claude equivalent).
    List,
    /// Run shell commands (Claude `Bash`, `PowerShell`, `Monitor`).
    Shell,
    /// Fetch a URL (Claude `WebFetch`).
    WebFetch,
    /// Search the web (Claude `WebSearch`).
    WebSearch,
    /// Run subagents (Claude `Agent`/`Task`).
    Agent,
    /// Keep a todo list (Claude `TodoWrite`, `Task*`).
    Todo,
    /// Load skills (Claude `Skill`).
    Skill,
    /// Ask the user (Claude `AskUserQuestion`).
    Ask,
    /// Language-server queries (Claude `LSP`).
    Lsp,
}

/// One entry of a tool list, with the original spelling kept for the loss report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToolRef {
    /// The entry as written in the source (`Bash(git *)`, `search/codebase`, `mcp__gh__x`).
    pub original: String,
    /// What it means.
    pub what: ToolWhat,
    /// A rule specifier (`git *` in `Bash(git *)`, `a, b` in `Agent(a, b)`), if any.
    pub specifier: Option<String>,
}

/// The meaning of a tool entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ToolWhat {
    /// Built-in capabilities (Copilot `edit` means `Edit`, `Write` and `NotebookEdit`).
    Caps(Vec<Cap>),
    /// An MCP server's tool, or the whole server when `tool` is `None`.
    Mcp {
        /// Server name.
        server: String,
        /// Tool name; `None` for every tool of the server.
        tool: Option<String>,
    },
    /// Not in the tool-name table: dropped with a warning when converted.
    Unknown,
}

impl ToolWhat {
    /// Whether this is the subagent tool alone (Claude `Agent`, Copilot `agent`), whose
    /// specifier names the subagents it may start (`Agent(a, b)`, Copilot `agents: [a, b]`).
    #[must_use]
    pub fn is_agent(&self) -> bool {
        *self == Self::Caps(vec![Cap::Agent])
    }
}

/// A model reference: the source tool's spelling .
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelRef {
    /// The tool whose vocabulary `id` is in.
    pub tool: crate::tools::Tool,
    /// The value as written (`opus`, `claude-opus-4-8[effort=high]`, `GPT-5 (copilot)`).
    pub id: String,
}

/// A reference to the command's arguments .
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// All arguments (`$ARGUMENTS`, `{{args}}`, `${input:args}`).
    All,
    /// A positional argument, 0-based.
    Index(u32),
    /// A Claude `$N` as written; its base (0 since v2.1.19, 1 before) is decided when writing,
    /// from [`super::ConvertOptions::claude_arg_base`] .
    Claude(u32),
    /// A named argument (`$name` with `arguments:`, `${input:name}`).
    Named(String),
}

/// A piece of a prompt body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal markdown.
    Text(String),
    /// An argument placeholder.
    Arg(Arg),
    /// Shell output injected before the prompt is sent (`` !`cmd` ``, `!{cmd}`): the command
    /// as [`Piece::Text`] and the [`Piece::Arg`]s inside it (`` !`gh pr diff $ARGUMENTS` ``),
    /// so that a target writes its own argument syntax there too.
    Shell(Vec<Piece>),
    /// File content injected (`@path`, `@{path}`); Copilot writes a link instead.
    File(String),
    /// A Claude environment value (`${CLAUDE_PROJECT_DIR}`), by name.
    Env(String),
}

/// Where a source field went in the neutral model.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    /// [`Model::name`].
    Name,
    /// [`Model::description`].
    Description,
    /// [`Model::body`] (the markdown body, or a TOML `prompt`).
    Body,
    /// [`Model::activation`].
    Activation,
    /// [`Model::tools`].
    Tools,
    /// [`Model::disallowed`].
    Disallowed,
    /// [`Model::model`].
    Model,
    /// [`Model::argument_hint`].
    ArgumentHint,
    /// [`Model::arguments`].
    Arguments,
    /// [`Model::readonly`].
    Readonly,
    /// [`Model::background`].
    Background,
    /// [`Model::max_turns`].
    MaxTurns,
    /// [`Model::effort`].
    Effort,
    /// [`Model::model_invocable`].
    ModelInvocation,
    /// [`Model::permission_mode`].
    PermissionMode,
    /// [`Model::mcp_servers`].
    McpServers,
    /// A field with no neutral meaning, carried in [`Model::extra`].
    Extra(String),
}

/// A source field with no neutral meaning: kept for same-tool output, else reported.
#[derive(Clone, Debug, PartialEq)]
pub struct Extra {
    /// The key.
    pub key: String,
    /// The value as parsed.
    pub value: Node,
}

/// The neutral model of one agent file.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// The source kind.
    pub source: Kind,
    /// The source's logical path, if known.
    pub path: Option<String>,
    /// The name (`name`, else the file or directory name the tool would use).
    pub name: Option<String>,
    /// Whether `name` came from the path rather than a field.
    pub name_from_path: bool,
    /// For an `AGENTS.md`, `CLAUDE.md` or `GEMINI.md` in a sub-directory of the project, that
    /// directory (see [`super::read::nested_dir`]); its `activation` is then the glob of the
    /// files below it.
    pub nested: Option<String>,
    /// The description.
    pub description: Option<String>,
    /// The prompt body, with placeholders parsed for command-like sources.
    pub body: Vec<Piece>,
    /// The body exactly as written (line breaks normalised to `\n`), for targets that share
    /// the source's placeholder syntax.
    pub raw_body: String,
    /// When the file applies.
    pub activation: Activation,
    /// The tool list; `None` means the tool default (inherit all).
    pub tools: Option<Vec<ToolRef>>,
    /// What `tools` means.
    pub tools_meaning: ToolsMeaning,
    /// Denied tools (`disallowedTools`, OpenCode `tools: {x: false}`).
    pub disallowed: Vec<ToolRef>,
    /// The model.
    pub model: Option<ModelRef>,
    /// The argument hint (`argument-hint`).
    pub argument_hint: Option<String>,
    /// Named arguments (Claude `arguments:`).
    pub arguments: Vec<String>,
    /// Cursor `readonly`.
    pub readonly: Option<bool>,
    /// Claude `background`, Cursor `is_background`.
    pub background: Option<bool>,
    /// Claude `maxTurns`, OpenCode `maxSteps`.
    pub max_turns: Option<i64>,
    /// Claude `effort`.
    pub effort: Option<String>,
    /// `false` when only the user may invoke it (`disable-model-invocation: true`).
    pub model_invocable: Option<bool>,
    /// Claude `permissionMode`.
    pub permission_mode: Option<String>,
    /// OpenCode `permission` entries with no meaning outside OpenCode (`bash: ask`, pattern
    /// maps), as written, for the loss report; the `deny` entries are in [`Model::disallowed`].
    pub permission_other: Vec<String>,
    /// The MCP servers of a subagent (Claude `mcpServers`, Copilot `mcp-servers`, Gemini CLI
    /// `mcpServers`, Codex `mcp_servers`), in source order.
    pub mcp_servers: Vec<super::mcp::McpServer>,
    /// Fields with no neutral meaning, in source order.
    pub extra: Vec<Extra>,
    /// Every top-level source field (the body as `body`) and the slot it went to.
    pub fields: Vec<(String, Slot)>,
    /// Every top-level source entry as parsed (the last one of duplicated keys).
    pub originals: Vec<Extra>,
}

impl Model {
    /// An empty model for `source`.
    #[must_use]
    pub fn new(source: Kind) -> Self {
        Self {
            source,
            path: None,
            name: None,
            name_from_path: false,
            nested: None,
            description: None,
            body: Vec::new(),
            raw_body: String::new(),
            activation: Activation::Always,
            tools: None,
            tools_meaning: ToolsMeaning::Restrict,
            disallowed: Vec::new(),
            model: None,
            argument_hint: None,
            arguments: Vec::new(),
            readonly: None,
            background: None,
            max_turns: None,
            effort: None,
            model_invocable: None,
            permission_mode: None,
            permission_other: Vec::new(),
            mcp_servers: Vec::new(),
            extra: Vec::new(),
            fields: Vec::new(),
            originals: Vec::new(),
        }
    }

    /// The body as plain text, placeholders written in Claude syntax.
    #[must_use]
    pub fn body_text(&self) -> String {
        super::placeholders::render_claude(&self.body, 0)
    }

    /// The source field names that went to `slot`.
    #[must_use]
    pub fn fields_of(&self, slot: &Slot) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(_, s)| s == slot)
            .map(|(k, _)| k.as_str())
            .collect()
    }
}
