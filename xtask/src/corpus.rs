//! `cargo xtask corpus`: agentfmt over the shared corpus of real agent files.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;
use serde::Deserialize;

use agentfmt::check;
use agentfmt::config::Config;
use agentfmt::diagnostic::Severity;
use agentfmt::rules::Context;

#[derive(Deserialize)]
struct Entry {
    path: String,
    kind: String,
    source_path: String,
}

struct Outcome {
    kind: String,
    detected: Option<String>,
    panicked: bool,
    failed: bool,
    rules: Vec<(&'static str, &'static str, Severity)>,
}

pub fn run(root: &Path, args: &[String]) -> anyhow::Result<()> {
    // `--split dev|report|train`: only the files of that part of the repositories (the split
    // the mojibake bench uses), so figures can be reported on repositories no change was
    // looked at against.
    let mut split = None;
    let mut dir = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--split" {
            let name = it.next().map_or("", String::as_str);
            split = Some(
                crate::mojibake_split::Split::parse(name)
                    .ok_or_else(|| anyhow::anyhow!("--split: expected train, dev or report"))?,
            );
        } else {
            dir = Some(Path::new(a).to_path_buf());
        }
    }
    let dir = dir.unwrap_or_else(|| root.join("../shared/corpus"));
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.jsonl"))
        .map_err(|e| anyhow::anyhow!("cannot read {}/MANIFEST.jsonl: {e}", dir.display()))?;
    let entries: Vec<Entry> = manifest
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str::<Entry>)
        .filter(|e| match (e, split) {
            (Ok(e), Some(part)) => crate::mojibake_split::Split::of_corpus_file(&e.path) == part,
            _ => true,
        })
        .collect::<Result<_, _>>()?;
    let files: Vec<(Entry, Vec<u8>)> = entries
        .into_iter()
        .map(|e| {
            let bytes = std::fs::read(dir.join(&e.path)).unwrap_or_default();
            (e, bytes)
        })
        .collect();
    let total_bytes: usize = files.iter().map(|(_, b)| b.len()).sum();

    let config = Config::default();
    let ctx = Context::default();
    let start = Instant::now();
    let outcomes: Vec<Outcome> = files
        .par_iter()
        .map(|(e, bytes)| {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                check::check_bytes(bytes, &e.source_path, None, &ctx, &config)
            }));
            match result {
                Ok((report, _)) => Outcome {
                    kind: e.kind.clone(),
                    detected: report.kind.map(|k| k.as_str().to_owned()),
                    panicked: false,
                    failed: report.diagnostics.iter().any(|d| d.code == "AF000"),
                    rules: report
                        .diagnostics
                        .iter()
                        .map(|d| (d.code, d.rule, d.severity))
                        .collect(),
                },
                Err(_) => Outcome {
                    kind: e.kind.clone(),
                    detected: None,
                    panicked: true,
                    failed: false,
                    rules: Vec::new(),
                },
            }
        })
        .collect();
    let elapsed = start.elapsed();

    let mut per_kind: BTreeMap<&str, (usize, usize, usize, usize)> = BTreeMap::new(); // files, agree, errors, warnings
    let mut per_rule: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new(); // diagnostics, files
    let mut mismatches: BTreeMap<(String, String), usize> = BTreeMap::new();
    for o in &outcomes {
        let k = per_kind.entry(o.kind.as_str()).or_default();
        k.0 += 1;
        if o.detected.as_deref() == Some(o.kind.as_str()) {
            k.1 += 1;
        } else {
            *mismatches
                .entry((
                    o.kind.clone(),
                    o.detected.clone().unwrap_or_else(|| "none".into()),
                ))
                .or_default() += 1;
        }
        k.2 += o.rules.iter().filter(|r| r.2 == Severity::Error).count();
        k.3 += o.rules.iter().filter(|r| r.2 == Severity::Warning).count();
        let mut seen = std::collections::HashSet::new();
        for (code, name, _) in &o.rules {
            let r = per_rule.entry((code, name)).or_default();
            r.0 += 1;
            if seen.insert(*code) {
                r.1 += 1;
            }
        }
    }
    let n = outcomes.len();
    let agree: usize = per_kind.values().map(|v| v.1).sum();
    let panics = outcomes.iter().filter(|o| o.panicked).count();
    let failures = outcomes.iter().filter(|o| o.failed).count();

    println!(
        "check: {n} files, {:.1} MB from {}",
        total_bytes as f64 / 1e6,
        dir.display()
    );
    println!(
        "\n{:<30} {:>6} {:>10} {:>7} {:>9}",
        "kind", "files", "kind ok", "errors", "warnings"
    );
    for (k, (files, ok, e, w)) in &per_kind {
        println!(
            "{k:<30} {files:>6} {:>9.1}% {e:>7} {w:>9}",
            100.0 * *ok as f64 / *files as f64
        );
    }
    println!(
        "\n{:<8} {:<30} {:>11} {:>6}",
        "code", "rule", "diagnostics", "files"
    );
    for ((code, name), (d, f)) in &per_rule {
        println!("{code:<8} {name:<30} {d:>11} {f:>6}");
    }
    if !mismatches.is_empty() {
        println!("\nkind mismatches (manifest -> detected):");
        for ((m, d), c) in &mismatches {
            println!("  {m} -> {d}: {c}");
        }
    }
    println!(
        "\nkind agreement: {agree}/{n} = {:.2}%\npanics: {panics}\nagentfmt failures (exit 2): {failures}\ncheck time (in-process, {} threads): {:.0} ms",
        100.0 * agree as f64 / n as f64,
        rayon::current_num_threads(),
        elapsed.as_secs_f64() * 1000.0
    );
    anyhow::ensure!(panics == 0, "{panics} files panicked");
    anyhow::ensure!(failures == 0, "{failures} files made agentfmt fail");
    anyhow::ensure!(agree * 100 >= n * 98, "kind agreement below 98%");

    fmt_phase(&files)?;
    convert_phase(&files)?;
    Ok(())
}

