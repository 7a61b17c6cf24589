//! `duplicate-name` (AF118): Reports files of the same kind whose effective names clash across a tree: Claude subagents by `name`, skills by `name` (or directory), Claude commands by file stem, Copilot agents by file stem; and a Claude command that a same-named skill of the same project hides. Checked by `check_tree` over many documents.

declare_rule! {
    /// ## What it does
    /// Reports files of the same kind whose effective names clash across a tree: Claude subagents by `name`, skills by `name` (or directory), Claude commands by file stem, Copilot agents by file stem; and a Claude command that a same-named skill of the same project hides. Checked by `check_tree` over many documents.
    ///
    /// ## Why is this bad?
    /// Only one of the clashing files loads, chosen by file-system order [CC-SUB], [CC-SLASH-2026-01], [GH-AGENTS-CFG]. A skill and a command of the same name are both `/name`, and the skill wins: the command never runs [CC-SKILLS].
    ///
    /// ## Example
    /// ```text
    /// .claude/agents/a.md and .claude/agents/b.md both say `name: reviewer`
    /// ```
    pub struct DuplicateName {
        code: "AF118",
        name: "duplicate-name",
        severity: Warning,
    }
}

use std::collections::HashMap;

use super::Rule;
use super::tree::TreeEntry;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::kind::Kind;
use crate::span::Span;

impl Rule for DuplicateName {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }
}

fn file_stem(path: &str) -> (&str, Option<&str>) {
    let norm = path.trim_end_matches(['/', '\\']);
    let mut parts = norm.rsplit(['/', '\\']);
    let file = parts.next().unwrap_or(norm);
    let stem = file
        .strip_suffix(".agent.md")
        .or_else(|| file.strip_suffix(".md"))
        .unwrap_or(file);
    (stem, parts.next())
}

/// The effective name of `doc` and the span to point at, for the kinds whose names must be
/// unique: Claude subagents by `name` [CC-SUB], skills by `name` else directory [CC-SKILLS],
/// Claude commands by file stem [CC-SLASH-2026-01], Copilot agents by file stem [GH-AGENTS-CFG].
pub(crate) fn effective_name(doc: &Document) -> Option<(String, Span)> {
    let path = doc.path.as_deref();
    let from_fm = |k: &str| {
        doc.get(k)
            .and_then(|n| n.as_str().map(|s| (s.to_owned(), n.span)))
    };
    match doc.kind {
        Kind::ClaudeAgent => from_fm("name"),
        Kind::ClaudeSkill => from_fm("name").or_else(|| {
            let dir = file_stem(path?).1?;
            Some((dir.to_owned(), Span::empty(0)))
        }),
        Kind::ClaudeCommand | Kind::CopilotAgent => {
            Some((file_stem(path?).0.to_owned(), Span::empty(0)))
        }
        _ => None,
    }
}

/// Checks names across a run's documents, given as their [`TreeEntry`] (`None` for a file
/// that did not parse). Returns `(index into entries, diagnostic)` for every document whose
/// effective name is shared with an earlier document of the same kind (the message names the
/// first file as `path:line`), and for every Claude command a same-named skill hides. Spans are
/// byte ranges into the reported document's text. Never fails.
#[must_use]
pub fn check_names(entries: &[Option<TreeEntry>]) -> Vec<(usize, Diagnostic)> {
    let mut first: HashMap<(Kind, &str), usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let Some((e, (name, span, _))) = e.as_ref().and_then(|e| Some((e, e.name.as_ref()?)))
        else {
            continue;
        };
        match first.get(&(e.kind, name.as_str())) {
            Some(&j) => {
                let other = entries[j].as_ref().expect("indexed entries exist");
                let line = other.name.as_ref().map_or(1, |n| n.2);
                out.push((
                    i,
                    DuplicateName::META
                        .diag(
                            *span,
                            format!(
                                "{} name `{name}` is also used by {}:{line}",
                                e.kind.describe(),
                                other.path
                            ),
                        )
                        .with_help(
                            "only one of them loads, chosen by file-system order; rename one",
                        ),
                ));
            }
            None => {
                first.insert((e.kind, name.as_str()), i);
            }
        }
    }
    out.extend(hidden_commands(entries));
    out
}

