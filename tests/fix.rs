//! `check --fix`, `--diff`, `--unsafe-fixes`, rule selection, `--statistics`, `--quiet`,
//! `--exit-zero` and inline suppressions, end to end through the binary.

use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary in `dir` without colour (shared with the other end-to-end tests).
pub(crate) fn agentfmt(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_agentfmt"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("agentfmt runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A copy of `corpus/examples` in a temporary directory.
fn examples() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/examples");
    copy_dir(&src, tmp.path());
    tmp
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A temporary project with an empty `.claude/agents/`: the project and that directory.
fn agents_dir() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(".claude/agents");
    std::fs::create_dir_all(&dir).unwrap();
    (tmp, dir)
}

fn snapshot_tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in ignore::WalkBuilder::new(dir).hidden(false).build() {
        let e = e.unwrap();
        if e.file_type().is_some_and(|t| t.is_file()) {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.push((rel, std::fs::read(e.path()).unwrap()));
        }
    }
    out.sort();
    out
}

fn json(dir: &Path, extra: &[&str]) -> Vec<serde_json::Value> {
    let mut args = vec!["check", ".", "--output-format", "json"];
    args.extend_from_slice(extra);
    let o = agentfmt(dir, &args);
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", out(&o)))
}

fn fixable(diags: &[serde_json::Value], applicability: &str) -> usize {
    diags
        .iter()
        .filter(|d| d["fix"]["applicability"] == applicability)
        .count()
}

#[test]
fn fix_removes_every_safe_fix_on_the_examples_and_a_second_run_changes_nothing() {
    let tmp = examples();
    let before = json(tmp.path(), &[]);
    let safe = fixable(&before, "safe");
    assert!(safe > 0, "the examples have a safe fix to apply");

    let o = agentfmt(tmp.path(), &["check", ".", "--fix"]);
    assert!(
        err(&o).contains(&format!("Fixed {safe} problem")),
        "{}",
        err(&o)
    );
    let after = json(tmp.path(), &[]);
    assert_eq!(fixable(&after, "safe"), 0, "{after:#?}");
    assert_eq!(
        after.len(),
        before.len() - safe,
        "only the fixed diagnostics are gone"
    );
    // Unsafe fixes are left for review.
    assert_eq!(fixable(&after, "unsafe"), fixable(&before, "unsafe"));
    let fixed = snapshot_tree(tmp.path());
    let o = agentfmt(tmp.path(), &["check", ".", "--fix"]);
    assert!(!err(&o).contains("Fixed"), "{}", err(&o));
    assert_eq!(
        snapshot_tree(tmp.path()),
        fixed,
        "a second --fix changes nothing"
    );
    // And the fixed file is what fmt would make of that front matter: strict YAML.
    let text = std::fs::read_to_string(tmp.path().join(".claude/agents/test-runner.md")).unwrap();
    insta::assert_snapshot!(text);
}

