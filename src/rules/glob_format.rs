//! `glob-format` (AF112): Reports glob values that the owning tool reads differently from what they seem: Cursor `globs` written quoted, in brackets, as a YAML list or with spaces after commas; absolute or `./` patterns; unbalanced `[` in Claude `paths`. Brace groups such as `src/**/*.{ts,tsx}` are one pattern.

declare_rule! {
    /// ## What it does
    /// Reports glob values that the owning tool reads differently from what they seem: Cursor `globs` written quoted, in brackets, as a YAML list or with spaces after commas; absolute or `./` patterns; unbalanced `[` in Claude `paths`. Brace groups such as `src/**/*.{ts,tsx}` are one pattern.
    ///
    /// ## Why is this bad?
    /// Cursor keeps quotes and brackets as pattern characters, so the rule never matches [CUR-GLOB]; patterns are relative to the workspace root [GH-REPO-INSTR]; Claude makes a pattern with an unparsable `[` match nothing [CC-MEM].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// globs: "src/**/*.ts", "src/**/*.tsx"
    /// ---
    /// ```
    pub struct GlobFormat {
        code: "AF112",
        name: "glob-format",
        severity: Warning,
    }
}

use super::{Checker, Rule};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Severity};
use crate::document::{Node, Style, Value};
use crate::span::Span;
use crate::tools::Kind;

