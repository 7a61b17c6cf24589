//! `agentfmt convert`: fixture snapshots, safety, the corpus run and round-trip properties.

use agentfmt::convert::{self, ConvertOptions, Target, corpus};
use agentfmt::document::{self, Document};
use agentfmt::kind::Kind;
use agentfmt::source::SourceText;

fn parse(text: &str, path: &str, kind: Option<Kind>) -> Document {
    document::parse(SourceText::from_str(text), Some(path), kind).doc
}

/// Converts every file of `../shared/corpus` to every target; prints the counts.
#[test]
fn corpus_converts_cleanly() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(manifest) = std::fs::read_to_string(root.join("MANIFEST.jsonl")) else {
        return; // the shared corpus is not available here
    };
    let mut files = Vec::new();
    for line in manifest.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let bytes = std::fs::read(root.join(v["path"].as_str().unwrap())).unwrap();
        let kind: Option<Kind> = v["kind"].as_str().and_then(|k| k.parse().ok());
        files.push((v["source_path"].as_str().unwrap().to_owned(), bytes, kind));
    }
    let refs: Vec<(&str, &[u8], Option<Kind>)> = files
        .iter()
        .map(|(p, b, k)| (p.as_str(), b.as_slice(), *k))
        .collect();
    let st = corpus::check_corpus(&refs, &ConvertOptions::default());
    eprintln!(
        "files {} binary {} conversions {} unsupported {} outputs {} losses {} panics {} syntax {} kind {} unreported {}",
        st.files,
        st.binary,
        st.conversions,
        st.unsupported,
        st.outputs,
        st.losses,
        st.panics.len(),
        st.syntax_errors.len(),
        st.kind_mismatches.len(),
        st.unreported.len()
    );
    eprintln!("by kind {:?}", st.by_kind);
    for x in st
        .panics
        .iter()
        .chain(&st.syntax_errors)
        .chain(&st.kind_mismatches)
        .chain(&st.unreported)
        .take(if std::env::var("AF_ALL").is_ok() {
            usize::MAX
        } else {
            40
        })
    {
        eprintln!("  {x}");
    }
    assert!(st.ok());
}

/// Debug helper: `AF_FILE=corpus/path AF_KIND=kind AF_TO=target cargo test debug_one -- --ignored --nocapture`.
#[test]
#[ignore = "debug helper"]
fn debug_one() {
    let file = std::env::var("AF_FILE").unwrap();
    let kind: Option<Kind> = std::env::var("AF_KIND").ok().and_then(|k| k.parse().ok());
    let path = std::env::var("AF_PATH").unwrap_or_else(|_| file.clone());
    let text = std::fs::read_to_string(&file).unwrap();
    let d = parse(&text, &path, kind);
    for t in std::env::var("AF_TO").unwrap().split(',') {
        let c = convert::convert(&d, t.parse().unwrap(), &ConvertOptions::default());
        eprintln!("==== {t}: {c:#?}");
        if let Ok(c) = c {
            for o in &c.outputs {
                eprintln!("---- {}\n{}", o.path, o.text);
            }
        }
    }
}
