//! READ: one reader per tool, from a parsed [`Document`] into the neutral [`Model`]. Which key
//! means what comes from formats.md §1–5 (per-kind field tables) and §6.3.

use super::globs;
use super::model::{Activation, Extra, Model, ModelRef, Slot, ToolRef, ToolWhat, ToolsMeaning};
use super::placeholders::{self, Syntax};
use super::tables;
use super::{Loss, LossKind};
use crate::document::{Document, Node, Value};
use crate::kind::{Kind, Tool};

/// The placeholder syntax of a kind's body (formats.md §6.4).
#[must_use]
pub fn syntax_of(kind: Kind) -> Syntax {
    match kind {
        Kind::ClaudeCommand | Kind::ClaudeSkill => Syntax::Claude,
        Kind::CopilotPrompt => Syntax::Copilot,
        Kind::GeminiCommand => Syntax::Gemini,
        Kind::OpencodeCommand => Syntax::Opencode,
        _ => Syntax::Prose,
    }
}

/// The slot a top-level key of `kind` fills (formats.md §1–5).
fn slot_of(kind: Kind, key: &str) -> Slot {
    use Kind as K;
    match (kind, key) {
        (_, "description") => Slot::Description,
        (K::GeminiCommand, "prompt") | (K::CodexAgent, "developer_instructions") => Slot::Body,
        (K::CursorMdc | K::Cursorrules, "globs" | "alwaysApply") => Slot::Activation,
        (K::ClaudeRule | K::ClaudeSkill, "paths") => Slot::Activation,
        (K::CopilotScopedInstructions, "applyTo") => Slot::Activation,
        (K::WindsurfRule, "trigger" | "globs") => Slot::Activation,
        (K::KiroSteering, "inclusion" | "fileMatchPattern") => Slot::Activation,
        (K::AgentsMd | K::ClaudeMd | K::GeminiMd | K::CopilotInstructions | K::Cursorrules, _) => {
            Slot::Extra(key.to_owned())
        }
        (K::CursorMdc | K::GeminiCommand | K::WindsurfRule, _) => Slot::Extra(key.to_owned()),
        (K::ClaudeRule, _) => Slot::Extra(key.to_owned()),
        (_, "name") => Slot::Name,
        (K::ClaudeAgent, "tools") | (K::ClaudeCommand | K::ClaudeSkill, "allowed-tools") => {
            Slot::Tools
        }
        (
            K::CopilotAgent
            | K::CopilotChatmode
            | K::CopilotPrompt
            | K::OpencodeAgent
            | K::GeminiAgent,
            "tools",
        ) => Slot::Tools,
        (K::CopilotAgent, "agents") => Slot::Tools,
        (K::ClaudeAgent, "disallowedTools")
        | (K::ClaudeCommand | K::ClaudeSkill, "disallowed-tools") => Slot::Disallowed,
        (K::KiroSteering, _) => Slot::Extra(key.to_owned()),
        (_, "model") => Slot::Model,
        (_, "argument-hint") => Slot::ArgumentHint,
        (K::ClaudeCommand | K::ClaudeSkill, "arguments") => Slot::Arguments,
        (K::CursorAgent, "readonly") => Slot::Readonly,
        (K::CursorAgent, "is_background") | (K::ClaudeAgent, "background") => Slot::Background,
        (K::ClaudeAgent, "maxTurns")
        | (K::OpencodeAgent, "maxSteps")
        | (K::GeminiAgent, "max_turns") => Slot::MaxTurns,
        (K::CodexAgent, "model_reasoning_effort") => Slot::Effort,
        (K::CodexAgent, "sandbox_mode") => Slot::Readonly,
        (K::ClaudeAgent | K::ClaudeCommand | K::ClaudeSkill, "effort") => Slot::Effort,
        (K::ClaudeCommand | K::ClaudeSkill | K::CopilotAgent, "disable-model-invocation") => {
            Slot::ModelInvocation
        }
        (K::ClaudeAgent, "permissionMode") | (K::OpencodeAgent, "permission") => {
            Slot::PermissionMode
        }
        (K::ClaudeAgent | K::GeminiAgent, "mcpServers")
        | (K::CopilotAgent, "mcp-servers")
        | (K::CodexAgent, "mcp_servers") => Slot::McpServers,
        _ => Slot::Extra(key.to_owned()),
    }
}

