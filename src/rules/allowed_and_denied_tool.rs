//! `allowed-and-denied-tool` (AF122): Reports a tool that a Claude subagent, skill or command lists both as allowed (`tools`, `allowed-tools`) and as denied (`disallowedTools`, `disallowed-tools`).

declare_rule! {
    /// ## What it does
    /// Reports a tool that a Claude subagent, skill or command lists both as allowed (`tools`, `allowed-tools`) and as denied (`disallowedTools`, `disallowed-tools`).
    ///
    /// An entry counts as denied when the deny list has the same entry, or the bare tool
    /// name (`Bash` denies `Bash(git log *)`). A narrower deny (`Bash(rm *)` next to `Bash`)
    /// is the intended use of the two lists and is not reported.
    ///
    /// ## Why is this bad?
    /// Denied tools are removed from the allowed list, so the allowed entry has no effect
    /// and the file says two things at once [CC-SUB], [CC-PERM].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// name: reviewer
    /// description: Reviews code
    /// tools: Read, Grep, Bash
    /// disallowedTools: Bash
    /// ---
    /// ```
    pub struct AllowedAndDeniedTool {
        code: "AF122",
        name: "allowed-and-denied-tool",
        severity: Warning,
    }
}

use super::unknown_tool::tool_list;
use super::{Checker, Rule};
use crate::tools::Kind;

/// An entry with the whitespace inside its specifier normalised: `Bash( git  log )` and
/// `Bash(git log)` are one rule.
fn normalise(entry: &str) -> String {
    entry
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("( ", "(")
        .replace(" )", ")")
}

impl Rule for AllowedAndDeniedTool {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.doc;
        let (allow, deny) = match doc.kind {
            Kind::ClaudeAgent => ("tools", "disallowedTools"),
            Kind::ClaudeSkill | Kind::ClaudeCommand => ("allowed-tools", "disallowed-tools"),
            _ => return,
        };
        let (Some((_, allowed)), Some((_, denied))) =
            (tool_list(doc, allow, true), tool_list(doc, deny, true))
        else {
            return;
        };
        let denied: Vec<(String, crate::span::Span)> = denied
            .into_iter()
            .map(|(n, s)| (normalise(&n), s))
            .collect();
        for (name, span) in allowed {
            let name = normalise(&name);
            let head = name.split('(').next().unwrap_or(&name).trim();
            let Some((by, by_span)) = denied.iter().find(|(d, _)| *d == name || d == head) else {
                continue;
            };
            cx.report(
                Self::META
                    .diag(
                        span,
                        format!("`{name}` is in `{allow}` but `{by}` in `{deny}` removes it"),
                    )
                    .with_label(*by_span, "denied here")
                    .with_help(format!("remove it from one of the lists; `{deny}` wins")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests::check;

    #[test]
    fn reports_tools_in_both_lists() {
        let t = "---\nname: a\ndescription: d\ntools: Read, Bash(git log *), Write\ndisallowedTools: Bash, Write\n---\nx\n";
        let d = check(t, ".claude/agents/a.md", "allowed-and-denied-tool");
        let spans: Vec<&str> = d.iter().map(|d| &t[d.span.range()]).collect();
        assert_eq!(spans, ["Bash(git log *)", "Write"]);
        // A narrower deny is what the lists are for.
        let t = "---\nallowed-tools: Bash\ndisallowed-tools: Bash(rm *)\n---\nx\n";
        assert!(check(t, ".claude/skills/s/SKILL.md", "allowed-and-denied-tool").is_empty());
    }
}
