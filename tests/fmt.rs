//! `agentfmt fmt`: snapshot tests for every rewrite, property tests, seeds and the corpus run.

use agentfmt::document;
use agentfmt::fmt::{FmtOptions, fmt};
use agentfmt::kind::Kind;
use agentfmt::source::{Decoded, SourceText, decode};

fn format(text: &str, path: &str, kind: Option<Kind>) -> agentfmt::fmt::Formatted {
    let doc = document::parse(SourceText::from_str(text), Some(path), kind).doc;
    fmt(&doc, &FmtOptions::default())
}

/// The corpus run (`cargo test --test main fmt::corpus -- --ignored --nocapture`).
#[test]
#[ignore = "reads /work/shared/corpus"]
fn corpus() {
    let root = std::path::Path::new("/work/shared/corpus");
    let manifest = std::fs::read_to_string(root.join("MANIFEST.jsonl")).expect("manifest");
    let mut files = Vec::new();
    for line in manifest.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let bytes = std::fs::read(root.join(v["path"].as_str().unwrap())).expect("file");
        files.push((v["source_path"].as_str().unwrap().to_owned(), bytes));
    }
    let stats = agentfmt::fmt::corpus_stats(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
    println!("{}", stats.summary());
    for (name, list) in [
        ("panics", &stats.panics),
        ("not idempotent", &stats.not_idempotent),
        ("html changed", &stats.html_changed),
        ("values changed", &stats.values_changed),
        ("intended", &stats.intended_value_changes),
        ("refused", &stats.refused),
        ("strict yaml after", &stats.strict_yaml_after),
    ] {
        println!("{name} ({}): {:?}", list.len(), list.iter().take(400).collect::<Vec<_>>());
    }
    assert!(stats.panics.is_empty());
    assert!(stats.not_idempotent.is_empty());
    assert!(stats.html_changed.is_empty());
    assert!(stats.values_changed.is_empty());
}


/// Debug helper: `FMT_FILE=<corpus path> FMT_PATH=<logical path> cargo test --test main
/// fmt::one -- --ignored --nocapture` prints the diff and diagnostics for one file.
#[test]
#[ignore = "debug helper"]
fn one() {
    let Ok(file) = std::env::var("FMT_FILE") else {
        return;
    };
    let logical = std::env::var("FMT_PATH").unwrap_or_else(|_| file.clone());
    let Decoded::Text(src, _) = decode(&std::fs::read(&file).unwrap()) else {
        return;
    };
    let doc = document::parse(src, Some(&logical), None).doc;
    let out = fmt(&doc, &FmtOptions::default());
    println!("{}", similar::TextDiff::from_lines(doc.text(), &out.text).unified_diff());
    println!("{:?}\n{:#?}", out.rewrites, out.diagnostics);
}
