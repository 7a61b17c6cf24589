//! The `agentfmt` binary: parse arguments, run, map the outcome to an exit code
//! (0 clean, 1 problems found, 2 agentfmt failed).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = <cli::Args as clap::Parser>::parse();
    match cli::run(args) {
        Ok(status) => status.into(),
        Err(err) => {
            if cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            anstream::eprintln!("agentfmt: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
