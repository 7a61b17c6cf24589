//! `context-budget` (AF132): Reports a tool that loads more tokens at session start than the project's budget for it (`[context.budget]` in agentfmt.toml), on the file that contributes most. Checked across every file of a run; off without a budget.

declare_rule! {
    /// ## What it does
    /// Reports a tool that loads more tokens at session start than the project's budget for
    /// it (`[context.budget]` in agentfmt.toml), on the file that contributes most. Checked
    /// across every file of a run; off without a budget.
    ///
    /// The cost is what `agentfmt context` shows: the instruction files of the project root
    /// (`CLAUDE.md` and its `@path` imports, `AGENTS.md`, always-applied rules) and the
    /// listed names and descriptions of skills, subagents and commands, following each tool's
    /// documented loading rules [CC-MEM], [CC-SKILLS], [CODEX-AGENTSMD], [CUR-RULES],
    /// [GH-REPO-INSTR], counted in `o200k_base` tokens.
    ///
    /// ## Why is this bad?
    /// Every session-start token is paid in every session, before the user has typed
    /// anything, and crowds out the code the model needs to read. A budget makes growth a
    /// decision: CI fails when a change pushes the setup past it.
    ///
    /// ## Example
    /// ```toml
    /// [context.budget]
    /// claude = 2000
    /// ```
    /// with a 3,000-token `CLAUDE.md`.
    pub struct ContextBudget {
        code: "AF132",
        name: "context-budget",
        severity: Error,
    }
}

use super::Rule;

impl Rule for ContextBudget {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }
}
