//! `cargo xtask mojibake-bench`: agentfmt's repair engine against Python's
//! `ftfy.fix_encoding` on texts the engine's statistics were not built from.
//!
//! Every text comes from one part of a three-way split by origin
//! ([`crate::mojibake_split`]): the shared corpus by repository, the message catalogues
//! under `/usr/share/locale` by gettext domain, the documentation under `/usr/share/doc`
//! by package (copyright files included), the translated manual pages under
//! `/usr/share/man` by page, and texts generated from the part's own PRNG seed (lookalikes of every
//! false-positive class, symbol-dense agent files). The bench first builds the lost-byte
//! statistics from the training part alone (`cargo xtask repair-model --holdout`) and
//! installs them in place of the shipped ones, then measures on `--split report` (the
//! default; nothing is tuned against it) or `--split dev` (for development, which also
//! adds the texts written for the bench in `mojibake_texts`).
//!
//! - *Must not change*: the part's corpus files, catalogues and documents without a
//!   mojibake signature, and the generated lookalikes.
//! - *Damaged cases*: each damage kind of [`crate::mojibake_gen::KINDS`] applied to a
//!   sample of the part's non-ASCII corpus files and catalogues and to the symbol-dense
//!   texts.
//!
//! `--shipped-model` measures the shipped statistics instead (trained on every part).
//! `--score FILE` runs no bench: for each line of `FILE`, readings separated by ` | `,
//! it prints the installed model's cost of each character and the lexicon counts of its
//! words, to see why the search prefers one reading of a lost byte to another.

use crate::mojibake_gen::{KINDS, damage, has_signature};
use crate::mojibake_lookalikes::{lookalikes, symbol_texts};
use crate::mojibake_report::{Table, seeds};
use crate::mojibake_split::Split;
use crate::mojibake_texts::{LOOKALIKES, TEXTS};
use agentfmt::repair::repair;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One damaged text and the text it should repair to.
pub struct Case {
    /// Damage kind (a name of [`KINDS`]).
    pub kind: &'static str,
    /// Where the clean text came from.
    pub name: String,
    /// The damaged text.
    pub damaged: String,
    /// The clean text.
    pub expected: String,
}

struct Opts {
    corpus: PathBuf,
    seeds: PathBuf,
    split: Split,
    max_per_kind: usize,
    catalogues_per_kind: usize,
    symbol_texts: usize,
    lookalikes_per_class: usize,
    ftfy: bool,
    verbose: bool,
    shipped_model: bool,
    score: Option<PathBuf>,
}

fn parse(args: &[String]) -> Result<Opts> {
    let root = crate::workspace_root();
    let mut o = Opts {
        corpus: root.join("../shared/corpus"),
        seeds: root.join("../shared/seeds"),
        split: Split::Report,
        max_per_kind: 150,
        catalogues_per_kind: 60,
        symbol_texts: 60,
        lookalikes_per_class: 60,
        ftfy: true,
        verbose: false,
        shipped_model: false,
        score: None,
    };
    let mut it = args.iter();
    let num = |it: &mut std::slice::Iter<'_, String>, what: &str| -> Result<usize> {
        Ok(it.next().context(what.to_owned())?.parse()?)
    };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => o.corpus = it.next().context("--corpus DIR")?.into(),
            "--seeds" => o.seeds = it.next().context("--seeds DIR")?.into(),
            "--split" => {
                let s = it.next().context("--split train|dev|report")?;
                o.split = Split::parse(s).context("--split train|dev|report")?;
            }
            "--max-per-kind" => o.max_per_kind = num(&mut it, "--max-per-kind N")?,
            "--catalogues-per-kind" => {
                o.catalogues_per_kind = num(&mut it, "--catalogues-per-kind N")?;
            }
            "--symbol-texts" => o.symbol_texts = num(&mut it, "--symbol-texts N")?,
            "--lookalikes" => o.lookalikes_per_class = num(&mut it, "--lookalikes N")?,
            "--no-ftfy" => o.ftfy = false,
            "-v" | "--verbose" => o.verbose = true,
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

/// Evenly spaced elements of `v`, at most `n`.
fn spread<T: Clone>(v: &[T], n: usize) -> Vec<T> {
    let step = (v.len() / n.max(1)).max(1);
    v.iter().step_by(step).take(n).cloned().collect()
}

