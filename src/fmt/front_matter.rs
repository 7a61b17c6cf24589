//! Front-matter formatting: text edits on spans, never a YAML re-serialisation
//! (deps.md §1.7, item 3).
//!
//! Each step edits the whole file text, then the file is parsed again with the same path and
//! kind, and the values as the owning tool reads them (`root.to_exact_json()`) must equal the old
//! values, except for the step's intended changes, whose target values are known in advance.
//! A step that fails this check is dropped and reported as `fmt-refused` (AF090).

use serde_json::Value as J;

use super::{Rewrite, order, quote};
use crate::diagnostic::{Diagnostic, Edit, apply_edits};
use crate::document::{self, Document, Node, Style, Value};
use crate::rules::{self, Rule as _};
use crate::source::SourceText;
use crate::span::Span;

/// An intended value change: the JSON pointer and the value the owning tool reads afterwards.
type Intended = Vec<(String, J)>;

/// Parses `text` like `doc` (same logical path, same kind).
pub(crate) fn reparse(text: &str, doc: &Document) -> Document {
    document::parse(
        SourceText::from_str(text),
        doc.path.as_deref(),
        Some(doc.kind),
    )
    .doc
}

/// [`reparse`] of `doc`'s own text without parsing it again, when that gives the same
/// document: the kind came from the path or the command line (not inferred from the
/// content), and the text does not start with a U+FEFF that a new [`SourceText`] would strip.
/// Only the source changes: plain UTF-8, as [`reparse`] makes it.
pub(crate) fn reparse_own(text: &str, doc: &Document) -> Document {
    if text != doc.text() || doc.inferred.is_some() || text.starts_with('\u{feff}') {
        return reparse(text, doc);
    }
    Document {
        source: SourceText::from_str(text),
        path: doc.path.clone(),
        kind: doc.kind,
        inferred: None,
        front_matter: doc.front_matter.clone(),
        root: doc.root.clone(),
        body: doc.body,
    }
}

