//! `legacy-file` (AF117): Reports a legacy file kind that its tool has replaced: `.chatmode.md` (now `.agent.md`), `.cursorrules` (now `.cursor/rules/*.mdc`).

declare_rule! {
    /// ## What it does
    /// Reports a legacy file kind that its tool has replaced: `.chatmode.md` (now `.agent.md`), `.cursorrules` (now `.cursor/rules/*.mdc`).
    ///
    /// ## Why is this bad?
    /// Legacy kinds are migrated away from and may stop loading [VSC-CHATMODES], [VSC-AGENTS], [CUR-RULES-OLD].
    ///
    /// ## Example
    /// ```text
    /// .github/chatmodes/planner.chatmode.md
    /// ```
    pub struct LegacyFile {
        code: "AF117",
        name: "legacy-file",
        severity: Warning,
    }
}

use serde_json::Value as J;

use super::{Checker, Rule};
use crate::schema::schema_json;
use crate::span::Span;

impl Rule for LegacyFile {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        if let Some(msg) = schema_json(cx.doc.kind).get("x-legacy").and_then(J::as_str) {
            let (what, source) = msg.split_once(" [").map_or((msg, ""), |(a, b)| (a, b));
            let mut d = Self::META.diag(Span::empty(0), what.to_owned());
            if !source.is_empty() {
                d = d.with_help(format!("source: [{source}"));
            }
            cx.report(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn flags_chat_modes() {
        assert_eq!(
            check(
                "---\ndescription: d\n---\nx\n",
                ".github/chatmodes/a.chatmode.md",
                "legacy-file"
            )
            .len(),
            1
        );
        assert!(
            check(
                "---\ndescription: d\n---\nx\n",
                ".github/agents/a.agent.md",
                "legacy-file"
            )
            .is_empty()
        );
    }
}
