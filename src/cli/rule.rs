//! `agentfmt rule`: a rule's documentation, or the list of rules and the tools they check.

use std::io::Write as _;

use agentfmt::rules;

use super::ExitStatus;
use super::args::RuleArgs;

/// `agentfmt rule`.
pub fn run(args: &RuleArgs) -> anyhow::Result<ExitStatus> {
    let mut out = std::io::stdout().lock();
    match &args.rule {
        Some(r) if !args.all => {
            let Some(meta) = rules::find(r) else {
                let names: Vec<&str> = rules::RULES.iter().map(|r| r.meta().name).collect();
                let hint = agentfmt::diagnostic::did_you_mean(r, &names)
                    .map(|m| format!("; did you mean `{m}`?"))
                    .unwrap_or_default();
                anyhow::bail!("no rule `{r}`{hint} (`agentfmt rule --all` lists them)");
            };
            writeln!(
                out,
                "# {} ({})\n\nDefault severity: {}\n\n{}",
                meta.name,
                meta.code,
                meta.default.as_str(),
                meta.markdown()
            )?;
        }
        _ => {
            for r in rules::RULES {
                let m = r.meta();
                writeln!(
                    out,
                    "{}  {:<28} {:<8} {}",
                    m.code,
                    m.name,
                    m.default.as_str(),
                    m.summary()
                )?;
            }
            // The rules check every tool's files; say which tools and kinds those are.
            writeln!(
                out,
                "\nTools checked (kinds by id; `agentfmt convert --to <tool>`):"
            )?;
            for &t in agentfmt::tools::Tool::ALL {
                let kinds: Vec<&str> = t.kinds().map(agentfmt::tools::Kind::as_str).collect();
                let kinds = if kinds.is_empty() {
                    let mut written: Vec<&str> = Vec::new();
                    for &(_, k) in t.spec().targets {
                        if !written.contains(&k.as_str()) {
                            written.push(k.as_str());
                        }
                    }
                    format!("(reads other tools' kinds: {})", written.join(", "))
                } else {
                    kinds.join(", ")
                };
                writeln!(out, "  {:<14} {:<24} {kinds}", t.key(), t.name())?;
            }
        }
    }
    Ok(ExitStatus::Success)
}
