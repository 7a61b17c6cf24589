//! Codex's loading rules.

use super::super::{Item, Part, Project, When, ancestors, at, item};
use super::skills;

/// Codex [CODEX-AGENTSMD]: in each directory from the project root down to the working
/// directory, `AGENTS.override.md` or else `AGENTS.md`, concatenated root first with blank
/// lines and cut at `project_doc_max_bytes` (32 KiB by default). Skills under `.agents/skills`
/// [CODEX-SKILLS-DOC].
pub(super) fn codex(p: &Project<'_>, out: &mut Vec<Item>, notes: &mut Vec<String>) {
    const MAX: usize = 32 * 1024;
    let mut total = 0usize;
    for dir in ancestors(&p.cwd) {
        let Some(f) = p
            .file(&at(&dir, "AGENTS.override.md"))
            .or_else(|| p.file(&at(&dir, "AGENTS.md")))
        else {
            continue;
        };
        let text = f.doc.text();
        let sep = if total == 0 { 0 } else { 2 };
        let room = MAX.saturating_sub(total + sep);
        let mut end = text.len().min(room);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if end < text.len() {
            notes.push(format!(
                "{}: {} of its {} bytes load; Codex stops at 32 KiB of AGENTS.md text on a path (project_doc_max_bytes) [CODEX-AGENTSMD]",
                f.path, end, text.len()
            ));
        }
        total += sep + end;
        out.push(item(
            f.path,
            Part::File,
            When::Start,
            "AGENTS.md on the path from the project root",
            &text[..end],
            "CODEX-AGENTSMD",
        ));
    }
    skills(p, out, ".agents/skills", "CODEX-SKILLS-DOC", notes);
}
