//! Writers of OpenCode agents and commands [OC-AGENTS].

use crate::convert::emit::Y;
use crate::convert::model::{Activation, Cap, Slot, ToolWhat};
use crate::convert::placeholders::Syntax;
use crate::convert::tables;
use crate::convert::write::W;

/// OpenCode permission presets for Claude `permissionMode` ([`tables::OPENCODE_PERMISSION_PRESETS`];
/// `manual` is an alias of `default` [CC-SUB]).
fn permission(mode: &str) -> Option<Vec<(String, Y)>> {
    let mode = if mode == "manual" { "default" } else { mode };
    let (_, pairs) = tables::OPENCODE_PERMISSION_PRESETS
        .iter()
        .find(|(m, _)| *m == mode)?;
    Some(
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Y::s(*v)))
            .collect(),
    )
}

/// `.opencode/agent/N.md` [OC-AGENTS]; OpenCode column.
pub(crate) fn opencode_agent(w: &mut W<'_>) -> String {
    if w.m.name.is_some() && !w.m.name_from_path {
        let f = w.file_slug();
        w.approx(
            Slot::Name,
            format!("the agent name is the file name `{f}.md`"),
        );
    }
    w.description("description", true);
    if !w.same_tool() {
        w.set("mode", Y::s("subagent"));
        w.synth("mode", "subagent", "converted agents run as subagents");
    }
    w.model("model", false);
    let same = w.same_tool();
    if same {
        // An OpenCode agent's `tools` and `permission` maps are copied as they are: the model
        // holds only what other tools can use of them.
        for key in ["tools", "permission"] {
            if let Some(o) = w.m.originals.iter().find(|o| o.key == key) {
                let v = Y::from_node(&o.value);
                w.set(key, v);
                w.by_key.insert(
                    key.to_owned(),
                    crate::convert::write::Outcome::Exact(key.to_owned()),
                );
            }
        }
    } else if w.m.tools.is_some() || !w.m.disallowed.is_empty() || w.m.readonly == Some(true) {
        tools_map(w);
    }
    if let Some(n) = w.m.max_turns {
        w.set("maxSteps", Y::Int(n));
        w.exact(Slot::MaxTurns, "maxSteps");
    }
    if let Some(mode) = w.m.permission_mode.clone().filter(|_| !same) {
        match permission(&mode) {
            Some(map) => {
                w.set("permission", Y::Map(map));
                w.approx(
                    Slot::PermissionMode,
                    format!("`permission` preset for `{mode}`"),
                );
            }
            None => w.drop_(
                Slot::PermissionMode,
                format!("`{mode}` has no OpenCode permission preset"),
            ),
        }
    }
    w.mcp_servers("mcpServers");
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}

/// `tools: {tool: true}` for listed tools and `false` for the other known tools, `false` for
/// denied ones . Not used within OpenCode, where the source's map is copied.
fn tools_map(w: &mut W<'_>) {
    let mut map: Vec<(String, Y)> = Vec::new();
    let put = |map: &mut Vec<(String, Y)>, k: String, v: bool| {
        if !map.iter().any(|(x, _)| *x == k) {
            map.push((k, Y::Bool(v)));
        }
    };
    let mut unknown = Vec::new();
    if let Some(tools) = &w.m.tools {
        for t in tools {
            let names = super::names::write(t);
            if names.is_empty() {
                unknown.push(t.original.clone());
            }
            for n in names {
                put(&mut map, n, true);
            }
        }
    }
    let mut unknown_denied = Vec::new();
    for t in &w.m.disallowed {
        let names = super::names::write(t);
        if names.is_empty() {
            unknown_denied.push(t.original.clone());
        }
        for n in names {
            put(&mut map, n, false);
        }
    }
    if w.m.readonly == Some(true) {
        for c in [Cap::Write, Cap::Edit] {
            if let Some(n) = tables::row(c).opencode {
                put(&mut map, n.to_owned(), false);
            }
        }
        w.approx(Slot::Readonly, "`tools: {write: false, edit: false}`");
    }
    if w.m.tools.is_some() {
        for r in tables::TOOLS {
            if let Some(n) = r.opencode {
                put(&mut map, n.to_owned(), false);
            }
        }
        let msg = if unknown.is_empty() {
            "a `tools` map: listed tools `true`, other known tools `false`".to_owned()
        } else {
            format!(
                "a `tools` map; no OpenCode tool for `{}`",
                unknown.join(", ")
            )
        };
        w.approx(Slot::Tools, msg);
    }
    if !w.m.disallowed.is_empty() {
        if unknown_denied.is_empty() {
            w.approx(Slot::Disallowed, "`false` entries in the `tools` map");
        } else {
            w.approx(
                Slot::Disallowed,
                format!(
                    "`false` entries in the `tools` map; no OpenCode tool for `{}`",
                    unknown_denied.join(", ")
                ),
            );
        }
    }
    let specifiers =
        w.m.tools
            .iter()
            .flatten()
            .any(|t| t.specifier.is_some() && !matches!(t.what, ToolWhat::Unknown));
    if specifiers {
        w.losses.push(crate::convert::Loss {
            field: "tools".into(),
            what: crate::convert::LossKind::Approximated("broadened".into()),
            message: "tool specifiers such as `Bash(git *)` are broadened to the whole tool".into(),
        });
    }
    w.set("tools", Y::Map(map));
}

/// `.opencode/command/N.md`: `description`, `model`; `$ARGUMENTS`, 1-based `$N`
/// (UNCONFIRMED) [OC-AGENTS];.
pub(crate) fn opencode_command(w: &mut W<'_>) -> String {
    if w.m.name.is_some() && !w.m.name_from_path {
        let f = w.file_slug();
        w.approx(
            Slot::Name,
            format!("the command name is the file name `{f}.md`"),
        );
    }
    w.description("description", false);
    w.model("model", false);
    if w.m.activation == Activation::Manual {
        w.activation("commands run when the user invokes them");
    }
    w.pass_extras();
    let body = w.body(Syntax::Opencode);
    w.doc(&body)
}
