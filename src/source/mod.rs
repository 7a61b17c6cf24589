//! DECODE / ENCODE: bytes ⇄ [`SourceText`] (UTF-8 with or without BOM, UTF-16 with BOM,
//! legacy code pages such as Windows-1251 or Shift-JIS, line endings recorded so writers can
//! restore them).

pub mod legacy;

use std::sync::OnceLock;

use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::span::{LineCol, LineIndex, Span};

/// The byte encoding a text was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a leading `EF BB BF` byte-order mark.
    Utf8Bom,
    /// UTF-16 little-endian with a `FF FE` byte-order mark.
    Utf16Le,
    /// UTF-16 big-endian with a `FE FF` byte-order mark.
    Utf16Be,
    /// A legacy code page, detected (see [`legacy`]); the WHATWG label as `encoding_rs`
    /// spells it, e.g. `windows-1251`, `Shift_JIS`.
    Legacy(&'static str),
}

impl Encoding {
    /// The encoding's name as shown to users: `UTF-8`, `UTF-8 with BOM`, `UTF-16LE`,
    /// `UTF-16BE`, or the legacy code page's label (`windows-1251`).
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 with BOM",
            Self::Utf16Le => "UTF-16LE",
            Self::Utf16Be => "UTF-16BE",
            Self::Legacy(code_page) => code_page,
        }
    }
}

/// The line-ending convention of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Newline {
    /// Only `\n` (also used for texts without any line break).
    Lf,
    /// Only `\r\n`.
    CrLf,
    /// Both `\n` and `\r\n` occur.
    Mixed,
}

impl Newline {
    /// Detects the convention of `text` by counting `\r\n` and bare `\n`.
    #[must_use]
    pub fn detect(text: &str) -> Self {
        let bytes = text.as_bytes();
        // No `\r` (a vectorised memchr), no CRLF: the byte loop below would find `(0, _)`.
        if memchr::memchr(b'\r', bytes).is_none() {
            return Self::Lf;
        }
        let (mut crlf, mut lf) = (0usize, 0usize);
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                if i > 0 && bytes[i - 1] == b'\r' {
                    crlf += 1;
                } else {
                    lf += 1;
                }
            }
        }
        match (crlf, lf) {
            (0, _) => Self::Lf,
            (_, 0) => Self::CrLf,
            _ => Self::Mixed,
        }
    }
}

/// A decoded text: UTF-8, BOM removed, with what is needed to write it back the same way.
///
/// `text` keeps its original line endings; spans index into `text`.
#[derive(Debug)]
pub struct SourceText {
    /// The decoded text (UTF-8, without a BOM, original line endings kept).
    pub text: String,
    /// The encoding the bytes were in.
    pub encoding: Encoding,
    /// The line-ending convention found in `text`.
    pub newline: Newline,
    /// True when invalid UTF-8 was replaced by U+FFFD: writing this text back would lose bytes.
    pub lossy: bool,
    line_index: OnceLock<LineIndex>,
}

impl Clone for SourceText {
    fn clone(&self) -> Self {
        Self {
            text: self.text.clone(),
            encoding: self.encoding,
            newline: self.newline,
            lossy: self.lossy,
            line_index: OnceLock::new(),
        }
    }
}

impl SourceText {
    /// Wraps an already-decoded UTF-8 string (no BOM handling beyond stripping a leading U+FEFF).
    #[must_use]
    #[allow(clippy::should_implement_trait)] // infallible, unlike FromStr
    pub fn from_str(text: &str) -> Self {
        let (text, encoding) = match text.strip_prefix('\u{feff}') {
            Some(rest) => (rest.to_owned(), Encoding::Utf8Bom),
            None => (text.to_owned(), Encoding::Utf8),
        };
        Self::new(text, encoding, false)
    }

    fn new(text: String, encoding: Encoding, lossy: bool) -> Self {
        let newline = Newline::detect(&text);
        Self {
            text,
            encoding,
            newline,
            lossy,
            line_index: OnceLock::new(),
        }
    }

