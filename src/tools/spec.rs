//! The shapes of the facts each tool module declares: a [`ToolSpec`] per tool, a
//! [`KindSpec`] per kind.

use super::{Kind, Tool};

/// The facts of one tool.
#[derive(Debug)]
pub struct ToolSpec {
    /// The kebab-case id used on the command line and in output (`claude`, `agents-md`).
    pub key: &'static str,
    /// The tool's product name (`Claude Code`).
    pub name: &'static str,
    /// The kind `convert --to <tool>` writes for a source of each role; a role missing here
    /// is one the tool cannot hold.
    pub targets: &'static [(Role, Kind)],
    /// Where the tool reads Agent Skills (`.cursor/skills`), when it does; a converted skill
    /// goes to `<dir>/<name>/SKILL.md`. `None`: `.claude/skills`.
    pub skill_dir: Option<&'static str>,
    /// The tool that replaced this one, when it was renamed or retired: its files are then
    /// the successor's legacy kinds (Windsurf's, read by Devin Desktop).
    pub successor: Option<Tool>,
    /// Source tags of the tool's documentation, resolved in `schemas/sources.json`.
    pub sources: &'static [&'static str],
    /// The front-matter keys the tool reads in an Agent Skill; empty: every key (Claude
    /// Code's full set).
    pub skill_keys: &'static [&'static str],
    /// How the tool spells a model, for the model table.
    pub models: ModelIds,
    /// Other tools whose files this tool reads as they are (Kiro CLI reads Kiro's steering
    /// files): converting for it writes those tools' kinds, once for both.
    pub shares: &'static [Tool],
    /// Kinds of other tools this tool reads too, beyond the ones it is converted to
    /// (Claude Code reads `AGENTS.md` when a project has no `CLAUDE.md`).
    pub reads: &'static [Kind],
}

impl ToolSpec {
    /// A base for the tool constants: no targets, no skills, no model table.
    pub const BASE: ToolSpec = ToolSpec {
        key: "",
        name: "",
        targets: &[],
        skill_dir: None,
        successor: None,
        sources: &[],
        skill_keys: &[],
        models: ModelIds::Unmapped,
        shares: &[],
        reads: &[],
    };
}

/// How a tool spells a model, which decides what the model table can map to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelIds {
    /// Anthropic's model ids (`claude-opus-4-5`), and aliases of the tool's own.
    Claude,
    /// GitHub Copilot's display names (`Claude Opus 4.5 (copilot)`).
    CopilotNames,
    /// `provider/model-id` (`anthropic/claude-opus-4-5`), as OpenCode and its forks write.
    ProviderPrefixed,
    /// The tool's own vocabulary, which the model table does not map.
    Unmapped,
}

/// The facts of one kind.
#[derive(Debug)]
pub struct KindSpec {
    /// The kebab-case id used on the command line, in schemas and in output.
    pub id: &'static str,
    /// The tool that reads it.
    pub tool: Tool,
    /// A one-line description (`Claude Code subagent (`.claude/agents/*.md`)`).
    pub describe: &'static str,
    /// What the file is for.
    pub role: Role,
    /// How the tool reads the front matter.
    pub dialect: Dialect,
    /// The key that holds the prompt when the file is TOML (`prompt`); `None` for markdown,
    /// whose prompt is the body.
    pub toml_prompt_key: Option<&'static str>,
    /// Whether the kind is plain markdown with no front matter by specification.
    pub no_front_matter: bool,
    /// The placeholder syntax of the body.
    pub placeholders: Placeholders,
    /// Whether a file of this kind may sit in any directory of the project and then applies
    /// to the files below it (`AGENTS.md`).
    pub nests: bool,
    /// Whether several rules and instruction files merge into this one file as sections
    /// (`convert --to agents-md` writes one `AGENTS.md`).
    pub merges: bool,
    /// How a path is recognised as this kind, strongest first (see [`detect`]).
    pub paths: &'static [PathRule],
    /// Whether a `README.md` where [`PathRule::Dir`] would match documents the files instead
    /// of being one (VS Code reads only `*.prompt.md` in `.github/prompts/`).
    pub readme_is_docs: bool,
    /// Where a converted file goes, relative to the project root; `{name}` is the file-name
    /// stem (a slug).
    pub write_path: &'static str,
    /// The JSON Schema (draft 2020-12) of the front matter, `schemas/<id>.schema.json`.
    pub schema: &'static str,
    /// The key that holds the kind's globs (`paths`, `applyTo`), checked by `glob-format`;
    /// `None` when it has none.
    pub glob_key: Option<&'static str>,
    /// For a legacy kind (a file a renamed tool used to read), the kind that replaces it,
    /// which `fmt` and `sync` can migrate to.
    pub replaced_by: Option<Kind>,
}

