//! `cargo xtask mojibake-bench`: generates the mojibake development set from
//! texts written for it and (when present) the shared corpus read at run time,
//! runs agentfmt's repair engine and Python's `ftfy.fix_encoding` on the same
//! cases, and prints exact-match rates per damage kind, must-not-change
//! alterations and throughput side by side.
//!
//! The damaged cases come from the written texts and the held-out half of the corpus; the
//! shipped lost-byte statistics (`src/repair/lm.bin`) are trained on the whole corpus, so
//! the bench first builds statistics from the training half alone (`cargo xtask
//! repair-model --holdout`, with the same message catalogues) and installs them in place
//! of the shipped ones. `--shipped-model` measures the shipped statistics instead (then
//! the held-out cases are not held out).
//!
//! `--score FILE` runs no bench: for each line of `FILE`, readings separated by ` | `,
//! it prints the installed model's cost of each character and the lexicon counts of its
//! words, to see why the search prefers one reading of a lost byte to another.

use crate::mojibake_gen::{KINDS, damage, has_signature};
use crate::mojibake_texts::{LOOKALIKES, TEXTS};
use crate::repair_model::is_training;
use agentfmt::repair::repair;
use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

struct Case {
    kind: &'static str,
    name: String,
    damaged: String,
    expected: String,
}

struct Opts {
    corpus: PathBuf,
    seeds: PathBuf,
    max_per_kind: usize,
    ftfy: bool,
    verbose: bool,
    /// Sample damaged cases from the whole corpus, not only its held-out half.
    all: bool,
    /// Measure the shipped statistics instead of ones trained on the training half.
    shipped_model: bool,
    /// Instead of the bench, print the model's costs of each reading in this file (one
    /// line per text, readings separated by ` | `).
    score: Option<PathBuf>,
}

fn parse(args: &[String]) -> Result<Opts> {
    let root = crate::workspace_root();
    let mut o = Opts {
        corpus: root.join("../shared/corpus"),
        seeds: root.join("../shared/seeds"),
        max_per_kind: 150,
        ftfy: true,
        verbose: false,
        all: false,
        shipped_model: false,
        score: None,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => o.corpus = it.next().context("--corpus DIR")?.into(),
            "--seeds" => o.seeds = it.next().context("--seeds DIR")?.into(),
            "--max-per-kind" => o.max_per_kind = it.next().context("--max-per-kind N")?.parse()?,
            "--no-ftfy" => o.ftfy = false,
            "-v" | "--verbose" => o.verbose = true,
            "--all" => o.all = true,
            "--shipped-model" => o.shipped_model = true,
            "--score" => o.score = Some(it.next().context("--score FILE")?.into()),
            other => o.corpus = other.into(),
        }
    }
    Ok(o)
}

/// Every valid UTF-8 file under `dir` (not its top level), as (corpus-relative
/// name, text), sorted by path.
pub fn corpus_files(dir: &Path) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.parent() != Some(dir) {
                paths.push(p);
            }
        }
    }
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let text = String::from_utf8(std::fs::read(&p).ok()?).ok()?;
            let name = p.strip_prefix(dir).unwrap_or(&p).display().to_string();
            Some((name, text))
        })
        .collect()
}