    /// The line index of `text`, built on first use.
    pub fn line_index(&self) -> &LineIndex {
        self.line_index.get_or_init(|| LineIndex::new(&self.text))
    }

    /// 1-based line and char column of byte `offset`.
    #[must_use]
    pub fn line_col(&self, offset: u32) -> LineCol {
        self.line_index().line_col(&self.text, offset)
    }

    /// Encodes `text` (which uses `\n` or the original endings) like this source: same BOM
    /// and, for UTF-16 and legacy code page sources, UTF-8 output (agentfmt writes UTF-8; the
    /// other encodings are reported).
    #[must_use]
    pub fn encode_like(&self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + 3);
        if self.encoding == Encoding::Utf8Bom {
            out.extend_from_slice(b"\xEF\xBB\xBF");
        }
        out.extend_from_slice(text.as_bytes());
        out
    }
}

/// What [`decode`] made of a file's bytes.
#[derive(Debug)]
pub enum Decoded {
    /// A text, with diagnostics about its encoding (invalid UTF-8, UTF-16, ...).
    Text(SourceText, Vec<Diagnostic>),
    /// A binary file (a NUL byte outside UTF-16), which is skipped.
    Binary {
        /// Byte offset of the first NUL byte.
        nul_offset: usize,
    },
}

/// Decodes `bytes` into a [`SourceText`].
///
/// - UTF-8 with or without BOM is decoded as is;
/// - UTF-16 LE/BE with a BOM is decoded with `encoding_rs` and reported (`non-utf8-encoding`);
/// - bytes that are not UTF-8 but read as text in a legacy code page ([`legacy::detect`])
///   are decoded from it and reported once (`non-utf8-encoding`, naming the code page and
///   the confidence);
/// - other invalid UTF-8 is replaced by U+FFFD and the first [`MAX_INVALID_REPORTED`]
///   invalid sequences are reported (`invalid-utf8`) with their byte offset in the original
///   file, then one diagnostic counts the rest;
/// - a NUL byte anywhere else means the file is binary: [`Decoded::Binary`].
///
/// Never fails: every outcome is a value.
#[must_use]
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes)
        && (enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE)
    {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let encoding = if enc == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        };
        let src = SourceText::new(text.into_owned(), encoding, had_errors);
        let mut diags = vec![
            codes::NON_UTF8_ENCODING
                .diag(
                    Span::empty(0),
                    format!("file is encoded as {}, not UTF-8", enc.name()),
                )
                .with_help("agentfmt fmt rewrites it as UTF-8"),
        ];
        if had_errors {
            diags.push(codes::INVALID_UTF8.diag(
                Span::empty(0),
                "the UTF-16 text has unpaired surrogates; they were replaced by U+FFFD".into(),
            ));
        }
        return Decoded::Text(src, diags);
    }
    if let Some(nul) = memchr_nul(bytes) {
        return Decoded::Binary { nul_offset: nul };
    }
    let (body, encoding, bom_len) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, Encoding::Utf8Bom, 3),
        None => (bytes, Encoding::Utf8, 0),
    };
    if let Ok(s) = std::str::from_utf8(body) {
        return Decoded::Text(SourceText::new(s.to_owned(), encoding, false), Vec::new());
    }
    if encoding == Encoding::Utf8
        && let Some(guess) = legacy::detect(body)
    {
        let diag = codes::NON_UTF8_ENCODING
            .diag(
                Span::empty(0),
                format!(
                    "file is encoded as {}, not UTF-8 (detected, confidence {:.0}%)",
                    guess.code_page,
                    f64::from(guess.confidence) * 100.0
                ),
            )
            .with_help("agentfmt fmt rewrites it as UTF-8");
        let src = SourceText::new(guess.text, Encoding::Legacy(guess.code_page), false);
        return Decoded::Text(src, vec![diag]);
    }
    let (text, diags) = replace_invalid(body, bom_len);
    Decoded::Text(SourceText::new(text, encoding, true), diags)
}

/// How many invalid UTF-8 sequences [`decode`] reports one by one; one more diagnostic
/// counts the rest.
pub const MAX_INVALID_REPORTED: usize = 10;

