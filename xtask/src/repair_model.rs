//! `cargo xtask repair-model [--corpus DIR] [--extra DIR] [--holdout] [--out FILE] [--check]`:
//! derives the character n-gram statistics that the repair engine uses to choose among the
//! candidates for a lost byte (`src/repair/lm.bin`, read by `agentfmt::repair::lm`).
//!
//! The statistics are counts of code points and of adjacent code-point pairs
//! and triples in the shared corpus of agent files and in the translated strings of the
//! gettext catalogues under each `--extra` directory (the shipped model uses
//! `/usr/share/locale`). The shipped model reads every corpus file; with `--holdout` only
//! the *training part* of the split by repository and by catalogue domain (see
//! [`crate::mojibake_split`]), which is what `cargo xtask mojibake-bench` builds and installs so that
//! it measures on files the model has not seen. ASCII is folded into
//! three classes (space or line break, letter or digit, punctuation), so the
//! table holds no words, only which non-ASCII characters occur in agent files
//! and next to what. Files that carry mojibake signatures are skipped. Pairs
//! and triples seen once are pruned; each character and pair keeps its number
//! of distinct followers.
//!
//! It also counts the words (`agentfmt::repair::lm_words`: lower-cased runs of
//! letters outside Han and kana that hold a character a lost byte can stand for)
//! and their stems (`agentfmt::repair::lm_stems`: the word without its last one
//! or two letters) and stores each by a 32-bit hash with its count: the lexicon
//! that re-reads `сто`/`это` by word frequency. The output is
//! deterministic for a given corpus and catalogues.

