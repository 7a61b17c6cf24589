//! Strict YAML for front matter that only the owning tool's lenient reader accepts: the edits
//! that quote every raw value, shared by `fmt` and by the fix `strict-yaml` carries.

use super::{Dialect, Document, Parsed, Style, Value, codes, parse_only, quote};
use crate::diagnostic::{Applicability, Edit, apply_edits};
use crate::source::SourceText;
use crate::span::Span;
use crate::tools::{Kind, Tool};

/// Whether Cursor reads key `key` of `kind` as raw text, so that quoting it would change what
/// Cursor matches ([CUR-GLOB]).
#[must_use]
pub fn raw_for_tool(kind: Kind, key: &str) -> bool {
    matches!(kind.dialect(), Dialect::CursorRaw | Dialect::YamlRawGlobs)
        && Some(key) == kind.spec().glob_key.or(Some("globs"))
}

/// The edits that write every raw value of `doc`'s front matter as strict YAML holding exactly
/// the text the owning tool reads; `None` when the front matter is strict already, or its
/// tool reads strict YAML only. Spans are bytes of `doc`'s text.
///
/// Claude Code's reader (multi-line values with `<example>` blocks) and Cursor's `key: value`
/// reader ([CUR-RULES]) are modelled by `document::lenient`. VS Code reads Copilot headers
/// with a relaxed YAML subset that accepts unquoted strings ([VSC-FM]); its handling of
/// continuation lines is not documented, so only one-line values are converted there. Tools
/// that read strict YAML (OpenCode, Kiro, ...) are left alone: their files need a repair
/// that a reader of the file has to confirm.
#[must_use]
pub fn strict_edits(doc: &Document) -> Option<Vec<Edit>> {
    let fm = doc.front_matter.as_ref()?;
    let one_line_only = match doc.kind.dialect() {
        Dialect::ClaudeLenient | Dialect::CursorRaw => false,
        Dialect::Yaml if doc.kind.tool() == Tool::Copilot => true,
        Dialect::Yaml | Dialect::YamlRawGlobs | Dialect::None => return None,
    };
    if fm.strict {
        return None;
    }
    let text = doc.text();
    let mut edits = Vec::new();
    for e in doc.entries() {
        let Value::Str(s, Style::Raw) = &e.value.value else {
            continue;
        };
        let colon = e.key_span.end as usize;
        if raw_for_tool(doc.kind, &e.key)
            || text.as_bytes().get(colon) != Some(&b':')
            || (one_line_only && s.contains('\n'))
        {
            continue;
        }
        // Through the end of the value's last line, so that its trailing spaces go too.
        let end = e.value.span.end as usize;
        let end = end + text[end..].find('\n').unwrap_or(text.len() - end);
        edits.push(Edit {
            span: Span::new(colon, end),
            replacement: format!(":{}", quote::value_text(s, 2)),
        });
    }
    (!edits.is_empty()).then_some(edits)
}

/// Gives `parsed`'s `strict-yaml` diagnostic the [`strict_edits`] as a safe fix, when the
/// edited text parses as strict YAML to the same values as the owning tool reads now. Texts
/// with CR line breaks get no fix (the quoted block scalars would be written with LF).
pub(super) fn attach_fix(parsed: &mut Parsed) {
    let Some(at) = parsed
        .diagnostics
        .iter()
        .position(|d| d.code == codes::STRICT_YAML.code)
    else {
        return;
    };
    let doc = &parsed.doc;
    if doc.text().contains('\r') {
        return;
    }
    let Some(edits) = strict_edits(doc) else {
        return;
    };
    let fixed = apply_edits(doc.text(), &edits);
    let again = parse_only(
        SourceText::from_str(&fixed),
        doc.path.as_deref(),
        Some(doc.kind),
    );
    let values = |d: &Document| d.root.as_ref().map(super::Node::to_exact_json);
    let same = again.doc.front_matter.as_ref().is_some_and(|f| f.strict)
        && again.doc.body_text() == doc.body_text()
        && values(&again.doc) == values(doc);
    if same {
        let d = &mut parsed.diagnostics[at];
        *d = d.clone().with_fix(Applicability::Safe, edits);
    }
}
