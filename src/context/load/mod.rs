//! Each tool's documented loading rules: which files load at session start, which on demand,
//! and the limits that apply across files. Every rule names its `schemas/sources.json` key.
//! This module holds what the tools share (skills, listings, `AGENTS.md`); each tool's own
//! rules are in its sub-module.

mod claude;
mod codex;
mod copilot;
mod cursor;

use super::{File, Item, Part, Project, Tool, When, ancestors, at, dir_of, item};
use crate::document::{Document, Node};
use crate::tools::Kind;

/// A string field, or a list of strings joined with `, `.
pub(super) fn text_field(doc: &Document, key: &str) -> Option<String> {
    let n: &Node = doc.get(key)?;
    if let Some(s) = n.as_str() {
        return (!s.trim().is_empty()).then(|| s.to_owned());
    }
    let list: Vec<&str> = n.as_seq()?.iter().filter_map(Node::as_str).collect();
    (!list.is_empty()).then(|| list.join(", "))
}

/// The file's name for listings: `name`, else the skill's directory or the file stem.
fn name_of(f: &File<'_>) -> String {
    if let Some(n) = text_field(f.doc, "name") {
        return n;
    }
    let file = f.path.rsplit('/').next().unwrap_or(f.path);
    if file == "SKILL.md" {
        return dir_of(f.path).rsplit('/').next().unwrap_or("").to_owned();
    }
    file.split('.').next().unwrap_or(file).to_owned()
}

/// The `name: description` line a tool lists (with `when_to_use` for Claude Code skills).
pub(super) fn listing(f: &File<'_>, extra: Option<&str>) -> Option<String> {
    let d = text_field(f.doc, "description")?;
    let mut s = format!("{}: {d}", name_of(f));
    if let Some(w) = extra.and_then(|k| text_field(f.doc, k)) {
        s.push(' ');
        s.push_str(&w);
    }
    Some(s)
}

/// Whether project-relative `path` is inside `<dir>/<marker>/` (`marker` such as
/// `.claude/skills`) for one of the directories `dir` from the root to the working directory.
pub(super) fn under_ancestor(p: &Project<'_>, path: &str, marker: &str) -> bool {
    ancestors(&p.cwd)
        .iter()
        .any(|d| path.starts_with(&format!("{}/", at(d, marker))))
}

/// Listing at start (unless only the user may invoke it) and body on demand: skills,
/// subagents and commands. `trigger` says what loads the body.
pub(super) fn listed(
    out: &mut Vec<Item>,
    f: &File<'_>,
    extra: Option<&str>,
    trigger: &str,
    source: &'static str,
) {
    let user_only = f
        .doc
        .get("disable-model-invocation")
        .and_then(Node::as_bool)
        == Some(true);
    if !user_only && let Some(l) = listing(f, extra) {
        out.push(item(
            f.path,
            Part::Listing,
            When::Start,
            "listed for the model to choose",
            &l,
            source,
        ));
    }
    out.push(item(
        f.path,
        Part::Body,
        When::OnDemand,
        trigger,
        f.doc.body_text(),
        source,
    ));
}

/// Skills of `dir` (`.claude/skills`): listing at start, body when invoked ([AS-SPEC]
/// progressive disclosure; each tool's skill page).
pub(super) fn skills(
    p: &Project<'_>,
    out: &mut Vec<Item>,
    dir: &str,
    source: &'static str,
    notes: &mut Vec<String>,
) {
    for f in p.matching(|f| f.doc.kind == Kind::ClaudeSkill && under_ancestor(p, f.path, dir)) {
        listed(
            out,
            f,
            (source == "CC-SKILLS").then_some("when_to_use"),
            "when the skill is invoked",
            source,
        );
        if let Some(d) = text_field(f.doc, "description")
            && d.chars().count() > 1024
        {
            notes.push(format!(
                "{}: description is {} chars; the Agent Skills limit is 1,024 [AS-SPEC]",
                f.path,
                d.chars().count()
            ));
        }
    }
}

/// Every item `tool` loads from the project, and notes on limits across files.
pub(super) fn items(tool: Tool, p: &Project<'_>) -> (Vec<Item>, Vec<String>) {
    let mut out = Vec::new();
    let mut notes = Vec::new();
    match tool {
        Tool::Claude => claude::claude(p, &mut out, &mut notes),
        Tool::Codex => codex::codex(p, &mut out, &mut notes),
        Tool::Cursor => cursor::cursor(p, &mut out, &mut notes),
        Tool::Copilot => copilot::copilot(p, &mut out, &mut notes),
    }
    (out, notes)
}

/// `AGENTS.md` for Cursor and Copilot: the root one at start, nested ones on demand.
pub(super) fn agents_md_nested(
    p: &Project<'_>,
    out: &mut Vec<Item>,
    source: &'static str,
    verb: &str,
) {
    for f in p.matching(|f| {
        f.doc.kind == Kind::AgentsMd && f.path.ends_with("AGENTS.md") && !f.path.contains(".junie/")
    }) {
        let dir = dir_of(f.path);
        if dir.is_empty() {
            out.push(item(
                f.path,
                Part::File,
                When::Start,
                "root AGENTS.md",
                f.doc.text(),
                source,
            ));
        } else {
            out.push(item(
                f.path,
                Part::File,
                When::OnDemand,
                format!("{verb} {dir}/"),
                f.doc.text(),
                source,
            ));
        }
    }
}