/// Reads `doc` into the neutral model. Losses are reported for values the reader cannot
/// understand (an unknown tool name is kept as [`ToolWhat::Unknown`] and reported by the
/// writer instead).
#[must_use]
pub fn to_model(doc: &Document) -> (Model, Vec<Loss>) {
    let kind = doc.kind;
    let tool = kind.tool();
    let mut m = Model::new(kind);
    let mut losses = Vec::new();
    m.path.clone_from(&doc.path);
    let mut seen: Vec<&str> = Vec::new();
    for e in doc.entries() {
        if seen.contains(&e.key.as_str()) {
            continue;
        }
        seen.push(&e.key);
        let slot = slot_of(kind, &e.key);
        m.fields.push((e.key.clone(), slot.clone()));
        let v = doc.get(&e.key).expect("key exists");
        m.originals.push(Extra {
            key: e.key.clone(),
            value: v.clone(),
        });
        match slot {
            Slot::Name => m.name = text(v),
            Slot::Description => m.description = text(v).filter(|s| !s.trim().is_empty()),
            Slot::ArgumentHint => m.argument_hint = hint_text(v),
            Slot::Arguments => {
                m.arguments = list(v, |s| s.split_whitespace().map(str::to_owned).collect())
            }
            Slot::Model => {
                m.model = model_of(tool, v, &mut m.effort);
            }
            Slot::Readonly if kind == Kind::CodexAgent => {
                // `sandbox_mode = "read-only"` (formats.md §6.3 [CODEX-SUB]).
                m.readonly = v.as_str().map(|s| s == "read-only");
            }
            Slot::Readonly => m.readonly = v.as_bool(),
            Slot::Background => m.background = v.as_bool(),
            Slot::MaxTurns => {
                m.max_turns = match v.value {
                    Value::Int(i) => Some(i),
                    _ => None,
                }
            }
            Slot::Effort => m.effort = text(v),
            Slot::ModelInvocation => m.model_invocable = v.as_bool().map(|b| !b),
            Slot::PermissionMode if kind == Kind::OpencodeAgent => {
                read_opencode_permission(&mut m, &e.key, v);
            }
            Slot::PermissionMode => m.permission_mode = text(v),
            Slot::Tools => read_tools(&mut m, tool, kind, &e.key, v),
            Slot::McpServers => {
                let (servers, notes) = super::mcp::read(tool, v);
                m.mcp_servers = servers;
                losses.extend(notes.into_iter().map(|n| Loss {
                    field: e.key.clone(),
                    what: LossKind::Dropped,
                    message: format!("`{}`: {n}", e.key),
                }));
            }
            Slot::Disallowed => {
                m.disallowed = list(v, split_tools)
                    .iter()
                    .map(|t| tables::read_tool(tool, t))
                    .collect();
            }
            Slot::Activation | Slot::Body => {}
            Slot::Extra(_) => m.extra.push(Extra {
                key: e.key.clone(),
                value: v.clone(),
            }),
        }
    }
    if kind == Kind::CopilotAgent
        && let Some(v) = doc.get("infer").and_then(Node::as_bool)
        && m.model_invocable.is_none()
    {
        m.model_invocable = Some(v);
    }
    m.activation = activation(doc, &m);
    if kind == Kind::ClaudeSkill
        && m.model_invocable == Some(false)
        && m.activation == Activation::ModelDecides
    {
        m.activation = Activation::Manual;
    }
    // The name the tool itself uses when there is no `name` field.
    if m.name.is_none() {
        m.name = doc.path.as_deref().and_then(|p| name_from_path(p, kind));
        m.name_from_path = m.name.is_some();
    }
    // A nested instruction file applies to the files below its directory (formats.md §6.5:
    // nested `dir/AGENTS.md` ≈ `dir/**`), and is named after it.
    if let Some(dir) = nested_dir(doc) {
        m.activation = Activation::Globs(vec![format!("{}/**", glob_escape(&dir))]);
        m.fields.push((NESTED_FIELD.to_owned(), Slot::Activation));
        if m.name_from_path {
            // `svc/api/AGENTS.md` → `svc/api/AGENTS`: a `CLAUDE.md` next to it gets its own name.
            m.name = m.name.take().map(|n| format!("{dir}/{n}"));
        }
        m.nested = Some(dir);
    }
    // The body.
    let raw = crate::fmt::to_lf(doc.prompt_text());
    if !kind.is_toml() {
        m.fields.push(("body".to_owned(), Slot::Body));
    }
    m.body = placeholders::parse(&raw, syntax_of(kind), &m.arguments);
    m.raw_body = raw;
    if let Some(key) = kind.prompt_key()
        && doc.get(key).is_none()
    {
        losses.push(Loss {
            field: key.into(),
            what: LossKind::Dropped,
            message: format!("the TOML file has no `{key}`"),
        });
    }
    if kind == Kind::GeminiAgent && doc.get("kind").and_then(Node::as_str) == Some("remote") {
        // formats.md §6.3: remote agents cannot convert; the body is kept for reference.
        losses.push(Loss {
            field: "kind".into(),
            what: LossKind::Dropped,
            message: "a remote Gemini CLI agent runs elsewhere; the converted file describes it but cannot run it".into(),
        });
    }
    (m, losses)
}

