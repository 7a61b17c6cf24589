//! `cargo xtask fuzz [--seconds N] [--plateau S] [--cross-from T[,T...]] [--seeds-only]
//! [TARGET...]`: a bounded run of the cargo-fuzz targets in `fuzz/` (nightly and
//! `cargo install cargo-fuzz` needed), seeded from `corpus/`, each fixture also at its own
//! kind's logical path.
//!
//! Builds with `cargo +nightly fuzz build`, runs each target for `--seconds` (default 60) with
//! the dictionary, and prints runs, coverage and crashes per target. With `--plateau S` a
//! target stops early once its edge coverage (`cov:`) has not grown for `S` seconds: that is
//! the "run until it stops finding new coverage" of a long run, with `--seconds` as the cap.
//! With `--cross-from T` each target also starts from target `T`'s corpus (with
//! `--cross-from T,U`, from each of them), first minimized with `T`'s own binary
//! (`-merge=1`): every target reads the same bytes, an agent file, so the inputs the fast
//! `parse` target found are a head start for the slow ones
//! (cross-pollination). Each target picks an input's logical path by its length, from its own
//! list, so each input also goes in with the line breaks appended that put it at the path `T`
//! read it at. Fails if any target finds a crash or a timeout; the input is left in
//! `fuzz/artifacts/<target>/` and the full libFuzzer output in `fuzz/artifacts/<target>.log`.
//! A target with a saved corpus, `fuzz/saved/<target>.tar.xz`, also starts from it.
//!
//! Every input a target loads at the start (the seeds from `corpus/`, its saved corpus, the
//! padded inputs of `--cross-from`) is kept, as hard links, in `fuzz/coverage/seeds/<target>/`
//! until that target's next run: `cargo xtask fuzz-coverage` counts them in the baseline,
//! because libFuzzer holds them from the first second but writes none of them to
//! `fuzz/corpus/<target>/`. `--seeds-only` builds that directory and stops without fuzzing
//! (for a run made before the directory was kept; give it the run's `--cross-from`).
//!
//! `cargo xtask fuzz-save [TARGET...]` writes that saved corpus: each target's corpus in
//! `fuzz/corpus/` minimized with its own binary, as a reproducible `tar.xz` (the system's
//! `tar` and `xz`). `fuzz/corpus/` is not in git and a new machine starts without it; the saved
//! corpus carries what earlier runs found to the next machine.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Debug assertions on; no sanitizer: agentfmt forbids `unsafe`, and ASan halves the runs.
const BUILD_FLAGS: &[&str] = &["--sanitizer", "none", "--debug-assertions"];

fn cargo_fuzz(fuzz_dir: &Path) -> Command {
    let mut c = Command::new("cargo");
    // `cargo xtask` runs under the stable toolchain's environment; let `+nightly` decide.
    c.env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .arg("+nightly")
        .arg("fuzz");
    c.current_dir(fuzz_dir.parent().expect("fuzz/ has a parent"));
    c
}

