//! The shipped `.pre-commit-hooks.yaml`, run by the real `pre-commit` (`pre-commit try-repo`)
//! on a fixture repository: the fmt hook fixes the files, a second run passes; the sync hook
//! fails on drift and passes after `agentfmt sync`.
//!
//! Needs `pre-commit` on PATH (`pip install pre-commit`; `.ci/run` installs it). Set
//! `AGENTFMT_SKIP_PRECOMMIT=1` to skip on machines without it.

use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs")
        .success();
    assert!(ok, "git {args:?} failed");
}

#[test]
fn hooks_fix_then_pass() {
    if std::env::var_os("AGENTFMT_SKIP_PRECOMMIT").is_some() {
        return;
    }
    let repo_root = env!("CARGO_MANIFEST_DIR");
    // The hook repository: a clean copy of the committed tree (try-repo needs a git repo whose
    // HEAD has the hooks file; uncommitted changes are picked up by try-repo too).
    let fixture = tempfile::tempdir().unwrap();
    let f = fixture.path();
    git(f, &["init", "-q"]);
    std::fs::create_dir_all(f.join(".claude/agents")).unwrap();
    std::fs::write(
        f.join(".claude/agents/reviewer.md"),
        "---\r\nname: reviewer\r\ndescription: Use this agent when: asked\r\n---\r\n\r\n\r\nReview.   \r\n",
    )
    .unwrap();
    std::fs::write(f.join("README.md"), "not an agent file   \n").unwrap();
    git(f, &["add", "."]);
    git(f, &["commit", "-q", "-m", "fixture"]);

    let target =
        std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| format!("{repo_root}/target"));
    let try_repo = |hook: &str| {
        Command::new("pre-commit")
            .args(["try-repo", repo_root, hook, "--all-files", "--verbose"])
            .current_dir(f)
            .env("CARGO_TARGET_DIR", &target) // reuse compiled dependencies for `cargo install`
            .output()
            .expect("pre-commit is installed (pip install pre-commit), or set AGENTFMT_SKIP_PRECOMMIT=1")
    };
    let first = try_repo("agentfmt-fmt");
    let log = String::from_utf8_lossy(&first.stdout).into_owned()
        + &String::from_utf8_lossy(&first.stderr);
    assert!(
        !first.status.success(),
        "first run must modify files:\n{log}"
    );
    assert!(log.contains("files were modified by this hook"), "{log}");
    let fixed = std::fs::read_to_string(f.join(".claude/agents/reviewer.md")).unwrap();
    assert!(!fixed.contains('\r'), "{fixed}");
    assert!(
        fixed.contains("description: 'Use this agent when: asked'")
            || fixed.contains("description: \"Use this agent when: asked\""),
        "{fixed}"
    );
    assert_eq!(
        std::fs::read_to_string(f.join("README.md")).unwrap(),
        "not an agent file   \n",
        "non-agent files are not touched"
    );
    let second = try_repo("agentfmt-fmt");
    assert!(
        second.status.success(),
        "second run passes:\n{}",
        String::from_utf8_lossy(&second.stdout)
    );
    let check = try_repo("agentfmt-check");
    assert!(
        check.status.success(),
        "check passes on the formatted file:\n{}",
        String::from_utf8_lossy(&check.stdout)
    );
    // The sync hook fails while Cursor's copy is missing, and passes once `sync` wrote it.
    std::fs::write(
        f.join("agentfmt.toml"),
        "[sync]\nsource = \"claude\"\ntargets = [\"cursor\"]\n",
    )
    .unwrap();
    let drift = try_repo("agentfmt-sync");
    let log = String::from_utf8_lossy(&drift.stdout).into_owned();
    assert!(
        !drift.status.success(),
        "sync --check fails on drift:\n{log}"
    );
    assert!(log.contains(".cursor/agents/reviewer.md: missing"), "{log}");
    let synced = Command::new(env!("CARGO_BIN_EXE_agentfmt"))
        .arg("sync")
        .current_dir(f)
        .status()
        .unwrap();
    assert!(synced.success());
    let clean = try_repo("agentfmt-sync");
    assert!(
        clean.status.success(),
        "sync --check passes after sync:\n{}",
        String::from_utf8_lossy(&clean.stdout)
    );
}