fn pointer_segment(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The JSON the owning tool reads from `doc`'s metadata (`Null` without any).
fn values(doc: &Document) -> J {
    doc.root.as_ref().map_or(J::Null, Node::to_exact_json)
}

use document::raw_for_tool;

/// Formats the front matter of `doc` (LF text). Returns the new text, the rewrites done and
/// warnings for refused steps. `doc` must have been parsed from LF-only text.
pub(crate) fn format(
    doc: Document,
    rewrites: &mut Vec<Rewrite>,
    diags: &mut Vec<Diagnostic>,
) -> Document {
    if doc.front_matter.is_none() || doc.root.is_none() {
        return fences(doc, rewrites);
    }
    let mut doc = doc;
    type Step = fn(&Document) -> Option<(Vec<Edit>, Intended)>;
    let steps: [(Rewrite, Step); 5] = [
        (Rewrite::TrailingWhitespace, trailing_whitespace),
        (Rewrite::KeySpacing, key_spacing),
        (Rewrite::LenientToStrict, lenient_to_strict),
        (Rewrite::ArgumentHint, argument_hint),
        (Rewrite::Quoted, requote),
    ];
    // Until nothing changes, so that a step refused before another step ran gets its second
    // chance now rather than on the next fmt run (idempotence). Only the last round's
    // refusals are reported.
    let mut refused = Vec::new();
    for _round in 0..3 {
        let before = doc.text().to_owned();
        refused.clear();
        for (rewrite, step) in steps {
            let Some((edits, intended)) = step(&doc) else {
                continue;
            };
            let text = apply_edits(doc.text(), &edits);
            doc = accept(doc, &text, &intended, rewrite, rewrites, &mut refused);
        }
        if let Some(text) = key_order(&doc) {
            doc = accept(
                doc,
                &text,
                &Vec::new(),
                Rewrite::KeyOrder,
                rewrites,
                &mut refused,
            );
        }
        if doc.text() == before {
            break;
        }
    }
    diags.extend(refused);
    fences(doc, rewrites)
}

/// Re-parses `text` and keeps it if the values are the old ones plus `intended`.
fn accept(
    doc: Document,
    text: &str,
    intended: &Intended,
    rewrite: Rewrite,
    rewrites: &mut Vec<Rewrite>,
    diags: &mut Vec<Diagnostic>,
) -> Document {
    if text == doc.text() {
        return doc;
    }
    let mut expected = values(&doc);
    for (ptr, v) in intended {
        if let Some(slot) = expected.pointer_mut(ptr) {
            *slot = v.clone();
        }
    }
    let new = reparse(text, &doc);
    let same_shape = new.front_matter.is_some() && new.body_text() == doc.body_text();
    if same_shape && values(&new) == expected {
        if !rewrites.contains(&rewrite) {
            rewrites.push(rewrite);
        }
        new
    } else {
        diags.push(
            rules::fmt_refused::FmtRefused
                .meta()
                .diag(
                    doc.head_span(),
                    format!(
                        "fmt left the front matter's {} unchanged: the result would read differently",
                        rewrite.as_str()
                    ),
                )
                .with_help("the file is left as it was for this rewrite; please report it"),
        );
        doc
    }
}

/// Front matter that only the owning tool's lenient reader accepts: every raw value written
/// as strict YAML ([`document::strict_edits`]).
fn lenient_to_strict(doc: &Document) -> Option<(Vec<Edit>, Intended)> {
    document::strict_edits(doc).map(|edits| (edits, Vec::new()))
}

/// `argument-hint: [x]` is a YAML sequence that Claude Code reads as the string since v2.1.47
/// ([CC-CHANGELOG]): write the original text as a quoted string.
fn argument_hint(doc: &Document) -> Option<(Vec<Edit>, Intended)> {
    let e = doc.root.as_ref()?.entry("argument-hint")?;
    let Value::Seq(_) = e.value.value else {
        return None;
    };
    let raw = &doc.text()[e.value.span.range()];
    if !raw.starts_with('[') || !raw.ends_with(']') || raw.contains('\n') {
        return None;
    }
    let edits = vec![Edit {
        span: e.value.span,
        replacement: quote::double_quoted(raw),
    }];
    let ptr = format!("/{}", pointer_segment("argument-hint"));
    Some((edits, vec![(ptr, J::String(raw.to_owned()))]))
}

/// Whether plain-scalar source text `raw` is a number written in a form that only makes
/// sense as a string: leading zeros (`0644`, `007`), a leading `+`, or a fraction with a
/// trailing zero (`version: 1.10`). Its value would not print back as the text.
fn number_meant_as_string(raw: &str, v: &Value) -> bool {
    let unsigned = raw.trim_start_matches(['-', '+']);
    let leading_zero =
        unsigned.len() > 1 && unsigned.starts_with('0') && unsigned.as_bytes()[1].is_ascii_digit();
    match v {
        Value::Int(_) => leading_zero || raw.starts_with('+'),
        Value::Float(_) => {
            let frac = unsigned.split_once('.').map_or("", |(_, f)| f);
            let trailing_zero =
                frac.len() > 1 && frac.ends_with('0') && frac.bytes().all(|b| b.is_ascii_digit());
            leading_zero || raw.starts_with('+') || trailing_zero
        }
        _ => false,
    }
}

/// Quotes plain scalars that a YAML 1.1 reader or the owning tool would read differently
/// from a strict YAML 1.2 reader (deps.md §1.3; issue 4's list).
fn requote(doc: &Document) -> Option<(Vec<Edit>, Intended)> {
    let root = doc.root.as_ref()?;
    let text = doc.text();
    let mut edits = Vec::new();
    let mut intended = Vec::new();
    for e in root.entries() {
        if raw_for_tool(doc.kind, &e.key) {
            continue;
        }
        let ptr = format!("/{}", pointer_segment(&e.key));
        walk(&e.value, &ptr, text, &mut edits, &mut intended);
    }
    (!edits.is_empty()).then_some((edits, intended))
}

fn walk(node: &Node, ptr: &str, text: &str, edits: &mut Vec<Edit>, intended: &mut Intended) {
    let raw = &text[node.span.range()];
    let one_line = !raw.contains('\n') && !raw.is_empty();
    match &node.value {
        Value::Str(s, Style::Plain) if one_line && s == raw && !quote::plain_ok(s) => {
            edits.push(Edit {
                span: node.span,
                replacement: quote::quoted(s),
            });
        }
        v @ (Value::Int(_) | Value::Float(_)) if one_line && number_meant_as_string(raw, v) => {
            edits.push(Edit {
                span: node.span,
                replacement: quote::quoted(raw),
            });
            intended.push((ptr.to_owned(), J::String(raw.to_owned())));
        }
        Value::Seq(items) => {
            for (i, n) in items.iter().enumerate() {
                walk(n, &format!("{ptr}/{i}"), text, edits, intended);
            }
        }
        Value::Map(entries) => {
            for e in entries {
                let p = format!("{ptr}/{}", pointer_segment(&e.key));
                walk(&e.value, &p, text, edits, intended);
            }
        }
        _ => {}
    }
}

/// Byte ranges of block scalars (`|`, `>`), whose trailing spaces are content.
fn block_scalars(node: &Node, out: &mut Vec<std::ops::Range<usize>>) {
    match &node.value {
        Value::Str(_, Style::Literal | Style::Folded | Style::Double | Style::Single) => {
            out.push(node.span.range());
        }
        Value::Seq(items) => items.iter().for_each(|n| block_scalars(n, out)),
        Value::Map(entries) => entries.iter().for_each(|e| block_scalars(&e.value, out)),
        _ => {}
    }
}

/// Trailing spaces and tabs at the ends of front-matter lines (outside block and quoted
/// scalars, where they can be content).
fn trailing_whitespace(doc: &Document) -> Option<(Vec<Edit>, Intended)> {
    let fm = doc.front_matter.as_ref()?;
    let mut protected = Vec::new();
    if let Some(root) = &doc.root {
        block_scalars(root, &mut protected);
    }
    let text = doc.text();
    let mut edits = Vec::new();
    let mut pos = fm.content.start as usize;
    for line in text[fm.content.range()].split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        let trimmed = content.trim_end_matches([' ', '\t']);
        let (s, e) = (pos + trimmed.len(), pos + content.len());
        if s < e && !protected.iter().any(|r| r.start < e && s < r.end) {
            edits.push(Edit {
                span: Span::new(s, e),
                replacement: String::new(),
            });
        }
        pos += line.len();
    }
    (!edits.is_empty()).then_some((edits, Vec::new()))
}

