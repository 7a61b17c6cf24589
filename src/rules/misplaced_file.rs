//! `misplaced-file` (AF130): Reports a Copilot file outside the folder VS Code and GitHub read it from: `copilot-instructions.md` not directly in `.github/` (an error), `*.instructions.md` outside `.github/instructions/` and `*.prompt.md` outside `.github/prompts/` (warnings: a VS Code setting can add folders).

declare_rule! {
    /// ## What it does
    /// Reports a Copilot file outside the folder VS Code and GitHub read it from: `copilot-instructions.md` not directly in `.github/` (an error), `*.instructions.md` outside `.github/instructions/` and `*.prompt.md` outside `.github/prompts/` (warnings: a VS Code setting can add folders).
    ///
    /// ## Why is this bad?
    /// The file is never loaded, and nothing says so. Copilot reads repository-wide
    /// instructions only from `.github/copilot-instructions.md` [GH-REPO-INSTR]. VS Code finds
    /// `*.instructions.md` under `.github/instructions/` and prompt files under
    /// `.github/prompts/`, plus the folders listed in the `chat.instructionsFilesLocations` and
    /// `chat.promptFilesLocations` settings [VSC-INSTR], [VSC-PROMPTS]. agentfmt cannot see
    /// those settings: turn the rule off in `agentfmt.toml` if you use them.
    ///
    /// ## Example
    /// ```text
    /// docs/copilot-instructions.md
    /// prompts/release.prompt.md
    /// ```
    pub struct MisplacedFile {
        code: "AF130",
        name: "misplaced-file",
        severity: Warning,
    }
}

use super::{Checker, Rule};
use crate::diagnostic::Severity;
use crate::span::Span;
use crate::tools::Kind;

impl Rule for MisplacedFile {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(path) = cx.doc.path.as_deref() else {
            return;
        };
        // Only where the path gave the kind: a forced or inferred kind says nothing about
        // where the file is meant to live.
        if crate::tools::detect(path) != Some(cx.doc.kind) {
            return;
        }
        let norm = path.replace('\\', "/");
        let dirs: Vec<&str> = norm
            .split('/')
            .filter(|p| !p.is_empty() && *p != ".")
            .collect();
        let Some((file, dirs)) = dirs.split_last() else {
            return;
        };
        let under = |a: &str, b: &str| dirs.windows(2).any(|w| w == [a, b]);
        // User-level folders: `~/.copilot/instructions` [VSC-INSTR] and the VS Code profile's
        // `User/prompts` [VSC-PROMPTS].
        let d = match cx.doc.kind {
            Kind::CopilotInstructions if dirs.last() != Some(&".github") => {
                let mut d = Self::META
                    .diag(
                        Span::empty(0),
                        format!("Copilot does not read `{file}` here: repository-wide instructions live in `.github/copilot-instructions.md`"),
                    )
                    .with_help("move it to `.github/copilot-instructions.md` [GH-REPO-INSTR]");
                d.severity = Severity::Error;
                d
            }
            Kind::CopilotScopedInstructions
                if !under(".github", "instructions") && !under(".copilot", "instructions") =>
            {
                Self::META
                .diag(
                    Span::empty(0),
                    "VS Code looks for `*.instructions.md` files in `.github/instructions/`".to_owned(),
                )
                .with_help("move it there, or list its folder in the `chat.instructionsFilesLocations` setting [VSC-INSTR]")
            }
            Kind::CopilotPrompt if !under(".github", "prompts") && !under("User", "prompts") => {
                Self::META
                .diag(
                    Span::empty(0),
                    "VS Code looks for `*.prompt.md` files in `.github/prompts/`".to_owned(),
                )
                .with_help("move it there, or list its folder in the `chat.promptFilesLocations` setting [VSC-PROMPTS]")
            }
            _ => return,
        };
        cx.report(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::tests::check;

    #[test]
    fn reports_copilot_files_outside_their_folders() {
        let t = "---\napplyTo: '**/*.ts'\n---\nUse strict mode.\n";
        let hits = |path: &str| check(t, path, "misplaced-file");
        assert!(hits(".github/copilot-instructions.md").is_empty());
        assert!(hits("pkg/.github/copilot-instructions.md").is_empty());
        let d = hits("docs/copilot-instructions.md");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Error);
        assert!(hits(".github/instructions/ts.instructions.md").is_empty());
        assert!(hits(".github/instructions/web/ts.instructions.md").is_empty());
        let d = hits(".ai/ts.instructions.md");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        assert!(hits(".github/prompts/new.prompt.md").is_empty());
        assert_eq!(hits("prompts/new.prompt.md").len(), 1);
        // User-level folders.
        assert!(hits("home/me/.copilot/instructions/ts.instructions.md").is_empty());
        assert!(hits("Code/User/prompts/new.prompt.md").is_empty());
        // A kind the path does not give (inferred from `applyTo`) is not placed by its path.
        assert!(hits("notes/typescript.md").is_empty());
    }
}
