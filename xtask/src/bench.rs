//! `cargo xtask bench`: time the release binary on a synthetic tree of agent files.
//!
//! The tree (default 10,000 files) is generated from the templates in `corpus/examples/`
//! (every kind) and, when present, the shared corpus (placed at each file's manifest
//! `source_path` under a per-copy directory). Each command runs several times; the report gives
//! the median wall time, files/s, MB/s, peak RSS and median CPU time (user + system, all
//! threads; both from `/usr/bin/time`) and the wall-time ratio to the floor: reading every file
//! of the tree once (`cat`). On a shared machine the CPU time is the steadier figure.
//!
//! Then it times end-to-end `agentfmt repair` on one 10 MB file, clean and damaged (see
//! `repair_throughput`), and `agentfmt sync` of 500 sources to five targets beside rulesync
//! (see `bench_sync`), and the language server's answer to a change of a 100 KB file
//! (see `bench_lsp`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

struct Sample {
    path: String,
    bytes: Vec<u8>,
}

fn templates(root: &Path) -> anyhow::Result<Vec<Sample>> {
    let mut out = Vec::new();
    let examples = root.join("corpus/examples");
    let mut stack = vec![examples.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir)? {
            let e = e?;
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(&examples)?
                    .to_string_lossy()
                    .replace('\\', "/");
                if agentfmt::tools::detect(&rel).is_some() {
                    out.push(Sample {
                        path: rel,
                        bytes: std::fs::read(&p)?,
                    });
                }
            }
        }
    }
    let shared = root.join("../shared/corpus");
    if let Ok(manifest) = std::fs::read_to_string(shared.join("MANIFEST.jsonl")) {
        for line in manifest.lines() {
            let v: serde_json::Value = serde_json::from_str(line)?;
            let (Some(p), Some(src)) = (v["path"].as_str(), v["source_path"].as_str()) else {
                continue;
            };
            if agentfmt::tools::detect(src).is_some() {
                out.push(Sample {
                    path: src.to_owned(),
                    bytes: std::fs::read(shared.join(p))?,
                });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// Writes `n` files: sample i goes to `copy-<i / samples>/<sample path>`.
fn generate(dir: &Path, samples: &[Sample], n: usize) -> anyhow::Result<u64> {
    let mut total = 0u64;
    for i in 0..n {
        let s = &samples[i % samples.len()];
        let p = dir
            .join(format!("copy-{:04}", i / samples.len()))
            .join(&s.path);
        std::fs::create_dir_all(p.parent().expect("has parent"))?;
        std::fs::write(&p, &s.bytes)?;
        total += s.bytes.len() as u64;
    }
    Ok(total)
}

/// Median wall time, median CPU time (user + system, all threads) and peak RSS (KB) of `runs`
/// runs. CPU time is the steadier figure on a machine shared with other work: wall time
/// then includes waiting for a core.
pub(crate) fn time_cmd(cmd: &[&str], cwd: &Path, runs: usize) -> anyhow::Result<(f64, f64, u64)> {
    let mut times = Vec::new();
    let mut cpus = Vec::new();
    let mut rss = 0u64;
    for _ in 0..runs {
        let start = Instant::now();
        let out = Command::new("/usr/bin/time")
            .arg("-f")
            .arg("%M %U %S")
            .args(cmd)
            .current_dir(cwd)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .output()?;
        times.push(start.elapsed().as_secs_f64());
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err.lines().last().unwrap_or("");
        let fields: Vec<f64> = last
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        if let [kb, user, sys] = fields[..] {
            rss = rss.max(kb as u64);
            cpus.push(user + sys);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    };
    Ok((median(&mut times), median(&mut cpus), rss))
}

/// Builds the release binary of the workspace at `root` and returns its path (under
/// `CARGO_TARGET_DIR` when set). Fails when the build fails.
pub fn release_binary(root: &Path) -> anyhow::Result<String> {
    let status = Command::new(env!("CARGO"))
        .args(["build", "--release", "--quiet", "--bin", "agentfmt"])
        .current_dir(root)
        .status()?;
    anyhow::ensure!(status.success(), "release build failed");
    let target =
        std::env::var("CARGO_TARGET_DIR").map_or_else(|_| root.join("target"), PathBuf::from);
    Ok(target
        .join("release/agentfmt")
        .to_string_lossy()
        .into_owned())
}

pub fn run(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let n: usize = args
        .iter()
        .position(|a| a == "--files")
        .and_then(|i| args.get(i + 1))
        .map_or(Ok(10_000), |s| s.parse())?;
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .map_or(Ok(5), |s| s.parse())?;
    let bin = release_binary(root)?;

    if let Some(dir) = args
        .iter()
        .position(|a| a == "--sync-tree")
        .and_then(|i| args.get(i + 1))
    {
        // Only write the sync benchmark's source tree to DIR (for profiling).
        return super::bench_sync::source_tree(Path::new(dir));
    }
    if args.iter().any(|a| a == "--sync-only") {
        return super::bench_sync::run(&bin, runs);
    }
    if args.iter().any(|a| a == "--lsp-only") {
        return super::bench_lsp::run(&bin, runs.max(20));
    }
    let samples = templates(root)?;
    // `--tree DIR`: only write the tree to DIR and keep it (for profiling with callgrind or
    // perf on a smaller tree); nothing is timed.
    let keep = args
        .iter()
        .position(|a| a == "--tree")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let tmp = keep.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("agentfmt-bench-{}", std::process::id()))
    });
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp)?;
    let bytes = generate(&tmp, &samples, n)?;
    let mb = bytes as f64 / 1e6;
    if keep.is_some() {
        println!(
            "tree: {n} files, {mb:.1} MB, from {} templates, written to {}",
            samples.len(),
            tmp.display()
        );
        return Ok(());
    }
    println!(
        "tree: {n} files, {mb:.1} MB, from {} templates; {runs} runs each; release binary {bin}",
        samples.len()
    );

    let floor_cmd = "find . -type f -print0 | xargs -0 cat > /dev/null";
    let (floor, floor_cpu, floor_rss) = time_cmd(&["sh", "-c", floor_cmd], &tmp, runs)?;
    println!(
        "\n{:<28} {:>10} {:>10} {:>9} {:>10} {:>8} {:>9}",
        "command", "median", "files/s", "MB/s", "peak RSS", "× floor", "CPU"
    );
    println!(
        "{:<28} {:>8.0}ms {:>10.0} {:>9.1} {:>8}MB {:>8.2} {:>7.0}ms",
        "floor (cat every file)",
        floor * 1e3,
        n as f64 / floor,
        mb / floor,
        floor_rss / 1024,
        1.0,
        floor_cpu * 1e3
    );
    let cmds: [(&str, Vec<&str>); 4] = [
        ("check", vec![&bin, "check", "--no-config", "."]),
        (
            "fmt --check",
            vec![&bin, "fmt", "--check", "--no-config", "."],
        ),
        (
            "repair --check",
            vec![&bin, "repair", "--check", "--no-config", "."],
        ),
        (
            "convert --dry-run",
            vec![
                &bin,
                "convert",
                "--to",
                "copilot",
                "--dry-run",
                "--no-config",
                "--color",
                "never",
                ".",
            ],
        ),
    ];
    for (name, cmd) in &cmds {
        let (t, cpu, rss) = time_cmd(cmd, &tmp, runs)?;
        println!(
            "{name:<28} {:>8.0}ms {:>10.0} {:>9.1} {:>8}MB {:>8.2} {:>7.0}ms",
            t * 1e3,
            n as f64 / t,
            mb / t,
            rss / 1024,
            t / floor,
            cpu * 1e3
        );
    }
    repair_throughput(&bin, &tmp, &samples, runs)?;
    let _ = std::fs::remove_dir_all(&tmp);
    super::bench_sync::run(&bin, runs)?;
    super::bench_lsp::run(&bin, runs.max(20))?;
    Ok(())
}

