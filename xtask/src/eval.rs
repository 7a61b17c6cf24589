//! `cargo xtask eval [--dir DIR] [--agnix BIN] [--show N]`: agentfmt's recall and false
//! positives on the labelled evaluation set (`corpus/eval/<kind>/<case>/`, see its README),
//! and agnix's on the same set when it is installed.
//!
//! Each case is copied to a temporary directory of its own (a file named `gitignore` becomes
//! `.gitignore`, and the copy is made a git work tree, so that nothing of this repository's
//! configuration or ignore files reaches it), and the linter runs there with JSON output. A
//! label is found when a diagnostic of the same file and severity reports it (each diagnostic
//! finds at most one label; its line is compared too, and the agreement printed). An error or
//! warning that finds no label is a false positive: the false-positive rate is the share of
//! clean cases (no labels) with at least one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context as _;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    #[allow(dead_code)]
    about: String,
    #[serde(default)]
    expect: Vec<Expect>,
}

#[derive(Deserialize, Clone)]
struct Expect {
    file: String,
    line: Option<usize>,
    severity: String,
}

/// One reported problem: file (relative to the case root), 1-based line, severity, rule.
#[derive(Clone, Debug)]
struct Report {
    file: String,
    line: usize,
    severity: String,
    rule: String,
}

/// What one linter got right and wrong on the whole set.
#[derive(Default)]
struct Score {
    labels: BTreeMap<String, (usize, usize)>, // severity → (labelled, found)
    line_agrees: usize,
    other_severity: usize,
    clean: usize,
    clean_with_fp: usize,
    extra_in_failing: usize,
    misses: Vec<String>,
    false_positives: Vec<String>,
}

