//! The writer of Antigravity workflows [AG-RULES-SKLY].

use crate::convert::model::Slot;
use crate::convert::placeholders::Syntax;
use crate::convert::write::W;

/// `.agents/workflows/N.md`: `description` and the steps as the body; the workflow is
/// `/N`, named after the file, and substitutes no placeholders (none are documented)
/// [AG-RULES-SKLY].
pub(crate) fn workflow(w: &mut W<'_>) -> String {
    if w.m.name.is_some() && !w.m.name_from_path {
        let f = w.file_slug();
        w.approx(
            Slot::Name,
            format!("the workflow is `/{f}`, named after the file `{f}.md`"),
        );
    }
    w.description("description", false);
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}
