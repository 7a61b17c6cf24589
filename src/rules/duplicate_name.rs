//! `duplicate-name` (AF118): Reports files of the same kind whose names clash where their tool loads them together: Claude subagents by `name` per project or plugin, skills by directory per skills folder, Claude commands by file stem per project or plugin, Copilot agents by file stem, Cursor, Gemini CLI and Codex subagents by `name` per project; a Claude or Codex subagent that a Cursor subagent of the same name hides from Cursor; and a Claude command that a same-named skill of its project (or a project above) hides. Checked across every file of a run.

declare_rule! {
    /// ## What it does
    /// Reports files of the same kind whose names clash where their tool loads them together: Claude subagents by `name` per project or plugin, skills by directory per skills folder, Claude commands by file stem per project or plugin, Copilot agents by file stem, Cursor, Gemini CLI and Codex subagents by `name` per project; a Claude or Codex subagent that a Cursor subagent of the same name hides from Cursor; and a Claude command that a same-named skill of its project (or a project above) hides. Checked across every file of a run.
    ///
    /// ## Why is this bad?
    /// Only one of the clashing files loads, chosen by file-system order [CC-SUB], [CC-SLASH-2026-01], [GH-AGENTS-CFG]; a Gemini CLI subagent's `name` becomes its tool name [GEM-SUB] and a Codex agent's `name` is the `agent_type` that spawns it [CODEX-SUB], so two of them cannot both be called. Cursor also loads `.claude/agents/` and `.codex/agents/`, and on the same name its own `.cursor/agents/` file wins [CUR-SUB] . A skill and a command of the same name are both `/name`, and the skill wins: the command never runs [CC-SKILLS].
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
use super::tree::before;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::span::Span;
use crate::tools::Kind;

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

/// Where a name of `doc` must be unique, the name, and the span to point at, for the kinds
/// whose names must be unique. The scope is the directory the tool loads the kind from, so
/// sibling projects, plugins and the copies of a skill for several tools do not clash:
/// - Claude subagents by `name`, per project (`<p>/.claude/agents/**`) or plugin
///   (`<p>/agents/**`) [CC-SUB], [CC-PLUG];
/// - skills by their directory, per skills folder (category folders share it) [CC-SKILLS],
///   [CUR-SKILLS];
/// - Claude commands by file stem, per project or plugin [CC-SLASH-2026-01];
/// - Copilot agents by file stem, per folder (`x.agent.md` and `x.md`) [GH-AGENTS-CFG]:
///   whether GitHub reads sub-folders of `.github/agents/` is not documented;
/// - Cursor subagents by `name` (else the file stem), per project (`<p>/.cursor/agents/`)
///   [CUR-SUB];
/// - Gemini CLI subagents by `name`, per project (`<p>/.gemini/agents/`) [GEM-SUB];
/// - Codex custom agents by `name`, per project (`<p>/.codex/agents/`) [CODEX-SUB].
pub(crate) fn effective_name(doc: &Document) -> Option<(String, String, Span)> {
    let path = doc.path.as_deref()?.replace('\\', "/");
    let (stem, dir) = file_stem(&path);
    let dir_scope = || path[..path.len() - path.rsplit('/').next().map_or(0, str::len)].to_owned();
    let node = |k: &str| {
        doc.get(k)
            .and_then(|n| n.as_str().map(|s| (s.to_owned(), n.span)))
    };
    let (scope, name, span) = match doc.kind {
        Kind::ClaudeAgent => {
            let (name, span) = node("name")?;
            let scope = before(&path, ".claude/agents/")
                .or_else(|| before(&path, "agents/"))
                .map_or_else(dir_scope, str::to_owned);
            (scope, name, span)
        }
        Kind::ClaudeSkill => {
            let dir = dir?.to_owned();
            let span = node("name").map_or(Span::empty(0), |(_, s)| s);
            let scope = before(&path, "skills/").map_or_else(|| path.clone(), str::to_owned);
            (scope, dir, span)
        }
        Kind::ClaudeCommand => {
            let scope = before(&path, ".claude/commands/")
                .or_else(|| before(&path, "commands/"))
                .map_or_else(dir_scope, str::to_owned);
            (scope, stem.to_owned(), Span::empty(0))
        }
        Kind::CopilotAgent => (dir_scope(), stem.to_owned(), Span::empty(0)),
        Kind::CursorAgent => {
            let (name, span) = node("name").unwrap_or_else(|| (stem.to_owned(), Span::empty(0)));
            let scope = before(&path, ".cursor/agents/").map_or_else(dir_scope, str::to_owned);
            (scope, name, span)
        }
        Kind::GeminiAgent | Kind::CodexAgent => {
            let (name, span) = node("name")?;
            let marker = if doc.kind == Kind::GeminiAgent {
                ".gemini/agents/"
            } else {
                ".codex/agents/"
            };
            let scope = before(&path, marker).map_or_else(dir_scope, str::to_owned);
            (scope, name, span)
        }
        _ => return None,
    };
    Some((scope, name, span))
}

/// Checks names across a run's documents, given as their [`TreeEntry`] (`None` for a file
/// that did not parse). Returns `(index into entries, diagnostic)` for every document whose
/// effective name is shared with an earlier document of the same kind (the message names the
/// first file as `path:line`), and for every Claude command a same-named skill hides. Spans are
/// byte ranges into the reported document's text. Never fails.
#[must_use]
pub fn check_names(entries: &[Option<TreeEntry>]) -> Vec<(usize, Diagnostic)> {
    let mut first: HashMap<(Kind, &str, &str), usize> = HashMap::new();
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let Some((e, (scope, name, span, _))) =
            e.as_ref().and_then(|e| Some((e, e.name.as_ref()?)))
        else {
            continue;
        };
        match first.get(&(e.kind, scope.as_str(), name.as_str())) {
            Some(&j) => {
                let other = entries[j].as_ref().expect("indexed entries exist");
                let line = other.name.as_ref().map_or(1, |n| n.3);
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
                first.insert((e.kind, scope.as_str(), name.as_str()), i);
            }
        }
    }
    out.extend(hidden_commands(entries));
    out.extend(shadowed_in_cursor(entries));
    out
}

