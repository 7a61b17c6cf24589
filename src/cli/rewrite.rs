//! Shared driver of `fmt` and `repair`: compute each file's new text with a pure function, then
//! write it in place (atomically, only when changed), list it (`--check`), print a unified diff
//! (`--diff`), or print it to stdout (stdin input).

use std::io::Write as _;

use anyhow::Context as _;
use rayon::prelude::*;

use std::path::Path;

use agentfmt::check;
use agentfmt::config::Config;
use agentfmt::diagnostic::{Diagnostic, Severity};
use agentfmt::document::Document;
use agentfmt::source::Encoding;

use super::args::RewriteArgs;
use super::check::{Loaded, load};
use super::walk::{self, Input};
use super::{ExitStatus, write};

/// The new text of a document (`None` = unchanged, or refused) and diagnostics to show.
pub type Rewriter<'a> = dyn Fn(&Document) -> (Option<String>, Vec<Diagnostic>) + Sync + 'a;

enum Outcome {
    Unchanged,
    Changed {
        path: String,
        /// The old and new text, kept only for `--diff` (a `--check` run over a large tree
        /// would otherwise hold every changed file twice until the end).
        texts: Option<(String, String)>,
        /// The file's encoding when the new bytes are in another (UTF-8 after a BOM or a
        /// legacy code page): a diff of the texts alone would not show that change.
        reencoded: Option<&'static str>,
        file: Option<std::path::PathBuf>,
    },
    Stdout(Vec<u8>),
    Problem(String, bool /* agentfmt failure */),
}

