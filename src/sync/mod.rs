//! SYNC: one set of source files, every target tool's files generated from it in one pass.
//!
//! [`plan`] is pure: parsed sources in, the files every target needs out (paths, texts, the
//! sources each came from) with one report of what could not carry over. Comparing the plan
//! with the disk ([`state::classify`]), writing, deleting and the manifest
//! ([`manifest::Manifest`]) are the CLI's job.

pub mod adopt;
pub mod manifest;
pub mod state;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::convert::{self, ConvertOptions, LossKind, Target};
use crate::document::Document;
use crate::fmt::NewlineStyle;
use crate::tools::{Kind, Role};

/// Options of a sync run.
#[derive(Clone, Debug)]
pub struct SyncOptions {
    /// Conversion options (model overrides, `--fit-limits`).
    pub convert: ConvertOptions,
    /// Skip an always-loaded instruction file for a target that reads the same instructions
    /// elsewhere (see [`read_elsewhere`]).
    pub instructions_once: bool,
    /// Line breaks of generated files: [`NewlineStyle::Keep`] gives each file its sources'
    /// (`\r\n` when every source used `\r\n`), the others force one.
    pub newline: NewlineStyle,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            convert: ConvertOptions::default(),
            instructions_once: true,
            newline: NewlineStyle::Keep,
        }
    }
}

/// One file a target needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// Project-relative path, `/`-separated (never absolute, never `..`).
    pub path: String,
    /// Its kind.
    pub kind: Kind,
    /// Its text, with the line breaks [`SyncOptions::newline`] asks for.
    pub text: String,
    /// The targets it is for (two targets may write the same file, e.g. `codex` and
    /// `agents-md` both write `AGENTS.md`), as given.
    pub targets: Vec<&'static str>,
    /// The source paths it was generated from, sorted.
    pub sources: Vec<String>,
}

/// A skill converted to a target that reads Agent Skills: the companion files of the source
/// skill's folder (scripts, references, assets) belong next to the generated `SKILL.md`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillFolder {
    /// The source `SKILL.md` (project-relative).
    pub source: String,
    /// The target.
    pub target: &'static str,
    /// The generated skill's folder, or `None` when the target holds the skill as another
    /// kind (a rule), where companion files cannot go.
    pub out_dir: Option<String>,
}

/// How much an [`Event`] matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Said for the record (a value synthesised, a file skipped on purpose).
    Info,
    /// Something did not carry over: a warning, an error with `--strict`.
    Loss,
    /// The run cannot do what was asked (two sources write one file).
    Error,
}

/// One line of the report, by source file and target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The source path (or `N files` for a merge no single source explains).
    pub source: String,
    /// The target name.
    pub target: &'static str,
    /// How much it matters.
    pub level: Level,
    /// A sentence for the user.
    pub message: String,
}

/// The result of [`plan`].
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// Every file to generate, sorted by path.
    pub files: Vec<Planned>,
    /// Skills whose companion files the CLI copies (or reports as lost).
    pub skills: Vec<SkillFolder>,
    /// The report, sorted by source, target, then order of occurrence.
    pub events: Vec<Event>,
}

/// Why a target needs no copy of the instruction file `doc`, if it does not: the target tool
/// reads `doc` itself (Claude Code reads `AGENTS.md` in a folder without `CLAUDE.md`,
/// [`ToolSpec::reads`](crate::tools::ToolSpec::reads)), or reads the file another target of
/// the run writes for it. Only always-loaded instruction files: a second copy loads the same
/// text twice into every session.
#[must_use]
pub fn read_elsewhere(doc: &Document, target: Target, targets: &[Target]) -> Option<String> {
    if doc.kind.role() != Role::Memory {
        return None;
    }
    let tool = target.tool();
    let reads = tool.spec().reads;
    let own = convert::target_kind(doc.kind, target);
    if reads.contains(&doc.kind) && own != Some(doc.kind) {
        return Some(format!(
            "not written: {} reads {} itself",
            tool.spec().name,
            doc.kind.describe()
        ));
    }
    targets.iter().filter(|&&t| t != target).find_map(|&other| {
        let k = convert::target_kind(doc.kind, other)?;
        (reads.contains(&k) && own != Some(k)).then(|| {
            format!(
                "not written: {} reads the {} written for `{}` (instructions-once)",
                tool.spec().name,
                k.describe(),
                other.as_str()
            )
        })
    })
}

