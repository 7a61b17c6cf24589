//! `agentfmt convert`: emit the equivalent files for another tool, with a loss report, a diff
//! preview (`--dry-run`) and safe writes (never outside the output directory, never over a file
//! agentfmt did not generate unless `--force`).

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::Path;

use anyhow::Context as _;

use agentfmt::check;
use agentfmt::convert::{self, ConvertOptions, Converted, LossKind, Output, Target};
use agentfmt::diagnostic::Severity;
use agentfmt::document::Document;
use agentfmt::rules::Context;

use super::args::ConvertArgs;
use super::check::{Loaded, load};
use super::{ExitStatus, walk, write};

/// The file in the output directory that records what agentfmt generated (path → hash), so a
/// later run may replace its own files but never a hand-written one.
const MANIFEST: &str = ".agentfmt-generated.json";

fn fnv64(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Loads, repairs and parses every input. Returns documents with their display paths.
fn load_docs(
    args: &ConvertArgs,
    config: &agentfmt::config::Config,
    root: &Path,
    err: &mut impl std::io::Write,
) -> anyhow::Result<(Vec<(String, Document)>, bool)> {
    let inputs = walk::collect(&args.input.paths, config, root);
    let mut docs = Vec::new();
    let mut failed = false;
    for input in &inputs {
        match load(input, &args.input) {
            Loaded::Failed(r, tool) => {
                failed |= tool;
                let msg = r
                    .diagnostics
                    .first()
                    .map_or_else(String::new, |d| d.message.clone());
                writeln!(err, "error: {}: {msg}", r.path)?;
            }
            Loaded::Bytes {
                path,
                logical,
                bytes,
            } => match check::load(&bytes, &logical, args.input.kind) {
                Err(note) => writeln!(err, "note: {path}: {}", note.message)?,
                Ok((doc, _)) => {
                    // Convert the repaired text: the output must not carry mojibake over.
                    let repaired = agentfmt::repair::repair(doc.text());
                    let doc = if repaired.fixes.is_empty() {
                        doc
                    } else {
                        let src = agentfmt::source::SourceText::from_str(&repaired.text);
                        agentfmt::document::parse(src, Some(&logical), Some(doc.kind)).doc
                    };
                    docs.push((path, doc));
                }
            },
        }
    }
    Ok((docs, failed))
}

/// `agentfmt convert`.
pub fn run(args: &ConvertArgs) -> anyhow::Result<ExitStatus> {
    let mut stderr = std::io::stderr().lock();
    let mut stdout = std::io::stdout().lock();
    let (config, config_root) =
        super::load_config(args.input.config.as_deref(), args.input.no_config)?;
    let target: Target = args.to.parse().map_err(|e: String| anyhow::anyhow!(e))?;
    let opts = ConvertOptions {
        models: config.models.clone(),
        claude_arg_base: args.claude_arg_base,
    };
    let (docs, mut tool_failed) = load_docs(args, &config, &config_root, &mut stderr)?;
    let mut problems = false;

    // Convert: AGENTS.md (and other single-file memory targets) gather every input into one file.
    let mut results: Vec<(String, Converted)> = Vec::new();
    let gather = matches!(target, Target::AgentsMd) && docs.len() > 1;
    if gather {
        let refs: Vec<&Document> = docs.iter().map(|(_, d)| d).collect();
        results.push((
            format!("{} files", docs.len()),
            convert::convert_many(&refs, target, &opts),
        ));
    } else {
        for (path, doc) in &docs {
            match convert::convert(doc, target, &opts) {
                Ok(c) => results.push((path.clone(), c)),
                Err(e) => {
                    problems = true;
                    writeln!(stderr, "error: {path}: {e}")?;
                }
            }
        }
    }

    // Loss report, and each output checked as its own kind.
    let mut outputs: BTreeMap<String, (String, Output)> = BTreeMap::new();
    for (source, c) in &results {
        writeln!(
            stderr,
            "{source}: kept {}, translated {}, dropped {}",
            c.kept.len(),
            c.translated.len(),
            c.dropped.len()
        )?;
        for loss in &c.losses {
            let level = match &loss.what {
                LossKind::Dropped | LossKind::Approximated(_) if args.strict => "error",
                LossKind::Dropped | LossKind::Approximated(_) => "warning",
                LossKind::Synthesised(_) => "info",
            };
            problems |= level == "error";
            writeln!(stderr, "  {level}: {}", loss.message)?;
        }
        for out in &c.outputs {
            if let Some((other, _)) = outputs.get(&out.path) {
                problems = true;
                writeln!(
                    stderr,
                    "error: {source} and {other} both convert to {}; skipped the second",
                    out.path
                )?;
                continue;
            }
            let (report, _) = check::check_bytes(
                out.text.as_bytes(),
                &out.path,
                Some(out.kind),
                &Context::default(),
                &agentfmt::config::Config::default(),
            );
            for d in report
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
            {
                problems = true;
                writeln!(
                    stderr,
                    "error: generated {}: {} [{}]",
                    out.path, d.message, d.rule
                )?;
            }
            outputs.insert(out.path.clone(), (source.clone(), out.clone()));
        }
    }

    // Write (or preview).
    let root = args
        .out
        .clone()
        .unwrap_or_else(|| Path::new(".").to_path_buf());
    if !args.dry_run {
        std::fs::create_dir_all(&root).with_context(|| format!("creating {}", root.display()))?;
    }
    let manifest_path = root.join(MANIFEST);
    let mut manifest: BTreeMap<String, String> = std::fs::read_to_string(&manifest_path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    if !args.dry_run {
        // Temporary files of a run killed before its renames (see `write`).
        let dirs: std::collections::BTreeSet<std::path::PathBuf> = std::iter::once(root.clone())
            .chain(outputs.keys().filter_map(|rel| {
                // Only plain relative paths; `safe_join` reports the others below.
                let rel = Path::new(rel);
                rel.components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)))
                    .then(|| root.join(rel).parent().map(Path::to_path_buf))?
            }))
            .collect();
        for dir in dirs {
            for p in write::remove_stale_temps(&dir) {
                writeln!(
                    stderr,
                    "note: removed {}, left by an interrupted agentfmt run",
                    p.display()
                )?;
            }
        }
    }
    let color = super::use_color(args.color);
    let mut written = 0;
    let mut manifest_changed = false;
    for (rel, (_, out)) in &outputs {
        let existing_path = root.join(rel);
        let existing = std::fs::read(&existing_path).ok();
        if existing.as_deref() == Some(out.text.as_bytes()) {
            // Already what we would write: a run killed before it saved the manifest wrote it,
            // or it was generated elsewhere. Claim it, so a later change may replace it.
            let hash = fnv64(out.text.as_bytes());
            if manifest.get(rel) != Some(&hash) {
                manifest.insert(rel.clone(), hash);
                manifest_changed = true;
            }
            continue;
        }
        if let Some(old) = &existing {
            let ours = manifest.get(rel).is_some_and(|h| *h == fnv64(old));
            if !ours && !args.force {
                problems = true;
                writeln!(
                    stderr,
                    "error: {} exists and was not generated by agentfmt; not overwritten (use --force)",
                    existing_path.display()
                )?;
                continue;
            }
        }
        if args.dry_run {
            let old = existing
                .as_deref()
                .map(String::from_utf8_lossy)
                .unwrap_or_default();
            stdout.write_all(super::diff::unified(rel, &old, &out.text, color).as_bytes())?;
            continue;
        }
        let target_path = match write::safe_join(&root, rel) {
            Ok(p) => p,
            Err(e) => {
                problems = true;
                writeln!(stderr, "error: {e}")?;
                continue;
            }
        };
        if let Err(e) = write::atomic_write(&target_path, out.text.as_bytes()) {
            tool_failed = true;
            writeln!(stderr, "error: cannot write {}: {e}", target_path.display())?;
            continue;
        }
        manifest.insert(rel.clone(), fnv64(out.text.as_bytes()));
        written += 1;
        writeln!(stderr, "wrote {}", target_path.display())?;
    }
    if !args.dry_run && (written > 0 || manifest_changed) {
        let text = serde_json::to_string_pretty(&manifest)? + "\n";
        write::atomic_write(&manifest_path, text.as_bytes())
            .with_context(|| format!("writing {}", manifest_path.display()))?;
    }
    Ok(if tool_failed {
        ExitStatus::Error
    } else if problems {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}
