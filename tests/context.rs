//! `agentfmt context` end to end: the example tree's costs (snapshot), a tree with nested
//! `AGENTS.md` and `CLAUDE.md`, skills and glob rules started in a sub-directory (JSON), and
//! budgets failing the run.

use std::path::Path;
use std::process::Output;

use crate::fix::agentfmt;

fn write(root: &Path, files: &[(&str, &str)]) {
    for (p, t) in files {
        let p = root.join(p);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, t).unwrap();
    }
}

#[test]
fn example_tree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = agentfmt(root, &["context", "corpus/examples", "--no-config"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    insta::assert_snapshot!(String::from_utf8_lossy(&o.stdout));
}

fn nested() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        &[
            ("CLAUDE.md", "# Repo\n\n@AGENTS.md\n"),
            (
                "AGENTS.md",
                "# Repo rules\n\nRun `make test` before committing.\n",
            ),
            ("api/AGENTS.md", "# API\n\nHandlers return typed errors.\n"),
            (
                "api/CLAUDE.md",
                "# API for Claude\n\nSee @../docs/errors.md\n",
            ),
            ("docs/errors.md", "Errors are enums, never strings.\n"),
            ("web/AGENTS.md", "# Web\n"),
            (
                ".claude/skills/migrate/SKILL.md",
                "---\nname: migrate\ndescription: Write a database migration\n---\nUse sqlx migrate add.\n",
            ),
            (
                ".claude/rules/sql.md",
                "---\npaths: \"**/*.sql\"\n---\nUppercase keywords.\n",
            ),
            (
                ".cursor/rules/api.mdc",
                "---\nglobs: api/**\nalwaysApply: false\n---\nAPI rule.\n",
            ),
            (
                ".github/instructions/sql.instructions.md",
                "---\napplyTo: \"**/*.sql\"\n---\nSQL rule.\n",
            ),
        ],
    );
    tmp
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

fn item<'a>(v: &'a serde_json::Value, tool: &str, path: &str) -> &'a serde_json::Value {
    v["tools"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["tool"] == tool)
        .and_then(|t| {
            t["items"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["path"] == path)
        })
        .unwrap_or_else(|| panic!("{tool} {path} in {v:#}"))
}

