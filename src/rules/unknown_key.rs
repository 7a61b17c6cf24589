//! `unknown-key` (AF105): Reports a front-matter key that the kind does not document, with "did you mean" for near misses and for other tools' keys (`globs` in a Claude rule, `allowed-tools` in a subagent).

declare_rule! {
    /// ## What it does
    /// Reports a front-matter key that the kind does not document, with "did you mean" for near misses and for other tools' keys (`globs` in a Claude rule, `allowed-tools` in a subagent).
    ///
    /// ## Why is this bad?
    /// The owning tool ignores the key, so the setting silently has no effect; VS Code shows warnings for unknown keys in prompt files [VSC-FM]. Subagents use camelCase (`disallowedTools`) while skills use kebab-case (`allowed-tools`) [CC-SUB], [CC-SKILLS].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: reviewer
    /// description: Reviews code
    /// allowed-tools: Read, Grep
    /// ---
    /// ```
    pub struct UnknownKey {
        code: "AF105",
        name: "unknown-key",
        severity: Warning,
    }
}

use serde_json::Value as J;

use super::{Checker, Rule};
use crate::diagnostic::{Applicability, Edit, did_you_mean};
use crate::schema::{known_keys, schema_json};

impl Rule for UnknownKey {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let kind = cx.doc.kind;
        let schema = schema_json(kind);
        // Kinds without front matter are reported whole by `unexpected-front-matter`.
        let policy = schema.get("x-unknown-keys").and_then(J::as_str);
        if schema.get("x-front-matter") == Some(&J::Bool(false)) || policy == Some("unchecked") {
            return;
        }
        let known = known_keys(kind);
        let hints = schema.get("x-key-hints");
        for e in cx.doc.entries() {
            if known.contains(&e.key.as_str()) {
                continue;
            }
            let hint = hints.and_then(|h| h.get(&e.key));
            let suggest = hint
                .and_then(|h| h.get("use"))
                .and_then(J::as_str)
                .or_else(|| did_you_mean(&e.key, &known));
            let note = hint.and_then(|h| h.get("note")).and_then(J::as_str);
            let mut d = Self::META.diag(e.key_span, format!("unknown key `{}` for {kind}", e.key));
            let help = match (suggest, note) {
                (Some(s), Some(n)) => format!("did you mean `{s}`? {n}"),
                (Some(s), None) => format!("did you mean `{s}`?"),
                (None, Some(n)) => n.to_owned(),
                (None, None) if policy == Some("passed-through") => {
                    "OpenCode passes unknown keys to the model provider [OC-AGENTS]".to_owned()
                }
                (None, None) => format!("{} ignores keys it does not document", kind.describe()),
            };
            d = d.with_help(help);
            if let Some(s) = suggest
                && cx.doc.root.as_ref().and_then(|r| r.entry(s)).is_none()
            {
                d = d.with_fix(
                    Applicability::Unsafe,
                    vec![Edit {
                        span: e.key_span,
                        replacement: s.to_owned(),
                    }],
                );
            }
            cx.report(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn flags_foreign_and_misspelled_keys() {
        let d = check(
            "---\nname: a\ndescription: b\nallowed-tools: Read\npermission-mode: plan\n---\nx\n",
            ".claude/agents/a.md",
            "unknown-key",
        );
        assert_eq!(d.len(), 2);
        assert!(
            d[0].help
                .as_deref()
                .unwrap()
                .starts_with("did you mean `tools`?")
        );
        assert!(
            d[1].help
                .as_deref()
                .unwrap()
                .starts_with("did you mean `permissionMode`?")
        );
        assert!(
            check("---\nglobs: x\n---\n", ".claude/rules/a.md", "unknown-key")[0]
                .help
                .as_deref()
                .unwrap()
                .contains("`paths`")
        );
        assert!(check("---\npaths: x\n---\n", ".claude/rules/a.md", "unknown-key").is_empty());
    }
}