/// Runs a rewriting command.
pub fn run(
    args: &RewriteArgs,
    config: &Config,
    root: &Path,
    verb: &str,
    keep_bom: bool,
    rewrite: &Rewriter<'_>,
) -> anyhow::Result<ExitStatus> {
    let inputs = walk::collect(&args.input.paths, config, root);
    let mut stderr = std::io::stderr().lock();
    if !(args.check || args.diff) {
        let dirs: std::collections::BTreeSet<&Path> = inputs
            .iter()
            .filter_map(|i| match i {
                Input::File { path, .. } => Some(path.parent().unwrap_or(Path::new("."))),
                Input::Stdin => None,
            })
            .collect();
        for dir in dirs {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            for p in write::remove_stale_temps(dir) {
                let _ = writeln!(
                    stderr,
                    "note: removed {}, left by an interrupted agentfmt run",
                    p.display()
                );
            }
        }
    }
    let outcomes: Vec<(Outcome, Vec<String>)> = inputs
        .par_iter()
        .map(|input| process(input, args, keep_bom, rewrite))
        .collect();
    // Buffered: stdout is line-buffered, one write per `Would reformat` line otherwise.
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut changed, mut failed, mut problems) = (0usize, false, false);
    // Files that could not be read or were refused (binary, invalid UTF-8, too large).
    let mut skipped = 0usize;
    let color = super::use_color(args.color);
    for (o, notes) in &outcomes {
        for n in notes {
            let _ = writeln!(stderr, "{n}");
        }
        match o {
            Outcome::Unchanged => {}
            Outcome::Stdout(bytes) => stdout.write_all(bytes).context("writing to stdout")?,
            Outcome::Changed {
                path,
                texts,
                reencoded,
                file,
            } => {
                changed += 1;
                if let (Some(from), Some(_)) = (reencoded, texts) {
                    writeln!(stdout, "{path}: written as UTF-8, was {from}")?;
                }
                if let Some((old, new)) = texts {
                    stdout.write_all(super::diff::unified(path, old, new, color).as_bytes())?;
                } else if args.check {
                    writeln!(stdout, "Would {verb}: {path}")?;
                } else if file.is_some() {
                    let _ = writeln!(
                        stderr,
                        "{}: {path}",
                        if verb == "reformat" {
                            "Reformatted"
                        } else {
                            "Repaired"
                        }
                    );
                }
            }
            Outcome::Problem(msg, tool) => {
                let _ = writeln!(stderr, "{msg}");
                skipped += 1;
                problems = true;
                failed |= *tool;
            }
        }
    }
    stdout.flush().context("writing to stdout")?;
    let unchanged = outcomes.len() - changed - skipped;
    if !inputs.iter().all(|i| matches!(i, Input::Stdin)) {
        let files = |n: usize| {
            if n == 1 {
                "1 file".to_owned()
            } else {
                format!("{n} files")
            }
        };
        // ruff's wording: "1 file would be reformatted, 3 files left unchanged".
        let done = if verb == "reformat" {
            "reformatted".to_owned()
        } else {
            format!("{verb}ed")
        };
        let what = if args.check || args.diff {
            format!("would be {done}")
        } else {
            done
        };
        let not_read = if skipped > 0 {
            format!(", {} not read or refused", files(skipped))
        } else {
            String::new()
        };
        let _ = writeln!(
            stderr,
            "{} {what}, {} left unchanged{not_read}.",
            files(changed),
            files(unchanged)
        );
    }
    Ok(if failed {
        ExitStatus::Error
    } else if problems || ((args.check || args.diff) && changed > 0) {
        // A file left unchanged because it could not be read or was refused fails the
        // run, as in prettier and ruff: the user asked for every file to be formatted.
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

fn process(
    input: &Input,
    args: &RewriteArgs,
    keep_bom: bool,
    rewrite: &Rewriter<'_>,
) -> (Outcome, Vec<String>) {
    let (path, logical, bytes) = match load(input, &args.input) {
        Loaded::Failed(report, tool) => {
            let msg = report
                .diagnostics
                .first()
                .map_or_else(String::new, |d| format!("{}: {}", report.path, d.message));
            return (Outcome::Problem(msg, tool), Vec::new());
        }
        Loaded::Bytes {
            path,
            logical,
            bytes,
        } => (path, logical, bytes),
    };
    let (doc, _) = match check::load(&bytes, &logical, args.input.kind) {
        Ok(x) => x,
        Err(note) => {
            return (
                Outcome::Problem(format!("{path}: {}", note.message), false),
                Vec::new(),
            );
        }
    };
    if doc.source.lossy {
        return (
            Outcome::Problem(
                format!(
                    "{path}: not valid UTF-8; left unchanged (run `agentfmt check` for the offsets)"
                ),
                false,
            ),
            Vec::new(),
        );
    }
    let (new, diags) = rewrite(&doc);
    let notes: Vec<String> = diags
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| {
            let lc = doc.source.line_col(d.span.start);
            format!(
                "{path}:{}:{}: {}[{}]: {}",
                lc.line,
                lc.column,
                d.severity.as_str(),
                d.code,
                d.message
            )
        })
        .collect();
    let is_stdin = matches!(input, Input::Stdin);
    match new {
        None if is_stdin => (Outcome::Stdout(bytes), notes),
        None => (Outcome::Unchanged, notes),
        Some(new) => {
            let new_bytes = if keep_bom {
                doc.source.encode_like(&new)
            } else {
                new.as_bytes().to_vec()
            };
            let reencoded = (doc.source.encoding != Encoding::Utf8
                && !(keep_bom && doc.source.encoding == Encoding::Utf8Bom))
                .then(|| doc.source.encoding.label());
            if new_bytes == bytes {
                return (
                    if is_stdin {
                        Outcome::Stdout(bytes)
                    } else {
                        Outcome::Unchanged
                    },
                    notes,
                );
            }
            if is_stdin {
                if args.check || args.diff {
                    return (
                        Outcome::Changed {
                            path,
                            texts: args.diff.then(|| (doc.source.text.clone(), new)),
                            reencoded,
                            file: None,
                        },
                        notes,
                    );
                }
                return (Outcome::Stdout(new_bytes), notes);
            }
            let Input::File { path: file, .. } = input else {
                unreachable!("stdin handled above")
            };
            if !(args.check || args.diff)
                && let Err(e) = write::atomic_write(file, &new_bytes)
            {
                return (
                    Outcome::Problem(format!("{path}: cannot write: {e}"), true),
                    notes,
                );
            }
            (
                Outcome::Changed {
                    path,
                    texts: args.diff.then(|| (doc.source.text.clone(), new)),
                    reencoded,
                    file: Some(file.clone()),
                },
                notes,
            )
        }
    }
}