fn text(v: &Node) -> Option<String> {
    v.scalar_text()
}

/// `argument-hint: [issue-number]` is a YAML list; Claude Code coerces it to a string
/// (formats.md §0 "YAML traps" [CC-CHANGELOG]).
fn hint_text(v: &Node) -> Option<String> {
    match &v.value {
        Value::Seq(items) => Some(format!(
            "[{}]",
            items
                .iter()
                .filter_map(Node::scalar_text)
                .collect::<Vec<_>>()
                .join(", ")
        )),
        _ => v.scalar_text(),
    }
}

fn list(v: &Node, split: impl Fn(&str) -> Vec<String>) -> Vec<String> {
    match &v.value {
        Value::Seq(items) => items
            .iter()
            .filter_map(Node::scalar_text)
            .flat_map(|s| split(&s))
            .collect(),
        _ => v.scalar_text().map(|s| split(&s)).unwrap_or_default(),
    }
}

/// Splits a tool string on top-level commas (or spaces when there is no comma), never inside
/// parentheses (formats.md §0 "Comma lists with nested commas" [CC-SUB], [CC-SKILLS]).
#[must_use]
pub fn split_tools(s: &str) -> Vec<String> {
    let has_comma = {
        let mut d = 0;
        s.chars().any(|c| {
            match c {
                '(' => d += 1,
                ')' => d -= 1,
                _ => {}
            }
            c == ',' && d == 0
        })
    };
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ => {}
        }
        let sep = depth == 0 && (c == ',' || (!has_comma && c.is_whitespace()));
        if sep {
            if !cur.trim().is_empty() {
                out.push(cur.trim().to_owned());
            }
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_owned());
    }
    out
}