#[test]
fn nested_tree_from_a_sub_directory() {
    let tmp = nested();
    let o = agentfmt(
        tmp.path(),
        &[
            "context",
            "--cwd",
            "api",
            "--output-format",
            "json",
            "--no-config",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let count = agentfmt::tokens::count;
    // Claude Code: both CLAUDE.md files on the path load at start, with their imports.
    assert_eq!(item(&v, "claude", "api/CLAUDE.md")["when"], "start");
    let imported = item(&v, "claude", "docs/errors.md");
    assert_eq!(imported["imported_by"], "api/CLAUDE.md");
    assert_eq!(
        imported["tokens"],
        count("Errors are enums, never strings.\n")
    );
    assert_eq!(item(&v, "claude", "AGENTS.md")["imported_by"], "CLAUDE.md");
    assert_eq!(
        item(&v, "claude", ".claude/rules/sql.md")["when"],
        "on-demand"
    );
    assert_eq!(
        item(&v, "claude", ".claude/skills/migrate/SKILL.md")["part"],
        "listing"
    );
    // Codex: root and api AGENTS.md, concatenated; web/ is off the path.
    let codex = v["tools"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["tool"] == "codex")
        .unwrap();
    let paths: Vec<&str> = codex["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["AGENTS.md", "api/AGENTS.md"]);
    assert_eq!(
        codex["start_tokens"],
        count("# Repo rules\n\nRun `make test` before committing.\n")
            + count("# API\n\nHandlers return typed errors.\n")
    );
    // Cursor and Copilot: nested AGENTS.md and glob rules on demand.
    assert_eq!(item(&v, "cursor", "api/AGENTS.md")["when"], "on-demand");
    assert_eq!(
        item(&v, "cursor", ".cursor/rules/api.mdc")["trigger"],
        "when a file matching api/** is in context"
    );
    assert_eq!(
        item(&v, "copilot", ".github/instructions/sql.instructions.md")["when"],
        "on-demand"
    );
    assert_eq!(item(&v, "copilot", "AGENTS.md")["when"], "start");
}

#[test]
fn budgets_fail_the_run() {
    let tmp = nested();
    let o = agentfmt(
        tmp.path(),
        &[
            "context",
            "--tool",
            "codex",
            "--budget",
            "codex=5",
            "--no-config",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("Codex loads") && err.contains("over its budget of 5"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("Codex: "));
    // From agentfmt.toml; the command line overrides it.
    std::fs::write(
        tmp.path().join("agentfmt.toml"),
        "[context.budget]\ncodex = 5\n",
    )
    .unwrap();
    assert_eq!(
        agentfmt(tmp.path(), &["context", "--tool", "codex"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        agentfmt(
            tmp.path(),
            &["context", "--tool", "codex", "--budget", "codex=100000"]
        )
        .status
        .code(),
        Some(0)
    );
    let o = agentfmt(tmp.path(), &["context", "--budget", "claud=5"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `claude`"));
}

#[test]
fn imports_do_not_leave_the_project() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("p");
    write(
        tmp.path(),
        &[
            ("secret.md", "top secret\n"),
            ("p/CLAUDE.md", "@../secret.md\n"),
        ],
    );
    #[cfg(unix)]
    std::os::unix::fs::symlink(tmp.path().join("secret.md"), project.join("link.md")).unwrap();
    std::fs::write(project.join("CLAUDE.md"), "@../secret.md @link.md\n").unwrap();
    let o = agentfmt(
        &project,
        &[
            "context",
            "--tool",
            "claude",
            "--output-format",
            "json",
            "--no-config",
        ],
    );
    let v = json(&o);
    let items = v["tools"][0]["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{items:#?}");
}

#[test]
fn check_reports_context_budget_on_the_costliest_file() {
    let tmp = tempfile::tempdir().unwrap();
    let long = "word ".repeat(300);
    write(
        tmp.path(),
        &[
            ("CLAUDE.md", "# Repo\n\n@docs/long.md\n\nShort.\n"),
            ("docs/long.md", long.as_str()),
            (
                ".claude/agents/a.md",
                "---\nname: a\ndescription: Reviews code\n---\nReview.\n",
            ),
            (
                "agentfmt.toml",
                "[context.budget]\nclaude = 100\ncodex = 100\n",
            ),
        ],
    );
    let o = agentfmt(tmp.path(), &["check", "--output-format", "json", "."]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let hits: Vec<_> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "context-budget")
        .collect();
    assert_eq!(hits.len(), 1, "{v:#}");
    assert_eq!(hits[0]["path"], "CLAUDE.md");
    let msg = hits[0]["message"].as_str().unwrap();
    assert!(
        msg.starts_with("Claude Code loads ") && msg.contains("over the budget of 100"),
        "{msg}"
    );
    // Within budget, nothing; without a budget the rule is off.
    std::fs::write(
        tmp.path().join("agentfmt.toml"),
        "[context.budget]\nclaude = 100000\n",
    )
    .unwrap();
    assert_eq!(agentfmt(tmp.path(), &["check", "."]).status.code(), Some(0));
    std::fs::remove_file(tmp.path().join("agentfmt.toml")).unwrap();
    assert_eq!(agentfmt(tmp.path(), &["check", "."]).status.code(), Some(0));
    // A file-level suppression silences it, and is not reported unused.
    std::fs::write(
        tmp.path().join("agentfmt.toml"),
        "[context.budget]\nclaude = 100\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("CLAUDE.md"),
        "<!-- agentfmt-ignore-file context-budget -->\n# Repo\n\n@docs/long.md\n",
    )
    .unwrap();
    let o = agentfmt(tmp.path(), &["check", "."]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}