/// Size of the single-file repair inputs.
const BIG_FILE: usize = 10_000_000;

/// End-to-end `agentfmt repair` on one 10 MB file, clean and damaged: the clean file joins
/// the UTF-8 samples (agent files of every kind) until it reaches [`BIG_FILE`] bytes; the
/// damaged file is the same text read as Windows-1252 (every non-ASCII character becomes
/// mojibake), cut to the same size at a line break. Each is repaired in place from a fresh
/// copy, so every run does the whole work.
fn repair_throughput(bin: &str, dir: &Path, samples: &[Sample], runs: usize) -> anyhow::Result<()> {
    // Clean means what repair leaves alone (a few corpus files hold real mojibake).
    let texts: Vec<&str> = samples
        .iter()
        .filter_map(|s| std::str::from_utf8(&s.bytes).ok())
        .filter(|t| !agentfmt::repair::repair(t).changed())
        .collect();
    anyhow::ensure!(!texts.is_empty(), "no UTF-8 samples");
    let mut clean = String::with_capacity(BIG_FILE + 64 * 1024);
    for t in texts.iter().cycle() {
        if clean.len() >= BIG_FILE {
            break;
        }
        clean.push_str(t);
        clean.push('\n');
    }
    let damaged_full = agentfmt::repair::simulate::cp1252(&clean);
    let cut = damaged_full[..BIG_FILE.min(damaged_full.len())]
        .rfind('\n')
        .map_or(damaged_full.len(), |i| i + 1);
    let damaged = &damaged_full[..cut];
    let clean = &clean[..clean[..BIG_FILE.min(clean.len())]
        .rfind('\n')
        .map_or(clean.len(), |i| i + 1)];
    let non_ascii = clean.chars().filter(|c| !c.is_ascii()).count();
    println!(
        "\nrepair of one file (clean: {:.1} MB, {non_ascii} non-ASCII characters; damaged: {:.1} MB)",
        clean.len() as f64 / 1e6,
        damaged.len() as f64 / 1e6
    );
    println!(
        "{:<28} {:>10} {:>9} {:>10} {:>9}",
        "command", "median", "MB/s", "peak RSS", "CPU"
    );
    let work = dir.join("big");
    std::fs::create_dir_all(&work)?;
    for (name, text) in [
        ("repair 10 MB clean", clean),
        ("repair 10 MB damaged", damaged),
    ] {
        let src = work.join("input.md");
        std::fs::write(&src, text)?;
        let cmd = format!("cp input.md CLAUDE.md && {bin} repair --no-config CLAUDE.md");
        // The copy is part of the timed command: subtract it.
        let (copy, _, _) = time_cmd(&["sh", "-c", "cp input.md CLAUDE.md"], &work, runs)?;
        let (t, cpu, rss) = time_cmd(&["sh", "-c", &cmd], &work, runs)?;
        let secs = (t - copy).max(1e-9);
        let repaired = std::fs::read(work.join("CLAUDE.md"))?;
        anyhow::ensure!(
            name.ends_with("clean") == (repaired == text.as_bytes()),
            "{name}: unexpected result (changed: {})",
            repaired != text.as_bytes()
        );
        println!(
            "{name:<28} {:>8.0}ms {:>9.1} {:>8}MB {:>7.0}ms",
            secs * 1e3,
            text.len() as f64 / 1e6 / secs,
            rss / 1024,
            cpu * 1e3
        );
    }
    Ok(())
}
