//! Cursor's loading rules.

use super::super::{Item, Part, Project, When, item};
use super::{agents_md_nested, listing, skills, text_field};
use crate::document::Node;
use crate::tools::Kind;

/// Cursor [CUR-RULES]: `.cursor/rules` with `alwaysApply: true` at start; with `globs` when a
/// matching file is in context; with only a `description`, that description at start and the
/// rule when the agent asks for it; otherwise when @-mentioned. `.cursorrules` at start; the
/// root `AGENTS.md` at start and nested ones when working in their directory. Skills under
/// `.cursor/skills` [CUR-SKILLS].
pub(super) fn cursor(p: &Project<'_>, out: &mut Vec<Item>, notes: &mut Vec<String>) {
    for f in p.matching(|f| f.doc.kind == Kind::CursorMdc) {
        let body = f.doc.body_text();
        if f.doc.get("alwaysApply").and_then(Node::as_bool) == Some(true) {
            out.push(item(
                f.path,
                Part::File,
                When::Start,
                "alwaysApply: true",
                body,
                "CUR-RULES",
            ));
        } else if let Some(g) = text_field(f.doc, "globs") {
            out.push(item(
                f.path,
                Part::File,
                When::OnDemand,
                format!("when a file matching {g} is in context"),
                body,
                "CUR-RULES",
            ));
        } else if let Some(l) = listing(f, None) {
            out.push(item(
                f.path,
                Part::Listing,
                When::Start,
                "description for the agent to choose",
                &l,
                "CUR-RULES",
            ));
            out.push(item(
                f.path,
                Part::Body,
                When::OnDemand,
                "when the agent judges it relevant",
                body,
                "CUR-RULES",
            ));
        } else {
            out.push(item(
                f.path,
                Part::File,
                When::OnDemand,
                "when @-mentioned",
                body,
                "CUR-RULES",
            ));
        }
    }
    for f in p.matching(|f| f.doc.kind == Kind::Cursorrules && f.path == ".cursorrules") {
        out.push(item(
            f.path,
            Part::File,
            When::Start,
            "legacy .cursorrules",
            f.doc.text(),
            "CUR-RULES",
        ));
    }
    agents_md_nested(p, out, "CUR-RULES", "when working in");
    skills(p, out, ".cursor/skills", "CUR-SKILLS", notes);
}
