//! Writers for AGENTS.md-style plain files, Gemini CLI commands, OpenCode, Windsurf and Kiro
//! (formats.md §4, §5, §6.4, §6.5).

use super::W;
use crate::convert::emit::{self, Y};
use crate::convert::globs;
use crate::convert::model::{Activation, Cap, Slot, ToolWhat};
use crate::convert::placeholders::Syntax;
use crate::convert::tables;
use crate::kind::Kind;

/// Plain markdown without front matter: `AGENTS.md`, `CLAUDE.md`, `GEMINI.md`, `.cursorrules`,
/// `.github/copilot-instructions.md`. These are always loaded, so any other activation is
/// stated in words before the body [AGENTSMD], [CC-MEM], [GEM-MD], [GH-REPO-INSTR].
pub(super) fn plain(w: &mut W<'_>) -> String {
    let mut body = w.body(Syntax::Prose);
    let words = tables::activation_words(&w.m.activation, w.m.description.as_deref());
    match (&words, &w.m.activation) {
        (None, _) => w.activation("always loaded"),
        (Some(s), Activation::ModelDecides) if w.m.description.is_some() => {
            w.approx(Slot::Activation, format!("stated in words: \"{s}\""));
            w.approx(Slot::Description, "stated in words with the activation");
        }
        (Some(s), _) => w.approx(Slot::Activation, format!("stated in words: \"{s}\"")),
    }
    if let Some(s) = words {
        body = format!("{s}\n\n{}", body.trim_start_matches('\n'));
        if matches!(
            w.out_of(&Slot::Body),
            Some(super::Outcome::Exact(_) | super::Outcome::Kept) | None
        ) {
            w.approx(
                Slot::Body,
                "an activation sentence is added before the body",
            );
        }
    }
    w.doc(&body)
}

/// `.gemini/commands/N.toml`: `description` and `prompt` [GEM-CMDS]; formats.md §6.4 Gemini
/// column.
pub(super) fn gemini_command(w: &mut W<'_>) -> String {
    let mut out = String::new();
    let mut desc = w.m.description.clone();
    if desc.is_some() {
        w.exact(Slot::Description, "description");
    }
    if let Some(h) = &w.m.argument_hint {
        // formats.md §6.4: `argument-hint` ✗ (put in description).
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
    } else if matches!(w.out_of(&Slot::Body), Some(super::Outcome::Exact(_))) {
        w.exact(Slot::Body, "prompt");
    }
    out.push_str(&format!("prompt = {}\n", emit::toml_multiline(&body)));
    out
}

/// OpenCode permission presets for Claude `permissionMode` (formats.md §6.2 OpenCode column).
fn permission(mode: &str) -> Option<Vec<(String, Y)>> {
    let p = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Y::s(*v)))
            .collect()
    };
    Some(match mode {
        "plan" => p(&[("edit", "deny"), ("bash", "ask")]),
        "acceptEdits" => p(&[("edit", "allow")]),
        "bypassPermissions" => p(&[("edit", "allow"), ("bash", "allow"), ("webfetch", "allow")]),
        "default" | "manual" => p(&[("edit", "ask"), ("bash", "ask")]),
        _ => return None,
    })
}

/// `.opencode/agent/N.md` [OC-AGENTS]; formats.md §6.2 OpenCode column.
pub(super) fn opencode_agent(w: &mut W<'_>) -> String {
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
    if w.m.tools.is_some() || !w.m.disallowed.is_empty() || w.m.readonly == Some(true) {
        tools_map(w);
    }
    if let Some(n) = w.m.max_turns {
        w.set("maxSteps", Y::Int(n));
        w.exact(Slot::MaxTurns, "maxSteps");
    }
    if let Some(mode) = w.m.permission_mode.clone() {
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
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}

/// `tools: {tool: true}` for listed tools and `false` for the other known tools, `false` for
/// denied ones (formats.md §6.2).
fn tools_map(w: &mut W<'_>) {
    let mut map: Vec<(String, Y)> = Vec::new();
    let put = |map: &mut Vec<(String, Y)>, k: String, v: bool| {
        if !map.iter().any(|(x, _)| *x == k) {
            map.push((k, Y::Bool(v)));
        }
    };
    let same = w.same_tool();
    // Names OpenCode itself wrote are kept as they are; others map through formats.md §6.1.
    let names_of = |t: &crate::convert::model::ToolRef| {
        if same {
            vec![t.original.clone()]
        } else {
            tables::opencode_names(t)
        }
    };
    let mut unknown = Vec::new();
    if let Some(tools) = &w.m.tools {
        for t in tools {
            let names = names_of(t);
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
        let names = names_of(t);
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
    if same {
        // An OpenCode `tools` map read back as it was written.
        w.exact(Slot::Tools, "tools");
    } else if w.m.tools.is_some() {
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
/// (UNCONFIRMED) [OC-AGENTS]; formats.md §6.4.
pub(super) fn opencode_command(w: &mut W<'_>) -> String {
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

/// `.windsurf/rules/N.md`: `trigger`, `description`, `globs` list (UNCONFIRMED shape) [WS].
pub(super) fn windsurf(w: &mut W<'_>) -> String {
    let act = w.m.activation.clone();
    let trigger = match &act {
        Activation::Always => "always_on",
        Activation::Globs(_) => "glob",
        Activation::ModelDecides => "model_decision",
        Activation::Manual => "manual",
    };
    w.set("trigger", Y::s(trigger));
    w.description("description", act == Activation::ModelDecides);
    if let Activation::Globs(g) = &act {
        w.set("globs", Y::strs(g.clone()));
    }
    w.activation(&format!("`trigger: {trigger}`"));
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    if body.chars().count() > 12_000 {
        w.losses.push(crate::convert::Loss {
            field: "body".into(),
            what: crate::convert::LossKind::Approximated("over the limit".into()),
            message: "Windsurf reads at most 12,000 characters per rule file [WS]".into(),
        });
    }
    w.doc(&body)
}

/// `.kiro/steering/N.md`: `inclusion`, one `fileMatchPattern` string, `name`/`description`
/// for `auto` [KIRO].
pub(super) fn kiro(w: &mut W<'_>) -> String {
    let act = w.m.activation.clone();
    let inclusion = match &act {
        Activation::Always => "always",
        Activation::Globs(_) => "fileMatch",
        Activation::ModelDecides => "auto",
        Activation::Manual => "manual",
    };
    w.set("inclusion", Y::s(inclusion));
    if let Activation::Globs(g) = &act {
        w.set("fileMatchPattern", Y::s(globs::join(g)));
        if g.len() > 1 {
            w.approx(
                Slot::Activation,
                format!("`inclusion: fileMatch` with `fileMatchPattern: {}`; Kiro documents one pattern, so several may not match", globs::join(g)),
            );
        } else {
            w.activation(&format!(
                "`inclusion: fileMatch`, `fileMatchPattern: {}`",
                globs::join(g)
            ));
        }
    } else {
        w.activation(&format!("`inclusion: {inclusion}`"));
    }
    if act == Activation::ModelDecides {
        w.name("name", false, false);
        w.description("description", true);
    } else if w.same_tool() {
        w.name("name", false, false);
        w.description("description", false);
    }
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}
