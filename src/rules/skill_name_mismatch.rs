//! `skill-name-mismatch` (AF109): Reports an Agent Skill whose `name` differs from the name of the directory that contains its `SKILL.md`.

declare_rule! {
    /// ## What it does
    /// Reports an Agent Skill whose `name` differs from the name of the directory that contains its `SKILL.md`.
    ///
    /// ## Why is this bad?
    /// The Agent Skills spec requires them to be equal and VS Code silently fails to load the skill [AS-SPEC], [VSC-SKILLS], [CUR-SKILLS]; Claude Code uses the directory name as the command name anyway [CC-SKILLS].
    ///
    /// ## Example
    /// ```text
    /// # .claude/skills/deploy/SKILL.md
    /// ---
    /// name: deploy-app
    /// description: Deploys the app
    /// ---
    /// ```
    pub struct SkillNameMismatch {
        code: "AF109",
        name: "skill-name-mismatch",
        severity: Error,
    }
}

use super::{Checker, Rule};
use crate::tools::Kind;

impl Rule for SkillNameMismatch {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        if cx.doc.kind != Kind::ClaudeSkill {
            return;
        }
        let (Some(path), Some(node)) = (cx.doc.path.as_deref(), cx.doc.get("name")) else {
            return;
        };
        let Some(name) = node.as_str() else {
            return;
        };
        let norm = path.replace('\\', "/");
        let mut parts = norm.rsplit('/').filter(|p| !p.is_empty() && *p != ".");
        let file = parts.next().unwrap_or("");
        let Some(dir) = parts.next() else {
            return;
        };
        if !file.eq_ignore_ascii_case("SKILL.md") || dir == name {
            return;
        }
        cx.report(
            Self::META
                .diag(node.span, format!("skill `name` `{name}` differs from its directory `{dir}`"))
                .with_help(format!("rename the directory to `{name}` or set `name: {dir}`; VS Code and Cursor require them to match")),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn compares_with_the_parent_directory() {
        let t = "---\nname: deploy-app\ndescription: d\n---\nx\n";
        assert_eq!(
            check(t, ".claude/skills/deploy/SKILL.md", "skill-name-mismatch").len(),
            1
        );
        assert!(
            check(
                t,
                ".claude/skills/deploy-app/SKILL.md",
                "skill-name-mismatch"
            )
            .is_empty()
        );
    }
}
