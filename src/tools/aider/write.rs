//! The writer of Aider's conventions file [AIDER-CONV].

use crate::convert::write::W;
use crate::convert::{Loss, LossKind};

/// `CONVENTIONS.md`: plain markdown; Aider reads it only when `.aider.conf.yml` names it
/// (`read: CONVENTIONS.md`), which the loss report says [AIDER-CONV], [AIDER-CONF].
pub(crate) fn conventions(w: &mut W<'_>) -> String {
    let text = crate::convert::write::plain::plain(w);
    if !w.same_tool() {
        w.losses.push(Loss {
            field: "file".into(),
            what: LossKind::Approximated("read: CONVENTIONS.md".into()),
            message: "Aider reads a conventions file only when named: add `read: CONVENTIONS.md` to `.aider.conf.yml` [AIDER-CONF]".into(),
        });
    }
    text
}
