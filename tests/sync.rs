//! `agentfmt sync` in a real git repository with a Claude Code source tree, and the
//! multi-target `convert --to a,b`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn agentfmt(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_agentfmt"))
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("agentfmt runs")
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Runs `agentfmt sync <args>` in `dir`, asserting the exit code; returns stdout and stderr.
fn sync(dir: &Path, args: &[&str], code: i32) -> (String, String) {
    let o = agentfmt(dir, &[&["sync"], args].concat());
    let (out, err) = text(&o);
    assert_eq!(
        o.status.code(),
        Some(code),
        "sync {args:?}\nstdout:\n{out}\nstderr:\n{err}"
    );
    (out, err)
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const TARGETS: &str = "[sync]\nsource = \"claude\"\ntargets = [\"cursor\", \"copilot\", \"agents-md\", \"gemini\", \"codex\"]\n";

/// A git repository with subagents, commands, a skill with a script, CLAUDE.md and a nested
/// CLAUDE.md, synced to five targets.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    assert!(
        Command::new("git")
            .args(["init", "-q"])
            .current_dir(p)
            .status()
            .unwrap()
            .success()
    );
    write(p, "agentfmt.toml", TARGETS);
    write(
        p,
        ".claude/agents/reviewer.md",
        "---\nname: reviewer\ndescription: Reviews code for correctness\ntools: Read, Grep, Glob\nmodel: sonnet\n---\n\nYou review code. Be strict.\n",
    );
    write(
        p,
        ".claude/agents/tester.md",
        "---\nname: tester\ndescription: Writes and runs tests\n---\n\nWrite a failing test first.\n",
    );
    write(
        p,
        ".claude/commands/fix-issue.md",
        "---\ndescription: Fix a GitHub issue\nargument-hint: \"[issue-number]\"\n---\n\nFix issue $ARGUMENTS and add a test.\n",
    );
    write(
        p,
        ".claude/commands/release.md",
        "---\ndescription: Cut a release\n---\n\nTag the release and write the notes.\n",
    );
    write(
        p,
        ".claude/skills/deploy/SKILL.md",
        "---\nname: deploy\ndescription: Deploys to staging. Use when asked to deploy.\n---\n\nRun `scripts/deploy.sh` and report the URL.\n",
    );
    write(
        p,
        ".claude/skills/deploy/scripts/deploy.sh",
        "#!/bin/sh\necho deploy\n",
    );
    write(
        p,
        ".claude/skills/deploy/assets/logo.bin",
        "\u{0}\u{1}\u{2}binary\u{0}",
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let script = p.join(".claude/skills/deploy/scripts/deploy.sh");
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    write(
        p,
        "CLAUDE.md",
        "# Project\n\nUse pnpm. Run the tests before committing.\n",
    );
    write(p, "src/CLAUDE.md", "# Source\n\nKeep modules small.\n");
    dir
}

/// Every file under `dir` (but `.git`) with its bytes and modification time.
fn snapshot(dir: &Path) -> BTreeMap<String, (Vec<u8>, std::time::SystemTime)> {
    fn walk(root: &Path, d: &Path, out: &mut BTreeMap<String, (Vec<u8>, std::time::SystemTime)>) {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            let p = e.path();
            if e.file_name() == ".git" {
                continue;
            }
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                let m = std::fs::metadata(&p).unwrap().modified().unwrap();
                out.insert(rel, (std::fs::read(&p).unwrap(), m));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn generated(dir: &Path) -> Vec<String> {
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join(".agentfmt-generated.json")).unwrap())
            .unwrap();
    m["files"].as_object().unwrap().keys().cloned().collect()
}

