//! `agentfmt sync`: every target tool's files generated from one set of source files, in the
//! project root (the directory of `agentfmt.toml`), with a manifest of what was generated so
//! that stale files are replaced, orphans deleted and hand edits kept.

mod adopt;
mod disk;
mod init;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use rayon::prelude::*;

use agentfmt::config::sync::SyncConfig;
use agentfmt::convert::{ConvertOptions, Target};
use agentfmt::document::Document;
use agentfmt::sync::manifest::{FILE_NAME, Manifest};
use agentfmt::sync::state::{State, gitignore_block};
use agentfmt::sync::{Event, Level, SyncOptions};
use agentfmt::tools::Kind;

use super::args::{InputArgs, SyncArgs};
use super::{ExitStatus, walk, write};

/// Output of one run: stdout for lists and diffs, stderr for the report, and how it ended.
pub(super) struct Out {
    stdout: std::io::StdoutLock<'static>,
    stderr: std::io::BufWriter<std::io::StderrLock<'static>>,
    /// Something to fix was found or refused (exit 1).
    problems: bool,
    /// agentfmt failed on something (exit 2).
    failed: bool,
    color: bool,
}

impl Out {
    /// Prints `error: {msg}` and marks the run as having problems.
    fn error(&mut self, msg: &str) -> std::io::Result<()> {
        self.problems = true;
        writeln!(self.stderr, "error: {msg}")
    }
}