fn list(name: &str, items: &[String]) {
    println!("{name}: {}", items.len());
    for i in items.iter().take(10) {
        println!("  {i}");
    }
}

/// fmt over every file: idempotence, rendered HTML and front-matter values unchanged, no
/// strict-YAML warnings left.
fn fmt_phase(files: &[(Entry, Vec<u8>)]) -> anyhow::Result<()> {
    let start = Instant::now();
    let count = |t: &str| agentfmt::tokens::count(t);
    let st = agentfmt::fmt::corpus_stats_with(
        files
            .iter()
            .map(|(e, b)| (e.source_path.as_str(), b.as_slice())),
        Some(&count),
    );
    println!(
        "\nfmt: {} files ({} binary) in {:.0} ms",
        st.files,
        st.binary,
        start.elapsed().as_secs_f64() * 1e3
    );
    println!("files changed by fmt: {}", st.changed);
    for (rewrite, count) in &st.by_rewrite {
        println!("  {rewrite:<28} {count:>6}");
    }
    list("panics", &st.panics);
    list("not idempotent", &st.not_idempotent);
    list("rendered HTML changed", &st.html_changed);
    list("front-matter values changed", &st.values_changed);
    println!(
        "intended value changes (argument-hint list → string, lenient → strict): {}",
        st.intended_value_changes.len()
    );
    list("refused by the safety net (fmt-refused)", &st.refused);
    println!(
        "strict-YAML warnings: {} before fmt, {} after",
        st.strict_yaml_before,
        st.strict_yaml_after.len()
    );
    for i in st.strict_yaml_after.iter().take(10) {
        println!("  {i}");
    }
    list("bodies fmt made longer", &st.body_grown);
    list(
        "front matter made longer without a repair",
        &st.front_matter_grown,
    );
    let tokens_ok = growth_report(&st.sizes);
    anyhow::ensure!(
        st.panics.is_empty()
            && st.not_idempotent.is_empty()
            && st.html_changed.is_empty()
            && st.values_changed.is_empty()
            && st.strict_yaml_after.is_empty()
            && st.body_grown.is_empty()
            && st.front_matter_grown.is_empty()
            && tokens_ok,
        "fmt corpus invariants failed"
    );
    Ok(())
}

