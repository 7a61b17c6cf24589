//! Corpus measurement for `cargo xtask corpus`: format many files and count what the issue's
//! "done when" list asks for (no panic, idempotent, same HTML, same values). No I/O: the
//! caller passes `(logical path, bytes)` pairs.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use serde_json::Value as J;

use super::{FmtOptions, Rewrite, body, fmt};
use crate::document::{self, Document, Value, yaml};
use crate::source::{Decoded, SourceText, decode};

/// Counts over a corpus run. Lists hold the logical paths of the files concerned.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct CorpusStats {
    /// Text files formatted.
    pub files: usize,
    /// Binary files skipped.
    pub binary: usize,
    /// Files on which `fmt` panicked (must be empty).
    pub panics: Vec<String>,
    /// Files where formatting the output changes it again (must be empty).
    pub not_idempotent: Vec<String>,
    /// Files whose body renders to different HTML after fmt (must be empty).
    pub html_changed: Vec<String>,
    /// Files whose front-matter values, as the owning tool reads them, changed beyond the
    /// intended conversions (must be empty).
    pub values_changed: Vec<String>,
    /// Files with an intended value change: `argument-hint: [x]` → `"[x]"`, or a number
    /// meant as a string (`1.10`, `0644`) quoted.
    pub intended_value_changes: Vec<String>,
    /// Files whose bytes fmt changes.
    pub changed: usize,
    /// Files changed per rewrite (kebab-case name → count).
    pub by_rewrite: BTreeMap<&'static str, usize>,
    /// Files with a `fmt-refused` warning.
    pub refused: Vec<String>,
    /// Files with a `strict-yaml` or `yaml-syntax` diagnostic before fmt.
    pub strict_yaml_before: usize,
    /// Files with a `strict-yaml` or `yaml-syntax` diagnostic after fmt.
    pub strict_yaml_after: Vec<String>,
    /// Files whose body fmt made longer than the input's body (mojibake repaired, LF line
    /// endings) plus one final line break (must be empty).
    pub body_grown: Vec<String>,
    /// Files whose front matter fmt made longer with no front-matter repair (quoting an
    /// ambiguous value, `argument-hint` as a string, lenient YAML made strict) to account for
    /// it (must be empty).
    pub front_matter_grown: Vec<String>,
    /// Bytes before and after fmt per file (the decoded text; `None` for binary files).
    pub sizes: Vec<Sizes>,
}

/// One file's size before and after fmt.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Sizes {
    /// The file's logical path.
    pub path: String,
    /// UTF-8 bytes of the decoded input text (without a BOM).
    pub bytes_before: usize,
    /// UTF-8 bytes of fmt's output.
    pub bytes_after: usize,
    /// Tokens of the input text, when a counter was given.
    pub tokens_before: Option<usize>,
    /// Tokens of fmt's output, when a counter was given.
    pub tokens_after: Option<usize>,
    /// Tokens of the input without trailing whitespace (so the final line break fmt adds,
    /// and the trailing blank lines it removes, do not count), when a counter was given.
    pub tokens_before_trimmed: Option<usize>,
    /// Tokens of fmt's output without trailing whitespace, when a counter was given.
    pub tokens_after_trimmed: Option<usize>,
    /// The rewrites fmt made ([`Rewrite::as_str`] names).
    pub rewrites: Vec<&'static str>,
}

fn yaml_warnings(d: &[crate::diagnostic::Diagnostic]) -> bool {
    d.iter().any(|d| d.rule == "strict-yaml")
}