/// Copies every file under `corpus/` into `out` (a directory of this run's own, so that two
/// runs side by side do not remove each other's seeds) under a flat name: libFuzzer does not
/// descend into dot directories such as `.claude/`. For a `target` that reads each input at a
/// logical path chosen by its length, a file whose path names a kind
/// (`corpus/rules/bypass-permissions/fail/.claude/agents/yolo.md`) also goes in with the line
/// breaks appended that put it at `target`'s path of that kind, or where its kind is inferred
/// ([`at_kind_path`]): otherwise a rule fixture lands at whatever path its length picks, and
/// the fuzzer has to find the rule on its own. Returns how many files it wrote.
fn seeds(root: &Path, out: &Path, target: &str) -> anyhow::Result<usize> {
    fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
        for e in std::fs::read_dir(dir)? {
            let p = e?.path();
            if p.is_dir() {
                walk(&p, files)?;
            } else {
                files.push(p);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(&root.join("corpus"), &mut files)?;
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    std::fs::create_dir_all(out)?;
    let mut n = 0;
    for f in &files {
        let rel = f.strip_prefix(root)?.to_string_lossy().replace('\\', "/");
        let flat = rel.replace('/', "__");
        let data = std::fs::read(f)?;
        if let Some(kind) = agentfmt::tools::detect(&rel)
            && let Some(padded) = at_kind_path(target, &data, kind)
            && padded != data
        {
            std::fs::write(out.join(format!("{flat}-at-its-path")), padded)?;
            n += 1;
        }
        std::fs::write(out.join(flat), data)?;
        n += 1;
    }
    Ok(n)
}

/// `data` padded ([`agentfmt::fuzz::pad_to`]) so that `target` reads it at its path of `kind`,
/// or, when `target` reads no path of that kind (`convert` reads no Cursor or Copilot
/// subagent path), at its path that names no kind if the kind inferred there from the
/// content is `kind`. `None` when neither holds.
fn at_kind_path(target: &str, data: &[u8], kind: agentfmt::tools::Kind) -> Option<Vec<u8>> {
    use agentfmt::tools::detect;
    agentfmt::fuzz::pad_to(target, data, |p| detect(p) == Some(kind)).or_else(|| {
        let padded = agentfmt::fuzz::pad_to(target, data, |p| detect(p).is_none())?;
        let path = agentfmt::fuzz::path_at(target, padded.len())?;
        let (doc, _) = agentfmt::check::load(&padded, path, None).ok()?;
        (doc.kind == kind).then_some(padded)
    })
}

/// How often a run keeps a snapshot of its corpus for `cargo xtask fuzz-coverage`.
const SNAPSHOT_EVERY: Duration = Duration::from_secs(300);
/// How many snapshots a target keeps: the last 20 minutes of its last run.
const SNAPSHOTS_KEPT: usize = 4;

/// Hard-links the corpus of `target` into `fuzz/coverage/snapshots/<target>/<unix seconds>/`
/// and removes all but the newest [`SNAPSHOTS_KEPT`]. The links keep inputs that libFuzzer
/// later deletes when it shrinks them, so a snapshot is exactly the corpus at that moment.
pub fn snapshot(fuzz_dir: &Path, target: &str) -> anyhow::Result<()> {
    let dir = fuzz_dir.join("coverage/snapshots").join(target);
    std::fs::create_dir_all(&dir)?;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?;
    let partial = dir.join(format!("{}.partial", now.as_secs()));
    std::fs::create_dir_all(&partial)?;
    for e in std::fs::read_dir(fuzz_dir.join("corpus").join(target))? {
        let e = e?;
        // The fuzzer may delete an input between the listing and the link.
        let _ = std::fs::hard_link(e.path(), partial.join(e.file_name()));
    }
    std::fs::rename(&partial, dir.join(now.as_secs().to_string()))?;
    let mut kept = snapshots(fuzz_dir, target)?;
    kept.reverse();
    for (_, old) in kept.into_iter().skip(SNAPSHOTS_KEPT) {
        std::fs::remove_dir_all(old)?;
    }
    Ok(())
}

/// Hard-links every file of `seed_dirs` into `fuzz/coverage/seeds/<target>/` (replacing what
/// an earlier run left there), each name prefixed with its directory's index so that two
/// directories cannot collide, and returns how many files it linked.
fn keep_seeds(fuzz_dir: &Path, target: &str, seed_dirs: &[&Path]) -> anyhow::Result<usize> {
    let dir = loaded_seeds(fuzz_dir, target);
    let partial = dir.with_extension("partial");
    for d in [&dir, &partial] {
        if d.exists() {
            std::fs::remove_dir_all(d)?;
        }
    }
    std::fs::create_dir_all(&partial)?;
    let mut n = 0;
    for (i, from) in seed_dirs.iter().enumerate() {
        for e in std::fs::read_dir(from)? {
            let e = e?;
            if e.file_type()?.is_file() {
                let mut name = std::ffi::OsString::from(format!("{i}-"));
                name.push(e.file_name());
                std::fs::hard_link(e.path(), partial.join(name))?;
                n += 1;
            }
        }
    }
    std::fs::rename(&partial, &dir)?;
    Ok(n)
}

/// Where [`keep_seeds`] keeps the inputs `target`'s last run loaded at its start.
pub fn loaded_seeds(fuzz_dir: &Path, target: &str) -> std::path::PathBuf {
    fuzz_dir.join("coverage/seeds").join(target)
}

/// The complete snapshots of `target`, oldest first, with the unix second each was taken.
pub fn snapshots(fuzz_dir: &Path, target: &str) -> anyhow::Result<Vec<(u64, std::path::PathBuf)>> {
    let dir = fuzz_dir.join("coverage/snapshots").join(target);
    let mut v = Vec::new();
    if dir.exists() {
        for e in std::fs::read_dir(&dir)? {
            let p = e?.path();
            if let Some(ts) = p.file_name().and_then(|n| n.to_str()?.parse().ok()) {
                v.push((ts, p));
            }
        }
    }
    v.sort();
    Ok(v)
}

#[derive(Default)]
struct Outcome {
    runs: Option<u64>,
    status: Option<String>,
    crash: Option<String>,
    message: Option<String>,
    /// Highest edge coverage seen, and the seconds into the run at which it was first reached.
    cov: u64,
    cov_at: f64,
    /// Seconds the target ran, and whether it was stopped at a coverage plateau.
    elapsed: f64,
    plateau: bool,
}

/// The value after `key` in a libFuzzer status line (`cov: 123`).
fn field<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = &line[line.find(key)? + key.len()..];
    rest.split_whitespace().next()
}

fn run_target(
    fuzz_dir: &Path,
    seed_dirs: &[&Path],
    target: &str,
    seconds: u64,
    plateau: Option<u64>,
) -> anyhow::Result<Outcome> {
    let corpus = fuzz_dir.join("corpus").join(target);
    std::fs::create_dir_all(&corpus)?;
    let log_path = fuzz_dir.join("artifacts").join(format!("{target}.log"));
    std::fs::create_dir_all(log_path.parent().expect("artifacts dir"))?;
    let mut log = std::fs::File::create(&log_path)?;
    let mut child = cargo_fuzz(fuzz_dir)
        .args(["run", target])
        .args(BUILD_FLAGS)
        .arg(&corpus)
        .args(seed_dirs)
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!(
            "-dict={}",
            fuzz_dir.join("agentfmt.dict").display()
        ))
        .args(["-timeout=30", "-print_final_stats=1"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        // Its own process group, so that a plateau stop reaches the fuzzer under cargo.
        .process_group(0)
        .spawn()?;
    let start = Instant::now();
    let shared = Arc::new(Mutex::new(Outcome::default()));
    let stderr = child.stderr.take().expect("piped stderr");
    let reader = {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || -> std::io::Result<()> {
            for line in BufReader::new(stderr).lines() {
                let line = line?;
                writeln!(log, "{line}")?;
                let mut o = shared.lock().expect("outcome lock");
                if line.starts_with('#') && line.contains("cov: ") {
                    if let Some(cov) = field(&line, "cov: ").and_then(|c| c.parse::<u64>().ok())
                        && cov > o.cov
                    {
                        o.cov = cov;
                        o.cov_at = start.elapsed().as_secs_f64();
                    }
                    o.status = Some(format!(
                        "cov: {} ft: {} corp: {}",
                        field(&line, "cov: ").unwrap_or("?"),
                        field(&line, "ft: ").unwrap_or("?"),
                        field(&line, "corp: ").unwrap_or("?")
                    ));
                } else if let Some(n) = line.strip_prefix("stat::number_of_executed_units:") {
                    o.runs = n.trim().parse().ok();
                } else if let Some(at) = line.find("Test unit written to ") {
                    o.crash = Some(line[at + "Test unit written to ".len()..].trim().to_owned());
                } else if o.message.is_none()
                    && (line.contains("panicked at") || line.contains("ERROR: libFuzzer"))
                {
                    o.message = Some(line.trim().to_owned());
                }
            }
            Ok(())
        })
    };
    let mut stopped = false;
    let mut snapshot_at = start;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if snapshot_at.elapsed() >= SNAPSHOT_EVERY {
            snapshot(fuzz_dir, target)?;
            snapshot_at = Instant::now();
        }
        if let Some(limit) = plateau {
            let (cov, cov_at) = {
                let o = shared.lock().expect("outcome lock");
                (o.cov, o.cov_at)
            };
            if !stopped && cov > 0 && start.elapsed().as_secs_f64() - cov_at > limit as f64 {
                // SIGINT makes libFuzzer print its final stats and exit.
                let _ = Command::new("kill")
                    .args(["-INT", &format!("-{}", child.id())])
                    .status();
                stopped = true;
            }
        }
        std::thread::sleep(Duration::from_millis(250));
    };
    reader
        .join()
        .map_err(|_| anyhow::anyhow!("stderr reader panicked"))??;
    let mut o = std::mem::take(&mut *shared.lock().expect("outcome lock"));
    o.elapsed = start.elapsed().as_secs_f64();
    o.plateau = stopped;
    if !status.success() && o.crash.is_none() && !stopped {
        o.crash = Some(format!(
            "libFuzzer exited with {status}; see {}",
            log_path.display()
        ));
    }
    Ok(o)
}