/// `agentfmt sync`.
pub fn run(args: &SyncArgs) -> anyhow::Result<ExitStatus> {
    if args.init {
        return init::run(args);
    }
    let (config, root) = super::load_config(args.config.as_deref(), false)?;
    let Some(sync) = config.sync.clone() else {
        anyhow::bail!(
            "no [sync] table in agentfmt.toml: write one with `agentfmt sync --init --source claude --targets cursor,copilot,agents-md`"
        );
    };
    let targets: Vec<Target> = sync
        .targets
        .iter()
        .map(|t| t.parse().map_err(|e: String| anyhow::anyhow!(e)))
        .collect::<anyhow::Result<_>>()?;
    let opts = SyncOptions {
        convert: ConvertOptions {
            models: config.models.clone(),
            claude_arg_base: 0,
            fit_limits: args.fit_limits,
        },
        instructions_once: sync.instructions_once,
        newline: match config.newline.as_deref() {
            Some("lf") => agentfmt::fmt::NewlineStyle::Lf,
            Some("crlf") => agentfmt::fmt::NewlineStyle::CrLf,
            _ => agentfmt::fmt::NewlineStyle::Keep,
        },
    };
    let manifest_path = root.join(FILE_NAME);
    let mut manifest = match std::fs::read_to_string(&manifest_path) {
        Ok(t) => {
            Manifest::parse(&t).map_err(|e| anyhow::anyhow!("{}: {e}", manifest_path.display()))?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Manifest::default(),
        Err(e) => return Err(e).with_context(|| format!("reading {}", manifest_path.display())),
    };
    let mut out = Out {
        stdout: std::io::stdout().lock(),
        stderr: std::io::BufWriter::new(std::io::stderr().lock()),
        problems: false,
        failed: false,
        color: super::use_color(args.color),
    };
    let write_mode = !args.check && !args.diff;

    let mut docs = load_sources(&root, &config, &sync, &manifest, &mut out)?;
    let mut plan = agentfmt::sync::plan(&docs, &targets, &opts);
    let mut events = std::mem::take(&mut plan.events);
    let mut items = disk::survey(&root, disk::wanted(&root, &plan, &mut events), &manifest);
    if args.adopt && adopt::run(&root, &items, &docs, &opts, &mut manifest, &mut out)? > 0 {
        // The sources changed: plan again from them.
        write::atomic_write(&manifest_path, manifest.to_text().as_bytes())
            .with_context(|| format!("writing {}", manifest_path.display()))?;
        docs = load_sources(&root, &config, &sync, &manifest, &mut out)?;
        plan = agentfmt::sync::plan(&docs, &targets, &opts);
        events = std::mem::take(&mut plan.events);
        items = disk::survey(&root, disk::wanted(&root, &plan, &mut events), &manifest);
    }
    events.sort_by(|a, b| (&a.source, a.target).cmp(&(&b.source, b.target)));
    report(&events, args.strict, &mut out)?;
    // Every file sync would write is checked as its own kind (one already on disk as sync
    // would write it was checked when it was written).
    let errors: Vec<Vec<String>> = items
        .par_iter()
        .map(|item| match &item.want {
            Some(w) if w.kind.is_some() && item.state != State::UpToDate => {
                let text = String::from_utf8_lossy(&w.bytes);
                super::convert::generated_errors(&item.path, w.kind.expect("checked"), &text)
            }
            _ => Vec::new(),
        })
        .collect();
    for e in errors.iter().flatten() {
        out.problems = true;
        writeln!(out.stderr, "{e}")?;
    }

    let gitignore = sync.gitignore.then(|| {
        let mut paths: Vec<String> = items
            .iter()
            .filter(|i| i.want.is_some())
            .map(|i| i.path.clone())
            .collect();
        paths.push(FILE_NAME.to_owned());
        let path = root.join(".gitignore");
        let old = std::fs::read_to_string(&path).unwrap_or_default();
        let new = gitignore_block(&old, &paths);
        (path, old, new)
    });

    let drift = if write_mode {
        apply(&root, &items, &mut manifest, args.force, &mut out)?;
        if let Some((path, old, new)) = &gitignore
            && old != new
        {
            write::atomic_write(path, new.as_bytes())
                .with_context(|| format!("writing {}", path.display()))?;
            writeln!(out.stderr, "updated the agentfmt block of .gitignore")?;
        }
        let text = manifest.to_text();
        if std::fs::read_to_string(&manifest_path).ok().as_deref() != Some(text.as_str()) {
            write::atomic_write(&manifest_path, text.as_bytes())
                .with_context(|| format!("writing {}", manifest_path.display()))?;
        }
        0
    } else {
        let mut n = check(&items, args.diff, &mut out)?;
        if let Some((_, old, new)) = &gitignore
            && old != new
        {
            n += 1;
            writeln!(out.stdout, ".gitignore: its agentfmt block is out of date")?;
            if args.diff {
                let d = super::diff::unified(".gitignore", old, new, out.color);
                out.stdout.write_all(d.as_bytes())?;
            }
        }
        if n > 0 {
            writeln!(
                out.stderr,
                "{n} of {} generated files out of step; run `agentfmt sync`",
                items.iter().filter(|i| i.want.is_some()).count()
            )?;
        }
        n
    };
    out.stderr.flush()?;
    Ok(if out.failed {
        ExitStatus::Error
    } else if out.problems || drift > 0 {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// The kinds `sync.source` names: every kind of a tool, or a kind.
fn source_kinds(sync: &SyncConfig) -> Vec<Kind> {
    let mut kinds = Vec::new();
    for s in &sync.source {
        match s.parse::<Target>() {
            Ok(Target::Tool(t)) => {
                kinds.extend(Kind::ALL.iter().copied().filter(|k| k.tool() == t))
            }
            Ok(Target::Kind(k)) => kinds.push(k),
            Err(_) => {}
        }
    }
    kinds
}

/// Walks `root` for the source files and parses each (repairing its encoding), in parallel.
/// A file the manifest says sync generated is never a source; one that cannot be read is
/// reported and left out.
fn load_sources(
    root: &Path,
    config: &agentfmt::config::Config,
    sync: &SyncConfig,
    manifest: &Manifest,
    out: &mut Out,
) -> anyhow::Result<Vec<Document>> {
    let kinds = source_kinds(sync);
    let mut exclude = globset::GlobSetBuilder::new();
    for p in &sync.exclude {
        exclude.add(globset::Glob::new(p)?);
    }
    let exclude = exclude.build()?;
    let inputs: Vec<(walk::Input, String)> = walk::collect(&[root.to_path_buf()], config, root)
        .into_iter()
        .filter_map(|i| {
            let rel = i.project_path()?;
            let kind = agentfmt::tools::detect(&rel)?;
            let generated = manifest.files.get(&rel).is_some_and(|e| e.by == "sync");
            (kinds.contains(&kind) && !exclude.is_match(&rel) && !generated).then_some((i, rel))
        })
        .collect();
    let args = InputArgs {
        paths: Vec::new(),
        kind: None,
        stdin_filepath: None,
        config: None,
        no_config: false,
    };
    let loaded: Vec<_> = inputs
        .par_iter()
        .map(|(i, rel)| super::convert::load_doc(i, &args).map(|(_, d)| (rel.clone(), d)))
        .collect();
    let mut docs = Vec::new();
    for l in loaded {
        match l {
            Ok((rel, mut d)) => {
                d.path = Some(rel);
                docs.push(d);
            }
            Err((msg, tool)) => {
                out.failed |= tool;
                out.problems |= msg.starts_with("error:");
                writeln!(out.stderr, "{msg}")?;
            }
        }
    }
    Ok(docs)
}

/// Prints the report grouped by source file, then target.
fn report(events: &[Event], strict: bool, out: &mut Out) -> std::io::Result<()> {
    let mut last: Option<&str> = None;
    for e in events {
        if last != Some(e.source.as_str()) {
            writeln!(out.stderr, "{}:", e.source)?;
            last = Some(&e.source);
        }
        let level = match e.level {
            Level::Info => "info",
            Level::Loss if !strict => "warning",
            Level::Loss | Level::Error => {
                out.problems = true;
                "error"
            }
        };
        writeln!(out.stderr, "  {}: {level}: {}", e.target, e.message)?;
    }
    Ok(())
}

/// Why an item drifted, for `--check` and errors.
fn reason(item: &disk::Item) -> String {
    let sources = |w: Option<&disk::Want>| {
        w.map(|w| w.sources.join(", "))
            .or_else(|| item.entry.as_ref().map(|e| e.sources.join(", ")))
            .unwrap_or_default()
    };
    let from = sources(item.want.as_ref());
    match item.state {
        State::Missing => format!("missing (generated from {from})"),
        State::Stale => format!("stale ({from} changed)"),
        State::HandEdited => format!(
            "edited by hand since agentfmt wrote it; kept (`agentfmt sync --adopt` carries the edit into {from}, `--force` overwrites it)"
        ),
        State::Foreign => {
            "exists and was not generated by agentfmt; kept (`--force` overwrites it)".into()
        }
        State::Orphaned => format!("orphaned: its source {from} is gone"),
        State::EditedOrphan => format!(
            "orphaned (its source {from} is gone) and edited by hand since; kept (delete it, or `--force`)"
        ),
        State::UpToDate | State::Gone => item.state.describe().into(),
    }
}

/// `--check` / `--diff`: lists (and diffs) every item out of step; returns how many.
fn check(items: &[disk::Item], diff: bool, out: &mut Out) -> anyhow::Result<usize> {
    let mut n = 0;
    for item in items.iter().filter(|i| i.state.is_drift()) {
        n += 1;
        writeln!(out.stdout, "{}: {}", item.path, reason(item))?;
        if diff {
            print_diff(item, out)?;
        }
    }
    Ok(n)
}

/// A unified diff from what is on disk to what sync would write.
fn print_diff(item: &disk::Item, out: &mut Out) -> std::io::Result<()> {
    let old = item
        .disk
        .as_deref()
        .map(String::from_utf8_lossy)
        .unwrap_or_default();
    let new = item
        .want
        .as_ref()
        .map(|w| String::from_utf8_lossy(&w.bytes))
        .unwrap_or_default();
    let d = super::diff::unified(&item.path, &old, &new, out.color);
    out.stdout.write_all(d.as_bytes())
}

/// Writes, deletes and keeps, updating `manifest`.
fn apply(
    root: &Path,
    items: &[disk::Item],
    manifest: &mut Manifest,
    force: bool,
    out: &mut Out,
) -> anyhow::Result<()> {
    let dirs: std::collections::BTreeSet<PathBuf> = items
        .iter()
        .filter_map(|i| root.join(&i.path).parent().map(Path::to_path_buf))
        .filter(|d| d.is_dir())
        .collect();
    for d in dirs {
        for p in write::remove_stale_temps(&d) {
            writeln!(
                out.stderr,
                "note: removed {}, left by an interrupted agentfmt run",
                p.display()
            )?;
        }
    }
    let safe = write::SafeRoot::new(root).map_err(|e| anyhow::anyhow!(e))?;
    // What to do with each item; the writes and deletions run in parallel, the report and the
    // manifest follow in path order.
    let writes = |i: &disk::Item| match i.state {
        State::Missing | State::Stale => true,
        State::HandEdited | State::Foreign => force,
        _ => false,
    };
    let deletes = |i: &disk::Item| match i.state {
        State::Orphaned => true,
        State::EditedOrphan => force,
        _ => false,
    };
    let done: Vec<Option<Result<(), String>>> = items
        .par_iter()
        .map(|item| match &item.want {
            Some(w) if writes(item) => Some(disk::put(&safe, &item.path, w)),
            None if deletes(item) => Some(disk::delete(&safe, root, &item.path)),
            _ => None,
        })
        .collect();
    let (mut wrote, mut deleted, mut current) = (0, 0, 0);
    for (item, done) in items.iter().zip(done) {
        match (done, &item.want) {
            (Some(Err(e)), _) => {
                out.failed = true;
                writeln!(out.stderr, "error: {e}")?;
            }
            (Some(Ok(())), Some(w)) => {
                wrote += 1;
                writeln!(out.stderr, "wrote {}", item.path)?;
                manifest.files.insert(item.path.clone(), disk::entry_for(w));
            }
            (Some(Ok(())), None) => {
                deleted += 1;
                writeln!(out.stderr, "deleted {}", item.path)?;
                manifest.files.remove(&item.path);
            }
            (None, Some(w)) if item.state == State::UpToDate => {
                current += 1;
                manifest.files.insert(item.path.clone(), disk::entry_for(w));
            }
            (None, _) if item.state == State::Gone => {
                manifest.files.remove(&item.path);
            }
            (None, Some(_)) => {
                out.error(&format!("{}: {}", item.path, reason(item)))?;
                print_diff(item, out)?;
            }
            (None, None) => {
                out.error(&format!("{}: {}", item.path, reason(item)))?;
            }
        }
    }
    writeln!(
        out.stderr,
        "sync: {wrote} written, {deleted} deleted, {current} up to date"
    )?;
    Ok(())
}