/// Whether `after` is `before` up to the intended conversions; `Err(())` if not, `Ok(true)`
/// if an intended conversion happened.
pub(crate) fn compare(before: &J, after: &J, key: Option<&str>) -> Result<bool, ()> {
    match (before, after) {
        _ if before == after => Ok(false),
        (J::Number(n), J::String(s)) => match yaml::resolve_plain(s) {
            Value::Int(i) if n.as_i64() == Some(i) => Ok(true),
            Value::Float(f) if n.as_f64() == Some(f) => Ok(true),
            _ => Err(()),
        },
        // A non-finite float (`+.inf`) quoted.
        (J::Object(m), J::String(s)) if m.contains_key(document::NON_FINITE_KEY) => {
            let quoted = document::Node {
                span: crate::span::Span::new(0, 0),
                value: yaml::resolve_plain(s),
            };
            if quoted.to_exact_json() == *before {
                Ok(true)
            } else {
                Err(())
            }
        }
        (J::Array(_), J::String(_)) if key == Some("argument-hint") => Ok(true),
        (J::Object(a), J::Object(b)) if a.len() == b.len() => {
            let mut any = false;
            for (k, v) in a {
                any |= compare(v, b.get(k).ok_or(())?, Some(k))?;
            }
            Ok(any)
        }
        (J::Array(a), J::Array(b)) if a.len() == b.len() => {
            let mut any = false;
            for (x, y) in a.iter().zip(b) {
                any |= compare(x, y, None)?;
            }
            Ok(any)
        }
        _ => Err(()),
    }
}

/// The metadata values, with `\r\n` in strings read as `\n`: line breaks inside a TOML
/// multi-line string are the file's line endings, which the TOML spec lets a parser normalise
/// and fmt's line-ending rewrite changes on purpose (YAML already folds them).
pub(crate) fn values(doc: &Document) -> J {
    fn lf(v: J) -> J {
        match v {
            J::String(s) if s.contains("\r\n") => J::String(s.replace("\r\n", "\n")),
            J::Array(a) => J::Array(a.into_iter().map(lf).collect()),
            J::Object(o) => J::Object(o.into_iter().map(|(k, v)| (k, lf(v))).collect()),
            v => v,
        }
    }
    lf(doc
        .root
        .as_ref()
        .map_or(J::Null, document::Node::to_exact_json))
}

/// Formats every `(logical path, bytes)` pair with default options and counts the outcomes.
pub fn corpus_stats<'a, I>(files: I) -> CorpusStats
where
    I: IntoIterator<Item = (&'a str, &'a [u8])>,
{
    corpus_stats_with(files, None)
}

/// [`corpus_stats`], also counting each file's tokens before and after with `tokens` (a
/// function from UTF-8 text to a token count, such as [`crate::tokens::count`]).
pub fn corpus_stats_with<'a, I>(files: I, tokens: Option<&dyn Fn(&str) -> usize>) -> CorpusStats
where
    I: IntoIterator<Item = (&'a str, &'a [u8])>,
{
    let mut st = CorpusStats::default();
    let opts = FmtOptions::default();
    for (path, bytes) in files {
        let src = match decode(bytes) {
            Decoded::Text(src, _) => src,
            Decoded::Binary { .. } => {
                st.binary += 1;
                continue;
            }
        };
        st.files += 1;
        let parsed = document::parse(src, Some(path), None);
        let doc = parsed.doc;
        st.strict_yaml_before += usize::from(yaml_warnings(&parsed.diagnostics));
        let Ok(out) = catch_unwind(AssertUnwindSafe(|| fmt(&doc, &opts))) else {
            st.panics.push(path.to_owned());
            continue;
        };
        if out.changed {
            st.changed += 1;
        }
        for r in &out.rewrites {
            *st.by_rewrite.entry(r.as_str()).or_default() += 1;
        }
        if !out.diagnostics.is_empty() {
            st.refused.push(path.to_owned());
        }
        let again = document::parse(SourceText::from_str(&out.text), Some(path), Some(doc.kind));
        if yaml_warnings(&again.diagnostics) {
            st.strict_yaml_after.push(path.to_owned());
        }
        let new = again.doc;
        match catch_unwind(AssertUnwindSafe(|| fmt(&new, &opts))) {
            Ok(twice) if twice.text == out.text => {}
            Ok(_) => st.not_idempotent.push(path.to_owned()),
            Err(_) => st.panics.push(path.to_owned()),
        }
        // Mojibake repair changes the text on purpose: compare with the repaired input.
        let repaired;
        let base = if out.rewrites.contains(&Rewrite::Mojibake) {
            let text = crate::repair::repair(doc.text()).text;
            repaired = document::parse(SourceText::from_str(&text), Some(path), Some(doc.kind)).doc;
            &repaired
        } else {
            &doc
        };
        if !doc.kind.is_toml()
            && body::html(&super::to_lf(base.body_text())) != body::html(new.body_text())
        {
            st.html_changed.push(path.to_owned());
        }
        let body_before = super::to_lf(base.body_text()).len();
        if !doc.kind.is_toml() && new.body_text().len() > body_before + 1 {
            st.body_grown.push(path.to_owned());
        }
        let head = |d: &Document| (d.body.start as usize).min(d.text().len());
        let fm_repairs = [
            Rewrite::Quoted,
            Rewrite::ArgumentHint,
            Rewrite::LenientToStrict,
        ];
        if !doc.kind.is_toml()
            && head(&new) > super::to_lf(&base.text()[..head(base)]).len()
            && !out.rewrites.iter().any(|r| fm_repairs.contains(r))
        {
            st.front_matter_grown.push(path.to_owned());
        }
        st.sizes.push(Sizes {
            path: path.to_owned(),
            bytes_before: doc.text().len(),
            bytes_after: out.text.len(),
            tokens_before: tokens.map(|t| t(doc.text())),
            tokens_after: tokens.map(|t| t(&out.text)),
            tokens_before_trimmed: tokens.map(|t| t(doc.text().trim_end())),
            tokens_after_trimmed: tokens.map(|t| t(out.text.trim_end())),
            rewrites: out.rewrites.iter().map(|r| r.as_str()).collect(),
        });
        match compare(&values(base), &values(&new), None) {
            Ok(false) => {}
            Ok(true) => st.intended_value_changes.push(path.to_owned()),
            Err(()) => st.values_changed.push(path.to_owned()),
        }
    }
    st
}

