//! WRITE: one writer per target tool, from the neutral [`Model`] into a file of a given kind.
//!
//! Writers record what happened to each neutral slot ([`Outcome`]); [`W::finish`] turns that
//! into the per-source-field `kept` / `translated` / `dropped` lists and the loss report, so
//! a field a writer forgets is reported as dropped rather than lost silently.

mod claude;
mod copilot;
mod cursor;
mod other;

use std::collections::BTreeMap;

use super::emit::{self, Y};
use super::model::{Model, Slot};
use super::placeholders::{self, Syntax};
use super::read::syntax_of;
use super::{ConvertOptions, Converted, Loss, LossKind, Output};
use crate::kind::{Kind, Tool};

/// What a writer did with a slot.
#[derive(Clone, Debug)]
pub(super) enum Outcome {
    /// Every source field of the slot written unchanged under its own key.
    Kept,
    /// Written with the same meaning under this key.
    Exact(String),
    /// Written approximately: what it became.
    Approx(String),
    /// Not written: why.
    Dropped(String),
}

/// A writer's state: the front matter being built and the outcome of each slot.
pub(super) struct W<'a> {
    pub m: &'a Model,
    pub kind: Kind,
    pub tool: Tool,
    pub opts: &'a ConvertOptions,
    pub fm: Vec<(String, Y)>,
    out: BTreeMap<Slot, Outcome>,
    /// Per-source-key outcomes that override the slot's (set by [`W::doc`]).
    by_key: BTreeMap<String, Outcome>,
    pub losses: Vec<Loss>,
}

/// Makes `name` a safe file-name stem: lowercase ASCII letters, digits and `-`; never empty,
/// never `.`/`..`, no separators (so `../../outside` becomes `outside`).
#[must_use]
pub fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    let s = s.trim_matches('-');
    let s: String = s.chars().take(64).collect();
    let s = s.trim_end_matches('-');
    if s.is_empty() {
        "converted".to_owned()
    } else {
        s.to_owned()
    }
}

/// The standard path of a `kind` file named `n` (a slug) written for `tool` (formats.md §1–5;
/// skills go under the tool's skill directory, Codex's under `.agents/skills/` [CODEX-DEPR]).
#[must_use]
pub fn path_for(kind: Kind, tool: Tool, n: &str) -> String {
    match kind {
        Kind::ClaudeAgent => format!(".claude/agents/{n}.md"),
        Kind::ClaudeCommand => format!(".claude/commands/{n}.md"),
        Kind::ClaudeSkill => match tool {
            Tool::Cursor => format!(".cursor/skills/{n}/SKILL.md"),
            Tool::Copilot => format!(".github/skills/{n}/SKILL.md"),
            Tool::Codex => format!(".agents/skills/{n}/SKILL.md"),
            _ => format!(".claude/skills/{n}/SKILL.md"),
        },
        Kind::ClaudeMd => "CLAUDE.md".to_owned(),
        Kind::ClaudeRule => format!(".claude/rules/{n}.md"),
        Kind::CursorMdc => format!(".cursor/rules/{n}.mdc"),
        Kind::Cursorrules => ".cursorrules".to_owned(),
        Kind::CursorAgent => format!(".cursor/agents/{n}.md"),
        Kind::CursorCommand => format!(".cursor/commands/{n}.md"),
        Kind::CopilotInstructions => ".github/copilot-instructions.md".to_owned(),
        Kind::CopilotScopedInstructions => format!(".github/instructions/{n}.instructions.md"),
        Kind::CopilotPrompt => format!(".github/prompts/{n}.prompt.md"),
        Kind::CopilotChatmode => format!(".github/chatmodes/{n}.chatmode.md"),
        Kind::CopilotAgent => format!(".github/agents/{n}.agent.md"),
        Kind::AgentsMd => "AGENTS.md".to_owned(),
        Kind::GeminiMd => "GEMINI.md".to_owned(),
        Kind::GeminiCommand => format!(".gemini/commands/{n}.toml"),
        Kind::OpencodeAgent => format!(".opencode/agent/{n}.md"),
        Kind::OpencodeCommand => format!(".opencode/command/{n}.md"),
        Kind::WindsurfRule => format!(".windsurf/rules/{n}.md"),
        Kind::KiroSteering => format!(".kiro/steering/{n}.md"),
    }
}

