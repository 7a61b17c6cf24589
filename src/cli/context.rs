//! `agentfmt context`: walks the project, loads its agent files and prints what each tool
//! loads into context ([`agentfmt::context`]), failing when a tool is over its budget.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use agentfmt::check;
use agentfmt::context::{self, File, Part, ToolContext, When};
use agentfmt::document::Document;

use super::ExitStatus;
use super::args::{ContextArgs, ContextFormat};
use super::{files, walk};

/// `agentfmt context`.
pub fn run(args: &ContextArgs) -> anyhow::Result<ExitStatus> {
    let (config, config_root) = super::load_config(args.config.as_deref(), args.no_config)?;
    let root = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    if !root.is_dir() {
        anyhow::bail!("{}: not a directory", root.display());
    }
    let mut stderr = std::io::stderr().lock();
    let mut docs: Vec<(String, Document)> = Vec::new();
    for input in walk::collect(std::slice::from_ref(&root), &config, &config_root) {
        let (walk::Input::File { path, .. }, Some(logical)) = (&input, input.project_path()) else {
            continue;
        };
        let loaded = files::read(path)
            .ok()
            .and_then(|bytes| check::load(&bytes, &logical, None).ok());
        match loaded {
            Some((doc, _)) => docs.push((logical, doc)),
            None => writeln!(
                stderr,
                "warning: {logical}: not read (binary, too large or unreadable)"
            )?,
        }
    }
    let canonical_root = std::fs::canonicalize(&root)?;
    let read = |rel: &str| read_inside(&canonical_root, rel);
    let inputs: Vec<File<'_>> = docs.iter().map(|(p, doc)| File { path: p, doc }).collect();
    let cwd = args.cwd.as_deref().unwrap_or("");
    let reports = context::analyse(&inputs, &args.tool, cwd, &read);
    let mut budgets: BTreeMap<String, usize> = config.context_budget.clone();
    for (tool, n) in &args.budget {
        budgets.insert(tool.as_str().to_owned(), *n);
    }
    let over = context::over_budget(&reports, &budgets);
    let mut out = std::io::stdout().lock();
    match args.output_format {
        ContextFormat::Json => {
            let json = serde_json::json!({
                "encoding": agentfmt::tokens::ENCODING,
                "cwd": cwd,
                "tools": reports,
                "budgets": budgets,
                "over_budget": over.iter().map(|(t, n, b)| serde_json::json!({"tool": t, "start_tokens": n, "budget": b})).collect::<Vec<_>>(),
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        }
        ContextFormat::Human => {
            if reports.is_empty() {
                writeln!(
                    out,
                    "no agent files that Claude Code, Codex, Cursor or Copilot load"
                )?;
            }
            for r in &reports {
                human(&mut out, r, budgets.get(r.tool.as_str()).copied())?;
            }
        }
    }
    if over.is_empty() {
        Ok(ExitStatus::Success)
    } else {
        for (t, n, b) in &over {
            writeln!(
                stderr,
                "{} loads {n} tokens at session start, over its budget of {b}",
                t.display_name()
            )?;
        }
        Ok(ExitStatus::Failure)
    }
}

/// The text of project-relative `rel` if it is a regular file inside `root` (a canonical path;
/// symlinks are resolved, so an import never reads outside the project), decoded as `check`
/// decodes files and within its size limit.
pub(crate) fn read_inside(root: &Path, rel: &str) -> Option<String> {
    let path = std::fs::canonicalize(root.join(rel)).ok()?;
    if !path.starts_with(root) {
        return None;
    }
    let bytes = files::read(&path).ok()?;
    match agentfmt::source::decode(&bytes) {
        agentfmt::source::Decoded::Text(src, _) => Some(src.text),
        agentfmt::source::Decoded::Binary { .. } => None,
    }
}

fn human(
    out: &mut impl std::io::Write,
    r: &ToolContext,
    budget: Option<usize>,
) -> std::io::Result<()> {
    let budget = budget.map(|b| format!(" (budget {b})")).unwrap_or_default();
    writeln!(
        out,
        "{}: {} tokens at session start{budget}, {} more on demand ({})",
        r.tool.display_name(),
        r.start_tokens,
        r.on_demand_tokens,
        agentfmt::tokens::ENCODING
    )?;
    for i in &r.items {
        let when = match i.when {
            When::Start => "start",
            When::OnDemand => "on demand",
        };
        let part = match i.part {
            Part::File => "",
            Part::Listing => " (listing)",
            Part::Body => " (body)",
        };
        let via = i
            .imported_by
            .as_deref()
            .map(|b| format!(", imported by {b}"))
            .unwrap_or_default();
        writeln!(
            out,
            "  {when:<9} {:>7}  {}{part}  {}{via} [{}]",
            i.tokens, i.path, i.trigger, i.source
        )?;
    }
    for n in &r.notes {
        writeln!(out, "  note: {n}")?;
    }
    writeln!(out)
}