/// Runs the bench; see the module docs. `args`: `[--corpus DIR] [--seeds DIR]
/// [--max-per-kind N] [--no-ftfy] [--all] [--shipped-model] [--score FILE] [-v]`.
pub fn run(args: &[String]) -> Result<()> {
    let o = parse(args)?;
    let corpus = if o.corpus.is_dir() {
        corpus_files(&o.corpus)
    } else {
        Vec::new()
    };
    if o.shipped_model || corpus.is_empty() {
        println!("model: the shipped src/repair/lm.bin");
    } else {
        let extra: Vec<PathBuf> = [PathBuf::from(crate::repair_model::DEFAULT_EXTRA)]
            .into_iter()
            .filter(|d| d.is_dir())
            .collect();
        let (blob, summary) = crate::repair_model::build(&o.corpus, &extra, true)?;
        anyhow::ensure!(
            agentfmt::repair::lm_install(Vec::leak(blob)),
            "the repair statistics were in use before the bench installed its own"
        );
        println!("model: built for the bench; {summary}");
    }
    if let Some(f) = &o.score {
        for line in std::fs::read_to_string(f)?.lines() {
            for alt in line.split(" | ") {
                println!("{alt}\n  {}", agentfmt::repair::lm_debug_score(alt));
            }
        }
        return Ok(());
    }
    println!(
        "corpus: {} ({} valid UTF-8 files)",
        o.corpus.display(),
        if corpus.is_empty() {
            "absent".to_owned()
        } else {
            corpus.len().to_string()
        }
    );

    // Must-not-change: written texts, lookalikes, corpus files without signatures.
    let mut keep: Vec<(String, String)> = Vec::new();
    for (n, t) in TEXTS.iter().chain(LOOKALIKES) {
        keep.push(((*n).to_owned(), (*t).to_owned()));
    }
    let mut excluded = Vec::new();
    for (n, t) in &corpus {
        if has_signature(t) {
            excluded.push(n.clone());
        } else {
            keep.push((n.clone(), t.clone()));
        }
    }
    println!(
        "must-not-change: {} texts; corpus files excluded for mojibake signatures: {}",
        keep.len(),
        excluded.len()
    );
    for n in &excluded {
        let t = &corpus.iter().find(|(m, _)| m == n).expect("listed").1;
        let r = repair(t);
        println!(
            "  excluded: {n} (agentfmt: {} fixes, signatures left: {})",
            r.fixes.len(),
            has_signature(&r.text)
        );
    }

    // Damaged cases: written texts plus a deterministic sample of non-ASCII corpus files.
    let sources: Vec<(String, String)> = {
        let mut v: Vec<(String, String)> = TEXTS
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect();
        let non_ascii: Vec<&(String, String)> = keep
            .iter()
            .skip(TEXTS.len() + LOOKALIKES.len())
            .filter(|(n, t)| !t.is_ascii() && (o.all || !is_training(n)))
            .collect();
        let want = o.max_per_kind.saturating_sub(v.len());
        let step = (non_ascii.len() / want.max(1)).max(1);
        v.extend(
            non_ascii
                .iter()
                .step_by(step)
                .take(want)
                .map(|p| (*p).clone()),
        );
        v
    };
    let mut cases = Vec::new();
    for &(kind, _) in KINDS {
        for (n, t) in &sources {
            if let Some((damaged, expected)) = damage(kind, t)
                && damaged != expected
            {
                cases.push(Case {
                    kind,
                    name: n.clone(),
                    damaged,
                    expected,
                });
            }
        }
    }
    println!(
        "damaged cases: {} from {} sources ({})\n",
        cases.len(),
        sources.len(),
        if o.all {
            "written texts and the whole corpus"
        } else {
            "written texts and the corpus half held out from `cargo xtask repair-model`"
        }
    );

    // agentfmt.
    let t0 = Instant::now();
    let ours: Vec<String> = cases.iter().map(|c| repair(&c.damaged).text).collect();
    let dmg_secs = t0.elapsed().as_secs_f64();
    let t0 = Instant::now();
    let ours_keep: Vec<String> = keep.iter().map(|(_, t)| repair(t).text).collect();
    let clean_secs = t0.elapsed().as_secs_f64();
    let dmg_bytes: usize = cases.iter().map(|c| c.damaged.len()).sum();
    let clean_bytes: usize = keep.iter().map(|(_, t)| t.len()).sum();

    // ftfy.
    let theirs = if o.ftfy {
        crate::mojibake_ftfy::run(
            &cases.iter().map(|c| c.damaged.as_str()).collect::<Vec<_>>(),
            &keep.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(),
        )
    } else {
        Err(anyhow::anyhow!("disabled with --no-ftfy"))
    };
    let theirs = match theirs {
        Ok(r) => Some(r),
        Err(e) => {
            println!("ftfy unavailable: {e:#}\n");
            None
        }
    };

    // Table.
    let mut per: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for (i, c) in cases.iter().enumerate() {
        let e = per.entry(c.kind).or_default();
        e.0 += 1;
        if ours[i] == c.expected {
            e.1 += 1;
        } else if o.verbose {
            print_miss(c, &ours[i]);
        }
        if theirs.as_ref().is_some_and(|t| t.damaged[i] == c.expected) {
            e.2 += 1;
        }
    }
    let pct = |a: usize, n: usize| 100.0 * a as f64 / n.max(1) as f64;
    println!(
        "{:<18} {:>6} {:>6} {:>10} {:>10}",
        "kind", "lossy", "cases", "agentfmt", "ftfy"
    );
    for &(kind, lossy) in KINDS {
        let (n, a, f) = per.get(kind).copied().unwrap_or_default();
        let ft = if theirs.is_some() {
            format!("{:.1}%", pct(f, n))
        } else {
            "n/a".into()
        };
        println!(
            "{kind:<18} {:>6} {n:>6} {:>9.1}% {ft:>10}",
            if lossy { "yes" } else { "no" },
            pct(a, n)
        );
    }
    // Lossy kinds split by where the lost bytes fall: only symbols, punctuation
    // and emoji (recoverable from the prior), or also letters of scripts where
    // several candidates are real words (Han, Hangul, kana, Cyrillic, Vietnamese).
    for &(kind, lossy) in KINDS.iter().filter(|k| k.1) {
        let _ = lossy;
        let (mut n, mut a, mut f) = (0, 0, 0);
        for (i, c) in cases.iter().enumerate() {
            if c.kind != kind || lost_letters(&c.expected) {
                continue;
            }
            n += 1;
            a += usize::from(ours[i] == c.expected);
            f += usize::from(theirs.as_ref().is_some_and(|t| t.damaged[i] == c.expected));
        }
        let ft = if theirs.is_some() {
            format!("{:.1}%", pct(f, n))
        } else {
            "n/a".into()
        };
        println!(
            "{:<18} {:>6} {n:>6} {:>9.1}% {ft:>10}",
            format!("{kind}*"),
            "yes",
            pct(a, n)
        );
    }
    println!("  (* cases whose lost bytes are all in symbols, punctuation or emoji, not letters)");
    let altered: Vec<&str> = keep
        .iter()
        .zip(&ours_keep)
        .filter(|((_, t), r)| t != *r)
        .map(|((n, _), _)| n.as_str())
        .collect();
    let ft_altered = theirs.as_ref().map(|t| {
        keep.iter()
            .zip(&t.clean)
            .filter(|((_, a), b)| a != *b)
            .count()
    });
    println!(
        "{:<18} {:>6} {:>6} {:>10} {:>10}",
        "must-not-change",
        "",
        keep.len(),
        format!("{} alt.", altered.len()),
        ft_altered.map_or("n/a".into(), |n| format!("{n} alt."))
    );
    for n in &altered {
        println!("  agentfmt altered: {n}");
    }
    let mbs = |b: usize, s: f64| b as f64 / 1e6 / s.max(1e-9);
    println!(
        "{:<18} {:>6} {:>6} {:>9.1} {:>10}",
        "MB/s clean",
        "",
        "",
        mbs(clean_bytes, clean_secs),
        theirs.as_ref().map_or("n/a".into(), |t| format!(
            "{:.2}",
            mbs(clean_bytes, t.clean_secs)
        ))
    );
    println!(
        "{:<18} {:>6} {:>6} {:>9.1} {:>10}",
        "MB/s damaged",
        "",
        "",
        mbs(dmg_bytes, dmg_secs),
        theirs.as_ref().map_or("n/a".into(), |t| format!(
            "{:.2}",
            mbs(dmg_bytes, t.damaged_secs)
        ))
    );
    seeds(&o.seeds);
    Ok(())
}

