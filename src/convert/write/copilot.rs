//! GitHub Copilot writers: custom agent (and legacy chat mode), prompt file, path-specific
//! instructions (formats.md §3, §6.2, §6.4, §6.5).

use super::W;
use crate::convert::emit::{self, Y};
use crate::convert::globs;
use crate::convert::model::{Activation, Cap, Slot, ToolWhat, ToolsMeaning};
use crate::convert::placeholders::Syntax;
use crate::convert::tables;
use crate::kind::Kind;

/// `.github/agents/N.agent.md` [VSC-AGENTS], [GH-AGENTS-CFG]; `.chatmode.md` keeps only
/// `description`, `tools`, `model` [VSC-CHATMODES].
pub(super) fn agent(w: &mut W<'_>) -> String {
    let chatmode = w.kind == Kind::CopilotChatmode;
    if !chatmode {
        w.name("name", false, false);
    }
    w.description("description", true);
    if !chatmode && let Some(h) = w.m.argument_hint.clone() {
        w.set("argument-hint", Y::Str(h));
        w.exact(Slot::ArgumentHint, "argument-hint");
    }
    let meaning = w.m.tools_meaning == ToolsMeaning::Restrict;
    w.tools("tools", tables::copilot_names, None, meaning);
    // `Agent(a, b)` → `agent` + `agents: [a, b]` (formats.md §6.2).
    let agents: Vec<String> =
        w.m.tools
            .iter()
            .flatten()
            .filter(|t| t.what == ToolWhat::Caps(vec![Cap::Agent]))
            .filter_map(|t| t.specifier.clone())
            .flat_map(|s| {
                s.split(',')
                    .map(|x| x.trim().to_owned())
                    .collect::<Vec<_>>()
            })
            .filter(|s| !s.is_empty())
            .collect();
    if !agents.is_empty() && !chatmode && w.fm.iter().any(|(k, _)| k == "tools") {
        w.set("agents", Y::strs(agents));
    }
    if !w.m.disallowed.is_empty() {
        w.drop_(
            Slot::Disallowed,
            "Copilot agents have no denylist; list the allowed tools instead",
        );
    }
    w.model("model", false);
    if let (Some(mi), false) = (w.m.model_invocable, chatmode) {
        w.set("disable-model-invocation", Y::Bool(!mi));
        w.exact(Slot::ModelInvocation, "disable-model-invocation");
    }
    if w.m.permission_mode.as_deref() == Some("plan") && w.m.tools.is_none() && !chatmode {
        w.set("tools", Y::strs(["read", "search", "web"]));
        w.approx(
            Slot::PermissionMode,
            "`tools: [read, search, web]` (plan mode)",
        );
    }
    if !chatmode {
        w.mcp_servers("mcp-servers");
    }
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}

/// `.github/prompts/N.prompt.md` [VSC-PROMPTS]; formats.md §6.4 Copilot column.
pub(super) fn prompt(w: &mut W<'_>) -> String {
    if w.m.name.is_some() && !w.m.name_from_path {
        w.name("name", false, false);
    }
    w.description("description", false);
    if let Some(h) = w.m.argument_hint.clone() {
        w.set("argument-hint", Y::Str(h));
        w.exact(Slot::ArgumentHint, "argument-hint");
    }
    w.model("model", false);
    let meaning = w.m.tools_meaning == ToolsMeaning::Restrict;
    w.tools("tools", tables::copilot_names, None, meaning);
    if !w.m.arguments.is_empty() {
        w.approx(
            Slot::Arguments,
            format!("`${{input:…}}` variables for {}", w.m.arguments.join(", ")),
        );
    }
    if w.m.activation == Activation::Manual {
        w.activation("prompt files run when the user invokes them");
    }
    if w.m.model_invocable == Some(false) {
        w.approx(
            Slot::ModelInvocation,
            "prompt files are only run by the user",
        );
    }
    w.pass_extras();
    let body = w.body(Syntax::Copilot);
    w.doc(&body)
}

/// `.github/instructions/N.instructions.md`: `applyTo` as one quoted comma string, plus
/// `description` and `name` [VSC-INSTR], [GH-REPO-INSTR].
pub(super) fn scoped(w: &mut W<'_>) -> String {
    if w.m.name.is_some() && !w.m.name_from_path {
        w.name("name", false, false);
    }
    let act = w.m.activation.clone();
    if act != Activation::Manual {
        w.description("description", false);
    } else if w.m.description.is_some() {
        w.drop_(
            Slot::Description,
            "a description would let VS Code attach a manual file by itself",
        );
    }
    match &act {
        Activation::Always => {
            w.set("applyTo", Y::Raw("\"**\"".to_owned()));
            w.activation("`applyTo: \"**\"`");
        }
        Activation::Globs(g) if !g.is_empty() => {
            let v = globs::join(g);
            // Copilot documents `applyTo` as one quoted string (formats.md §6.5).
            w.set("applyTo", Y::Raw(emit::double_quoted(&v)));
            w.activation(&format!("`applyTo: \"{v}\"`"));
        }
        Activation::Globs(_) => w.drop_(Slot::Activation, "no usable glob pattern"),
        Activation::ModelDecides => w.activation("`description` without `applyTo` (VS Code matches it to the task; GitHub.com ignores it)"),
        Activation::Manual => w.activation("no `applyTo` (attached manually)"),
    }
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}