#[test]
fn sync_then_check_is_clean_and_a_second_sync_changes_nothing() {
    let dir = repo();
    let p = dir.path();
    let (_, err) = sync(p, &[], 0);
    let files = generated(p);
    for want in [
        ".cursor/agents/reviewer.md",
        ".github/agents/reviewer.agent.md",
        ".gemini/agents/reviewer.md",
        ".codex/agents/reviewer.toml",
        ".cursor/commands/fix-issue.md",
        ".github/prompts/fix-issue.prompt.md",
        ".gemini/commands/fix-issue.toml",
        ".cursor/skills/deploy/SKILL.md",
        ".cursor/skills/deploy/scripts/deploy.sh",
        ".github/skills/deploy/assets/logo.bin",
        "AGENTS.md",
        "src/AGENTS.md",
        "GEMINI.md",
        "src/GEMINI.md",
    ] {
        assert!(
            files.iter().any(|f| f == want),
            "{want} not generated: {files:?}\n{err}"
        );
    }
    // The skill's companion files are carried byte for byte, with their executable bit.
    assert_eq!(
        std::fs::read(p.join(".github/skills/deploy/assets/logo.bin")).unwrap(),
        b"\x00\x01\x02binary\x00"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |rel: &str| std::fs::metadata(p.join(rel)).unwrap().permissions().mode();
        assert_ne!(mode(".cursor/skills/deploy/scripts/deploy.sh") & 0o111, 0);
        assert_eq!(mode(".cursor/skills/deploy/assets/logo.bin") & 0o111, 0);
    }
    // Claude Code's instructions are written once, as AGENTS.md, for every target reading it.
    assert!(!p.join(".github/copilot-instructions.md").exists(), "{err}");
    assert!(err.contains("CLAUDE.md:\n"), "{err}");
    assert!(
        err.contains("reads the AGENTS.md instructions written for `agents-md`"),
        "{err}"
    );
    // A kind a target lacks is reported, never passed over in silence.
    assert!(
        err.contains("agents-md: warning: `agents-md` has no kind for `claude-agent` files"),
        "{err}"
    );
    // A skill held as one file loses its companion files, and says so.
    assert!(
        err.contains("companion files are not carried (assets/logo.bin, scripts/deploy.sh)"),
        "{err}"
    );
    sync(p, &["--check"], 0);
    // Every output passes `agentfmt check`.
    let o = agentfmt(p, &["check", "."]);
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    // A second run writes nothing: bytes and mtimes unchanged, manifest included.
    let before = snapshot(p);
    let (_, err) = sync(p, &[], 0);
    assert!(err.contains(" 0 written, 0 deleted"), "{err}");
    assert_eq!(snapshot(p), before);
}

#[test]
fn an_edited_source_makes_check_fail_naming_its_stale_outputs() {
    let dir = repo();
    let p = dir.path();
    sync(p, &[], 0);
    write(
        p,
        ".claude/agents/tester.md",
        "---\nname: tester\ndescription: Writes and runs tests\n---\n\nWrite a failing test first. Then fix it.\n",
    );
    let (out, _) = sync(p, &["--check"], 1);
    let stale: Vec<&str> = out.lines().collect();
    assert_eq!(
        stale,
        [
            ".codex/agents/tester.toml: stale (.claude/agents/tester.md changed)",
            ".cursor/agents/tester.md: stale (.claude/agents/tester.md changed)",
            ".gemini/agents/tester.md: stale (.claude/agents/tester.md changed)",
            ".github/agents/tester.agent.md: stale (.claude/agents/tester.md changed)",
        ]
    );
    let (diff, _) = sync(p, &["--diff"], 1);
    assert!(
        diff.contains("+Write a failing test first. Then fix it."),
        "{diff}"
    );
    // `--check` and `--diff` wrote nothing.
    assert!(
        !std::fs::read_to_string(p.join(".cursor/agents/tester.md"))
            .unwrap()
            .contains("Then fix it")
    );
    let (_, err) = sync(p, &[], 0);
    assert!(err.contains("4 written"), "{err}");
    assert!(
        std::fs::read_to_string(p.join(".cursor/agents/tester.md"))
            .unwrap()
            .contains("Then fix it")
    );
    sync(p, &["--check"], 0);
}

#[test]
fn deleting_a_source_deletes_exactly_its_outputs() {
    let dir = repo();
    let p = dir.path();
    sync(p, &[], 0);
    let before: Vec<String> = snapshot(p).into_keys().collect();
    std::fs::remove_file(p.join(".claude/commands/release.md")).unwrap();
    let (out, _) = sync(p, &["--check"], 1);
    assert!(
        out.contains(
            ".cursor/commands/release.md: orphaned: its source .claude/commands/release.md is gone"
        ),
        "{out}"
    );
    sync(p, &[], 0);
    let after: Vec<String> = snapshot(p).into_keys().collect();
    let gone: Vec<&String> = before.iter().filter(|f| !after.contains(f)).collect();
    assert_eq!(
        gone,
        [
            ".agents/skills/release/SKILL.md",
            ".claude/commands/release.md",
            ".cursor/commands/release.md",
            ".gemini/commands/release.toml",
            ".github/prompts/release.prompt.md",
        ]
    );
    assert!(after.iter().all(|f| before.contains(f)), "nothing new");
    // The skill folder it left empty is gone too.
    assert!(!p.join(".agents/skills/release").exists());
    sync(p, &["--check"], 0);
}

