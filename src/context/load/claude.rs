//! Claude Code's loading rules.

use super::super::{Item, Part, Project, When, ancestors, item, within};
use super::{listed, listing, skills, text_field, under_ancestor};
use crate::tools::Kind;

/// Claude Code [CC-MEM]: `CLAUDE.md`, `.claude/CLAUDE.md` and `CLAUDE.local.md` in the working
/// directory and every ancestor at start (block HTML comments stripped, `@path` imports
/// followed 4 hops); those below it when Claude reads a file there; `.claude/rules` without
/// `paths` at start, with `paths` when a matching file is read. Skills [CC-SKILLS], subagents
/// [CC-SUB] and commands [CC-SLASH-2026-01] are listed at start.
pub(super) fn claude(p: &Project<'_>, out: &mut Vec<Item>, notes: &mut Vec<String>) {
    let memory = ["CLAUDE.md", ".claude/CLAUDE.md", "CLAUDE.local.md"];
    for f in p.matching(|f| f.doc.kind == Kind::ClaudeMd) {
        let dir = memory
            .iter()
            .find_map(|m| f.path.strip_suffix(m).map(|d| d.trim_end_matches('/')));
        let Some(dir) = dir else { continue };
        let (when, trigger) = if ancestors(&p.cwd).iter().any(|a| a == dir) {
            (
                When::Start,
                "memory file of the working directory or an ancestor".to_owned(),
            )
        } else if within(dir, &p.cwd) {
            (
                When::OnDemand,
                format!("when Claude reads a file in {dir}/"),
            )
        } else {
            continue;
        };
        let text = super::super::strip_block_comments(f.doc.text());
        let it = item(f.path, Part::File, when, trigger, &text, "CC-MEM");
        with_imports(p, out, it, &text);
    }
    for f in
        p.matching(|f| f.doc.kind == Kind::ClaudeRule && under_ancestor(p, f.path, ".claude/rules"))
    {
        let text = super::super::strip_block_comments(f.doc.body_text());
        let it = match text_field(f.doc, "paths") {
            None => item(
                f.path,
                Part::File,
                When::Start,
                "rule without paths",
                &text,
                "CC-MEM",
            ),
            Some(g) => item(
                f.path,
                Part::File,
                When::OnDemand,
                format!("when Claude reads a file matching {g}"),
                &text,
                "CC-MEM",
            ),
        };
        with_imports(p, out, it, &text);
    }
    skills(p, out, ".claude/skills", "CC-SKILLS", notes);
    // Skills of a `.claude/skills/` below the working directory load when Claude touches a
    // file in that subtree [CC-SKILLS].
    for f in p.matching(|f| {
        f.doc.kind == Kind::ClaudeSkill && !under_ancestor(p, f.path, ".claude/skills")
    }) {
        let Some(dir) = crate::rules::tree::before(f.path, ".claude/skills/") else {
            continue;
        };
        let dir = dir.trim_end_matches('/');
        if dir.is_empty() || !within(dir, &p.cwd) {
            continue;
        }
        let trigger = format!("when Claude touches a file in {dir}/");
        if let Some(l) = listing(f, Some("when_to_use")) {
            out.push(item(
                f.path,
                Part::Listing,
                When::OnDemand,
                trigger.clone(),
                &l,
                "CC-SKILLS",
            ));
        }
        out.push(item(
            f.path,
            Part::Body,
            When::OnDemand,
            "when the skill is invoked",
            f.doc.body_text(),
            "CC-SKILLS",
        ));
    }
    for f in p.matching(|f| {
        f.doc.kind == Kind::ClaudeAgent && under_ancestor(p, f.path, ".claude/agents")
    }) {
        listed(
            out,
            f,
            None,
            "in the subagent's own context when Claude delegates to it",
            "CC-SUB",
        );
    }
    for f in p.matching(|f| {
        f.doc.kind == Kind::ClaudeCommand && under_ancestor(p, f.path, ".claude/commands")
    }) {
        listed(out, f, None, "when the command is run", "CC-SLASH-2026-01");
    }
}

/// Pushes `it` (of the file at `it.path`, whose loaded text is `text`) and then the files its
/// `@path` imports pull in, 4 hops deep [CC-MEM].
fn with_imports(p: &Project<'_>, out: &mut Vec<Item>, it: Item, text: &str) {
    let mut seen = vec![it.path.clone()];
    let imported = p.imports(
        &it.path,
        text,
        &it,
        crate::rules::import_chain::MAX_HOPS,
        &mut seen,
    );
    out.push(it);
    out.extend(imported);
}