use crate::mojibake_gen::has_signature;
use crate::mojibake_split::Split;
use anyhow::{Context, Result, bail};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Pairs and triples seen fewer times are pruned (they keep counting as
/// distinct followers).
const MIN_COUNT: u32 = 2;
/// Words seen fewer times are left out of the lexicon.
const MIN_WORD_COUNT: u32 = 1;

/// Whether a corpus file (corpus-relative name) is in the training part of the split by
/// repository ([`crate::mojibake_split`]).
pub fn is_training(name: &str) -> bool {
    Split::of_corpus_file(name) == Split::Train
}

/// Folds a character into the model's alphabet: ASCII becomes one of three
/// classes, everything else stays itself. Must match `agentfmt::repair::lm`.
fn fold(c: char) -> u32 {
    agentfmt::repair::lm_fold(c)
}

/// The message catalogues the shipped model reads (`--extra`), when present.
pub const DEFAULT_EXTRA: &str = "/usr/share/locale";

/// Runs the command; see the module docs.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let mut corpus = root.join("../shared/corpus");
    let mut check = false;
    let mut holdout = false;
    let mut path = root.join("src/repair/lm.bin");
    let mut extra: Vec<PathBuf> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => corpus = PathBuf::from(it.next().context("--corpus DIR")?),
            "--check" => check = true,
            "--holdout" => holdout = true,
            "--out" => path = PathBuf::from(it.next().context("--out FILE")?),
            "--extra" => extra.push(PathBuf::from(it.next().context("--extra DIR")?)),
            other => bail!("unknown argument {other:?}"),
        }
    }
    let (out, summary) = build(&corpus, &extra, holdout)?;
    println!("{summary}");
    if check {
        let old = std::fs::read(&path).unwrap_or_default();
        if old != out {
            bail!(
                "{} is out of date; run `cargo xtask repair-model`",
                path.display()
            );
        }
        println!("{} is up to date", path.display());
    } else {
        std::fs::write(&path, &out).with_context(|| format!("writing {}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// Builds the statistics (the bytes of an `AFLM0005` file) from the corpus at `corpus`
/// (only its training part when `holdout`) and the catalogues under each of `extra`, with
/// a one-line summary of what went in.
///
/// # Errors
/// When `corpus` is not a directory.
pub fn build(corpus: &Path, extra: &[PathBuf], holdout: bool) -> Result<(Vec<u8>, String)> {
    if !corpus.is_dir() {
        bail!("corpus {} not found", corpus.display());
    }
    let mut files: Vec<(String, String)> = crate::mojibake::corpus_files(corpus)
        .into_iter()
        .filter(|(name, text)| (!holdout || is_training(name)) && !has_signature(text))
        .collect();
    let corpus_used = files.len();
    let mut catalogues = 0;
    for dir in extra {
        let before = files.len();
        mo_texts(dir, holdout, &mut files);
        catalogues += files.len() - before;
    }
    let mut uni: HashMap<u32, u32> = HashMap::new();
    let mut bi: HashMap<(u32, u32), u32> = HashMap::new();
    let mut tri: HashMap<(u32, u32, u32), u32> = HashMap::new();
    let mut lexicon: HashMap<u32, u32> = HashMap::new();
    let (mut used, mut chars) = (0usize, 0usize);
    for (_, text) in &files {
        used += 1;
        agentfmt::repair::lm_words(text, |w| {
            *lexicon
                .entry(agentfmt::repair::lm_word_hash(w))
                .or_default() += 1;
            agentfmt::repair::lm_stems(w, |stem| {
                *lexicon
                    .entry(agentfmt::repair::lm_word_hash(stem))
                    .or_default() += 1;
            });
        });
        let (mut prev2, mut prev) = (fold(' '), fold(' '));
        for c in text.chars().chain(std::iter::once(' ')) {
            let f = fold(c);
            chars += 1;
            *uni.entry(f).or_default() += 1;
            // Pairs and triples with a non-ASCII member (all-ASCII ones never
            // decide a candidate).
            if prev > 0x7F || f > 0x7F {
                *bi.entry((prev, f)).or_default() += 1;
            }
            if prev2 > 0x7F || prev > 0x7F || f > 0x7F {
                *tri.entry((prev2, prev, f)).or_default() += 1;
            }
            (prev2, prev) = (prev, f);
        }
    }
    // Distinct followers of each character, counted before pruning (the
    // Witten-Bell weight of its back-off to the unigram).
    let mut types: HashMap<u32, u32> = HashMap::new();
    for &(a, _) in bi.keys() {
        *types.entry(a).or_default() += 1;
    }
    let mut uni: Vec<(u32, u32, u32)> = uni
        .into_iter()
        .map(|(c, n)| (c, n, types.get(&c).copied().unwrap_or(0)))
        .collect();
    uni.sort_unstable();
    let mut bi_types: HashMap<(u32, u32), u32> = HashMap::new();
    for &(a, b, _) in tri.keys() {
        *bi_types.entry((a, b)).or_default() += 1;
    }
    let mut bi: Vec<((u32, u32), u32, u32)> = bi
        .into_iter()
        .filter(|p| p.1 >= MIN_COUNT)
        .map(|(k, n)| (k, n, bi_types.get(&k).copied().unwrap_or(0)))
        .collect();
    bi.sort_unstable();
    let mut tri: Vec<((u32, u32, u32), u32)> =
        tri.into_iter().filter(|p| p.1 >= MIN_COUNT).collect();
    tri.sort_unstable();
    let mut lexicon: Vec<(u32, u32)> = lexicon
        .into_iter()
        .filter(|w| w.1 >= MIN_WORD_COUNT)
        .collect();
    lexicon.sort_unstable();
    // Format AFLM0005 (all integers LEB128 varints): the symbols as code-point
    // deltas with count and distinct followers; then pairs and triples as
    // deltas of their key over dense symbol indices (a·S + b, (a·S + b)·S + c)
    // with their counts (pairs also with distinct followers); then the lexicon
    // as deltas of the sorted word hashes with their counts.
    let idx: HashMap<u32, u64> = uni
        .iter()
        .enumerate()
        .map(|(i, u)| (u.0, i as u64))
        .collect();
    let s = uni.len() as u64;
    let mut out = Vec::new();
    out.extend_from_slice(b"AFLM0005");
    varint(&mut out, s);
    let mut last = 0u32;
    for &(c, n, t) in &uni {
        varint(&mut out, u64::from(c - last));
        varint(&mut out, u64::from(n));
        varint(&mut out, u64::from(t));
        last = c;
    }
    varint(&mut out, bi.len() as u64);
    let mut last = 0u64;
    for &((a, b), n, t) in &bi {
        let k = idx[&a] * s + idx[&b];
        varint(&mut out, k - last);
        varint(&mut out, u64::from(n));
        varint(&mut out, u64::from(t));
        last = k;
    }
    varint(&mut out, tri.len() as u64);
    let mut last = 0u64;
    for &((a, b, c), n) in &tri {
        let k = (idx[&a] * s + idx[&b]) * s + idx[&c];
        varint(&mut out, k - last);
        varint(&mut out, u64::from(n));
        last = k;
    }
    varint(&mut out, lexicon.len() as u64);
    let mut last = 0u32;
    for &(h, n) in &lexicon {
        varint(&mut out, u64::from(h - last));
        varint(&mut out, u64::from(n));
        last = h;
    }
    let summary = format!(
        "repair-model: {used} training texts ({corpus_used} corpus files{}, {catalogues} message catalogues, {chars} characters), {} code points, {} pairs, {} triples, {} words, {} bytes",
        if holdout { " of the training part" } else { "" },
        uni.len(),
        bi.len(),
        tri.len(),
        lexicon.len(),
        out.len()
    );
    Ok((out, summary))
}

/// Appends the translated strings of every GNU gettext catalogue (`*.mo`) under
/// `dir` whose language is one of the scripts where a lost byte leaves real
/// ambiguity (Russian, Ukrainian, Chinese, Japanese, Korean, Vietnamese), one
/// text per catalogue. Catalogues that are not UTF-8 are skipped; with `holdout`, so are
/// the domains outside the training part of the split.
fn mo_texts(dir: &Path, holdout: bool, out: &mut Vec<(String, String)>) {
    const LANGS: [&str; 7] = ["ru", "uk", "zh_CN", "zh_TW", "ja", "ko", "vi"];
    for lang in LANGS {
        let Ok(rd) = std::fs::read_dir(dir.join(lang).join("LC_MESSAGES")) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let name = p.display().to_string();
            if holdout && Split::of_catalogue(&name) != Split::Train {
                continue;
            }
            let Ok(b) = std::fs::read(&p) else { continue };
            if let Some(t) = mo_strings(&b) {
                out.push((name, t));
            }
        }
    }
}

/// The translations of a `.mo` file joined by line breaks, or `None` when the
/// file is malformed or not UTF-8.
pub fn mo_strings(b: &[u8]) -> Option<String> {
    let word = |at: usize, le: bool| -> Option<usize> {
        let s: [u8; 4] = b.get(at..at + 4)?.try_into().ok()?;
        Some(if le {
            u32::from_le_bytes(s)
        } else {
            u32::from_be_bytes(s)
        } as usize)
    };
    let le = match word(0, true)? {
        0x9504_12de => true,
        0xde12_0495 => false,
        _ => return None,
    };
    let n = word(8, le)?;
    let table = word(16, le)?;
    let mut text = String::new();
    for i in 0..n {
        let len = word(table + 8 * i, le)?;
        let off = word(table + 8 * i + 4, le)?;
        let s = std::str::from_utf8(b.get(off..off + len)?).ok()?;
        if i == 0 {
            // The header names the charset; only UTF-8 catalogues are read.
            if !s.to_ascii_lowercase().contains("charset=utf-8") {
                return None;
            }
            continue;
        }
        for part in s.split('\0') {
            text.push_str(part);
            text.push('\n');
        }
    }
    Some(text)
}

/// Appends `v` as an unsigned LEB128 varint.
fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7F) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}