/// Claude subagents in `<p>/.claude/agents/` and Codex agents in `<p>/.codex/agents/` with the
/// name of a Cursor subagent in `<p>/.cursor/agents/`: Cursor loads all three folders and,
/// on the same name, uses its own file ([CUR-SUB]).
fn shadowed_in_cursor(entries: &[Option<TreeEntry>]) -> Vec<(usize, Diagnostic)> {
    let project = |e: &TreeEntry, marker: &str| {
        let (scope, name, _, _) = e.name.as_ref()?;
        let path = e.path.replace('\\', "/");
        (before(&path, marker)? == scope.as_str()).then(|| (scope.clone(), name.clone()))
    };
    let mut cursor: HashMap<(String, String), &str> = HashMap::new();
    for e in entries
        .iter()
        .flatten()
        .filter(|e| e.kind == Kind::CursorAgent)
    {
        if let Some(key) = project(e, ".cursor/agents/") {
            cursor.entry(key).or_insert(&e.path);
        }
    }
    if cursor.is_empty() {
        return Vec::new();
    }
    entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let e = e.as_ref()?;
            let marker = match e.kind {
                Kind::ClaudeAgent => ".claude/agents/",
                Kind::CodexAgent => ".codex/agents/",
                _ => return None,
            };
            let key = project(e, marker)?;
            let other = cursor.get(&key)?;
            let span = e.name.as_ref().map_or(Span::empty(0), |n| n.2);
            Some((
                i,
                DuplicateName::META
                    .diag(
                        span,
                        format!(
                            "Cursor also loads this {}, but {other} has the same name `{}` and Cursor uses that one",
                            e.kind.describe(),
                            key.1
                        ),
                    )
                    .with_help("rename one of them if Cursor should see both [CUR-SUB]"),
            ))
        })
        .collect()
}

/// The project directory (the part before `.claude/<sub>/`) and the slash-command name of a
/// Claude command (`.claude/commands/**/N.md` → `N`) or project skill
/// (`.claude/skills/N/SKILL.md` → `N`, the directory: `name` is only a display label there
/// [CC-SKILLS]).
pub(crate) fn slash_name(doc: &Document) -> Option<(&str, &str)> {
    let path = doc.path.as_deref()?;
    let marker = match doc.kind {
        Kind::ClaudeCommand => ".claude/commands/",
        Kind::ClaudeSkill => ".claude/skills/",
        _ => return None,
    };
    let root = before(path, marker)?;
    let rest = &path[root.len() + marker.len()..];
    let name = match doc.kind {
        Kind::ClaudeSkill => rest
            .strip_suffix("/SKILL.md")
            .filter(|d| !d.contains('/'))?,
        _ => file_stem(rest).0,
    };
    Some((root, name))
}

