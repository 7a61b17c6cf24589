//! Merging: the targets that keep one always-loaded file (`AGENTS.md`, `GEMINI.md`) get every
//! rule and instruction file as a section of it.

use super::{
    ConvertOptions, Converted, Loss, LossKind, Output, Target, convert, read, rule_dir,
    target_kind, to_model, write,
};
use crate::document::Document;
use crate::tools::{Kind, Role};

/// Whether `--to target` gathers every rule and instruction file into one file (AGENTS.md for
/// `agents-md`, `codex` and `opencode`; GEMINI.md for `gemini`), so that a run must pass
/// those files to [`convert_many`] together; each file alone would overwrite the others.
#[must_use]
pub fn merges(target: Target) -> bool {
    target_kind(Kind::CursorMdc, target).is_some_and(|k| k.spec().merges)
}

/// Whether [`convert_many`] merges `doc` (a rule or instruction file) rather than converting
/// it on its own. A nested `AGENTS.md`, `CLAUDE.md` or `GEMINI.md` ([`read::nested_dir`]) is
/// not merged: it converts to the target's file in its own directory.
#[must_use]
pub fn mergeable(doc: &Document) -> bool {
    matches!(doc.kind.role(), Role::Rule | Role::Memory) && read::nested_dir(doc).is_none()
}

/// Merges several rule or instruction files into one always-loaded file: `AGENTS.md`
/// (`--to agents-md`, `--to codex`, `--to opencode`), `CLAUDE.md` (`--to claude`), `GEMINI.md` (`--to gemini`),
/// `.github/copilot-instructions.md` (`--to copilot`). Each file becomes a section with its
/// activation stated in words. Other targets convert each file on its own. Field names in
/// `kept`/`translated`/`dropped` and loss messages are prefixed with the source path.
///
/// Files the target cannot hold are reported as a dropped `file` loss.
#[must_use]
pub fn convert_many(docs: &[&Document], target: Target, opts: &ConvertOptions) -> Converted {
    convert_many_traced(docs, target, opts).0
}

/// [`convert_many`], with, for each output (in `outputs` order), the indices in `docs` of the
/// files it was written from: several for a merged file, one otherwise.
#[must_use]
pub fn convert_many_traced(
    docs: &[&Document],
    target: Target,
    opts: &ConvertOptions,
) -> (Converted, Vec<Vec<usize>>) {
    let mut origins: Vec<Vec<usize>> = Vec::new();
    let mut merged_from: Vec<usize> = Vec::new();
    let merged = target_kind(Kind::AgentsMd, target).filter(|k| k.spec().merges);
    let mut all = Converted::default();
    let mut sections = Vec::new();
    // Rules that become a nested AGENTS.md / GEMINI.md (see `convert`), by output path: the
    // rules for one directory share its file.
    let mut nested: Vec<(Output, Vec<String>, Vec<usize>)> = Vec::new();
    let nests = merged.is_some_and(Kind::nests);
    for (i, d) in docs.iter().enumerate() {
        let src = d.path.clone().unwrap_or_else(|| "<input>".to_owned());
        let (model, _) = to_model(d);
        let to_dir = nests && mergeable(d) && rule_dir(d.kind, &model).is_some();
        let mergeable = mergeable(d) && !to_dir;
        let t = match merged {
            Some(k) if mergeable => Target::Kind(k),
            _ => target,
        };
        let mut c = match convert(d, t, opts) {
            Ok(c) => c,
            Err(e) => {
                all.dropped.push(format!("{src}: file"));
                all.losses.push(Loss {
                    field: "file".into(),
                    what: LossKind::Dropped,
                    message: format!("{src}: {e}"),
                });
                continue;
            }
        };
        let pre = |v: Vec<String>| {
            v.into_iter()
                .map(|f| format!("{src}: {f}"))
                .collect::<Vec<_>>()
        };
        all.kept.extend(pre(std::mem::take(&mut c.kept)));
        all.translated
            .extend(pre(std::mem::take(&mut c.translated)));
        all.dropped.extend(pre(std::mem::take(&mut c.dropped)));
        for mut l in c.losses {
            l.message = format!("{src}: {}", l.message);
            all.losses.push(l);
        }
        let section = |text: &str| {
            let title = model.name.as_deref().unwrap_or("Instructions");
            if text.trim_start().starts_with('#') {
                text.trim().to_owned()
            } else {
                format!("## {}\n\n{}", title.replace(['-', '_'], " "), text.trim())
            }
        };
        match merged {
            Some(_) if mergeable => {
                let text = c.outputs.remove(0).text;
                sections.push(section(&text));
                merged_from.push(i);
            }
            Some(_) if to_dir && !c.outputs.is_empty() => {
                let out = c.outputs.remove(0);
                let s = section(&out.text);
                match nested.iter_mut().find(|(o, _, _)| o.path == out.path) {
                    Some((_, group, from)) => {
                        group.push(s);
                        from.push(i);
                    }
                    None => nested.push((out, vec![s], vec![i])),
                }
            }
            _ => {
                origins.extend(c.outputs.iter().map(|_| vec![i]));
                all.outputs.extend(c.outputs);
            }
        }
    }
    for (mut out, group, from) in nested {
        // One rule keeps its text; several become sections, as in the root file.
        if group.len() > 1 {
            out.text = format!("{}\n", group.join("\n\n"));
        }
        all.outputs.push(out);
        origins.push(from);
    }
    if let (Some(k), false) = (merged, sections.is_empty()) {
        let path = write::path_for(k, k.tool(), "");
        all.outputs.insert(
            0,
            Output {
                path,
                kind: k,
                text: format!("{}\n", sections.join("\n\n")),
            },
        );
        origins.insert(0, merged_from);
    }
    (all, origins)
}
