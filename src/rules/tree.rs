//! Checks across every file of a run (`agentfmt check` over a tree): duplicate names
//! (`duplicate-name`) and the combined size of nested `AGENTS.md` files (`too-long`). The
//! library does no I/O and a caller checking thousands of files should not keep them all: it
//! takes one small [`TreeEntry`] from each document while the document is at hand, then
//! calls [`check`] once with all of them.

use super::{duplicate_name, too_long};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::span::Span;
use crate::tools::Kind;

/// The part of `path` (with `/` separators) before the last directory sequence `marker`
/// (`.claude/agents/`) that starts the path or follows a `/`: the project or plugin directory
/// a tool loads the file from. `None` when `marker` is not in `path`.
pub(crate) fn before<'a>(path: &'a str, marker: &str) -> Option<&'a str> {
    let at = path.rfind(marker)?;
    (at == 0 || path.as_bytes()[at - 1] == b'/').then(|| &path[..at])
}

/// What the checks across a run need of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeEntry {
    pub(crate) kind: Kind,
    /// The document's path, as the document gave it.
    pub(crate) path: String,
    /// `duplicate-name`: where the name must be unique, the name, its span and its 1-based
    /// line.
    pub(crate) name: Option<(String, String, Span, u32)>,
    /// `duplicate-name`: the project directory and slash-command name of a Claude command or
    /// project skill.
    pub(crate) slash: Option<(String, String)>,
    /// The document's text length in bytes (UTF-8).
    pub(crate) bytes: usize,
}

impl TreeEntry {
    /// The document's path, as the document gave it.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The document's kind.
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The name the document declares (or takes from its file name) where names must be
    /// unique: a subagent's, a skill's, a command's.
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.name.as_ref().map(|(_, n, _, _)| n.as_str())
    }
}

/// The [`TreeEntry`] of `doc`, or `None` for a kind no check across files looks at.
#[must_use]
pub fn entry(doc: &Document) -> Option<TreeEntry> {
    let name = duplicate_name::effective_name(doc).map(|(scope, n, span)| {
        // Names sit near the top: count lines there rather than index the whole text.
        let text = doc.text();
        let at = (span.start as usize).min(text.len());
        let line = 1 + text.as_bytes()[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        (scope, n, span, u32::try_from(line).unwrap_or(u32::MAX))
    });
    let slash = duplicate_name::slash_name(doc).map(|(root, n)| (root.to_owned(), n.to_owned()));
    (name.is_some() || slash.is_some() || doc.kind == Kind::AgentsMd).then(|| TreeEntry {
        kind: doc.kind,
        path: doc.path.clone().unwrap_or_else(|| "-".into()),
        name,
        slash,
        bytes: doc.text().len(),
    })
}

/// Runs every check across files over the [`TreeEntry`] of each document of a run (`None`
/// for the others). Returns `(index into entries, diagnostic)`; spans are byte ranges into
/// the reported document's text. Never fails.
#[must_use]
pub fn check(entries: &[Option<TreeEntry>]) -> Vec<(usize, Diagnostic)> {
    let mut out = duplicate_name::check_names(entries);
    out.extend(too_long::nested_agents_md(entries));
    out
}

/// [`check`] over parsed documents (as the rule fixtures hold them); indices are into `docs`.
#[must_use]
pub fn check_tree(docs: &[&Document]) -> Vec<(usize, Diagnostic)> {
    let entries: Vec<Option<TreeEntry>> = docs.iter().map(|d| entry(d)).collect();
    check(&entries)
}