/// Splits `args` into the values of the numeric `options` given (`--seconds 60`) and the
/// fuzz targets named (every target when none is).
///
/// # Errors
/// An option without a number, or a word that is neither an option nor a target.
pub fn parse_args(
    args: &[String],
    options: &[&str],
) -> anyhow::Result<(std::collections::HashMap<String, u64>, Vec<&'static str>)> {
    let mut values = std::collections::HashMap::new();
    let mut targets = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if options.contains(&a.as_str()) {
            let n = it
                .next()
                .ok_or_else(|| anyhow::anyhow!("{a} needs a value in seconds"))?;
            values.insert(a.clone(), n.parse()?);
        } else if let Some(t) = agentfmt::fuzz::TARGETS.iter().find(|t| **t == a.as_str()) {
            targets.push(*t);
        } else {
            anyhow::bail!(
                "unknown fuzz target `{a}`: expected {}",
                agentfmt::fuzz::TARGETS.join(", ")
            );
        }
    }
    if targets.is_empty() {
        targets = agentfmt::fuzz::TARGETS.to_vec();
    }
    Ok((values, targets))
}

/// Minimizes the corpus of target `from` into `out` with its own binary (libFuzzer's
/// `-merge=1`: the fewest inputs that keep its coverage), and returns how many it kept. The
/// merge's output goes to `fuzz/artifacts/<from>-merge.log`, not to `<from>.log`, whose
/// modification time `cargo xtask fuzz-coverage` takes as the end of `from`'s last run.
fn minimized_corpus(fuzz_dir: &Path, from: &str, out: &Path) -> anyhow::Result<usize> {
    std::fs::create_dir_all(out)?;
    let log = std::fs::File::create(fuzz_dir.join("artifacts").join(format!("{from}-merge.log")))?;
    let status = cargo_fuzz(fuzz_dir)
        .args(["run", from])
        .args(BUILD_FLAGS)
        .arg(out)
        .arg(fuzz_dir.join("corpus").join(from))
        .args(["--", "-merge=1", "-timeout=30"])
        .stdout(Stdio::null())
        .stderr(log)
        .status()?;
    anyhow::ensure!(
        status.success(),
        "minimizing the `{from}` corpus failed; see fuzz/artifacts/{from}-merge.log"
    );
    Ok(std::fs::read_dir(out)?.count())
}

