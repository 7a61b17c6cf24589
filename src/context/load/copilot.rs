//! GitHub Copilot's loading rules.

use super::super::{File, Item, Part, Project, When, item};
use super::{agents_md_nested, skills, text_field};
use crate::tools::Kind;

/// Copilot [GH-REPO-INSTR], [VSC-INSTR]: `.github/copilot-instructions.md` at start;
/// `.github/instructions` files with `applyTo: "**"` at start, other `applyTo` globs when a
/// matching file is in context; the root `AGENTS.md` at start (VS Code), the nearest nested
/// one for the cloud agent and CLI; prompt files [VSC-PROMPTS] and custom agents
/// [VSC-AGENTS] when used; skills under `.github/skills` [VSC-SKILLS]. Code review reads only
/// the first 4,000 characters of an instruction file [GH-RESP-CUST].
pub(super) fn copilot(p: &Project<'_>, out: &mut Vec<Item>, notes: &mut Vec<String>) {
    let review = |f: &File<'_>, notes: &mut Vec<String>| {
        let n = f.doc.body_text().chars().count();
        if n > 4000 {
            notes.push(format!(
                "{}: {n} chars; Copilot code review reads only the first 4,000 [GH-RESP-CUST]",
                f.path
            ));
        }
    };
    for f in p.matching(|f| {
        f.doc.kind == Kind::CopilotInstructions && f.path == ".github/copilot-instructions.md"
    }) {
        out.push(item(
            f.path,
            Part::File,
            When::Start,
            "repository instructions",
            f.doc.body_text(),
            "GH-REPO-INSTR",
        ));
        review(f, notes);
    }
    for f in p.matching(|f| f.doc.kind == Kind::CopilotScopedInstructions) {
        let body = f.doc.body_text();
        match text_field(f.doc, "applyTo") {
            Some(g) if matches!(g.trim(), "**" | "**/*") => {
                out.push(item(
                    f.path,
                    Part::File,
                    When::Start,
                    "applyTo: \"**\"",
                    body,
                    "VSC-INSTR",
                ));
            }
            Some(g) => out.push(item(
                f.path,
                Part::File,
                When::OnDemand,
                format!("when a file matching {g} is in context"),
                body,
                "VSC-INSTR",
            )),
            None => out.push(item(
                f.path,
                Part::File,
                When::OnDemand,
                "when VS Code matches its description to the task",
                body,
                "VSC-INSTR",
            )),
        }
        review(f, notes);
    }
    agents_md_nested(
        p,
        out,
        "GH-REPO-INSTR",
        "nearest AGENTS.md (cloud agent, CLI) in",
    );
    for f in p.matching(|f| f.doc.kind == Kind::CopilotPrompt) {
        out.push(item(
            f.path,
            Part::Body,
            When::OnDemand,
            "when the prompt file is run",
            f.doc.body_text(),
            "VSC-PROMPTS",
        ));
    }
    for f in p.matching(|f| matches!(f.doc.kind, Kind::CopilotAgent | Kind::CopilotChatmode)) {
        out.push(item(
            f.path,
            Part::Body,
            When::OnDemand,
            "when the agent is selected",
            f.doc.body_text(),
            "VSC-AGENTS",
        ));
    }
    skills(p, out, ".github/skills", "VSC-SKILLS", notes);
}
