//! Development tasks for agentfmt: `cargo xtask <task>`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod mojibake;
mod mojibake_ftfy;
mod mojibake_gen;
mod mojibake_texts;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("mojibake-bench") => mojibake::run(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask mojibake-bench [--corpus DIR] [--seeds DIR] [--max-per-kind N] [--no-ftfy]"
            );
            std::process::exit(2);
        }
    }
}
