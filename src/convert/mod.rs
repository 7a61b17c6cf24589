//! CONVERT: any agent file to any tool, through a neutral [`Model`] (N readers + N writers),
//! with a loss report that names every field not carried over exactly.
//!
//! The mapping tables cite source tags resolved in `schemas/sources.json`. The library
//! only computes outputs (relative paths and texts); writing files is the CLI's job.
//!
//! ```
//! use agentfmt::{convert, document, source::SourceText};
//! let src = SourceText::from_str("---\nname: reviewer\ndescription: Reviews code\ntools: Read, Grep\n---\nBe strict.\n");
//! let doc = document::parse(src, Some(".claude/agents/reviewer.md"), None).doc;
//! let out = convert::convert(&doc, convert::Target::Tool(agentfmt::tools::Tool::Copilot), &Default::default()).unwrap();
//! assert_eq!(out.outputs[0].path, ".github/agents/reviewer.agent.md");
//! assert!(out.outputs[0].text.contains("tools: [read, search]"));
//! ```

pub mod corpus;
pub mod emit;
pub mod globs;
pub mod mcp;
mod merge;
pub mod model;
pub mod placeholders;
pub mod read;
pub mod tables;
pub(crate) mod write;

use std::collections::BTreeMap;

pub use merge::{convert_many, convert_many_traced, mergeable, merges};
pub use model::{Activation, Model};
pub use read::to_model;
pub use write::slug;

use crate::document::Document;
use crate::tools::{Kind, Role, Tool};

/// A conversion target: a tool (its usual kind for the source is picked) or an explicit kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A tool: the kind its [`ToolSpec::targets`](crate::tools::ToolSpec::targets) gives
    /// the source's role.
    Tool(Tool),
    /// An explicit kind.
    Kind(Kind),
}

impl Target {
    /// The tool the output is for.
    #[must_use]
    pub fn tool(self) -> Tool {
        match self {
            Target::Tool(t) => t,
            Target::Kind(k) => k.tool(),
        }
    }

    /// The name used on the command line (`cursor`, or a kind id).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Kind(k) => k.as_str(),
            Target::Tool(t) => t.key(),
        }
    }

    /// Every tool target, in registry order.
    pub fn tools() -> impl Iterator<Item = Target> {
        Tool::ALL.iter().map(|&t| Target::Tool(t))
    }
}

impl std::str::FromStr for Target {
    type Err = String;
    /// Parses a tool key (`claude`, `agents-md`) or a kind id (`cursor-agent`).
    fn from_str(s: &str) -> Result<Self, String> {
        if let Ok(t) = s.parse::<Tool>() {
            return Ok(Target::Tool(t));
        }
        s.parse::<Kind>()
            .map(Target::Kind)
            .map_err(|()| format!("unknown target `{s}`: expected a tool name or a kind id"))
    }
}

/// Options for conversion.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConvertOptions {
    /// Per-target model overrides from `agentfmt.toml`: target tool name (`cursor`) → source
    /// model value (`opus`) → target model value (`claude-opus-4-8`). They win over the
    /// default table ([`tables::map_model`]).
    pub models: BTreeMap<String, BTreeMap<String, String>>,
    /// The first argument's number in Claude `$N` placeholders: 0 (Claude Code ≥ 2.1.19, the
    /// default) or 1 (files written before) ([CC-CHANGELOG]).
    pub claude_arg_base: u8,
    /// Cut a body over the target kind's documented size limit to fit (`--fit-limits`).
    /// Without it the body is kept whole and the excess reported as [`LossKind::OverLimit`]:
    /// users would rather keep their text and be told than lose its end.
    pub fit_limits: bool,
}

/// One output file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// Relative path in the target's standard layout (`.cursor/agents/x.md`), `/`-separated.
    /// Always safe: no `..`, not absolute, the name part slugified ([`slug`]).
    pub path: String,
    /// The kind of the output.
    pub kind: Kind,
    /// The text (UTF-8, `\n` line breaks, formatted).
    pub text: String,
}