/// Plans a sync of `sources` (parsed documents whose `path` is project-relative) to every
/// target: each source is converted once per target, rule and instruction files merged where
/// the target keeps one file ([`convert::convert_many`]). A kind a target lacks, a field that
/// does not carry over, and two sources writing one file are [`Event`]s; nothing is dropped
/// silently.
#[must_use]
pub fn plan(sources: &[Document], targets: &[Target], opts: &SyncOptions) -> Plan {
    let mut plan = Plan::default();
    let mut files: BTreeMap<String, Planned> = BTreeMap::new();
    let source_paths: Vec<&str> = sources.iter().filter_map(|d| d.path.as_deref()).collect();
    // The conversions, in parallel (by target, and by source within a target); the rest is
    // serial so that the plan is the same on every run.
    let converted: Vec<(Vec<Event>, Vec<Converted<'_>>)> = targets
        .par_iter()
        .map(|&target| convert_for(sources, target, targets, opts))
        .collect();
    for (&target, (mut events, results)) in targets.iter().zip(converted) {
        let name = target.as_str();
        plan.events.append(&mut events);
        for Converted { docs, c, origins } in results {
            let paths: Vec<String> = docs.iter().map(|d| path_of(d)).collect();
            for loss in &c.losses {
                let level = match loss.what {
                    LossKind::Synthesised(_) => Level::Info,
                    _ => Level::Loss,
                };
                let (src, msg) = paths
                    .iter()
                    .find_map(|p| {
                        loss.message
                            .strip_prefix(p.as_str())
                            .and_then(|m| m.strip_prefix(": "))
                            .map(|m| (p.clone(), m.to_owned()))
                    })
                    .unwrap_or_else(|| (paths[0].clone(), loss.message.clone()));
                plan.events.push(event(&src, name, level, msg));
            }
            for (i, out) in c.outputs.into_iter().enumerate() {
                let from: Vec<&Document> = match origins.get(i) {
                    Some(from) if !from.is_empty() => from.iter().map(|&k| docs[k]).collect(),
                    _ => docs.clone(),
                };
                if source_paths.contains(&out.path.as_str())
                    || from
                        .iter()
                        .any(|d| d.kind == out.kind && convert::read::nests(out.kind))
                {
                    plan.events.push(event(
                        &from
                            .first()
                            .map_or_else(|| paths[0].clone(), |d| path_of(d)),
                        name,
                        Level::Info,
                        format!("{} is a source file already; not generated", out.path),
                    ));
                    continue;
                }
                if out.kind.role() == Role::Skill && out.path.ends_with("/SKILL.md") {
                    for d in from.iter().filter(|d| d.kind.role() == Role::Skill) {
                        plan.skills.push(SkillFolder {
                            source: path_of(d),
                            target: name,
                            out_dir: out.path.strip_suffix("/SKILL.md").map(str::to_owned),
                        });
                    }
                }
                let sources: Vec<String> = {
                    let mut s: Vec<String> = from.iter().map(|d| path_of(d)).collect();
                    s.sort();
                    s
                };
                let text = newlines(out.text, &from, opts.newline);
                match files.get_mut(&out.path) {
                    Some(p) if p.text == text => {
                        p.targets.push(name);
                        for s in sources {
                            if !p.sources.contains(&s) {
                                p.sources.push(s);
                            }
                        }
                        p.sources.sort();
                    }
                    Some(p) => plan.events.push(event(
                        &sources.join(", "),
                        name,
                        Level::Error,
                        format!(
                            "{} is also generated for `{}` from {} with other content; not generated twice",
                            out.path,
                            p.targets.join("`, `"),
                            p.sources.join(", ")
                        ),
                    )),
                    None => {
                        files.insert(
                            out.path.clone(),
                            Planned {
                                path: out.path,
                                kind: out.kind,
                                text,
                                targets: vec![name],
                                sources,
                            },
                        );
                    }
                }
            }
        }
        for d in sources.iter().filter(|d| d.kind.role() == Role::Skill) {
            let p = path_of(d);
            let covered = plan
                .skills
                .iter()
                .any(|s| s.source == p && s.target == name);
            let converted = files
                .values()
                .any(|f| f.sources.contains(&p) && f.targets.contains(&name));
            if !covered && converted {
                plan.skills.push(SkillFolder {
                    source: p,
                    target: name,
                    out_dir: None,
                });
            }
        }
    }
    plan.files = files.into_values().collect();
    plan.events
        .sort_by(|a, b| (&a.source, a.target).cmp(&(&b.source, b.target)));
    plan
}

/// The path a source is reported and recorded by.
fn path_of(d: &Document) -> String {
    d.path.clone().unwrap_or_else(|| "<input>".into())
}

fn event(source: &str, target: &'static str, level: Level, message: String) -> Event {
    Event {
        source: source.to_owned(),
        target,
        level,
        message,
    }
}

/// One conversion of [`plan`]: the documents it read, what it gave, and for each output the
/// indices in `docs` of the documents it was written from (empty: all of them).
struct Converted<'a> {
    docs: Vec<&'a Document>,
    c: convert::Converted,
    origins: Vec<Vec<usize>>,
}

