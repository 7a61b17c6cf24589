//! `cargo xtask corpus`: agentfmt over the shared corpus of real agent files.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use serde::Deserialize;

use agentfmt::check;
use agentfmt::config::Config;
use agentfmt::diagnostic::Severity;
use agentfmt::rules::Context;

#[derive(Deserialize)]
struct Entry {
    path: String,
    kind: String,
    source_path: String,
}

struct Outcome {
    kind: String,
    detected: Option<String>,
    panicked: bool,
    failed: bool,
    rules: Vec<(&'static str, &'static str, Severity)>,
    bytes: usize,
}

pub fn run(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let dir = args.first().map_or_else(
        || root.join("../shared/corpus"),
        |d| Path::new(d).to_path_buf(),
    );
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.jsonl"))
        .map_err(|e| anyhow::anyhow!("cannot read {}/MANIFEST.jsonl: {e}", dir.display()))?;
    let entries: Vec<Entry> = manifest
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let files: Vec<(Entry, Vec<u8>)> = entries
        .into_iter()
        .map(|e| {
            let bytes = std::fs::read(dir.join(&e.path)).unwrap_or_default();
            (e, bytes)
        })
        .collect();
    let total_bytes: usize = files.iter().map(|(_, b)| b.len()).sum();

    let config = Config::default();
    let ctx = Context::default();
    let start = Instant::now();
    let outcomes: Vec<Outcome> = files
        .par_iter()
        .map(|(e, bytes)| {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                check::check_bytes(bytes, &e.source_path, None, &ctx, &config)
            }));
            match result {
                Ok((report, _)) => Outcome {
                    kind: e.kind.clone(),
                    detected: report.kind.map(|k| k.as_str().to_owned()),
                    panicked: false,
                    failed: report.diagnostics.iter().any(|d| d.code == "AF000"),
                    rules: report
                        .diagnostics
                        .iter()
                        .map(|d| (d.code, d.rule, d.severity))
                        .collect(),
                    bytes: bytes.len(),
                },
                Err(_) => Outcome {
                    kind: e.kind.clone(),
                    detected: None,
                    panicked: true,
                    failed: false,
                    rules: Vec::new(),
                    bytes: bytes.len(),
                },
            }
        })
        .collect();
    let elapsed = start.elapsed();

    let mut per_kind: BTreeMap<&str, (usize, usize, usize, usize)> = BTreeMap::new(); // files, agree, errors, warnings
    let mut per_rule: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new(); // diagnostics, files
    let mut mismatches: BTreeMap<(String, String), usize> = BTreeMap::new();
    for o in &outcomes {
        let k = per_kind.entry(o.kind.as_str()).or_default();
        k.0 += 1;
        if o.detected.as_deref() == Some(o.kind.as_str()) {
            k.1 += 1;
        } else {
            *mismatches
                .entry((
                    o.kind.clone(),
                    o.detected.clone().unwrap_or_else(|| "none".into()),
                ))
                .or_default() += 1;
        }
        k.2 += o.rules.iter().filter(|r| r.2 == Severity::Error).count();
        k.3 += o.rules.iter().filter(|r| r.2 == Severity::Warning).count();
        let mut seen = std::collections::HashSet::new();
        for (code, name, _) in &o.rules {
            let r = per_rule.entry((code, name)).or_default();
            r.0 += 1;
            if seen.insert(*code) {
                r.1 += 1;
            }
        }
    }
    let n = outcomes.len();
    let agree: usize = per_kind.values().map(|v| v.1).sum();
    let panics = outcomes.iter().filter(|o| o.panicked).count();
    let failures = outcomes.iter().filter(|o| o.failed).count();

    println!(
        "check: {n} files, {:.1} MB from {}",
        total_bytes as f64 / 1e6,
        dir.display()
    );
    println!(
        "\n{:<30} {:>6} {:>10} {:>7} {:>9}",
        "kind", "files", "kind ok", "errors", "warnings"
    );
    for (k, (files, ok, e, w)) in &per_kind {
        println!(
            "{k:<30} {files:>6} {:>9.1}% {e:>7} {w:>9}",
            100.0 * *ok as f64 / *files as f64
        );
    }
    println!(
        "\n{:<8} {:<30} {:>11} {:>6}",
        "code", "rule", "diagnostics", "files"
    );
    for ((code, name), (d, f)) in &per_rule {
        println!("{code:<8} {name:<30} {d:>11} {f:>6}");
    }
    if !mismatches.is_empty() {
        println!("\nkind mismatches (manifest -> detected):");
        for ((m, d), c) in &mismatches {
            println!("  {m} -> {d}: {c}");
        }
    }
    let _ = outcomes.iter().map(|o| o.bytes).sum::<usize>();
    println!(
        "\nkind agreement: {agree}/{n} = {:.2}%\npanics: {panics}\nagentfmt failures (exit 2): {failures}\ncheck time (in-process, {} threads): {:.0} ms",
        100.0 * agree as f64 / n as f64,
        rayon::current_num_threads(),
        elapsed.as_secs_f64() * 1000.0
    );
    anyhow::ensure!(panics == 0, "{panics} files panicked");
    anyhow::ensure!(failures == 0, "{failures} files made agentfmt fail");
    anyhow::ensure!(agree * 100 >= n * 98, "kind agreement below 98%");
    Ok(())
}
