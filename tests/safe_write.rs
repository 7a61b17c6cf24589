//! Safe writes under SIGKILL (issue #6): the real binary is killed at pseudo-random moments of
//! `fmt` and `convert` runs over 5,000 files; every file must then be exactly its old or its
//! new content, the only litter allowed is agentfmt's own temporary files (a kill can land
//! between a temporary file's creation and its rename), and a completing rerun must leave every
//! file new and no temporary file behind.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use agentfmt::convert::{self, ConvertOptions, Target};
use agentfmt::fmt::{FmtOptions, fmt};
use agentfmt::tools::Tool;
use rayon::prelude::*;

/// Files per tree (the figure).
const FILES: usize = 5_000;
/// Kills at pseudo-random moments per command.
const KILLS: u64 = 5;
/// Extra kills, bisecting the delay, if none of the first ones landed mid-run.
const EXTRA_KILLS: u64 = 8;

/// SplitMix64: a small deterministic generator, seeded per iteration.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// File `i` of the tree, of kind `kind` (0..5: Claude agent and command, Cursor rule, Copilot
/// instructions and prompt), needing fmt changes (CRLF line endings, front-matter keys out of
/// order, trailing spaces, extra blank lines). Unique per `i`, so a file written to the wrong
/// place would show.
fn agent_file(kind: usize, i: usize) -> (String, String) {
    let g = i % 50;
    let (rel, text) = match kind {
        0 => (
            format!("g{g}/.claude/agents/agent-{i}.md"),
            format!(
                "---\r\ntools: Read, Grep\r\ndescription: Reviews code, file {i}  \r\nname: agent-{i}\r\n---\r\n# Agent {i}   \r\n\r\n\r\n\r\nReview the code.  \r\nBe strict.\t\r\n"
            ),
        ),
        1 => (
            format!("g{g}/.claude/commands/cmd-{i}.md"),
            format!(
                "---\r\nargument-hint: [file]\r\ndescription: Command {i}   \r\n---\r\nFix $ARGUMENTS now.   \r\n\r\n\r\n"
            ),
        ),
        2 => (
            format!("g{g}/.cursor/rules/rule-{i}.mdc"),
            format!(
                "---\r\nalwaysApply: false\r\nglobs: src/**/*.ts\r\ndescription: Rule {i}\r\n---\r\n* Use strict mode {i}.   \r\n* Prefer const.\r\n"
            ),
        ),
        3 => (
            format!("g{g}/.github/instructions/ins-{i}.instructions.md"),
            format!("---\r\napplyTo: \"**/*.py\"\r\n---\r\nInstructions {i}.   \r\n\r\n\r\n"),
        ),
        _ => (
            format!("g{g}/.github/prompts/p-{i}.prompt.md"),
            format!(
                "---\r\nmode: agent\r\ndescription: Prompt {i}\r\n---\r\nPrompt body {i}.  \r\n"
            ),
        ),
    };
    (rel, text)
}

/// A tree's files: relative path → (old bytes, expected new bytes).
type Expected = BTreeMap<String, (Vec<u8>, Vec<u8>)>;

/// Every file under `dir` (recursively), relative, `/`-separated.
fn list(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, root, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy();
                out.push(rel.replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out.sort();
    out
}

/// Whether `rel` names one of `atomic_write`'s temporary files (`.<name>.agentfmt-<pid>-<n>.tmp`).
fn is_temp(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.starts_with('.') && name.ends_with(".tmp") && name.contains(".agentfmt-")
}

fn write_tree(dir: &Path, files: &Expected) {
    files.par_iter().for_each(|(rel, (old, _))| {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, old).unwrap();
    });
}

/// How a killed run left the files it writes.
#[derive(Debug, Default)]
struct State {
    old: usize,
    new: usize,
    absent: usize,
    temps: usize,
}

impl State {
    fn mixed(&self) -> bool {
        self.new > 0 && self.old + self.absent > 0
    }
}

/// Asserts that every file of `files` under `dir` is exactly its old or its new content (or
/// absent, when `old` is empty: an output not yet written) and that the only other files are
/// temporary files and those in `allowed`.
fn inspect(dir: &Path, files: &Expected, allowed: &[&str], what: &str) -> State {
    let mut st = State::default();
    for (rel, (old, new)) in files {
        match std::fs::read(dir.join(rel)) {
            Ok(bytes) if bytes == *new => st.new += 1,
            Ok(bytes) if bytes == *old && !old.is_empty() => st.old += 1,
            Ok(bytes) => panic!(
                "{what}: {rel} is neither old nor new:\n{}",
                String::from_utf8_lossy(&bytes)
            ),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && old.is_empty() => {
                st.absent += 1;
            }
            Err(e) => panic!("{what}: {rel}: {e}"),
        }
    }
    for rel in list(dir) {
        if is_temp(&rel) {
            st.temps += 1;
        } else {
            assert!(
                files.contains_key(&rel) || allowed.contains(&rel.as_str()),
                "{what}: unexpected file {rel}"
            );
        }
    }
    st
}

