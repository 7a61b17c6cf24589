//! `agentfmt convert`: emit the equivalent files for another tool, with a loss report, a diff
//! preview (`--dry-run`) and safe writes (never outside the output directory, never over a file
//! agentfmt did not generate unless `--force`).

use std::collections::{BTreeMap, HashMap};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use rayon::prelude::*;

use agentfmt::check;
use agentfmt::convert::{self, ConvertOptions, Converted, LossKind, Target};
use agentfmt::diagnostic::Severity;
use agentfmt::document::Document;
use agentfmt::rules::Context;

use super::args::{ConvertArgs, InputArgs};
use super::check::{Loaded, load};
use super::{ExitStatus, walk, write};

use agentfmt::sync::manifest::{self, Entry, Manifest};

/// Inputs converted per parallel batch: the batch's documents and outputs are the most held
/// in memory at once (a whole tree would be held twice, as documents and as outputs).
const BATCH: usize = 256;

/// Loads, repairs and parses one input: its display path and document, or the message to
/// print (`error:` when agentfmt failed on it).
pub(super) fn load_doc(
    input: &walk::Input,
    args: &InputArgs,
) -> Result<(String, Document), (String, bool)> {
    match load(input, args) {
        Loaded::Failed(r, tool) => {
            let msg = r
                .diagnostics
                .first()
                .map_or_else(String::new, |d| d.message.clone());
            Err((format!("error: {}: {msg}", r.path), tool))
        }
        Loaded::Bytes {
            path,
            logical,
            bytes,
        } => match check::load(&bytes, &logical, args.kind) {
            Err(note) => Err((format!("note: {path}: {}", note.message), false)),
            Ok((doc, _)) => {
                // Convert the repaired text: the output must not carry mojibake over.
                let repaired = agentfmt::repair::repair(doc.text());
                let mut doc = if repaired.fixes.is_empty() {
                    doc
                } else {
                    let src = agentfmt::source::SourceText::from_str(&repaired.text);
                    agentfmt::document::parse(src, Some(&logical), Some(doc.kind)).doc
                };
                // Where a nested AGENTS.md, CLAUDE.md or GEMINI.md sits is relative to the
                // project root (the walked directory), as the output layout is.
                if convert::read::nests(doc.kind)
                    && let Some(p) = input.project_path()
                {
                    doc.path = Some(p);
                }
                Ok((path, doc))
            }
        },
    }
}

/// One conversion with its outputs checked as their own kinds: the `error:` lines for each
/// output (in `c.outputs` order).
fn checked(c: Converted) -> (Converted, Vec<Vec<String>>) {
    let errors = c
        .outputs
        .iter()
        .map(|out| generated_errors(&out.path, out.kind, &out.text))
        .collect();
    (c, errors)
}

/// The `error:` lines of `check` on a generated file (`path` relative, `text` as written).
/// A body over the kind's size limit is left out: the conversion reported it already, as a
/// loss that `--fit-limits` resolves.
pub(super) fn generated_errors(path: &str, kind: agentfmt::tools::Kind, text: &str) -> Vec<String> {
    let (report, _) = check::check_bytes(
        text.as_bytes(),
        path,
        Some(kind),
        &Context::default(),
        &agentfmt::config::Config::default(),
    );
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.rule != "too-long")
        .map(|d| format!("error: generated {path}: {} [{}]", d.message, d.rule))
        .collect()
}

/// How a loss is reported: an error with `--strict`, else a warning.
fn loss_level(args: &ConvertArgs) -> &'static str {
    if args.strict { "error" } else { "warning" }
}

/// What one input gave: messages for stderr, then its conversion (or none).
struct Done {
    messages: Vec<String>,
    converted: Option<(String, Converted, Vec<Vec<String>>)>,
    tool_failed: bool,
    problem: bool,
}

/// Loads and converts one input (the work that runs in parallel).
fn convert_one(
    input: &walk::Input,
    args: &ConvertArgs,
    target: Target,
    opts: &ConvertOptions,
    root: &Path,
) -> Done {
    match load_doc(input, &args.input) {
        Err((msg, tool)) => Done {
            // A file that could not be read (too large, say) printed `error:`: never exit 0.
            problem: msg.starts_with("error:"),
            messages: vec![msg],
            converted: None,
            tool_failed: tool,
        },
        Ok((path, doc)) => convert_loaded(path, file_of(input), &doc, args, target, opts, root),
    }
}

/// The file an input was read from (none for standard input).
fn file_of(input: &walk::Input) -> Option<&Path> {
    match input {
        walk::Input::File { path, .. } => Some(path),
        walk::Input::Stdin => None,
    }
}