/// Copies the minimized inputs of target `from` in `minimized` into `out` for target `to`:
/// each as it is, and, where that differs, with the line breaks appended that make `to` read
/// it at the logical path `from` read it at ([`agentfmt::fuzz::carry_over`]). Returns how many
/// padded copies were written.
fn carry_over(minimized: &Path, out: &Path, from: &str, to: &str) -> anyhow::Result<usize> {
    std::fs::create_dir_all(out)?;
    let mut padded = 0;
    for entry in std::fs::read_dir(minimized)? {
        let entry = entry?;
        let data = std::fs::read(entry.path())?;
        let name = entry.file_name();
        std::fs::write(out.join(&name), &data)?;
        if let Some(moved) = agentfmt::fuzz::carry_over(from, to, &data)
            && moved != data
        {
            let mut moved_name = name.clone();
            moved_name.push(format!("-at-{from}-path"));
            std::fs::write(out.join(moved_name), moved)?;
            padded += 1;
        }
    }
    Ok(padded)
}

/// A directory of this run's own under `fuzz/seeds/`, removed however the run ends.
struct SeedDir(std::path::PathBuf);

impl Drop for SeedDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The saved corpus of `target`: `fuzz/saved/<target>.tar.xz`.
fn saved_corpus(fuzz_dir: &Path, target: &str) -> std::path::PathBuf {
    fuzz_dir.join("saved").join(format!("{target}.tar.xz"))
}

