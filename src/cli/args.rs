//! Command-line arguments (clap derive; doc comments are the help text).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Check, format, repair and convert AI agent files (Claude Code, Cursor, Copilot, AGENTS.md,
/// Gemini CLI, OpenCode, Windsurf, Kiro).
#[derive(Debug, Parser)]
#[command(name = "agentfmt", version, about, propagate_version = true)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate agent files against their kind's schema and rules.
    Check(CheckArgs),
    /// Format agent files in place: encoding, front matter, markdown (never changing what they
    /// mean).
    Fmt(RewriteArgs),
    /// Convert agent files to other tools' formats and layouts, with a loss report.
    Convert(ConvertArgs),
    /// Keep every target tool's files in step with the source files (`[sync]` in
    /// agentfmt.toml): generate what changed, delete what lost its source, keep hand edits.
    Sync(SyncArgs),
    /// Repair encoding damage only (mojibake, a BOM that went through the damage) in place.
    Repair(RewriteArgs),
    /// Print the documentation of a rule (by code or name), or list all rules.
    Rule(RuleArgs),
    /// Run the language server on stdin and stdout (diagnostics, fixes, formatting, hover,
    /// completion) for editors.
    Lsp,
    /// Show what each tool loads into the model's context from the project, at session start
    /// and on demand, with token counts; exit 1 when a tool is over its budget.
    Context(ContextArgs),
    /// Print the JSON Schema (draft 2020-12) of a kind's front matter or TOML table.
    Schema(SchemaArgs),
    /// Print a shell completion script (`agentfmt completions bash > ...`).
    Completions(CompletionsArgs),
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// The kind, e.g. `claude-agent` or `cursor-rule`.
    #[arg(value_parser = parse_kind)]
    pub kind: agentfmt::tools::Kind,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ContextArgs {
    /// The project directory (default: the current directory).
    pub path: Option<PathBuf>,
    /// Only this tool (repeatable; default: every tool with files in the project).
    #[arg(long, value_name = "TOOL", value_parser = parse_context_tool)]
    pub tool: Vec<agentfmt::context::Tool>,
    /// The directory a session starts in, relative to the project (default: its root).
    #[arg(long, value_name = "DIR")]
    pub cwd: Option<String>,
    /// The most tokens a tool may load at session start, `TOOL=TOKENS` (repeatable; overrides
    /// `[context.budget]` in agentfmt.toml).
    #[arg(long, value_name = "TOOL=TOKENS", value_parser = parse_budget)]
    pub budget: Vec<(agentfmt::context::Tool, usize)>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ContextFormat::Human)]
    pub output_format: ContextFormat,
    /// Use this configuration file instead of searching for `agentfmt.toml`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore any `agentfmt.toml`.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ContextFormat {
    /// A table per tool.
    Human,
    /// One JSON object: tools, items, totals and budgets.
    Json,
}

fn parse_context_tool(s: &str) -> Result<agentfmt::context::Tool, String> {
    agentfmt::context::Tool::parse(s).ok_or_else(|| {
        let all: Vec<&str> = agentfmt::context::Tool::ALL
            .iter()
            .map(|t| t.as_str())
            .collect();
        match agentfmt::diagnostic::did_you_mean(s, &all) {
            Some(m) => format!("unknown tool `{s}`; did you mean `{m}`?"),
            None => format!("unknown tool `{s}`; expected one of: {}", all.join(", ")),
        }
    })
}