fn read_tools(m: &mut Model, tool: Tool, kind: Kind, key: &str, v: &Node) {
    if matches!(kind, Kind::ClaudeCommand | Kind::ClaudeSkill) {
        m.tools_meaning = ToolsMeaning::PreApprove;
    }
    let mut refs: Vec<ToolRef> = m.tools.take().unwrap_or_default();
    if kind == Kind::CopilotAgent && key == "agents" {
        // Copilot `agents: [a, b]` → Claude `Agent(a, b)` (formats.md §6.3).
        let names = list(v, |s| vec![s.to_owned()]);
        let spec = (!names.is_empty() && names != ["*"]).then(|| names.join(", "));
        if let Some(a) = refs.iter_mut().find(|t| t.what.is_agent()) {
            a.specifier = spec;
        } else {
            refs.push(ToolRef {
                original: "agents".into(),
                what: ToolWhat::Caps(vec![super::model::Cap::Agent]),
                specifier: spec,
            });
        }
        m.tools = Some(refs);
        return;
    }
    if kind == Kind::OpencodeAgent {
        // `tools: {bash: false, read: true}` [OC-AGENTS]: every tool is enabled unless the map
        // turns it off (formats.md §6.3: `tools: {x: false}` → `disallowedTools`), so the
        // `true` entries are a list of allowed tools only when the map turns off the rest:
        // with a `*: false` wildcard, or with an entry for every known OpenCode tool (the
        // map agentfmt writes for a tool list).
        let entries = v.entries();
        let wildcard_off = entries
            .iter()
            .any(|e| e.key == "*" && e.value.as_bool() == Some(false));
        let every_known = tables::TOOLS
            .iter()
            .filter_map(|r| r.opencode)
            .all(|n| entries.iter().any(|e| e.key == n));
        for e in entries.iter().filter(|e| e.key != "*") {
            let t = tables::read_tool(tool, &e.key);
            match e.value.as_bool() {
                Some(false) => m.disallowed.push(t),
                _ => refs.push(t),
            }
        }
        if wildcard_off || every_known {
            m.tools = Some(refs);
        } else if !m.disallowed.is_empty()
            && let Some(f) = m.fields.iter_mut().rev().find(|(k, _)| k == key)
        {
            // Only the `false` entries carry over; report the field with them.
            f.1 = Slot::Disallowed;
        }
        return;
    }
    let entries = list(v, split_tools);
    // Copilot `["*"]` means every tool: the same as no list (formats.md §6.3).
    if entries == ["*"] {
        return;
    }
    refs.extend(entries.iter().map(|t| tables::read_tool(tool, t)));
    m.tools = Some(refs);
}

/// OpenCode `permission` [OC-AGENTS] (formats.md §6.3: `permission: {edit: deny}` →
/// `disallowedTools`). A map equal to a preset agentfmt writes for a Claude `permissionMode`
/// ([`tables::OPENCODE_PERMISSION_PRESETS`]) reads back as that mode. Otherwise each `deny`
/// entry is a denied tool (`edit` denies every editing tool: OpenCode's `edit` permission covers
/// writes and patches too) and the field is reported with the deny list; the other entries
/// (`ask`, `allow`, per-command pattern maps) go to [`Model::permission_other`].
fn read_opencode_permission(m: &mut Model, key: &str, v: &Node) {
    use super::model::Cap;
    let entries = v.entries();
    let preset = tables::OPENCODE_PERMISSION_PRESETS.iter().find(|(_, p)| {
        p.len() == entries.len()
            && p.iter().all(|(k, val)| {
                entries
                    .iter()
                    .any(|e| e.key == *k && e.value.as_str() == Some(*val))
            })
    });
    if let Some((mode, _)) = preset {
        m.permission_mode = Some((*mode).to_owned());
        return;
    }
    let mut denied = false;
    for e in entries {
        match e.value.scalar_text().as_deref() {
            Some("deny") if e.key == "edit" => {
                denied = true;
                m.disallowed.push(ToolRef {
                    original: "edit".into(),
                    what: ToolWhat::Caps(vec![Cap::Write, Cap::Edit, Cap::NotebookEdit]),
                    specifier: None,
                });
            }
            Some("deny") => {
                denied = true;
                m.disallowed.push(tables::read_tool(Tool::Opencode, &e.key));
            }
            Some(x) => m.permission_other.push(format!("`{}: {x}`", e.key)),
            None => m
                .permission_other
                .push(format!("`{}` (per-command rules)", e.key)),
        }
    }
    if denied && let Some(f) = m.fields.iter_mut().rev().find(|(k, _)| k == key) {
        f.1 = Slot::Disallowed;
    }
}

fn model_of(tool: Tool, v: &Node, effort: &mut Option<String>) -> Option<ModelRef> {
    // Copilot `model` may be a priority list: take the first (formats.md §6.3).
    let id = match &v.value {
        Value::Seq(items) => items.first().and_then(Node::scalar_text),
        _ => v.scalar_text(),
    }?;
    let id = id.trim().to_owned();
    if id.is_empty() {
        return None;
    }
    if tool == Tool::Cursor {
        // `claude-opus-4-8[effort=high,context=300k]` [CUR-SUB].
        if let Some((_, opts)) = id.split_once('[') {
            for kv in opts.trim_end_matches(']').split(',') {
                if let Some(("effort", x)) = kv.split_once('=').map(|(k, v)| (k.trim(), v.trim())) {
                    *effort = Some(x.to_owned());
                }
            }
        }
    }
    Some(ModelRef { tool, id })
}

