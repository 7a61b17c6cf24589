//! A corpus check for the xtask: convert every file to every target that accepts its kind and
//! verify the outputs mechanically. No I/O: the caller passes `(logical path, bytes)` pairs.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use super::{ConvertOptions, Converted, Target, convert};
use crate::document::{self, Document};
use crate::source::{self, Decoded, SourceText};
use crate::tools::Kind;

/// Parse-stage rules that mean an output is not valid YAML or TOML for its kind.
/// (`second-front-matter` is not one: a body that starts with a stray `---` block is carried
/// as the source had it.)
const SYNTAX_RULES: &[&str] = &[
    "yaml-syntax",
    "toml-syntax",
    "strict-yaml",
    "unterminated-front-matter",
    "duplicate-key",
    "yaml-alias",
    "yaml-ambiguous-scalar",
    "yaml-tab",
];

/// The counts of a corpus run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorpusStats {
    /// Files read.
    pub files: usize,
    /// Files skipped as binary.
    pub binary: usize,
    /// (file, target) pairs converted.
    pub conversions: usize,
    /// (file, target) pairs the target cannot hold.
    pub unsupported: usize,
    /// Output files produced.
    pub outputs: usize,
    /// Loss entries reported.
    pub losses: usize,
    /// Conversions that panicked: `path -> target`.
    pub panics: Vec<String>,
    /// Outputs that do not re-parse cleanly at their path: `path -> output: diagnostic`.
    pub syntax_errors: Vec<String>,
    /// Outputs detected as another kind at their path.
    pub kind_mismatches: Vec<String>,
    /// Source fields missing from the output and absent from the loss report, or fields not
    /// classified as kept / translated / dropped.
    pub unreported: Vec<String>,
    /// Output paths that are absolute or contain `..` or `\\`.
    pub unsafe_paths: Vec<String>,
    /// Outputs that convert to their own kind unchanged (a second conversion is a no-op).
    pub stable: usize,
    /// Outputs that change when converted to their own kind again: `path -> output`.
    pub unstable: Vec<String>,
    /// Conversions per target kind.
    pub by_kind: BTreeMap<String, usize>,
}

impl CorpusStats {
    /// Whether every check passed.
    #[must_use]
    pub fn ok(&self) -> bool {
        self.panics.is_empty()
            && self.syntax_errors.is_empty()
            && self.kind_mismatches.is_empty()
            && self.unreported.is_empty()
            && self.unsafe_paths.is_empty()
            && self.unstable.is_empty()
    }
}

/// Converts each `(logical path, bytes)` file (kind detected from the path) to every tool
/// target that accepts its kind and checks the outputs: no panic, every output re-parses at
/// its path as its kind without YAML/TOML syntax diagnostics, output paths are safe, every
/// source field missing from an output is named in the losses, and converting an output to its
/// own kind again changes nothing. Never panics: a panicking conversion is counted.
#[must_use]
pub fn check_corpus(files: &[(&str, &[u8])], opts: &ConvertOptions) -> CorpusStats {
    let with: Vec<(&str, &[u8], Option<Kind>)> =
        files.iter().map(|(p, b)| (*p, *b, None)).collect();
    check_corpus_with_kinds(&with, opts)
}

/// [`check_corpus`] with an optional forced kind per file (the corpus manifest's `kind`).
#[must_use]
pub fn check_corpus_with_kinds(
    files: &[(&str, &[u8], Option<Kind>)],
    opts: &ConvertOptions,
) -> CorpusStats {
    let mut st = CorpusStats::default();
    for (path, bytes, forced) in files {
        st.files += 1;
        let src = match source::decode(bytes) {
            Decoded::Text(s, _) => s,
            Decoded::Binary { .. } => {
                st.binary += 1;
                continue;
            }
        };
        let doc = document::parse(src, Some(path), *forced).doc;
        for t in Target::tools() {
            let r = catch_unwind(AssertUnwindSafe(|| convert(&doc, t, opts)));
            match r {
                Err(_) => st.panics.push(format!("{path} -> {}", t.as_str())),
                Ok(Err(_)) => st.unsupported += 1,
                Ok(Ok(c)) => {
                    st.conversions += 1;
                    check_one(&mut st, path, &doc, t, &c);
                }
            }
        }
    }
    st
}

