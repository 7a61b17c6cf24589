//! Between agentfmt's byte spans and diagnostics and the protocol's positions (UTF-16 code
//! units by default, UTF-8 bytes when the client offers them) and `file://` URIs.

#[cfg(test)]
use std::path::Path;
use std::path::PathBuf;
use std::str::FromStr as _;

use lsp_types as lsp;

use agentfmt::diagnostic::{Diagnostic, Severity};
use agentfmt::span::Span;

/// The unit of a position's `character`, agreed at `initialize`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// UTF-8 bytes.
    Utf8,
    /// UTF-16 code units (the protocol's default).
    Utf16,
}

/// Byte offset of the start of each line of a text (after each `\n`).
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> Lines<'a> {
    /// The line starts of `text`.
    pub(crate) fn new(text: &'a str, encoding: Encoding) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_lines(text));
        Self {
            text,
            starts,
            encoding,
        }
    }

    /// The position of byte `offset` (clamped to the text, moved back to a char boundary).
    pub(crate) fn position(&self, offset: usize) -> lsp::Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let prefix = &self.text[start..offset];
        let character = match self.encoding {
            Encoding::Utf8 => prefix.len(),
            Encoding::Utf16 => prefix.encode_utf16().count(),
        };
        lsp::Position::new(to_u32(line), to_u32(character))
    }

    /// The range of byte span `span`.
    pub(crate) fn range(&self, span: Span) -> lsp::Range {
        lsp::Range::new(
            self.position(span.start as usize),
            self.position(span.end as usize),
        )
    }

    /// The byte offset of `pos` (a position past the end of its line is the line's end; a line
    /// past the end of the text is the text's end).
    pub(crate) fn offset(&self, pos: lsp::Position) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(pos.line as usize + 1)
            .map_or(self.text.len(), |&e| e);
        let line = &self.text[start..end];
        let line = line.strip_suffix('\n').unwrap_or(line);
        let mut units = 0usize;
        for (i, c) in line.char_indices() {
            if units >= pos.character as usize {
                return start + i;
            }
            units += match self.encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        start + line.len()
    }

    /// The range of the whole text.
    pub(crate) fn whole(&self) -> lsp::Range {
        lsp::Range::new(lsp::Position::new(0, 0), self.position(self.text.len()))
    }
}

fn memchr_lines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i + 1)
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Where a rule's documentation is published.
pub(crate) fn rule_url(name: &str) -> String {
    format!("https://agentfmt.dev/rules#{name}")
}

/// The protocol diagnostic of `d` in the document at `uri` (whose text `lines` indexes).
pub(crate) fn diagnostic(d: &Diagnostic, lines: &Lines<'_>, uri: &lsp::Uri) -> lsp::Diagnostic {
    let severity = match d.severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    };
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| lsp::DiagnosticRelatedInformation {
            location: lsp::Location::new(uri.clone(), lines.range(l.span)),
            message: l.message.clone(),
        })
        .collect();
    let code_description = lsp::Uri::from_str(&rule_url(d.rule))
        .ok()
        .map(|href| lsp::CodeDescription { href });
    lsp::Diagnostic {
        range: lines.range(d.span),
        severity: Some(severity),
        code: Some(lsp::NumberOrString::String(d.code.to_owned())),
        code_description,
        source: Some("agentfmt".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(serde_json::json!({ "rule": d.rule })),
    }
}

/// The path of a `file://` URI (percent-decoded); `None` for other schemes.
pub(crate) fn uri_to_path(uri: &lsp::Uri) -> Option<PathBuf> {
    let s = uri.as_str().strip_prefix("file://")?;
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(h) = s.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(h, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    let path = String::from_utf8(out).ok()?;
    // `file:///C:/x` on Windows.
    let path = match path.as_bytes() {
        [b'/', d, b':', ..] if d.is_ascii_alphabetic() => path[1..].to_owned(),
        _ => path,
    };
    Some(PathBuf::from(path))
}

/// The `file://` URI of `path` (absolute), percent-encoding what a URI path cannot hold.
#[cfg(test)]
fn path_to_uri(path: &Path) -> Option<lsp::Uri> {
    let s = path.to_str()?.replace('\\', "/");
    let mut out = String::from("file://");
    if !s.starts_with('/') {
        out.push('/');
    }
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:@!$&'()*+,;=".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    lsp::Uri::from_str(&out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_positions_count_surrogate_pairs() {
        let text = "a😀b\nsecond é line\n";
        let l = Lines::new(text, Encoding::Utf16);
        let b = text.find('b').unwrap();
        assert_eq!(l.position(b), lsp::Position::new(0, 3));
        assert_eq!(l.offset(lsp::Position::new(0, 3)), b);
        let e = text.find("line").unwrap();
        assert_eq!(l.position(e), lsp::Position::new(1, 9));
        assert_eq!(l.offset(lsp::Position::new(1, 9)), e);
        assert_eq!(l.offset(lsp::Position::new(1, 99)), text.len() - 1);
        assert_eq!(l.offset(lsp::Position::new(9, 0)), text.len());
        let u = Lines::new(text, Encoding::Utf8);
        assert_eq!(u.position(b), lsp::Position::new(0, 5));
    }

    #[test]
    fn uris_round_trip() {
        let p = Path::new("/tmp/a dir/é.md");
        let uri = path_to_uri(p).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20dir/%C3%A9.md");
        assert_eq!(uri_to_path(&uri).unwrap(), p);
    }
}
