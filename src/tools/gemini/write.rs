//! Writers of Gemini CLI custom commands and subagents [GEM-CMDS], [GEM-SUB].

use crate::convert::emit::{self, Y};
use crate::convert::model::{Activation, Cap, Slot, ToolsMeaning};
use crate::convert::placeholders::Syntax;
use crate::convert::tables;
use crate::convert::write::W;
use crate::tools::Kind;

/// `.gemini/commands/N.toml`: `description` and `prompt` [GEM-CMDS]; Gemini
/// column.
pub(crate) fn gemini_command(w: &mut W<'_>) -> String {
    let mut out = String::new();
    let mut desc = w.m.description.clone();
    if desc.is_some() {
        w.exact(Slot::Description, "description");
    }
    if let Some(h) = &w.m.argument_hint {
        // `argument-hint` ✗ (put in description).
        let d = match desc {
            Some(d) => format!("{d} (arguments: {h})"),
            None => format!("Arguments: {h}"),
        };
        w.approx(
            Slot::ArgumentHint,
            format!("added to `description`: \"{d}\""),
        );
        if w.m.description.is_some() {
            w.approx(
                Slot::Description,
                format!("\"{d}\" (the argument hint is appended)"),
            );
        }
        desc = Some(d);
    }
    if w.m.name.is_some() && !w.m.name_from_path {
        let f = w.file_slug();
        w.approx(
            Slot::Name,
            format!("the command name is the file name `{f}.toml`"),
        );
    }
    if w.m.activation == Activation::Manual {
        w.activation("commands run when the user invokes them");
    }
    if let Some(d) = desc {
        out.push_str(&format!("description = {}\n", emit::toml_basic(&d)));
    }
    let body = w.body(Syntax::Gemini);
    let body = if body.ends_with('\n') || w.m.source == Kind::GeminiCommand {
        body
    } else {
        format!("{body}\n")
    };
    let original =
        w.m.originals
            .iter()
            .find(|o| o.key == "prompt")
            .and_then(|o| o.value.as_str());
    if w.m.source == Kind::GeminiCommand && original != Some(body.as_str()) {
        w.approx(Slot::Body, "line breaks normalised to `\\n`");
    } else if matches!(
        w.out_of(&Slot::Body),
        Some(crate::convert::write::Outcome::Exact(_))
    ) {
        w.exact(Slot::Body, "prompt");
    }
    out.push_str(&format!("prompt = {}\n", emit::toml_multiline(&body)));
    out
}

/// The tools a read-only agent may not use (Cursor `readonly: true`, Codex
/// `sandbox_mode = "read-only"`).
const MUTATING: [Cap; 3] = [Cap::Write, Cap::Edit, Cap::NotebookEdit];

/// `.gemini/agents/N.md`: `name`, `description` (both required), `tools` list, `model`,
/// `max_turns` [GEM-SUB];.
pub(crate) fn gemini_agent(w: &mut W<'_>) -> String {
    // Names that already fit Gemini's charset (`[a-z0-9_-]`) are kept as they are.
    let fits = w.m.name.as_deref().is_some_and(|n| {
        !n.is_empty()
            && n.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
    });
    w.name("name", !fits, true);
    w.description("description", true);
    gemini_tools(w);
    w.model("model", false);
    if let Some(n) = w.m.max_turns {
        w.set("max_turns", Y::Int(n));
        w.exact(Slot::MaxTurns, "max_turns");
    }
    w.mcp_servers("mcpServers");
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}

/// Gemini CLI subagents have an allowlist only : denied tools are taken out
/// of the list, and a deny list alone (or a read-only agent) becomes an explicit list of every
/// known Gemini CLI tool except the denied ones.
fn gemini_tools(w: &mut W<'_>) {
    let readonly = w.m.readonly == Some(true);
    let (mut denied, unmapped) = w.denied(super::names::write);
    if readonly {
        denied.extend(
            MUTATING
                .iter()
                .filter_map(|c| tables::row(*c).gemini.first().map(|s| (*s).to_owned())),
        );
    }
    let unmapped_note = if unmapped.is_empty() {
        String::new()
    } else {
        format!("; no Gemini CLI tool for `{}`", unmapped.join(", "))
    };
    if w.m.tools.is_some() {
        let restrict = w.m.tools_meaning == ToolsMeaning::Restrict;
        w.tools("tools", super::names::write, None, restrict);
    }
    if denied.is_empty() {
        if !w.m.disallowed.is_empty() {
            w.drop_(
                Slot::Disallowed,
                format!("Gemini CLI subagents have no deny list{unmapped_note}"),
            );
        }
        return;
    }
    if w.m.tools.is_some() {
        if let Some((_, Y::List(items))) = w.fm.iter_mut().find(|(k, _)| k == "tools") {
            items.retain(|y| !matches!(y, Y::Str(s) if denied.contains(s)));
        }
        if !w.m.disallowed.is_empty() {
            w.approx(
                Slot::Disallowed,
                format!("taken out of the `tools` list (Gemini CLI subagents have no deny list){unmapped_note}"),
            );
        }
        if readonly {
            w.approx(
                Slot::Readonly,
                "the file-writing tools are taken out of the `tools` list",
            );
        }
        return;
    }
    let mut list: Vec<String> = Vec::new();
    for r in tables::TOOLS {
        if let Some(n) = r.gemini.first()
            && !denied.iter().any(|d| d == n)
            && !list.iter().any(|x| x == n)
        {
            list.push((*n).to_owned());
        }
    }
    let what = format!(
        "an explicit `tools` list of every known Gemini CLI tool except `{}` (MCP tools are not listed){unmapped_note}",
        denied.join("`, `")
    );
    if !w.m.disallowed.is_empty() {
        w.approx(Slot::Disallowed, what.clone());
    }
    if !w.m.fields_of(&Slot::Tools).is_empty() {
        // An OpenCode `tools` map that only turns tools off.
        w.approx(Slot::Tools, what.clone());
    }
    if readonly {
        w.approx(Slot::Readonly, what);
    }
    w.set("tools", Y::strs(list));
}
