//! `agentfmt context`: what each tool loads into a model's context window from a project, at
//! session start and on demand, with token counts.
//!
//! A pure function over the project's parsed agent files: [`analyse`] takes every file's
//! project-relative path and [`Document`], the working directory inside the project, and a
//! callback that reads an imported file (the library does no I/O). Each tool's documented
//! loading rules live in [`load`], each with its source from `schemas/sources.json`.
//!
//! Tokens are counted with [`crate::tokens::count`] (`o200k_base`). A skill, subagent or
//! command listed at session start costs its `name: description` line; the exact wrapper text a
//! tool puts around it is not documented and not counted.

mod budget;
mod load;

pub use budget::{budget_diagnostics, over_budget};

use serde::Serialize;

use crate::document::Document;
use crate::rules::import_chain;
use crate::rules::unresolved_import::references;

/// A tool whose loading rules [`analyse`] knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tool {
    /// Claude Code.
    Claude,
    /// OpenAI Codex.
    Codex,
    /// Cursor.
    Cursor,
    /// GitHub Copilot (VS Code, cloud agent, CLI).
    Copilot,
}

impl Tool {
    /// Every tool, in report order.
    pub const ALL: &'static [Tool] = &[Tool::Claude, Tool::Codex, Tool::Cursor, Tool::Copilot];

    /// The command-line and configuration name (`claude`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Tool::Claude => "claude",
            Tool::Codex => "codex",
            Tool::Cursor => "cursor",
            Tool::Copilot => "copilot",
        }
    }

    /// The product name (`Claude Code`).
    #[must_use]
    pub fn display_name(self) -> &'static str {
        match self {
            Tool::Claude => "Claude Code",
            Tool::Codex => "Codex",
            Tool::Cursor => "Cursor",
            Tool::Copilot => "GitHub Copilot",
        }
    }

    /// The tool named `s` ([`Tool::as_str`]), if any.
    #[must_use]
    pub fn parse(s: &str) -> Option<Tool> {
        Tool::ALL.iter().copied().find(|t| t.as_str() == s)
    }
}

/// When a tool puts an [`Item`] into the context window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum When {
    /// At session start, in every session in the working directory.
    Start,
    /// Only when something triggers it ([`Item::trigger`]).
    OnDemand,
}

/// Which part of a file an [`Item`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// The whole file (front matter stripped where the tool strips it).
    File,
    /// The `name: description` line a tool lists so the model can choose the file.
    Listing,
    /// The body, loaded when the file is used.
    Body,
}

/// One piece of text a tool loads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Item {
    /// The file's project-relative path (`/` separators).
    pub path: String,
    /// Which part of the file.
    pub part: Part,
    /// When it loads.
    pub when: When,
    /// What loads it, in words (`always`, `when Claude reads a file matching src/**`).
    pub trigger: String,
    /// The path of the file whose `@path` import pulled this one in, if any.
    pub imported_by: Option<String>,
    /// UTF-8 bytes loaded (after any truncation).
    pub bytes: usize,
    /// Tokens loaded (after any truncation).
    pub tokens: usize,
    /// The source the loading rule follows, a `schemas/sources.json` key (`CC-MEM`).
    pub source: &'static str,
}

/// Everything one tool loads from the project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ToolContext {
    /// The tool.
    pub tool: Tool,
    /// The items, session-start ones first; within each group by kind of file, in path order,
    /// imports right after the file that imports them.
    pub items: Vec<Item>,
    /// Tokens loaded at session start (sum over [`When::Start`] items).
    pub start_tokens: usize,
    /// Tokens of everything loadable on demand.
    pub on_demand_tokens: usize,
    /// Documented limits the files pass, across files (a truncated concatenation, a
    /// description over its limit), each naming its source.
    pub notes: Vec<String>,
}

/// One agent file of the project.
#[derive(Clone, Copy, Debug)]
pub struct File<'a> {
    /// The project-relative path, `/`-separated, without `./`.
    pub path: &'a str,
    /// The parsed file.
    pub doc: &'a Document,
}

/// The directories from the project root (`""`) down to `cwd` (project-relative, `/`
/// separators, `""` for the root), root first.
fn ancestors(cwd: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut at = String::new();
    for seg in cwd.split('/').filter(|s| !s.is_empty() && *s != ".") {
        if !at.is_empty() {
            at.push('/');
        }
        at.push_str(seg);
        out.push(at.clone());
    }
    out
}

/// `dir` joined with `name` (`""` is the root).
fn at(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        name.to_owned()
    } else {
        format!("{dir}/{name}")
    }
}

/// The directory of project-relative `path` (`""` at the root).
fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

/// Whether directory `dir` is `base` or below it.
fn within(dir: &str, base: &str) -> bool {
    base.is_empty() || dir == base || dir.starts_with(&format!("{base}/"))
}

