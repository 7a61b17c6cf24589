//! `uncovered-shell-command` (AF119): Reports a shell command that a Claude command or skill injects (`` !`cmd` `` or a ```` ```! ```` block) but that no `allowed-tools` rule pre-approves.

declare_rule! {
    /// ## What it does
    /// Reports a shell command that a Claude command or skill injects (`` !`cmd` `` or a ```` ```! ```` block) but that no `allowed-tools` rule pre-approves.
    ///
    /// A command is covered by a bare `Bash` (or `PowerShell` with `shell: powershell`), by
    /// `Bash(*)`, or by a `Bash(pattern)` rule whose `*` wildcards match it (`:*` at the end
    /// reads as ` *`). Commands joined with `&&`, `||`, `;` or `|` are checked part by part,
    /// as Claude Code does.
    ///
    /// ## Why is this bad?
    /// Claude Code runs injected commands before the prompt is sent, and a command that is not
    /// pre-approved by `allowed-tools` or by the permission settings aborts the whole
    /// invocation [CC-SKILLS], [CC-SLASH-2026-01], [CC-PERM]. Your own settings may allow it;
    /// the settings of the people you share the file with may not.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// description: Summarise the branch
    /// allowed-tools: Bash(git log *)
    /// ---
    /// Changes: !`git diff main`
    /// ```
    pub struct UncoveredShellCommand {
        code: "AF119",
        name: "uncovered-shell-command",
        severity: Warning,
    }
}

use super::prose::{self, Code};
use super::unknown_tool::tool_list;
use super::{Checker, Rule};
use crate::span::Span;
use crate::tools::Kind;

/// A shell injection in a markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Injection {
    /// Byte range of the command text in the body (inside the backticks, or one line of a
    /// ```` ```! ```` block).
    pub command: std::ops::Range<usize>,
    /// Byte range of the whole injection: `!` and the code span, or the line.
    pub span: std::ops::Range<usize>,
    /// True when the `` !`cmd` `` follows a character other than whitespace (`` KEY=!`cmd` ``),
    /// so Claude Code does not run it.
    pub inert: bool,
}

/// The shell injections of a Claude command or skill body: `` !`cmd` `` spans at a line start
/// or after whitespace (and, marked `inert`, after anything else), and each non-blank line of
/// a fenced block whose info string is `!` [CC-SKILLS]. Byte ranges are into `body`.
#[must_use]
pub fn injections(body: &str) -> Vec<Injection> {
    if !may_inject(body) {
        return Vec::new();
    }
    injections_in(body, &prose::code(body))
}

/// Whether `body` can hold a shell injection at all (a cheap test before finding its code).
#[must_use]
pub fn may_inject(body: &str) -> bool {
    body.contains("!`") || body.contains("```!") || body.contains("~~~!")
}

/// [`injections`], given `body`'s code spans and blocks as [`prose::code`] finds them.
#[must_use]
pub fn injections_in(body: &str, code: &[Code]) -> Vec<Injection> {
    let mut out = Vec::new();
    for Code {
        range,
        info,
        content,
    } in code.iter().cloned()
    {
        match info {
            None => {
                let Some(bang) = range
                    .start
                    .checked_sub(1)
                    .filter(|&b| body.as_bytes()[b] == b'!')
                else {
                    continue;
                };
                let before = body[..bang].chars().next_back();
                let inert = before.is_some_and(|c| !c.is_whitespace());
                let raw = &body[content.clone()];
                let lead = raw.len() - raw.trim_start().len();
                let command = content.start + lead..content.start + lead + raw.trim().len();
                if !command.is_empty() {
                    out.push(Injection {
                        command,
                        span: bang..range.end,
                        inert,
                    });
                }
            }
            Some(info) if info.trim() == "!" => {
                let mut pos = content.start;
                for line in body[content.clone()].split_inclusive('\n') {
                    let t = line.trim();
                    if !t.is_empty() && !t.starts_with('#') {
                        let lead = line.len() - line.trim_start().len();
                        let command = pos + lead..pos + lead + t.len();
                        out.push(Injection {
                            span: command.clone(),
                            command,
                            inert: false,
                        });
                    }
                    pos += line.len();
                }
            }
            Some(_) => {}
        }
    }
    out
}

/// Splits a shell command into the simple commands Claude Code checks one by one: on `&&`,
/// `||`, `;`, `|` and line breaks outside quotes. Returns trimmed, non-empty parts.
#[must_use]
pub fn simple_commands(cmd: &str) -> Vec<&str> {
    let b = cmd.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    let mut quote: Option<u8> = None;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'\'' || c == b'"' => quote = Some(c),
            None if matches!(c, b';' | b'\n' | b'|')
                || (c == b'&' && b.get(i + 1) == Some(&b'&')) =>
            {
                // `2>&1` and `>|` are redirections, not separators.
                let redirect = c == b'|' && i > 0 && b[i - 1] == b'>';
                if !redirect {
                    out.push(cmd[start..i].trim());
                    let double = matches!(c, b'&' | b'|') && b.get(i + 1) == Some(&c);
                    i += if double { 2 } else { 1 };
                    start = i;
                    continue;
                }
            }
            None => {}
        }
        i += 1;
    }
    out.push(cmd[start..].trim());
    out.retain(|p| !p.is_empty());
    out
}

/// Whether `text` matches `pattern`, where `*` matches any run of characters (none included).
fn wildcard(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, ti));
            pi += 1;
        } else if pi < p.len() && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == b'*')
}

