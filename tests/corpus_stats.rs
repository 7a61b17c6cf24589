//! Measures the checks on the shared real-world corpus (`/work/shared/corpus`, not committed):
//! `cargo test --test main corpus_stats -- --ignored --nocapture`.

use std::collections::BTreeMap;

#[test]
#[ignore = "reads /work/shared/corpus; run by hand"]
#[allow(clippy::print_stdout)]
fn corpus_stats() {
    let dir = std::env::var("AGENTFMT_CORPUS").unwrap_or_else(|_| "/work/shared/corpus".into());
    let manifest = std::fs::read_to_string(format!("{dir}/MANIFEST.jsonl")).expect("manifest");
    let filter = std::env::var("AGENTFMT_RULE").ok();
    let mut per_rule: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    let mut per_kind: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut files = 0;
    for line in manifest.lines() {
        let m: serde_json::Value = serde_json::from_str(line).expect("json line");
        let path = m["path"].as_str().expect("path");
        let logical = m["source_path"].as_str().expect("source_path");
        let bytes = std::fs::read(format!("{dir}/{path}")).expect("corpus file");
        let Some((doc, diags)) = crate::rules::check_bytes(&bytes, logical, None) else {
            continue;
        };
        files += 1;
        let mut seen = std::collections::HashSet::new();
        for d in &diags {
            let e = per_rule
                .entry(format!("{} {}", d.code, d.rule))
                .or_default();
            e.0 += 1;
            if seen.insert(d.rule) {
                e.1 += 1;
            }
            if d.severity == agentfmt::diagnostic::Severity::Error {
                e.2 += 1;
            }
            *per_kind
                .entry(doc.kind.to_string())
                .or_default()
                .entry(d.rule.to_owned())
                .or_default() += 1;
            if filter.as_deref() == Some(d.rule) {
                let lc = doc.source.line_col(d.span.start);
                let text: String = doc.text()[d.span.range()].chars().take(60).collect();
                println!(
                    "  {path}:{}:{} [{}] {} | {text:?}",
                    lc.line,
                    lc.column,
                    d.severity.as_str(),
                    d.message
                );
            }
        }
    }
    println!("{files} files");
    println!("rule: diagnostics / files / errors");
    for (r, (n, f, e)) in &per_rule {
        println!("{r}: {n} / {f} / {e}");
    }
    for (k, rules) in &per_kind {
        println!("{k}: {rules:?}");
    }
}
