//! `broken-link` (AF126): Reports a relative markdown link in a Copilot instructions, prompt or agent file whose target file does not exist.

declare_rule! {
    /// ## What it does
    /// Reports a relative markdown link in a Copilot instructions, prompt or agent file whose target file does not exist.
    ///
    /// Links are resolved from the file's directory, after dropping `#fragment` and `?query`
    /// and decoding `%20`-style escapes. URLs (`https:`, `mailto:`, …), in-page anchors and
    /// root-relative paths (`/docs/x.md`) are not checked, nor are links in code. The check
    /// needs the file system (`agentfmt check` on files); it is skipped for standard input.
    ///
    /// ## Why is this bad?
    /// Copilot attaches the files that prompt files and instructions link to; a link that
    /// does not resolve leaves that context out without a word [VSC-INSTR], [VSC-PROMPTS].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// applyTo: "src/api/**"
    /// ---
    /// Follow the conventions in [API guide](../../docs/api-guide.md).
    /// ```
    pub struct BrokenLink {
        code: "AF126",
        name: "broken-link",
        severity: Warning,
    }
}

use pulldown_cmark::{Event, LinkType, Parser, Tag};

use super::{Checker, Rule};
use crate::span::Span;
use crate::tools::Kind;

/// The relative file links of a markdown text: each link's byte range in `text` and its
/// target path (fragment and query removed, percent escapes decoded). Inline links and
/// reference links are included; autolinks, URLs with a scheme, anchors and root-relative
/// paths are not.
#[must_use]
pub fn file_links(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    if !maybe_relative(text) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (event, range) in Parser::new(text).into_offset_iter() {
        let Event::Start(Tag::Link {
            link_type,
            dest_url,
            ..
        }) = event
        else {
            continue;
        };
        if matches!(link_type, LinkType::Autolink | LinkType::Email) {
            continue;
        }
        let dest = dest_url.split(['#', '?']).next().unwrap_or("");
        let has_scheme = dest.split_once(':').is_some_and(|(s, _)| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        });
        if dest.is_empty() || has_scheme || dest.starts_with('/') || dest.starts_with('\\') {
            continue;
        }
        out.push((range, percent_decode(dest)));
    }
    out
}

/// A cheap test before the markdown parse: whether any `](` or `]:` in `text` is followed by
/// something other than a URL or an anchor. Most links in agent files are web links.
fn maybe_relative(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b']', b).any(|i| {
        let rest = match b.get(i + 1) {
            Some(b'(') => &text[i + 2..],
            Some(b':') => text[i + 2..].trim_start_matches([' ', '\t']),
            _ => return false,
        };
        let rest = rest.trim_start_matches('<');
        !(rest.starts_with("http://")
            || rest.starts_with("https://")
            || rest.starts_with('#')
            || rest.starts_with("mailto:"))
    })
}

/// Decodes `%XX` escapes (UTF-8); invalid escapes are kept as written.
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

impl Rule for BrokenLink {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(exists) = cx.ctx.file_exists else {
            return;
        };
        let doc = cx.doc;
        if !matches!(
            doc.kind,
            Kind::CopilotInstructions
                | Kind::CopilotScopedInstructions
                | Kind::CopilotPrompt
                | Kind::CopilotAgent
                | Kind::CopilotChatmode
        ) {
            return;
        }
        let dir = doc.dir();
        let base = doc.body.start as usize;
        for (range, target) in file_links(doc.body_text()) {
            let joined = if dir.is_empty() {
                target.clone()
            } else {
                format!("{dir}/{target}")
            };
            if !exists(&joined) {
                cx.report(
                    Self::META
                        .diag(
                            Span::new(base + range.start, base + range.end),
                            format!("link target `{target}` does not exist"),
                        )
                        .with_help(
                            "links are resolved from this file's directory; Copilot leaves out a file it cannot find",
                        ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::file_links;
    use crate::rules::{Context, run};

    #[test]
    fn finds_relative_file_links() {
        let t = "See [a](docs/a%20b.md#x), [web](https://x.y), [top](#top), [root](/r.md),\n<https://auto.link>, [mail](mailto:a@b.c), ![img](img/p.png) and [ref].\n`[code](no.md)`\n\n[ref]: ../ref.md \"title\"\n";
        let found: Vec<String> = file_links(t).into_iter().map(|(_, p)| p).collect();
        assert_eq!(found, ["docs/a b.md", "../ref.md"]);
    }

    #[test]
    fn reports_missing_targets() {
        let text = "---\ndescription: d\n---\nUse [guide](../docs/guide.md) and [x](missing.md).\n";
        let doc = crate::document::parse(
            crate::source::SourceText::from_str(text),
            Some(".github/prompts/a.prompt.md"),
            None,
        )
        .doc;
        let exists = |p: &str| p == ".github/prompts/../docs/guide.md";
        let d: Vec<_> = run(
            &doc,
            &Context {
                file_exists: Some(&exists),
                ..Context::default()
            },
        )
        .into_iter()
        .filter(|d| d.rule == "broken-link")
        .collect();
        assert_eq!(d.len(), 1);
        assert_eq!(&text[d[0].span.range()], "[x](missing.md)");
    }
}