/// `body` with each invalid UTF-8 sequence replaced by U+FFFD, and the `invalid-utf8`
/// diagnostics (offsets in the file, which has `bom_len` bytes before `body`).
fn replace_invalid(body: &[u8], bom_len: usize) -> (String, Vec<Diagnostic>) {
    let mut text = String::with_capacity(body.len() + 16);
    let mut diags = Vec::new();
    let mut consumed = 0usize;
    let mut unreported = 0usize;
    for chunk in body.utf8_chunks() {
        text.push_str(chunk.valid());
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            let at = text.len();
            let file_offset = bom_len + consumed + chunk.valid().len();
            text.push('\u{fffd}');
            if diags.len() < MAX_INVALID_REPORTED {
                let hex: Vec<String> = invalid.iter().map(|b| format!("{b:02X}")).collect();
                diags.push(codes::INVALID_UTF8.diag(
                    Span::new(at, at + '\u{fffd}'.len_utf8()),
                    format!(
                        "invalid UTF-8 at byte offset {file_offset}: {}",
                        hex.join(" ")
                    ),
                ));
            } else {
                unreported += 1;
            }
        }
        consumed += chunk.valid().len() + invalid.len();
    }
    if unreported > 0 {
        diags.push(codes::INVALID_UTF8.diag(
            Span::empty(0),
            format!("{unreported} more invalid UTF-8 sequences not listed"),
        ));
    }
    (text, diags)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(d: Decoded) -> (SourceText, Vec<Diagnostic>) {
        match d {
            Decoded::Text(s, d) => (s, d),
            Decoded::Binary { .. } => panic!("binary"),
        }
    }

    #[test]
    fn utf8_bom_and_newlines() {
        let (s, d) = text(decode(b"\xEF\xBB\xBFa\r\nb\r\n"));
        assert_eq!(s.text, "a\r\nb\r\n");
        assert_eq!(s.encoding, Encoding::Utf8Bom);
        assert_eq!(s.newline, Newline::CrLf);
        assert!(d.is_empty());
        let (s, _) = text(decode(b"a\r\nb\n"));
        assert_eq!(s.newline, Newline::Mixed);
    }

    #[test]
    fn utf16_is_decoded_and_reported() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("hi\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let (s, d) = text(decode(&bytes));
        assert_eq!(s.text, "hi\n");
        assert_eq!(s.encoding, Encoding::Utf16Le);
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn invalid_utf8_reports_offset() {
        let (s, d) = text(decode(b"ab\xFFcd"));
        assert_eq!(s.text, "ab\u{fffd}cd");
        assert!(s.lossy);
        assert!(d[0].message.contains("byte offset 2"), "{}", d[0].message);
    }

    #[test]
    fn legacy_code_page_is_decoded_and_reported_once() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("---\ndescription: Правила кода\n---\n\nПишите тесты.\n");
        let (s, d) = text(decode(&bytes));
        assert_eq!(
            s.text,
            "---\ndescription: Правила кода\n---\n\nПишите тесты.\n"
        );
        assert_eq!(s.encoding, Encoding::Legacy("windows-1251"));
        assert!(!s.lossy);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].rule, "non-utf8-encoding");
        assert!(d[0].message.contains("windows-1251"), "{}", d[0].message);
        assert_eq!(s.encode_like(&s.text), s.text.as_bytes());
    }

    #[test]
    fn invalid_utf8_is_capped() {
        let bytes: Vec<u8> = "é"
            .repeat(40)
            .bytes()
            .chain(b"\xFF x \xFF".iter().copied().cycle().take(60))
            .collect();
        let (_, d) = text(decode(&bytes));
        assert_eq!(d.len(), MAX_INVALID_REPORTED + 1);
        assert!(
            d[MAX_INVALID_REPORTED]
                .message
                .contains("more invalid UTF-8"),
            "{}",
            d[MAX_INVALID_REPORTED].message
        );
    }

    #[test]
    fn nul_means_binary() {
        assert!(matches!(
            decode(b"ab\0c"),
            Decoded::Binary { nul_offset: 2 }
        ));
    }
}