/// Prints the distribution of fmt's byte and token change per file, and whether the token
/// limits hold: after fmt at most the count before on 99% of files, and never more than 0.5%
/// above it. The limits apply with the exceptions the byte rule makes (the final line break
/// fmt adds, and the repairs: mojibake, and front matter only a lenient reader accepts made
/// strict YAML, which quotes values); the whole-text figures are printed too.
fn growth_report(sizes: &[agentfmt::fmt::Sizes]) -> bool {
    const REPAIRS: &[&str] = &["mojibake", "lenient-to-strict", "quoted", "argument-hint"];
    let whole: Vec<_> = sizes
        .iter()
        .filter_map(|s| Some((s.tokens_before?, s.tokens_after?, s)))
        .collect();
    let adjusted: Vec<_> = sizes
        .iter()
        .filter(|s| !s.rewrites.iter().any(|r| REPAIRS.contains(r)))
        .filter_map(|s| Some((s.tokens_before_trimmed?, s.tokens_after_trimmed?, s)))
        .collect();
    let (bb, ba) = sizes
        .iter()
        .fold((0, 0), |(b, a), s| (b + s.bytes_before, a + s.bytes_after));
    let (tb, ta) = whole.iter().fold((0, 0), |(b, a), w| (b + w.0, a + w.1));
    println!(
        "\nfmt size ({} tokens): bytes {bb} -> {ba} ({:+.2}%), tokens {tb} -> {ta} ({:+.2}%)",
        agentfmt::tokens::ENCODING,
        change(bb, ba),
        change(tb, ta),
    );
    let grown: Vec<_> = sizes
        .iter()
        .filter(|s| s.bytes_after > s.bytes_before)
        .collect();
    let over5 = grown
        .iter()
        .filter(|s| change(s.bytes_before, s.bytes_after) > 5.0)
        .count();
    let most = grown
        .iter()
        .map(|s| s.bytes_after - s.bytes_before)
        .max()
        .unwrap_or(0);
    println!(
        "bytes per file: {} of {} files larger after fmt, {over5} by more than 5%, at most {most} bytes",
        grown.len(),
        sizes.len()
    );
    distribution("whole text", &whole);
    let ok = distribution(
        "final line break and repairs excluded (limits: 99% not more, none above +0.5%)",
        &adjusted,
    );
    let repaired = whole.len() - adjusted.len();
    println!("  ({repaired} files with repairs left out of the second line)");
    ok
}

fn change(before: usize, after: usize) -> f64 {
    if before == 0 {
        0.0
    } else {
        (after as f64 - before as f64) / before as f64 * 100.0
    }
}

/// Prints one line of per-file token change for `(before, after, file)` triples and the worst
/// files; returns whether the limits hold.
fn distribution(name: &str, files: &[(usize, usize, &agentfmt::fmt::Sizes)]) -> bool {
    let mut r: Vec<(f64, &agentfmt::fmt::Sizes, usize, usize)> = files
        .iter()
        .map(|&(b, a, s)| (change(b, a), s, b, a))
        .collect();
    if r.is_empty() {
        return true;
    }
    r.sort_by(|x, y| x.0.total_cmp(&y.0));
    let n = r.len();
    let q = |p: f64| r[((n - 1) as f64 * p) as usize].0;
    let not_more = files.iter().filter(|(b, a, _)| a <= b).count();
    let over = r.iter().filter(|x| x.0 > 0.5).count();
    println!(
        "tokens per file, {name}: {not_more}/{n} = {:.2}% not more, {over} above +0.5%; min {:+.2}%, p50 {:+.2}%, p99 {:+.2}%, max {:+.2}%",
        100.0 * not_more as f64 / n as f64,
        q(0.0),
        q(0.5),
        q(0.99),
        q(1.0)
    );
    for (c, s, b, a) in r.iter().rev().take(3).filter(|x| x.0 > 0.0) {
        println!("  {c:+.2}% {} ({b} -> {a}) {:?}", s.path, s.rewrites);
    }
    not_more * 100 >= n * 99 && over == 0
}

