//! Claude Code writers: subagent, slash command, skill (also the Agent Skill written for
//! Cursor, Copilot and Codex), rule (–6.5).

use crate::convert::emit::Y;
use crate::convert::model::{Activation, Arg, Piece, Slot, ToolsMeaning};
use crate::convert::placeholders::Syntax;
use crate::convert::write::W;
use crate::convert::{Loss, LossKind};
use crate::tools::{Kind, Tool};

/// Disallowed tools for a Cursor `readonly: true` agent ([CUR-SUB]).
const READONLY_DENY: &str = "Write, Edit, NotebookEdit";

fn disallowed(w: &mut W<'_>, key: &str) {
    if !w.m.disallowed.is_empty() {
        // OpenCode `tools: {edit: false}` and `permission: {edit: deny}` both deny `Edit`.
        let (names, unknown) = w.denied(super::names::write);
        if names.is_empty() {
            w.drop_(Slot::Disallowed, "no entry maps to a Claude tool");
            return;
        }
        if w.same_tool() && unknown.is_empty() {
            w.exact(Slot::Disallowed, key);
        } else if unknown.is_empty() {
            w.approx(Slot::Disallowed, format!("`{key}: {}`", names.join(", ")));
        } else {
            w.approx(
                Slot::Disallowed,
                format!(
                    "`{key}: {}`; no Claude tool for `{}`",
                    names.join(", "),
                    unknown.join(", ")
                ),
            );
        }
        w.set(key, Y::Str(names.join(", ")));
    }
}

/// `.claude/agents/N.md` [CC-SUB].
pub(crate) fn agent(w: &mut W<'_>) -> String {
    w.name("name", true, true);
    w.description("description", true);
    let meaning = w.m.tools_meaning == ToolsMeaning::Restrict;
    w.tools("tools", super::names::write, Some(", "), meaning);
    disallowed(w, "disallowedTools");
    if w.m.readonly == Some(true) && w.m.disallowed.is_empty() {
        w.set("disallowedTools", Y::s(READONLY_DENY));
        w.approx(
            Slot::Readonly,
            format!("`disallowedTools: {READONLY_DENY}` (Claude cannot express read-only shell)"),
        );
    } else if w.m.readonly == Some(false) {
        w.approx(Slot::Readonly, "omitted: not read-only is the default");
    }
    w.model("model", true);
    if let Some(e) = w.m.effort.clone() {
        w.set("effort", Y::s(e));
        w.exact(Slot::Effort, "effort");
    }
    if let Some(n) = w.m.max_turns {
        w.set("maxTurns", Y::Int(n));
        w.exact(Slot::MaxTurns, "maxTurns");
    }
    if let Some(b) = w.m.background {
        w.set("background", Y::Bool(b));
        w.exact(Slot::Background, "background");
    }
    if let Some(p) = w.m.permission_mode.clone() {
        if w.m.source == Kind::OpencodeAgent {
            w.approx(
                Slot::PermissionMode,
                format!("`permissionMode: {p}` (the `permission` map is the one written for it)"),
            );
        } else {
            w.exact(Slot::PermissionMode, "permissionMode");
        }
        w.set("permissionMode", Y::s(p));
    }
    w.mcp_servers("mcpServers");
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}

/// Whether `tool` reads `key` in an Agent Skill ([`crate::tools::ToolSpec::skill_keys`]).
fn skill_allows(tool: Tool, key: &str) -> bool {
    let keys = tool.spec().skill_keys;
    keys.is_empty() || keys.contains(&key)
}

