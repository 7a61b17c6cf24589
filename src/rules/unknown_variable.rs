//! `unknown-variable` (AF124): Reports a `${…}` variable in a Copilot prompt file that VS Code does not define, and the placeholders of other tools (`$ARGUMENTS`, `{{args}}`), which Copilot does not substitute.

declare_rule! {
    /// ## What it does
    /// Reports a `${…}` variable in a Copilot prompt file that VS Code does not define, and the placeholders of other tools (`$ARGUMENTS`, `{{args}}`), which Copilot does not substitute.
    ///
    /// The variables VS Code defines are `${workspaceFolder}`, `${workspaceFolderBasename}`,
    /// `${selection}`, `${selectedText}`, `${file}`, `${fileBasename}`, `${fileDirname}`,
    /// `${fileBasenameNoExtension}` and `${input:name}` / `${input:name:placeholder}`.
    /// Code spans and code blocks are not checked.
    ///
    /// ## Why is this bad?
    /// Anything else reaches the model as written [VSC-PROMPTS]: a prompt copied from Claude
    /// Code or Gemini CLI (`$ARGUMENTS`, `{{args}}`) loses the user's input.
    ///
    /// ## Example
    /// ```text
    /// ---
    /// description: Explain a file
    /// ---
    /// Explain ${currentFile} for $ARGUMENTS.
    /// ```
    pub struct UnknownVariable {
        code: "AF124",
        name: "unknown-variable",
        severity: Warning,
    }
}

use super::prose;
use super::{Checker, Rule};
use crate::diagnostic::did_you_mean;
use crate::span::Span;
use crate::tools::Kind;

/// The variables VS Code substitutes in prompt files [VSC-PROMPTS].
use crate::convert::placeholders::VSCODE_VARS as VARIABLES;

/// A placeholder found in prose: its byte range in the text, and what to say about it.
#[derive(Debug, PartialEq, Eq)]
pub struct Finding {
    /// Byte range of the placeholder.
    pub range: std::ops::Range<usize>,
    /// The message.
    pub message: String,
    /// The help line.
    pub help: String,
}

/// The unknown variables and foreign placeholders of a Copilot prompt body, outside code.
#[must_use]
pub fn findings(body: &str) -> Vec<Finding> {
    if !body.contains("${") && !body.contains("$ARGUMENTS") && !body.contains("{{args}}") {
        return Vec::new();
    }
    let code = prose::code(body);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = body[i..].find(['$', '{']) {
        let at = i + off;
        i = at + 1;
        if prose::in_code(&code, at) || (at > 0 && body.as_bytes()[at - 1] == b'\\') {
            continue;
        }
        let rest = &body[at..];
        if let Some(inner) = rest.strip_prefix("${") {
            if inner.starts_with('{') {
                continue; // `${{ secrets.X }}`: GitHub Actions expressions
            }
            let Some(end) = inner
                .find(['}', '\n'])
                .filter(|&e| inner.as_bytes()[e] == b'}')
            else {
                continue;
            };
            let name = &inner[..end];
            let range = at..at + 2 + end + 1;
            i = range.end;
            if VARIABLES.contains(&name) {
                continue;
            }
            if let Some(input) = name.strip_prefix("input:")
                && input.split(':').next().is_some_and(|n| !n.is_empty())
            {
                continue;
            }
            let help = match did_you_mean(name, VARIABLES) {
                Some(s) => format!("did you mean `${{{s}}}`?"),
                None => "use a VS Code variable (`${selection}`, `${file}`, …) or `${input:name}` to ask the user".to_owned(),
            };
            out.push(Finding {
                range,
                message: format!(
                    "`${{{name}}}` is not a VS Code prompt variable; the model sees it as written"
                ),
                help,
            });
        } else if rest.starts_with("$ARGUMENTS") || rest.starts_with("{{args}}") {
            let len = if rest.starts_with('$') {
                let tail = &rest["$ARGUMENTS".len()..];
                "$ARGUMENTS".len()
                    + tail
                        .strip_prefix('[')
                        .and_then(|t| t.find(']').map(|e| e + 2))
                        .unwrap_or(0)
            } else {
                "{{args}}".len()
            };
            let range = at..at + len;
            i = range.end;
            out.push(Finding {
                message: format!("Copilot does not substitute `{}`", &body[range.clone()]),
                range,
                help: "use `${input:args}` (VS Code asks for the value) or describe the input in words".to_owned(),
            });
        }
    }
    out
}

impl Rule for UnknownVariable {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let doc = cx.doc;
        if doc.kind != Kind::CopilotPrompt {
            return;
        }
        let base = doc.body.start as usize;
        for f in findings(doc.body_text()) {
            cx.report(
                Self::META
                    .diag(
                        Span::new(base + f.range.start, base + f.range.end),
                        f.message,
                    )
                    .with_help(f.help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::findings;
    use crate::rules::tests::check;

    #[test]
    fn finds_unknown_variables() {
        let b = "Explain ${file} and ${selection} for ${input:topic:a topic}.\nAlso ${fiel}, ${{ secrets.X }}, `${notme}`, $ARGUMENTS[0] and {{args}}.\n";
        let found: Vec<&str> = findings(b).iter().map(|f| &b[f.range.clone()]).collect();
        assert_eq!(found, ["${fiel}", "$ARGUMENTS[0]", "{{args}}"]);
        assert!(findings(b)[0].help.contains("${file}"));
    }

    #[test]
    fn only_in_prompt_files() {
        let t = "---\ndescription: d\n---\nUse $ARGUMENTS.\n";
        assert_eq!(
            check(t, ".github/prompts/a.prompt.md", "unknown-variable").len(),
            1
        );
        assert!(check(t, ".claude/commands/a.md", "unknown-variable").is_empty());
    }
}
