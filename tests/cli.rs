//! CLI behaviour: exit codes, output formats, stdin, configuration, rule docs.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

fn agentfmt() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_agentfmt"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    c
}

fn run(args: &[&str]) -> Output {
    agentfmt().args(args).output().expect("agentfmt runs")
}

fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = agentfmt()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("agentfmt runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const BAD_AGENT: &str = "---\nname: reviewer\nname: dup\ndescription: Reviews code\n---\nReview.\n";
const OK_AGENT: &str = "---\nname: reviewer\ndescription: Reviews code\n---\nReview the diff.\n";
const LENIENT_AGENT: &str = "---\nname: reviewer\ndescription: Use when: asked\n---\nReview.\n";

#[test]
fn exit_codes_follow_severity() {
    let ok = run_stdin(
        &[
            "check",
            "-",
            "--stdin-filepath",
            ".claude/agents/reviewer.md",
        ],
        OK_AGENT,
    );
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    let bad = run_stdin(
        &[
            "check",
            "-",
            "--stdin-filepath",
            ".claude/agents/reviewer.md",
        ],
        BAD_AGENT,
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stdout(&bad).contains("error[AF007/duplicate-key]: duplicate key `name`"),
        "{}",
        stdout(&bad)
    );
    let warn = run_stdin(
        &[
            "check",
            "-",
            "--stdin-filepath",
            ".claude/agents/reviewer.md",
        ],
        LENIENT_AGENT,
    );
    assert_eq!(warn.status.code(), Some(0));
    let strict = run_stdin(
        &[
            "check",
            "--strict",
            "-",
            "--stdin-filepath",
            ".claude/agents/reviewer.md",
        ],
        LENIENT_AGENT,
    );
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn missing_file_is_a_tool_failure_but_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("AGENTS.md");
    std::fs::write(&good, "# Agents\n").unwrap();
    let missing = dir.path().join("nope.md");
    let o = run(&[
        "check",
        missing.to_str().unwrap(),
        good.to_str().unwrap(),
        "--no-config",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("2 files checked"), "{err}");
    assert!(stdout(&o).contains("cannot read"), "{}", stdout(&o));
}

#[test]
fn stdin_filepath_decides_the_kind() {
    let text = "---\nglobs: src/**\n---\nx\n";
    let o = run_stdin(
        &[
            "check",
            "-",
            "--stdin-filepath",
            ".cursor/rules/x.mdc",
            "--output-format",
            "json",
        ],
        text,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|d| d["kind"] == "cursor-mdc"),
        "{v}"
    );
    let o = run_stdin(
        &[
            "check",
            "-",
            "--kind",
            "cursor-mdc",
            "--output-format",
            "json",
        ],
        "---\nname: a: b\n---\n",
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "strict-yaml"),
        "{v}"
    );
    let o = run_stdin(&["check", "-", "--kind", "cursor-md"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `cursor-mdc`"));
}

#[test]
fn json_output_has_positions() {
    let o = run_stdin(
        &[
            "check",
            "-",
            "--stdin-filepath",
            ".claude/agents/a.md",
            "--output-format",
            "json",
        ],
        BAD_AGENT,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "duplicate-key")
        .unwrap();
    assert_eq!(d["path"], ".claude/agents/a.md");
    assert_eq!(d["start"]["line"], 3);
    assert_eq!(d["start"]["column"], 1);
    assert_eq!(d["severity"], "error");
    assert_eq!(d["labels"][0]["message"], "first defined here");
}

#[test]
fn sarif_output_validates_against_the_sarif_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("data/sarif-2.1.0.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let o = run(&[
        "check",
        "corpus/examples",
        "--output-format",
        "sarif",
        "--no-config",
    ]);
    let log: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(!log["runs"][0]["results"].as_array().unwrap().is_empty());
    // A result that violates the schema is caught (the test can fail).
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn github_annotations() {
    let o = run_stdin(
        &[
            "check",
            "-",
            "--stdin-filepath",
            ".claude/agents/a.md",
            "--output-format",
            "github",
        ],
        BAD_AGENT,
    );
    let out = stdout(&o);
    assert!(out.contains("::error file=.claude/agents/a.md,line=3,col=1,endLine=3,endColumn=5,title=AF007 duplicate-key::duplicate key `name`"), "{out}");
}

#[test]
fn rule_prints_docs_and_rejects_unknown_rules() {
    let o = run(&["rule", "AF007"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("# duplicate-key (AF007)"));
    assert!(stdout(&o).contains("## Why is this bad?"));
    let o = run(&["rule", "duplicate-keys"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `duplicate-key`"));
}

#[test]
fn config_overrides_and_unknown_keys() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("agentfmt.toml");
    std::fs::write(&cfg, "[rules]\nduplicate-key = \"warning\"\n").unwrap();
    let o = run_stdin(
        &[
            "check",
            "-",
            "--stdin-filepath",
            ".claude/agents/a.md",
            "--config",
            cfg.to_str().unwrap(),
        ],
        BAD_AGENT,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("warning[AF007/duplicate-key]"));
    std::fs::write(&cfg, "[rules]\nduplicate-key = \"off\"\n").unwrap();
    let o = run_stdin(
        &[
            "check",
            "-",
            "--stdin-filepath",
            ".claude/agents/a.md",
            "--config",
            cfg.to_str().unwrap(),
        ],
        BAD_AGENT,
    );
    assert!(!stdout(&o).contains("AF007"));
    std::fs::write(&cfg, "exclud = [\"x\"]\n").unwrap();
    let o = run(&["check", "--config", cfg.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "agentfmt.toml:1:1: unknown key `exclud` in agentfmt.toml; did you mean `exclude`?"
        ),
        "{err}"
    );
}

#[test]
fn walking_honours_gitignore_and_exclude_and_skips_non_agent_files() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join(".claude/agents")).unwrap();
    std::fs::create_dir_all(p.join("node_modules/pkg/.claude/agents")).unwrap();
    std::fs::create_dir_all(p.join("ignored/.claude/agents")).unwrap();
    std::fs::create_dir_all(p.join("vendor/.claude/agents")).unwrap();
    for d in [
        ".claude/agents",
        "node_modules/pkg/.claude/agents",
        "ignored/.claude/agents",
        "vendor/.claude/agents",
    ] {
        std::fs::write(p.join(d).join("a.md"), BAD_AGENT).unwrap();
    }
    std::fs::write(p.join("README.md"), "---\nname: x\nname: y\n---\n").unwrap();
    std::fs::write(p.join(".gitignore"), "ignored/\n").unwrap();
    std::fs::write(p.join("agentfmt.toml"), "exclude = [\"vendor\"]\n").unwrap();
    let o = agentfmt()
        .current_dir(p)
        .args(["check", "--output-format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let paths: std::collections::BTreeSet<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        paths.into_iter().collect::<Vec<_>>(),
        [".claude/agents/a.md"]
    );
    // An explicit file is always checked, whatever its name.
    let o = agentfmt()
        .current_dir(p)
        .args(["check", "README.md", "--output-format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "duplicate-key"),
        "{v}"
    );
}

#[test]
fn binary_and_utf16_files() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("x.mdc");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let o = run(&["check", bin.to_str().unwrap(), "--no-config"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("binary file"), "{}", stdout(&o));
    let utf16 = dir.path().join("AGENTS.md");
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("# Agents\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    std::fs::write(&utf16, bytes).unwrap();
    let o = run(&["check", utf16.to_str().unwrap(), "--no-config"]);
    assert!(stdout(&o).contains("non-utf8-encoding"), "{}", stdout(&o));
}

#[test]
fn examples_render_like_rustc() {
    let o = run(&[
        "check",
        "corpus/examples",
        "--color",
        "never",
        "--no-config",
    ]);
    insta::assert_snapshot!("examples_human", stdout(&o));
}

#[test]
fn docs_rules_md_is_up_to_date() {
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md"))
        .unwrap_or_default();
    assert!(
        committed == agentfmt::docs::rules_markdown(),
        "docs/rules.md is stale: run `cargo xtask codegen`"
    );
}

#[test]
fn local_file_not_ignored_asks_git() {
    let dir = tempfile::tempdir().unwrap();
    // A directory below the temporary one, with git told not to look above it, so that a
    // repository around the temporary directory does not count.
    let p = &dir.path().join("project");
    std::fs::create_dir_all(p.join("sub")).unwrap();
    std::fs::write(p.join("CLAUDE.local.md"), "Use my sandbox.\n").unwrap();
    std::fs::write(p.join("sub/CLAUDE.local.md"), "Use my sandbox.\n").unwrap();
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .current_dir(p)
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .args(args)
            .output()
            .expect("git runs")
            .status
            .success();
        assert!(ok, "git {args:?}");
    };
    // The rule's hits for `file` (named on the command line, so the walker's own gitignore
    // handling does not hide it), with the user's git configuration kept out.
    let hits = |file: &str| -> usize {
        let o = agentfmt()
            .current_dir(p)
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CEILING_DIRECTORIES", dir.path())
            .args(["check", file, "--output-format", "json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "local-file-not-ignored")
            .count()
    };
    // Not a git work tree: nothing to commit the file to.
    assert_eq!(hits("CLAUDE.local.md"), 0);
    git(&["init", "-q"]);
    assert_eq!(hits("CLAUDE.local.md"), 1);
    assert_eq!(hits("sub/CLAUDE.local.md"), 1);
    std::fs::write(p.join(".gitignore"), "CLAUDE.local.md\n").unwrap();
    assert_eq!(hits("CLAUDE.local.md"), 0);
    assert_eq!(hits("sub/CLAUDE.local.md"), 0);
    // A deeper `.gitignore` re-includes it.
    std::fs::write(p.join("sub/.gitignore"), "!CLAUDE.local.md\n").unwrap();
    assert_eq!(hits("sub/CLAUDE.local.md"), 1);
    // A file in an ignored directory stays ignored, whatever a deeper file says.
    std::fs::write(p.join(".gitignore"), "sub/\n").unwrap();
    assert_eq!(hits("sub/CLAUDE.local.md"), 0);
    assert_eq!(hits("CLAUDE.local.md"), 1);
    // `.git/info/exclude`, then the global excludes file.
    std::fs::write(p.join(".git/info/exclude"), "/CLAUDE.local.md\n").unwrap();
    assert_eq!(hits("CLAUDE.local.md"), 0);
    std::fs::write(p.join(".git/info/exclude"), "").unwrap();
    std::fs::create_dir_all(dir.path().join(".config/git")).unwrap();
    std::fs::write(dir.path().join(".config/git/ignore"), "*.local.md\n").unwrap();
    assert_eq!(hits("CLAUDE.local.md"), 0);
    // A tracked file is in the repository, whatever the ignore rules say.
    git(&["add", "-f", "CLAUDE.local.md"]);
    assert_eq!(hits("CLAUDE.local.md"), 1);
}

#[test]
fn duplicate_names_are_checked_across_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join(".claude/agents/team")).unwrap();
    std::fs::write(p.join(".claude/agents/a.md"), OK_AGENT).unwrap();
    std::fs::write(p.join(".claude/agents/team/b.md"), OK_AGENT).unwrap();
    let rules = |extra: &[&str]| -> Vec<(String, String, u64)> {
        let o = agentfmt()
            .current_dir(p)
            .args(["check", "--output-format", "json"])
            .args(extra)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["path"].as_str().unwrap().to_owned(),
                    d["rule"].as_str().unwrap().to_owned(),
                    d["start"]["line"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    // The second file in path order is reported at its `name` (line 2), although it is clean
    // on its own: its text is read again to place the diagnostic.
    assert_eq!(
        rules(&[]),
        [(
            ".claude/agents/team/b.md".to_owned(),
            "duplicate-name".to_owned(),
            2
        )]
    );
    // The configuration applies to it as to any rule.
    std::fs::write(
        p.join("agentfmt.toml"),
        "[rules]\nduplicate-name = \"off\"\n",
    )
    .unwrap();
    assert!(rules(&[]).is_empty());
}

#[test]
fn a_file_the_target_cannot_hold_is_a_loss_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join(".claude/agents")).unwrap();
    std::fs::write(p.join(".claude/agents/a.md"), OK_AGENT).unwrap();
    std::fs::write(p.join("CLAUDE.md"), "# Project\n\nUse tabs.\n").unwrap();
    let convert = |extra: &[&str]| {
        agentfmt()
            .current_dir(p)
            .args([
                "convert",
                "--no-config",
                "--to",
                "windsurf",
                "--dry-run",
                ".",
            ])
            .args(extra)
            .output()
            .unwrap()
    };
    // Windsurf has rules but no subagents: the agent is reported and skipped, and the memory
    // file is still converted.
    let o = convert(&[]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "warning: .claude/agents/a.md: `windsurf` has no kind for `claude-agent` files; skipped"
        ),
        "{err}"
    );
    assert!(
        stdout(&o).contains("+++ b/.windsurf/rules/"),
        "{}",
        stdout(&o)
    );
    // With `--strict` every loss is an error.
    let o = convert(&["--strict"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: .claude/agents/a.md: `windsurf` has no kind"),
        "{err}"
    );
}

/// A monorepo's nested AGENTS.md converts to the target's file in the same directory (Claude
/// Code reads a nested CLAUDE.md for the files below it), not to a second root file that
/// collides with the root's; walking a sub-directory makes it the project root.
#[test]
fn nested_agents_md_converts_in_its_own_directory() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let convert_in = |cwd: std::path::PathBuf, args: &[&str]| {
        agentfmt()
            .current_dir(cwd)
            .arg("convert")
            .arg("--no-config")
            .args(args)
            .output()
            .unwrap()
    };
    // `convert --to cursor --dry-run repo` from outside `repo`: its diff, after a clean exit.
    let cursor_preview = || {
        let o = convert_in(p.to_path_buf(), &["--to", "cursor", "--dry-run", "repo"]);
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(0), "{err}");
        stdout(&o)
    };
    std::fs::create_dir_all(p.join("repo/svc/api")).unwrap();
    std::fs::write(p.join("repo/AGENTS.md"), "# Root\n\nUse tabs.\n").unwrap();
    std::fs::write(p.join("repo/svc/api/AGENTS.md"), "# Api\n\nUse spaces.\n").unwrap();
    // From outside, walking `repo`: the layout is still relative to `repo`, under `--out`.
    let out = cursor_preview();
    assert!(
        out.contains("+++ b/.cursor/rules/svc-api-agents.mdc"),
        "{out}"
    );
    assert!(out.contains("+globs: svc/api/**"), "{out}");
    assert!(out.contains("+++ b/.cursor/rules/agents.mdc"), "{out}");
    // A CLAUDE.md next to the nested AGENTS.md gets a rule of its own.
    std::fs::write(p.join("repo/svc/api/CLAUDE.md"), "@AGENTS.md\n").unwrap();
    let out = cursor_preview();
    assert!(
        out.contains("+++ b/.cursor/rules/svc-api-claude.mdc"),
        "{out}"
    );
    std::fs::remove_file(p.join("repo/svc/api/CLAUDE.md")).unwrap();

    let o = convert_in(p.join("repo"), &["--to", "claude"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("both convert to"), "{err}");
    let read = |rel: &str| std::fs::read_to_string(p.join(rel)).unwrap();
    assert_eq!(read("repo/CLAUDE.md"), "# Root\n\nUse tabs.\n");
    assert_eq!(read("repo/svc/api/CLAUDE.md"), "# Api\n\nUse spaces.\n");

    // `.claude/CLAUDE.md` is the project's CLAUDE.md already: no second copy at `CLAUDE.md`.
    std::fs::create_dir_all(p.join("other/.claude")).unwrap();
    std::fs::write(p.join("other/.claude/CLAUDE.md"), "# Other\n").unwrap();
    let o = convert_in(p.join("other"), &["--to", "claude"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("note: .claude/CLAUDE.md: already a `claude-md` file in place"),
        "{err}"
    );
    assert!(!p.join("other/CLAUDE.md").exists());

    // Nor a subagent already in `.claude/agents/` whose `name` is not its file name: a copy
    // at `.claude/agents/bar.md` would be a second subagent named `bar`. A skill goes on to
    // another tool's skill folder.
    std::fs::create_dir_all(p.join("other/.claude/agents/team")).unwrap();
    std::fs::create_dir_all(p.join("other/.claude/skills/s")).unwrap();
    std::fs::write(
        p.join("other/.claude/agents/team/foo.md"),
        "---\nname: bar\ndescription: Reviews code\n---\nReview.\n",
    )
    .unwrap();
    std::fs::write(
        p.join("other/.claude/skills/s/SKILL.md"),
        "---\nname: s\ndescription: Does s\n---\nDo s.\n",
    )
    .unwrap();
    let o = convert_in(p.join("other"), &["--to", "claude", "--dry-run"]);
    let (out, err) = (stdout(&o), String::from_utf8_lossy(&o.stderr));
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!out.contains("+++ b/"), "{out}");
    assert!(
        err.contains("note: .claude/agents/team/foo.md: already"),
        "{err}"
    );
    let o = convert_in(p.join("other"), &["--to", "cursor", "--dry-run"]);
    let out = stdout(&o);
    assert!(out.contains("+++ b/.cursor/skills/s/SKILL.md"), "{out}");
    assert!(out.contains("+++ b/.cursor/agents/bar.md"), "{out}");
}

#[test]
fn rules_merge_into_the_one_file_a_target_reads_and_own_files_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join(".cursor/rules")).unwrap();
    std::fs::create_dir_all(p.join(".github/prompts")).unwrap();
    std::fs::write(
        p.join(".cursor/rules/ts.mdc"),
        "---\ndescription: TypeScript\nglobs: src/**/*.ts\nalwaysApply: false\n---\nUse strict mode.\n",
    )
    .unwrap();
    std::fs::write(
        p.join(".cursor/rules/brief.mdc"),
        "---\nalwaysApply: true\n---\nAnswer briefly.\n",
    )
    .unwrap();
    std::fs::write(
        p.join(".github/prompts/explain.prompt.md"),
        "---\ndescription: Explain a file\n---\nExplain it.\n",
    )
    .unwrap();
    let convert = |to: &str| {
        let o = agentfmt()
            .current_dir(p)
            .args(["convert", "--no-config", "--to", to, "--dry-run", "."])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(0), "--to {to}: {err}");
        (stdout(&o), err)
    };
    // Gemini CLI, Codex and OpenCode read one memory file: both rules go into it, each as a
    // section, and the prompt file still converts on its own.
    for (to, file, command) in [
        ("gemini", "GEMINI.md", ".gemini/commands/explain.toml"),
        ("codex", "AGENTS.md", ".agents/skills/explain/SKILL.md"),
        ("opencode", "AGENTS.md", ".opencode/command/explain.md"),
    ] {
        let (out, err) = convert(to);
        assert_eq!(out.matches("+++ b/").count(), 2, "--to {to}: {out}");
        assert!(out.contains(&format!("+++ b/{file}")), "--to {to}: {out}");
        assert!(
            out.contains(&format!("+++ b/{command}")),
            "--to {to}: {out}"
        );
        assert!(
            out.contains("+Answer briefly.") && out.contains("+Use strict mode."),
            "--to {to}: {out}"
        );
        assert!(
            out.contains("matching `src/**/*.ts`"),
            "--to {to}: the glob is stated in words: {out}"
        );
        assert!(!err.contains("both convert to"), "--to {to}: {err}");
    }
    // Files already in the target's own format are left alone, not rewritten in place.
    let (out, err) = convert("cursor");
    assert!(
        err.contains(
            "note: .cursor/rules/ts.mdc: already a `cursor-mdc` file in place; left as it is"
        ),
        "{err}"
    );
    assert!(!out.contains("+++ b/.cursor/rules/"), "{out}");
    assert!(out.contains("+++ b/.cursor/commands/explain.md"), "{out}");
}

#[test]
fn schema_prints_a_kinds_json_schema_with_its_id() {
    let o = run(&["schema", "claude-agent"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        v["$id"],
        "https://agentfmt.dev/schemas/claude-agent.schema.json"
    );
    assert!(v["properties"]["description"].is_object());
    let o = run(&["schema", "claude-agnt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `claude-agent`?"));
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "_agentfmt()"),
        ("zsh", "#compdef agentfmt"),
        ("fish", "complete -c agentfmt"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let o = run(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let text = stdout(&o);
        assert!(
            text.contains(marker),
            "{shell}: {}",
            &text[..200.min(text.len())]
        );
        assert!(
            text.contains("unsafe-fixes"),
            "{shell} completes check's flags"
        );
    }
}