/// Writes `m` as a `kind` file for `tool`.
pub(super) fn write(m: &Model, kind: Kind, tool: Tool, opts: &ConvertOptions) -> Converted {
    let mut w = W {
        m,
        kind,
        tool,
        opts,
        fm: Vec::new(),
        out: BTreeMap::new(),
        by_key: BTreeMap::new(),
        losses: Vec::new(),
    };
    let text = match kind {
        Kind::ClaudeAgent => claude::agent(&mut w),
        Kind::ClaudeCommand | Kind::ClaudeSkill => claude::command_or_skill(&mut w),
        Kind::ClaudeRule => claude::rule(&mut w),
        Kind::CursorMdc => cursor::mdc(&mut w),
        Kind::CursorAgent => cursor::agent(&mut w),
        Kind::CursorCommand => cursor::command(&mut w),
        Kind::CopilotAgent | Kind::CopilotChatmode => copilot::agent(&mut w),
        Kind::CopilotPrompt => copilot::prompt(&mut w),
        Kind::CopilotScopedInstructions => copilot::scoped(&mut w),
        Kind::ClaudeMd
        | Kind::AgentsMd
        | Kind::GeminiMd
        | Kind::Cursorrules
        | Kind::CopilotInstructions => other::plain(&mut w),
        Kind::GeminiCommand => other::gemini_command(&mut w),
        Kind::OpencodeAgent => other::opencode_agent(&mut w),
        Kind::OpencodeCommand => other::opencode_command(&mut w),
        Kind::WindsurfRule => other::windsurf(&mut w),
        Kind::KiroSteering => other::kiro(&mut w),
    };
    w.finish(text)
}

