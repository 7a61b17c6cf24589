//! `ignored-in-plugin` (AF125): Reports `hooks`, `mcpServers` and `permissionMode` in a subagent that ships in a Claude Code plugin, where Claude Code ignores them.

declare_rule! {
    /// ## What it does
    /// Reports `hooks`, `mcpServers` and `permissionMode` in a subagent that ships in a Claude Code plugin, where Claude Code ignores them.
    ///
    /// A subagent is a plugin's when it sits in `<root>/agents/` and `<root>` has a
    /// `.claude-plugin/plugin.json`. The check needs the file system (`agentfmt check` on
    /// files); it is skipped for standard input.
    ///
    /// ## Why is this bad?
    /// For security, plugin subagents do not get their own hooks, MCP servers or permission
    /// mode [CC-PLUG], [CC-SUB]: the fields look as if they apply but do nothing. Put hooks
    /// and MCP servers in the plugin's `hooks/hooks.json` and `.mcp.json`.
    ///
    /// ## Example
    /// ```text
    /// my-plugin/agents/deployer.md:
    /// ---
    /// name: deployer
    /// description: Deploys the app
    /// permissionMode: acceptEdits
    /// ---
    /// ```
    pub struct IgnoredInPlugin {
        code: "AF125",
        name: "ignored-in-plugin",
        severity: Warning,
    }
}

use super::{Checker, Rule};
use crate::tools::Kind;

/// The keys Claude Code ignores in plugin subagents [CC-PLUG], [CC-SUB].
const IGNORED: &[(&str, &str)] = &[
    ("hooks", "put hooks in the plugin's `hooks/hooks.json`"),
    ("mcpServers", "put MCP servers in the plugin's `.mcp.json`"),
    (
        "permissionMode",
        "the user's permission mode applies to plugin subagents",
    ),
];

/// The plugin manifest that would make the subagent at `path` a plugin's:
/// `<root>/.claude-plugin/plugin.json` for `<root>/agents/…/x.md`, with `/` separators. `None`
/// when the path has no `agents` directory or it is `.claude/agents`.
#[must_use]
pub fn manifest_for(path: &str) -> Option<String> {
    let path = path.replace('\\', "/");
    let parts: Vec<&str> = path.split('/').collect();
    let at = parts[..parts.len().saturating_sub(1)]
        .iter()
        .rposition(|p| *p == "agents")?;
    if at > 0 && parts[at - 1] == ".claude" {
        return None;
    }
    let root = parts[..at].join("/");
    Some(if root.is_empty() {
        ".claude-plugin/plugin.json".to_owned()
    } else {
        format!("{root}/.claude-plugin/plugin.json")
    })
}

/// Whether `doc` is a subagent of a Claude Code plugin (its [`manifest_for`] exists);
/// `false` without the caller's file-system callback.
#[must_use]
pub fn in_plugin(doc: &crate::document::Document, ctx: &super::Context<'_>) -> bool {
    let (Some(exists), Kind::ClaudeAgent) = (ctx.file_exists, doc.kind) else {
        return false;
    };
    doc.path
        .as_deref()
        .and_then(manifest_for)
        .is_some_and(|m| exists(&m))
}

/// Relaxes the `missing-required-field` diagnostics of a plugin subagent, which Claude Code
/// loads under its file name when `name` is missing or its front matter does not parse
/// [CC-PLUG], [CC-SUB]: a missing `name` is no problem, and a missing `description` (or no
/// front matter) is a warning, since the subagent loads with a placeholder description that
/// never makes Claude pick it [CCI-91871].
pub fn relax_plugin_agent(diags: &mut Vec<crate::diagnostic::Diagnostic>) {
    diags.retain(|d| {
        d.rule != "missing-required-field" || d.message != "missing required field `name`"
    });
    for d in diags
        .iter_mut()
        .filter(|d| d.rule == "missing-required-field")
    {
        d.severity = crate::diagnostic::Severity::Warning;
        d.help = Some(
            "a plugin subagent without `description` loads with the placeholder \"Agent from <plugin> plugin\", so Claude never delegates to it on its own [CC-PLUG], [CCI-91871]".into(),
        );
    }
}

impl Rule for IgnoredInPlugin {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.doc;
        if !IGNORED.iter().any(|(k, _)| doc.get(k).is_some()) || !in_plugin(doc, cx.ctx) {
            return;
        }
        let manifest = doc
            .path
            .as_deref()
            .and_then(manifest_for)
            .unwrap_or_default();
        for entry in doc.entries() {
            if let Some((key, help)) = IGNORED.iter().find(|(k, _)| *k == entry.key) {
                cx.report(
                    Self::META
                        .diag(
                            entry.key_span,
                            format!(
                                "`{key}` is ignored in a plugin subagent (the plugin of `{manifest}`)"
                            ),
                        )
                        .with_help(*help),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::manifest_for;
    use crate::rules::{Context, run};

    #[test]
    fn finds_the_plugin_manifest() {
        assert_eq!(
            manifest_for("plugins/deploy/agents/a.md").as_deref(),
            Some("plugins/deploy/.claude-plugin/plugin.json")
        );
        assert_eq!(
            manifest_for("agents/review/a.md").as_deref(),
            Some(".claude-plugin/plugin.json")
        );
        assert_eq!(manifest_for("x/.claude/agents/a.md"), None);
        assert_eq!(manifest_for("a.md"), None);
    }

    #[test]
    fn reports_only_inside_a_plugin() {
        let text = "---\nname: a\ndescription: d\npermissionMode: plan\nhooks: {}\n---\nx\n";
        let doc = crate::document::parse(
            crate::source::SourceText::from_str(text),
            Some("p/agents/a.md"),
            None,
        )
        .doc;
        let yes = |p: &str| p == "p/.claude-plugin/plugin.json";
        let no = |_: &str| false;
        let with = |f: &(dyn Fn(&str) -> bool + Sync)| {
            run(
                &doc,
                &Context {
                    file_exists: Some(f),
                    ..Context::default()
                },
            )
            .into_iter()
            .filter(|d| d.rule == "ignored-in-plugin")
            .count()
        };
        assert_eq!(with(&yes), 2);
        assert_eq!(with(&no), 0);
    }
}
