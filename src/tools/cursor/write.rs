//! Cursor writers: `.mdc` rule, subagent, command .

use crate::convert::emit::Y;
use crate::convert::globs;
use crate::convert::model::{Activation, Cap, Slot, ToolWhat};
use crate::convert::placeholders::Syntax;
use crate::convert::tables;
use crate::convert::write::W;

/// `.cursor/rules/N.mdc`: `description`, bare comma-joined `globs`, `alwaysApply`
/// [CUR-RULES], [CUR-GLOB].
pub(crate) fn mdc(w: &mut W<'_>) -> String {
    let act = w.m.activation.clone();
    match &act {
        Activation::Always => {
            w.set("alwaysApply", Y::Bool(true));
            w.activation("`alwaysApply: true`");
        }
        Activation::Globs(g) if globs::cursor_safe(g) && !g.is_empty() => {
            w.set("globs", Y::Raw(globs::join(g)));
            w.set("alwaysApply", Y::Bool(false));
            w.activation(&format!("`globs: {}`", globs::join(g)));
        }
        Activation::Globs(_) => w.drop_(Slot::Activation, "no usable glob pattern"),
        Activation::ModelDecides => {
            w.set("alwaysApply", Y::Bool(false));
            if w.m.description.is_none() {
                w.drop_(
                    Slot::Activation,
                    "Cursor needs a description for the agent to decide",
                );
            } else {
                w.activation("`description` only (Apply Intelligently)");
            }
        }
        Activation::Manual => {
            w.set("alwaysApply", Y::Bool(false));
            w.activation("no `globs` or `description` (Apply Manually, `@rule`)");
        }
    }
    // `description` first, as Cursor writes it.
    let mut desc = Vec::new();
    if let Some(d) = &w.m.description {
        if act == Activation::Manual {
            w.drop_(
                Slot::Description,
                "a description would make a manual rule model-decided",
            );
        } else {
            desc.push(("description".to_owned(), Y::s(d.clone())));
            w.exact(Slot::Description, "description");
        }
    }
    desc.append(&mut w.fm);
    w.fm = desc;
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}

/// `.cursor/agents/N.md`: `name`, `description`, `model`, `readonly`, `is_background`
/// [CUR-SUB];.
pub(crate) fn agent(w: &mut W<'_>) -> String {
    w.name("name", true, true);
    w.description("description", false);
    model(w);
    readonly(w);
    if let Some(b) = w.m.background {
        w.set("is_background", Y::Bool(b));
        w.exact(Slot::Background, "is_background");
    }
    if w.m.permission_mode.is_some()
        && !w.fm.iter().any(|(k, _)| k == "readonly")
        && w.m.permission_mode.as_deref() == Some("plan")
    {
        w.set("readonly", Y::Bool(true));
        w.approx(Slot::PermissionMode, "`readonly: true`");
    }
    w.mcp_servers("mcpServers");
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}

/// `model`: `inherit`, or a Cursor id with an optional `[effort=…]` suffix [CUR-SUB].
fn model(w: &mut W<'_>) {
    w.model("model", true);
    if let (Some(e), Some(i)) = (
        w.m.effort.clone(),
        w.fm.iter().position(|(k, _)| k == "model"),
    ) && let Y::Str(id) = &w.fm[i].1
        && id != "inherit"
        && !id.contains('[')
    {
        w.fm[i].1 = Y::Str(format!("{id}[effort={e}]"));
        w.approx(Slot::Effort, format!("`[effort={e}]` model suffix"));
    }
}

/// Cursor has no tool allowlist: `readonly: true` when no listed tool edits files
/// (§6.6 #1).
fn readonly(w: &mut W<'_>) {
    if let Some(r) = w.m.readonly {
        w.set("readonly", Y::Bool(r));
        w.exact(Slot::Readonly, "readonly");
    }
    let deny_writes =
        w.m.disallowed
            .iter()
            .any(|t| matches!(&t.what, ToolWhat::Caps(c) if c.contains(&Cap::Edit)))
            && w.m
                .disallowed
                .iter()
                .any(|t| matches!(&t.what, ToolWhat::Caps(c) if c.contains(&Cap::Write)));
    if !w.m.disallowed.is_empty() {
        if deny_writes && w.m.readonly.is_none() {
            w.set("readonly", Y::Bool(true));
            w.approx(
                Slot::Disallowed,
                "`readonly: true` (the denied tools edit files)",
            );
        } else {
            w.drop_(Slot::Disallowed, "Cursor subagents have no tool denylist");
        }
    }
    let Some(tools) = w.m.tools.clone() else {
        return;
    };
    let mutating: Vec<&str> = tools
        .iter()
        .filter(|t| match &t.what {
            ToolWhat::Caps(c) => c.iter().any(|c| !tables::row(*c).cursor_readonly_ok),
            ToolWhat::Mcp { .. } => true,
            ToolWhat::Unknown => false,
        })
        .map(|t| t.original.as_str())
        .collect();
    let listed = tools
        .iter()
        .map(|t| t.original.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if mutating.is_empty() && w.m.readonly.is_none() && !w.fm.iter().any(|(k, _)| k == "readonly") {
        w.set("readonly", Y::Bool(true));
        w.approx(Slot::Tools, format!("`readonly: true` (no listed tool edits files); Cursor has no tool allowlist, so `{listed}` is not enforced"));
    } else {
        w.approx(
            Slot::Tools,
            format!("not read-only because of `{}`; Cursor subagents inherit every parent tool, so the allowlist `{listed}` is not enforced", mutating.join(", ")),
        );
    }
}

/// `.cursor/commands/N.md`: plain markdown, no front matter, no placeholders [CUR-CMD].
pub(crate) fn command(w: &mut W<'_>) -> String {
    if w.m.name.is_some() && !w.m.name_from_path {
        let f = w.file_slug();
        w.approx(
            Slot::Name,
            format!("the command name is the file name `{f}.md`"),
        );
    }
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}