/// convert of every file to every target that accepts its kind; every output is checked as its
/// own kind and must have no errors.
fn convert_phase(files: &[(Entry, Vec<u8>)]) -> anyhow::Result<()> {
    use agentfmt::convert::{self, ConvertOptions, Target};
    let opts = ConvertOptions::default();
    let start = Instant::now();
    let triples: Vec<(&str, &[u8], Option<agentfmt::tools::Kind>)> = files
        .iter()
        .map(|(e, b)| (e.source_path.as_str(), b.as_slice(), None))
        .collect();
    let pairs: Vec<(&str, &[u8])> = triples.iter().map(|(p, b, _)| (*p, *b)).collect();
    let st = convert::corpus::check_corpus(&pairs, &opts);
    println!(
        "\nconvert: {} files, {} conversions, {} (file, target) pairs not supported, {} outputs, {} losses reported, {:.0} ms",
        st.files,
        st.conversions,
        st.unsupported,
        st.outputs,
        st.losses,
        start.elapsed().as_secs_f64() * 1e3
    );
    list("panics", &st.panics);
    list("outputs with syntax errors", &st.syntax_errors);
    list("outputs detected as another kind", &st.kind_mismatches);
    list(
        "fields missing from the output and from the loss report",
        &st.unreported,
    );
    list("unsafe output paths", &st.unsafe_paths);
    list(
        "outputs that change when converted again to their own kind",
        &st.unstable,
    );

    // Every output must pass `agentfmt check` for its kind with no errors.
    let config = Config::default();
    let ctx = Context::default();
    // Formatting only: encoding repair is off, since a source with mojibake converts to an
    // output with the same mojibake, which fmt then repairs on purpose.
    let fmt_opts = agentfmt::fmt::FmtOptions {
        repair_encoding: false,
        ..agentfmt::fmt::FmtOptions::default()
    };
    let results: Vec<(Vec<String>, Vec<String>)> = files
        .par_iter()
        .map(|(e, bytes)| {
            let Ok((doc, _)) = check::load(bytes, &e.source_path, None) else {
                return (Vec::new(), Vec::new());
            };
            let mut errs = Vec::new();
            let mut unformatted = Vec::new();
            // Only a canonical source must give canonical outputs: convert keeps bodies as
            // they are, and formatting them is fmt's job (a TOML prompt's markdown is never
            // formatted, so a TOML source does not count).
            let canonical =
                !doc.kind.is_toml() && agentfmt::fmt::fmt(&doc, &fmt_opts).text == doc.text();
            for target in Target::tools() {
                let Ok(c) = convert::convert(&doc, target, &opts) else {
                    continue;
                };
                for out in &c.outputs {
                    if canonical
                        && let Ok((o, _)) =
                            check::load(out.text.as_bytes(), &out.path, Some(out.kind))
                        && agentfmt::fmt::fmt(&o, &fmt_opts).text != out.text
                    {
                        unformatted.push(format!(
                            "{} -> {} ({}) [{}]",
                            e.source_path,
                            out.path,
                            target.as_str(),
                            e.path
                        ));
                    }
                    let (report, _) = check::check_bytes(
                        out.text.as_bytes(),
                        &out.path,
                        Some(out.kind),
                        &ctx,
                        &config,
                    );
                    // A body over the target's limit is kept whole and reported as a loss.
                    let over_limit = c.over_limit();
                    for d in report.diagnostics.iter().filter(|d| {
                        d.severity == Severity::Error && !(over_limit && d.rule == "too-long")
                    }) {
                        errs.push(format!(
                            "{} -> {} ({}): [{}] {}",
                            e.source_path,
                            out.path,
                            target.as_str(),
                            d.rule,
                            d.message
                        ));
                    }
                }
            }
            (errs, unformatted)
        })
        .collect();
    let (errors, unformatted): (Vec<Vec<String>>, Vec<Vec<String>>) = results.into_iter().unzip();
    let (errors, unformatted) = (errors.concat(), unformatted.concat());
    list("convert outputs that fmt would change", &unformatted);
    let mut by_rule: BTreeMap<String, usize> = BTreeMap::new();
    for e in &errors {
        let rule = e
            .split('[')
            .nth(1)
            .and_then(|r| r.split(']').next())
            .unwrap_or("?");
        *by_rule.entry(rule.to_owned()).or_default() += 1;
    }
    println!(
        "check errors in convert outputs: {} {:?}",
        errors.len(),
        by_rule
    );
    for e in errors.iter().take(10) {
        println!("  {e}");
    }
    anyhow::ensure!(st.ok(), "convert corpus invariants failed");
    anyhow::ensure!(errors.is_empty(), "convert outputs fail check");
    Ok(())
}
