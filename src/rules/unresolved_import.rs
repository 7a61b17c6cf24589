//! `unresolved-import` (AF114): Reports an `@path` import or file reference (outside code spans and fences) whose target does not exist, relative to the file's directory. Needs the caller's file-system callback; skipped without it.

declare_rule! {
    /// ## What it does
    /// Reports an `@path` import or file reference (outside code spans and fences) whose target does not exist, relative to the file's directory. Needs the caller's file-system callback; skipped without it.
    ///
    /// ## Why is this bad?
    /// Claude Code and Gemini CLI inline imported files; a missing target silently drops the instructions [CC-MEM], [GEM-MD], [CUR-RULES].
    ///
    /// ## Example
    /// ```text
    /// See @docs/missing.md for the style guide.
    /// ```
    pub struct UnresolvedImport {
        code: "AF114",
        name: "unresolved-import",
        severity: Warning,
    }
}

use super::{Checker, Rule};
use crate::diagnostic::Severity;
use crate::span::Span;
use crate::tools::Kind;

/// `@path` references in `text` outside code (inline code spans and fenced or indented code
/// blocks, as CommonMark reads them), as byte ranges of the path (without the `@`). A reference
/// starts after whitespace, `(` or at the start of the text and must look like a file (contain
/// `/` or `.`); `@user` mentions and e-mail addresses are not references.
pub fn references(text: &str) -> Vec<std::ops::Range<usize>> {
    if !text.contains('@') {
        return Vec::new();
    }
    references_in(text, &super::prose::code(text))
}

/// [`references`], given `text`'s code spans and blocks as [`super::prose::code`] finds them.
#[must_use]
pub fn references_in(text: &str, code: &[super::prose::Code]) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for (i, _) in text.match_indices('@') {
        if (i > 0 && !b[i - 1].is_ascii_whitespace() && b[i - 1] != b'(')
            || super::prose::in_code(code, i)
        {
            continue;
        }
        let rest = &text[i + 1..];
        let len = rest
            .find(|ch: char| {
                ch.is_whitespace() || matches!(ch, ')' | '`' | '"' | '\'' | ',' | ';' | '<' | '>')
            })
            .unwrap_or(rest.len());
        let path = rest[..len].trim_end_matches(['.', ':']);
        if path.len() > 1
            && (path.contains('/') || path.contains('.'))
            && !path.starts_with('~')
            && !path.contains("://")
        {
            out.push(i + 1..i + 1 + path.len());
        }
    }
    out
}

/// Whether `target` (an `@` reference without the `@`) has the shape of a scoped npm package
/// (`@types/node`, `@parcel/config-default`): lowercase `scope/name`, one `/`, and no `.` in
/// the name, so no file extension. Such a reference that resolves to nothing is a package
/// named in prose, not a file import; Claude Code imports files by path [CC-MEM].
fn looks_like_package(target: &str) -> bool {
    let part = |p: &str| {
        !p.is_empty()
            && p.bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || b"-_.~".contains(&c))
    };
    target
        .split_once('/')
        .is_some_and(|(scope, name)| part(scope) && part(name) && !name.contains('.'))
}

impl Rule for UnresolvedImport {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(exists) = cx.ctx.file_exists else {
            return;
        };
        let doc = cx.doc;
        let severity = match doc.kind {
            // An import that does not resolve loses instructions silently [CC-MEM].
            Kind::ClaudeMd | Kind::ClaudeRule | Kind::GeminiMd => Severity::Error,
            Kind::CursorMdc | Kind::ClaudeCommand | Kind::ClaudeSkill => Severity::Warning,
            _ => return,
        };
        let dir = doc.dir();
        let base = doc.body.start as usize;
        let body = doc.body_text();
        let found = if body.contains('@') {
            references_in(body, cx.body_code())
        } else {
            Vec::new()
        };
        for r in found {
            let target = &doc.body_text()[r.clone()];
            let joined = if target.starts_with('/') || dir.is_empty() {
                target.to_owned()
            } else {
                format!("{dir}/{target}")
            };
            // Commands, skills and Cursor rules run in the project, where Claude Code and
            // Cursor resolve `@path` from the project root too [CC-SLASH-2026-01], [CUR-RULES].
            let from_root = || {
                !matches!(doc.kind, Kind::ClaudeMd | Kind::ClaudeRule | Kind::GeminiMd)
                    && exists(target.trim_start_matches('/'))
            };
            if !exists(&joined) && !looks_like_package(target) && !from_root() {
                let mut d = Self::META.diag(
                    Span::new(base + r.start, base + r.end),
                    format!("`@{target}` does not resolve to a file"),
                );
                d.severity = severity;
                cx.report(d.with_help(
                    "imports are resolved relative to the importing file [CC-MEM], [GEM-MD]",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{looks_like_package, references};

    #[test]
    fn scoped_packages_are_no_file_imports() {
        for p in ["types/node", "parcel/config-default", "babel/preset-env"] {
            assert!(looks_like_package(p), "{p}");
        }
        for p in [
            "docs/guide.md",
            "AGENTS.md",
            "Docs/Guide",
            "a/b/c",
            "src/index.ts",
        ] {
            assert!(!looks_like_package(p), "{p}");
        }
    }

    #[test]
    fn skips_code_as_commonmark_reads_it() {
        // A fence of four backticks is not closed by three; an indented block is code; a lone
        // backtick opens no code span; a fence inside a list item is code.
        let t = "````\n```\n@in/fence.md\n````\n\n    @indented/code.md\n\nA ` @open/tick.md\n\n- item\n\n  ```\n  @list/fence.md\n  ```\n";
        let found: Vec<&str> = references(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(found, ["open/tick.md"]);
    }

    #[test]
    fn finds_references_outside_code() {
        let t =
            "See @docs/a.md and @AGENTS.md.\n`@not/this.md` mail a@b.c @user\n```\n@x/y.md\n```\n";
        let found: Vec<&str> = references(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(found, ["docs/a.md", "AGENTS.md"]);
    }
}