#[test]
fn diff_writes_nothing_and_exits_one() {
    let tmp = examples();
    let before = snapshot_tree(tmp.path());
    let o = agentfmt(tmp.path(), &["check", ".", "--diff"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert_eq!(snapshot_tree(tmp.path()), before);
    insta::assert_snapshot!(out(&o));
    assert!(
        err(&o).contains("Would fix 1 problem in 1 file."),
        "{}",
        err(&o)
    );
}

#[test]
fn unsafe_fixes_apply_only_when_asked() {
    let (tmp, dir) = agents_dir();
    let file = dir.join("a.md");
    std::fs::write(
        &file,
        "---\nname: a\ndescripton: Reviews code\n---\nReview.\n",
    )
    .unwrap();
    let o = agentfmt(tmp.path(), &["check", ".", "--fix"]);
    assert!(err(&o).contains("1 unsafe fix available"), "{}", err(&o));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("descripton")
    );
    let o = agentfmt(tmp.path(), &["check", ".", "--fix", "--unsafe-fixes"]);
    assert!(
        err(&o).contains("Fixed 1 problem in 1 file."),
        "{}",
        err(&o)
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "---\nname: a\ndescription: Reviews code\n---\nReview.\n"
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
}

#[test]
fn fix_keeps_a_bom_and_crlf_files_get_no_strict_yaml_fix() {
    let (tmp, dir) = agents_dir();
    let bom = dir.join("bom.md");
    std::fs::write(
        &bom,
        "\u{feff}---\nname: a\ndescription: Use when: asked\n---\nBody.\n",
    )
    .unwrap();
    let crlf = dir.join("crlf.md");
    let crlf_text = "---\r\nname: b\r\ndescription: Use when: asked\r\n---\r\nBody.\r\n";
    std::fs::write(&crlf, crlf_text).unwrap();
    agentfmt(tmp.path(), &["check", ".", "--fix"]);
    assert_eq!(
        std::fs::read_to_string(&bom).unwrap(),
        "\u{feff}---\nname: a\ndescription: 'Use when: asked'\n---\nBody.\n"
    );
    assert_eq!(std::fs::read_to_string(&crlf).unwrap(), crlf_text);
}

#[test]
fn invalid_utf8_is_never_fixed() {
    let (tmp, dir) = agents_dir();
    let file = dir.join("a.md");
    let bytes = b"---\nname: a\ndescription: Use when: asked \xff\n---\nBody.\n";
    std::fs::write(&file, bytes).unwrap();
    let o = agentfmt(tmp.path(), &["check", ".", "--fix"]);
    assert_eq!(std::fs::read(&file).unwrap(), bytes);
    assert!(out(&o).contains("AF001"), "{}", out(&o));
}

#[test]
fn select_ignore_and_extend_select() {
    let tmp = examples();
    let codes = |extra: &[&str]| -> Vec<String> {
        let mut c: Vec<String> = json(tmp.path(), extra)
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_owned())
            .collect();
        c.sort();
        c.dedup();
        c
    };
    let all = codes(&[]);
    assert!(all.len() > 3, "{all:?}");
    assert_eq!(codes(&["--select", "AF111"]), ["AF111"]);
    assert_eq!(
        codes(&["--select", "unknown-tool,AF117"]),
        ["AF111", "AF117"]
    );
    assert_eq!(
        codes(&["--select", "AF11", "--ignore", "unknown-tool"]),
        all.iter()
            .filter(|c| c.starts_with("AF11") && *c != "AF111")
            .cloned()
            .collect::<Vec<_>>()
    );
    assert_eq!(
        codes(&["--select", "AF111", "--extend-select", "AF011"]),
        ["AF011", "AF111"]
    );
    assert!(
        !codes(&["--ignore", "AF1"])
            .iter()
            .any(|c| c.starts_with("AF1"))
    );
    let o = agentfmt(tmp.path(), &["check", ".", "--select", "unknwn-tool"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("`unknwn-tool` names no rule; did you mean `unknown-tool`?"),
        "{}",
        err(&o)
    );
}

#[test]
fn statistics_quiet_and_exit_zero() {
    let tmp = examples();
    let o = agentfmt(tmp.path(), &["check", ".", "--statistics"]);
    insta::assert_snapshot!(out(&o));
    let o = agentfmt(
        tmp.path(),
        &["check", ".", "--statistics", "--output-format", "json"],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["count"], 2);

    let (bad, dir) = agents_dir();
    std::fs::write(dir.join("a.md"), "---\nname: a\nname: b\n---\nBody.\n").unwrap();
    let o = agentfmt(bad.path(), &["check", "."]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("Found 2 errors"), "{}", err(&o));
    let o = agentfmt(bad.path(), &["check", ".", "--exit-zero", "--quiet"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(err(&o), "");
    assert!(out(&o).contains("AF007"));
}

#[test]
fn inline_suppressions_and_the_unused_one_is_fixed_away() {
    let (tmp, dir) = agents_dir();
    let file = dir.join("a.md");
    std::fs::write(
        &file,
        "---\nname: a\ndescription: d\ncolour: red # agentfmt: ignore[unknown-key]\n---\n<!-- agentfmt-ignore AF126 -->\nBody.\n",
    )
    .unwrap();
    let diags = json(tmp.path(), &[]);
    let codes: Vec<&str> = diags.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["AF017"], "{diags:#?}");
    assert_eq!(diags[0]["start"]["line"], 6);
    assert_eq!(diags[0]["start"]["column"], 22);
    agentfmt(tmp.path(), &["check", ".", "--fix"]);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "---\nname: a\ndescription: d\ncolour: red # agentfmt: ignore[unknown-key]\n---\nBody.\n"
    );
    assert!(json(tmp.path(), &[]).is_empty());
}

#[test]
fn suppressions_cover_duplicate_names_across_files() {
    let (tmp, dir) = agents_dir();
    std::fs::write(
        dir.join("a.md"),
        "---\nname: same\ndescription: d\n---\nA.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("b.md"),
        "---\nname: same\ndescription: d\n---\nB.\n",
    )
    .unwrap();
    let count = |d: &[serde_json::Value]| d.iter().filter(|d| d["code"] == "AF118").count();
    assert!(count(&json(tmp.path(), &[])) > 0);
    for f in ["a.md", "b.md"] {
        std::fs::write(
            dir.join(f),
            "---\nname: same\ndescription: d\n---\n<!-- agentfmt-ignore-file duplicate-name -->\nA.\n",
        )
        .unwrap();
    }
    assert_eq!(json(tmp.path(), &[]), Vec::<serde_json::Value>::new());
}

#[test]
fn watch_checks_again_after_a_change() {
    use std::io::BufRead as _;
    let (tmp, dir) = agents_dir();
    let file = dir.join("a.md");
    std::fs::write(&file, "---\nname: a\ndescription: d\n---\nBody.\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_agentfmt"))
        .current_dir(tmp.path())
        .env("NO_COLOR", "1")
        .args(["check", ".", "--watch"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr).lines() {
            if tx.send(line.unwrap()).is_err() {
                return;
            }
        }
    });
    let wait_for = |needle: &str| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let mut seen = Vec::new();
        while std::time::Instant::now() < deadline {
            if let Ok(l) = rx.recv_timeout(std::time::Duration::from_millis(200)) {
                if l.contains(needle) {
                    return;
                }
                seen.push(l);
            }
        }
        panic!("no `{needle}` in {seen:?}");
    };
    wait_for("All checks passed");
    wait_for("Watching for changes");
    std::fs::write(&file, "---\nname: a\nname: b\ndescription: d\n---\nBody.\n").unwrap();
    wait_for("File change detected");
    wait_for("Found 1 error");
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn fix_on_stdin_prints_the_fixed_text_and_the_diagnostics_on_stderr() {
    use std::io::Write as _;
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_agentfmt"))
        .current_dir(tmp.path())
        .env("NO_COLOR", "1")
        .args([
            "check",
            "--fix",
            "-",
            "--stdin-filepath",
            ".claude/agents/a.md",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"---\nname: a\ndescription: Use when: asked\ncolour: red\n---\nBody.\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(
        out(&o),
        "---\nname: a\ndescription: 'Use when: asked'\ncolour: red\n---\nBody.\n"
    );
    assert!(err(&o).contains("AF105"), "{}", err(&o));
    assert!(
        err(&o).contains("Fixed 1 problem in 1 file."),
        "{}",
        err(&o)
    );
}
