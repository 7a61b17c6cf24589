//! `conflicting-fields` (AF104): Reports fields that contradict each other or need a partner field: `alwaysApply: true` with `globs`, `alwaysApply: false` with neither `globs` nor `description` (Cursor), `trigger: glob` without `globs` (Windsurf), `inclusion: fileMatch` without `fileMatchPattern` (Kiro), `agents` without the `agent` tool (Copilot), fields a Copilot agent's `target` never reads (`mcp-servers` with `target: vscode`; `handoffs`, `argument-hint`, `hooks`, `agents` with `target: github-copilot`), `agent` without `context: fork` (Claude skills). Reported by `schema::validate`; the schema sets each check's severity.

declare_rule! {
    /// ## What it does
    /// Reports fields that contradict each other or need a partner field: `alwaysApply: true` with `globs`, `alwaysApply: false` with neither `globs` nor `description` (Cursor), `trigger: glob` without `globs` (Windsurf), `inclusion: fileMatch` without `fileMatchPattern` (Kiro), `agents` without the `agent` tool (Copilot), fields a Copilot agent's `target` never reads (`mcp-servers` with `target: vscode`; `handoffs`, `argument-hint`, `hooks`, `agents` with `target: github-copilot`), `agent` without `context: fork` (Claude skills). Reported by `schema::validate`; the schema sets each check's severity.
    ///
    /// ## Why is this bad?
    /// One of the fields is ignored, so the file does not do what it says: Cursor ignores `globs` on an always-applied rule [CUR-RULES], Kiro never includes a `fileMatch` file without a pattern [KIRO].
    ///
    /// ## Example
    /// ```text
    /// ---
    /// alwaysApply: true
    /// globs: src/**/*.ts
    /// ---
    /// ```
    pub struct ConflictingFields {
        code: "AF104",
        name: "conflicting-fields",
        severity: Error,
    }
}

parse_stage_rule!(ConflictingFields);
