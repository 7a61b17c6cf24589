//! `agentfmt check` and `agentfmt rule`.

mod budget;
mod fix;
mod watch;

use std::io::Write as _;

use anyhow::Context as _;
use rayon::prelude::*;

use agentfmt::check::{self, FileReport};
use agentfmt::config::Config;
use agentfmt::diagnostic::{Diagnostic, Severity};
use agentfmt::render;
use agentfmt::rules::{self, Context, tree};
use agentfmt::span::Span;

use super::args::{CheckArgs, InputArgs, OutputFormat};
use super::walk::{self, Input};
use super::{ExitStatus, files};
use fix::{FileFix, FixMode};

/// One loaded input: its display path and bytes, or a report for why it could not be read.
pub(crate) enum Loaded {
    Bytes {
        path: String,
        logical: String,
        bytes: Vec<u8>,
    },
    Failed(FileReport, bool /* agentfmt failure (exit 2) */),
}

fn io_diag(message: String) -> Diagnostic {
    // Not a rule: agentfmt could not read the file. Reported like a diagnostic so the run goes on.
    Diagnostic {
        code: "AF000",
        rule: "io-error",
        severity: Severity::Error,
        message,
        span: Span::empty(0),
        labels: Vec::new(),
        help: None,
        fix: None,
    }
}

/// Reads one input.
pub(crate) fn load(input: &Input, args: &InputArgs) -> Loaded {
    let (path, result) = match input {
        Input::Stdin => ("-".to_owned(), files::read_stdin()),
        Input::File { path, .. } => (walk::display(path), files::read(path)),
    };
    let logical = match input {
        Input::Stdin => args.stdin_filepath.clone().unwrap_or_else(|| "-".into()),
        Input::File { .. } => path.clone(),
    };
    match result {
        Ok(bytes) => Loaded::Bytes {
            path: if path == "-" { logical.clone() } else { path },
            logical,
            bytes,
        },
        Err(e) => {
            let too_large = matches!(e, files::ReadError::TooLarge(_));
            Loaded::Failed(
                FileReport::without_text(path, io_diag(e.to_string())),
                !too_large,
            )
        }
    }
}

pub(crate) fn exists(p: &str) -> bool {
    std::path::Path::new(p).exists()
}

/// The largest file `import-chain` reads to follow imports.
const MAX_IMPORTED_BYTES: u64 = 1 << 20;

/// Reads an imported file for `import-chain`: regular files up to 1 MiB of UTF-8 text.
pub(crate) fn read_text(p: &str) -> Option<String> {
    let meta = std::fs::metadata(p).ok()?;
    if !meta.is_file() || meta.len() > MAX_IMPORTED_BYTES {
        return None;
    }
    String::from_utf8(std::fs::read(p).ok()?).ok()
}

/// Whether git ignores the file at `p` (a path relative to the current directory), for
/// `local-file-not-ignored`, asked of git itself (`git check-ignore`), so that every source of
/// ignore rules counts (`.gitignore` files, `.git/info/exclude` of the main repository from a
/// worktree, the global excludes file) and a file git tracks counts as not ignored. `None`
/// outside a git work tree or when git cannot be run.
pub(crate) fn git_ignored(p: &str) -> Option<bool> {
    let path = std::path::Path::new(p);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let status = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["check-ignore", "-q", "--"])
        .arg(path.file_name()?)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .ok()?;
    // 0: ignored; 1: not ignored; 128: not a work tree (or another fatal error).
    match status.code() {
        Some(0) => Some(true),
        Some(1) => Some(false),
        _ => None,
    }
}

/// `agentfmt check`.
pub fn run(args: &CheckArgs) -> anyhow::Result<ExitStatus> {
    let (mut config, root) =
        super::load_config(args.input.config.as_deref(), args.input.no_config)?;
    config.selection = agentfmt::config::select::Selection {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
    };
    let known: Vec<(&str, &str)> = rules::RULES
        .iter()
        .map(|r| (r.meta().code, r.meta().name))
        .collect();
    config
        .selection
        .validate(&known)
        .map_err(|e| anyhow::anyhow!(e))?;
    if args.watch {
        return watch::run(args, &config, &root);
    }
    run_once(args, &config, &root)
}

