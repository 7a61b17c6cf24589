//! Inline suppression comments: finding them in a document, dropping the diagnostics they
//! cover, and reporting the ones that covered nothing (`unused-suppression`).
//!
//! The syntax follows ruff's `# noqa` and markdownlint's `<!-- markdownlint-disable -->`:
//!
//! - in a markdown body, `<!-- agentfmt-ignore AF105, unknown-tool -->` covers the line it
//!   ends a line of text on, or, alone on its line, the next line that is not blank;
//!   `<!-- agentfmt-ignore-file AF105 -->` covers the whole file;
//! - in YAML front matter and in TOML files, `# agentfmt: ignore[AF105]` and
//!   `# agentfmt: ignore-file[AF105]` do the same;
//! - without codes (`<!-- agentfmt-ignore -->`, `# agentfmt: ignore`), every rule is covered.
//!
//! Codes are rule codes or rule names, case-insensitive, separated by commas or spaces.
//! Comments inside markdown code spans and code blocks are examples, not directives.

use crate::diagnostic::codes::UNUSED_SUPPRESSION;
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::document::Document;
use crate::rules;
use crate::span::Span;

/// Rules reported across files as well as per file: a per-file check cannot tell whether a
/// suppression of one is used, so it never reports it unused.
const TREE_RULES: &[&str] = &["AF113", "AF118", "AF132"];

/// What a directive covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    /// The whole file.
    File,
    /// One line (0-based line index).
    Line(usize),
}

/// One rule named by a directive.
#[derive(Debug)]
struct Named {
    /// As written.
    text: String,
    /// Byte span of the name in the document text.
    span: Span,
    /// The rule's code, when the name is a rule.
    code: Option<&'static str>,
    used: bool,
}

/// One suppression comment.
#[derive(Debug)]
struct Directive {
    scope: Scope,
    /// The rules named; empty for "every rule".
    rules: Vec<Named>,
    /// Whether a directive without rules suppressed something.
    used_all: bool,
    /// The span the directive's removal deletes: its whole line when it is alone on it,
    /// otherwise the comment and the blanks before it.
    removal: Span,
    /// The comment itself.
    span: Span,
}

/// The suppression comments of one document.
#[derive(Debug, Default)]
pub struct Suppressions {
    directives: Vec<Directive>,
    /// Byte offset of the start of each line of the text.
    line_starts: Vec<usize>,
}

impl Suppressions {
    /// Finds the directives of `doc`: `#` comments in its front matter (or anywhere in a TOML
    /// file) and HTML comments in its markdown body outside code.
    #[must_use]
    pub fn parse(doc: &Document) -> Self {
        let text = doc.text();
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let mut out = Self {
            directives: Vec::new(),
            line_starts,
        };
        if !text.contains("agentfmt") {
            return out;
        }
        let hash_region = if doc.kind.is_toml() {
            Some(0..text.len())
        } else {
            doc.front_matter.as_ref().map(|fm| fm.content.range())
        };
        let body = doc.body.range();
        let code: Vec<std::ops::Range<usize>> = if doc.kind.is_toml() {
            Vec::new()
        } else {
            rules::prose::code(doc.body_text())
                .into_iter()
                .map(|c| c.range.start + body.start..c.range.end + body.start)
                .collect()
        };
        for i in 0..out.line_starts.len() {
            let start = out.line_starts[i];
            let end = out.line_starts.get(i + 1).map_or(text.len(), |&e| e);
            let line = &text[start..end];
            if !line.contains("agentfmt") {
                continue;
            }
            let found = if hash_region.as_ref().is_some_and(|r| r.contains(&start)) {
                hash_directive(line, start)
            } else if body.contains(&start) {
                html_directive(line, start).filter(|d| !code.iter().any(|c| c.contains(&d.0)))
            } else {
                None
            };
            let Some((at, file_wide, names_at, names, comment_end)) = found else {
                continue;
            };
            let alone = line[..at - start].trim().is_empty()
                && line[comment_end - start..].trim().is_empty();
            let scope = if file_wide {
                Scope::File
            } else if alone {
                Scope::Line(out.next_nonblank(text, i + 1))
            } else {
                Scope::Line(i)
            };
            let removal = if alone {
                Span::new(start, end)
            } else {
                let before = text[..at].trim_end_matches([' ', '\t']).len();
                Span::new(before, comment_end)
            };
            out.directives.push(Directive {
                scope,
                rules: split_names(names, names_at),
                used_all: false,
                removal,
                span: Span::new(at, comment_end),
            });
        }
        out
    }

    /// The index of the first line at or after `from` that is not blank (or `from` past the
    /// end).
    fn next_nonblank(&self, text: &str, from: usize) -> usize {
        (from..self.line_starts.len())
            .find(|&j| {
                let s = self.line_starts[j];
                let e = self.line_starts.get(j + 1).map_or(text.len(), |&e| e);
                !text[s..e].trim().is_empty()
            })
            .unwrap_or(from)
    }

