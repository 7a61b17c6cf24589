//! `deprecated-key` (AF106): Reports a front-matter key that still works but is deprecated, and names its replacement (Copilot prompt `mode` → `agent`, agent `infer` → `disable-model-invocation`, `user-invokable` → `user-invocable`).

declare_rule! {
    /// ## What it does
    /// Reports a front-matter key that still works but is deprecated, and names its replacement (Copilot prompt `mode` → `agent`, agent `infer` → `disable-model-invocation`, `user-invokable` → `user-invocable`).
    ///
    /// ## Why is this bad?
    /// Deprecated keys are dropped in later versions; GitHub has already retired `infer` [VSC-AGENTS], [GH-AGENTS-CFG], [VSC-PROMPTS].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// mode: agent
    /// ---
    /// ```
    pub struct DeprecatedKey {
        code: "AF106",
        name: "deprecated-key",
        severity: Warning,
    }
}

use serde_json::Value as J;

use super::{Checker, Rule};
use crate::diagnostic::{Applicability, Edit};
use crate::schema::schema_json;

impl Rule for DeprecatedKey {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let schema = schema_json(cx.doc.kind);
        for e in cx.doc.entries() {
            let Some(p) = schema.get("properties").and_then(|p| p.get(&e.key)) else {
                continue;
            };
            if p.get("deprecated") != Some(&J::Bool(true)) {
                continue;
            }
            let mut d = Self::META.diag(e.key_span, format!("`{}` is deprecated", e.key));
            if let Some(new) = p.get("x-replaced-by").and_then(J::as_str) {
                d = d.with_help(format!("use `{new}`"));
                if cx.doc.root.as_ref().and_then(|r| r.entry(new)).is_none() {
                    d = d.with_fix(
                        Applicability::Unsafe,
                        vec![Edit {
                            span: e.key_span,
                            replacement: new.to_owned(),
                        }],
                    );
                }
            }
            cx.report(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn names_the_replacement() {
        let d = check(
            "---\nmode: agent\n---\nx\n",
            ".github/prompts/a.prompt.md",
            "deprecated-key",
        );
        assert_eq!(d[0].help.as_deref(), Some("use `agent`"));
        let d = check(
            "---\ndescription: d\ninfer: false\n---\nx\n",
            ".github/agents/a.agent.md",
            "deprecated-key",
        );
        assert_eq!(d.len(), 1);
    }
}