fn run(cmd: &mut Command) -> Output {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.output().unwrap()
}

/// Starts `cmd`, kills it with SIGKILL `delay` after `trigger` appears (after the start when
/// `None`), if it is still running, and reaps it. Returns whether the kill landed.
fn run_and_kill(cmd: &mut Command, trigger: Option<&Path>, delay: Duration) -> bool {
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    if let Some(trigger) = trigger {
        while !trigger.exists() {
            if child.try_wait().unwrap().is_some() {
                return false;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    let start = Instant::now();
    while start.elapsed() < delay {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(2).min(delay - start.elapsed().min(delay)));
    }
    // `Child::kill` sends SIGKILL on Unix.
    let killed = child.kill().is_ok();
    let status = child.wait().unwrap();
    killed && status.code().is_none()
}

/// Runs the kill loop for one command: `KILLS` kills at delays (after `trigger` appears, see
/// [`run_and_kill`]) spread over `[lo, hi]`
/// (stratified, pseudo-random inside each stratum), then up to `EXTRA_KILLS` bisecting ones if
/// none landed mid-run. After each kill, `check` inspects the tree and `rerun_and_reset`
/// completes the run, asserts the final state and restores the old state. Returns the states.
fn kill_loop(
    name: &str,
    trigger: Option<&Path>,
    (lo, hi): (Duration, Duration),
    mut cmd: impl FnMut() -> Command,
    check: impl Fn(&str) -> State,
    rerun_and_reset: impl Fn(&str, &State),
) -> Vec<(Duration, State)> {
    let mut states = Vec::new();
    let (mut lo, mut hi) = (lo, hi);
    let span = hi.saturating_sub(lo);
    for k in 0..KILLS + EXTRA_KILLS {
        if k >= KILLS && states.iter().any(|(_, s): &(Duration, State)| s.mixed()) {
            break;
        }
        let delay = if k < KILLS {
            let mut rng = SplitMix(0x5afe_0000 + k);
            lo + span.mul_f64((k as f64 + rng.unit()) / KILLS as f64)
        } else {
            (lo + hi) / 2
        };
        let what = format!("{name} killed after {delay:?}");
        let landed = run_and_kill(&mut cmd(), trigger, delay);
        let st = check(&what);
        if k >= KILLS || landed {
            if st.new == 0 {
                lo = lo.max(delay);
            } else if !st.mixed() {
                hi = hi.min(delay);
            }
        }
        rerun_and_reset(&what, &st);
        states.push((delay, st));
    }
    assert!(
        states.iter().any(|(_, s)| s.mixed()),
        "{name}: no kill landed mid-run: {states:?}"
    );
    states
}

/// A temporary directory, on tmpfs where there is one: `atomic_write` calls `fsync` for every
/// file, which on a disk costs ~5 ms each (27 s instead of 3 s for one debug run here) and has
/// nothing to do with process death, the subject of these tests.
fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().unwrap()
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_agentfmt"))
}

#[test]
#[expect(
    clippy::print_stderr,
    reason = "the measured timings are this test's report"
)]
fn fmt_survives_sigkill() {
    let tmp = scratch();
    let dir = tmp.path().join("tree");
    let files: Expected = (0..FILES)
        .into_par_iter()
        .map(|i| {
            let (rel, text) = agent_file(i % 5, i);
            let (doc, _) = agentfmt::check::load(text.as_bytes(), &rel, None).unwrap();
            let out = fmt(&doc, &FmtOptions::default());
            assert!(out.changed, "{rel} needs no formatting");
            (rel, (text.into_bytes(), out.text.into_bytes()))
        })
        .collect();
    write_tree(&dir, &files);
    let fmt_cmd = || {
        let mut c = bin();
        c.args(["fmt", "--no-config"]).arg(&dir);
        c
    };
    let check = |what: &str| inspect(&dir, &files, &[], what);

    // One complete run: it writes exactly the expected files, and its duration spreads the kills.
    let start = Instant::now();
    let out = run(&mut fmt_cmd());
    let full = start.elapsed();
    assert!(out.status.success(), "{out:?}");
    let st = check("complete run");
    assert_eq!((st.new, st.temps), (FILES, 0), "{st:?}");
    write_tree(&dir, &files);

    let states = kill_loop(
        "fmt",
        None,
        (Duration::ZERO, full),
        fmt_cmd,
        check,
        |what, killed| {
            let out = run(&mut fmt_cmd());
            assert!(out.status.success(), "{what}: rerun failed: {out:?}");
            let st = check(what);
            assert_eq!((st.new, st.temps), (FILES, 0), "{what}: after the rerun");
            let notes = String::from_utf8_lossy(&out.stderr)
                .matches("left by an interrupted agentfmt run")
                .count();
            assert_eq!(notes, killed.temps, "{what}: {out:?}");
            write_tree(&dir, &files);
        },
    );
    eprintln!("fmt: complete run {full:?}; kills: {states:?}");
}

