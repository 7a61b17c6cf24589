//! `agentfmt sync --init`: writes the `[sync]` table.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::Context as _;

use crate::cli::args::SyncArgs;
use crate::cli::{ExitStatus, write};

/// `agentfmt sync --init`: adds a `[sync]` table to agentfmt.toml (created if missing).
pub(super) fn run(args: &SyncArgs) -> anyhow::Result<ExitStatus> {
    let path = args
        .config
        .clone()
        .unwrap_or_else(|| PathBuf::from("agentfmt.toml"));
    let old = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let existing = agentfmt::config::Config::parse(&old)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    anyhow::ensure!(
        existing.sync.is_none(),
        "{} has a [sync] table already; edit it there",
        path.display()
    );
    let table = agentfmt::config::sync::init_table(&args.source, &args.targets);
    let new = if old.is_empty() {
        table
    } else {
        format!("{}\n\n{table}", old.trim_end())
    };
    agentfmt::config::Config::parse(&new).map_err(|e| anyhow::anyhow!("{e}"))?;
    write::atomic_write(&path, new.as_bytes())
        .with_context(|| format!("writing {}", path.display()))?;
    writeln!(
        std::io::stderr(),
        "wrote a [sync] table to {}: run `agentfmt sync` to generate the targets' files",
        path.display()
    )?;
    Ok(ExitStatus::Success)
}
