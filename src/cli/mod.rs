//! The command line: arguments, file discovery and output. The only place (with `main.rs`)
//! that touches the file system, stdout or exit codes.

mod args;
mod check;
mod context;
mod convert;
mod diff;
mod files;
mod lsp;
mod rewrite;
mod rule;
mod sync;
mod walk;
mod write;

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

pub use args::Args;
use args::{ColorChoice, Command};

use agentfmt::config::Config;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing to report (exit 0).
    Success,
    /// Problems found, or files would change (exit 1).
    Failure,
    /// agentfmt itself failed on some input, e.g. an unreadable file (exit 2).
    Error,
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(s: ExitStatus) -> Self {
        match s {
            ExitStatus::Success => Self::SUCCESS,
            ExitStatus::Failure => Self::from(1),
            ExitStatus::Error => Self::from(2),
        }
    }
}

/// Whether an error is a closed stdout (`agentfmt check | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs the parsed command line.
pub fn run(args: Args) -> anyhow::Result<ExitStatus> {
    match args.command {
        Command::Check(a) => check::run(&a),
        Command::Fmt(a) => {
            let (config, root) = load_config(a.input.config.as_deref(), a.input.no_config)?;
            let opts = fmt_options(&config);
            rewrite::run(&a, &config, &root, "reformat", false, &|doc| {
                let f = agentfmt::fmt::fmt(doc, &opts);
                (f.changed.then_some(f.text), f.diagnostics)
            })
        }
        Command::Convert(a) => convert::run(&a),
        Command::Sync(a) => sync::run(&a),
        Command::Repair(a) => {
            let (config, root) = load_config(a.input.config.as_deref(), a.input.no_config)?;
            rewrite::run(&a, &config, &root, "repair", true, &|doc| {
                let repaired = agentfmt::repair::repair(doc.text());
                // A UTF-16 or legacy code page file is written as UTF-8 even without damage:
                // reading it in the wrong encoding is the damage this command is for.
                let reencode = !matches!(
                    doc.source.encoding,
                    agentfmt::source::Encoding::Utf8 | agentfmt::source::Encoding::Utf8Bom
                );
                let changed = !repaired.fixes.is_empty() || reencode;
                // Guessed bytes are said out loud, with the other candidates.
                let guessed: Vec<agentfmt::repair::Fix> = repaired
                    .fixes
                    .iter()
                    .filter(|f| !f.alternatives.is_empty())
                    .cloned()
                    .collect();
                let notes = agentfmt::rules::mojibake::for_fixes(doc, &guessed);
                (changed.then_some(repaired.text), notes)
            })
        }
        Command::Rule(a) => rule::run(&a),
        Command::Lsp => lsp::run(),
        Command::Context(a) => context::run(&a),
        Command::Schema(a) => {
            let mut out = std::io::stdout().lock();
            std::io::Write::write_all(&mut out, agentfmt::schema::schema_text(a.kind).as_bytes())?;
            Ok(ExitStatus::Success)
        }
        Command::Completions(a) => {
            let mut cmd = <Args as clap::CommandFactory>::command();
            clap_complete::generate(a.shell, &mut cmd, "agentfmt", &mut std::io::stdout());
            Ok(ExitStatus::Success)
        }
    }
}

/// The fmt options `agentfmt.toml` asks for (`[fmt] newline` and `tables`; encoding repair
/// always on).
pub(crate) fn fmt_options(config: &Config) -> agentfmt::fmt::FmtOptions {
    agentfmt::fmt::FmtOptions {
        newline: match config.newline.as_deref() {
            Some("crlf") => agentfmt::fmt::NewlineStyle::CrLf,
            Some("keep") => agentfmt::fmt::NewlineStyle::Keep,
            _ => agentfmt::fmt::NewlineStyle::Lf,
        },
        repair_encoding: true,
        tables: match config.tables.as_deref() {
            Some("aligned") => agentfmt::fmt::TableStyle::Aligned,
            Some("keep") => agentfmt::fmt::TableStyle::Keep,
            _ => agentfmt::fmt::TableStyle::Compact,
        },
    }
}

/// Whether to colour output on stdout.
pub(crate) fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
        }
    }
}

/// Loads `agentfmt.toml`: the `--config` file, else the first one found walking up from the
/// current directory. Returns the config and the directory it applies to.
pub(crate) fn load_config(
    explicit: Option<&Path>,
    disabled: bool,
) -> anyhow::Result<(Config, PathBuf)> {
    let cwd = std::env::current_dir()?;
    if disabled {
        return Ok((Config::default(), cwd));
    }
    let found = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => cwd
            .ancestors()
            .map(|d| d.join("agentfmt.toml"))
            .find(|p| p.is_file()),
    };
    let Some(path) = found else {
        return Ok((Config::default(), cwd));
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    let config = Config::parse(&text).map_err(|e| {
        let at = e.span.as_ref().map(|r| {
            let line = text[..r.start.min(text.len())].matches('\n').count() + 1;
            let col = text[..r.start.min(text.len())]
                .rsplit('\n')
                .next()
                .map_or(0, |l| l.chars().count())
                + 1;
            format!(":{line}:{col}")
        });
        anyhow::anyhow!(
            "{}{}: {}",
            path.display(),
            at.unwrap_or_default(),
            e.message
        )
    })?;
    let root = path.parent().map_or(cwd, Path::to_path_buf);
    Ok((config, root))
}
