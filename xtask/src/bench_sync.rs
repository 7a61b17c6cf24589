//! The `sync` part of `cargo xtask bench`: a Claude Code tree of 500 sources (subagents, slash
//! commands, rules, skills with a script, CLAUDE.md) synced to five targets (Cursor, Copilot,
//! AGENTS.md, Gemini CLI, Codex), with rulesync's `generate` on the same sources beside it
//! when it can run.
//!
//! rulesync is found through `RULESYNC` (a command line, e.g. `node /path/to/rulesync/dist/index.js`)
//! or `rulesync` on `PATH`. Its sources are imported from the same Claude Code tree with
//! `rulesync import --targets claudecode` (not timed); `generate` is then timed for the same
//! five targets. Each tool runs on a fresh copy per run, so every run does the whole work.

use std::path::Path;
use std::process::Command;

use super::bench::time_cmd;

/// Sources in the tree.
const SOURCES: usize = 500;

fn put(root: &Path, rel: &str, text: &str) -> anyhow::Result<()> {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().expect("has parent"))?;
    std::fs::write(p, text)?;
    Ok(())
}

/// Writes the source tree: `SOURCES` files, in the proportions a large real `.claude/` has.
pub fn source_tree(root: &Path) -> anyhow::Result<()> {
    put(
        root,
        "CLAUDE.md",
        "# Project\n\nUse pnpm. Run `pnpm test` before every commit.\n\n## Style\n\n- Prefer early returns.\n- Name functions after what they return.\n",
    )?;
    put(
        root,
        "agentfmt.toml",
        "[sync]\nsource = \"claude\"\ntargets = [\"cursor\", \"copilot\", \"agents-md\", \"gemini\", \"codex\"]\n",
    )?;
    let para = "Read the surrounding code first. Keep the change small, and explain why in the commit message.\n";
    let mut n = 1;
    let mut i = 0;
    while n < SOURCES {
        match i % 10 {
            0..=2 => put(
                root,
                &format!(".claude/agents/agent-{i}.md"),
                &format!(
                    "---\nname: agent-{i}\ndescription: Reviews module {i} for correctness and style\ntools: Read, Grep, Glob\nmodel: sonnet\n---\n\nYou review module {i}.\n\n{}",
                    para.repeat(20)
                ),
            )?,
            3..=5 => put(
                root,
                &format!(".claude/commands/cmd-{i}.md"),
                &format!(
                    "---\ndescription: Run task {i}\nargument-hint: \"[target]\"\n---\n\nRun task {i} on $ARGUMENTS.\n\n{}",
                    para.repeat(8)
                ),
            )?,
            6..=8 => put(
                root,
                &format!(".claude/rules/rule-{i}.md"),
                &format!(
                    "---\npaths:\n  - \"src/mod{i}/**/*.ts\"\n---\n\n# Module {i}\n\n{}",
                    para.repeat(6)
                ),
            )?,
            _ => {
                put(
                    root,
                    &format!(".claude/skills/skill-{i}/SKILL.md"),
                    &format!(
                        "---\nname: skill-{i}\ndescription: Does job {i}. Use when asked for job {i}.\n---\n\nRun `scripts/run.sh`.\n\n{}",
                        para.repeat(10)
                    ),
                )?;
                put(
                    root,
                    &format!(".claude/skills/skill-{i}/scripts/run.sh"),
                    &format!("#!/bin/sh\necho job {i}\n"),
                )?;
            }
        }
        n += 1;
        i += 1;
    }
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    let status = Command::new("cp").arg("-a").arg(from).arg(to).status()?;
    anyhow::ensure!(status.success(), "cp -a failed");
    Ok(())
}

/// The rulesync command line, if it runs (`--version` succeeds).
fn rulesync() -> Option<Vec<String>> {
    let cmd: Vec<String> = std::env::var("RULESYNC")
        .map(|s| s.split_whitespace().map(str::to_owned).collect())
        .unwrap_or_else(|_| vec!["rulesync".to_owned()]);
    let (prog, args) = cmd.split_first()?;
    let ok = Command::new(prog)
        .args(args)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then_some(cmd)
}

/// Number of generated files under `dir`: the sources, `.rulesync/`, the configuration and
/// agentfmt's manifest left out.
fn generated_files(dir: &Path) -> usize {
    fn walk(d: &Path, n: &mut usize) {
        let Ok(entries) = std::fs::read_dir(d) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            // The sources, rulesync's copy of them, the configuration and agentfmt's manifest.
            if [
                ".rulesync",
                ".claude",
                "CLAUDE.md",
                "agentfmt.toml",
                ".agentfmt-generated.json",
            ]
            .iter()
            .any(|n| name == *n)
            {
                continue;
            }
            if e.path().is_dir() {
                walk(&e.path(), n);
            } else {
                *n += 1;
            }
        }
    }
    let mut n = 0;
    walk(dir, &mut n);
    n
}