/// Runs `tar` with `args`, failing with its name and arguments if it does not succeed.
fn tar(args: &[&std::ffi::OsStr]) -> anyhow::Result<()> {
    let status = Command::new("tar")
        .args(args)
        .status()
        .map_err(|e| anyhow::anyhow!("cannot run `tar`: {e}"))?;
    anyhow::ensure!(status.success(), "`tar {args:?}` failed");
    Ok(())
}

/// Unpacks the saved corpus of `target`, if there is one, into `out`; returns how many inputs
/// it holds (0 without a saved corpus).
fn unpack_saved(fuzz_dir: &Path, target: &str, out: &Path) -> anyhow::Result<usize> {
    let archive = saved_corpus(fuzz_dir, target);
    if !archive.is_file() {
        return Ok(0);
    }
    std::fs::create_dir_all(out)?;
    tar(&[
        "-xJf".as_ref(),
        archive.as_os_str(),
        "-C".as_ref(),
        out.as_os_str(),
    ])?;
    Ok(std::fs::read_dir(out)?.count())
}

/// `cargo xtask fuzz-save [TARGET...]` (every target by default): minimizes each target's
/// corpus in `fuzz/corpus/<target>/` with its own binary and writes it to
/// `fuzz/saved/<target>.tar.xz`, with names sorted and times, owners and modes fixed so that
/// the same inputs give the same bytes. A target without a corpus is skipped.
///
/// # Errors
/// When the build, the minimization or `tar` fails.
pub fn save(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let (_, targets) = parse_args(args, &[])?;
    let fuzz_dir = root.join("fuzz");
    std::fs::create_dir_all(fuzz_dir.join("saved"))?;
    std::fs::create_dir_all(fuzz_dir.join("artifacts"))?;
    for t in targets {
        if !fuzz_dir.join("corpus").join(t).is_dir() {
            println!("{t}: no corpus in fuzz/corpus/{t}/, skipped");
            continue;
        }
        let tmp = SeedDir(
            fuzz_dir
                .join("seeds")
                .join(format!("{}-save-{t}", std::process::id())),
        );
        let kept = minimized_corpus(&fuzz_dir, t, &tmp.0)?;
        let archive = saved_corpus(&fuzz_dir, t);
        tar(&[
            "--sort=name".as_ref(),
            "--mtime=@0".as_ref(),
            "--owner=0".as_ref(),
            "--group=0".as_ref(),
            "--numeric-owner".as_ref(),
            "--mode=a=r,u+w".as_ref(),
            "-cJf".as_ref(),
            archive.as_os_str(),
            "-C".as_ref(),
            tmp.0.as_os_str(),
            ".".as_ref(),
        ])?;
        let bytes = std::fs::metadata(&archive)?.len();
        println!("{t}: {kept} inputs, {bytes} bytes in fuzz/saved/{t}.tar.xz");
    }
    Ok(())
}

