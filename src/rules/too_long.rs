//! `too-long` (AF113): Reports a file or value longer than its tool reads: Copilot agent body 30,000 chars, Copilot instructions 4,000 chars (code review), Windsurf rule 12,000 chars, skill description + `when_to_use` 1,536 chars, SKILL.md 500 lines, CLAUDE.md and `.claude/rules` files 200 lines, Cursor rule 500 lines, AGENTS.md 32 KiB.

declare_rule! {
    /// ## What it does
    /// Reports a file or value longer than its tool reads: Copilot agent body 30,000 chars, Copilot instructions 4,000 chars (code review), Windsurf rule 12,000 chars, skill description + `when_to_use` 1,536 chars, SKILL.md 500 lines, CLAUDE.md and `.claude/rules` files 200 lines, Cursor rule 500 lines, AGENTS.md 32 KiB.
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
use crate::diagnostic::Severity;
use crate::kind::Kind;
use crate::span::Span;

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
}
