//! `too-long` (AF113): Reports a file or value longer than its tool reads: Copilot agent body 30,000 chars, Copilot instructions 4,000 chars (code review), Windsurf rule 12,000 chars, skill description + `when_to_use` 1,536 chars, SKILL.md 500 lines, CLAUDE.md and `.claude/rules` files 200 lines, Cursor rule 500 lines, AGENTS.md 32 KiB, alone or with the AGENTS.md files above it (checked across the run, which also notes an AGENTS.md that `AGENTS.override.md` shadows).

declare_rule! {
    /// ## What it does
    /// Reports a file or value longer than its tool reads: Copilot agent body 30,000 chars, Copilot instructions 4,000 chars (code review), Windsurf rule 12,000 chars, skill description + `when_to_use` 1,536 chars, SKILL.md 500 lines, CLAUDE.md and `.claude/rules` files 200 lines, Cursor rule 500 lines, AGENTS.md 32 KiB, alone or with the AGENTS.md files above it (checked across the run, which also notes an AGENTS.md that `AGENTS.override.md` shadows).
    ///
    /// ## Why is this bad?
    /// The rest is truncated or ignored, or adherence drops [GH-AGENTS-CFG], [GH-RESP-CUST], [WS], [CC-SKILLS], [AS-SPEC], [CC-MEM], [CUR-RULES], [CODEX-AGENTSMD].
    ///
    /// ## Example
    /// ```text
    /// (a .windsurf/rules/*.md file of 15,000 characters)
    /// ```
    pub struct TooLong {
        code: "AF113",
        name: "too-long",
        severity: Warning,
    }
}

use super::{Checker, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Span;
use crate::tools::Kind;

/// How a limit is measured.
#[derive(Clone, Copy)]
enum Unit {
    /// Characters (Unicode scalar values) of the body.
    BodyChars,
    /// Characters of the whole file.
    FileChars,
    /// Lines of the whole file.
    Lines,
    /// Bytes of the whole file.
    Bytes,
}

/// (kind, unit, limit, severity, why).
const LIMITS: &[(Kind, Unit, usize, Severity, &str)] = &[
    (
        Kind::CopilotAgent,
        Unit::BodyChars,
        30_000,
        Severity::Error,
        "GitHub reads at most 30,000 characters of an agent prompt [GH-AGENTS-CFG]",
    ),
    (
        Kind::CopilotInstructions,
        Unit::FileChars,
        4_000,
        Severity::Warning,
        "Copilot code review reads only the first 4,000 characters; put critical rules first [GH-RESP-CUST]",
    ),
    (
        Kind::CopilotScopedInstructions,
        Unit::FileChars,
        4_000,
        Severity::Warning,
        "Copilot code review reads only the first 4,000 characters; put critical rules first [GH-RESP-CUST]",
    ),
    (
        Kind::WindsurfRule,
        Unit::FileChars,
        12_000,
        Severity::Error,
        "Windsurf limits a rule file to 12,000 characters [WS]",
    ),
    (
        Kind::DevinRule,
        Unit::FileChars,
        12_000,
        Severity::Error,
        "Devin Desktop limits a workspace rule to 12,000 characters [SKILLSAW-DEVIN]",
    ),
    (
        Kind::AntigravityRule,
        Unit::FileChars,
        12_000,
        Severity::Error,
        "Antigravity limits a rule file to 12,000 characters [AG-RULES-SKLY]",
    ),
    (
        Kind::ClaudeSkill,
        Unit::Lines,
        500,
        Severity::Warning,
        "keep SKILL.md under 500 lines; move details into referenced files [CC-SKILLS], [AS-SPEC]",
    ),
    (
        Kind::ClaudeMd,
        Unit::Lines,
        200,
        Severity::Warning,
        "Claude Code recommends under 200 lines per CLAUDE.md for adherence [CC-MEM]",
    ),
    (
        Kind::ClaudeRule,
        Unit::Lines,
        200,
        Severity::Warning,
        "Claude Code loads rules into memory like CLAUDE.md; keep each under 200 lines for adherence [CC-MEM]",
    ),
    (
        Kind::CursorMdc,
        Unit::Lines,
        500,
        Severity::Warning,
        "Cursor recommends keeping rules under 500 lines [CUR-RULES]",
    ),
    (
        Kind::AgentsMd,
        Unit::Bytes,
        32 * 1024,
        Severity::Warning,
        "Codex truncates AGENTS.md content beyond 32 KiB (`project_doc_max_bytes`) [CODEX-AGENTSMD]",
    ),
];

/// The size limit past which the owning tool rejects or truncates a `kind` file (an error of
/// this rule): `(limit in characters, whether it counts the body only)`. `None` when the kind
/// has no such hard limit. The converter fits its output to it.
#[must_use]
pub fn hard_limit(kind: Kind) -> Option<(usize, bool)> {
    LIMITS
        .iter()
        .find(|l| l.0 == kind && l.3 == Severity::Error)
        .map(|&(_, unit, limit, _, _)| (limit, matches!(unit, Unit::BodyChars)))
}

impl Rule for TooLong {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.doc;
        for &(kind, unit, limit, severity, why) in LIMITS.iter().filter(|l| l.0 == doc.kind) {
            let (size, what) = match unit {
                Unit::BodyChars => (doc.body_text().chars().count(), "characters"),
                Unit::FileChars => (doc.text().chars().count(), "characters"),
                Unit::Lines => (doc.text().lines().count(), "lines"),
                Unit::Bytes => (doc.text().len(), "bytes"),
            };
            if size > limit {
                let mut d = Self::META.diag(
                    Span::empty(0),
                    format!(
                        "{} is {size} {what} long; the limit is {limit}",
                        kind.describe()
                    ),
                );
                d.severity = severity;
                cx.report(d.with_help(why));
            }
        }
        if doc.kind == Kind::ClaudeSkill {
            let len = |k: &str| {
                doc.get(k)
                    .and_then(|n| n.as_str())
                    .map_or(0, |s| s.chars().count())
            };
            let total = len("description") + len("when_to_use");
            if total > 1_536 {
                let span = doc.get("description").map_or(doc.head_span(), |n| n.span);
                cx.report(
                    Self::META
                        .diag(span, format!("`description` + `when_to_use` is {total} characters; Claude Code truncates it at 1,536 in the skill listing"))
                        .with_help("shorten the description [CC-SKILLS]"),
                );
            }
        }
    }
}