pub fn run(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let mut args = args.to_vec();
    let cross_from: Vec<&'static str> = match args.iter().position(|a| a == "--cross-from") {
        Some(i) => {
            anyhow::ensure!(i + 1 < args.len(), "--cross-from needs a fuzz target");
            let from = args.remove(i + 1);
            args.remove(i);
            let named: Vec<String> = from.split(',').map(str::to_owned).collect();
            parse_args(&named, &[])?.1
        }
        None => Vec::new(),
    };
    let seeds_only = match args.iter().position(|a| a == "--seeds-only") {
        Some(i) => {
            args.remove(i);
            true
        }
        None => false,
    };
    let (values, targets) = parse_args(&args, &["--seconds", "--plateau"])?;
    let seconds = values.get("--seconds").copied().unwrap_or(60);
    let plateau = values.get("--plateau").copied();
    let fuzz_dir = root.join("fuzz");
    let seed_guard = SeedDir(fuzz_dir.join("seeds").join(std::process::id().to_string()));
    let seed_dir = &seed_guard.0;
    let built = cargo_fuzz(&fuzz_dir)
        .arg("build")
        .args(BUILD_FLAGS)
        .status()
        .map_err(|e| anyhow::anyhow!("cannot run `cargo +nightly fuzz`: {e}"))?;
    anyhow::ensure!(
        built.success(),
        "`cargo +nightly fuzz build` failed (needs a nightly toolchain and `cargo install cargo-fuzz`)"
    );
    let cross_guard = SeedDir(
        fuzz_dir
            .join("seeds")
            .join(format!("{}-cross", std::process::id())),
    );
    let saved_guard = SeedDir(
        fuzz_dir
            .join("seeds")
            .join(format!("{}-saved", std::process::id())),
    );
    for &from in &cross_from {
        let kept = minimized_corpus(
            &fuzz_dir,
            from,
            &cross_guard.0.join(format!("minimized-{from}")),
        )?;
        println!("cross-pollination: {kept} inputs from the minimized `{from}` corpus");
    }
    if !seeds_only {
        println!(
            "\n{:<14} {:>10} {:>8}  {:<40} {:>12}  crashes",
            "target", "runs", "seconds", "coverage", "last new cov"
        );
    }
    let mut failed = Vec::new();
    for t in targets {
        let own_seeds = seed_dir.join(t);
        let n = seeds(root, &own_seeds, t)?;
        println!("  {t}: {n} seeds from corpus/ (fixtures also at their own kind's path)");
        let carried: Vec<std::path::PathBuf> = cross_from
            .iter()
            .map(|from| cross_guard.0.join(format!("{t}-from-{from}")))
            .collect();
        let saved = saved_guard.0.join(t);
        let mut seed_dirs = vec![own_seeds.as_path()];
        let n = unpack_saved(&fuzz_dir, t, &saved)?;
        if n > 0 {
            println!("  {t}: {n} inputs from fuzz/saved/{t}.tar.xz");
            seed_dirs.push(&saved);
        }
        for (&from, carried) in cross_from.iter().zip(&carried) {
            let n = carry_over(
                &cross_guard.0.join(format!("minimized-{from}")),
                carried,
                from,
                t,
            )?;
            println!("  {t}: {n} `{from}` inputs also padded to the path `{from}` read them at");
            seed_dirs.push(carried);
        }
        let kept = keep_seeds(&fuzz_dir, t, &seed_dirs)?;
        if seeds_only {
            println!(
                "  {t}: {kept} loaded inputs kept in {}",
                loaded_seeds(&fuzz_dir, t).display()
            );
            continue;
        }
        let o = run_target(&fuzz_dir, &seed_dirs, t, seconds, plateau)?;
        println!(
            "{t:<14} {:>10} {:>8.0}  {:<40} {:>11.0}s  {}{}",
            o.runs.map_or_else(|| "?".to_owned(), |r| r.to_string()),
            o.elapsed,
            o.status.as_deref().unwrap_or("?"),
            o.cov_at,
            usize::from(o.crash.is_some()),
            if o.plateau { "  (plateau)" } else { "" }
        );
        if let Some(c) = o.crash {
            println!("  {}", o.message.as_deref().unwrap_or(""));
            println!("  input: {c}");
            failed.push(t);
        }
    }
    anyhow::ensure!(
        failed.is_empty(),
        "fuzz targets failed: {} (keep each input under tests/data/fuzz-regressions/<target>/)",
        failed.join(", ")
    );
    Ok(())
}
