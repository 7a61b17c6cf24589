//! Writers for AGENTS.md-style plain files, Gemini CLI commands and subagents, Codex custom
//! agents, OpenCode, Windsurf and Kiro (formats.md §4, §5, §6.2, §6.4, §6.5).

use super::W;
use crate::convert::emit::{self, Y};
use crate::convert::globs;
use crate::convert::model::{Activation, Cap, Slot, ToolWhat, ToolsMeaning};
use crate::convert::placeholders::Syntax;
use crate::convert::tables;
use crate::kind::Kind;

/// Plain markdown without front matter: `AGENTS.md`, `CLAUDE.md`, `GEMINI.md`, `.cursorrules`,
/// `.github/copilot-instructions.md`. These are always loaded, so any other activation is
/// stated in words before the body [AGENTSMD], [CC-MEM], [GEM-MD], [GH-REPO-INSTR].
pub(super) fn plain(w: &mut W<'_>) -> String {
    let mut body = w.body(Syntax::Prose);
    if let (Some(dir), true) = (w.m.nested.clone(), w.nested_here()) {
        if super::super::read::nests(w.m.source) {
            // Written in the same directory, where the target tool reads it for the same files.
            w.kept(Slot::Activation);
        } else {
            // A rule for `dir/**` (formats.md §6.5: nested `dir/AGENTS.md` ≈ `dir/**`).
            let file = super::path_for(w.kind, w.tool, "");
            w.approx(
                Slot::Activation,
                format!("written as `{dir}/{file}`, which applies to the files below `{dir}/`"),
            );
        }
        return w.doc(&body);
    }
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
    let same = w.same_tool();
    if same {
        // An OpenCode agent's `tools` and `permission` maps are copied as they are: the model
        // holds only what other tools can use of them.
        for key in ["tools", "permission"] {
            if let Some(o) = w.m.originals.iter().find(|o| o.key == key) {
                let v = Y::from_node(&o.value);
                w.set(key, v);
                w.by_key
                    .insert(key.to_owned(), super::Outcome::Exact(key.to_owned()));
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
/// denied ones (formats.md §6.2). Not used within OpenCode, where the source's map is copied.
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
            let names = tables::opencode_names(t);
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
        let names = tables::opencode_names(t);
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

/// The most characters the `description`, and the `globs` together, take in a Windsurf rule:
/// a third each of the 12,000 characters Windsurf reads per rule file [WS].
const WINDSURF_FIELD_MAX: usize = 4_000;

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
    // The whole file counts against Windsurf's 12,000 characters [WS]; `fit_limits` cuts the
    // body, so a description that alone would fill a third of that is cut here.
    if let Some((_, Y::Str(d))) = w.fm.iter_mut().find(|(k, _)| k == "description")
        && d.chars().count() > WINDSURF_FIELD_MAX
    {
        let cut: String = d.chars().take(WINDSURF_FIELD_MAX - 1).collect();
        *d = format!("{}…", cut.trim_end());
        w.approx(
            Slot::Description,
            format!("cut to {WINDSURF_FIELD_MAX} characters (Windsurf reads at most 12,000 per rule file) [WS]"),
        );
    }
    if let Activation::Globs(g) = &act {
        // Likewise the globs: as many as fit in another third, at least one.
        let mut kept: Vec<String> = Vec::new();
        let mut used = 0;
        for p in g {
            let n = p.chars().count() + 4;
            if !kept.is_empty() && used + n > WINDSURF_FIELD_MAX {
                break;
            }
            used += n;
            kept.push(p.chars().take(WINDSURF_FIELD_MAX).collect());
        }
        if kept.len() < g.len() || kept.first() != g.first() {
            w.losses.push(crate::convert::Loss {
                field: "globs".into(),
                what: crate::convert::LossKind::Approximated("cut".into()),
                message: format!(
                    "`globs` cut to {} of {} patterns within {WINDSURF_FIELD_MAX} characters (Windsurf reads at most 12,000 per rule file) [WS]",
                    kept.len(),
                    g.len()
                ),
            });
        }
        w.set("globs", Y::strs(kept));
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
        if let [one] = g.as_slice() {
            w.activation(&format!(
                "`inclusion: fileMatch`, `fileMatchPattern: {one}`"
            ));
        } else {
            // Several patterns, or none (a Windsurf `trigger: glob` without `globs`).
            w.approx(
                Slot::Activation,
                format!("`inclusion: fileMatch` with `fileMatchPattern: {}`; Kiro documents one pattern, so several may not match", globs::join(g)),
            );
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

/// The tools a read-only agent may not use (Cursor `readonly: true`, Codex
/// `sandbox_mode = "read-only"`; formats.md §6.3).
const MUTATING: [Cap; 3] = [Cap::Write, Cap::Edit, Cap::NotebookEdit];

/// `.gemini/agents/N.md`: `name`, `description` (both required), `tools` list, `model`,
/// `max_turns` [GEM-SUB]; formats.md §6.2 Gemini column.
pub(super) fn gemini_agent(w: &mut W<'_>) -> String {
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

/// Gemini CLI subagents have an allowlist only (formats.md §6.2): denied tools are taken out
/// of the list, and a deny list alone (or a read-only agent) becomes an explicit list of every
/// known Gemini CLI tool except the denied ones.
fn gemini_tools(w: &mut W<'_>) {
    let readonly = w.m.readonly == Some(true);
    let (mut denied, unmapped) = w.denied(tables::gemini_names);
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
        w.tools("tools", tables::gemini_names, None, restrict);
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

/// `.codex/agents/N.toml`: `name`, `description`, `developer_instructions` (all required),
/// `model`, `model_reasoning_effort`, `sandbox_mode` [CODEX-SUB]; formats.md §6.2 Codex column.
/// Other keys of a Codex source are passed through as inline TOML values.
pub(super) fn codex_agent(w: &mut W<'_>) -> String {
    let same = w.same_tool();
    // Codex documents no charset for `name` (the `agent_type`): an identifier-like name is
    // kept as it is, anything else (spaces, punctuation) becomes a slug.
    let plain = w.m.name.as_deref().is_some_and(|n| {
        !n.is_empty()
            && n.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
    });
    w.name("name", !plain, true);
    w.description("description", true);
    w.model("model", false);
    if let Some(e) = w.m.effort.clone() {
        // formats.md §6.2: `max` → `xhigh`.
        let v = if e == "max" {
            "xhigh".to_owned()
        } else {
            e.clone()
        };
        if v == e {
            w.exact(Slot::Effort, "model_reasoning_effort");
        } else {
            w.approx(Slot::Effort, format!("`model_reasoning_effort = \"{v}\"`"));
        }
        w.set("model_reasoning_effort", Y::Str(v));
    }
    let sandbox_original =
        w.m.originals
            .iter()
            .find(|o| o.key == "sandbox_mode")
            .and_then(|o| o.value.as_str().map(str::to_owned));
    match (same, sandbox_original) {
        (true, Some(v)) => {
            w.set("sandbox_mode", Y::Str(v));
            w.exact(Slot::Readonly, "sandbox_mode");
        }
        _ => {
            let plan = w.m.permission_mode.as_deref() == Some("plan");
            if w.m.readonly == Some(true) {
                w.approx(Slot::Readonly, "`sandbox_mode = \"read-only\"`");
            } else if w.m.readonly == Some(false) {
                w.approx(Slot::Readonly, "omitted: the session's sandbox applies");
            }
            if plan {
                w.approx(
                    Slot::PermissionMode,
                    "`sandbox_mode = \"read-only\"` (value set UNCONFIRMED)",
                );
            } else if let Some(p) = w.m.permission_mode.clone() {
                w.drop_(
                    Slot::PermissionMode,
                    format!("`{p}` has no Codex agent equivalent"),
                );
            }
            if w.m.readonly == Some(true) || plan {
                w.set("sandbox_mode", Y::s("read-only"));
            }
        }
    }
    if w.m.tools.is_some() {
        w.drop_(
            Slot::Tools,
            "Codex custom agents have no per-agent tool list",
        );
    }
    if !w.m.disallowed.is_empty() {
        w.drop_(
            Slot::Disallowed,
            "Codex custom agents have no per-agent tool list",
        );
    }
    w.mcp_servers("mcp_servers");
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    if w.m.source == Kind::CodexAgent
        || matches!(w.out_of(&Slot::Body), Some(super::Outcome::Exact(_)))
    {
        w.exact(Slot::Body, "developer_instructions");
    }
    let mut out = String::new();
    let mut tables = String::new();
    let fm = std::mem::take(&mut w.fm);
    for (k, v) in &fm {
        // A map of maps (`mcp_servers`) is written as one `[key.name]` table per entry after
        // the other keys, the way Codex documents `config.toml` [CODEX-SUB].
        if let Some(t) = sub_tables(k, v) {
            tables.push_str(&t);
            continue;
        }
        match emit::toml_value(v) {
            Some(t) => out.push_str(&format!("{} = {t}\n", emit::toml_key(k))),
            None => w.losses.push(crate::convert::Loss {
                field: k.clone(),
                what: crate::convert::LossKind::Dropped,
                message: format!("`{k}` dropped: TOML has no null value"),
            }),
        }
    }
    w.fm = fm;
    out.push_str(&format!(
        "developer_instructions = {}\n",
        emit::toml_multiline(&body)
    ));
    out.push_str(&tables);
    out
}

/// `v` as `[k.name]` tables, one per entry, when `v` is a non-empty map whose values are all
/// maps that TOML can hold (no null inside); else `None`.
fn sub_tables(k: &str, v: &Y) -> Option<String> {
    let Y::Map(entries) = v else {
        return None;
    };
    if entries.is_empty() {
        return None;
    }
    let mut out = String::new();
    for (name, inner) in entries {
        let Y::Map(fields) = inner else {
            return None;
        };
        out.push_str(&format!(
            "\n[{}.{}]\n",
            emit::toml_key(k),
            emit::toml_key(name)
        ));
        for (f, x) in fields {
            out.push_str(&format!(
                "{} = {}\n",
                emit::toml_key(f),
                emit::toml_value(x)?
            ));
        }
    }
    Some(out)
}
