//! Starts `agentfmt lsp` from the `PATH` of the worktree's shell.

use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Agentfmt;

impl zed::Extension for Agentfmt {
    fn new() -> Self {
        Self
    }

    fn language_server_command(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let command = worktree
            .which("agentfmt")
            .ok_or_else(|| "agentfmt is not on PATH (cargo install agentfmt)".to_string())?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".into()],
            env: Vec::new(),
        })
    }
}

zed::register_extension!(Agentfmt);
