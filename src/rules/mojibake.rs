//! `mojibake` (AF004): Reports text that is UTF-8 decoded in the wrong code page (Windows-1252, Mac OS Roman, Latin-1), with the repaired text as a safe fix.

declare_rule! {
    /// ## What it does
    /// Reports text that is UTF-8 decoded in the wrong code page (Windows-1252, Mac OS Roman, Latin-1), with the repaired text as a safe fix.
    ///
    /// ## Why is this bad?
    /// The model reads `â€”` instead of `—` and `ðŸ“‘` instead of an emoji: tokens wasted, meaning blurred. `agentfmt fmt` and `agentfmt repair` apply the fix.
    ///
    /// ## Example
    /// ```text
    /// **Backend is not just CRUDâ€”it's system architecture.**
    /// ```
    pub struct Mojibake {
        code: "AF004",
        name: "mojibake",
        severity: Warning,
    }
}

parse_stage_rule!(Mojibake);