/// Whether writing `out` would write over `input` itself.
fn is_same_file(input: &Path, out: &Path) -> bool {
    match (std::fs::canonicalize(input), std::fs::canonicalize(out)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Whether output `o` of `doc`, read from `file`, is the input already in place, which
/// `convert` leaves alone: the same file; an instruction file of its own kind, wherever it is
/// (`.claude/CLAUDE.md` is the project's CLAUDE.md already [CC-MEM], and a copy at `CLAUDE.md`
/// would load twice); or a file of the same kind already in the directory of the output's
/// layout under `root` (`.claude/agents/foo.md` with `name: bar` for `.claude/agents/bar.md`:
/// a copy would be a second subagent named `bar`).
fn in_place(file: Option<&Path>, doc: &Document, o: &convert::Output, root: &Path) -> bool {
    if o.kind == doc.kind && convert::read::nests(o.kind) {
        return true;
    }
    let Some(f) = file else {
        return false;
    };
    if is_same_file(f, &root.join(&o.path)) {
        return true;
    }
    if o.kind != doc.kind {
        return false;
    }
    // The layout directory: the output's parent, or for a skill its folder's parent.
    let out = Path::new(&o.path);
    let skill = out.file_name().is_some_and(|n| n == "SKILL.md");
    let Some(layout) = out
        .parent()
        .and_then(|p| if skill { p.parent() } else { Some(p) })
    else {
        return false;
    };
    match (
        std::fs::canonicalize(f),
        std::fs::canonicalize(root.join(layout)),
    ) {
        (Ok(src), Ok(dir)) => src.starts_with(dir),
        _ => false,
    }
}

/// Converts one loaded input, read from `file`: its conversion, or a loss message when the
/// target has no kind for it, or a note when the result would replace the input itself or is
/// an instruction file of the input's own kind (a file already in the target's own format;
/// `fmt` formats it).
fn convert_loaded(
    path: String,
    file: Option<&Path>,
    doc: &Document,
    args: &ConvertArgs,
    target: Target,
    opts: &ConvertOptions,
    root: &Path,
) -> Done {
    let mut done = Done {
        messages: Vec::new(),
        converted: None,
        tool_failed: false,
        problem: false,
    };
    match convert::convert(doc, target, opts) {
        Ok(c) => {
            if c.outputs.iter().any(|o| in_place(file, doc, o, root)) {
                done.messages.push(format!(
                    "note: {path}: already a `{}` file in place; left as it is",
                    doc.kind
                ));
                return done;
            }
            let (c, errors) = checked(c);
            done.converted = Some((path, c, errors));
        }
        Err(e) => {
            // A file the target cannot hold is a loss like any other: reported, and an
            // error only with `--strict`.
            done.problem = args.strict;
            done.messages
                .push(format!("{}: {path}: {e}; skipped", loss_level(args)));
        }
    }
    done
}

/// The serial part of a run: the loss report, duplicate outputs, and the preview or the list
/// of files to write, in input order.
struct Report<'a> {
    args: &'a ConvertArgs,
    stdout: std::io::StdoutLock<'static>,
    stderr: std::io::BufWriter<std::io::StderrLock<'static>>,
    problems: bool,
    tool_failed: bool,
    /// Output path → the input that produced it.
    seen: HashMap<String, String>,
    /// Outputs to write after every input is read (not `--dry-run`): writing while reading
    /// could overwrite an input not yet read.
    pending: BTreeMap<String, String>,
    root: PathBuf,
    /// What agentfmt generated in the output directory, so a later run may replace its own
    /// files but never a hand-written one (shared with `sync`).
    manifest: Manifest,
    /// The manifest gained entries for outputs already on disk (see `replaceable`).
    manifest_changed: bool,
    color: bool,
}

impl Report<'_> {
    /// Reports one input's result.
    fn done(&mut self, d: Done) -> anyhow::Result<()> {
        for m in &d.messages {
            writeln!(self.stderr, "{m}")?;
        }
        self.tool_failed |= d.tool_failed;
        self.problems |= d.problem;
        if let Some((path, c, errors)) = d.converted {
            self.converted(&path, c, errors)?;
        }
        Ok(())
    }

    fn converted(
        &mut self,
        source: &str,
        c: Converted,
        errors: Vec<Vec<String>>,
    ) -> anyhow::Result<()> {
        writeln!(
            self.stderr,
            "{source}: kept {}, translated {}, dropped {}",
            c.kept.len(),
            c.translated.len(),
            c.dropped.len()
        )?;
        for loss in &c.losses {
            let level = match &loss.what {
                LossKind::Dropped | LossKind::Approximated(_) | LossKind::OverLimit(_) => {
                    loss_level(self.args)
                }
                LossKind::Synthesised(_) => "info",
            };
            self.problems |= level == "error";
            writeln!(self.stderr, "  {level}: {}", loss.message)?;
        }
        for (out, errors) in c.outputs.into_iter().zip(errors) {
            if let Some(other) = self.seen.get(&out.path) {
                self.problems = true;
                writeln!(
                    self.stderr,
                    "error: {source} and {other} both convert to {}; skipped the second",
                    out.path
                )?;
                continue;
            }
            for e in &errors {
                self.problems = true;
                writeln!(self.stderr, "{e}")?;
            }
            self.seen.insert(out.path.clone(), source.to_owned());
            if self.args.dry_run {
                self.preview(&out.path, &out.text)?;
            } else {
                self.pending.insert(out.path, out.text);
            }
        }
        Ok(())
    }

    /// Whether to write `text` at `rel` in the output directory: `Some` with the file's
    /// current bytes (`None` for no file), or `None` when `text` is already there or the file
    /// is one agentfmt may not replace (the error is printed).
    fn replaceable(&mut self, rel: &str, text: &str) -> anyhow::Result<Option<Option<Vec<u8>>>> {
        let existing_path = self.root.join(rel);
        let existing = std::fs::read(&existing_path).ok();
        if existing.as_deref() == Some(text.as_bytes()) {
            // Already what we would write: a run killed before it saved the manifest wrote it,
            // or it was generated elsewhere. Claim it, so a later change may replace it.
            if !self.manifest.wrote(rel, text.as_bytes()) {
                let entry = self.entry(rel, text);
                self.manifest.files.insert(rel.to_owned(), entry);
                self.manifest_changed = true;
            }
            return Ok(None);
        }
        if let Some(old) = &existing {
            let ours = self.manifest.wrote(rel, old);
            if !ours && !self.args.force {
                self.problems = true;
                let why = if self.manifest.files.contains_key(rel) {
                    "was edited by hand since agentfmt generated it"
                } else {
                    "exists and was not generated by agentfmt"
                };
                writeln!(
                    self.stderr,
                    "error: {} {why}; not overwritten (use --force)",
                    existing_path.display()
                )?;
                return Ok(None);
            }
        }
        Ok(Some(existing))
    }

    /// The manifest entry for `text` written at `rel`: its source, and the command that
    /// first generated it (a file `sync` generated stays `sync`'s).
    fn entry(&self, rel: &str, text: &str) -> Entry {
        Entry {
            hash: manifest::hash(text.as_bytes()),
            sources: self.seen.get(rel).cloned().into_iter().collect(),
            target: self.args.to.clone(),
            by: self
                .manifest
                .files
                .get(rel)
                .map_or_else(|| "convert".to_owned(), |e| e.by.clone()),
        }
    }

    fn preview(&mut self, rel: &str, text: &str) -> anyhow::Result<()> {
        let Some(existing) = self.replaceable(rel, text)? else {
            return Ok(());
        };
        let old = existing
            .as_deref()
            .map(String::from_utf8_lossy)
            .unwrap_or_default();
        self.stdout
            .write_all(super::diff::unified(rel, &old, text, self.color).as_bytes())?;
        Ok(())
    }
}

