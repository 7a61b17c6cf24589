//! Fuzz regressions on stable: every input a fuzz target (`fuzz/`) once failed on, kept in
//! `tests/data/fuzz-regressions/<target>/`, is run through the same invariants the target
//! asserts (`agentfmt::fuzz`), and so are the seeds (`corpus/`).

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn run_all(target: &str, inputs: &[PathBuf]) -> Vec<String> {
    use rayon::prelude::*;
    // In parallel: a few slow inputs (kept because they were slow) dominate the debug build.
    inputs
        .par_iter()
        .filter_map(|p| {
            let data = std::fs::read(p).unwrap();
            // Every path (the inputs of earlier rounds were found that way), then the one path
            // the libFuzzer targets choose by length (the inputs of later rounds).
            let all = agentfmt::fuzz::run(target, &data).expect("known target");
            let one = agentfmt::fuzz::run_one(target, &data).expect("known target");
            match all.and(one) {
                Ok(()) => None,
                Err(e) => Some(format!("{target} {}: {e}", p.display())),
            }
        })
        .collect()
}

#[test]
fn regression_inputs_hold_the_invariants() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz-regressions");
    let mut failures = Vec::new();
    let mut total = 0;
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        let target = dir.file_name().unwrap().to_str().unwrap().to_owned();
        assert!(
            agentfmt::fuzz::TARGETS.contains(&target.as_str()),
            "{} is not a fuzz target",
            dir.display()
        );
        let mut inputs = Vec::new();
        files(&dir, &mut inputs);
        total += inputs.len();
        failures.extend(run_all(&target, &inputs));
    }
    assert!(total > 0, "no regression inputs under {}", root.display());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn seeds_hold_the_invariants() {
    let mut inputs = Vec::new();
    files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        &mut inputs,
    );
    assert!(inputs.len() > 50, "corpus/ seeds missing");
    let mut failures = Vec::new();
    for target in agentfmt::fuzz::TARGETS {
        failures.extend(run_all(target, &inputs));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