impl KindSpec {
    /// A base for the kind constants: a markdown file with YAML front matter, no
    /// placeholders, not nesting, recognised by no path.
    pub const BASE: KindSpec = KindSpec {
        id: "",
        tool: Tool::AgentsMd,
        describe: "",
        role: Role::Memory,
        dialect: Dialect::Yaml,
        toml_prompt_key: None,
        no_front_matter: false,
        placeholders: Placeholders::Prose,
        nests: false,
        merges: false,
        paths: &[],
        readme_is_docs: false,
        write_path: "",
        schema: "",
        glob_key: None,
        replaced_by: None,
    };
}

/// What a kind is for; decides which kind a conversion to another tool writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// A subagent or custom agent (its own prompt, tools and model).
    Agent,
    /// A slash command or prompt file, run by the user.
    Command,
    /// An Agent Skill (`SKILL.md`), loaded by the model when relevant.
    Skill,
    /// A rule or scoped instructions, loaded by activation.
    Rule,
    /// An always-loaded instructions file (`AGENTS.md`, `CLAUDE.md`).
    Memory,
}

/// How a tool reads the front matter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// Strict YAML (Copilot, OpenCode, Kiro, ...).
    Yaml,
    /// Claude Code: YAML, but unquoted descriptions with `: ` and `<example>` blocks are read
    /// as plain text [CC-CHANGELOG].
    ClaudeLenient,
    /// Cursor `.mdc`: `key: value` lines, `globs` taken as raw text [CUR-RULES].
    CursorRaw,
    /// Strict YAML, except that the glob key is taken as raw text: Windsurf and Devin Desktop
    /// rules, whose documentation writes `globs: **/*.test.ts` bare [DEVIN-LLMS-3P].
    YamlRawGlobs,
    /// No front matter expected (TOML or plain markdown files).
    None,
}

/// The placeholder syntax of a kind's body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placeholders {
    /// Claude Code commands and skills: `$ARGUMENTS`, `$N`, `$name`, `` !`cmd` ``, `@path`.
    Claude,
    /// Copilot prompt files: `${input:name}`, Markdown links to files.
    Copilot,
    /// Gemini CLI TOML commands: `{{args}}`, `!{cmd}`, `@{path}`.
    Gemini,
    /// OpenCode commands (UNCONFIRMED): `$ARGUMENTS`, 1-based `$N`, `` !`cmd` ``, `@path`.
    Opencode,
    /// No substitution (agents, rules, Cursor commands): placeholders become prose.
    Prose,
}

/// One way a path is recognised as a kind. Names and suffixes compare ASCII-case-insensitively;
/// directories exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathRule {
    /// The file name (`CLAUDE.md`).
    Name(&'static str),
    /// The end of the path, `/`-separated, compared ASCII-case-insensitively
    /// (`.junie/guidelines.md`); tried before [`PathRule::Name`].
    Path(&'static str),
    /// The end of the file name (`.mdc`, `.prompt.md`).
    Suffix(&'static str),
    /// A `.md` file anywhere below these two consecutive directories (`.claude`, `agents`).
    /// When several match, the innermost pair wins.
    Dir(&'static str, &'static str),
    /// A `.toml` file anywhere below these two consecutive directories.
    TomlDir(&'static str, &'static str),
    /// A `.toml` file anywhere below a directory of this name (weak).
    TomlAnyDir(&'static str),
    /// A `.md` file anywhere below a directory of this name (weak: plugins' `agents/`).
    AnyDir(&'static str),
    /// A `.md` file whose parent directory has this name (weakest).
    Parent(&'static str),
}