impl W<'_> {
    /// Records that `slot` was written as `key` with the same meaning.
    pub fn exact(&mut self, slot: Slot, key: &str) {
        self.out.insert(slot, Outcome::Exact(key.to_owned()));
    }

    /// The outcome recorded for `slot`, if any.
    pub fn out_of(&self, slot: &Slot) -> Option<&Outcome> {
        self.out.get(slot)
    }

    /// Records that every source field of `slot` was written unchanged.
    pub fn kept(&mut self, slot: Slot) {
        self.out.insert(slot, Outcome::Kept);
    }

    /// Records that `slot` was approximated.
    pub fn approx(&mut self, slot: Slot, what: impl Into<String>) {
        self.out.insert(slot, Outcome::Approx(what.into()));
    }

    /// Records that `slot` was dropped.
    pub fn drop_(&mut self, slot: Slot, why: impl Into<String>) {
        self.out.insert(slot, Outcome::Dropped(why.into()));
    }

    /// Adds a front-matter field.
    pub fn set(&mut self, key: &str, v: Y) {
        self.fm.push((key.to_owned(), v));
    }

    /// Reports a field that the target needs and the source did not have.
    pub fn synth(&mut self, field: &str, value: &str, why: &str) {
        self.losses.push(Loss {
            field: field.to_owned(),
            what: LossKind::Synthesised(value.to_owned()),
            message: format!("`{field}` synthesised as `{value}`: {why}"),
        });
    }

    /// Whether the source is a file of the target tool (fields with no neutral meaning are
    /// then passed through unchanged).
    pub fn same_tool(&self) -> bool {
        self.m.source.tool() == self.tool
    }

    /// The slug naming the output file.
    pub fn file_slug(&self) -> String {
        slug(self.m.name.as_deref().unwrap_or("converted"))
    }

    /// Writes `name` under `key`; `lower` for tools that require lowercase-hyphen names.
    pub fn name(&mut self, key: &str, lower: bool, required: bool) {
        match (&self.m.name, self.m.name_from_path) {
            (Some(n), false) => {
                let v = if lower { slug(n) } else { n.clone() };
                if v == *n {
                    self.exact(Slot::Name, key);
                } else {
                    self.approx(
                        Slot::Name,
                        format!("`{key}: {v}` (lowercase letters, digits and hyphens)"),
                    );
                }
                self.set(key, Y::Str(v));
            }
            (n, _) if required => {
                let v = slug(n.as_deref().unwrap_or("converted"));
                self.synth(
                    key,
                    &v,
                    "the target requires a name; taken from the file name",
                );
                self.set(key, Y::Str(v));
            }
            _ => {}
        }
    }

    /// Writes `description`; when `required` and missing, synthesises one from the body.
    pub fn description(&mut self, key: &str, required: bool) {
        if let Some(d) = &self.m.description {
            self.set(key, Y::s(d.clone()));
            self.exact(Slot::Description, key);
        } else if required {
            let d = first_line(&self.m.raw_body)
                .unwrap_or_else(|| format!("Converted from {}", self.m.source.describe()));
            self.synth(
                key,
                &d,
                "the target requires a description; taken from the body",
            );
            self.set(key, Y::s(d));
        }
    }

    /// Passes fields with no neutral meaning through when converting within one tool.
    pub fn pass_extras(&mut self) {
        if !self.same_tool() {
            return;
        }
        for e in &self.m.extra {
            self.fm.push((e.key.clone(), Y::from_node(&e.value)));
            self.out
                .insert(Slot::Extra(e.key.clone()), Outcome::Exact(e.key.clone()));
        }
    }

    /// Renders the body in `syntax` (prose for kinds without substitution) and records the
    /// outcome of the `body` slot.
    pub fn body(&mut self, syntax: Syntax) -> String {
        if syntax == syntax_of(self.m.source)
            || !self
                .m
                .body
                .iter()
                .any(|p| !matches!(p, super::model::Piece::Text(_)))
        {
            self.exact(Slot::Body, "body");
            return self.m.raw_body.clone();
        }
        let (text, notes) = placeholders::render(&self.m.body, syntax, self.opts.claude_arg_base);
        let summary: Vec<String> = notes.iter().map(|(_, n)| n.clone()).collect();
        if summary.is_empty() {
            self.exact(Slot::Body, "body");
        } else {
            self.approx(Slot::Body, summary.join("; "));
        }
        text
    }

    /// Maps the model into the target tool's vocabulary: per-target overrides from
    /// `agentfmt.toml` first, then the default table ([`super::tables::map_model`]).
    pub fn model_value(&self) -> Option<String> {
        let mr = self.m.model.as_ref()?;
        if let Some(v) = self
            .opts
            .models
            .get(tool_key(self.tool))
            .and_then(|t| t.get(mr.id.trim()))
        {
            return Some(v.clone());
        }
        super::tables::map_model(mr.tool, self.tool, &mr.id)
    }

    /// Writes the model under `key`. `inherit_key` says whether the target spells the default
    /// as `inherit` (Claude, Cursor) or omits it (Copilot, OpenCode).
    pub fn model(&mut self, key: &str, inherit_key: bool) {
        let Some(mr) = self.m.model.clone() else {
            return;
        };
        match self.model_value() {
            Some(v) if v == "inherit" && !inherit_key => {
                self.approx(
                    Slot::Model,
                    "omitted: inheriting the session model is the default",
                );
            }
            Some(v) => {
                if v == mr.id && (mr.tool == self.tool || v == "inherit") {
                    self.exact(Slot::Model, key);
                } else {
                    self.approx(Slot::Model, format!("`{key}: {v}` (model table)"));
                }
                self.set(key, Y::Str(v));
            }
            None => {
                let tk = tool_key(self.tool);
                self.drop_(
                    Slot::Model,
                    format!("model `{}` has no mapping for {tk}; add one under `[convert.models.{tk}]` in agentfmt.toml", mr.id),
                );
                if inherit_key && self.tool == Tool::Cursor {
                    self.set(key, Y::s("inherit"));
                }
            }
        }
    }

    /// Records the outcome of the activation written as `what` under the target's keys:
    /// exact when the source was the same kind, else approximated.
    pub fn activation(&mut self, what: &str) {
        if self.m.source == self.kind {
            self.kept(Slot::Activation);
        } else {
            self.approx(Slot::Activation, what.to_owned());
        }
    }

    /// Writes a tool list as `key`, mapping each entry with `names` (formats.md §6.1); unknown
    /// entries and lost specifiers are reported.
    pub fn tools(
        &mut self,
        key: &str,
        names: fn(&super::model::ToolRef) -> Vec<String>,
        flow_string: bool,
        same_meaning: bool,
    ) {
        let Some(tools) = self.m.tools.clone() else {
            return;
        };
        let mut out: Vec<String> = Vec::new();
        let mut notes: Vec<String> = Vec::new();
        let mut exact = self.same_tool() && same_meaning;
        for t in &tools {
            let n = names(t);
            if n.is_empty() {
                notes.push(format!("`{}` has no equivalent", t.original));
                exact = false;
            } else if n.len() != 1 || n[0] != t.original {
                exact = false;
            }
            if t.specifier.is_some()
                && !n.iter().any(|x| x.contains('('))
                && self.tool != Tool::Claude
            {
                notes.push(format!(
                    "`{}` broadened (the specifier is lost)",
                    t.original
                ));
            }
            for x in n {
                if !out.contains(&x) {
                    out.push(x);
                }
            }
        }
        if out.is_empty() {
            self.drop_(
                Slot::Tools,
                format!(
                    "no entry maps to a {} tool ({})",
                    tool_key(self.tool),
                    notes.join(", ")
                ),
            );
            return;
        }
        if !same_meaning {
            notes.push(
                "the meaning changes between pre-approving tools and restricting to them".into(),
            );
        }
        if exact && notes.is_empty() {
            self.exact(Slot::Tools, key);
        } else {
            let mut what = format!("`{key}: {}`", out.join(", "));
            if !notes.is_empty() {
                what = format!("{what}; {}", notes.join("; "));
            }
            self.approx(Slot::Tools, what);
        }
        if flow_string {
            self.set(key, Y::Str(out.join(", ")));
        } else {
            self.set(key, Y::strs(out));
        }
    }

    /// Joins the front matter and `body` into the file text, ending in one line break.
    ///
    /// Checks each source field reported as kept: a value written differently is restored
    /// from the source when the kinds are the same, else reported as approximated; a kept
    /// field that was not written (an empty `globs:`) is reported as dropped. A body that
    /// starts with a `---` line in a file without front matter gets `***` instead (the same
    /// thematic break) so that it is not read as front matter.
    pub fn doc(&mut self, body: &str) -> String {
        let same_kind = self.m.source == self.kind;
        for (key, slot) in &self.m.fields {
            let kept = match self.out.get(slot) {
                Some(Outcome::Kept) => true,
                Some(Outcome::Exact(k)) => k == key,
                _ => false,
            };
            let Some(orig) = self.m.originals.iter().find(|o| o.key == *key) else {
                continue;
            };
            if !kept {
                continue;
            }
            match self.fm.iter_mut().find(|(k, _)| k == key) {
                None => {
                    let why = if orig.value.is_blank() {
                        "empty value"
                    } else {
                        "implied by the other fields"
                    };
                    self.by_key.insert(
                        key.clone(),
                        Outcome::Dropped(format!("not written ({why})")),
                    );
                }
                Some((_, y)) => {
                    let o = Y::from_node(&orig.value);
                    let same = match (&*y, &o) {
                        (Y::Raw(a), Y::Str(b)) => a == b,
                        (a, b) => a == b,
                    };
                    if same {
                        continue;
                    }
                    if same_kind && !matches!(y, Y::Raw(_)) {
                        *y = o;
                    } else {
                        let shown = match &*y {
                            Y::Raw(r) => r.clone(),
                            Y::Str(s) => s.clone(),
                            other => format!("{other:?}"),
                        };
                        self.by_key.insert(
                            key.clone(),
                            Outcome::Approx(format!("normalised to `{shown}`")),
                        );
                    }
                }
            }
        }
        let mut body = body.to_owned();
        if self.fm.is_empty() && !self.kind.is_toml() {
            let trimmed = body.trim_start_matches(['\n', '\r']);
            if trimmed
                .lines()
                .next()
                .is_some_and(|l| l.trim_end() == "---")
            {
                body = format!("***{}", &trimmed[3..]);
                self.losses.push(Loss {
                    field: "body".into(),
                    what: LossKind::Approximated("`***`".into()),
                    message: "the body's leading `---` line is written as `***` (the same thematic break) so it is not read as front matter".into(),
                });
            }
        }
        let mut out = emit::front_matter(&self.fm);
        out.push_str(&body);
        if !out.ends_with('\n') {
            out.push('\n');
        }
        while out.ends_with("\n\n") {
            out.pop();
        }
        out
    }

    /// Assembles the output and the per-field report.
    fn finish(mut self, text: String) -> Converted {
        let mut path = path_for(self.kind, self.tool, &self.file_slug());
        // `agents.md` under `.windsurf/rules/` would be read as AGENTS.md: avoid names that
        // make the path mean another kind.
        if crate::kind::detect(&path) != Some(self.kind) {
            let alt = path_for(self.kind, self.tool, &format!("{}-rules", self.file_slug()));
            if crate::kind::detect(&alt) == Some(self.kind) {
                path = alt;
            }
        }
        let mut c = Converted::default();
        let mut losses = Vec::new();
        for (key, slot) in &self.m.fields {
            let outcome = self
                .by_key
                .get(key)
                .or_else(|| self.out.get(slot))
                .cloned()
                .unwrap_or_else(|| {
                    Outcome::Dropped(format!("no equivalent in {}", self.kind.describe()))
                });
            match outcome {
                Outcome::Kept => c.kept.push(key.clone()),
                Outcome::Exact(k) if k == *key => c.kept.push(key.clone()),
                Outcome::Exact(k) => {
                    c.translated.push(key.clone());
                    losses.push(Loss {
                        field: key.clone(),
                        what: LossKind::Approximated(format!("`{k}`")),
                        message: format!("`{key}` written as `{k}`"),
                    });
                }
                Outcome::Approx(what) => {
                    c.translated.push(key.clone());
                    losses.push(Loss {
                        field: key.clone(),
                        what: LossKind::Approximated(what.clone()),
                        message: format!("`{key}` approximated: {what}"),
                    });
                }
                Outcome::Dropped(why) => {
                    c.dropped.push(key.clone());
                    losses.push(Loss {
                        field: key.clone(),
                        what: LossKind::Dropped,
                        message: format!("`{key}` dropped: {why}"),
                    });
                }
            }
        }
        losses.append(&mut self.losses);
        c.losses = losses;
        c.outputs.push(Output {
            path,
            kind: self.kind,
            text,
        });
        c
    }
}

/// The key of a tool in the `models` override table (`cursor`, `copilot`, ...).
#[must_use]
pub fn tool_key(t: Tool) -> &'static str {
    match t {
        Tool::Claude => "claude",
        Tool::Cursor => "cursor",
        Tool::Copilot => "copilot",
        Tool::AgentsMd => "agents-md",
        Tool::Gemini => "gemini",
        Tool::Opencode => "opencode",
        Tool::Windsurf => "windsurf",
        Tool::Kiro => "kiro",
        Tool::Codex => "codex",
    }
}

/// The first non-empty line of `body` without markdown heading marks, cut to 200 chars.
fn first_line(body: &str) -> Option<String> {
    let l = body
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| !l.is_empty() && *l != "---")?;
    let mut s: String = l.chars().take(200).collect();
    if s.chars().count() < l.chars().count() {
        s.push('…');
    }
    Some(s)
}
