//! The writer of Kiro steering files [KIRO].

use crate::convert::emit::Y;
use crate::convert::globs;
use crate::convert::model::{Activation, Slot};
use crate::convert::placeholders::Syntax;
use crate::convert::write::W;

/// `.kiro/steering/N.md`: `inclusion`, one `fileMatchPattern` string, `name`/`description`
/// for `auto` [KIRO].
pub(crate) fn kiro(w: &mut W<'_>) -> String {
    let act = w.m.activation.clone();
    let inclusion = match &act {
        Activation::Always => "always",
        Activation::Globs(_) => "fileMatch",
        Activation::ModelDecides => "auto",
        Activation::Manual => "manual",
    };
    w.set("inclusion", Y::s(inclusion));
    if let Activation::Globs(g) = &act {
        w.set("fileMatchPattern", Y::s(globs::join(g)));
        if let [one] = g.as_slice() {
            w.activation(&format!(
                "`inclusion: fileMatch`, `fileMatchPattern: {one}`"
            ));
        } else {
            // Several patterns, or none (a Windsurf `trigger: glob` without `globs`).
            w.approx(
                Slot::Activation,
                format!("`inclusion: fileMatch` with `fileMatchPattern: {}`; Kiro documents one pattern, so several may not match", globs::join(g)),
            );
        }
    } else {
        w.activation(&format!("`inclusion: {inclusion}`"));
    }
    if act == Activation::ModelDecides {
        w.name("name", false, false);
        w.description("description", true);
    } else if w.same_tool() {
        w.name("name", false, false);
        w.description("description", false);
    }
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    w.doc(&body)
}
