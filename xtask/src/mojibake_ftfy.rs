//! Runs Python's `ftfy.fix_encoding` over the bench cases in one process.

use anyhow::{Context, Result, bail};
use std::process::Command;

/// ftfy outputs and timings.
pub struct Ftfy {
    pub damaged: Vec<String>,
    pub clean: Vec<String>,
    pub damaged_secs: f64,
    pub clean_secs: f64,
}

const SCRIPT: &str = r#"
import sys, os, time, json, ftfy
d = sys.argv[1]
out = {}
for group in ("damaged", "clean"):
    n = int(open(os.path.join(d, group + ".n")).read())
    texts = [open(os.path.join(d, f"{group}_{i}.txt"), encoding="utf-8", newline="").read() for i in range(n)]
    t0 = time.perf_counter()
    fixed = [ftfy.fix_encoding(t) for t in texts]
    out[group] = time.perf_counter() - t0
    for i, t in enumerate(fixed):
        with open(os.path.join(d, f"{group}_{i}.out"), "w", encoding="utf-8", newline="") as f:
            f.write(t)
print(json.dumps(out))
"#;

/// Writes the texts to a temp dir, runs ftfy once, reads the results back.
pub fn run(damaged: &[&str], clean: &[&str]) -> Result<Ftfy> {
    let dir = std::env::temp_dir().join(format!("agentfmt-mojibake-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    for (group, texts) in [("damaged", damaged), ("clean", clean)] {
        std::fs::write(dir.join(format!("{group}.n")), texts.len().to_string())?;
        for (i, t) in texts.iter().enumerate() {
            std::fs::write(dir.join(format!("{group}_{i}.txt")), t)?;
        }
    }
    let res = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .arg(&dir)
        .output()
        .context("running python3")?;
    if !res.status.success() {
        let _ = std::fs::remove_dir_all(&dir);
        bail!(
            "python3 failed: {}",
            String::from_utf8_lossy(&res.stderr)
                .lines()
                .last()
                .unwrap_or("")
        );
    }
    let times: serde_json::Value = serde_json::from_slice(&res.stdout).context("ftfy timings")?;
    let read = |group: &str, n: usize| -> Result<Vec<String>> {
        (0..n)
            .map(|i| {
                Ok(std::fs::read_to_string(
                    dir.join(format!("{group}_{i}.out")),
                )?)
            })
            .collect()
    };
    let out = Ftfy {
        damaged: read("damaged", damaged.len())?,
        clean: read("clean", clean.len())?,
        damaged_secs: times["damaged"].as_f64().unwrap_or(f64::NAN),
        clean_secs: times["clean"].as_f64().unwrap_or(f64::NAN),
    };
    let _ = std::fs::remove_dir_all(&dir);
    Ok(out)
}
