//! Rule fixtures: `corpus/rules/<rule-name>/{fail,pass}/<logical path>`.
//!
//! Each fail fixture must yield at least one diagnostic of `<rule-name>`, each pass fixture
//! none; the diagnostics of every fixture are snapshotted.

use std::path::{Path, PathBuf};

use agentfmt::check::{self, FileReport};
use agentfmt::config::Config;
use agentfmt::diagnostic::Diagnostic;
use agentfmt::document::{self, Document};
use agentfmt::rules::{Context, RULES, tree};
use agentfmt::source::{self, Decoded};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/rules")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Decodes, parses and checks one file the way `agentfmt check` does; `base` (the directory
/// the logical path is relative to) answers `file_exists` when given.
pub fn check_bytes(
    bytes: &[u8],
    logical: &str,
    base: Option<&Path>,
) -> Option<(Document, Vec<Diagnostic>)> {
    let (src, mut diags) = match source::decode(bytes) {
        Decoded::Text(src, d) => (src, d),
        Decoded::Binary { .. } => return None,
    };
    let parsed = document::parse(src, Some(logical), None);
    diags.extend(parsed.diagnostics);
    let exists = |p: &str| base.is_some_and(|b| b.join(p).exists());
    let read = |p: &str| base.and_then(|b| std::fs::read_to_string(b.join(p)).ok());
    // A fixture directory with a file `gitignore` stands for a git work tree with that
    // `.gitignore` (a real `.gitignore` would hide the fixtures from git itself); without one
    // it is not a work tree.
    let ignored = |p: &str| {
        let file = base?.join("gitignore");
        if !file.is_file() {
            return None;
        }
        let mut rules = ignore::gitignore::GitignoreBuilder::new(base?);
        if let Some(e) = rules.add(&file) {
            panic!("{}: {e}", file.display());
        }
        let rules = rules.build().expect("fixture gitignore builds");
        Some(
            rules
                .matched_path_or_any_parents(base?.join(p), false)
                .is_ignore(),
        )
    };
    let ctx = Context {
        file_exists: base.map(|_| &exists as &(dyn Fn(&str) -> bool + Sync)),
        read_file: base.map(|_| &read as &agentfmt::rules::ReadFile),
        git_ignored: base.map(|_| &ignored as &agentfmt::rules::GitIgnored),
    };
    // The whole check stage: mojibake, schema, semantic rules, sorted.
    let diags = check::validate(&parsed.doc, diags, &ctx, &Config::default());
    Some((parsed.doc, diags))
}

/// The diagnostics as `agentfmt check` prints them (rustc style, no colour).
fn render(doc: &Document, diags: &[Diagnostic]) -> String {
    let report = FileReport {
        path: doc.path.clone().unwrap_or_else(|| "-".into()),
        source: Some(doc.source.clone()),
        kind: Some(doc.kind),
        diagnostics: diags.to_vec(),
    };
    agentfmt::render::human::render(&[report], false)
}

#[test]
fn fixtures_fail_and_pass() {
    let mut failures = Vec::new();
    for rule_dir in std::fs::read_dir(root())
        .expect("corpus/rules exists")
        .flatten()
    {
        let rule = rule_dir.file_name().to_string_lossy().into_owned();
        for outcome in ["fail", "pass"] {
            let base = rule_dir.path().join(outcome);
            let mut list = Vec::new();
            files(&base, &mut list);
            let mut checked = Vec::new();
            // Support files (a plugin's `plugin.json`, the stand-in `gitignore`) are there for
            // the context callbacks, not checked.
            list.retain(|f| {
                f.extension().is_none_or(|e| e != "json")
                    && f.file_name().is_some_and(|n| n != "gitignore")
            });
            for file in list {
                let logical = file
                    .strip_prefix(&base)
                    .expect("under base")
                    .to_string_lossy()
                    .replace('\\', "/");
                let bytes = std::fs::read(&file).expect("readable fixture");
                match check_bytes(&bytes, &logical, Some(&base)) {
                    Some(c) => checked.push((logical, c)),
                    None => failures.push(format!("{rule}/{outcome}/{logical}: binary")),
                }
            }
            // Cross-file rules see every fixture of the directory as one tree.
            let docs: Vec<&Document> = checked.iter().map(|(_, (d, _))| d).collect();
            let tree = tree::check_tree(&docs);
            for (i, d) in tree {
                checked[i].1.1.push(d);
            }
            for (logical, (doc, diags)) in &checked {
                let hits = diags.iter().filter(|d| d.rule == rule).count();
                let fixture_ok = if outcome == "fail" {
                    hits > 0 || checked.len() > 1
                } else {
                    hits == 0
                };
                if !fixture_ok {
                    failures.push(format!(
                        "{rule}/{outcome}/{logical}: {hits} `{rule}` diagnostics\n{}",
                        render(doc, diags)
                    ));
                }
                let name = format!(
                    "{rule}__{outcome}__{}",
                    logical.replace(['/', '.', ' '], "_")
                );
                insta::with_settings!({ snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false, omit_expression => true }, {
                    insta::assert_snapshot!(name, render(doc, diags));
                });
            }
            if outcome == "fail"
                && !checked
                    .iter()
                    .any(|(_, (_, ds))| ds.iter().any(|d| d.rule == rule))
            {
                failures.push(format!(
                    "{rule}/fail: no `{rule}` diagnostic in any fixture"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_fixtures() {
    let mut missing = Vec::new();
    for r in RULES {
        let name = r.meta().name;
        for outcome in ["fail", "pass"] {
            let mut list = Vec::new();
            files(&root().join(name).join(outcome), &mut list);
            if list.is_empty() && !NO_TEXT_FIXTURE.contains(&name) {
                missing.push(format!("{name}/{outcome}"));
            }
        }
    }
    assert!(missing.is_empty(), "rules without fixtures: {missing:?}");
}

/// Rules a text fixture cannot show.
const NO_TEXT_FIXTURE: &[&str] = &[
    // A binary file is skipped before parsing; it yields no document to check.
    "binary-file",
    // Reported by fmt, not check: covered by the fmt snapshot tests (tests/fmt.rs, `refused_*`).
    "fmt-refused",
    // Needs a `[context.budget]` in agentfmt.toml, which fixtures do not have: covered by
    // tests/context.rs.
    "context-budget",
];
