//! READ: from a parsed [`Document`] into the neutral [`Model`]. Which key means what is the
//! kind's tool module's (`crate::tools::<tool>::read`); this module reads the values.

use super::globs;
use super::model::{Activation, Extra, Model, ModelRef, Slot, ToolRef};
use super::placeholders::{self, Syntax};
use super::tables;
use super::{Loss, LossKind};
use crate::document::{Document, Node, Value};
use crate::tools::{Kind, Role, Tool};

/// The placeholder syntax of a kind's body.
#[must_use]
pub fn syntax_of(kind: Kind) -> Syntax {
    kind.placeholders()
}

/// The slot a top-level key of `kind` fills: `description` for every kind, else what the
/// kind's tool module says.
fn slot_of(kind: Kind, key: &str) -> Slot {
    if key == "description" {
        return Slot::Description;
    }
    crate::tools::dispatch::slot(kind, key)
}

/// The slot of a key every kind with common fields reads the same way: `name`, `model`,
/// `argument-hint`; any other key is kept as an extra field.
pub(crate) fn common_slot(key: &str) -> Slot {
    match key {
        "name" => Slot::Name,
        "model" => Slot::Model,
        "argument-hint" => Slot::ArgumentHint,
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
        if crate::tools::dispatch::value(&mut m, kind, &e.key, &slot, v) {
            continue;
        }
        match slot {
            Slot::Name => m.name = text(v),
            Slot::Description => m.description = text(v).filter(|s| !s.trim().is_empty()),
            Slot::ArgumentHint => m.argument_hint = hint_text(v),
            Slot::Arguments => {
                m.arguments = list(v, |s| s.split_whitespace().map(str::to_owned).collect())
            }
            Slot::Model => m.model = model_of(tool, v),
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
            Slot::PermissionMode => m.permission_mode = text(v),
            Slot::Tools => read_tools(&mut m, tool, v),
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
    m.activation = activation(doc, &m);
    crate::tools::dispatch::finish(doc, &mut m, &mut losses);
    // The name the tool itself uses when there is no `name` field.
    if m.name.is_none() {
        m.name = doc.path.as_deref().and_then(|p| name_from_path(p, kind));
        m.name_from_path = m.name.is_some();
    }
    // A nested instruction file applies to the files below its directory (:
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
    (m, losses)
}

fn text(v: &Node) -> Option<String> {
    v.scalar_text()
}

/// `argument-hint: [issue-number]` is a YAML list; Claude Code coerces it to a string
/// ([CC-CHANGELOG]).
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

pub(crate) fn list(v: &Node, split: impl Fn(&str) -> Vec<String>) -> Vec<String> {
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
/// parentheses ([CC-SUB], [CC-SKILLS]).
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

fn read_tools(m: &mut Model, tool: Tool, v: &Node) {
    let mut refs: Vec<ToolRef> = m.tools.take().unwrap_or_default();
    let entries = list(v, split_tools);
    // Copilot `["*"]` means every tool: the same as no list .
    if entries == ["*"] {
        return;
    }
    refs.extend(entries.iter().map(|t| tables::read_tool(tool, t)));
    m.tools = Some(refs);
}

/// A model reference in `tool`'s vocabulary; a Copilot priority list gives its first entry
/// . `None` for an empty value.
pub(crate) fn model_of(tool: Tool, v: &Node) -> Option<ModelRef> {
    // Copilot `model` may be a priority list: take the first .
    let id = match &v.value {
        Value::Seq(items) => items.first().and_then(Node::scalar_text),
        _ => v.scalar_text(),
    }?;
    let id = id.trim().to_owned();
    if id.is_empty() {
        return None;
    }
    Some(ModelRef { tool, id })
}

/// `Globs(g)`, or `Manual` when `g` is empty (a glob activation that matches nothing).
pub(crate) fn globs_or_manual(g: Vec<String>) -> Activation {
    if g.is_empty() {
        Activation::Manual
    } else {
        Activation::Globs(g)
    }
}

/// When a rule scoped by the glob list `key` (`paths`) applies: always without the key, on
/// the files its patterns match with it; an empty list never matches, the closest neutral
/// meaning of which is a rule the user invokes ([`globs_or_manual`]).
pub(crate) fn paths_activation(doc: &Document, key: &str) -> Activation {
    if doc.get(key).is_some() {
        globs_or_manual(globs_of(doc, key))
    } else {
        Activation::Always
    }
}

/// The glob patterns of front-matter key `key` of `doc` (none when it is absent).
pub(crate) fn globs_of(doc: &Document, key: &str) -> Vec<String> {
    doc.get(key).map(globs::from_node).unwrap_or_default()
}

/// When `doc` applies: what its kind says, else the default of its role (a command runs when
/// the user runs it, an agent or skill when the model picks it, a rule or instruction file
/// always).
fn activation(doc: &Document, m: &Model) -> Activation {
    crate::tools::dispatch::activation(doc, m.description.is_some()).unwrap_or(
        match doc.kind.role() {
            Role::Command => Activation::Manual,
            Role::Agent | Role::Skill => Activation::ModelDecides,
            Role::Rule | Role::Memory => Activation::Always,
        },
    )
}

/// The pseudo-field that stands for a nested instruction file's directory in the
/// `kept` / `translated` / `dropped` lists and the loss report.
pub const NESTED_FIELD: &str = "directory";

/// Whether a `kind` file may sit in any directory of the project and then applies to the
/// files below it: `AGENTS.md` [AGENTSMD] [CODEX-AGENTSMD], `CLAUDE.md` ("nested below cwd …
/// load lazily" [CC-MEM]) and `GEMINI.md` ("also sub-dirs below cwd" [GEM-MD]).
#[must_use]
pub fn nests(kind: Kind) -> bool {
    kind.nests()
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
/// `..` or empty components):, read the
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