/// Converts every source for one target: the report lines of files skipped or refused, and
/// the conversions. Rule and instruction files are merged where the target keeps one file;
/// every other source converts on its own.
fn convert_for<'a>(
    sources: &'a [Document],
    target: Target,
    targets: &[Target],
    opts: &SyncOptions,
) -> (Vec<Event>, Vec<Converted<'a>>) {
    let name = target.as_str();
    let mut events = Vec::new();
    let mut todo: Vec<&Document> = Vec::new();
    for d in sources {
        if opts.instructions_once
            && let Some(why) = read_elsewhere(d, target, targets)
        {
            events.push(event(&path_of(d), name, Level::Info, why));
            continue;
        }
        todo.push(d);
    }
    let (merged, mut single): (Vec<&Document>, Vec<&Document>) = if convert::merges(target) {
        todo.into_iter().partition(|d| convert::mergeable(d))
    } else {
        (Vec::new(), todo)
    };
    let mut results = Vec::new();
    if merged.len() > 1 {
        let (c, origins) = convert::convert_many_traced(&merged, target, &opts.convert);
        results.push(Converted {
            docs: merged,
            c,
            origins,
        });
    } else {
        single.extend(merged);
    }
    let one_by_one: Vec<_> = single
        .par_iter()
        .map(|&d| (d, convert::convert(d, target, &opts.convert)))
        .collect();
    // Files of a kind the target has no place for, by kind: one line per file, or one per
    // kind when there are more than `LACKS_ONE_BY_ONE` (a report of 150 identical lines hides
    // the rest).
    let mut lacking: BTreeMap<Kind, Vec<(String, String)>> = BTreeMap::new();
    for (d, r) in one_by_one {
        match r {
            Ok(c) => results.push(Converted {
                docs: vec![d],
                c,
                origins: Vec::new(),
            }),
            Err(e) => lacking
                .entry(d.kind)
                .or_default()
                .push((path_of(d), e.to_string())),
        }
    }
    for (kind, files) in lacking {
        if files.len() <= LACKS_ONE_BY_ONE {
            for (path, e) in files {
                events.push(event(
                    &path,
                    name,
                    Level::Loss,
                    format!("{e}; not generated"),
                ));
            }
            continue;
        }
        let shown: Vec<&str> = files.iter().take(3).map(|(p, _)| p.as_str()).collect();
        events.push(event(
            &format!("{} `{kind}` files", files.len()),
            name,
            Level::Loss,
            format!(
                "{}; not generated ({}, and {} more)",
                files[0].1,
                shown.join(", "),
                files.len() - shown.len()
            ),
        ));
    }
    (events, results)
}

/// Files of one kind a target lacks that are reported one by one; more are one line.
const LACKS_ONE_BY_ONE: usize = 3;

/// `text` (with `\n` line breaks) with the line breaks `style` asks for: for
/// [`NewlineStyle::Keep`], `\r\n` when every source used `\r\n`.
fn newlines(text: String, from: &[&Document], style: NewlineStyle) -> String {
    let crlf = match style {
        NewlineStyle::CrLf => true,
        NewlineStyle::Lf => false,
        NewlineStyle::Keep => {
            !from.is_empty()
                && from
                    .iter()
                    .all(|d| d.source.newline == crate::source::Newline::CrLf)
        }
    };
    if crlf {
        text.replace('\n', "\r\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests;