/// `Globs(g)`, or `Manual` when `g` is empty (a glob activation that matches nothing).
fn globs_or_manual(g: Vec<String>) -> Activation {
    if g.is_empty() {
        Activation::Manual
    } else {
        Activation::Globs(g)
    }
}

fn activation(doc: &Document, m: &Model) -> Activation {
    let get = |k: &str| doc.get(k);
    let has_desc = m.description.is_some();
    let globs_of = |k: &str| get(k).map(globs::from_node).unwrap_or_default();
    match doc.kind {
        // [CUR-RULES] four rule types.
        Kind::CursorMdc => {
            let g = globs_of("globs");
            if get("alwaysApply").and_then(Node::as_bool) == Some(true) {
                Activation::Always
            } else if !g.is_empty() {
                Activation::Globs(g)
            } else if has_desc {
                Activation::ModelDecides
            } else {
                Activation::Manual
            }
        }
        // [CC-MEM] no `paths` ⇒ always loaded.
        Kind::ClaudeRule => {
            let g = globs_of("paths");
            if g.is_empty() {
                Activation::Always
            } else {
                Activation::Globs(g)
            }
        }
        Kind::ClaudeSkill => {
            let g = globs_of("paths");
            if g.is_empty() {
                Activation::ModelDecides
            } else {
                Activation::Globs(g)
            }
        }
        // [VSC-INSTR] absent `applyTo` ⇒ not applied automatically; `**` = all files.
        Kind::CopilotScopedInstructions => {
            let g = globs_of("applyTo");
            if g == ["**"] {
                Activation::Always
            } else if !g.is_empty() {
                Activation::Globs(g)
            } else if has_desc {
                Activation::ModelDecides
            } else {
                Activation::Manual
            }
        }
        // [WS] `trigger`.
        Kind::WindsurfRule => match get("trigger").and_then(Node::as_str) {
            // A glob trigger without a pattern matches no file: only a mention loads it.
            Some("glob") => globs_or_manual(globs_of("globs")),
            Some("model_decision") => Activation::ModelDecides,
            Some("manual") => Activation::Manual,
            _ => Activation::Always,
        },
        // [KIRO] `inclusion` (default `always`).
        Kind::KiroSteering => match get("inclusion").and_then(Node::as_str) {
            Some("fileMatch") => globs_or_manual(globs_of("fileMatchPattern")),
            Some("auto") => Activation::ModelDecides,
            Some("manual") => Activation::Manual,
            _ => Activation::Always,
        },
        Kind::ClaudeCommand
        | Kind::CopilotPrompt
        | Kind::CursorCommand
        | Kind::GeminiCommand
        | Kind::OpencodeCommand => Activation::Manual,
        Kind::ClaudeAgent
        | Kind::CursorAgent
        | Kind::CopilotAgent
        | Kind::CopilotChatmode
        | Kind::OpencodeAgent
        | Kind::GeminiAgent
        | Kind::CodexAgent => Activation::ModelDecides,
        Kind::ClaudeMd
        | Kind::AgentsMd
        | Kind::GeminiMd
        | Kind::Cursorrules
        | Kind::CopilotInstructions => Activation::Always,
    }
}

/// The pseudo-field that stands for a nested instruction file's directory in the
/// `kept` / `translated` / `dropped` lists and the loss report.
pub const NESTED_FIELD: &str = "directory";

/// Whether a `kind` file may sit in any directory of the project and then applies to the
/// files below it: `AGENTS.md` [AGENTSMD] [CODEX-AGENTSMD], `CLAUDE.md` ("nested below cwd …
/// load lazily" [CC-MEM]) and `GEMINI.md` ("also sub-dirs below cwd" [GEM-MD]).
#[must_use]
pub fn nests(kind: Kind) -> bool {
    matches!(kind, Kind::AgentsMd | Kind::ClaudeMd | Kind::GeminiMd)
}

