//! Carrying a hand edit of a generated file back into its source (`sync --adopt`) without
//! losing what the target could not hold: a three-way merge, field by field.
//!
//! The generated file and the edited one are both converted back to the source's kind; a
//! front-matter field (or the body) that reads the same in both was not touched by the edit,
//! so the source keeps its own value, which may say more than the target can (a Claude Code
//! `tools` list that Cursor holds only as `readonly`). A field the edit changed, added or
//! removed is changed, added or removed in the source.

use crate::document::Document;

/// The front-matter fields of `doc`, each as the text of its lines (from its key's line to the
/// next key's line, comments before the next key included), in order.
fn blocks(doc: &Document) -> Vec<(String, String)> {
    let Some(fm) = &doc.front_matter else {
        return Vec::new();
    };
    let text = doc.text();
    let line_start = |at: usize| text[..at].rfind('\n').map_or(0, |i| i + 1);
    let entries = doc.entries();
    let end_of_fm = fm.content.end as usize;
    entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let start = line_start(e.key_span.start as usize).max(fm.content.start as usize);
            let end = entries
                .get(i + 1)
                .map_or(end_of_fm, |n| line_start(n.key_span.start as usize));
            (
                e.key.clone(),
                text[start..end.max(start)].replace("\r\n", "\n"),
            )
        })
        .collect()
}

/// `source` with the edit that turned `generated` into `edited` (both already converted back to
/// `source`'s kind) applied: fields and body the edit left alone keep `source`'s text. Returns
/// the text (`\n` line breaks) and the fields the edit changed, added or removed (`body` for
/// the body), in order.
///
/// A source whose prompt lives in a key (a TOML Gemini CLI command) or that has no front
/// matter while the edit has some takes `edited` whole.
#[must_use]
pub fn merge(source: &Document, generated: &Document, edited: &Document) -> (String, Vec<String>) {
    if source.kind.prompt_key().is_some() {
        let all = edited.entries().iter().map(|e| e.key.clone()).collect();
        return (edited.text().replace("\r\n", "\n"), all);
    }
    let mut changed = Vec::new();
    let (g, e) = (blocks(generated), blocks(edited));
    let mut s = blocks(source);
    for (key, block) in &e {
        let untouched = g.iter().any(|(k, b)| k == key && b == block);
        if untouched {
            continue;
        }
        changed.push(key.clone());
        match s.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = block.clone(),
            None => s.push((key.clone(), block.clone())),
        }
    }
    s.retain(|(key, _)| {
        let removed = g.iter().any(|(k, _)| k == key) && !e.iter().any(|(k, _)| k == key);
        if removed {
            changed.push(key.clone());
        }
        !removed
    });
    let body = if generated.body_text() == edited.body_text() {
        source.body_text().replace("\r\n", "\n")
    } else {
        changed.push("body".into());
        edited.body_text().replace("\r\n", "\n")
    };
    let fields: String = s
        .into_iter()
        .map(|(_, b)| if b.ends_with('\n') { b } else { b + "\n" })
        .collect();
    let text = match &source.front_matter {
        Some(fm) => {
            // The source's own fences and the text between the closing fence and the body.
            let src = source.text();
            let open = src[..fm.content.start as usize].replace("\r\n", "\n");
            let between =
                src[fm.content.end as usize..source.body.start as usize].replace("\r\n", "\n");
            format!("{open}{fields}{between}{body}")
        }
        None if fields.is_empty() => body,
        None => format!("---\n{fields}---\n\n{body}"),
    };
    (text, changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceText;

    fn doc(text: &str) -> Document {
        crate::document::parse(
            SourceText::from_str(text),
            Some(".claude/agents/a.md"),
            None,
        )
        .doc
    }

    #[test]
    fn keeps_what_the_edit_did_not_touch() {
        let source = doc(
            "---\nname: a\ndescription: Reviews\ntools: Read, Grep\nmodel: sonnet\n---\n\nBe strict.\n",
        );
        // What Cursor held, read back: no tool list, no model.
        let generated = doc("---\nname: a\ndescription: Reviews\n---\n\nBe strict.\n");
        let edited = doc("---\nname: a\ndescription: Reviews code\n---\n\nBe strict.\nAnd kind.\n");
        let (text, changed) = merge(&source, &generated, &edited);
        assert_eq!(
            text,
            "---\nname: a\ndescription: Reviews code\ntools: Read, Grep\nmodel: sonnet\n---\n\nBe strict.\nAnd kind.\n"
        );
        assert_eq!(changed, ["description", "body"]);
        // A field removed by the edit is removed; one added is added.
        let edited = doc("---\nname: a\ncolor: blue\n---\n\nBe strict.\n");
        let (text, changed) = merge(&source, &generated, &edited);
        assert_eq!(
            text,
            "---\nname: a\ntools: Read, Grep\nmodel: sonnet\ncolor: blue\n---\n\nBe strict.\n"
        );
        assert_eq!(changed, ["color", "description"]);
        // Nothing changed: the source comes back as it was.
        assert_eq!(
            merge(&source, &generated, &generated),
            (source.text().to_owned(), vec![])
        );
    }
}