/// The targets of `--to a,b,c`, in the order given, each once.
///
/// # Errors
/// An unknown tool or kind name, or an empty list.
pub(super) fn parse_targets(list: &str) -> anyhow::Result<Vec<Target>> {
    let mut out: Vec<Target> = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let t: Target = name.parse().map_err(|e: String| anyhow::anyhow!(e))?;
        if !out.contains(&t) {
            out.push(t);
        }
    }
    anyhow::ensure!(!out.is_empty(), "`--to` names no target");
    Ok(out)
}

/// `agentfmt convert`.
///
/// Inputs are loaded and converted in parallel batches and reported in input order; with
/// `--dry-run` each output's diff is printed as soon as its input is done, so memory holds one
/// batch, not the tree. Files are written after every input is read, in output-path order.
pub fn run(args: &ConvertArgs) -> anyhow::Result<ExitStatus> {
    let (config, config_root) =
        super::load_config(args.input.config.as_deref(), args.input.no_config)?;
    let targets = parse_targets(&args.to)?;
    let opts = ConvertOptions {
        models: config.models.clone(),
        claude_arg_base: args.claude_arg_base,
        fit_limits: args.fit_limits,
    };
    let root = args
        .out
        .clone()
        .unwrap_or_else(|| Path::new(".").to_path_buf());
    let manifest_path = root.join(manifest::FILE_NAME);
    let manifest = match std::fs::read_to_string(&manifest_path) {
        Ok(t) => {
            Manifest::parse(&t).map_err(|e| anyhow::anyhow!("{}: {e}", manifest_path.display()))?
        }
        Err(_) => Manifest::default(),
    };
    let mut r = Report {
        args,
        stdout: std::io::stdout().lock(),
        stderr: std::io::BufWriter::new(std::io::stderr().lock()),
        problems: false,
        tool_failed: false,
        seen: HashMap::new(),
        pending: BTreeMap::new(),
        root,
        manifest,
        manifest_changed: false,
        color: super::use_color(args.color),
    };
    let inputs = walk::collect(&args.input.paths, &config, &config_root);

    if targets.len() == 1 && !convert::merges(targets[0]) {
        let target = targets[0];
        for batch in inputs.chunks(BATCH) {
            let done: Vec<Done> = batch
                .par_iter()
                .map(|i| convert_one(i, args, target, &opts, &r.root))
                .collect();
            for d in done {
                r.done(d)?;
            }
        }
    } else {
        // AGENTS.md and GEMINI.md gather every rule and instruction file into one file, and
        // several targets convert each input more than once: the documents are read once and
        // held.
        let loaded: Vec<_> = inputs
            .par_iter()
            .map(|i| load_doc(i, &args.input).map(|(p, d)| (p, file_of(i), d)))
            .collect();
        let mut docs = Vec::new();
        for l in loaded {
            match l {
                Ok(d) => docs.push(d),
                Err((msg, tool)) => {
                    r.tool_failed |= tool;
                    r.problems |= msg.starts_with("error:");
                    writeln!(r.stderr, "{msg}")?;
                }
            }
        }
        for &target in &targets {
            let (merged, rest): (Vec<_>, Vec<_>) = docs
                .iter()
                .partition(|d| convert::merges(target) && convert::mergeable(&d.2));
            let mut one_by_one = rest;
            if merged.len() > 1 {
                let refs: Vec<&Document> = merged.iter().map(|(_, _, d)| d).collect();
                let (c, errors) = checked(convert::convert_many(&refs, target, &opts));
                r.converted(&format!("{} files", merged.len()), c, errors)?;
            } else {
                one_by_one.extend(merged);
            }
            let done: Vec<Done> = one_by_one
                .into_par_iter()
                .map(|(path, file, doc)| {
                    convert_loaded(path.clone(), *file, doc, args, target, &opts, &r.root)
                })
                .collect();
            for d in done {
                r.done(d)?;
            }
        }
    }

    // Write, in output-path order.
    let mut written = 0;
    if !args.dry_run {
        std::fs::create_dir_all(&r.root)
            .with_context(|| format!("creating {}", r.root.display()))?;
        // Temporary files of a run killed before its renames (see `write`).
        let dirs: std::collections::BTreeSet<PathBuf> = std::iter::once(r.root.clone())
            .chain(r.pending.keys().filter_map(|rel| {
                // Only plain relative paths; `safe_join` reports the others below.
                let rel = Path::new(rel);
                rel.components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)))
                    .then(|| r.root.join(rel).parent().map(Path::to_path_buf))?
            }))
            .collect();
        for dir in dirs {
            for p in write::remove_stale_temps(&dir) {
                writeln!(
                    r.stderr,
                    "note: removed {}, left by an interrupted agentfmt run",
                    p.display()
                )?;
            }
        }
    }
    for (rel, text) in std::mem::take(&mut r.pending) {
        if r.replaceable(&rel, &text)?.is_none() {
            continue;
        }
        let target_path = match write::safe_join(&r.root, &rel) {
            Ok(p) => p,
            Err(e) => {
                r.problems = true;
                writeln!(r.stderr, "error: {e}")?;
                continue;
            }
        };
        if let Err(e) = write::atomic_write(&target_path, text.as_bytes()) {
            r.tool_failed = true;
            writeln!(
                r.stderr,
                "error: cannot write {}: {e}",
                target_path.display()
            )?;
            continue;
        }
        let entry = r.entry(&rel, &text);
        r.manifest.files.insert(rel, entry);
        written += 1;
        writeln!(r.stderr, "wrote {}", target_path.display())?;
    }
    if !args.dry_run && (written > 0 || r.manifest_changed) {
        let text = r.manifest.to_text();
        write::atomic_write(&manifest_path, text.as_bytes())
            .with_context(|| format!("writing {}", manifest_path.display()))?;
    }
    r.stderr.flush()?;
    Ok(if r.tool_failed {
        ExitStatus::Error
    } else if r.problems {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}