/// The manifest's content hash, as `src/cli/convert.rs` writes it.
fn fnv64(bytes: &[u8]) -> String {
    format!("{:016x}", agentfmt::hash::fnv1a64(bytes))
}

const MANIFEST: &str = ".agentfmt-generated.json";

#[test]
#[expect(
    clippy::print_stderr,
    reason = "the measured timings are this test's report"
)]
fn convert_survives_sigkill() {
    let tmp = scratch();
    let src = tmp.path().join("src");
    let out_dir = tmp.path().join("out");
    // Sources that all convert to Copilot: Claude agents and commands, Cursor rules.
    let sources: BTreeMap<String, String> = (0..FILES).map(|i| agent_file(i % 3, i)).collect();
    assert_eq!(sources.len(), FILES);
    for (rel, text) in &sources {
        let p = src.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    // The outputs, computed in process: absent before, these bytes after.
    let outputs: Expected = sources
        .par_iter()
        .flat_map_iter(|(rel, text)| {
            let (doc, _) = agentfmt::check::load(text.as_bytes(), rel, None).unwrap();
            convert::convert(
                &doc,
                Target::Tool(Tool::Copilot),
                &ConvertOptions::default(),
            )
            .unwrap()
            .outputs
            .into_iter()
            .map(|o| (o.path, (Vec::new(), o.text.into_bytes())))
        })
        .collect();
    assert_eq!(outputs.len(), FILES);
    let first = outputs.keys().next().unwrap().clone();
    let convert_cmd = || {
        let mut c = bin();
        c.args(["convert", "--no-config", "--to", "copilot", "--out"])
            .arg(&out_dir)
            .arg(&src);
        c
    };
    // The manifest is absent, or complete JSON naming every output with its hash.
    let check = |what: &str| {
        let st = inspect(&out_dir, &outputs, &[MANIFEST], what);
        if let Ok(text) = std::fs::read_to_string(out_dir.join(MANIFEST)) {
            let m = agentfmt::sync::manifest::Manifest::parse(&text)
                .unwrap_or_else(|e| panic!("{what}: manifest is not complete ({e}): {text}"))
                .files;
            assert_eq!(m.len(), FILES, "{what}: manifest");
            for (rel, (_, new)) in &outputs {
                assert_eq!(
                    m.get(rel).map(|e| &e.hash),
                    Some(&fnv64(new)),
                    "{what}: manifest entry {rel}"
                );
            }
        }
        st
    };

    // One complete run; it also tells when the writing starts (outputs are written last, in
    // path order, after every input is converted and checked, so the first output appears when
    // the writes start), so the kills aim at the writes.
    let start = Instant::now();
    // (Its output is not read: a pipe nobody drains would block it once full.)
    let mut child = convert_cmd()
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut writes_start = None;
    while child.try_wait().unwrap().is_none() {
        if writes_start.is_none() && out_dir.join(&first).exists() {
            writes_start = Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let full = start.elapsed();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let st = check("complete run");
    assert_eq!((st.new, st.temps), (FILES, 0), "{st:?}");
    assert!(out_dir.join(MANIFEST).exists());
    let writes_start = writes_start.unwrap_or(Duration::ZERO);
    std::fs::remove_dir_all(&out_dir).unwrap();

    // Kills are timed from the first output's appearance, over the writing phase.
    let trigger = out_dir.join(&first);
    let states = kill_loop(
        "convert",
        Some(&trigger),
        (Duration::ZERO, full.saturating_sub(writes_start)),
        convert_cmd,
        check,
        |what, killed| {
            let out = run(&mut convert_cmd());
            assert!(out.status.success(), "{what}: rerun failed: {out:?}");
            let st = check(what);
            assert_eq!((st.new, st.temps), (FILES, 0), "{what}: after the rerun");
            // The rerun claims the outputs the killed run wrote before saving the manifest.
            assert!(out_dir.join(MANIFEST).exists(), "{what}: no manifest");
            let notes = String::from_utf8_lossy(&out.stderr)
                .matches("left by an interrupted agentfmt run")
                .count();
            assert_eq!(notes, killed.temps, "{what}: {out:?}");
            std::fs::remove_dir_all(&out_dir).unwrap();
        },
    );
    eprintln!("convert: complete run {full:?}, writes from {writes_start:?}; kills: {states:?}");
}