/// `text` without block-level HTML comments (`<!-- ... -->` blocks), which Claude Code strips
/// before injecting a memory file; comments inside code blocks and inline ones stay [CC-MEM].
fn strip_block_comments(text: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut cut = Vec::new();
    let mut block: Option<usize> = None;
    for (ev, r) in Parser::new_ext(text, crate::fmt::body::options()).into_offset_iter() {
        match ev {
            Event::Start(Tag::HtmlBlock) => block = Some(r.start),
            Event::End(pulldown_cmark::TagEnd::HtmlBlock) => {
                if let Some(s) = block.take()
                    && text[s..r.end].trim_start().starts_with("<!--")
                    && text[s..r.end].trim_end().ends_with("-->")
                {
                    cut.push(s..r.end);
                }
            }
            _ => {}
        }
    }
    if cut.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for r in cut {
        out.push_str(&text[pos..r.start]);
        pos = r.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// What [`load`] builds items from: the project's files and the import reader.
struct Project<'a> {
    files: &'a [File<'a>],
    cwd: String,
    read: &'a dyn Fn(&str) -> Option<String>,
}

impl<'a> Project<'a> {
    fn file(&self, path: &str) -> Option<&File<'a>> {
        self.files.iter().find(|f| f.path == path)
    }

    /// Files whose path satisfies `pred`, in path order.
    fn matching(&self, pred: impl Fn(&File<'a>) -> bool) -> Vec<&File<'a>> {
        let mut v: Vec<_> = self.files.iter().filter(|f| pred(f)).collect();
        v.sort_by_key(|f| f.path);
        v
    }

    /// The text of project-relative `path`: a parsed file's, or the reader's.
    fn text(&self, path: &str) -> Option<String> {
        match self.file(path) {
            Some(f) => Some(f.doc.text().to_owned()),
            None => (self.read)(path),
        }
    }

    /// The items `@path` imports in `text` (of the file at `path`) pull in, recursively to
    /// `hops` more hops, each file once (Claude Code: relative to the importing file, at most
    /// 4 hops [CC-MEM]). Imports outside the project or that do not resolve are skipped
    /// (`unresolved-import` reports them).
    fn imports(
        &self,
        path: &str,
        text: &str,
        item: &Item,
        hops: usize,
        seen: &mut Vec<String>,
    ) -> Vec<Item> {
        let mut out = Vec::new();
        if hops == 0 {
            return out;
        }
        for r in references(text) {
            let target = import_chain::join(dir_of(path), &text[r]);
            if target.starts_with("..") || target.starts_with('/') || seen.contains(&target) {
                continue;
            }
            let Some(t) = self.text(&target) else {
                continue;
            };
            let t = strip_block_comments(&t);
            seen.push(target.clone());
            let imported = Item {
                path: target.clone(),
                part: Part::File,
                when: item.when,
                trigger: item.trigger.clone(),
                imported_by: Some(path.to_owned()),
                bytes: t.len(),
                tokens: crate::tokens::count(&t),
                source: "CC-MEM",
            };
            let nested = self.imports(&target, &t, &imported, hops - 1, seen);
            out.push(imported);
            out.extend(nested);
        }
        out
    }
}

/// An item for `text` of file `path`.
fn item(
    path: &str,
    part: Part,
    when: When,
    trigger: impl Into<String>,
    text: &str,
    source: &'static str,
) -> Item {
    Item {
        path: path.to_owned(),
        part,
        when,
        trigger: trigger.into(),
        imported_by: None,
        bytes: text.len(),
        tokens: crate::tokens::count(text),
        source,
    }
}

/// What each tool in `tools` loads from `files` in a session started in `cwd` (project-
/// relative directory, `""` for the root). With `tools` empty, every tool that loads at least
/// one of the files is reported. `read` returns the text of a project-relative path that is
/// not among `files` (an `@path` import of a plain markdown file), or `None`.
#[must_use]
pub fn analyse(
    files: &[File<'_>],
    tools: &[Tool],
    cwd: &str,
    read: &dyn Fn(&str) -> Option<String>,
) -> Vec<ToolContext> {
    let project = Project {
        files,
        cwd: cwd.trim_matches('/').trim_start_matches("./").to_owned(),
        read,
    };
    let wanted = if tools.is_empty() { Tool::ALL } else { tools };
    let mut out = Vec::new();
    for &tool in wanted {
        let (mut items, notes) = load::items(tool, &project);
        if items.is_empty() && tools.is_empty() {
            continue;
        }
        // Stable: within each group, files keep the order the tool's rules list them in (path
        // order, each import after the file that imports it).
        items.sort_by_key(|i| i.when != When::Start);
        let sum = |w: When| items.iter().filter(|i| i.when == w).map(|i| i.tokens).sum();
        out.push(ToolContext {
            tool,
            start_tokens: sum(When::Start),
            on_demand_tokens: sum(When::OnDemand),
            items,
            notes,
        });
    }
    out
}

#[cfg(test)]
mod tests;
