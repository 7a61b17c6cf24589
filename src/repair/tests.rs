//! Unit tests for the repair engine.
use super::*;

#[test]
fn smoke() {
    assert_eq!(repair("Done â€” ok").text, "Done — ok");
}

#[test]
fn seeds_dump() {
    let dir = std::path::Path::new("/work/shared/seeds");
    if !dir.exists() {
        return;
    }
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in names {
        let t = std::fs::read_to_string(&p).unwrap();
        let r = repair(&t);
        eprintln!("== {} fixes={}", p.display(), r.fixes.len());
        for f in r.fixes.iter().take(400) {
            eprintln!(
                "  {:?} {:?} -> {:?} {} {:.2}",
                f.span, f.original, f.replacement, f.damage, f.confidence
            );
        }
    }
}

#[test]
fn debug_file() {
    let Some(p) = std::env::var_os("REPAIR_DEBUG") else {
        return;
    };
    let t = std::fs::read_to_string(p).unwrap();
    let r = repair(&t);
    eprintln!("fixes {}", r.fixes.len());
}
