//! `unknown-skill` (AF128): Reports a skill in a Claude Code subagent's `skills` list that cannot be preloaded: one with `disable-model-invocation: true` (a warning), or one the project does not define next to the subagent (a note: it may be a user or plugin skill). Needs the caller's file-reading callback; skipped without it.

declare_rule! {
    /// ## What it does
    /// Reports a skill in a Claude Code subagent's `skills` list that cannot be preloaded: one with `disable-model-invocation: true` (a warning), or one the project does not define next to the subagent (a note: it may be a user or plugin skill). Needs the caller's file-reading callback; skipped without it.
    ///
    /// The skill is looked up as `<root>/skills/<name>/SKILL.md`, where `<root>` holds the
    /// subagent's `agents` directory (`.claude` in a project, the plugin root in a plugin).
    /// Plugin-scoped names (`plugin:skill`) are not checked.
    ///
    /// ## Why is this bad?
    /// A subagent's `skills` are preloaded in full when it starts; skills with
    /// `disable-model-invocation: true` cannot be preloaded, and a name that matches no skill
    /// preloads nothing [CC-SUB], [VSC-SKILLS].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: api-developer
    /// description: Implements API endpoints
    /// skills: [api-conventions]
    /// ---
    /// ```
    pub struct UnknownSkill {
        code: "AF128",
        name: "unknown-skill",
        severity: Warning,
    }
}

use super::{Checker, Rule};
use crate::diagnostic::Severity;
use crate::source::SourceText;
use crate::tools::Kind;

/// The `SKILL.md` a subagent at `path` would preload as skill `name`:
/// `<root>/skills/<name>/SKILL.md` for `<root>/agents/…/x.md`, with `/` separators. `None`
/// when the path has no `agents` directory.
#[must_use]
pub fn skill_path(path: &str, name: &str) -> Option<String> {
    let path = path.replace('\\', "/");
    let parts: Vec<&str> = path.split('/').collect();
    let at = parts[..parts.len().saturating_sub(1)]
        .iter()
        .rposition(|p| *p == "agents")?;
    let root = parts[..at].join("/");
    Some(if root.is_empty() {
        format!("skills/{name}/SKILL.md")
    } else {
        format!("{root}/skills/{name}/SKILL.md")
    })
}

impl Rule for UnknownSkill {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(read) = cx.ctx.read_file else {
            return;
        };
        let doc = cx.doc;
        if doc.kind != Kind::ClaudeAgent {
            return;
        }
        let (Some(path), Some(items)) = (
            doc.path.as_deref(),
            doc.get("skills").and_then(|n| n.as_seq()),
        ) else {
            return;
        };
        for item in items {
            let Some(name) = item.as_str().map(str::trim) else {
                continue;
            };
            // Names must be safe path segments; plugin-scoped names are not looked up.
            if name.is_empty()
                || name.contains([':', '/', '\\'])
                || name.starts_with('.')
                || name.chars().any(char::is_control)
            {
                continue;
            }
            let Some(skill) = skill_path(path, name) else {
                continue;
            };
            match read(&skill) {
                Some(text) => {
                    let parsed =
                        crate::document::parse(SourceText::from_str(&text), Some(&skill), None);
                    let disabled = parsed
                        .doc
                        .get("disable-model-invocation")
                        .and_then(|n| n.as_bool())
                        == Some(true);
                    if disabled {
                        cx.report(
                            Self::META
                                .diag(
                                    item.span,
                                    format!("skill `{name}` has `disable-model-invocation: true` and cannot be preloaded"),
                                )
                                .with_help(format!(
                                    "remove it from `skills`, or drop `disable-model-invocation` from `{skill}` [CC-SUB]"
                                )),
                        );
                    }
                }
                None => {
                    let mut d = Self::META
                        .diag(
                            item.span,
                            format!("no skill `{name}` next to this subagent (`{skill}`)"),
                        )
                        .with_help("a user skill (`~/.claude/skills/`) or a plugin skill of that name also works; otherwise the subagent starts without it [CC-SUB]");
                    d.severity = Severity::Info;
                    cx.report(d);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::skill_path;
    use crate::diagnostic::Severity;
    use crate::document::parse;
    use crate::rules::{Context, Rule};
    use crate::source::SourceText;

    #[test]
    fn finds_the_skill_next_to_the_agents_directory() {
        assert_eq!(
            skill_path(".claude/agents/team/a.md", "x").as_deref(),
            Some(".claude/skills/x/SKILL.md")
        );
        assert_eq!(
            skill_path("plug/agents/a.md", "x").as_deref(),
            Some("plug/skills/x/SKILL.md")
        );
        assert_eq!(skill_path("a.md", "x"), None);
    }

    #[test]
    fn reports_disabled_and_missing_skills() {
        let read = |p: &str| match p {
            ".claude/skills/ok/SKILL.md" => {
                Some("---\nname: ok\ndescription: d\n---\nx\n".to_owned())
            }
            ".claude/skills/off/SKILL.md" => Some(
                "---\nname: off\ndescription: d\ndisable-model-invocation: true\n---\nx\n"
                    .to_owned(),
            ),
            _ => None,
        };
        let ctx = Context {
            read_file: Some(&read),
            ..Context::default()
        };
        let text =
            "---\nname: a\ndescription: d\nskills: [ok, off, gone, 'p:scoped', ../x]\n---\nx\n";
        let doc = parse(
            SourceText::from_str(text),
            Some(".claude/agents/a.md"),
            None,
        )
        .doc;
        let mut cx = crate::rules::Checker::new(&doc, &ctx);
        super::UnknownSkill.check(&mut cx);
        let d = cx.into_diagnostics();
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].severity, Severity::Warning);
        assert!(d[0].message.contains("`off`"));
        assert_eq!(d[1].severity, Severity::Info);
        assert!(d[1].message.contains("`gone`"));
    }
}
