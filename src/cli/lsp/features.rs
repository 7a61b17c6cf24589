//! What the server answers besides diagnostics: code actions, formatting, hover, completion.
//! Each is a function of one open document's text (and the workspace's names), so that the
//! protocol loop in `mod.rs` only routes.

use std::collections::HashMap;

use lsp_types as lsp;

use agentfmt::check::{self, fix};
use agentfmt::config::Config;
use agentfmt::diagnostic::{Applicability, Diagnostic};
use agentfmt::document::Document;
use agentfmt::rules::{self, Context};
use agentfmt::tools::Kind;

use super::convert::{self, Lines};

/// One edit of `uri` as a workspace edit.
fn workspace_edit(uri: &lsp::Uri, edits: Vec<lsp::TextEdit>) -> lsp::WorkspaceEdit {
    let mut changes = HashMap::new();
    changes.insert(uri.clone(), edits);
    lsp::WorkspaceEdit {
        changes: Some(changes),
        ..lsp::WorkspaceEdit::default()
    }
}

/// The code actions for the diagnostics `diags` of `doc` that touch `range`: each fix
/// (marked unsafe where it is), an inline suppression per rule, and "fix all safe problems"
/// over the whole file.
pub(crate) fn code_actions(
    doc: &Document,
    diags: &[Diagnostic],
    uri: &lsp::Uri,
    range: lsp::Range,
    lines: &Lines<'_>,
    fix_all: Option<String>,
) -> Vec<lsp::CodeActionOrCommand> {
    let (from, to) = (lines.offset(range.start), lines.offset(range.end));
    let mut out = Vec::new();
    let mut suppressed: Vec<&str> = Vec::new();
    for d in diags {
        let (s, e) = (d.span.start as usize, d.span.end as usize);
        if e < from || s > to {
            continue;
        }
        let lsp_diag = convert::diagnostic(d, lines, uri);
        if let Some(f) = &d.fix {
            let edits = f
                .edits
                .iter()
                .map(|e| lsp::TextEdit::new(lines.range(e.span), e.replacement.clone()))
                .collect();
            let safe = f.applicability == Applicability::Safe;
            let what = d.help.clone().unwrap_or_else(|| d.message.clone());
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: format!(
                    "Fix {}{}: {what}",
                    d.code,
                    if safe { "" } else { " (unsafe: review)" }
                ),
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp_diag.clone()]),
                edit: Some(workspace_edit(uri, edits)),
                is_preferred: Some(safe),
                ..lsp::CodeAction::default()
            }));
        }
        if !suppressed.contains(&d.code)
            && let Some(edit) = suppression(doc, d, lines)
        {
            suppressed.push(d.code);
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: format!("Ignore {} ({}) here", d.code, d.rule),
                kind: Some(lsp::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp_diag]),
                edit: Some(workspace_edit(uri, vec![edit])),
                ..lsp::CodeAction::default()
            }));
        }
    }
    if let Some(new_text) = fix_all {
        out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
            title: "Fix all safe problems (agentfmt)".into(),
            kind: Some(lsp::CodeActionKind::new("source.fixAll.agentfmt")),
            edit: Some(workspace_edit(
                uri,
                vec![lsp::TextEdit::new(lines.whole(), new_text)],
            )),
            ..lsp::CodeAction::default()
        }));
    }
    out
}

/// The text of `doc` with every safe fix applied, when there is one to apply.
pub(crate) fn fix_all(doc: &Document, ctx: &Context<'_>, config: &Config) -> Option<String> {
    let Ok((again, parse_diags)) = check::load(doc.text().as_bytes(), doc.path.as_deref()?, None)
    else {
        return None;
    };
    let fixed = fix::fix(again, parse_diags, None, ctx, config, false);
    (fixed.count() > 0).then(|| fixed.doc.text().to_owned())
}