impl CorpusStats {
    /// A short plain-text report, one count per line (for the xtask to print).
    #[must_use]
    pub fn summary(&self) -> String {
        let mut s = format!(
            "files {}\nbinary skipped {}\npanics {}\nnot idempotent {}\nbody html changed {}\nfront-matter values changed {}\nintended value changes {}\nchanged {}\nrefused (fmt-refused warnings) {}\nstrict-yaml/yaml-syntax before {}\nstrict-yaml/yaml-syntax after {}\nbody grown {}\nfront matter grown without a repair {}\n",
            self.files,
            self.binary,
            self.panics.len(),
            self.not_idempotent.len(),
            self.html_changed.len(),
            self.values_changed.len(),
            self.intended_value_changes.len(),
            self.changed,
            self.refused.len(),
            self.strict_yaml_before,
            self.strict_yaml_after.len(),
            self.body_grown.len(),
            self.front_matter_grown.len(),
        );
        for r in Rewrite::ALL {
            s.push_str(&format!(
                "  {} {}\n",
                r.as_str(),
                self.by_rewrite.get(r.as_str()).unwrap_or(&0)
            ));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_number_is_an_intended_change_only_for_its_own_value() {
        let json = |yaml: &str| {
            let text = format!("---\nk: {yaml}\n---\n");
            let doc = document::parse(SourceText::from_str(&text), Some("AGENTS.md"), None).doc;
            values(&doc)
        };
        assert_eq!(compare(&json("+1"), &json("'+1'"), None), Ok(true));
        assert_eq!(compare(&json("+.INF"), &json("'+.INF'"), None), Ok(true));
        assert_eq!(compare(&json("-.inf"), &json("'-.Inf'"), None), Ok(true));
        assert_eq!(compare(&json(".nan"), &json("'.NaN'"), None), Ok(true));
        // A different value is a change, even where `to_json` reads both as `null`.
        assert_eq!(compare(&json("+.INF"), &json("'-.inf'"), None), Err(()));
        assert_eq!(compare(&json("+.INF"), &json("null"), None), Err(()));
        assert_eq!(compare(&json("~"), &json("'.inf'"), None), Err(()));
        assert_eq!(compare(&json(".inf"), &json(".inf"), None), Ok(false));
    }
}