fn cases(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for kind in std::fs::read_dir(dir)? {
        let kind = kind?.path();
        if !kind.is_dir() {
            continue;
        }
        for case in std::fs::read_dir(&kind)? {
            let case = case?.path();
            if case.join("case.toml").is_file() {
                out.push(case);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        let path = entry.path();
        if name == "case.toml" && from.join("case.toml") == path {
            continue;
        }
        let dest = if name == "gitignore" {
            to.join(".gitignore")
        } else {
            to.join(&name)
        };
        if entry.file_type()?.is_dir() {
            copy_tree(&path, &dest)?;
        } else {
            std::fs::copy(&path, &dest)?;
        }
    }
    Ok(())
}

fn agentfmt_reports(bin: &str, dir: &Path) -> anyhow::Result<Vec<Report>> {
    let out = Command::new(bin)
        .args(["check", "--output-format", "json", "."])
        .current_dir(dir)
        .output()?;
    anyhow::ensure!(
        out.status.code().is_some_and(|c| c <= 1),
        "agentfmt failed in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .with_context(|| format!("agentfmt's JSON in {}", dir.display()))?;
    Ok(v.as_array()
        .into_iter()
        .flatten()
        .map(|d| Report {
            file: d["path"].as_str().unwrap_or_default().to_owned(),
            line: d["start"]["line"].as_u64().unwrap_or(0) as usize,
            severity: d["severity"].as_str().unwrap_or_default().to_owned(),
            rule: d["rule"].as_str().unwrap_or_default().to_owned(),
        })
        .collect())
}

fn agnix_reports(bin: &str, dir: &Path) -> anyhow::Result<Vec<Report>> {
    let out = Command::new(bin)
        .args(["--format", "json", "."])
        .current_dir(dir)
        .output()?;
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).with_context(|| {
        format!(
            "agnix's JSON in {}: {}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        )
    })?;
    Ok(v["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["rule"] != "VER-001")
        .map(|d| Report {
            file: d["file"]
                .as_str()
                .unwrap_or_default()
                .trim_start_matches("./")
                .to_owned(),
            line: d["line"].as_u64().unwrap_or(0) as usize,
            severity: d["level"].as_str().unwrap_or_default().to_owned(),
            rule: d["rule"].as_str().unwrap_or_default().to_owned(),
        })
        .collect())
}

fn score(score: &mut Score, name: &str, case: &Case, reports: &[Report]) {
    let mut used = vec![false; reports.len()];
    let serious = |r: &Report| r.severity == "error" || r.severity == "warning";
    for e in &case.expect {
        let entry = score.labels.entry(e.severity.clone()).or_default();
        entry.0 += 1;
        let same = |r: &Report| r.file == e.file && r.severity == e.severity;
        // Prefer the diagnostic on the labelled line.
        let hit = (0..reports.len())
            .filter(|&i| !used[i] && same(&reports[i]))
            .min_by_key(|&i| e.line.map_or(0, |l| reports[i].line.abs_diff(l)));
        if let Some(i) = hit {
            used[i] = true;
            entry.1 += 1;
            if e.line.is_none_or(|l| l == reports[i].line) {
                score.line_agrees += 1;
            }
        } else {
            if reports
                .iter()
                .any(|r| r.file == e.file && serious(r) && r.severity != e.severity)
            {
                score.other_severity += 1;
            }
            score.misses.push(format!(
                "{name}: {} {}:{}",
                e.severity,
                e.file,
                e.line.unwrap_or(0)
            ));
        }
    }
    let extra: Vec<&Report> = reports
        .iter()
        .zip(&used)
        .filter(|(r, u)| !**u && serious(r))
        .map(|(r, _)| r)
        .collect();
    if case.expect.is_empty() {
        score.clean += 1;
        if !extra.is_empty() {
            score.clean_with_fp += 1;
        }
    } else {
        score.extra_in_failing += extra.len();
    }
    for r in extra {
        score.false_positives.push(format!(
            "{name}: {} {}:{} {}",
            r.severity, r.file, r.line, r.rule
        ));
    }
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        100.0
    } else {
        n as f64 * 100.0 / d as f64
    }
}

fn print(tool: &str, s: &Score, show: usize) {
    let (el, ef) = s.labels.get("error").copied().unwrap_or_default();
    let (wl, wf) = s.labels.get("warning").copied().unwrap_or_default();
    println!(
        "{tool:9} error recall {:5.1}% ({ef}/{el})  warning recall {:5.1}% ({wf}/{wl})  false positives {:4.1}% of clean cases ({}/{})  extra reports in failing cases {}  found at another severity {}  line agrees {}/{}",
        pct(ef, el),
        pct(wf, wl),
        pct(s.clean_with_fp, s.clean),
        s.clean_with_fp,
        s.clean,
        s.extra_in_failing,
        s.other_severity,
        s.line_agrees,
        ef + wf,
    );
    for m in s.misses.iter().take(show) {
        println!("  missed   {m}");
    }
    for f in s.false_positives.iter().take(show) {
        println!("  reported {f}");
    }
}

/// Runs the evaluation; see the module docs. Fails when a case cannot be read or a linter
/// fails on one.
pub fn run(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let dir = opt("--dir").map_or_else(|| root.join("corpus/eval"), PathBuf::from);
    let show: usize = opt("--show").map_or(Ok(0), |s| s.parse())?;
    let agnix = opt("--agnix").or_else(|| {
        Command::new("agnix")
            .arg("--version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|_| "agnix".to_owned())
    });
    let bin = super::bench::release_binary(root)?;

    let work = std::env::temp_dir().join(format!("agentfmt-eval-{}", std::process::id()));
    let mut ours = Score::default();
    let mut theirs = Score::default();
    let all = cases(&dir)?;
    for case_dir in &all {
        let name = case_dir
            .strip_prefix(&dir)
            .unwrap_or(case_dir)
            .display()
            .to_string();
        let text = std::fs::read_to_string(case_dir.join("case.toml"))?;
        let case: Case = toml::from_str(&text).with_context(|| format!("{name}/case.toml"))?;
        let copy = work.join(&name);
        copy_tree(case_dir, &copy)?;
        let git = Command::new("git")
            .args(["init", "-q", "."])
            .current_dir(&copy)
            .status()?;
        anyhow::ensure!(git.success(), "git init in {}", copy.display());
        score(&mut ours, &name, &case, &agentfmt_reports(&bin, &copy)?);
        if let Some(agnix) = &agnix {
            score(&mut theirs, &name, &case, &agnix_reports(agnix, &copy)?);
        }
    }
    std::fs::remove_dir_all(&work).ok();
    println!("{} cases from {}", all.len(), dir.display());
    print("agentfmt", &ours, show);
    match &agnix {
        Some(_) => print("agnix", &theirs, show),
        None => println!("agnix     not installed (pip install agnix, or --agnix BIN)"),
    }
    Ok(())
}
