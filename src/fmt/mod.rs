//! FORMAT: `agentfmt fmt`, canonical formatting that never changes what a file means
//! (issue 4).
//!
//! [`fmt`] is a pure function from a parsed [`Document`] to the new file text. It edits the
//! text in place (front matter through YAML spans, the body through pulldown-cmark offsets),
//! never re-serialises, and checks its own work: the front matter must parse to the same
//! values as the owning tool reads them, and the body must render to the same HTML. Parts
//! that fail the check are left as they were and reported as `fmt-refused` (AF090).
//! `fmt` is idempotent: formatting its output changes nothing.

pub(crate) mod body;
pub(crate) mod corpus;
pub mod front_matter;
mod guard;
pub mod order;
/// YAML quoting, shared with the parse stage (which proposes quoted values as fixes).
pub use crate::document::quote;
mod table;

pub use body::html as render_html;
pub use corpus::{CorpusStats, Sizes, corpus_stats, corpus_stats_with};

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::rules::{self, Rule as _};
use crate::source::Encoding;
use crate::span::Span;

/// Which line endings [`fmt`] writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NewlineStyle {
    /// `\n` everywhere (the default).
    #[default]
    Lf,
    /// `\r\n` everywhere.
    CrLf,
    /// The file's own convention; a file with mixed endings gets the more frequent one.
    Keep,
}

/// How [`fmt`] writes GFM tables (`agentfmt.toml` `[fmt] tables`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TableStyle {
    /// `| a | b |` and `| --- | :-- |`: cells trimmed, one space each side (the default).
    /// Agent files are read by a model, and padding costs tokens in every session; a table
    /// whose compact form would be longer than its source (`|a|b|`) is left as it is.
    #[default]
    Compact,
    /// Every cell padded to its column's width, as prettier writes tables for human readers.
    Aligned,
    /// Tables left as they are.
    Keep,
}

/// Options for [`fmt`] (`agentfmt.toml` `[fmt]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FmtOptions {
    /// Line endings to write.
    pub newline: NewlineStyle,
    /// Whether to repair mojibake (UTF-8 read as Windows-1252 and saved again).
    pub repair_encoding: bool,
    /// How tables are written.
    pub tables: TableStyle,
}

impl Default for FmtOptions {
    fn default() -> Self {
        Self {
            newline: NewlineStyle::Lf,
            repair_encoding: true,
            tables: TableStyle::Compact,
        }
    }
}

/// One kind of change [`fmt`] made, for statistics and `--verbose` output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rewrite {
    /// Mojibake repaired.
    Mojibake,
    /// Byte-order mark removed.
    Bom,
    /// A UTF-16 or legacy code page file rewritten as UTF-8.
    Encoding,
    /// Line endings normalised.
    LineEndings,
    /// Exactly one final line break.
    FinalNewline,
    /// Trailing spaces and tabs removed (outside code and hard line breaks).
    TrailingWhitespace,
    /// Front-matter keys put in canonical order.
    KeyOrder,
    /// One space between a front-matter key's `:` and a value on the same line.
    KeySpacing,
    /// Ambiguous plain YAML values quoted.
    Quoted,
    /// `argument-hint: [x]` written as a quoted string.
    ArgumentHint,
    /// Front matter only a lenient reader accepts rewritten as strict YAML.
    LenientToStrict,
    /// Setext headings written as ATX headings.
    HeadingStyle,
    /// Bullet list markers written as `-`.
    ListMarker,
    /// `~~~` fences written with backticks.
    CodeFence,
    /// Runs of blank lines collapsed to one.
    BlankLines,
    /// Tables written in the configured [`TableStyle`].
    Table,
}

