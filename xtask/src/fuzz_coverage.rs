//! `cargo xtask fuzz-coverage [--last S] [TARGET...]`: how much of agentfmt's own code each
//! fuzz corpus reaches, and whether the inputs a run found in its last `S` seconds (default
//! 600) reached any of it that the older inputs did not.
//!
//! libFuzzer's `cov:` counts the edges of every instrumented crate: pulldown-cmark, the YAML
//! and TOML parsers, regex and the standard library as well as agentfmt. This task asks the
//! narrower question with source-based coverage (`cargo +nightly fuzz coverage`, which needs
//! `rustup component add llvm-tools --toolchain nightly`). `end` is when the target's last run
//! wrote its log (`fuzz/artifacts/<target>.log`); the baseline is the newest corpus snapshot
//! that `cargo xtask fuzz` took (every 300 s) at least `S` seconds before `end`. The coverage
//! build runs once over the baseline and once over the baseline and the corpus together, and
//! the task prints the regions and lines of `src/` each reaches, and each line only the newer
//! inputs reach. The coverage build's output is in `fuzz/coverage/<target>.log`. The
//! baseline also holds every input the run loaded at its start (`fuzz/coverage/seeds/<target>/`,
//! which `cargo xtask fuzz` keeps): libFuzzer had them from the first second, so what only
//! they reach is not new, although they are not in the corpus directory.
//!
//! Without such a snapshot the baseline is the corpus inputs older than `end - S`. That split
//! errs towards "new": when libFuzzer shrinks an input it writes the smaller copy (a new
//! modification time) and deletes the old one, so a region only that input reached counts
//! as new although it was found earlier. A snapshot's hard links keep the deleted inputs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

/// Covered lines per source file under `src/`, from an lcov export.
type Lines = BTreeMap<String, BTreeSet<u32>>;
/// Per `src/` file, the (line, column) of each region entry with a non-zero count.
type Regions = BTreeMap<String, BTreeSet<(u32, u32)>>;

/// Region and line totals over `src/`: (regions covered, regions, lines covered, lines).
#[derive(Default, Clone, Copy)]
struct Totals {
    regions_covered: u64,
    regions: u64,
    lines_covered: u64,
    lines: u64,
}

/// The nightly toolchain's host triple and its `llvm-tools` directory, found once per run.
struct Nightly {
    host: String,
    bin: PathBuf,
}

impl Nightly {
    fn find() -> anyhow::Result<Self> {
        let rustc = |args: &[&str]| -> anyhow::Result<String> {
            let out = Command::new("rustc")
                .env_remove("RUSTUP_TOOLCHAIN")
                .arg("+nightly")
                .args(args)
                .output()?;
            anyhow::ensure!(
                out.status.success(),
                "`rustc +nightly {}` failed",
                args.join(" ")
            );
            Ok(String::from_utf8(out.stdout)?)
        };
        let sysroot = PathBuf::from(rustc(&["--print", "sysroot"])?.trim());
        let host = rustc(&["-vV"])?
            .lines()
            .find_map(|l| l.strip_prefix("host: ").map(str::to_owned))
            .ok_or_else(|| anyhow::anyhow!("no host in `rustc -vV`"))?;
        let bin = sysroot.join("lib/rustlib").join(&host).join("bin");
        anyhow::ensure!(
            bin.join("llvm-cov").exists() && bin.join("llvm-profdata").exists(),
            "llvm-cov or llvm-profdata missing in {}: run `rustup component add llvm-tools --toolchain nightly`",
            bin.display()
        );
        Ok(Self { host, bin })
    }
}

/// Runs the coverage build of `target` over `dirs` and returns the merged profile's path.
fn profile(
    root: &Path,
    target_dir: &Path,
    target: &str,
    dirs: &[&Path],
) -> anyhow::Result<PathBuf> {
    let log_path = root.join("fuzz/coverage").join(format!("{target}.log"));
    std::fs::create_dir_all(log_path.parent().expect("fuzz/coverage"))?;
    let log = std::fs::File::create(&log_path)?;
    // cargo-fuzz merges every raw profile in this directory: none may be left from a run before.
    let raw = root.join("fuzz/coverage").join(target).join("raw");
    if raw.exists() {
        std::fs::remove_dir_all(&raw)?;
    }
    let status = Command::new("cargo")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .current_dir(root)
        .args([
            "+nightly",
            "fuzz",
            "coverage",
            "--sanitizer",
            "none",
            "--target-dir",
        ])
        .arg(target_dir)
        .arg(target)
        .args(dirs)
        .stdout(log.try_clone()?)
        .stderr(log)
        .status()?;
    anyhow::ensure!(
        status.success(),
        "`cargo +nightly fuzz coverage {target}` failed; see {}",
        log_path.display()
    );
    Ok(root
        .join("fuzz/coverage")
        .join(target)
        .join("coverage.profdata"))
}