/// One `check` run over the inputs.
pub(crate) fn run_once(
    args: &CheckArgs,
    config: &Config,
    root: &std::path::Path,
) -> anyhow::Result<ExitStatus> {
    let inputs = walk::collect(&args.input.paths, config, root);
    let exists_fn: &(dyn Fn(&str) -> bool + Sync) = &exists;
    let mode = (args.fix || args.diff).then_some(FixMode {
        unsafe_fixes: args.unsafe_fixes,
        write: !args.diff,
    });
    let checked = check_inputs(&inputs, &args.input, config, exists_fn, mode);
    let tool_failed = checked
        .iter()
        .any(|c| c.failed || c.fix.write_error.is_some());
    let mut fixes: Vec<(String, FileFix)> = Vec::new();
    let mut reports = Vec::with_capacity(checked.len());
    let mut names = Vec::with_capacity(checked.len());
    let mut fixed_stdin: Vec<Vec<u8>> = Vec::new();
    let mut context_docs = Vec::new();
    for (i, mut c) in checked.into_iter().enumerate() {
        if let Some(doc) = c.context_doc.take() {
            context_docs.push((i, doc));
        }
        if let Some(bytes) = c.fix.stdout.take() {
            fixed_stdin.push(bytes);
        }
        if c.fix.applied > 0 || c.fix.write_error.is_some() {
            fixes.push((c.report.path.clone(), c.fix));
        }
        reports.push(c.report);
        names.push(c.name);
    }
    let across = budget::diagnostics(&inputs, &context_docs, config);
    drop(context_docs);
    tree_diagnostics(&inputs, &args.input, config, &mut reports, &names, across);

    let color = super::use_color(args.color);
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    let fixed: usize = fixes.iter().map(|(_, f)| f.applied).sum();
    for (path, f) in &fixes {
        if let Some(e) = &f.write_error {
            let _ = writeln!(stderr, "error: {path}: {e}");
        }
    }
    if args.diff {
        // ruff's `--diff`: the fixes only, not the diagnostics.
        for (path, f) in &fixes {
            if let Some((old, new)) = &f.diff {
                stdout.write_all(super::diff::unified(path, old, new, color).as_bytes())?;
            }
        }
        stdout.flush().context("writing to stdout")?;
        if !args.quiet {
            let _ = writeln!(
                stderr,
                "Would fix {} in {}.",
                plural(fixed, "problem"),
                plural(fixes.len(), "file")
            );
        }
        return Ok(if tool_failed {
            ExitStatus::Error
        } else if fixed > 0 && !args.exit_zero {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        });
    }

    let json = args.output_format == OutputFormat::Json;
    // `check --fix -`: the fixed text goes to stdout, the diagnostics to stderr.
    let mut diagnostics_out: Box<dyn std::io::Write> = if fixed_stdin.is_empty() {
        Box::new(std::io::stdout().lock())
    } else {
        for bytes in &fixed_stdin {
            stdout.write_all(bytes).context("writing to stdout")?;
        }
        Box::new(std::io::stderr().lock())
    };
    if args.statistics {
        fix::write_statistics(&mut diagnostics_out, &reports, args.unsafe_fixes, json)
            .context("writing to stdout")?;
    } else {
        let out = match args.output_format {
            // Human output is each report's rendering in turn: render them in parallel.
            OutputFormat::Human => reports
                .par_iter()
                .map(|r| render::human::render(std::slice::from_ref(r), color))
                .collect::<Vec<String>>()
                .concat(),
            OutputFormat::Json => render::json::render(&reports),
            OutputFormat::Sarif => render::sarif::render(&reports),
            OutputFormat::Github => render::github::render(&reports),
        };
        diagnostics_out
            .write_all(out.as_bytes())
            .context("writing to stdout")?;
    }
    diagnostics_out.flush().context("writing to stdout")?;
    drop(diagnostics_out);
    stdout.flush().context("writing to stdout")?;
    if args.output_format == OutputFormat::Human && !args.quiet {
        let _ = writeln!(stderr, "{}", render::human::summary(&reports));
        if mode.is_some() && fixed > 0 {
            let _ = writeln!(
                stderr,
                "Fixed {} in {}.",
                plural(fixed, "problem"),
                plural(fixes.len(), "file")
            );
        }
        let (safe, unsafe_only) = fix::fixable_counts(reports.iter().flat_map(|r| &r.diagnostics));
        if mode.is_none() && safe > 0 {
            let _ = writeln!(stderr, "[*] {safe} fixable with `agentfmt check --fix`.");
        }
        if unsafe_only > 0 && !args.unsafe_fixes {
            let _ = writeln!(
                stderr,
                "{} available with `--fix --unsafe-fixes` (review them).",
                plural(unsafe_only, "unsafe fix")
            );
        }
    }
    let errors = reports.iter().any(|r| r.count(Severity::Error) > 0);
    let warnings = reports.iter().any(|r| r.count(Severity::Warning) > 0);
    Ok(if tool_failed {
        ExitStatus::Error
    } else if (errors || (args.strict && warnings)) && !args.exit_zero {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// `n` and `word`, with an `s` unless `n` is 1.
fn plural(n: usize, word: &str) -> String {
    match (n, word.strip_suffix('x')) {
        (1, _) => format!("1 {word}"),
        (_, Some(stem)) => format!("{n} {stem}xes"),
        _ => format!("{n} {word}s"),
    }
}

/// One checked input.
pub(crate) struct Checked {
    pub report: FileReport,
    /// Whether agentfmt itself failed on the input (exit 2).
    pub failed: bool,
    /// What the checks across the run need of the document.
    pub name: Option<tree::TreeEntry>,
    /// What `--fix` or `--diff` did to the file.
    pub fix: FileFix,
    /// The document, kept for `context-budget` when a budget is set and a tool loads it.
    pub context_doc: Option<agentfmt::document::Document>,
}

/// Checks inputs in parallel; returns one [`Checked`] per input, in input order.
pub(crate) fn check_inputs(
    inputs: &[Input],
    args: &InputArgs,
    config: &Config,
    exists_fn: &(dyn Fn(&str) -> bool + Sync),
    mode: Option<FixMode>,
) -> Vec<Checked> {
    inputs
        .par_iter()
        .map(|input| match load(input, args) {
            Loaded::Failed(report, failed) => Checked {
                report,
                failed,
                name: None,
                fix: FileFix::default(),
                context_doc: None,
            },
            Loaded::Bytes {
                path,
                logical,
                bytes,
            } => {
                let on_disk = !matches!(input, Input::Stdin);
                let read: &agentfmt::rules::ReadFile = &read_text;
                let ignored: &agentfmt::rules::GitIgnored = &git_ignored;
                let ctx = Context {
                    file_exists: on_disk.then_some(exists_fn),
                    read_file: on_disk.then_some(read),
                    git_ignored: on_disk.then_some(ignored),
                };
                let (mut report, doc, fix) = match mode {
                    Some(mode) => {
                        fix::check_and_fix(input, &bytes, &logical, args.kind, &ctx, config, mode)
                    }
                    None => {
                        let (r, d) = check::check_bytes(&bytes, &logical, args.kind, &ctx, config);
                        (r, d, FileFix::default())
                    }
                };
                report.path = path;
                if report.diagnostics.is_empty() {
                    // Renderers read the text only to place diagnostics; a clean file's text
                    // would be held until the end of the run for nothing.
                    report.source = None;
                }
                let name = doc.as_ref().and_then(tree::entry);
                Checked {
                    report,
                    failed: false,
                    name,
                    fix,
                    context_doc: doc.filter(|d| budget::keep(config, d)),
                }
            }
        })
        .collect()
}

/// Adds the diagnostics that need every file of the run ([`tree::check`]) to `reports`
/// (one per input, in input order; `names` likewise), filtered by `config` as the per-file
/// ones are and by the file's inline suppressions. A report that was clean gets its text back
/// (read again) to place them.
fn tree_diagnostics(
    inputs: &[Input],
    args: &InputArgs,
    config: &Config,
    reports: &mut [FileReport],
    names: &[Option<tree::TreeEntry>],
    more: Vec<(usize, Diagnostic)>,
) {
    let mut by_file: std::collections::BTreeMap<usize, Vec<Diagnostic>> = Default::default();
    for (i, d) in tree::check(names).into_iter().chain(more) {
        by_file.entry(i).or_default().push(d);
    }
    for (i, found) in by_file {
        let Some(logical) = names[i]
            .as_ref()
            .map(|e| e.path().to_owned())
            .or_else(|| inputs[i].project_path())
        else {
            continue;
        };
        let logical = logical.as_str();
        let mut found = check::finish(logical, found, config);
        if found.is_empty() {
            continue;
        }
        // Read again: the file's inline suppressions apply to these too, and a report that
        // was clean needs its text back to place them.
        let report = &mut reports[i];
        if let Loaded::Bytes { bytes, logical, .. } = load(&inputs[i], args)
            && let Ok((doc, _)) = check::load(&bytes, &logical, args.kind)
        {
            check::suppress::Suppressions::parse(&doc).apply(&mut found);
            if report.source.is_none() {
                report.source = Some(doc.source);
            }
        }
        if found.is_empty() {
            continue;
        }
        // `finish` again over the whole list: it sorts and deduplicates, and re-applying the
        // configuration to diagnostics it has already passed changes nothing.
        let mut all = std::mem::take(&mut report.diagnostics);
        all.extend(found);
        report.diagnostics = check::finish(logical, all, config);
    }
}
