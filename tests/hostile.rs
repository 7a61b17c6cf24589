//! Hostile input: every case gets a clear diagnostic and its documented exit code, finishes
//! within a bound (a hang guard, not a performance claim) and, where measured, stays under a
//! memory bound of 256 MB peak RSS.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const HANG_GUARD: Duration = Duration::from_secs(60);
const RSS_BOUND_KB: u64 = 256 * 1024;

/// Runs agentfmt under `/usr/bin/time -f %M` (when present) with a hang guard; returns the
/// output and the peak RSS in KB.
fn run_in(dir: &Path, args: &[&str]) -> (Output, Option<u64>) {
    let timed = Path::new("/usr/bin/time").exists();
    let mut cmd = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "AGENTFMT_RSS=%M", env!("CARGO_BIN_EXE_agentfmt")]);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_agentfmt"))
    };
    let child = cmd
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // Read the output on another thread (a full pipe would block the child) and wait with a
    // hang guard.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out = match rx.recv_timeout(HANG_GUARD) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("agentfmt {args:?} hung for {HANG_GUARD:?}");
        }
    };
    let rss = String::from_utf8_lossy(&out.stderr).lines().find_map(|l| {
        l.strip_prefix("AGENTFMT_RSS=")
            .and_then(|v| v.trim().parse().ok())
    });
    if let Some(kb) = rss {
        assert!(kb < RSS_BOUND_KB, "agentfmt {args:?} used {kb} KB");
    }
    (out, rss)
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

