//! The writer of Windsurf rules [WS].

use crate::convert::emit::Y;
use crate::convert::model::{Activation, Slot};
use crate::convert::placeholders::Syntax;
use crate::convert::write::W;

/// The most characters the `description`, and the `globs` together, take in a rule of the
/// Windsurf format: a third each of the 12,000 characters read per rule file [WS].
const WINDSURF_FIELD_MAX: usize = 4_000;

/// `.windsurf/rules/N.md`: `trigger`, `description`, `globs` list (UNCONFIRMED shape) [WS].
pub(crate) fn windsurf(w: &mut W<'_>) -> String {
    trigger_rule(w, "[WS]")
}

/// A rule in the format Windsurf introduced and its successors kept (Devin Desktop
/// `.devin/rules/` [DEVIN-LOCAL-CUST], Antigravity `.agents/rules/` [AG-RULES-3P2]): `trigger`
/// (`always_on`, `glob`, `model_decision`, `manual`), `description`, a `globs` list, at most
/// 12,000 characters per file. `tag` cites the limit's source in loss messages.
pub(crate) fn trigger_rule(w: &mut W<'_>, tag: &str) -> String {
    let tool = w.tool.name();
    let act = w.m.activation.clone();
    let trigger = match &act {
        Activation::Always => "always_on",
        Activation::Globs(_) => "glob",
        Activation::ModelDecides => "model_decision",
        Activation::Manual => "manual",
    };
    w.set("trigger", Y::s(trigger));
    w.description("description", act == Activation::ModelDecides);
    // The whole file counts against Windsurf's 12,000 characters [WS]; a body over it is
    // reported (and cut only with `--fit-limits`), but a description that alone would fill a
    // third of that is cut here, and reported as approximated.
    if let Some((_, Y::Str(d))) = w.fm.iter_mut().find(|(k, _)| k == "description")
        && d.chars().count() > WINDSURF_FIELD_MAX
    {
        let cut: String = d.chars().take(WINDSURF_FIELD_MAX - 1).collect();
        *d = format!("{}…", cut.trim_end());
        w.approx(
            Slot::Description,
            format!("cut to {WINDSURF_FIELD_MAX} characters ({tool} reads at most 12,000 per rule file) {tag}"),
        );
    }
    if let Activation::Globs(g) = &act {
        // Likewise the globs: as many as fit in another third, at least one.
        let mut kept: Vec<String> = Vec::new();
        let mut used = 0;
        for p in g {
            let n = p.chars().count() + 4;
            if !kept.is_empty() && used + n > WINDSURF_FIELD_MAX {
                break;
            }
            used += n;
            kept.push(p.chars().take(WINDSURF_FIELD_MAX).collect());
        }
        if kept.len() < g.len() || kept.first() != g.first() {
            w.losses.push(crate::convert::Loss {
                field: "globs".into(),
                what: crate::convert::LossKind::Approximated("cut".into()),
                message: format!(
                    "`globs` cut to {} of {} patterns within {WINDSURF_FIELD_MAX} characters ({tool} reads at most 12,000 per rule file) {tag}",
                    kept.len(),
                    g.len()
                ),
            });
        }
        w.set("globs", Y::strs(kept));
    }
    w.activation(&format!("`trigger: {trigger}`"));
    w.pass_extras();
    let body = w.body(Syntax::Prose);
    if body.chars().count() > 12_000 {
        w.losses.push(crate::convert::Loss {
            field: "body".into(),
            what: crate::convert::LossKind::Approximated("over the limit".into()),
            message: format!("{tool} reads at most 12,000 characters per rule file {tag}"),
        });
    }
    w.doc(&body)
}