    /// Whether there are no directives.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.directives.is_empty()
    }

    /// Drops the diagnostics a directive covers and marks those directives used. A diagnostic
    /// is on the line of its span's start.
    pub fn apply(&mut self, diags: &mut Vec<Diagnostic>) {
        if self.directives.is_empty() {
            return;
        }
        diags.retain(|d| {
            let line = self
                .line_starts
                .partition_point(|&s| s <= d.span.start as usize)
                .saturating_sub(1);
            let mut suppressed = false;
            for dir in &mut self.directives {
                if dir.scope != Scope::File && dir.scope != Scope::Line(line) {
                    continue;
                }
                if dir.rules.is_empty() {
                    dir.used_all = true;
                    suppressed = true;
                }
                for n in &mut dir.rules {
                    if n.code == Some(d.code) {
                        n.used = true;
                        suppressed = true;
                    }
                }
            }
            !suppressed
        });
    }

    /// An `unused-suppression` diagnostic for every named rule that suppressed nothing, or that
    /// is not a rule, and for every directive without names that suppressed nothing. When all of
    /// a directive is unused, the diagnostic carries a safe fix that removes the comment.
    #[must_use]
    pub fn unused(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for dir in &self.directives {
            let remove = || {
                vec![Edit {
                    span: dir.removal,
                    replacement: String::new(),
                }]
            };
            if dir.rules.is_empty() {
                if !dir.used_all {
                    out.push(
                        UNUSED_SUPPRESSION
                            .diag(
                                dir.span,
                                "unused suppression: nothing to suppress here".into(),
                            )
                            .with_fix(Applicability::Safe, remove()),
                    );
                }
                continue;
            }
            let unused = |n: &Named| !n.used && n.code.is_none_or(|c| !TREE_RULES.contains(&c));
            let all_unused = dir.rules.iter().all(unused);
            for n in dir.rules.iter().filter(|n| unused(n)) {
                let message = match n.code {
                    None => format!("unused suppression: `{}` is not a rule", n.text),
                    Some(c) if n.text.eq_ignore_ascii_case(c) => {
                        format!("unused suppression: no `{c}` diagnostic to suppress here")
                    }
                    Some(c) => format!(
                        "unused suppression: no `{}` ({c}) diagnostic to suppress here",
                        n.text
                    ),
                };
                let mut d = UNUSED_SUPPRESSION.diag(n.span, message);
                if n.code.is_none() {
                    let names: Vec<&str> = rules::RULES
                        .iter()
                        .flat_map(|r| [r.meta().code, r.meta().name])
                        .collect();
                    if let Some(m) = crate::diagnostic::did_you_mean(&n.text, &names) {
                        d = d.with_help(format!("did you mean `{m}`?"));
                    }
                }
                if all_unused {
                    d = d.with_fix(Applicability::Safe, remove());
                }
                out.push(d);
            }
        }
        out
    }
}

/// A `# agentfmt: ignore[...]` comment in `line` (starting at byte `start` of the text):
/// `(comment start, file-wide, names start, names, comment end)`, all offsets into the text.
fn hash_directive(line: &str, start: usize) -> Option<(usize, bool, usize, &str, usize)> {
    let hash = line.find('#')?;
    let after = line[hash + 1..].trim_start();
    let rest = after.strip_prefix("agentfmt:")?.trim_start();
    let (file_wide, rest) = match rest.strip_prefix("ignore-file") {
        Some(r) => (true, r),
        None => (false, rest.strip_prefix("ignore")?),
    };
    let line_end = line.trim_end_matches(['\n', '\r']).len();
    let rest_at = line_end - rest.trim_end_matches(['\n', '\r']).len();
    let (names_at, names) = match rest.strip_prefix('[') {
        Some(r) => {
            let close = r.find(']')?;
            (rest_at + 1, &r[..close])
        }
        None if rest.trim().is_empty() => (rest_at, ""),
        None => return None,
    };
    Some((
        start + hash,
        file_wide,
        start + names_at,
        names,
        start + line_end,
    ))
}

/// A `<!-- agentfmt-ignore ... -->` comment in `line`, as for [`hash_directive`].
fn html_directive(line: &str, start: usize) -> Option<(usize, bool, usize, &str, usize)> {
    let open = line.find("<!--")?;
    let inner = &line[open + 4..];
    let close = inner.find("-->")?;
    let body = &inner[..close];
    let lead = body.len() - body.trim_start().len();
    let rest = body.trim_start().strip_prefix("agentfmt-ignore")?;
    let (file_wide, rest) = match rest.strip_prefix("-file") {
        Some(r) => (true, r),
        None => (false, rest),
    };
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let names_at = open + 4 + lead + (body.trim_start().len() - rest.len());
    Some((
        start + open,
        file_wide,
        start + names_at,
        rest,
        start + open + 4 + close + 3,
    ))
}

/// Splits a list of rule names (commas or blanks between them) starting at byte `at`.
fn split_names(names: &str, at: usize) -> Vec<Named> {
    let is_sep = |c: char| c == ',' || c.is_whitespace();
    let mut out = Vec::new();
    let mut rest = names;
    let mut offset = at;
    loop {
        let skip = rest.len() - rest.trim_start_matches(is_sep).len();
        rest = &rest[skip..];
        offset += skip;
        if rest.is_empty() {
            break;
        }
        let len = rest.find(is_sep).unwrap_or(rest.len());
        let part = &rest[..len];
        out.push(Named {
            text: part.to_owned(),
            span: Span::new(offset, offset + len),
            code: rules::find(part).map(|m| m.code),
            used: false,
        });
        rest = &rest[len..];
        offset += len;
    }
    out
}

#[cfg(test)]
mod tests;
