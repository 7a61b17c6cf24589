//! `cargo xtask man [--out DIR]`: man pages from the command-line definition (`clap_mangen`),
//! one for `agentfmt` and one per subcommand (`agentfmt-check.1`, ...), in `target/man` by
//! default.

use std::path::Path;

use clap::CommandFactory as _;

// The binary's argument definitions, compiled here as well so that the pages cannot drift
// from `--help`.
#[allow(dead_code, unreachable_pub)]
#[path = "../../src/cli/args.rs"]
mod args;

/// Writes the pages.
pub fn run(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let out = match args.iter().position(|a| a == "--out") {
        Some(i) => root.join(
            args.get(i + 1)
                .ok_or_else(|| anyhow::anyhow!("--out needs a directory"))?,
        ),
        None => root.join("target/man"),
    };
    std::fs::create_dir_all(&out)?;
    let cmd = args::Args::command();
    let mut written = 0;
    let mut write = |name: &str, cmd: clap::Command| -> anyhow::Result<()> {
        let mut buf = Vec::new();
        clap_mangen::Man::new(cmd).render(&mut buf)?;
        std::fs::write(out.join(format!("{name}.1")), buf)?;
        written += 1;
        Ok(())
    };
    for sub in cmd.get_subcommands() {
        let name = format!("agentfmt-{}", sub.get_name());
        let leaked: &'static str = name.clone().leak();
        write(&name, sub.clone().name(leaked))?;
    }
    write("agentfmt", cmd)?;
    println!("wrote {written} man pages to {}", out.display());
    Ok(())
}
