//! Budgets: the most tokens a tool may load at session start (`[context.budget]`), and the
//! `context-budget` diagnostics of the tools over theirs.

use super::{Tool, ToolContext, When};

/// The tools in `reports` whose session-start tokens exceed their budget in `budgets`
/// (tool name → tokens), as `(tool, start tokens, budget)`.
#[must_use]
pub fn over_budget(
    reports: &[ToolContext],
    budgets: &std::collections::BTreeMap<String, usize>,
) -> Vec<(Tool, usize, usize)> {
    reports
        .iter()
        .filter_map(|r| {
            let b = *budgets.get(r.tool.as_str())?;
            (r.start_tokens > b).then_some((r.tool, r.start_tokens, b))
        })
        .collect()
}

/// `context-budget` diagnostics for the tools in `reports` over their budget in `budgets`
/// (tool name → session-start tokens): one per tool, on the session-start file among `files`
/// that costs it most (with its imports), at the start of that file. Returns
/// `(project-relative path, diagnostic)` pairs.
#[must_use]
pub fn budget_diagnostics(
    reports: &[ToolContext],
    budgets: &std::collections::BTreeMap<String, usize>,
) -> Vec<(String, crate::diagnostic::Diagnostic)> {
    use crate::rules::Rule as _;
    let mut out = Vec::new();
    for (tool, tokens, budget) in over_budget(reports, budgets) {
        let Some(r) = reports.iter().find(|r| r.tool == tool) else {
            continue;
        };
        // Imported text counts towards the file that imports it.
        let mut by_file: Vec<(&str, usize)> = Vec::new();
        for i in r.items.iter().filter(|i| i.when == When::Start) {
            let owner = i.imported_by.as_deref().unwrap_or(&i.path);
            let owner = r
                .items
                .iter()
                .find(|j| j.path == owner && j.imported_by.is_none())
                .map_or(owner, |j| j.imported_by.as_deref().unwrap_or(&j.path));
            match by_file.iter_mut().find(|(p, _)| *p == owner) {
                Some(e) => e.1 += i.tokens,
                None => by_file.push((owner, i.tokens)),
            }
        }
        by_file.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let Some(&(path, most)) = by_file.first() else {
            continue;
        };
        let d = crate::rules::context_budget::ContextBudget
            .meta()
            .diag(
                crate::span::Span::empty(0),
                format!(
                    "{} loads {tokens} tokens at session start, over the budget of {budget}; this file costs {most}",
                    tool.display_name()
                ),
            )
            .with_help(format!(
                "`agentfmt context --tool {}` lists every file it loads; move detail into skills or path-scoped rules, or raise `[context.budget] {}`",
                tool.as_str(),
                tool.as_str()
            ));
        out.push((path.to_owned(), d));
    }
    out
}