fn check_one(st: &mut CorpusStats, path: &str, doc: &Document, t: Target, c: &Converted) {
    st.losses += c.losses.len();
    st.outputs += c.outputs.len();
    for o in &c.outputs {
        if !safe_path(&o.path) {
            st.unsafe_paths.push(format!("{path} -> {}", o.path));
        }
    }
    let Some(out) = c.outputs.first() else { return };
    *st.by_kind.entry(out.kind.as_str().to_owned()).or_default() += 1;
    let re = document::parse(SourceText::from_str(&out.text), Some(&out.path), None);
    for d in &re.diagnostics {
        // Cursor documents bare `globs: **/*.ts`, which strict YAML rejects .
        let cursor_globs = out.kind == Kind::CursorMdc && d.rule == "strict-yaml";
        if SYNTAX_RULES.contains(&d.rule) && !cursor_globs {
            st.syntax_errors
                .push(format!("{path} -> {}: {}: {}", out.path, d.rule, d.message));
        }
    }
    match convert(&re.doc, Target::Kind(out.kind), &ConvertOptions::default()) {
        Ok(again) if again.outputs.first().is_some_and(|o| o.text == out.text) => st.stable += 1,
        _ => st.unstable.push(format!("{path} -> {}", out.path)),
    }
    if re.doc.kind != out.kind {
        st.kind_mismatches.push(format!(
            "{path} -> {} detected as {}",
            out.path, re.doc.kind
        ));
    }
    let reported = |f: &str| c.losses.iter().any(|l| l.field == f);
    let mut seen = Vec::new();
    for e in doc.entries() {
        if seen.contains(&e.key.as_str()) {
            continue;
        }
        seen.push(e.key.as_str());
        let classified =
            c.kept.contains(&e.key) || c.translated.contains(&e.key) || c.dropped.contains(&e.key);
        if !classified {
            st.unreported.push(format!(
                "{path} -> {}: `{}` not classified",
                t.as_str(),
                e.key
            ));
        }
        let present = if out.kind.is_toml() && e.key == "prompt" {
            re.doc.get("prompt").is_some()
        } else {
            re.doc.get(&e.key).is_some()
        };
        if !present && !reported(&e.key) {
            st.unreported.push(format!(
                "{path} -> {}: `{}` missing and not reported",
                t.as_str(),
                e.key
            ));
        }
        if present
            && c.kept.contains(&e.key)
            && re.doc.get(&e.key).map(crate::document::Node::to_json)
                != doc.get(&e.key).map(crate::document::Node::to_json)
        {
            st.unreported.push(format!(
                "{path} -> {}: `{}` kept but changed",
                t.as_str(),
                e.key
            ));
        }
    }
    if !doc.kind.is_toml() && !doc.body_text().trim().is_empty() {
        let body_ok = c
            .kept
            .iter()
            .chain(&c.translated)
            .chain(&c.dropped)
            .any(|f| f == "body");
        let present = !re.doc.prompt_text().trim().is_empty();
        if !body_ok || (!present && !reported("body")) {
            st.unreported
                .push(format!("{path} -> {}: body not reported", t.as_str()));
        }
    }
}

/// Whether `p` is a relative path that stays inside the output directory.
#[must_use]
pub fn safe_path(p: &str) -> bool {
    !p.is_empty()
        && !p.starts_with('/')
        && !p.contains('\\')
        && !p.contains(':')
        && p.split('/')
            .all(|seg| !seg.is_empty() && seg != ".." && seg != ".")
}