/// What happened to a field that was not carried over exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LossKind {
    /// Not written at all.
    Dropped,
    /// Written approximately: what it became.
    Approximated(String),
    /// Not in the source but required by the target: the value written.
    Synthesised(String),
    /// Written whole although the target documents a smaller size limit: the limit, as a
    /// phrase (`30000 characters of body`). The target may cut or refuse the file.
    OverLimit(String),
}

/// One entry of the loss report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loss {
    /// The source field (`tools`, `body`), or the synthesised target field.
    pub field: String,
    /// What happened.
    pub what: LossKind,
    /// A sentence for the user.
    pub message: String,
}

/// The result of a conversion.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Converted {
    /// The files to write.
    pub outputs: Vec<Output>,
    /// Every field not carried over exactly.
    pub losses: Vec<Loss>,
    /// Source fields (the body as `body`) written unchanged under the same key.
    pub kept: Vec<String>,
    /// Source fields written in another form (each also has a [`Loss`]).
    pub translated: Vec<String>,
    /// Source fields not written (each also has a [`Loss`]).
    pub dropped: Vec<String>,
}

impl Converted {
    /// Whether an output was kept whole over its kind's documented size limit
    /// ([`LossKind::OverLimit`]): `check`'s `too-long` error on it is that loss, reported.
    #[must_use]
    pub fn over_limit(&self) -> bool {
        self.losses
            .iter()
            .any(|l| matches!(l.what, LossKind::OverLimit(_)))
    }
}

/// agentfmt's own failures while converting (problems in the file are [`Loss`]es).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConvertError {
    /// The target has no kind that can hold this source kind.
    #[error("`{target}` has no kind for `{kind}` files")]
    CannotHold {
        /// The source kind.
        kind: Kind,
        /// The target name.
        target: &'static str,
    },
}

/// What a kind is for: decides the target kind for a tool target.
/// The directory of a rule whose only glob is `dir/**` ([`read::glob_dir`]): written as that
/// directory's AGENTS.md or GEMINI.md, which the target reads for the same files [AGENTSMD], [GEM-MD], instead of a section of the root file.
pub(crate) fn rule_dir(kind: Kind, m: &Model) -> Option<String> {
    (kind.role() == Role::Rule)
        .then(|| read::glob_dir(&m.activation))
        .flatten()
}

/// The kind a `target` uses for a `source` file: subagent → agent, slash command → prompt or
/// command, rule → rule, memory → the tool's always-loaded file, skill → skill where the tool
/// reads Agent Skills (Cursor, Copilot, Codex) else the closest kind. `None` if the target
/// cannot hold this kind. An explicit [`Target::Kind`] is always accepted.
#[must_use]
pub fn target_kind(source: Kind, target: Target) -> Option<Kind> {
    match target {
        Target::Kind(k) => Some(k),
        Target::Tool(t) => t
            .spec()
            .targets
            .iter()
            .find(|(r, _)| *r == source.role())
            .map(|&(_, k)| k),
    }
}

/// Reads `doc` and writes it for `target`.
///
/// For `--to claude`, a rule that the model chooses or the user invokes becomes a skill, since
/// Claude rules are only always-on or path-scoped .
///
/// # Errors
/// [`ConvertError::CannotHold`] when the target has no kind for this source kind.
pub fn convert(
    doc: &Document,
    target: Target,
    opts: &ConvertOptions,
) -> Result<Converted, ConvertError> {
    let mut kind = target_kind(doc.kind, target).ok_or(ConvertError::CannotHold {
        kind: doc.kind,
        target: target.as_str(),
    })?;
    let (mut model, mut losses) = to_model(doc);
    if kind.spec().merges && kind.nests() && model.nested.is_none() {
        model.nested = rule_dir(doc.kind, &model);
    }
    // A nested instruction file applies to its directory: Copilot's repository-wide file
    // cannot say that, a scoped instructions file can .
    if kind == Kind::CopilotInstructions
        && target_kind(Kind::CopilotScopedInstructions, target)
            == Some(Kind::CopilotScopedInstructions)
        && model.nested.is_some()
    {
        kind = Kind::CopilotScopedInstructions;
    }
    if target == Target::Tool(Tool::Claude)
        && kind == Kind::ClaudeRule
        && matches!(
            model.activation,
            Activation::ModelDecides | Activation::Manual
        )
    {
        kind = Kind::ClaudeSkill;
    }
    let tool = target.tool();
    let mut c = write::write(&model, kind, tool, opts);
    losses.append(&mut c.losses);
    c.losses = losses;
    fit_limits(&mut c, opts.fit_limits);
    drop_invalid(&mut c);
    Ok(c)
}