/// `key:   value` → `key: value`: extra spaces between a mapping key's `:` and a value on the
/// same line, at any depth (block and flow mappings). The spaces are not part of the value in
/// YAML; Cursor's raw `globs` are left alone, as Cursor's reader is not documented to trim
/// them ([CUR-GLOB]).
fn key_spacing(doc: &Document) -> Option<(Vec<Edit>, Intended)> {
    fn walk(node: &Node, top: bool, doc: &Document, text: &str, edits: &mut Vec<Edit>) {
        match &node.value {
            Value::Map(entries) => {
                for e in entries {
                    let (k, v) = (e.key_span.end as usize, e.value.span.start as usize);
                    let raw = top && raw_for_tool(doc.kind, &e.key);
                    if !raw && k < v && e.value.span.end > e.value.span.start {
                        let between = &text[k..v];
                        if between.len() > 2
                            && between.starts_with(':')
                            && between[1..].bytes().all(|b| b == b' ')
                        {
                            edits.push(Edit {
                                span: Span::new(k + 2, v),
                                replacement: String::new(),
                            });
                        }
                    }
                    walk(&e.value, false, doc, text, edits);
                }
            }
            Value::Seq(items) => {
                for i in items {
                    walk(i, false, doc, text, edits);
                }
            }
            _ => {}
        }
    }
    let root = doc.root.as_ref()?;
    let mut edits = Vec::new();
    walk(root, true, doc, doc.text(), &mut edits);
    edits.sort_by_key(|e| e.span.start);
    (!edits.is_empty()).then_some((edits, Vec::new()))
}

fn key_order(doc: &Document) -> Option<String> {
    let fm = doc.front_matter.as_ref()?;
    let required = crate::schema::required_keys(doc.kind);
    let known = crate::schema::known_keys(doc.kind);
    let content = &doc.text()[fm.content.range()];
    let new = order::reorder(
        content,
        fm.content.start as usize,
        doc.entries(),
        &required,
        &known,
    )?;
    let text = doc.text();
    Some(format!(
        "{}{new}{}",
        &text[..fm.content.start as usize],
        &text[fm.content.end as usize..]
    ))
}

/// Opening and closing fences written as exactly `---`.
fn fences(doc: Document, rewrites: &mut Vec<Rewrite>) -> Document {
    let Some(fm) = &doc.front_matter else {
        return doc;
    };
    let text = doc.text();
    let open_end = fm.content.start as usize;
    let close = &text[fm.content.end as usize..fm.span.end as usize];
    if &text[..open_end] == "---\n" && (close == "---\n" || close == "---") {
        return doc;
    }
    let close_nl = if close.ends_with('\n') { "\n" } else { "" };
    let new = format!(
        "---\n{}---{close_nl}{}",
        &text[fm.content.range()],
        &text[fm.span.end as usize..]
    );
    if !rewrites.contains(&Rewrite::TrailingWhitespace) {
        rewrites.push(Rewrite::TrailingWhitespace);
    }
    reparse(&new, &doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every example file of the repository, as `(logical path, bytes)`.
    fn examples() -> Vec<(String, Vec<u8>)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/examples");
        let mut out = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).expect("examples dir") {
                let p = e.expect("dir entry").path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    let rel = p.strip_prefix(&root).expect("under root");
                    let rel = rel.to_string_lossy().replace('\\', "/");
                    out.push((rel, std::fs::read(&p).expect("readable")));
                }
            }
        }
        out
    }

    #[test]
    fn reparse_own_is_a_reparse() {
        let mut shortcuts = 0;
        let mut cases = examples();
        // A BOM before the front matter, and a file whose kind is inferred from its content.
        cases.push((
            ".claude/agents/bom.md".into(),
            b"\xef\xbb\xbf---\nname: a\ndescription: b\n---\nBody\n".to_vec(),
        ));
        cases.push((
            "notes/unknown.md".into(),
            b"---\nname: a\ndescription: b\ntools: Read\n---\nBody\n".to_vec(),
        ));
        for (path, bytes) in &cases {
            for forced in [None, Some(crate::tools::Kind::ClaudeAgent)] {
                let Ok((doc, _)) = crate::check::load(bytes, path, forced) else {
                    continue;
                };
                let own = reparse_own(doc.text(), &doc);
                let again = reparse(doc.text(), &doc);
                assert_eq!(format!("{own:?}"), format!("{again:?}"), "{path}");
                shortcuts += usize::from(doc.inferred.is_none());
            }
        }
        assert!(shortcuts > 20, "{shortcuts} documents took the shortcut");
    }
}