/// Whether permission-rule specifier `spec` (the text inside `Bash(…)`) matches simple command
/// `cmd` [CC-PERM]: `*` wildcards, `:*` at the end read as ` *`, and a pattern ending in ` *`
/// also matches its prefix alone (`git status *` matches `git status`).
#[must_use]
pub fn rule_matches(spec: &str, cmd: &str) -> bool {
    let spec = spec.trim();
    let spec = spec
        .strip_suffix(":*")
        .map_or_else(|| spec.to_owned(), |s| format!("{s} *"));
    wildcard(&spec, cmd) || spec.strip_suffix(" *").is_some_and(|p| p == cmd)
}

/// A rule that would cover `cmd`: its first word, and the second when it is a subcommand
/// (`git status *`), with a trailing ` *`.
fn suggestion(cmd: &str) -> String {
    let mut words = cmd.split_whitespace();
    let first = words.next().unwrap_or("");
    match words.next() {
        Some(w)
            if w.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                && !w.starts_with('-') =>
        {
            format!("{first} {w} *")
        }
        _ => format!("{first} *"),
    }
}

impl Rule for UncoveredShellCommand {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.doc;
        if !matches!(doc.kind, Kind::ClaudeCommand | Kind::ClaudeSkill) {
            return;
        }
        let body = doc.body_text();
        if !may_inject(body) {
            return;
        }
        let found = injections_in(body, cx.body_code());
        if found.is_empty() {
            return;
        }
        let tool = match doc.get("shell").and_then(|n| n.as_str()) {
            Some("powershell") => "PowerShell",
            _ => "Bash",
        };
        let rules: Vec<String> = tool_list(doc, "allowed-tools", true)
            .map(|(_, list)| list.into_iter().map(|(name, _)| name).collect())
            .unwrap_or_default();
        let mut specs = Vec::new();
        for r in &rules {
            let (head, spec) = match r.split_once('(') {
                Some((h, s)) => (h.trim(), Some(s.trim_end().strip_suffix(')').unwrap_or(s))),
                None => (r.trim(), None),
            };
            if head != tool {
                continue;
            }
            match spec {
                None => return,
                Some(s) if s.trim() == "*" => return,
                Some(s) => specs.push(s),
            }
        }
        let base = doc.body.start as usize;
        for inj in found.iter().filter(|i| !i.inert) {
            let command = &body[inj.command.clone()];
            let Some(part) = simple_commands(command)
                .into_iter()
                .find(|part| !specs.iter().any(|s| rule_matches(s, part)))
            else {
                continue;
            };
            let message = if rules.is_empty() {
                format!(
                    "`{command}` runs before the prompt, but the file has no `allowed-tools` that pre-approves it"
                )
            } else if part == command {
                format!(
                    "`{command}` runs before the prompt, but no `allowed-tools` rule pre-approves it"
                )
            } else {
                format!(
                    "`{part}` (in `{command}`) runs before the prompt, but no `allowed-tools` rule pre-approves it"
                )
            };
            cx.report(
                Self::META
                    .diag(
                        Span::new(base + inj.span.start, base + inj.span.end),
                        message,
                    )
                    .with_help(format!(
                        "unless the permission settings allow it, Claude Code aborts the command; add `{tool}({})` to `allowed-tools`",
                        suggestion(part)
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::tests::check;

    #[test]
    fn finds_injections() {
        let b = "- Status: !`git status`\nX=!`date`\n`!`not` and ![img](a.png)\n\n```!\nnpm test\n\n# note\nls\n```\n\n```sh\n!`inside code`\n```\n";
        let found = injections(b);
        let cmds: Vec<(&str, bool)> = found
            .iter()
            .map(|i| (&b[i.command.clone()], i.inert))
            .collect();
        assert_eq!(
            cmds,
            [
                ("git status", false),
                ("date", true),
                ("npm test", false),
                ("ls", false)
            ]
        );
    }

    #[test]
    fn splits_simple_commands() {
        assert_eq!(
            simple_commands("git diff 2>&1 | head -5 && echo 'a|b'; ls"),
            ["git diff 2>&1", "head -5", "echo 'a|b'", "ls"]
        );
    }

    #[test]
    fn matches_permission_rules() {
        assert!(rule_matches("git status:*", "git status --short"));
        assert!(rule_matches("git status:*", "git status"));
        assert!(rule_matches("git status *", "git status"));
        assert!(rule_matches("ls *", "ls -la"));
        assert!(!rule_matches("ls *", "lsof"));
        assert!(rule_matches("ls*", "lsof"));
        assert!(rule_matches("git * main", "git diff main"));
        assert!(!rule_matches("git log", "git log -1"));
        assert!(rule_matches("git log", "git log"));
    }

    #[test]
    fn reports_uncovered_commands() {
        let p = ".claude/commands/ctx.md";
        let t = "---\nallowed-tools: Bash(git log:*), Bash(git status:*)\n---\nLog: !`git log -5`\nDiff: !`git diff main | head`\nS: !`git status`\n";
        let d = check(t, p, "uncovered-shell-command");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.range()], "!`git diff main | head`");
        assert!(d[0].message.contains("`git diff main`"));
        assert!(d[0].help.as_deref().unwrap().contains("Bash(git diff *)"));
        // A bare `Bash` covers everything; `PowerShell` rules cover PowerShell skills only.
        let all = "---\nallowed-tools: Read Bash\n---\nX: !`rm -rf x`\n";
        assert!(check(all, p, "uncovered-shell-command").is_empty());
        let ps = "---\nshell: powershell\nallowed-tools: Bash\n---\nX: !`Get-Date`\n";
        assert_eq!(check(ps, p, "uncovered-shell-command").len(), 1);
        // No `allowed-tools` at all; subagents do not inject.
        let none = "---\ndescription: d\n---\nX: !`date`\n";
        assert!(
            check(none, p, "uncovered-shell-command")[0]
                .message
                .contains("no `allowed-tools`")
        );
        assert!(check(none, ".claude/agents/a.md", "uncovered-shell-command").is_empty());
    }
}