/// Removes from each output the top-level fields whose value the target kind's schema rejects
/// as an error (a source that was already invalid, e.g. `context: inline`), reporting each as
/// dropped: a converter must not emit a file its target refuses. A field the target requires
/// stays: without it the file would be refused all the same.
fn drop_invalid(c: &mut Converted) {
    for out in &mut c.outputs {
        let parsed = crate::document::parse(
            crate::source::SourceText::from_str(&out.text),
            Some(&out.path),
            Some(out.kind),
        );
        let doc = parsed.doc;
        // Schema errors, glob errors (an unbalanced `[` read from a lenient source) and
        // duplicate keys inside a passed-through value (a lenient source never reported them).
        let mut diags = parsed.diagnostics;
        diags.extend(crate::schema::validate(&doc));
        let ctx = crate::rules::Context::default();
        let mut cx = crate::rules::Checker::new(&doc, &ctx);
        crate::rules::Rule::check(&crate::rules::glob_format::GlobFormat, &mut cx);
        diags.extend(cx.into_diagnostics());
        let bad: Vec<(std::ops::Range<usize>, String, String)> = diags
            .into_iter()
            .filter(|d| {
                d.severity == crate::diagnostic::Severity::Error
                    && matches!(
                        d.rule,
                        "invalid-type" | "invalid-value" | "glob-format" | "duplicate-key"
                    )
            })
            .filter_map(|d| {
                let entries = doc.entries();
                let i = entries.iter().position(|e| {
                    e.key_span.start <= d.span.start
                        && d.span.start <= e.value.span.end.max(e.key_span.end)
                })?;
                let e = &entries[i];
                let text = doc.text();
                let start = text[..e.key_span.start as usize]
                    .rfind('\n')
                    .map_or(0, |i| i + 1);
                // Up to the next top-level key's line, or the end of the front matter.
                let end = entries.get(i + 1).map_or_else(
                    || {
                        doc.front_matter
                            .as_ref()
                            .map_or(text.len(), |fm| fm.content.end as usize)
                    },
                    |next| {
                        text[..next.key_span.start as usize]
                            .rfind('\n')
                            .map_or(0, |i| i + 1)
                    },
                );
                Some((start..end.max(start), e.key.clone(), d.message))
            })
            .collect();
        let mut ranges = bad;
        ranges.sort_by_key(|r| std::cmp::Reverse(r.0.start));
        ranges.dedup_by_key(|r| r.0.start);
        // Whether `text`'s front matter is strict YAML, and its top-level keys.
        let read = |text: &str| {
            let doc = crate::document::parse(
                crate::source::SourceText::from_str(text),
                Some(&out.path),
                Some(out.kind),
            )
            .doc;
            let keys: Vec<String> = doc.entries().iter().map(|e| e.key.clone()).collect();
            (doc.front_matter.is_none_or(|fm| fm.strict), keys)
        };
        let (mut was_strict, mut keys) = read(&out.text);
        let required = crate::schema::required_keys(out.kind);
        for (range, key, why) in ranges {
            // Removing a field the target requires would trade one error for a missing field
            // (a `description: 0.2` that the source already had wrong): keep it as it was.
            if required.contains(&key.as_str()) {
                continue;
            }
            let mut edited = out.text.clone();
            edited.replace_range(range, "");
            // Keep the removal only if the front matter reads as before less this key, and
            // as strictly (a value spanning lines the range does not cover would leave a
            // fragment behind). A lenient front matter (Cursor's bare `globs`) stays lenient.
            let (strict, now) = read(&edited);
            let mut want = keys.clone();
            if let Some(i) = want.iter().position(|k| *k == key) {
                want.remove(i);
            }
            if now != want || (was_strict && !strict) {
                continue;
            }
            out.text = edited;
            (was_strict, keys) = (strict, now);
            c.losses.push(Loss {
                field: key.clone(),
                what: LossKind::Dropped,
                message: format!(
                    "`{key}` dropped: not valid for {} ({why})",
                    out.kind.describe()
                ),
            });
        }
    }
}

