//! Project tasks: `cargo xtask <task>`.
//!
//! - `corpus [DIR] [--split train|dev|report]`: run check over every file of the shared corpus (default `../shared/corpus`)
//!   with each file's manifest `source_path` as its logical path; print per-kind counts,
//!   diagnostics by rule, kind agreement and timing. Fails on a panic, an agentfmt failure or
//!   kind agreement under 98%.
//! - `eval [--dir DIR] [--agnix BIN] [--show N]`: recall and false positives of check on the
//!   labelled set `corpus/eval/`, and of agnix when installed (see `eval.rs`).
//! - `codegen [--check]`: write (or verify) `docs/rules.md`, `docs/formats.md` and the fuzz dictionary
//!   `fuzz/agentfmt.dict`.
//! - `bench [--files N] [--runs N] [--tree DIR] [--sync-only] [--lsp-only] [--sync-only] [--sync-tree DIR]`: time the release binary on a synthetic tree
//!   against the floor of reading every file; with `--tree`, only write the tree to DIR (kept,
//!   for profiling).
//! - `mojibake-bench`: agentfmt's repair against ftfy on a generated development set.
//! - `fuzz [--seconds N] [--plateau S] [--cross-from T[,T...]] [--seeds-only] [TARGET...]`: a
//!   bounded cargo-fuzz run of each target (nightly), stopped early at a coverage plateau with
//!   `--plateau`, each also started from the minimized corpora of the `--cross-from` targets;
//!   `--seeds-only` keeps the inputs a run would load for `fuzz-coverage` and does not fuzz.
//! - `fuzz-coverage [--last S] [TARGET...]`: the regions and lines of `src/` each fuzz corpus
//!   reaches, and those only the inputs of a run's last S seconds reach (nightly llvm-tools).
//! - `fuzz-save [TARGET...]`: each target's corpus, minimized, to `fuzz/saved/<target>.tar.xz`,
//!   which `fuzz` then also starts from.
//! - `repair-model [--corpus DIR] [--extra DIR] [--holdout] [--out FILE] [--check]`: regenerate
//!   the lost-byte statistics `src/repair/lm.bin` from the corpus (`--holdout`: its training
//!   half only) and gettext catalogues.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod bench;
mod bench_lsp;
mod bench_sync;
mod corpus;
mod eval;
mod fuzz;
mod fuzz_coverage;
mod fuzz_dict;
mod man;
mod mojibake;
mod mojibake_ftfy;
mod mojibake_gen;
mod mojibake_lookalikes;
mod mojibake_report;
mod mojibake_sources;
mod mojibake_split;
mod mojibake_texts;
mod repair_model;

use std::path::{Path, PathBuf};

/// The workspace this run of xtask belongs to: the parent of xtask's manifest directory.
///
/// `cargo run` (and so the `cargo xtask` alias) sets `CARGO_MANIFEST_DIR` at run time as
/// well, and that one wins over the directory the binary was compiled in: two clones that
/// share a `CARGO_TARGET_DIR` share one xtask binary, since cargo does not rebuild it for a
/// clone whose sources are older than the binary, and the compiled-in path would send the
/// run to the other clone's files.
fn workspace_root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
        .parent()
        .expect("xtask is in the workspace")
        .to_path_buf()
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    match args.first().map(String::as_str) {
        Some("corpus") => corpus::run(&root, &args[1..]),
        Some("eval") => eval::run(&root, &args[1..]),
        Some("codegen") => codegen(&root, args.iter().any(|a| a == "--check")),
        Some("mojibake-bench") => mojibake::run(&args[1..]),
        Some("bench") => bench::run(&root, &args[1..]),
        Some("repair-model") => repair_model::run(&root, &args[1..]),
        Some("fuzz") => fuzz::run(&root, &args[1..]),
        Some("fuzz-coverage") => fuzz_coverage::run(&root, &args[1..]),
        Some("fuzz-save") => fuzz::save(&root, &args[1..]),
        Some("man") => man::run(&root, &args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <corpus [DIR] [--split P] | eval [--dir DIR] [--agnix BIN] [--show N] | codegen [--check] | mojibake-bench [--corpus DIR] [--seeds DIR] [--max-per-kind N] [--no-ftfy] [--all] [--shipped-model] | bench [--files N] [--runs N] [--tree DIR] [--sync-only] [--lsp-only] | fuzz [--seconds N] [--plateau S] [--cross-from T[,T...]] [--seeds-only] [TARGET...] | fuzz-coverage [--last S] [TARGET...] | fuzz-save [TARGET...] | man [--out DIR] | repair-model [--corpus DIR] [--extra DIR] [--holdout] [--out FILE] [--check]>"
            );
            std::process::exit(2);
        }
    }
}

fn codegen(root: &Path, check: bool) -> anyhow::Result<()> {
    let files = [
        ("docs/rules.md", agentfmt::docs::rules_markdown()),
        ("docs/formats.md", agentfmt::docs::formats_markdown()),
        ("fuzz/agentfmt.dict", fuzz_dict::dictionary(root)?),
    ];
    for (rel, want) in files {
        let path = root.join(rel);
        if check {
            let have = std::fs::read_to_string(&path).unwrap_or_default();
            anyhow::ensure!(have == want, "{rel} is stale: run `cargo xtask codegen`");
            println!("{rel} is up to date");
        } else {
            std::fs::create_dir_all(path.parent().expect("a parent dir"))?;
            std::fs::write(&path, want)?;
            println!("wrote {}", path.display());
        }
    }
    Ok(())
}