impl Rewrite {
    /// Every rewrite, in the order [`Rewrite::as_str`] lists them in statistics.
    pub const ALL: &'static [Rewrite] = &[
        Self::Mojibake,
        Self::Bom,
        Self::Encoding,
        Self::LineEndings,
        Self::FinalNewline,
        Self::TrailingWhitespace,
        Self::KeyOrder,
        Self::KeySpacing,
        Self::Quoted,
        Self::ArgumentHint,
        Self::LenientToStrict,
        Self::HeadingStyle,
        Self::ListMarker,
        Self::CodeFence,
        Self::BlankLines,
        Self::Table,
    ];

    /// The kebab-case name (`trailing-whitespace`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mojibake => "mojibake",
            Self::Bom => "bom",
            Self::Encoding => "encoding",
            Self::LineEndings => "line-endings",
            Self::FinalNewline => "final-newline",
            Self::TrailingWhitespace => "trailing-whitespace",
            Self::KeyOrder => "key-order",
            Self::KeySpacing => "key-spacing",
            Self::Quoted => "quoted",
            Self::ArgumentHint => "argument-hint",
            Self::LenientToStrict => "lenient-to-strict",
            Self::HeadingStyle => "heading-style",
            Self::ListMarker => "list-marker",
            Self::CodeFence => "code-fence",
            Self::BlankLines => "blank-lines",
            Self::Table => "table",
        }
    }
}

/// The result of [`fmt`].
#[derive(Clone, Debug)]
pub struct Formatted {
    /// The full new file text (UTF-8, without a BOM).
    pub text: String,
    /// Whether the file's bytes change (text, BOM or encoding).
    pub changed: bool,
    /// What was done, each rewrite once.
    pub rewrites: Vec<Rewrite>,
    /// `fmt-refused` warnings for parts the safety net left untouched. Spans are byte
    /// offsets into the input document's text.
    pub diagnostics: Vec<Diagnostic>,
}

/// The body rewrites, in the order they run (each sees the previous one's output).
const BODY_REWRITES: &[Rewrite] = &[
    Rewrite::FinalNewline,
    Rewrite::TrailingWhitespace,
    Rewrite::BlankLines,
    Rewrite::HeadingStyle,
    Rewrite::ListMarker,
    Rewrite::CodeFence,
    Rewrite::Table,
];

/// Mojibake repair, owned by the [`crate::repair`] module: the repaired text, or `None` when
/// nothing was damaged.
fn repair_encoding(text: &str) -> Option<String> {
    if crate::repair::is_clean_fast(text) {
        return None;
    }
    let r = crate::repair::repair(text);
    (!r.fixes.is_empty()).then_some(r.text)
}

/// `text` with every line ending turned into `\n`.
///
/// A line ending is `\r\n`, a `\r` not followed by `\n`, or `\n`: CommonMark (spec 0.31,
/// "line ending"), YAML 1.2 (`b-break`) and TOML editors all read a lone `\r` as one, so
/// `a\r\r\nb` is two line endings (a blank line between two paragraphs) and becomes
/// `a\n\nb`. Collapsing the run instead would join the paragraphs, and leaving the lone `\r`
/// would let the next run read `\r` + `\n` as one CRLF, so fmt would not be idempotent.
///
/// Input and output are UTF-8 text; only the bytes `\r` and `\n` change. fmt applies this to
/// every file before formatting; tests use it to compare a body's rendering with fmt's output.
#[must_use]
pub fn to_lf(text: &str) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = memchr::memchr(b'\r', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Whether `doc` (the input) and `lf` (its LF-only re-parse) agree on having front matter,
/// on the line the body starts at and on the front-matter values (the YAML parser does not
/// read a lone CR inside a line the way it reads LF).
fn same_split(doc: &Document, lf: &Document) -> bool {
    let head_lines = |d: &Document| {
        let head = &d.text()[..(d.body.start as usize).min(d.text().len())];
        to_lf(head).matches('\n').count()
    };
    let values = |d: &Document| d.root.as_ref().map(crate::document::Node::to_exact_json);
    doc.front_matter.is_some() == lf.front_matter.is_some()
        && head_lines(doc) == head_lines(lf)
        && values(doc) == values(lf)
}

/// Whether `text` has a `\r` not followed by `\n`.
fn has_lone_cr(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b'\r', b).any(|i| b.get(i + 1) != Some(&b'\n'))
}