/// `.claude/commands/N.md` and `<skills>/N/SKILL.md` [CC-SKILLS], [CC-SLASH-2026-01].
pub(crate) fn command_or_skill(w: &mut W<'_>) -> String {
    let skill = w.kind == Kind::ClaudeSkill;
    let tool = w.tool;
    let ok = |k: &str| !skill || skill_allows(tool, k);
    if skill {
        w.name("name", true, true);
        w.description("description", true);
    } else {
        // `name` is ignored in command files: the file name is the command name [CC-SKILLS].
        if w.m.name.is_some() && !w.m.name_from_path {
            let f = w.file_slug();
            w.approx(
                Slot::Name,
                format!("the command name is the file name `{f}.md`"),
            );
        }
        w.description("description", false);
    }
    if let Some(h) = w.m.argument_hint.clone().filter(|_| ok("argument-hint")) {
        w.set("argument-hint", Y::Str(h));
        w.exact(Slot::ArgumentHint, "argument-hint");
    }
    if ok("allowed-tools") {
        let meaning = w.m.tools_meaning == ToolsMeaning::PreApprove;
        // The Agent Skills spec writes `allowed-tools` space-separated [AS-SPEC].
        let sep = if tool == Tool::Claude { ", " } else { " " };
        w.tools("allowed-tools", super::names::write, Some(sep), meaning);
    }
    if ok("disallowed-tools") {
        disallowed(w, "disallowed-tools");
    }
    if ok("model") {
        w.model("model", true);
    }
    if let Some(e) = w.m.effort.clone().filter(|_| ok("effort")) {
        w.set("effort", Y::s(e));
        w.exact(Slot::Effort, "effort");
    }
    if !w.m.arguments.is_empty() && ok("arguments") {
        w.set("arguments", Y::strs(w.m.arguments.clone()));
        w.exact(Slot::Arguments, "arguments");
    } else if ok("arguments") {
        // Named placeholders from other tools (`${input:name}`) need `arguments:` [CC-SKILLS].
        let mut names: Vec<String> = Vec::new();
        for p in &w.m.body {
            if let Piece::Arg(Arg::Named(n)) = p {
                let base = n.split(':').next().unwrap_or(n).to_owned();
                if !names.contains(&base) {
                    names.push(base);
                }
            }
        }
        if !names.is_empty() {
            let shown = names.join(" ");
            w.set("arguments", Y::strs(names));
            w.synth("arguments", &shown, "the body uses named arguments");
        }
    }
    match (&w.m.activation, skill) {
        (Activation::Globs(g), true) if ok("paths") => {
            w.set("paths", Y::strs(g.clone()));
            w.activation(&format!("`paths: [{}]`", g.join(", ")));
        }
        (Activation::Manual, true)
            if ok("disable-model-invocation") && w.m.model_invocable.is_none() =>
        {
            w.set("disable-model-invocation", Y::Bool(true));
            w.activation("`disable-model-invocation: true` (only the user invokes it)");
        }
        (Activation::ModelDecides, true) => {
            w.activation("the skill is loaded when its description matches")
        }
        (Activation::Manual, false) => w.activation("a command runs when the user invokes it"),
        _ => {}
    }
    if let Some(mi) =
        w.m.model_invocable
            .filter(|_| ok("disable-model-invocation"))
    {
        w.set("disable-model-invocation", Y::Bool(!mi));
        w.exact(Slot::ModelInvocation, "disable-model-invocation");
    }
    if tool == Tool::Claude {
        w.pass_extras();
    } else if w.m.source.tool() == Tool::Claude {
        for e in &w.m.extra {
            if skill_allows(tool, &e.key) {
                w.fm.push((e.key.clone(), Y::from_node(&e.value)));
                w.exact(Slot::Extra(e.key.clone()), &e.key);
            }
        }
    }
    let body = w.body(Syntax::Claude);
    if skill && tool != Tool::Claude && w.m.body.iter().any(|p| !matches!(p, Piece::Text(_))) {
        w.losses.push(Loss {
            field: "body".into(),
            what: LossKind::Approximated("Claude Code placeholders".into()),
            message: "placeholders (`$ARGUMENTS`, `!`cmd``, `@file`) are Claude Code syntax; substitution in this tool's skills is not documented".into(),
        });
    }
    if tool == Tool::Codex && w.m.source != Kind::ClaudeSkill {
        w.losses.push(Loss {
            field: "file".into(),
            what: LossKind::Approximated("Agent Skill".into()),
            message: "Codex custom prompts were removed in codex-cli 0.117.0 [CODEX-DEPR]; written as an Agent Skill under `.agents/skills/`".into(),
        });
    }
    w.doc(&body)
}

/// `.claude/rules/N.md`: only `paths` [CC-MEM].
pub(crate) fn rule(w: &mut W<'_>) -> String {
    match w.m.activation.clone() {
        Activation::Globs(g) => {
            w.set("paths", Y::strs(g.clone()));
            w.activation(&format!("`paths: [{}]`", g.join(", ")));
        }
        Activation::Always => w.activation("no `paths`: always loaded"),
        Activation::ModelDecides => w.drop_(
            Slot::Activation,
            "Claude rules cannot be chosen by the model; a skill can (`--to claude` writes one)",
        ),
        Activation::Manual => w.drop_(
            Slot::Activation,
            "Claude rules cannot be manual; a skill with `disable-model-invocation: true` can",
        ),
    }
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}