/// Cuts each output whose kind has a hard size limit (Copilot agent body 30,000 characters
/// [GH-AGENTS-CFG], Windsurf rule 12,000 [WS]) after the last whole top-level markdown block
/// that fits (so no table, list or code block is cut in two, and the rest reads as it did),
/// else at the last line break that fits, and reports the cut as a loss. Without `cut`, the
/// output is left whole and reported as [`LossKind::OverLimit`].
fn fit_limits(c: &mut Converted, cut: bool) {
    for out in &mut c.outputs {
        let Some((limit, body_only)) = crate::rules::too_long::hard_limit(out.kind) else {
            continue;
        };
        let parsed = crate::document::parse(
            crate::source::SourceText::from_str(&out.text),
            Some(&out.path),
            Some(out.kind),
        );
        let body_start = parsed.doc.body.start as usize;
        let counted_from = if body_only { body_start } else { 0 };
        let total = out.text[counted_from..].chars().count();
        if total <= limit {
            continue;
        }
        let unit = if body_only { " of body" } else { "" };
        if !cut {
            c.losses.push(Loss {
                field: "body".into(),
                what: LossKind::OverLimit(format!("{limit} characters{unit}")),
                message: format!(
                    "`body` over the limit: {} allows {limit} characters{unit} and this one has {total}; kept whole (`--fit-limits` cuts it)",
                    out.kind.describe()
                ),
            });
            continue;
        }
        // Byte offset after `limit - 1` characters (room for the final newline).
        let budget = limit.saturating_sub(1);
        let cut = out.text[counted_from..]
            .char_indices()
            .nth(budget)
            .map_or(out.text.len(), |(i, _)| counted_from + i);
        let Some(room) = cut.checked_sub(body_start).filter(|&r| r > 0) else {
            continue; // the front matter alone is over the limit; nothing sensible to cut
        };
        let cut = block_end_before(&out.text[body_start..], room)
            .map(|end| body_start + end)
            .or_else(|| {
                out.text[..cut]
                    .rfind('\n')
                    .filter(|&i| i >= body_start)
                    .map(|i| i + 1)
            })
            .unwrap_or(cut);
        let dropped = out.text[cut..].chars().count();
        out.text.truncate(cut);
        // End like every writer's output: no trailing blank lines, one final newline.
        let kept = out.text.trim_end().len().max(body_start);
        out.text.truncate(kept);
        out.text.push('\n');
        c.losses.push(Loss {
            field: "body".into(),
            what: LossKind::Approximated(format!("truncated to {limit} characters")),
            message: format!(
                "`body` approximated: {} allows {limit} characters{}; the last {dropped} characters were cut at a line break",
                out.kind.describe(),
                unit
            ),
        });
    }
}

/// The byte offset in markdown `body` where the last top-level block (paragraph, heading,
/// list, table, code block, HTML block, thematic break) that ends at or before byte `max`
/// ends; `None` when the first block already runs past `max`.
fn block_end_before(body: &str, max: usize) -> Option<usize> {
    use pulldown_cmark::{Event, Parser};
    let mut depth = 0usize;
    let mut best = None;
    for (event, range) in Parser::new_ext(body, crate::fmt::body::options()).into_offset_iter() {
        let top_level_end = match event {
            Event::Start(_) => {
                depth += 1;
                false
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                depth == 0
            }
            _ => depth == 0,
        };
        if top_level_end {
            if range.end > max {
                break;
            }
            best = Some(range.end);
        }
    }
    best.filter(|&end| end > 0)
}

/// Writes a model as a `kind` file in that kind's own tool layout.
#[must_use]
pub fn from_model(model: &Model, kind: Kind, opts: &ConvertOptions) -> Converted {
    write::write(model, kind, kind.tool(), opts)
}