/// Claude commands hidden by a skill with the same name in the same project or a project above
/// it (Claude Code loads project skills from the working directory and every parent up to the
/// repository root): both are `/name`, and the skill wins [CC-SKILLS].
fn hidden_commands(entries: &[Option<TreeEntry>]) -> Vec<(usize, Diagnostic)> {
    let mut skills: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
    for e in entries
        .iter()
        .flatten()
        .filter(|e| e.kind == Kind::ClaudeSkill)
    {
        if let Some((root, name)) = &e.slash {
            skills.entry(name).or_default().push((root, &e.path));
        }
    }
    entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let e = e.as_ref().filter(|e| e.kind == Kind::ClaudeCommand)?;
            let (root, name) = e.slash.as_ref()?;
            let &(_, skill) = skills
                .get(name.as_str())?
                .iter()
                .find(|(skill_root, _)| root.starts_with(skill_root))?;
            Some((
                i,
                DuplicateName::META
                    .diag(
                        Span::empty(0),
                        format!(
                            "the skill {skill} is also `/{name}` and wins, so this command never runs"
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
        let plain = "---\ndescription: d\n---\nx\n";
        let skill = doc(
            "---\nname: Deploy helper\ndescription: d\n---\nx\n",
            ".claude/skills/deploy/SKILL.md",
        );
        let command = doc(plain, ".claude/commands/ops/deploy.md");
        // A project below the skill's: the skill loads there too, and hides it.
        let below = doc(plain, "web/.claude/commands/deploy.md");
        let unrelated = doc(plain, ".claude/commands/release.md");
        // A skill of a project below does not reach the top project's commands.
        let web_skill = doc(
            "---\nname: release\ndescription: d\n---\nx\n",
            "web/.claude/skills/release/SKILL.md",
        );
        let d: Vec<_> = check_tree(&[&command, &skill, &below, &unrelated, &web_skill])
            .into_iter()
            .filter(|(_, d)| d.message.contains("never runs"))
            .collect();
        assert_eq!(
            d.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
            [0, 2],
            "{d:?}"
        );
        assert_eq!(
            d[0].1.message,
            "the skill .claude/skills/deploy/SKILL.md is also `/deploy` and wins, so this command never runs"
        );
    }

    #[test]
    fn names_clash_only_where_the_tool_loads_them_together() {
        let doc = |text: &str, path: &str| parse(SourceText::from_str(text), Some(path), None).doc;
        let agent = "---\nname: reviewer\ndescription: d\n---\nx\n";
        let skill = "---\nname: deploy\ndescription: d\n---\nx\n";
        let docs = [
            // Two projects of a monorepo, two plugins: no clash.
            doc(agent, "web/.claude/agents/reviewer.md"),
            doc(agent, "api/.claude/agents/reviewer.md"),
            doc(agent, "plugins/a/agents/reviewer.md"),
            doc(agent, "plugins/b/agents/reviewer.md"),
            // The same skill for Claude and for Codex: no clash.
            doc(skill, ".claude/skills/deploy/SKILL.md"),
            doc(skill, ".agents/skills/deploy/SKILL.md"),
            // Sub-folders of one project's agents, category folders of one skills folder: clash.
            doc(agent, "web/.claude/agents/team/reviewer.md"),
            doc(skill, ".cursor/skills/ops/deploy/SKILL.md"),
            doc(skill, ".cursor/skills/web/deploy/SKILL.md"),
        ];
        let refs: Vec<_> = docs.iter().collect();
        let d: Vec<usize> = check_tree(&refs).into_iter().map(|(i, _)| i).collect();
        assert_eq!(d, [6, 8]);
    }

    #[test]
    fn gemini_codex_and_cursor_subagents_by_name() {
        let doc = |text: &str, path: &str| parse(SourceText::from_str(text), Some(path), None).doc;
        let md = |name: &str| format!("---\nname: {name}\ndescription: d\n---\nx\n");
        let toml = |name: &str| {
            format!("name = \"{name}\"\ndescription = \"d\"\ndeveloper_instructions = \"x\"\n")
        };
        let docs = [
            doc(&md("scout"), ".gemini/agents/a.md"),
            doc(&md("scout"), ".gemini/agents/b.md"), // 1: same Gemini CLI tool name
            doc(&md("scout"), "web/.gemini/agents/c.md"), // another project
            doc(&toml("fixer"), ".codex/agents/a.toml"),
            doc(&toml("fixer"), ".codex/agents/b.toml"), // 4: same agent_type
            doc(&md("fixer"), ".cursor/agents/fixer.md"),
            doc(&md("reviewer"), ".claude/agents/reviewer.md"), // 6: hidden from Cursor
            doc(
                "---\ndescription: d\n---\nx\n",
                ".cursor/agents/reviewer.md",
            ),
            doc(&md("reviewer"), "web/.claude/agents/reviewer.md"), // another project
            doc(&md("reviewer"), "plugin/agents/reviewer.md"), // a plugin: Cursor does not load it
        ];
        let refs: Vec<_> = docs.iter().collect();
        let d = check_tree(&refs);
        let at: Vec<usize> = d.iter().map(|(i, _)| *i).collect();
        // 3 and 4 are Codex agents named like the Cursor subagent `fixer`.
        assert_eq!(at, [1, 4, 3, 4, 6], "{d:?}");
        assert!(
            d[0].1.message.contains(".gemini/agents/a.md:2"),
            "{}",
            d[0].1.message
        );
        assert!(
            d[4].1
                .message
                .contains(".cursor/agents/reviewer.md has the same name `reviewer`"),
            "{}",
            d[4].1.message
        );
    }
}