/// The byte offset in `text` just after its first `n` line endings (as [`to_lf`] counts
/// them), or the end of `text` if it has fewer.
fn after_line_endings(text: &str, n: usize) -> usize {
    let b = text.as_bytes();
    let mut at = 0;
    for _ in 0..n {
        match memchr::memchr2(b'\r', b'\n', &b[at..]) {
            Some(i) => {
                at += i + 1;
                if b[at - 1] == b'\r' && b.get(at) == Some(&b'\n') {
                    at += 1;
                }
            }
            None => return text.len(),
        }
    }
    at
}

fn wants_crlf(text: &str, style: NewlineStyle) -> bool {
    match style {
        NewlineStyle::Lf => false,
        NewlineStyle::CrLf => true,
        NewlineStyle::Keep => {
            let crlf = text.matches("\r\n").count();
            crlf > 0 && crlf * 2 >= text.matches('\n').count()
        }
    }
}

fn note(rewrites: &mut Vec<Rewrite>, r: Rewrite) {
    if !rewrites.contains(&r) {
        rewrites.push(r);
    }
}

/// How many passes [`fmt`] runs at most (see there).
const MAX_PASSES: usize = 4;

/// Formats `doc` (issue 4): encoding, line endings, front matter, body.
///
/// Never fails and never panics on user input; what it cannot do safely it leaves alone and
/// reports in [`Formatted::diagnostics`]. TOML files (Gemini CLI commands) only get the
/// encoding, line-ending and final-newline fixes.
///
/// Runs [`fmt_pass`] until encoding repair has nothing left to do, at most [`MAX_PASSES`]
/// times. Repair decides each region from its neighbours, and formatting front matter
/// changes them (a U+FEFF or control character in a value becomes an escape such as
/// `\ufeff`), so a region a first pass judged clean can read as damaged in the formatted
/// text; the next run would then change the file. The result's diagnostics are the first
/// pass's (their spans point into `doc`'s text); its rewrites are those of every pass.
#[must_use]
pub fn fmt(doc: &Document, opts: &FmtOptions) -> Formatted {
    let mut out = fmt_pass(doc, opts);
    for _ in 1..MAX_PASSES {
        if !opts.repair_encoding
            || crate::repair::is_clean_fast(&out.text)
            || repair_encoding(&to_lf(&out.text)).is_none()
        {
            break;
        }
        let next = fmt_pass(&front_matter::reparse(&out.text, doc), opts);
        if next.text == out.text {
            break;
        }
        for r in next.rewrites {
            note(&mut out.rewrites, r);
        }
        out.rewrites.sort();
        out.text = next.text;
        out.changed = out.text != doc.text() || doc.source.encoding != Encoding::Utf8;
    }
    out
}

/// Notes the rewrite that writing a text read as `encoding` back as UTF-8 makes, if any.
fn note_encoding(rewrites: &mut Vec<Rewrite>, encoding: Encoding) {
    match encoding {
        Encoding::Utf8 => {}
        Encoding::Utf8Bom => note(rewrites, Rewrite::Bom),
        Encoding::Utf16Le | Encoding::Utf16Be | Encoding::Legacy(_) => {
            note(rewrites, Rewrite::Encoding);
        }
    }
}