/// The project directory (the part before `.claude/<sub>/`) and the slash-command name of a
/// Claude command (`.claude/commands/**/N.md` → `N`) or project skill
/// (`.claude/skills/N/SKILL.md` → `N`, the directory: `name` is only a display label there
/// [CC-SKILLS]).
pub(crate) fn slash_name(doc: &Document) -> Option<(&str, &str)> {
    let path = doc.path.as_deref()?;
    let (sub, at) = match doc.kind {
        Kind::ClaudeCommand => ("/commands/", path.rfind(".claude/commands/")?),
        Kind::ClaudeSkill => ("/skills/", path.rfind(".claude/skills/")?),
        _ => return None,
    };
    let rest = &path[at + ".claude".len() + sub.len()..];
    let name = match doc.kind {
        Kind::ClaudeSkill => rest
            .strip_suffix("/SKILL.md")
            .filter(|d| !d.contains('/'))?,
        _ => file_stem(rest).0,
    };
    Some((&path[..at], name))
}

/// Claude commands hidden by a skill of the same project with the same name: both are
/// `/name`, and the skill wins [CC-SKILLS].
fn hidden_commands(entries: &[Option<TreeEntry>]) -> Vec<(usize, Diagnostic)> {
    let skills: HashMap<&(String, String), &str> = entries
        .iter()
        .flatten()
        .filter(|e| e.kind == Kind::ClaudeSkill)
        .filter_map(|e| Some((e.slash.as_ref()?, e.path.as_str())))
        .collect();
    entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let e = e.as_ref().filter(|e| e.kind == Kind::ClaudeCommand)?;
            let key = e.slash.as_ref()?;
            let skill = skills.get(key)?;
            Some((
                i,
                DuplicateName::META
                    .diag(
                        Span::empty(0),
                        format!(
                            "the skill {skill} is also `/{}` and wins, so this command never runs",
                            key.1
                        ),
                    )
                    .with_help("rename the command or the skill's directory, or delete the command [CC-SKILLS]"),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::document::parse;
    use crate::rules::tree::check_tree;
    use crate::source::SourceText;

    #[test]
    fn reports_the_second_file() {
        let a = parse(
            SourceText::from_str("---\nname: r\ndescription: d\n---\nx\n"),
            Some(".claude/agents/a.md"),
            None,
        )
        .doc;
        let b = parse(
            SourceText::from_str("---\nname: r\ndescription: e\n---\ny\n"),
            Some(".claude/agents/sub/b.md"),
            None,
        )
        .doc;
        let c = parse(
            SourceText::from_str("x\n"),
            Some(".claude/commands/r.md"),
            None,
        )
        .doc;
        let d = check_tree(&[&a, &b, &c]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].0, 1);
        assert!(
            d[0].1.message.contains(".claude/agents/a.md:2"),
            "{}",
            d[0].1.message
        );
    }

    #[test]
    fn reports_a_command_a_skill_hides() {
        let doc = |text: &str, path: &str| parse(SourceText::from_str(text), Some(path), None).doc;
        let skill = doc(
            "---\nname: Deploy helper\ndescription: d\n---\nx\n",
            ".claude/skills/deploy/SKILL.md",
        );
        let command = doc(
            "---\ndescription: d\n---\nx\n",
            ".claude/commands/ops/deploy.md",
        );
        let other_project = doc(
            "---\ndescription: d\n---\nx\n",
            "web/.claude/commands/deploy.md",
        );
        let unrelated = doc(
            "---\ndescription: d\n---\nx\n",
            ".claude/commands/release.md",
        );
        let d: Vec<_> = check_tree(&[&command, &skill, &other_project, &unrelated])
            .into_iter()
            .filter(|(_, d)| d.message.contains("never runs"))
            .collect();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, 0);
        assert_eq!(
            d[0].1.message,
            "the skill .claude/skills/deploy/SKILL.md is also `/deploy` and wins, so this command never runs"
        );
    }
}