/// The `src/` totals and covered lines of one profile.
fn measure(
    nightly: &Nightly,
    root: &Path,
    binary: &Path,
    profdata: &Path,
) -> anyhow::Result<(Totals, Lines, Regions)> {
    let cov = nightly.bin.join("llvm-cov");
    // Only agentfmt's own sources: not the registry, the standard library or the fuzz harness.
    let ignore = "--ignore-filename-regex=(\\.cargo/|/rustc/|/rustlib/|/fuzz/)";
    let run = |format: &str| -> anyhow::Result<Vec<u8>> {
        let out = Command::new(&cov)
            .arg("export")
            .arg(binary)
            .arg(format!("-instr-profile={}", profdata.display()))
            .arg(format!("-format={format}"))
            .arg(ignore)
            .output()?;
        anyhow::ensure!(out.status.success(), "llvm-cov export failed");
        Ok(out.stdout)
    };
    let src = format!("{}/src/", root.display());
    let json: serde_json::Value = serde_json::from_slice(&run("text")?)?;
    let mut t = Totals::default();
    let mut regions = Regions::new();
    for file in json["data"][0]["files"].as_array().into_iter().flatten() {
        let Some(name) = file["filename"].as_str().and_then(|f| f.strip_prefix(&src)) else {
            continue;
        };
        // A segment is [line, column, count, has count, region entry, gap region].
        for seg in file["segments"].as_array().into_iter().flatten() {
            let v = |i: usize| &seg[i];
            if v(2).as_u64().is_some_and(|c| c > 0)
                && v(3).as_bool() == Some(true)
                && v(4).as_bool() == Some(true)
                && v(5).as_bool() != Some(true)
                && let (Some(line), Some(col)) = (
                    v(0).as_u64().and_then(|x| u32::try_from(x).ok()),
                    v(1).as_u64().and_then(|x| u32::try_from(x).ok()),
                )
            {
                regions
                    .entry(name.to_owned())
                    .or_default()
                    .insert((line, col));
            }
        }
        let s = &file["summary"];
        let n = |k: &str, f: &str| s[k][f].as_u64().unwrap_or(0);
        t.regions_covered += n("regions", "covered");
        t.regions += n("regions", "count");
        t.lines_covered += n("lines", "covered");
        t.lines += n("lines", "count");
    }
    let mut lines = Lines::new();
    let mut current: Option<String> = None;
    for l in String::from_utf8(run("lcov")?)?.lines() {
        if let Some(f) = l.strip_prefix("SF:") {
            current = f.strip_prefix(&src).map(str::to_owned);
        } else if let (Some(f), Some(da)) = (&current, l.strip_prefix("DA:")) {
            let mut it = da.split(',');
            if let (Some(line), Some(count)) = (it.next(), it.next())
                && count != "0"
            {
                lines.entry(f.clone()).or_default().insert(line.parse()?);
            }
        }
    }
    Ok((t, lines, regions))
}

/// Hard-links each input of `corpus` that `snapshot` lacks into `out`; returns how many.
fn missing(corpus: &Path, snapshot: &Path, out: &Path) -> anyhow::Result<usize> {
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    std::fs::create_dir_all(out)?;
    let mut n = 0;
    for e in std::fs::read_dir(corpus)? {
        let e = e?;
        if !snapshot.join(e.file_name()).exists() {
            std::fs::hard_link(e.path(), out.join(e.file_name()))?;
            n += 1;
        }
    }
    Ok(n)
}

/// Hard-links each input of `corpus` into `older` or `newer` by its modification time.
fn split(
    corpus: &Path,
    cutoff: SystemTime,
    older: &Path,
    newer: &Path,
) -> anyhow::Result<(usize, usize)> {
    for d in [older, newer] {
        if d.exists() {
            std::fs::remove_dir_all(d)?;
        }
        std::fs::create_dir_all(d)?;
    }
    let (mut o, mut n) = (0, 0);
    for e in std::fs::read_dir(corpus)? {
        let e = e?;
        let modified = e.metadata()?.modified()?;
        let (dir, count) = if modified < cutoff {
            (older, &mut o)
        } else {
            (newer, &mut n)
        };
        std::fs::hard_link(e.path(), dir.join(e.file_name()))?;
        *count += 1;
    }
    Ok((o, n))
}