/// Runs the sync benchmark and prints its table.
pub fn run(bin: &str, runs: usize) -> anyhow::Result<()> {
    let tmp = std::env::temp_dir().join(format!("agentfmt-bench-sync-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let src = tmp.join("src");
    source_tree(&src)?;
    let rulesync = rulesync();
    if let Some(r) = &rulesync {
        let status = Command::new(&r[0])
            .args(&r[1..])
            .args([
                "import",
                "--targets",
                "claudecode",
                "--features",
                "rules,commands,subagents",
            ])
            .current_dir(&src)
            .stdout(std::process::Stdio::null())
            .status()?;
        anyhow::ensure!(status.success(), "rulesync import failed");
    }
    println!(
        "\nsync: {SOURCES} Claude Code sources to cursor, copilot, agents-md, gemini, codex; {runs} runs, a fresh copy each"
    );
    println!(
        "{:<34} {:>10} {:>10} {:>10} {:>9}",
        "command", "median", "peak RSS", "CPU", "files out"
    );
    // Each row: a name, the command, and an `agentfmt.toml` to use instead of the tree's.
    // rulesync writes rules and instructions only for these targets (no subagents, commands
    // or skills without its `--simulated-*` flags): the second row syncs the same set.
    let rules_only = "[sync]\nsource = [\"claude-rule\", \"claude-md\"]\ntargets = [\"cursor\", \"copilot\", \"agents-md\", \"gemini\", \"codex\"]\n";
    let mut rows: Vec<(String, Vec<String>, Option<&str>)> = vec![
        (
            "agentfmt sync".into(),
            vec![bin.into(), "sync".into()],
            None,
        ),
        (
            "agentfmt sync (rulesync's set)".into(),
            vec![bin.into(), "sync".into()],
            Some(rules_only),
        ),
    ];
    if let Some(r) = &rulesync {
        let mut cmd = r.clone();
        cmd.extend(
            [
                "generate",
                "--targets",
                "cursor,copilot,agentsmd,geminicli,codexcli",
                "--features",
                "rules,commands,subagents",
            ]
            .map(str::to_owned),
        );
        rows.push(("rulesync generate".into(), cmd, None));
    }
    let mut medians = Vec::new();
    for (name, cmd, config) in &rows {
        let mut times = Vec::new();
        let mut cpus = Vec::new();
        let mut rss = 0;
        let mut files = 0;
        for r in 0..runs {
            let dir = tmp.join(format!("run-{name}-{r}").replace(' ', "-"));
            copy_tree(&src, &dir)?;
            if let Some(c) = config {
                std::fs::write(dir.join("agentfmt.toml"), c)?;
            }
            let argv: Vec<&str> = cmd.iter().map(String::as_str).collect();
            let (t, cpu, kb) = time_cmd(&argv, &dir, 1)?;
            times.push(t);
            cpus.push(cpu);
            rss = rss.max(kb);
            files = generated_files(&dir);
            let _ = std::fs::remove_dir_all(&dir);
        }
        times.sort_by(f64::total_cmp);
        cpus.sort_by(f64::total_cmp);
        let (t, cpu) = (times[times.len() / 2], cpus[cpus.len() / 2]);
        medians.push(t);
        println!(
            "{name:<34} {:>8.0}ms {:>8}MB {:>8.0}ms {files:>9}",
            t * 1e3,
            rss / 1024,
            cpu * 1e3
        );
    }
    // The steady state: nothing changed since the last sync.
    let dir = tmp.join("steady");
    copy_tree(&src, &dir)?;
    time_cmd(&[bin, "sync"], &dir, 1)?;
    // The floor: creating the synced tree's files at all (`cp -a` of it, sources included).
    let mut floors = Vec::new();
    for r in 0..runs {
        let to = tmp.join(format!("floor-{r}"));
        let (t, _, _) = time_cmd(
            &["cp", "-a", &dir.to_string_lossy(), &to.to_string_lossy()],
            &tmp,
            1,
        )?;
        floors.push(t);
        let _ = std::fs::remove_dir_all(&to);
    }
    floors.sort_by(f64::total_cmp);
    println!(
        "{:<34} {:>8.0}ms {:>10} {:>10} {:>9}",
        "floor (cp -a of the synced tree)",
        floors[floors.len() / 2] * 1e3,
        "-",
        "-",
        generated_files(&dir)
    );
    for (name, args) in [
        ("agentfmt sync (nothing to do)", vec![bin, "sync"]),
        ("agentfmt sync --check", vec![bin, "sync", "--check"]),
    ] {
        let (t, cpu, kb) = time_cmd(&args, &dir, runs)?;
        println!(
            "{name:<34} {:>8.0}ms {:>8}MB {:>8.0}ms {:>9}",
            t * 1e3,
            kb / 1024,
            cpu * 1e3,
            "-"
        );
    }
    match (medians.first(), medians.get(1), medians.get(2)) {
        (Some(all), Some(same), Some(r)) => println!(
            "rulesync generate / agentfmt sync: {:.1}x on the same set of files, {:.1}x with agentfmt writing every kind",
            r / same,
            r / all
        ),
        _ => println!(
            "rulesync not run: set RULESYNC to its command line (`npm install rulesync`; it needs Node.js 22 or later)"
        ),
    }
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(())
}