/// Whether a letter of `s` has a UTF-8 byte that Windows-1252 leaves undefined.
fn lost_letters(s: &str) -> bool {
    s.chars().any(|c| {
        let mut b = [0u8; 4];
        c.is_alphabetic()
            && c.encode_utf8(&mut b)
                .bytes()
                .any(|x| matches!(x, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D))
    })
}

fn print_miss(c: &Case, got: &str) {
    let (e, g): (Vec<char>, Vec<char>) = (c.expected.chars().collect(), got.chars().collect());
    let i = e.iter().zip(&g).take_while(|(a, b)| a == b).count();
    let ctx = |v: &[char]| {
        v[i.saturating_sub(12)..(i + 12).min(v.len())]
            .iter()
            .collect::<String>()
    };
    println!(
        "  miss {} {}: want {:?} got {:?}",
        c.kind,
        c.name,
        ctx(&e),
        ctx(&g)
    );
}

fn seeds(dir: &Path) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        println!("\nseeds: {} absent", dir.display());
        return;
    };
    let mut paths: Vec<PathBuf> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    println!("\nseeds ({}):", dir.display());
    for p in paths {
        let Ok(t) = std::fs::read_to_string(&p) else {
            continue;
        };
        let r = repair(&t);
        let kinds: std::collections::BTreeSet<String> =
            r.fixes.iter().map(|f| f.damage.to_string()).collect();
        println!(
            "  {:<28} fixes {:>3}  signatures before {:<5} after {:<5} {}",
            p.file_name().unwrap_or_default().to_string_lossy(),
            r.fixes.len(),
            has_signature(&t),
            has_signature(&r.text),
            kinds.into_iter().collect::<Vec<_>>().join(",")
        );
    }
}
