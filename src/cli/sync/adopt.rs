//! `agentfmt sync --adopt`: a generated file edited by hand is converted back into its source
//! file, so the edit becomes the truth and reaches every other target on the same run.

use std::io::Write as _;
use std::path::Path;

use agentfmt::convert::{self, LossKind, Target};
use agentfmt::document::Document;
use agentfmt::source::{Newline, SourceText};
use agentfmt::sync::SyncOptions;
use agentfmt::sync::manifest::{Manifest, hash};
use agentfmt::sync::state::State;

use super::{Out, disk};
use crate::cli::write;

/// Adopts every hand-edited item with exactly one source: writes the converted edit over the
/// source file and records the edited bytes as generated (the next plan regenerates the file
/// from the adopted source). A file merged from several sources cannot be adopted and is
/// reported. Returns how many were adopted.
///
/// # Errors
/// Only when the report cannot be printed; each file's failure is reported and the run goes
/// on.
pub(super) fn run(
    root: &Path,
    items: &[disk::Item],
    docs: &[Document],
    opts: &SyncOptions,
    manifest: &mut Manifest,
    out: &mut Out,
) -> anyhow::Result<usize> {
    let mut adopted = 0;
    for item in items.iter().filter(|i| i.state == State::HandEdited) {
        let (Some(w), Some(edited)) = (&item.want, &item.disk) else {
            continue;
        };
        let [source] = w.sources.as_slice() else {
            out.error(&format!(
                "cannot adopt {}: it is merged from {} sources ({}); carry the edit into them by hand, or `--force` overwrites it",
                item.path,
                w.sources.len(),
                w.sources.join(", ")
            ))?;
            continue;
        };
        let result = match (&w.origin, w.kind) {
            // A skill's companion file: copied back as it is.
            (Some(_), _) => Ok(edited.clone()),
            (None, Some(kind)) => match docs.iter().find(|d| d.path.as_deref() == Some(source)) {
                Some(doc) => back_into(&item.path, kind, &w.bytes, edited, doc, opts, out)?,
                None => Err(format!("its source {source} was not read")),
            },
            (None, None) => Err("nothing to adopt".into()),
        };
        let dest = w.origin.as_deref().unwrap_or(source);
        match result.and_then(|bytes| {
            let p = write::safe_join(root, dest)?;
            write::atomic_write(&p, &bytes).map_err(|e| format!("cannot write {dest}: {e}"))
        }) {
            Ok(()) => {
                adopted += 1;
                writeln!(out.stderr, "adopted {} into {dest}", item.path)?;
                if let Some(e) = manifest.files.get_mut(&item.path) {
                    e.hash = hash(edited);
                }
            }
            Err(e) => out.error(&format!("cannot adopt {}: {e}", item.path))?,
        }
    }
    Ok(adopted)
}

/// The edited generated file `path` (`kind`; `generated` is what sync wrote, `edited` what is
/// there now) carried into its source `doc`: both are converted back to `doc`'s kind and
/// merged field by field ([`agentfmt::sync::adopt::merge`]), so what the target cannot hold
/// stays as the source had it. Returns the new source bytes, with `doc`'s line breaks; the
/// losses of converting the edit back are printed.
fn back_into(
    path: &str,
    kind: agentfmt::tools::Kind,
    generated: &[u8],
    edited: &[u8],
    doc: &Document,
    opts: &SyncOptions,
    out: &mut Out,
) -> anyhow::Result<Result<Vec<u8>, String>> {
    let (Ok(generated), Ok(edited)) = (std::str::from_utf8(generated), std::str::from_utf8(edited))
    else {
        return Ok(Err("it is not valid UTF-8".into()));
    };
    let back = |text: &str| -> Result<(Document, Vec<agentfmt::convert::Loss>), String> {
        let parsed =
            agentfmt::document::parse(SourceText::from_str(text), Some(path), Some(kind)).doc;
        let c = convert::convert(&parsed, Target::Kind(doc.kind), &opts.convert)
            .map_err(|e| e.to_string())?;
        let o = c
            .outputs
            .iter()
            .find(|o| o.kind == doc.kind)
            .ok_or_else(|| format!("it converts to no {} file", doc.kind))?;
        let back = agentfmt::document::parse(
            SourceText::from_str(&o.text),
            doc.path.as_deref(),
            Some(doc.kind),
        )
        .doc;
        Ok((back, c.losses))
    };
    let ((g, _), (e, losses)) = match (back(generated), back(edited)) {
        (Ok(g), Ok(e)) => (g, e),
        (Err(m), _) | (_, Err(m)) => return Ok(Err(m)),
    };
    let (text, changed) = agentfmt::sync::adopt::merge(doc, &g, &e);
    // Only the losses of what the edit changed: the rest keeps the source's own text.
    for loss in losses.iter().filter(|l| changed.contains(&l.field)) {
        let level = match loss.what {
            LossKind::Synthesised(_) => "info",
            _ => "warning",
        };
        writeln!(out.stderr, "  adopting {path}: {level}: {}", loss.message)?;
    }
    let text = if doc.source.newline == Newline::CrLf {
        text.replace('\n', "\r\n")
    } else {
        text
    };
    Ok(Ok(text.into_bytes()))
}