#[test]
fn a_hand_edit_is_reported_with_a_diff_kept_and_adopted_into_the_source() {
    let dir = repo();
    let p = dir.path();
    sync(p, &[], 0);
    let edited = p.join(".cursor/agents/reviewer.md");
    let mut text = std::fs::read_to_string(&edited).unwrap();
    text.push_str("Check the error paths.\n");
    std::fs::write(&edited, &text).unwrap();
    let (out, _) = sync(p, &["--check"], 1);
    assert_eq!(
        out,
        ".cursor/agents/reviewer.md: edited by hand since agentfmt wrote it; kept (`agentfmt sync --adopt` carries the edit into .claude/agents/reviewer.md, `--force` overwrites it)\n"
    );
    // A plain sync keeps it, says why with the diff, and exits 1.
    let (diff, err) = sync(p, &[], 1);
    assert!(
        err.contains("error: .cursor/agents/reviewer.md: edited by hand"),
        "{err}"
    );
    assert!(diff.contains("-Check the error paths."), "{diff}");
    assert_eq!(std::fs::read_to_string(&edited).unwrap(), text);
    // `--adopt` carries the edit into the source, keeping what Cursor cannot hold (the tool
    // list, the model), and the other targets follow.
    let (_, err) = sync(p, &["--adopt"], 0);
    assert!(
        err.contains("adopted .cursor/agents/reviewer.md into .claude/agents/reviewer.md"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(p.join(".claude/agents/reviewer.md")).unwrap(),
        "---\nname: reviewer\ndescription: Reviews code for correctness\ntools: Read, Grep, Glob\nmodel: sonnet\n---\n\nYou review code. Be strict.\nCheck the error paths.\n"
    );
    assert!(
        std::fs::read_to_string(p.join(".github/agents/reviewer.agent.md"))
            .unwrap()
            .contains("Check the error paths.")
    );
    assert_eq!(std::fs::read_to_string(&edited).unwrap(), text);
    sync(p, &["--check"], 0);
    // `--force` overwrites a hand edit.
    std::fs::write(&edited, "edited\n").unwrap();
    sync(p, &["--force"], 0);
    assert!(
        std::fs::read_to_string(&edited)
            .unwrap()
            .contains("Check the error paths.")
    );
}

#[test]
fn a_merged_file_cannot_be_adopted_and_a_foreign_file_is_not_overwritten() {
    let dir = repo();
    let p = dir.path();
    write(
        p,
        ".claude/rules/style.md",
        "# Style\n\nPrefer early returns.\n",
    );
    write(p, ".cursor/agents/tester.md", "my own tester\n");
    let (_, err) = sync(p, &[], 1);
    assert!(
        err.contains(
            "error: .cursor/agents/tester.md: exists and was not generated by agentfmt; kept"
        ),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(p.join(".cursor/agents/tester.md")).unwrap(),
        "my own tester\n"
    );
    std::fs::remove_file(p.join(".cursor/agents/tester.md")).unwrap();
    sync(p, &[], 0);
    let agents = std::fs::read_to_string(p.join("AGENTS.md")).unwrap();
    assert!(
        agents.contains("Prefer early returns.") && agents.contains("Use pnpm."),
        "{agents}"
    );
    std::fs::write(p.join("AGENTS.md"), format!("{agents}\nEdited.\n")).unwrap();
    let (_, err) = sync(p, &["--adopt"], 1);
    assert!(err.contains("cannot adopt AGENTS.md: it is merged from 2 sources (.claude/rules/style.md, CLAUDE.md)"), "{err}");
}

#[test]
fn without_a_sync_table_sync_says_how_and_init_writes_one() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let o = agentfmt(p, &["sync"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o)
            .1
            .contains("agentfmt sync --init --source claude --targets"),
        "{:?}",
        text(&o)
    );
    write(p, "agentfmt.toml", "[rules]\nunknown-key = \"error\"\n");
    let o = agentfmt(
        p,
        &[
            "sync",
            "--init",
            "--source",
            "claude",
            "--targets",
            "cursor,agents-md",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    assert_eq!(
        std::fs::read_to_string(p.join("agentfmt.toml")).unwrap(),
        "[rules]\nunknown-key = \"error\"\n\n[sync]\nsource = \"claude\"\ntargets = [\"cursor\", \"agents-md\"]\n"
    );
    let o = agentfmt(p, &["sync", "--init", "--targets", "cursor"]);
    assert_eq!(o.status.code(), Some(2), "a second table is refused");
    let o = agentfmt(p, &["sync", "--init", "--targets", "cursr"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn instructions_are_written_once_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(p, "AGENTS.md", "# Rules\n\nUse tabs.\n");
    write(
        p,
        "agentfmt.toml",
        "[sync]\nsource = \"agents-md\"\ntargets = [\"claude\", \"gemini\"]\n",
    );
    let (_, err) = sync(p, &[], 0);
    // Claude Code reads AGENTS.md itself; Gemini CLI does not.
    assert!(!p.join("CLAUDE.md").exists(), "{err}");
    assert!(
        err.contains("claude: info: not written: Claude Code reads"),
        "{err}"
    );
    assert!(p.join("GEMINI.md").exists());
    write(
        p,
        "agentfmt.toml",
        "[sync]\nsource = \"agents-md\"\ntargets = [\"claude\", \"gemini\"]\ninstructions-once = false\n",
    );
    sync(p, &[], 0);
    assert_eq!(
        std::fs::read_to_string(p.join("CLAUDE.md")).unwrap(),
        "# Rules\n\nUse tabs.\n"
    );
}

#[test]
fn line_endings_gitignore_and_symlinks() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(
        p,
        "agentfmt.toml",
        "[sync]\nsource = \"claude\"\ntargets = [\"cursor\"]\ngitignore = true\n",
    );
    write(p, ".gitignore", "target/\n");
    write(
        p,
        ".claude/agents/a.md",
        "---\r\nname: a\r\ndescription: Does a\r\n---\r\n\r\nDo a.\r\n",
    );
    write(
        p,
        ".claude/skills/s/SKILL.md",
        "---\nname: s\ndescription: Does s\n---\n\nDo s.\n",
    );
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.txt", "secret\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        p.join(".claude/skills/s/link.txt"),
    )
    .unwrap();
    let (_, err) = sync(p, &[], 0);
    // A file keeps its line endings.
    let a = std::fs::read_to_string(p.join(".cursor/agents/a.md")).unwrap();
    assert!(
        a.contains("\r\n") && !a.replace("\r\n", "").contains('\n'),
        "{a:?}"
    );
    // Generated files are listed in the .gitignore block.
    let gi = std::fs::read_to_string(p.join(".gitignore")).unwrap();
    assert!(gi.starts_with("target/\n\n# >>> agentfmt sync"), "{gi}");
    assert!(
        gi.contains("\n/.cursor/agents/a.md\n") && gi.contains("\n/.agentfmt-generated.json\n"),
        "{gi}"
    );
    // Symlinks are not followed out of the tree.
    #[cfg(unix)]
    {
        assert!(
            err.contains("`.claude/skills/s/link.txt` not carried: a symlink"),
            "{err}"
        );
        assert!(!p.join(".cursor/skills/s/link.txt").exists());
    }
    let _ = err;
    sync(p, &["--check"], 0);
    write(p, ".gitignore", "target/\n");
    let (out, _) = sync(p, &["--check"], 1);
    assert!(
        out.contains(".gitignore: its agentfmt block is out of date"),
        "{out}"
    );
}

/// `convert --to a,b` reads each input once and writes every target's files; a body over a
/// target's limit is kept whole and reported, cut only with `--fit-limits`.
#[test]
fn convert_to_several_targets_and_size_limits() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let long = "Check every line of the diff against the style guide.\n\n".repeat(700);
    write(
        p,
        ".claude/agents/big.md",
        &format!("---\nname: big\ndescription: Reviews everything\n---\n\n{long}"),
    );
    let o = agentfmt(
        p,
        &["convert", "--no-config", "--to", "cursor,copilot", "."],
    );
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let copilot = std::fs::read_to_string(p.join(".github/agents/big.agent.md")).unwrap();
    assert!(copilot.chars().count() > 30_000, "kept whole");
    assert!(err.contains("kept whole (`--fit-limits` cuts it)"), "{err}");
    assert!(p.join(".cursor/agents/big.md").exists());
    let o = agentfmt(
        p,
        &[
            "convert",
            "--no-config",
            "--strict",
            "--to",
            "copilot",
            "--dry-run",
            ".claude",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{:?}", text(&o));
    let o = agentfmt(
        p,
        &[
            "convert",
            "--no-config",
            "--fit-limits",
            "--to",
            "copilot",
            ".claude",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    let cut = std::fs::read_to_string(p.join(".github/agents/big.agent.md")).unwrap();
    assert!(cut.len() < copilot.len(), "cut with --fit-limits");
    let o = agentfmt(p, &["convert", "--no-config", "--to", "cursor,nope", "."]);
    assert_eq!(o.status.code(), Some(2));
    // A generated file edited by hand is called that, kept, and the run exits 1.
    std::fs::write(p.join(".cursor/agents/big.md"), "edited\n").unwrap();
    let o = agentfmt(p, &["convert", "--no-config", "--to", "cursor", ".claude"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("big.md was edited by hand since agentfmt generated it; not overwritten"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(p.join(".cursor/agents/big.md")).unwrap(),
        "edited\n"
    );
}

/// A run that could not read a file never exits 0.
#[test]
fn an_unreadable_input_is_never_exit_zero() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let huge = PathBuf::from(".claude/agents/huge.md");
    write(p, huge.to_str().unwrap(), &"x".repeat(20 << 20));
    let o = agentfmt(p, &["convert", "--no-config", "--to", "cursor", "."]);
    let (_, err) = text(&o);
    assert!(err.contains("error:"), "{err}");
    assert_ne!(o.status.code(), Some(0), "{err}");
}