/// The edit that adds an inline suppression of `d`'s rule: a trailing `# agentfmt:
/// ignore[...]` comment on a front-matter or TOML line when that keeps every value (checked
/// by parsing the result), an `<!-- agentfmt-ignore ... -->` line before a body line, or a
/// file-wide directive otherwise.
fn suppression(doc: &Document, d: &Diagnostic, lines: &Lines<'_>) -> Option<lsp::TextEdit> {
    let text = doc.text();
    let at = (d.span.start as usize).min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let in_metadata = doc.kind.is_toml()
        || doc
            .front_matter
            .as_ref()
            .is_some_and(|fm| fm.content.range().contains(&at));
    let insert = |offset: usize, new_text: String| {
        let p = lines.position(offset);
        lsp::TextEdit::new(lsp::Range::new(p, p), new_text)
    };
    if in_metadata {
        let line = text[line_start..line_end].trim_end_matches('\r');
        let eol = line_start + line.len();
        let comment = format!(" # agentfmt: ignore[{}]", d.code);
        let candidate = format!("{}{comment}{}", &text[..eol], &text[eol..]);
        let reparsed = agentfmt::document::parse(
            agentfmt::source::SourceText::from_str(&candidate),
            doc.path.as_deref(),
            Some(doc.kind),
        );
        let values = |x: &Document| x.root.as_ref().map(agentfmt::document::Node::to_exact_json);
        if !line.trim().is_empty() && values(&reparsed.doc) == values(doc) {
            return Some(insert(eol, comment));
        }
        return Some(if doc.kind.is_toml() {
            insert(0, format!("# agentfmt: ignore-file[{}]\n", d.code))
        } else {
            insert(
                doc.body.start as usize,
                format!("<!-- agentfmt-ignore-file {} -->\n", d.code),
            )
        });
    }
    if at < doc.body.start as usize {
        return None;
    }
    let indent: String = text[line_start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    Some(insert(
        line_start,
        format!("{indent}<!-- agentfmt-ignore {} -->\n", d.code),
    ))
}

/// The text `fmt` makes of `doc`, when it changes it.
fn formatted(doc: &Document, config: &Config) -> Option<String> {
    let f = agentfmt::fmt::fmt(doc, &crate::cli::fmt_options(config));
    (f.changed && f.text != doc.text()).then_some(f.text)
}

/// The full-document edit that formats `doc` (`None` when fmt changes nothing).
pub(crate) fn formatting(
    doc: &Document,
    config: &Config,
    lines: &Lines<'_>,
) -> Option<Vec<lsp::TextEdit>> {
    formatted(doc, config).map(|text| vec![lsp::TextEdit::new(lines.whole(), text)])
}

/// The edits of [`formatting`] that touch the lines of `range`: fmt formats a file as a
/// whole (front matter as a unit, markdown blocks by their neighbours), so a range gets the
/// changed line groups (`similar`'s line diff) that overlap it, each whole.
pub(crate) fn range_formatting(
    doc: &Document,
    config: &Config,
    lines: &Lines<'_>,
    range: lsp::Range,
) -> Option<Vec<lsp::TextEdit>> {
    let new = formatted(doc, config)?;
    let old = doc.text();
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &old_lines, &new_lines);
    let offset_of = |line: usize| -> usize { old_lines[..line].iter().map(|l| l.len()).sum() };
    let mut edits = Vec::new();
    for op in &ops {
        if op.tag() == similar::DiffTag::Equal {
            continue;
        }
        let (o, n) = (op.old_range(), op.new_range());
        // Lines `o` of the old text; an insertion (empty `o`) sits before line `o.start`.
        let (first, last) = (o.start, o.end.max(o.start + 1) - 1);
        let touches = u32::try_from(first).is_ok_and(|f| f <= range.end.line)
            && u32::try_from(last).is_ok_and(|l| l >= range.start.line);
        if !touches {
            continue;
        }
        let start = lines.position(offset_of(o.start));
        let end = lines.position(offset_of(o.end));
        edits.push(lsp::TextEdit::new(
            lsp::Range::new(start, end),
            new_lines[n].concat(),
        ));
    }
    (!edits.is_empty()).then_some(edits)
}

/// The schema property of top-level key `key` of `kind`.
pub(crate) fn property(kind: Kind, key: &str) -> Option<&'static serde_json::Value> {
    agentfmt::schema::schema_json(kind)
        .get("properties")?
        .get(key)
}

/// A property's description followed by the URLs of the sources it cites (its bracketed
/// source tags, looked up in `schemas/sources.json`).
pub(crate) fn described(description: &str) -> String {
    static SOURCES: std::sync::OnceLock<serde_json::Map<String, serde_json::Value>> =
        std::sync::OnceLock::new();
    let sources = SOURCES.get_or_init(agentfmt::docs::sources);
    let mut out = description.to_owned();
    let mut cited = Vec::new();
    for (id, s) in sources {
        if description.contains(&format!("[{id}]"))
            && let Some(url) = s.get("url").and_then(serde_json::Value::as_str)
        {
            cited.push(format!("- [{id}]: <{url}>"));
        }
    }
    if !cited.is_empty() {
        out.push_str("\n\nSources:\n");
        out.push_str(&cited.join("\n"));
    }
    out
}

/// The hover at byte `offset`: a front-matter or TOML key's documentation from the schema,
/// else the documentation of the rule of a diagnostic there.
pub(crate) fn hover(
    doc: &Document,
    diags: &[Diagnostic],
    offset: usize,
    lines: &Lines<'_>,
) -> Option<lsp::Hover> {
    let markdown = |value: String, range| lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: lsp::MarkupKind::Markdown,
            value,
        }),
        range: Some(range),
    };
    for e in doc.entries() {
        let ks = e.key_span;
        if (ks.start as usize..=ks.end as usize).contains(&offset) {
            let prop = property(doc.kind, &e.key);
            let text = match prop
                .and_then(|p| p.get("description"))
                .and_then(|d| d.as_str())
            {
                Some(d) => format!(
                    "**`{}`** ({})\n\n{}",
                    e.key,
                    doc.kind.as_str(),
                    described(d)
                ),
                None => format!(
                    "**`{}`** is not a key of `{}` files.",
                    e.key,
                    doc.kind.as_str()
                ),
            };
            return Some(markdown(text, lines.range(ks)));
        }
    }
    let d = diags
        .iter()
        .find(|d| (d.span.start as usize..=d.span.end as usize).contains(&offset))?;
    let meta = rules::find(d.code)?;
    Some(markdown(
        format!("**{}** ({})\n\n{}", meta.name, meta.code, meta.markdown()),
        lines.range(d.span),
    ))
}
