//! `context-budget` in `agentfmt check`: with `[context.budget]` set, the documents of the run
//! that a tool loads are kept until the end, and [`agentfmt::context`] prices them.

use agentfmt::config::Config;
use agentfmt::context::{self, File};
use agentfmt::diagnostic::Diagnostic;
use agentfmt::document::Document;
use agentfmt::tools::Kind;

use crate::cli::walk::Input;

/// Whether `check` must keep `doc` for the budget: a budget is set and `doc` is of a kind
/// one of [`context::Tool::ALL`] loads.
pub(super) fn keep(config: &Config, doc: &Document) -> bool {
    !config.context_budget.is_empty()
        && matches!(
            doc.kind,
            Kind::ClaudeMd
                | Kind::ClaudeRule
                | Kind::ClaudeSkill
                | Kind::ClaudeAgent
                | Kind::ClaudeCommand
                | Kind::AgentsMd
                | Kind::CursorMdc
                | Kind::Cursorrules
                | Kind::CopilotInstructions
                | Kind::CopilotScopedInstructions
        )
}

/// The `context-budget` diagnostics of the run, as `(input index, diagnostic)`. `docs` holds
/// `(input index, document)` for the kept documents; the session starts at the root of the
/// first walked directory, and imports are read below it (never outside it).
pub(super) fn diagnostics(
    inputs: &[Input],
    docs: &[(usize, Document)],
    config: &Config,
) -> Vec<(usize, Diagnostic)> {
    if docs.is_empty() {
        return Vec::new();
    }
    let paths: Vec<(usize, String)> = docs
        .iter()
        .filter_map(|(i, _)| Some((*i, inputs[*i].project_path()?)))
        .collect();
    let files: Vec<File<'_>> = docs
        .iter()
        .zip(&paths)
        .map(|((_, doc), (_, p))| File { path: p, doc })
        .collect();
    let base = inputs.iter().find_map(|i| match i {
        Input::File { base: Some(b), .. } => std::fs::canonicalize(b).ok(),
        _ => None,
    });
    let read = |rel: &str| crate::cli::context::read_inside(base.as_deref()?, rel);
    let reports = context::analyse(&files, &[], "", &read);
    context::budget_diagnostics(&reports, &config.context_budget)
        .into_iter()
        .filter_map(|(path, d)| {
            let i = paths.iter().find(|(_, p)| *p == path)?.0;
            Some((i, d))
        })
        .collect()
}