/// Codex's default `project_doc_max_bytes`: it stops reading the concatenated AGENTS.md
/// files there [CODEX-AGENTSMD].
const CODEX_PROJECT_DOC_BYTES: usize = 32 * 1024;

/// The directory part of `path` (`""` for a file at the top).
fn dir_of(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

/// Nested AGENTS.md files across a run, as Codex reads them [CODEX-AGENTSMD]: in each
/// directory `AGENTS.override.md` else `AGENTS.md`, concatenated from the top down, and cut at
/// 32 KiB. Reports (warning) an AGENTS.md under the limit on its own whose chain of files above
/// it takes the total past the limit, and notes (info) an `AGENTS.md` that an
/// `AGENTS.override.md` beside it shadows. Only the run's files count: the top of the chain is
/// the highest directory checked.
pub(crate) fn nested_agents_md(
    entries: &[Option<super::tree::TreeEntry>],
) -> Vec<(usize, Diagnostic)> {
    use std::collections::HashMap;
    let file_of = |p: &str| p.rsplit('/').next().unwrap_or(p).to_owned();
    // The file Codex reads in each directory.
    let mut read: HashMap<&str, usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let Some(e) = e.as_ref().filter(|e| e.kind == Kind::AgentsMd) else {
            continue;
        };
        let file = file_of(&e.path);
        if file == "AGENTS.override.md"
            || (file == "AGENTS.md" && !read.contains_key(dir_of(&e.path)))
        {
            read.insert(dir_of(&e.path), i);
        }
    }
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let Some(e) = e.as_ref().filter(|e| e.kind == Kind::AgentsMd) else {
            continue;
        };
        let dir = dir_of(&e.path);
        if read.get(dir) != Some(&i) {
            if file_of(&e.path) == "AGENTS.md" && read.contains_key(dir) {
                let mut d = TooLong::META.diag(
                    Span::empty(0),
                    "Codex reads `AGENTS.override.md` in this directory instead of this file"
                        .to_owned(),
                );
                d.severity = Severity::Info;
                out.push((
                    i,
                    d.with_help(
                        "merge the two, or delete the one you do not mean [CODEX-AGENTSMD]",
                    ),
                ));
            }
            continue;
        }
        // Over the limit on its own: the per-file check reports it.
        if e.bytes > CODEX_PROJECT_DOC_BYTES {
            continue;
        }
        let mut chain = vec![i];
        let mut d = dir;
        while !d.is_empty() {
            d = dir_of(d);
            if let Some(&j) = read.get(d) {
                chain.push(j);
            }
        }
        let total: usize = chain
            .iter()
            .filter_map(|&j| entries[j].as_ref())
            .map(|e| e.bytes)
            .sum();
        // Below the top file, a hidden directory (`.claude/`, `.github/`) is one Codex runs in
        // only if someone starts it there, which nobody does.
        let top = chain
            .last()
            .and_then(|&j| entries[j].as_ref())
            .map_or("", |t| dir_of(&t.path));
        let hidden = dir.get(top.len()..).is_some_and(|below| {
            below
                .split('/')
                .any(|c| c.starts_with('.') && c != "." && c != "..")
        });
        if chain.len() > 1 && total > CODEX_PROJECT_DOC_BYTES && !hidden {
            let above: Vec<&str> = chain[1..]
                .iter()
                .rev()
                .filter_map(|&j| entries[j].as_ref().map(|e| e.path.as_str()))
                .collect();
            out.push((
                i,
                TooLong::META
                    .diag(
                        Span::empty(0),
                        format!(
                            "with the AGENTS.md files above it ({}), Codex reads {total} bytes here; the limit is {CODEX_PROJECT_DOC_BYTES}",
                            above.join(", ")
                        ),
                    )
                    .with_help("Codex cuts the concatenated files at 32 KiB (`project_doc_max_bytes`), so the end of this file is lost; shorten the files above it [CODEX-AGENTSMD]"),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn measures_per_kind() {
        let long = format!("---\ntrigger: always_on\n---\n{}\n", "x".repeat(12_001));
        assert_eq!(check(&long, ".windsurf/rules/a.md", "too-long").len(), 1);
        assert!(
            check(
                "---\ntrigger: always_on\n---\nshort\n",
                ".windsurf/rules/a.md",
                "too-long"
            )
            .is_empty()
        );
        let lines = |n: usize| format!("---\npaths: src/**\n---\n{}", "- a rule\n".repeat(n));
        // 3 front-matter lines and the body: 200 lines pass, 201 do not.
        assert!(check(&lines(197), ".claude/rules/a.md", "too-long").is_empty());
        let d = check(&lines(198), ".claude/rules/a.md", "too-long");
        assert_eq!(d.len(), 1);
        assert!(
            d[0].message
                .ends_with("is 201 lines long; the limit is 200"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn nested_agents_md_chain_and_override() {
        use crate::diagnostic::Severity;
        use crate::document::parse;
        use crate::source::SourceText;
        let doc =
            |text: String, path: &str| parse(SourceText::from_str(&text), Some(path), None).doc;
        let kib = |n: usize| format!("{}\n", "x".repeat(n * 1024 - 1));
        let top = doc(kib(20), "AGENTS.md");
        let pkg = doc(kib(10), "pkg/AGENTS.md");
        let deep = doc(kib(3), "pkg/a/b/AGENTS.md");
        let other = doc(kib(10), "web/AGENTS.md");
        let shadowed = doc(kib(1), "web/api/AGENTS.md");
        // Under a hidden directory below the top file: not reported (20 + 13 KiB).
        let hidden = doc(kib(13), ".claude/AGENTS.md");
        let over = doc(kib(1), "web/api/AGENTS.override.md");
        let d =
            crate::rules::tree::check_tree(&[&top, &pkg, &deep, &other, &shadowed, &over, &hidden]);
        let found: Vec<(usize, Severity, &str)> = d
            .iter()
            .map(|(i, d)| (*i, d.severity, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                // 20 + 10 + 3 KiB: the chain ends past 32 KiB only at the deepest file.
                (
                    2,
                    Severity::Warning,
                    "with the AGENTS.md files above it (AGENTS.md, pkg/AGENTS.md), Codex reads 33792 bytes here; the limit is 32768"
                ),
                (
                    4,
                    Severity::Info,
                    "Codex reads `AGENTS.override.md` in this directory instead of this file"
                ),
            ]
        );
        // A hidden directory above the top file (the checked tree lives in one) is not skipped.
        let hidden_top = doc(kib(20), ".work/AGENTS.md");
        let hidden_leaf = doc(kib(13), ".work/pkg/AGENTS.md");
        let d = crate::rules::tree::check_tree(&[&hidden_top, &hidden_leaf]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].0, 1);
    }
}