fn parse_budget(s: &str) -> Result<(agentfmt::context::Tool, usize), String> {
    let (tool, n) = s
        .split_once('=')
        .ok_or_else(|| format!("expected TOOL=TOKENS, got `{s}`"))?;
    let n = n
        .replace('_', "")
        .parse::<usize>()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{n}` is not a positive number of tokens"))?;
    Ok((parse_context_tool(tool)?, n))
}

/// Options shared by every command that reads files.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Files or directories (default: the current directory). `-` reads standard input.
    /// Directories are walked for agent files (honouring .gitignore, skipping .git and
    /// node_modules); files given explicitly are always read.
    pub paths: Vec<PathBuf>,
    /// Treat every input as this kind (for stdin and odd names such as `*.txt`).
    #[arg(long, value_name = "KIND", value_parser = parse_kind)]
    pub kind: Option<agentfmt::tools::Kind>,
    /// The logical path of standard input (decides its kind and appears in output).
    #[arg(long, value_name = "PATH")]
    pub stdin_filepath: Option<String>,
    /// Use this configuration file instead of searching for `agentfmt.toml`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore any `agentfmt.toml`.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub output_format: OutputFormat,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Apply the safe fixes of the diagnostics in place, then report what remains.
    #[arg(long)]
    pub fix: bool,
    /// With `--fix` or `--diff`: apply the unsafe fixes too (a renamed key, a changed value:
    /// review the result). Without them: count unsafe fixes as available.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Write nothing; print a unified diff of the fixes `--fix` would apply, and exit 1 if any.
    #[arg(long)]
    pub diff: bool,
    /// Report only these rules: codes (`AF105`), code prefixes (`AF1`), names
    /// (`unknown-key`) or `ALL`; comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Option<Vec<String>>,
    /// Report these rules in addition to `--select` (or to every rule).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub extend_select: Vec<String>,
    /// Never report these rules (wins over `--select`).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Print the number of diagnostics per rule instead of the diagnostics.
    #[arg(long)]
    pub statistics: bool,
    /// Print the diagnostics only: no summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// Exit 0 even when diagnostics are found (2 still means agentfmt itself failed).
    #[arg(long)]
    pub exit_zero: bool,
    /// Check again whenever an input changes (Ctrl-C stops).
    #[arg(long, conflicts_with = "diff")]
    pub watch: bool,
}

/// Options of the commands that rewrite files (`fmt`, `repair`).
#[derive(Debug, clap::Args)]
pub struct RewriteArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write nothing; list the files that would change and exit 1 if any would.
    #[arg(long)]
    pub check: bool,
    /// Write nothing; print a unified diff of every change and exit 1 if any.
    #[arg(long)]
    pub diff: bool,
    /// When to colour the diff.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Targets: tools or explicit kinds (e.g. copilot-prompt), comma-separated
    /// (`cursor,copilot`).
    #[arg(long, long_help = targets_help())]
    pub to: String,
    /// Output directory (default: the current directory, the project root).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Overwrite files that agentfmt did not generate.
    #[arg(long)]
    pub force: bool,
    /// Write nothing; print a unified diff of every file that would be created or changed.
    #[arg(long)]
    pub dry_run: bool,
    /// Treat every loss (a field not carried over exactly, or a file the target has no kind
    /// for) as an error: exit 1. Without it losses are warnings, and the exit code is 1 only
    /// for a generated file that fails `check` or two inputs writing the same file.
    #[arg(long)]
    pub strict: bool,
    /// Whether Claude `$1` means the first argument (1, files before Claude Code 2.1.19) or the
    /// second (0, the current numbering).
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u8).range(0..=1))]
    pub claude_arg_base: u8,
    /// Cut a body over the target's documented size limit (Copilot custom agents: 30,000
    /// characters) after the last markdown block that fits. Without it the body is kept whole
    /// and reported.
    #[arg(long)]
    pub fit_limits: bool,
    /// When to colour the diff.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, clap::Args)]
pub struct SyncArgs {
    /// Write nothing; list every generated file that is missing, stale, orphaned or edited by
    /// hand, and exit 1 if any is.
    #[arg(long, conflicts_with = "adopt")]
    pub check: bool,
    /// Write nothing; print a unified diff of every change sync would make, and exit 1 if any.
    #[arg(long, conflicts_with = "adopt")]
    pub diff: bool,
    /// Carry hand edits of generated files back into their source files (converted in the
    /// other direction, with the same loss report), then sync.
    #[arg(long)]
    pub adopt: bool,
    /// Overwrite generated files edited by hand and files agentfmt did not generate; delete
    /// orphaned files edited by hand.
    #[arg(long)]
    pub force: bool,
    /// Treat every loss (a field not carried over exactly, a kind a target lacks) as an error.
    #[arg(long)]
    pub strict: bool,
    /// Cut bodies over a target's documented size limit (see `convert --fit-limits`).
    #[arg(long)]
    pub fit_limits: bool,
    /// Write a `[sync]` table to agentfmt.toml (created if missing) and exit.
    #[arg(long, requires = "targets")]
    pub init: bool,
    /// With `--init`: the tool (or kind) whose files are the truth.
    #[arg(long, requires = "init", default_value = "claude")]
    pub source: String,
    /// With `--init`: the tools (or kinds) to generate, comma-separated.
    #[arg(long, requires = "init", value_delimiter = ',')]
    pub targets: Vec<String>,
    /// Use this configuration file instead of searching for `agentfmt.toml`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// When to colour diffs.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, clap::Args)]
pub struct RuleArgs {
    /// A rule code (`AF007`) or name (`duplicate-key`).
    pub rule: Option<String>,
    /// List every rule.
    #[arg(long, conflicts_with = "rule")]
    pub all: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// rustc-style diagnostics with source excerpts.
    Human,
    /// A JSON array of diagnostics.
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions annotations.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

fn parse_kind(s: &str) -> Result<agentfmt::tools::Kind, String> {
    s.parse().map_err(|()| {
        let all: Vec<&str> = agentfmt::tools::Kind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect();
        match agentfmt::diagnostic::did_you_mean(s, &all) {
            Some(m) => format!("unknown kind `{s}`; did you mean `{m}`?"),
            None => format!("unknown kind `{s}`; expected one of: {}", all.join(", ")),
        }
    })
}

/// The long help of `convert --to`: every tool key and kind id, from the registry.
fn targets_help() -> String {
    use agentfmt::tools::{Kind, Tool};
    let tools: Vec<&str> = Tool::ALL.iter().map(|t| t.key()).collect();
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
    format!(
        "Target: a tool ({}) or an explicit kind ({}).",
        tools.join(", "),
        kinds.join(", ")
    )
}