/// The sub-directory a nested instruction file sits in: for a document of a kind that
/// [`nests`], the directory of its logical path taken relative to the project root
/// (`packages/web` for `packages/web/AGENTS.md`), `/`-separated, without `./`. `None` for a
/// file at the root (`.claude/CLAUDE.md` is the root's [CC-MEM]), without a path, or whose
/// path is absolute or has `.`, `..` or empty components: such a file is read as one at the
/// root, so that an output path built from the directory never leaves the project.
#[must_use]
pub fn nested_dir(doc: &Document) -> Option<String> {
    if !nests(doc.kind) {
        return None;
    }
    let path = doc.path.as_deref()?.replace('\\', "/");
    let path = path.trim_start_matches("./");
    let (dir, _) = path.rsplit_once('/')?;
    let dir = if doc.kind == Kind::ClaudeMd {
        dir.strip_suffix(".claude")
            .map_or(dir, |d| d.strip_suffix('/').unwrap_or(d))
    } else {
        dir
    };
    plain_dir(dir).then(|| dir.to_owned())
}

/// Whether `dir` is a relative directory an output path may be built from: `/`-separated
/// components, none empty, `.`, `..` or holding a control character, and no `:` (`C:` starts
/// a Windows absolute path).
fn plain_dir(dir: &str) -> bool {
    !dir.contains(':')
        && dir
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != ".." && !c.chars().any(char::is_control))
}

/// The directory a rule applies to when its only glob is `<dir>/**`, `dir` being a plain
/// relative directory (the escapes of [`glob_escape`] undone; no other glob syntax; no `.`,
/// `..` or empty components): formats.md §6.5 "nested `dir/AGENTS.md` ≈ `dir/**`", read the
/// other way. `None` for any other activation.
#[must_use]
pub fn glob_dir(activation: &Activation) -> Option<String> {
    let Activation::Globs(g) = activation else {
        return None;
    };
    let [one] = g.as_slice() else {
        return None;
    };
    let escaped = one.strip_suffix("/**")?;
    let mut dir = String::with_capacity(escaped.len());
    let mut chars = escaped.chars();
    while let Some(c) = chars.next() {
        match c {
            '[' => {
                // `[x]` is the literal `x` when x is one of `*?[{`.
                let x = chars.next()?;
                if !matches!(x, '*' | '?' | '[' | '{') || chars.next() != Some(']') {
                    return None;
                }
                dir.push(x);
            }
            '*' | '?' | '{' | '\\' => return None,
            c => dir.push(c),
        }
    }
    plain_dir(&dir).then_some(dir)
}

/// `dir` as a glob that matches it literally: each of `*?[{` in a class of its own (`[[]`),
/// which glob engines read as the character itself (`]` and `}` alone are literal).
fn glob_escape(dir: &str) -> String {
    let mut out = String::with_capacity(dir.len());
    for c in dir.chars() {
        if matches!(c, '*' | '?' | '[' | '{') {
            out.push('[');
            out.push(c);
            out.push(']');
        } else {
            out.push(c);
        }
    }
    out
}

/// The name a tool derives from the path: the skill directory for `SKILL.md`, else the file
/// stem without its kind suffix (`x.agent.md` → `x`).
#[must_use]
pub fn name_from_path(path: &str, kind: Kind) -> Option<String> {
    let norm = path.replace('\\', "/");
    let mut parts = norm.rsplit('/').filter(|p| !p.is_empty());
    let file = parts.next()?;
    if kind == Kind::ClaudeSkill && file.eq_ignore_ascii_case("SKILL.md") {
        return parts.next().map(str::to_owned);
    }
    let lower = file.to_ascii_lowercase();
    for suffix in [
        ".instructions.md",
        ".prompt.md",
        ".agent.md",
        ".chatmode.md",
        ".mdc",
        ".md",
        ".toml",
        ".txt",
    ] {
        if lower.ends_with(suffix) {
            return Some(file[..file.len() - suffix.len()].to_owned()).filter(|s| !s.is_empty());
        }
    }
    Some(file.to_owned())
}
