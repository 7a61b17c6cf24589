//! GitHub Copilot writers: custom agent (and legacy chat mode), prompt file, path-specific
//! instructions .

use crate::convert::emit::{self, Y};
use crate::convert::globs;
use crate::convert::model::{Activation, Slot, ToolsMeaning};
use crate::convert::placeholders::Syntax;
use crate::convert::tables;
use crate::convert::write::W;
use crate::tools::Kind;

/// `.github/agents/N.agent.md` [VSC-AGENTS], [GH-AGENTS-CFG]; `.chatmode.md` keeps only
/// `description`, `tools`, `model` [VSC-CHATMODES].
pub(crate) fn agent(w: &mut W<'_>) -> String {
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
    w.tools("tools", super::names::write, None, meaning);
    deny(w);
    // `Agent(a, b)` → `agent` + `agents: [a, b]` .
    let agents: Vec<String> =
        w.m.tools
            .iter()
            .flatten()
            .filter(|t| t.what.is_agent())
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
    w.model("model", false);
    if let (Some(mi), false) = (w.m.model_invocable, chatmode) {
        w.set("disable-model-invocation", Y::Bool(!mi));
        w.exact(Slot::ModelInvocation, "disable-model-invocation");
    }
    if w.m.permission_mode.as_deref() == Some("plan") && !chatmode {
        const PLAN: [&str; 3] = ["read", "search", "web"];
        match w.fm.iter_mut().find(|(k, _)| k == "tools") {
            // A list synthesised from a deny list: plan mode narrows it further.
            Some((_, Y::List(items))) if w.m.tools.is_none() => {
                items.retain(|y| matches!(y, Y::Str(s) if PLAN.contains(&s.as_str())));
                w.approx(
                    Slot::PermissionMode,
                    "only `read`, `search` and `web` kept in `tools` (plan mode)",
                );
            }
            Some(_) => {}
            None => {
                w.set("tools", Y::strs(PLAN));
                w.approx(
                    Slot::PermissionMode,
                    "`tools: [read, search, web]` (plan mode)",
                );
            }
        }
    }
    if !chatmode {
        w.mcp_servers("mcp-servers");
    }
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}

/// Copilot agents have an allowlist only (`disallowedTools`:
/// "synthesize explicit `tools` = all aliases minus mapped ones"). Denied tools (and, for a
/// read-only agent, `edit`) are taken out of a `tools` list; with no list, the list becomes
/// every Copilot alias except the denied ones, plus `srv/*` for each MCP server the agent
/// declares. An alias stands for several tools (`edit` for Write, Edit and NotebookEdit), so
/// denying one of them takes the alias out; MCP servers the agent does not declare cannot be
/// listed. Both are reported.
fn deny(w: &mut W<'_>) {
    let readonly = w.m.readonly == Some(true);
    if w.m.disallowed.is_empty() && !readonly {
        return;
    }
    let (mut denied, unmapped) = w.denied(super::names::write);
    if readonly && !denied.iter().any(|d| d == "edit") {
        denied.push("edit".to_owned());
    }
    let note = if unmapped.is_empty() {
        String::new()
    } else {
        format!("; no Copilot tool for `{}`", unmapped.join("`, `"))
    };
    let written = w.fm.iter().any(|(k, _)| k == "tools");
    if denied.is_empty() || (w.m.tools.is_some() && !written) {
        if !w.m.disallowed.is_empty() {
            w.drop_(
                Slot::Disallowed,
                format!("Copilot agents have no deny list{note}"),
            );
        }
        return;
    }
    let what = if let Some((_, Y::List(items))) = w.fm.iter_mut().find(|(k, _)| k == "tools") {
        items.retain(|y| !matches!(y, Y::Str(s) if denied.contains(s)));
        format!(
            "`{}` taken out of the `tools` list (Copilot agents have no deny list; an alias such as `edit` stands for several tools){note}",
            denied.join("`, `")
        )
    } else {
        let mut list: Vec<String> = Vec::new();
        let aliases = tables::TOOLS.iter().filter_map(|r| r.copilot);
        let servers = w.m.mcp_servers.iter().map(|s| format!("{}/*", s.name));
        for n in aliases.map(str::to_owned).chain(servers) {
            if !denied.contains(&n) && !list.contains(&n) {
                list.push(n);
            }
        }
        let what = format!(
            "an explicit `tools` list of every Copilot tool alias except `{}` (an alias such as `edit` stands for several tools; MCP servers the agent does not declare are not listed){note}",
            denied.join("`, `")
        );
        if !w.m.fields_of(&Slot::Tools).is_empty() {
            // An OpenCode `tools` map that only turns tools off.
            w.approx(Slot::Tools, what.clone());
        }
        w.set("tools", Y::strs(list));
        what
    };
    if !w.m.disallowed.is_empty() {
        w.approx(Slot::Disallowed, what.clone());
    }
    if readonly {
        w.approx(Slot::Readonly, what);
    }
}

/// `.github/prompts/N.prompt.md` [VSC-PROMPTS];.
pub(crate) fn prompt(w: &mut W<'_>) -> String {
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
    w.tools("tools", super::names::write, None, meaning);
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
pub(crate) fn scoped(w: &mut W<'_>) -> String {
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
            // Copilot documents `applyTo` as one quoted string .
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
