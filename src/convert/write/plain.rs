//! The writer of plain markdown instruction files without front matter, shared by every tool
//! whose always-loaded file is one (`AGENTS.md`, `CLAUDE.md`, `GEMINI.md`, `.cursorrules`,
//! `.github/copilot-instructions.md`).

use crate::convert::model::{Activation, Slot};
use crate::convert::placeholders::Syntax;
use crate::convert::tables;
use crate::convert::write::W;

/// Plain markdown without front matter: `AGENTS.md`, `CLAUDE.md`, `GEMINI.md`, `.cursorrules`,
/// `.github/copilot-instructions.md`. These are always loaded, so any other activation is
/// stated in words before the body [AGENTSMD], [CC-MEM], [GEM-MD], [GH-REPO-INSTR].
pub(crate) fn plain(w: &mut W<'_>) -> String {
    let mut body = w.body(Syntax::Prose);
    if let (Some(dir), true) = (w.m.nested.clone(), w.nested_here()) {
        if w.m.source.nests() {
            // Written in the same directory, where the target tool reads it for the same files.
            w.kept(Slot::Activation);
        } else {
            // A rule for `dir/**` (nested `dir/AGENTS.md` ≈ `dir/**`).
            let file = crate::convert::write::path_for(w.kind, w.tool, "");
            w.approx(
                Slot::Activation,
                format!("written as `{dir}/{file}`, which applies to the files below `{dir}/`"),
            );
        }
        return w.doc(&body);
    }
    let words = tables::activation_words(&w.m.activation, w.m.description.as_deref());
    match (&words, &w.m.activation) {
        (None, _) => w.activation("always loaded"),
        (Some(s), Activation::ModelDecides) if w.m.description.is_some() => {
            w.approx(Slot::Activation, format!("stated in words: \"{s}\""));
            w.approx(Slot::Description, "stated in words with the activation");
        }
        (Some(s), _) => w.approx(Slot::Activation, format!("stated in words: \"{s}\"")),
    }
    if let Some(s) = words {
        body = format!("{s}\n\n{}", body.trim_start_matches('\n'));
        if matches!(
            w.out_of(&Slot::Body),
            Some(crate::convert::write::Outcome::Exact(_) | crate::convert::write::Outcome::Kept)
                | None
        ) {
            w.approx(
                Slot::Body,
                "an activation sentence is added before the body",
            );
        }
    }
    w.doc(&body)
}