/// One formatting pass over `doc`; [`fmt`] runs it until repair is done. Same contract as
/// [`fmt`] except that the output may still hold damage repair would fix. Doc-hidden: the
/// fuzz invariants check each pass.
#[doc(hidden)]
#[must_use]
pub fn fmt_pass(doc: &Document, opts: &FmtOptions) -> Formatted {
    let original = doc.text();
    let mut rewrites = Vec::new();
    let mut diagnostics = Vec::new();
    note_encoding(&mut rewrites, doc.source.encoding);
    // Repair decides per line and from the characters around a lost byte, so a markdown
    // file is repaired with its line endings already read as LF: a lone CR is then a line
    // break, and a CR before LF does not sway a guess (the next run, and `repair` on the
    // LF text, see the same lines and neighbours).
    let lone_cr = has_lone_cr(original);
    let base: std::borrow::Cow<'_, str> = if !doc.kind.is_toml() && original.contains('\r') {
        std::borrow::Cow::Owned(to_lf(original))
    } else {
        std::borrow::Cow::Borrowed(original)
    };
    let repaired = opts
        .repair_encoding
        .then(|| repair_encoding(&base))
        .flatten();
    if repaired.is_some() {
        note(&mut rewrites, Rewrite::Mojibake);
    }
    let mut text = repaired.as_deref().unwrap_or(&base);
    // A U+FEFF at the start (a repaired `ï»¿`, or more byte-order marks after the one decoding
    // removed) is removed like a real BOM: a reader strips one, so leaving any would make the
    // next run change the file.
    let unmarked = text.trim_start_matches('\u{feff}');
    if unmarked.len() != text.len() {
        text = unmarked;
        note(&mut rewrites, Rewrite::Bom);
    }
    // TOML has no lone-CR line ending (TOML 1.0, "Newline means LF or CRLF"): a lone CR
    // makes the file invalid, and reading it as a line break would make it valid with
    // values it never had. Such a file keeps its line endings and final newline as they
    // are; `check` reports the syntax error.
    if doc.kind.is_toml() && lone_cr {
        rewrites.sort();
        return Formatted {
            changed: text != original || doc.source.encoding != Encoding::Utf8,
            text: text.to_owned(),
            rewrites,
            diagnostics,
        };
    }
    let crlf = wants_crlf(original, opts.newline);
    let lf = to_lf(text);

    let lf_out = if doc.kind.is_toml() {
        toml_final_newline(&lf, doc, &mut rewrites)
    } else {
        let parsed = front_matter::reparse_own(&lf, doc);
        if lone_cr && !same_split(doc, &parsed) {
            // A tool that splits front matter on LF and CRLF sees a different file than
            // one that reads a lone CR as a line break (`---\r` closes the front matter
            // only for the latter; `a\rb: c` is one key or two): fmt cannot tell which the
            // author meant.
            diagnostics.push(
                rules::fmt_refused::FmtRefused
                    .meta()
                    .diag(
                        Span::empty(0),
                        "fmt left the file unchanged: reading its lone CRs as line breaks would change its front matter".to_owned(),
                    )
                    .with_help("replace the lone CR characters with LF or CRLF line breaks"),
            );
            return Formatted {
                text: original.to_owned(),
                changed: doc.source.encoding != Encoding::Utf8,
                rewrites: Vec::new(),
                diagnostics,
            };
        }
        let mut refused = Vec::new();
        let parsed = front_matter::format(parsed, &mut rewrites, &mut refused);
        // A refusal points at the opening `---` of the repaired LF text; in the input that
        // line may start later (after a repaired `ï»¿`) or hold other bytes, so it points at
        // the input's own opening delimiter (or its start, when only repair made one).
        diagnostics.extend(refused.into_iter().map(|mut d| {
            d.span = doc.head_span();
            d
        }));
        let head = parsed.text()[..parsed.body.start as usize].to_owned();
        let body_in = parsed.body_text();
        let body_out = format_body(body_in, head.is_empty(), opts.tables, &mut rewrites);
        if let Some(at) = body_out.refused_at {
            // `at` is in the repaired, LF-only body; repair and line-ending changes keep
            // the body's lines, so point at the start of the same line in the original.
            // `at` may fall inside a character of `body_in` (an offset after earlier
            // rewrites), so the line breaks before it are counted in bytes.
            let line =
                memchr::memchr_iter(b'\n', &body_in.as_bytes()[..at.min(body_in.len())]).count();
            let start = (doc.body.start as usize).min(original.len());
            let at = start + after_line_endings(&original[start..], line);
            diagnostics.push(
                rules::fmt_refused::FmtRefused
                    .meta()
                    .diag(
                        Span::empty(at),
                        format!(
                            "fmt left part of the body unchanged ({}): the result would render differently",
                            body_out.refused.join(", ")
                        ),
                    )
                    .with_help("the rest of the file is formatted; please report this file"),
            );
        }
        head + &body_out.text
    };
    let out = if crlf {
        lf_out.replace('\n', "\r\n")
    } else {
        lf_out
    };
    let orig_crlf = if memchr::memchr(b'\r', original.as_bytes()).is_some() {
        original.matches("\r\n").count()
    } else {
        0
    };
    let endings_changed = lone_cr
        || if crlf {
            orig_crlf != original.matches('\n').count()
        } else {
            orig_crlf > 0
        };
    if endings_changed {
        note(&mut rewrites, Rewrite::LineEndings);
    }
    let changed = out != original || doc.source.encoding != Encoding::Utf8;
    rewrites.sort();
    Formatted {
        text: out,
        changed,
        rewrites,
        diagnostics,
    }
}