fn tree() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn empty_file() {
    let d = tree();
    std::fs::write(d.path().join("AGENTS.md"), "").unwrap();
    let (o, _) = run_in(d.path(), &["check", "AGENTS.md", "--no-config"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let (o, _) = run_in(d.path(), &["fmt", "--check", "AGENTS.md", "--no-config"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

#[test]
fn invalid_utf8_in_front_matter() {
    let d = tree();
    std::fs::create_dir_all(d.path().join(".claude/agents")).unwrap();
    std::fs::write(
        d.path().join(".claude/agents/a.md"),
        b"---\nname: caf\xE9\ndescription: x\n---\nBody\n",
    )
    .unwrap();
    let (o, _) = run_in(d.path(), &["check", ".claude/agents/a.md", "--no-config"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o).contains("invalid UTF-8 at byte offset 13: E9"),
        "{}",
        text(&o)
    );
    let (o, _) = run_in(d.path(), &["fmt", ".claude/agents/a.md", "--no-config"]);
    assert!(
        text(&o).contains("not valid UTF-8; left unchanged"),
        "{}",
        text(&o)
    );
    assert_eq!(
        std::fs::read(d.path().join(".claude/agents/a.md")).unwrap(),
        b"---\nname: caf\xE9\ndescription: x\n---\nBody\n"
    );
}

#[test]
fn huge_file_is_refused_with_a_diagnostic() {
    let d = tree();
    let line = "word ".repeat(20) + "\n";
    std::fs::write(
        d.path().join("AGENTS.md"),
        line.repeat(50 * 1024 * 1024 / line.len()),
    )
    .unwrap();
    let (o, _) = run_in(d.path(), &["check", "AGENTS.md", "--no-config"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("file is too large"), "{}", text(&o));
}

#[test]
fn ten_megabyte_single_line() {
    let d = tree();
    let body = format!(
        "---\ndescription: x\n---\n{}\n",
        "a".repeat(10 * 1024 * 1024)
    );
    std::fs::create_dir_all(d.path().join(".claude/commands")).unwrap();
    std::fs::write(d.path().join(".claude/commands/x.md"), body).unwrap();
    for args in [
        &["check", ".", "--no-config"][..],
        &["fmt", "--check", ".", "--no-config"],
        &["repair", "--check", ".", "--no-config"],
    ] {
        let (o, _) = run_in(d.path(), args);
        assert!(
            o.status.code().is_some_and(|c| c <= 1),
            "{args:?}: {}",
            text(&o)
        );
    }
}

#[test]
fn front_matter_of_100k_lines() {
    let d = tree();
    let mut fm = String::from("---\nname: big\ndescription: x\nmetadata:\n");
    for i in 0..100_000 {
        fm.push_str(&format!("  k{i}: v{i}\n"));
    }
    fm.push_str("---\nBody\n");
    std::fs::create_dir_all(d.path().join(".claude/skills/big")).unwrap();
    std::fs::write(d.path().join(".claude/skills/big/SKILL.md"), fm).unwrap();
    let (o, _) = run_in(
        d.path(),
        &["check", ".", "--no-config", "--output-format", "json"],
    );
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", text(&o));
    let (o, _) = run_in(d.path(), &["fmt", "--check", ".", "--no-config"]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", text(&o));
}

#[test]
fn alias_bomb_and_deep_nesting() {
    let d = tree();
    std::fs::create_dir_all(d.path().join(".github/agents")).unwrap();
    let mut bomb = String::from(
        "---\ndescription: x\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..40 {
        bomb.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n",
            p = i - 1
        ));
    }
    bomb.push_str("---\nBody\n");
    std::fs::write(d.path().join(".github/agents/bomb.agent.md"), bomb).unwrap();
    let deep = format!(
        "---\ndescription: x\ntools: {}{}\n---\nBody\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    std::fs::write(d.path().join(".github/agents/deep.agent.md"), deep).unwrap();
    let (o, _) = run_in(d.path(), &["check", ".", "--no-config"]);
    assert_eq!(o.status.code(), Some(1));
    let t = text(&o);
    assert!(t.contains("aliases are not allowed in front matter"), "{t}");
    assert!(t.contains("deep.agent.md"), "{t}");
    for args in [
        &["fmt", "--check", ".", "--no-config"][..],
        &["convert", "--to", "claude", "--dry-run", ".", "--no-config"],
    ] {
        let (o, _) = run_in(d.path(), args);
        assert!(
            o.status.code().is_some_and(|c| c <= 1),
            "{args:?}: {}",
            text(&o)
        );
    }
}

#[test]
fn nul_bytes_are_binary() {
    let d = tree();
    std::fs::create_dir_all(d.path().join(".cursor/rules")).unwrap();
    std::fs::write(
        d.path().join(".cursor/rules/x.mdc"),
        b"---\nglobs: a\0b\n---\n",
    )
    .unwrap();
    let (o, _) = run_in(d.path(), &["check", ".", "--no-config"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        text(&o).contains("binary file (NUL byte at offset 12)"),
        "{}",
        text(&o)
    );
}

#[test]
fn names_that_try_to_escape_the_output_directory() {
    let d = tree();
    std::fs::create_dir_all(d.path().join("src/.claude/agents")).unwrap();
    for (file, name) in [
        ("a.md", "../../outside"),
        ("b.md", "/etc/passwd"),
        ("c.md", "..\\\\evil"),
    ] {
        std::fs::write(
            d.path().join("src/.claude/agents").join(file),
            format!("---\nname: \"{name}\"\ndescription: x\n---\nBody\n"),
        )
        .unwrap();
    }
    let (o, _) = run_in(
        d.path(),
        &[
            "convert",
            "--to",
            "copilot",
            "src",
            "--out",
            "out",
            "--no-config",
        ],
    );
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", text(&o));
    // Everything written is inside out/.
    let mut written = Vec::new();
    let mut stack = vec![d.path().to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                written.push(
                    p.strip_prefix(d.path())
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    for w in &written {
        assert!(
            w.starts_with("src/") || w.starts_with("out/"),
            "wrote outside: {w} ({written:?})"
        );
    }
    assert!(!d.path().parent().unwrap().join("outside.agent.md").exists());
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_links_out_of_the_tree() {
    let d = tree();
    let outside = tree();
    std::fs::create_dir_all(outside.path().join(".claude/agents")).unwrap();
    std::fs::write(
        outside.path().join(".claude/agents/secret.md"),
        "---\nname: x\nname: y\n---\n",
    )
    .unwrap();
    std::fs::create_dir_all(d.path().join("a")).unwrap();
    std::os::unix::fs::symlink(d.path(), d.path().join("a/loop")).unwrap();
    std::os::unix::fs::symlink(outside.path(), d.path().join("out-link")).unwrap();
    let (o, _) = run_in(
        d.path(),
        &["check", ".", "--no-config", "--output-format", "json"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(!text(&o).contains("secret.md"), "{}", text(&o));
}

#[cfg(unix)]
#[test]
fn fifo_and_directories_named_like_agent_files() {
    let d = tree();
    std::fs::create_dir_all(d.path().join(".claude/agents/dir.md")).unwrap();
    let fifo = d.path().join("pipe.md");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let (o, _) = run_in(d.path(), &["check", ".", "--no-config"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // A directory argument is walked like any directory, even when named like an agent file.
    let (o, _) = run_in(d.path(), &["check", ".claude/agents/dir.md", "--no-config"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("0 files checked"), "{}", text(&o));
    if made {
        let (o, _) = run_in(d.path(), &["check", "pipe.md", "--no-config"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(text(&o).contains("not a regular file"), "{}", text(&o));
    }
}

#[test]
fn unwritable_output_directory() {
    let d = tree();
    std::fs::create_dir_all(d.path().join(".claude/agents")).unwrap();
    std::fs::write(
        d.path().join(".claude/agents/a.md"),
        "---\nname: a\ndescription: x\n---\nBody\n",
    )
    .unwrap();
    std::fs::write(d.path().join("blocker"), "a file, not a directory").unwrap();
    let (o, _) = run_in(
        d.path(),
        &[
            "convert",
            "--to",
            "cursor",
            ".claude/agents/a.md",
            "--out",
            "blocker/out",
            "--no-config",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("blocker/out"), "{}", text(&o));
}

#[test]
fn unreadable_files_are_reported_and_the_run_goes_on() {
    let d = tree();
    let agents = d.path().join(".claude/agents");
    std::fs::create_dir_all(&agents).unwrap();
    std::fs::write(
        agents.join("ok.md"),
        "---\nname: ok\ndescription: Fine\n---\nBody  \n",
    )
    .unwrap();
    // A file that cannot be opened whoever runs the test (root reads mode-000 files).
    std::os::unix::fs::symlink("missing.md", agents.join("gone.md")).unwrap();
    let files = [".claude/agents/gone.md", ".claude/agents/ok.md"];
    let (o, _) = run_in(d.path(), &[&["check", "--no-config"][..], &files].concat());
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("cannot read"), "{}", text(&o));
    assert!(text(&o).contains("gone.md"), "{}", text(&o));
    assert!(text(&o).contains("2 files checked"), "{}", text(&o));
    // fmt still formats the readable file and says how many it could not read.
    let (o, _) = run_in(d.path(), &[&["fmt", "--no-config"][..], &files].concat());
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o)
            .contains("1 file reformatted, 0 files left unchanged, 1 file not read or refused."),
        "{}",
        text(&o)
    );
    let ok = std::fs::read_to_string(agents.join("ok.md")).unwrap();
    assert!(ok.ends_with("Body\n"), "{ok:?}");
    // Mode 000: unreadable for everyone but root; either way agentfmt agrees with the OS.
    use std::os::unix::fs::PermissionsExt as _;
    let locked = agents.join("locked.md");
    std::fs::write(&locked, "---\nname: locked\ndescription: x\n---\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read(&locked).is_ok();
    let (o, _) = run_in(
        d.path(),
        &["check", "--no-config", ".claude/agents/locked.md"],
    );
    if readable {
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    } else {
        assert_eq!(o.status.code(), Some(2), "{}", text(&o));
        assert!(text(&o).contains("cannot read"), "{}", text(&o));
    }
}
