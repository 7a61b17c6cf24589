//! The format knowledge lives in the project: every source tag cited under `src/` and
//! `schemas/` resolves in `schemas/sources.json`, and no source file points outside the
//! repository (at a sibling checkout or at an issue tracker a contributor cannot see).

use std::path::Path;

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs" || x == "json") {
            out.push(p);
        }
    }
}

/// Tags like `[CC-SUB]`: an uppercase letter, then at least one more uppercase letter, digit
/// or `-` (so `[N]`, `[Y]` and array indices are not tags).
fn tags(text: &str) -> Vec<&str> {
    text.match_indices('[')
        .filter_map(|(i, _)| {
            let rest = &text[i + 1..];
            let tag = &rest[..rest.find(']')?];
            // A rule code in brackets (`# agentfmt: ignore[AF105]`) is syntax, not a citation.
            let rule_code = tag.len() == 5
                && tag.starts_with("AF")
                && tag[2..].chars().all(|c| c.is_ascii_digit());
            let ok = tag.len() > 1
                && !rule_code
                && tag.starts_with(|c: char| c.is_ascii_uppercase())
                && tag
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
            ok.then_some(tag)
        })
        .collect()
}

#[test]
fn every_cited_source_resolves_and_nothing_points_outside() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("schemas/sources.json")).unwrap())
            .unwrap();
    for (tag, s) in sources.as_object().unwrap() {
        for field in ["url", "title", "checked"] {
            assert!(
                s[field].as_str().is_some_and(|v| !v.is_empty()),
                "sources.json [{tag}] has no {field}"
            );
        }
    }
    let mut all = Vec::new();
    files(&root.join("src"), &mut all);
    files(&root.join("schemas"), &mut all);
    let mut unknown = Vec::new();
    for p in &all {
        let text = std::fs::read_to_string(p).unwrap();
        let rel = p.strip_prefix(root).unwrap().display().to_string();
        if rel.starts_with("src") {
            assert!(!text.contains("../shared"), "{rel} refers to ../shared");
            assert!(!text.contains("issue #"), "{rel} refers to an issue number");
        }
        for tag in tags(&text) {
            if sources.get(tag).is_none() {
                unknown.push(format!("{rel}: [{tag}]"));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "tags not in schemas/sources.json:\n{}",
        unknown.join("\n")
    );
    assert_eq!(tags("[CC-SUB] [N] [x] [A1]"), vec!["CC-SUB", "A1"]);
}