pub fn run(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let (values, targets) = crate::fuzz::parse_args(args, &["--last"])?;
    let last = values.get("--last").copied().unwrap_or(600);
    let fuzz = root.join("fuzz");
    let target_dir = fuzz.join("target/coverage");
    let work = fuzz.join("coverage/split");
    let nightly = Nightly::find()?;
    for t in targets {
        let log = fuzz.join("artifacts").join(format!("{t}.log"));
        let end = std::fs::metadata(&log)
            .and_then(|m| m.modified())
            .map_err(|e| {
                anyhow::anyhow!("{}: {e} (run `cargo xtask fuzz {t}` first)", log.display())
            })?;
        let cutoff = end - Duration::from_secs(last);
        let cutoff_secs = cutoff.duration_since(SystemTime::UNIX_EPOCH)?.as_secs();
        let snapshot = crate::fuzz::snapshots(&fuzz, t)?
            .into_iter()
            .rev()
            .find(|(ts, _)| *ts <= cutoff_secs);
        let corpus = fuzz.join("corpus").join(t);
        let (older, newer, baseline) = match &snapshot {
            Some((ts, dir)) => {
                // Only the inputs the snapshot lacks (libFuzzer names an input by its SHA-1).
                let newer = work.join(t).join("newer");
                let n = missing(&corpus, dir, &newer)?;
                (
                    dir.clone(),
                    newer,
                    format!(
                        "the corpus {} s before the run ended ({n} inputs added since)",
                        end.duration_since(SystemTime::UNIX_EPOCH)?.as_secs() - ts
                    ),
                )
            }
            None => {
                let (older, newer) = (work.join(t).join("older"), work.join(t).join("newer"));
                let (o, n) = split(&corpus, cutoff, &older, &newer)?;
                (
                    older,
                    newer,
                    format!(
                        "the {o} inputs older than the run's last {last} s ({n} newer; no snapshot)"
                    ),
                )
            }
        };
        let binary = target_dir.join(&nightly.host).join("release").join(t);
        std::fs::create_dir_all(work.join(t))?;
        let loaded = crate::fuzz::loaded_seeds(&fuzz, t);
        let mut base: Vec<&Path> = vec![&older];
        let baseline = if loaded.is_dir() {
            base.push(&loaded);
            format!(
                "{baseline} and the {} inputs the run loaded at its start",
                std::fs::read_dir(&loaded)?.count()
            )
        } else {
            format!("{baseline} (the inputs the run loaded at its start were not kept)")
        };
        let before_prof = work.join(t).join("older.profdata");
        std::fs::copy(profile(root, &target_dir, t, &base)?, &before_prof)?;
        let (before, before_lines, before_regions) =
            measure(&nightly, root, &binary, &before_prof)?;
        let all_prof = work.join(t).join("all.profdata");
        if std::fs::read_dir(&newer)?.next().is_some() {
            let newer_prof = profile(root, &target_dir, t, &[&newer])?;
            let merged = Command::new(nightly.bin.join("llvm-profdata"))
                .arg("merge")
                .arg(&before_prof)
                .arg(&newer_prof)
                .arg("-o")
                .arg(&all_prof)
                .status()?;
            anyhow::ensure!(merged.success(), "llvm-profdata merge failed");
        } else {
            std::fs::copy(&before_prof, &all_prof)?;
        }
        let (all, all_lines, all_regions) = measure(&nightly, root, &binary, &all_prof)?;
        println!(
            "{t}: baseline {baseline}; src/ regions {} -> {} of {}, lines {} -> {} of {}",
            before.regions_covered,
            all.regions_covered,
            all.regions,
            before.lines_covered,
            all.lines_covered,
            all.lines
        );
        for (file, lines) in &all_lines {
            let old = before_lines.get(file);
            let fresh: Vec<String> = lines
                .iter()
                .filter(|l| !old.is_some_and(|o| o.contains(l)))
                .map(u32::to_string)
                .collect();
            if !fresh.is_empty() {
                println!("  new lines in src/{file}: {}", fresh.join(", "));
            }
        }
        // Regions first reached on a line that was already reached (a branch of a condition,
        // a closure, an early return): the line list above does not show them.
        for (file, regions) in &all_regions {
            let old = before_regions.get(file);
            let reached = all_lines.get(file);
            let fresh: Vec<String> = regions
                .iter()
                .filter(|r| !old.is_some_and(|o| o.contains(r)))
                // Not on a line listed above as new.
                .filter(|(l, _)| {
                    before_lines.get(file).is_some_and(|b| b.contains(l))
                        || !reached.is_some_and(|a| a.contains(l))
                })
                .map(|(l, c)| format!("{l}:{c}"))
                .collect();
            if !fresh.is_empty() {
                println!(
                    "  new regions on reached lines in src/{file}: {}",
                    fresh.join(", ")
                );
            }
        }
        std::fs::remove_dir_all(work.join(t))?;
    }
    Ok(())
}