/// Runs the bench; see the module docs. `args`: `[--corpus DIR] [--seeds DIR]
/// [--split train|dev|report] [--max-per-kind N] [--catalogues-per-kind N]
/// [--symbol-texts N] [--lookalikes N] [--no-ftfy] [--shipped-model] [--score FILE] [-v]`.
pub fn run(args: &[String]) -> Result<()> {
    let o = parse(args)?;
    let corpus = if o.corpus.is_dir() {
        corpus_files(&o.corpus)
    } else {
        Vec::new()
    };
    if o.shipped_model || corpus.is_empty() {
        println!("model: the shipped src/repair/lm.bin (trained on every part)");
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
    let part = o.split;
    let part_corpus: Vec<(String, String)> = corpus
        .into_iter()
        .filter(|(n, _)| Split::of_corpus_file(n) == part)
        .collect();
    let catalogues =
        crate::mojibake_sources::catalogues(Path::new(crate::mojibake_sources::LOCALE_DIR), part);
    let mut docs = crate::mojibake_sources::docs(Path::new(crate::mojibake_sources::DOC_DIR), part);
    docs.extend(crate::mojibake_sources::man_pages(
        Path::new(crate::mojibake_sources::MAN_DIR),
        part,
    ));
    let generated = lookalikes(part.seed(), o.lookalikes_per_class);
    println!(
        "split: {} (corpus {} files of {}; catalogues {}; documents {}; lookalikes {})",
        part.name(),
        part_corpus.len(),
        o.corpus.display(),
        catalogues.len(),
        docs.len(),
        generated.len()
    );

    // Must-not-change: the part's texts without a mojibake signature, and the lookalikes.
    let mut keep: Vec<(String, String)> = Vec::new();
    if part == Split::Dev {
        for (n, t) in TEXTS.iter().chain(LOOKALIKES) {
            keep.push(((*n).to_owned(), (*t).to_owned()));
        }
    }
    keep.extend(generated.iter().cloned());
    let mut excluded = Vec::new();
    for (n, t) in part_corpus.iter().chain(&catalogues).chain(&docs) {
        if has_signature(t) {
            excluded.push((n.clone(), t.clone()));
        } else {
            keep.push((n.clone(), t.clone()));
        }
    }
    println!(
        "must-not-change: {} texts ({} generated lookalikes); excluded for mojibake signatures: {}",
        keep.len(),
        generated.len(),
        excluded.len()
    );
    for (n, t) in &excluded {
        let r = repair(t);
        println!(
            "  excluded: {n} (agentfmt: {} fixes, signatures left: {})",
            r.fixes.len(),
            has_signature(&r.text)
        );
    }

    // Damaged cases.
    let mut sources: Vec<(String, String)> = Vec::new();
    if part == Split::Dev {
        sources.extend(
            TEXTS
                .iter()
                .map(|(n, t)| ((*n).to_owned(), (*t).to_owned())),
        );
    }
    sources.extend(symbol_texts(part.seed(), o.symbol_texts));
    let clean = |v: &[(String, String)]| -> Vec<(String, String)> {
        v.iter()
            .filter(|(_, t)| !t.is_ascii() && !has_signature(t))
            .cloned()
            .collect()
    };
    sources.extend(spread(&clean(&part_corpus), o.max_per_kind));
    sources.extend(spread(&clean(&catalogues), o.catalogues_per_kind));
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
        "damaged cases: {} from {} sources of the {} part\n",
        cases.len(),
        sources.len(),
        part.name()
    );

    let t0 = Instant::now();
    let ours: Vec<String> = cases.iter().map(|c| repair(&c.damaged).text).collect();
    let dmg_secs = t0.elapsed().as_secs_f64();
    let t0 = Instant::now();
    let ours_keep: Vec<String> = keep.iter().map(|(_, t)| repair(t).text).collect();
    let clean_secs = t0.elapsed().as_secs_f64();

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
    Table {
        cases: &cases,
        ours: &ours,
        keep: &keep,
        ours_keep: &ours_keep,
        theirs: theirs.as_ref(),
        dmg_secs,
        clean_secs,
        verbose: o.verbose,
    }
    .print();
    seeds(&o.seeds);
    Ok(())
}
