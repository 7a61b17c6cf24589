//! The bench's output: the table per damage kind, must-not-change alterations by origin,
//! throughput, and the seeds.

use crate::mojibake::Case;
use crate::mojibake_ftfy::Ftfy;
use crate::mojibake_gen::{KINDS, has_signature};
use agentfmt::repair::repair;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Everything the table is printed from.
pub struct Table<'a> {
    /// The damaged cases.
    pub cases: &'a [Case],
    /// agentfmt's repair of each case.
    pub ours: &'a [String],
    /// The must-not-change texts, (name, text).
    pub keep: &'a [(String, String)],
    /// agentfmt's output for each must-not-change text.
    pub ours_keep: &'a [String],
    /// ftfy's outputs, when it ran.
    pub theirs: Option<&'a Ftfy>,
    /// agentfmt's time over the damaged cases, seconds.
    pub dmg_secs: f64,
    /// agentfmt's time over the must-not-change texts, seconds.
    pub clean_secs: f64,
    /// Print every miss.
    pub verbose: bool,
}

/// The origin class of a text name: `lookalike:<class>`, `locale`, `doc`, `man`, `corpus`, or
/// the written texts' `written`.
fn origin(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("lookalike:") {
        return format!("lookalike:{}", rest.split('/').next().unwrap_or(rest));
    }
    for p in ["locale:", "doc:", "man:"] {
        if name.starts_with(p) {
            return p.trim_end_matches(':').to_owned();
        }
    }
    if name.contains('/') {
        "corpus".to_owned()
    } else {
        "written".to_owned()
    }
}

impl Table<'_> {
    /// Prints the table to stdout.
    #[allow(clippy::too_many_lines)]
    pub fn print(&self) {
        let dmg_bytes: usize = self.cases.iter().map(|c| c.damaged.len()).sum();
        let clean_bytes: usize = self.keep.iter().map(|(_, t)| t.len()).sum();
        let mut per: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
        for (i, c) in self.cases.iter().enumerate() {
            let e = per.entry(c.kind).or_default();
            e.0 += 1;
            if self.ours[i] == c.expected {
                e.1 += 1;
            } else if self.verbose {
                print_miss(c, &self.ours[i]);
            }
            if self.theirs.is_some_and(|t| t.damaged[i] == c.expected) {
                e.2 += 1;
            }
        }
        let pct = |a: usize, n: usize| 100.0 * a as f64 / n.max(1) as f64;
        // ftfy's column: its rate, or `n/a` when it did not run.
        let ft = |f: usize, n: usize| {
            self.theirs
                .map_or("n/a".to_owned(), |_| format!("{:.1}%", pct(f, n)))
        };
        println!(
            "{:<18} {:>6} {:>6} {:>10} {:>10}",
            "kind", "lossy", "cases", "agentfmt", "ftfy"
        );
        for &(kind, lossy) in KINDS {
            let (n, a, f) = per.get(kind).copied().unwrap_or_default();
            println!(
                "{kind:<18} {:>6} {n:>6} {:>9.1}% {:>10}",
                if lossy { "yes" } else { "no" },
                pct(a, n),
                ft(f, n)
            );
        }
        // Lossy kinds split by where the lost bytes fall: only symbols, punctuation
        // and emoji (recoverable from the prior), or also letters of scripts where
        // several candidates are real words (Han, Hangul, kana, Cyrillic, Vietnamese).
        for &(kind, _) in KINDS.iter().filter(|k| k.1) {
            let (mut n, mut a, mut f) = (0, 0, 0);
            for (i, c) in self.cases.iter().enumerate() {
                if c.kind != kind || lost_letters(&c.expected) {
                    continue;
                }
                n += 1;
                a += usize::from(self.ours[i] == c.expected);
                f += usize::from(self.theirs.is_some_and(|t| t.damaged[i] == c.expected));
            }
            println!(
                "{:<18} {:>6} {n:>6} {:>9.1}% {:>10}",
                format!("{kind}*"),
                "yes",
                pct(a, n),
                ft(f, n)
            );
        }
        println!(
            "  (* cases whose lost bytes are all in symbols, punctuation or emoji, not letters)"
        );
        let altered = self
            .keep
            .iter()
            .zip(self.ours_keep)
            .filter(|((_, t), r)| t != *r)
            .count();
        let ft_altered = self.theirs.map(|t| {
            self.keep
                .iter()
                .zip(&t.clean)
                .filter(|((_, a), b)| a != *b)
                .count()
        });
        println!(
            "{:<18} {:>6} {:>6} {:>10} {:>10}",
            "must-not-change",
            "",
            self.keep.len(),
            format!("{altered} alt."),
            ft_altered.map_or("n/a".into(), |n| format!("{n} alt."))
        );
        for (i, (n, t)) in self.keep.iter().enumerate() {
            if &self.ours_keep[i] != t {
                println!(
                    "  agentfmt altered: {n}: {}",
                    diff_at(t, &self.ours_keep[i])
                );
            }
        }
        let mbs = |b: usize, s: f64| b as f64 / 1e6 / s.max(1e-9);
        for (label, bytes, ours, theirs) in [
            (
                "MB/s clean",
                clean_bytes,
                self.clean_secs,
                self.theirs.map(|t| t.clean_secs),
            ),
            (
                "MB/s damaged",
                dmg_bytes,
                self.dmg_secs,
                self.theirs.map(|t| t.damaged_secs),
            ),
        ] {
            println!(
                "{label:<18} {:>6} {:>6} {:>9.1} {:>10}",
                "",
                "",
                mbs(bytes, ours),
                theirs.map_or("n/a".into(), |t| format!("{:.2}", mbs(bytes, t)))
            );
        }
        let mut by_origin: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
        for (i, (n, t)) in self.keep.iter().enumerate() {
            let e = by_origin.entry(origin(n)).or_default();
            e.0 += 1;
            e.1 += usize::from(&self.ours_keep[i] != t);
            e.2 += usize::from(self.theirs.is_some_and(|f| &f.clean[i] != t));
        }
        println!("must-not-change by origin (texts, agentfmt altered, ftfy altered):");
        for (k, (n, a, f)) in by_origin {
            println!("  {k:<30} {n:>6} {a:>6} {f:>6}");
        }
    }
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
    println!(
        "  miss {} {}: {}",
        c.kind,
        c.name,
        diff_at(&c.expected, got)
    );
}

/// `want … got …` around the first character where `got` differs from `want`.
fn diff_at(want: &str, got: &str) -> String {
    let (e, g): (Vec<char>, Vec<char>) = (want.chars().collect(), got.chars().collect());
    let i = e.iter().zip(&g).take_while(|(a, b)| a == b).count();
    let ctx = |v: &[char]| {
        v[i.saturating_sub(12)..(i + 12).min(v.len())]
            .iter()
            .collect::<String>()
    };
    format!("want {:?} got {:?}", ctx(&e), ctx(&g))
}

/// Prints what repair does to each seed file under `dir` (`*.txt`).
pub fn seeds(dir: &Path) {
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
