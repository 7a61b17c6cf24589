//! [`Diagnostic`]: one value for every problem found in a user's file, rendered by `render`.

pub mod codes;

use serde::Serialize;

use crate::span::Span;

/// How serious a diagnostic is.
///
/// Follows what the owning tool rejects or silently ignores is an `Error`; what
/// only a stricter consumer rejects, or is likely unintended, is a `Warning`; style and
/// portability notes are `Info`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A note; never fails a run.
    Info,
    /// Likely unintended or lossy; fails a run only with `--strict`.
    Warning,
    /// The owning tool will skip or mis-load the file; fails a run.
    Error,
}

impl Severity {
    /// The lowercase name used in output (`error`, `warning`, `info`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }

    /// Parses `error`, `warning`, `info` (as used in `agentfmt.toml`).
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "error" => Some(Self::Error),
            "warning" | "warn" => Some(Self::Warning),
            "info" => Some(Self::Info),
            _ => None,
        }
    }
}

/// A secondary location attached to a diagnostic ("first defined here").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Byte span into the same decoded text as the diagnostic.
    pub span: Span,
    /// Short lowercase text shown next to the span.
    pub message: String,
}

/// Whether a fix may be applied without review.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning of the file; `fmt` and `repair` apply it.
    Safe,
    /// May change meaning; shown as a suggestion only.
    Unsafe,
}

/// One text replacement: `span` (bytes of the decoded text) becomes `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The byte range to replace.
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// A suggested fix: non-overlapping edits plus how safe they are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Whether the fix can be applied automatically.
    pub applicability: Applicability,
    /// The edits, sorted by span start, non-overlapping.
    pub edits: Vec<Edit>,
}

/// A problem in a user's file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Stable rule code, e.g. `AF007`.
    pub code: &'static str,
    /// Kebab-case rule name, e.g. `duplicate-key`.
    pub rule: &'static str,
    /// Effective severity (the rule default unless configuration overrides it).
    pub severity: Severity,
    /// Lowercase message without a trailing period.
    pub message: String,
    /// Primary byte span in the decoded text (empty span = a point, e.g. the file start).
    pub span: Span,
    /// Secondary spans.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<Label>,
    /// A hint such as "did you mean `globs`?".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// A machine-applicable fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// Adds a secondary label.
    #[must_use]
    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Sets the help text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets a fix that replaces `span` with `replacement`.
    #[must_use]
    pub fn with_fix(mut self, applicability: Applicability, edits: Vec<Edit>) -> Self {
        self.fix = Some(Fix {
            applicability,
            edits,
        });
        self
    }
}

/// Applies the edits of `fixes` to `text`, skipping any edit that overlaps an earlier one.
///
/// Edits are byte ranges into `text`. Returns the new text.
#[must_use]
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0usize;
    for e in sorted {
        let r = e.span.range();
        if r.start < pos || r.end > text.len() {
            continue;
        }
        out.push_str(&text[pos..r.start]);
        out.push_str(&e.replacement);
        pos = r.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// Edit distance between two short strings (Levenshtein, in chars), for "did you mean".
#[must_use]
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `word` (case-insensitive, ignoring `-`/`_`), if it is a plausible
/// misspelling: edit distance at most 1 for short words, at most a third of the length otherwise.
#[must_use]
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| *c != '-' && *c != '_')
            .flat_map(char::to_lowercase)
            .collect()
    };
    let w = norm(word);
    let mut best: Option<(usize, &str)> = None;
    for &c in candidates {
        let d = edit_distance(&w, &norm(c));
        let limit = (w.chars().count().max(3) / 3).max(1);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_finds_near_misses() {
        assert_eq!(
            did_you_mean("globz", &["globs", "description"]),
            Some("globs")
        );
        assert_eq!(
            did_you_mean("allowed_tools", &["allowed-tools"]),
            Some("allowed-tools")
        );
        assert_eq!(
            did_you_mean("permission-mode", &["permissionMode"]),
            Some("permissionMode")
        );
        assert_eq!(did_you_mean("zzz", &["globs"]), None);
    }

    #[test]
    fn edits_apply_in_order() {
        let edits = vec![
            Edit {
                span: Span::new(4, 5),
                replacement: "X".into(),
            },
            Edit {
                span: Span::new(0, 1),
                replacement: "yy".into(),
            },
        ];
        assert_eq!(apply_edits("abcdef", &edits), "yybcdXf");
    }
}