/// TOML: exactly one final line break, if the values stay the same.
fn toml_final_newline(lf: &str, doc: &Document, rewrites: &mut Vec<Rewrite>) -> String {
    let trimmed = lf.trim_end_matches(['\n', ' ', '\t']);
    if trimmed.is_empty() {
        return lf.to_owned();
    }
    let line_end = lf[trimmed.len()..]
        .find('\n')
        .map_or(lf.len(), |i| trimmed.len() + i);
    let candidate = format!("{}\n", &lf[..line_end]);
    if candidate == lf {
        return candidate;
    }
    let before = front_matter::reparse(lf, doc);
    let after = front_matter::reparse(&candidate, doc);
    let json = |d: &Document| d.root.as_ref().map(crate::document::Node::to_exact_json);
    if json(&before) == json(&after) {
        note(rewrites, Rewrite::FinalNewline);
        candidate
    } else {
        lf.to_owned()
    }
}

struct BodyOut {
    text: String,
    refused: Vec<&'static str>,
    refused_at: Option<usize>,
}

/// Runs the body rewrites in order, each through the guard, until nothing changes.
///
/// The body is parsed once up front (its events are the guard's reference, its scan feeds
/// the first rewrite) and then once per guard trial; an accepted trial's parse is reused by
/// the next rewrite, so a body nothing changes is parsed exactly once.
fn format_body(
    body: &str,
    file_start: bool,
    tables: TableStyle,
    rewrites: &mut Vec<Rewrite>,
) -> BodyOut {
    let (events, scan) = body::analyse(body);
    let want = body::Reference::new(events);
    let mut scan = scan;
    let mut text = body.to_owned();
    let mut refused = Vec::new();
    let mut refused_at: Option<usize> = None;
    for _round in 0..3 {
        let mut changed = false;
        for &r in BODY_REWRITES {
            let edits = body::edits(r, &text, &scan, file_start, tables);
            if edits.is_empty() {
                continue;
            }
            let g = guard::apply_guarded(&text, &edits, &want);
            if g.accepted > 0 {
                note(rewrites, r);
            }
            if g.refused > 0 {
                if !refused.contains(&r.as_str()) {
                    refused.push(r.as_str());
                }
                // Offsets after earlier rewrites are close enough to point at the place.
                if let Some(at) = g.first_refused {
                    refused_at = Some(refused_at.map_or(at, |f| f.min(at)));
                }
            }
            if let Some((new, new_scan)) = g.new {
                changed |= new != text;
                text = new;
                scan = new_scan;
            }
        }
        if !changed {
            break;
        }
    }
    BodyOut {
        text,
        refused,
        refused_at,
    }
}
