//! Where the code is in a markdown body, as pulldown-cmark (the CommonMark reader fmt's guard
//! uses) sees it, so that body rules look for placeholders, tool references and shell
//! injections only in prose, never in code samples.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

/// One piece of code in a markdown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// Byte range in the text: an inline code span with its backticks, or a whole code block
    /// with its fences.
    pub range: Range<usize>,
    /// `None` for an inline code span; for a code block, its info string (empty for an
    /// indented block or a fence without one).
    pub info: Option<String>,
    /// Byte range of the code itself: the span's text without the backticks, or the block's
    /// content lines.
    pub content: Range<usize>,
}

/// The code spans and code blocks of `text`, in order, as byte ranges into `text`.
#[must_use]
pub fn code(text: &str) -> Vec<Code> {
    let mut out: Vec<Code> = Vec::new();
    let mut block: Option<Code> = None;
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Code(_) => {
                let raw = &text[range.clone()];
                let ticks = raw.len() - raw.trim_start_matches('`').len();
                let content = (range.start + ticks)..(range.end - ticks).max(range.start + ticks);
                out.push(Code {
                    range,
                    info: None,
                    content,
                });
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                block = Some(Code {
                    content: range.end..range.end,
                    range,
                    info: Some(info),
                });
            }
            Event::Text(_) => {
                if let Some(b) = &mut block {
                    if b.content.is_empty() {
                        b.content = range;
                    } else {
                        b.content.end = range.end;
                    }
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(mut b) = block.take() {
                    if b.content.is_empty() {
                        b.content = b.range.end..b.range.end;
                    }
                    out.push(b);
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether byte offset `at` lies inside one of `code`'s ranges (`code` as [`code`] returns it).
#[must_use]
pub fn in_code(code: &[Code], at: usize) -> bool {
    let i = code.partition_point(|c| c.range.end <= at);
    code.get(i).is_some_and(|c| c.range.start <= at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_spans_and_blocks() {
        let t = "Run !`git status` now.\n\n```!\nls -la\n```\n\n    indented\n";
        let c = code(t);
        assert_eq!(c.len(), 3);
        assert_eq!(&t[c[0].range.clone()], "`git status`");
        assert_eq!(&t[c[0].content.clone()], "git status");
        assert_eq!(c[1].info.as_deref(), Some("!"));
        assert_eq!(&t[c[1].content.clone()], "ls -la\n");
        assert_eq!(c[2].info.as_deref(), Some(""));
        assert!(in_code(&c, t.find("git").unwrap()));
        assert!(!in_code(&c, t.find("now").unwrap()));
        assert!(in_code(&c, t.find("ls -la").unwrap()));
    }

    #[test]
    fn double_backtick_span() {
        let t = "a ``x ` y`` b";
        let c = code(t);
        assert_eq!(&t[c[0].content.clone()], "x ` y");
    }
}