/// Splits a comma-separated glob list on commas outside `{…}` and `[…]`: `src/**/*.{ts,tsx}`
/// is one pattern. Returns byte ranges into `s` (untrimmed).
pub fn split_globs(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut brace, mut bracket, mut start) = (0i32, 0i32, 0);
    for (i, c) in s.char_indices() {
        match c {
            '{' => brace += 1,
            '}' => brace -= 1,
            '[' => bracket += 1,
            ']' => bracket -= 1,
            ',' if brace <= 0 && bracket <= 0 => {
                out.push(start..i);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(start..s.len());
    out
}

fn relative(cx: &mut Checker<'_>, pattern: &str, span: Span) {
    if pattern.starts_with('/') || pattern.starts_with("./") {
        cx.report(
            GlobFormat::META
                .diag(span, format!("glob `{pattern}` is not relative to the workspace root"))
                .with_help("write patterns relative to the root without a leading `/` or `./` [GH-REPO-INSTR], [CUR-GLOB]"),
        );
    }
}

/// Why `pattern` is not a glob any matcher can read, or `None`: an unclosed `[` class or
/// `{` group, a `}` without its `{`, or a reversed range (`[z-a]`), as `globset` reports
/// them. Other `globset` refusals (nested `{…}`, `**` inside a name) are not reported: other
/// matchers (minimatch, VS Code's) accept them.
fn invalid_glob(pattern: &str) -> Option<&'static str> {
    use globset::ErrorKind;
    let err = globset::GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .err()?;
    match err.kind() {
        ErrorKind::UnclosedClass => Some("an unclosed `[`"),
        ErrorKind::UnclosedAlternates => Some("an unclosed `{`"),
        ErrorKind::UnopenedAlternates => Some("a `}` without its `{`"),
        ErrorKind::InvalidRange(..) => Some("a reversed range in `[…]`"),
        _ => None,
    }
}

/// Reports `pattern` when it is no valid glob: an error where the tool documents that such a
/// pattern matches nothing (Claude Code `paths` [CC-MEM], Copilot `applyTo`
/// [GH-REPO-INSTR]), a warning elsewhere. Returns whether it reported.
fn invalid(cx: &mut Checker<'_>, key: &str, pattern: &str, span: Span) -> bool {
    let Some(why) = invalid_glob(pattern) else {
        return false;
    };
    let (severity, help) = match cx.doc.kind.tool() {
        crate::tools::Tool::Claude => (
            Severity::Error,
            "Claude Code makes a pattern it cannot parse match nothing [CC-MEM]",
        ),
        crate::tools::Tool::Copilot => (
            Severity::Error,
            "each `applyTo` pattern must be a valid glob, or the instructions never apply [GH-REPO-INSTR]",
        ),
        _ => (
            Severity::Warning,
            "a pattern the matcher cannot parse matches no file, so the rule never applies",
        ),
    };
    let mut d = GlobFormat::META.diag(span, format!("`{key}` pattern `{pattern}` has {why}"));
    d.severity = severity;
    cx.report(d.with_help(help));
    true
}

fn cursor(cx: &mut Checker<'_>, node: &Node) {
    let quoted = |msg: &str, node: &Node, joined: String| -> Diagnostic {
        GlobFormat::META
            .diag(node.span, msg.to_owned())
            .with_help(format!("Cursor reads `globs` as raw comma-separated text, so quotes and brackets become part of the pattern; write `globs: {joined}` [CUR-GLOB]"))
            .with_fix(Applicability::Unsafe, vec![Edit { span: node.span, replacement: joined }])
    };
    match &node.value {
        Value::Seq(items) => {
            let joined = items
                .iter()
                .filter_map(Node::scalar_text)
                .collect::<Vec<_>>()
                .join(",");
            cx.report(quoted(
                "`globs` is a YAML list; Cursor documents one comma-separated value",
                node,
                joined,
            ));
        }
        Value::Str(s, style) => {
            let raw = s.trim();
            let strip = |t: &str| t.trim().trim_matches(['"', '\'']).trim().to_owned();
            if raw.starts_with('[') && raw.ends_with(']') {
                let inner = &raw[1..raw.len() - 1];
                let joined = split_globs(inner)
                    .into_iter()
                    .map(|r| strip(&inner[r]))
                    .collect::<Vec<_>>()
                    .join(",");
                cx.report(quoted(
                    "`globs` is written as a list in brackets",
                    node,
                    joined,
                ));
                return;
            }
            if matches!(style, Style::Single | Style::Double) || raw.starts_with(['"', '\'']) {
                let joined = split_globs(raw)
                    .into_iter()
                    .map(|r| strip(&raw[r]))
                    .collect::<Vec<_>>()
                    .join(",");
                cx.report(quoted("`globs` is quoted", node, joined));
                return;
            }
            let base = node.span.start as usize;
            let in_file = cx.doc.text().get(node.span.range()) == Some(s.as_str());
            for r in split_globs(s) {
                let part = &s[r.clone()];
                let span = if in_file {
                    Span::new(base + r.start, base + r.end)
                } else {
                    node.span
                };
                if part.trim().is_empty() {
                    cx.report(
                        GlobFormat::META
                            .diag(span, "empty pattern in `globs`".into())
                            .with_help("remove the extra comma"),
                    );
                } else if r.start > 0 && part.starts_with([' ', '\t']) {
                    let mut d = GlobFormat::META.diag(
                        span,
                        format!("space after the comma before `{}`", part.trim()),
                    );
                    d.severity = Severity::Info;
                    cx.report(d.with_help("a space after a comma reportedly breaks matching in Cursor (UNCONFIRMED); write `a,b` [CUR-GLOB]"));
                } else if !invalid(cx, "globs", part.trim(), span) {
                    relative(cx, part.trim(), span);
                }
            }
        }
        _ => {}
    }
}

impl Rule for GlobFormat {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.doc;
        let key = match doc.kind {
            Kind::CursorMdc => {
                if let Some(n) = doc.get("globs") {
                    cursor(cx, n);
                }
                return;
            }
            kind => match kind.spec().glob_key {
                Some(key) => key,
                None => return,
            },
        };
        let Some(node) = doc.get(key) else {
            return;
        };
        let patterns: Vec<(String, Span)> = match (node.as_str(), node.as_seq()) {
            (Some(s), _) => split_globs(s)
                .into_iter()
                .map(|r| (s[r].trim().to_owned(), node.span))
                .collect(),
            (None, Some(items)) => items
                .iter()
                .filter_map(|n| n.as_str().map(|s| (s.trim().to_owned(), n.span)))
                .collect(),
            _ => Vec::new(),
        };
        for (p, span) in patterns {
            if !invalid(cx, key, &p, span) {
                relative(cx, &p, span);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::split_globs;
    use crate::rules::tests::check;

    #[test]
    fn brace_groups_are_one_pattern() {
        let s = "src/**/*.{ts,tsx},docs/*.md";
        let parts: Vec<&str> = split_globs(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(parts, ["src/**/*.{ts,tsx}", "docs/*.md"]);
    }

    #[test]
    fn flags_cursor_quoting_and_lists() {
        let r = ".cursor/rules/a.mdc";
        assert_eq!(
            check("---\nglobs: \"src/**/*.ts\"\n---\n", r, "glob-format").len(),
            1
        );
        assert_eq!(
            check("---\nglobs: [\"a\", \"b\"]\n---\n", r, "glob-format").len(),
            1
        );
        assert_eq!(
            check("---\nglobs:\n  - a\n  - b\n---\n", r, "glob-format").len(),
            1
        );
        assert!(
            check(
                "---\nglobs: src/**/*.{ts,tsx},docs/**\n---\n",
                r,
                "glob-format"
            )
            .is_empty()
        );
        assert_eq!(
            check(
                "---\npaths: src/[ab/*.ts\n---\n",
                ".claude/rules/a.md",
                "glob-format"
            )
            .len(),
            1
        );
    }

    #[test]
    fn flags_patterns_no_matcher_reads() {
        let cases = [
            (".cursor/rules/a.mdc", "globs: src/{a,b/**/*.rs\n", 1),
            (".cursor/rules/a.mdc", "globs: src/[ab/*.ts,docs/*.md\n", 1),
            (
                ".github/instructions/a.instructions.md",
                "applyTo: \"src/[ab/**\"\n",
                1,
            ),
            (
                ".claude/skills/x/SKILL.md",
                "name: x\ndescription: d\npaths: [\"a}/b\"]\n",
                1,
            ),
            (
                ".cursor/rules/a.mdc",
                "globs: src/**/*.{ts,tsx},app/[[]slug]/**\n",
                0,
            ),
            (
                ".github/instructions/a.instructions.md",
                "applyTo: \"**/*.{ts,tsx}\"\n",
                0,
            ),
            (".claude/rules/a.md", "paths:\n  - \"src/[a-z]*.ts\"\n", 0),
        ];
        for (path, fm, n) in cases {
            let found = check(&format!("---\n{fm}---\nBody.\n"), path, "glob-format");
            assert_eq!(found.len(), n, "{path}: {fm:?} {found:?}");
        }
    }
}
