//! WRITE: one writer per target tool, from the neutral [`Model`] into a file of a given kind.
//!
//! Writers record what happened to each neutral slot ([`Outcome`]); [`W::finish`] turns that
//! into the per-source-field `kept` / `translated` / `dropped` lists and the loss report, so
//! a field a writer forgets is reported as dropped rather than lost silently.

mod fields;
pub(crate) mod plain;
pub(crate) mod shapes;

use std::collections::BTreeMap;

use super::emit::Y;
use super::model::{Model, Slot};
use super::{ConvertOptions, Converted, Loss, LossKind, Output};
use crate::tools::{Kind, Tool};

/// What a writer did with a slot.
#[derive(Clone, Debug)]
pub(crate) enum Outcome {
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
pub(crate) struct W<'a> {
    pub m: &'a Model,
    pub kind: Kind,
    pub tool: Tool,
    pub opts: &'a ConvertOptions,
    pub fm: Vec<(String, Y)>,
    out: BTreeMap<Slot, Outcome>,
    /// Per-source-key outcomes that override the slot's (set by [`W::doc`]).
    pub(crate) by_key: BTreeMap<String, Outcome>,
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

/// The standard path of a `kind` file named `n` (a slug) written for `tool`: the kind's
/// [`KindSpec::write_path`](crate::tools::KindSpec::write_path); an Agent Skill goes under
/// the target tool's skill directory ([`ToolSpec::skill_dir`](crate::tools::ToolSpec::skill_dir)).
#[must_use]
pub fn path_for(kind: Kind, tool: Tool, n: &str) -> String {
    if kind == Kind::ClaudeSkill
        && let Some(dir) = tool.spec().skill_dir
    {
        return format!("{dir}/{n}/SKILL.md");
    }
    kind.spec().write_path.replace("{name}", n)
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
    let text = crate::tools::dispatch::write(&mut w);
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

    /// Whether the output is an instruction file that goes in the same sub-directory as the
    /// nested source it comes from ([`super::read::nested_dir`]).
    pub fn nested_here(&self) -> bool {
        self.m.nested.is_some() && super::read::nests(self.kind)
    }

    /// The slug naming the output file.
    pub fn file_slug(&self) -> String {
        self.avoid_reserved(slug(self.m.name.as_deref().unwrap_or("converted")))
    }

    /// `s`, or `s-skill` when `s` names a Claude Code skill folder Claude Code reserves
    /// (`synced`, in any case [CC-SKILLS]), so that the skill loads.
    pub fn avoid_reserved(&self, s: String) -> String {
        if self.kind == Kind::ClaudeSkill
            && self.tool == Tool::Claude
            && s.eq_ignore_ascii_case("synced")
        {
            format!("{s}-skill")
        } else {
            s
        }
    }

    /// Assembles the output and the per-field report.
    fn finish(mut self, text: String) -> Converted {
        let mut path = path_for(self.kind, self.tool, &self.file_slug());
        // `agents.md` under `.windsurf/rules/` would be read as AGENTS.md: avoid names that
        // make the path mean another kind.
        if crate::tools::detect(&path) != Some(self.kind) {
            let alt = path_for(self.kind, self.tool, &format!("{}-rules", self.file_slug()));
            if crate::tools::detect(&alt) == Some(self.kind) {
                path = alt;
            }
        }
        if let (Some(dir), true) = (&self.m.nested, self.nested_here()) {
            path = format!("{dir}/{path}");
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
        // OpenCode `permission` entries other than `deny` (the `deny` ones are the field's
        // outcome above, with the other denied tools).
        if !self.m.permission_other.is_empty()
            && !self.same_tool()
            && self.m.fields_of(&Slot::Disallowed).contains(&"permission")
        {
            losses.push(Loss {
                field: "permission".into(),
                what: LossKind::Dropped,
                message: format!(
                    "`permission` entries not kept: {} (only `deny` carries over, as a denied tool)",
                    self.m.permission_other.join(", ")
                ),
            });
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
