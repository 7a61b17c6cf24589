//! Writes [`Piece`]s in a target's placeholder syntax, noting what could not be carried
//! .

use super::Syntax;
use crate::convert::model::{Arg, Piece};

/// Renders pieces in Claude syntax with `$N` numbered from `base` (0 since v2.1.19).
#[must_use]
pub fn render_claude(pieces: &[Piece], base: u8) -> String {
    render(pieces, Syntax::Claude, base, &[]).0
}

/// Renders `pieces` in `syntax`. `named` lists the command's declared named arguments in order
/// (Claude `arguments:`, [`crate::convert::model::Model::arguments`]): Claude fills the i-th
/// name with the i-th argument ([CC-SKILLS]), so a target without named arguments but with
/// positional ones (OpenCode) gets `$(i+1)`. Returns the text and one note per placeholder kind
/// that could not be carried exactly (`(approximated?, message)`), deduplicated.
#[must_use]
pub fn render(
    pieces: &[Piece],
    syntax: Syntax,
    base: u8,
    named: &[String],
) -> (String, Vec<(bool, String)>) {
    let mut out = String::new();
    let mut notes: Vec<(bool, String)> = Vec::new();
    let mut note = |approx: bool, m: String| {
        if !notes.iter().any(|(_, x)| *x == m) {
            notes.push((approx, m));
        }
    };
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Arg(a) => {
                let idx = match a {
                    Arg::Index(i) => Some(*i),
                    Arg::Claude(n) => Some(n.saturating_sub(u32::from(base))),
                    _ => None,
                };
                match (syntax, a) {
                    (Syntax::Claude, Arg::All) | (Syntax::Opencode, Arg::All) => {
                        out.push_str("$ARGUMENTS")
                    }
                    (Syntax::Claude, Arg::Claude(n)) => out.push_str(&format!("${n}")),
                    (Syntax::Claude, Arg::Named(n)) => {
                        let (base, hint) = n.split_once(':').unwrap_or((n, ""));
                        out.push_str(&format!("${base}"));
                        if !hint.is_empty() {
                            note(
                                true,
                                format!("placeholder text `{hint}` of `{base}` dropped"),
                            );
                        }
                    }
                    (Syntax::Claude, _) => {
                        out.push_str(&format!("${}", idx.unwrap_or(0) + u32::from(base)))
                    }
                    (Syntax::Opencode, Arg::Named(n)) => match named.iter().position(|x| x == n) {
                        Some(i) => {
                            out.push_str(&format!("${}", i + 1));
                            note(
                                true,
                                format!(
                                    "named argument `{n}` written as positional `${}` (OpenCode has no named arguments)",
                                    i + 1
                                ),
                            );
                        }
                        None => {
                            out.push_str("$ARGUMENTS");
                            note(
                                true,
                                format!(
                                    "named argument `{n}` approximated to `$ARGUMENTS` (OpenCode has no named arguments)"
                                ),
                            );
                        }
                    },
                    (Syntax::Opencode, _) => out.push_str(&format!("${}", idx.unwrap_or(0) + 1)),
                    (Syntax::Copilot, Arg::All) => {
                        out.push_str("${input:args}");
                        note(true, "all arguments approximated to `${input:args}` (the user types `args=…`)".into());
                    }
                    (Syntax::Copilot, Arg::Named(n)) => out.push_str(&format!("${{input:{n}}}")),
                    (Syntax::Copilot, _) => {
                        let n = idx.unwrap_or(0) + 1;
                        out.push_str(&format!("${{input:arg{n}}}"));
                        note(
                            true,
                            "positional arguments approximated to `${input:argN}` variables".into(),
                        );
                    }
                    (Syntax::Gemini, Arg::All) => out.push_str("{{args}}"),
                    (Syntax::Gemini, _) => {
                        out.push_str("{{args}}");
                        note(true, "positional and named arguments approximated to `{{args}}` (all arguments)".into());
                    }
                    (Syntax::Prose, _) => {
                        out.push_str(&match (a, idx) {
                            (Arg::Named(n), _) => format!("(the `{n}` argument)"),
                            (_, Some(i)) => format!("(argument {})", i + 1),
                            _ => "(the text given after the command)".to_owned(),
                        });
                        note(
                            true,
                            "argument placeholders written as prose (no substitution in this kind)"
                                .into(),
                        );
                    }
                }
            }
            Piece::Shell(inner) => {
                // The arguments inside the command in the target's syntax, with their notes.
                let (cmd, inner_notes) = render(inner, syntax, base, named);
                for (approx, m) in inner_notes {
                    note(approx, m);
                }
                match syntax {
                    Syntax::Claude | Syntax::Opencode if !cmd.contains(['`', '\n']) => {
                        out.push_str(&format!("!`{cmd}`"))
                    }
                    Syntax::Claude => out.push_str(&format!("```!\n{cmd}\n```")),
                    Syntax::Gemini if balanced(&cmd) => out.push_str(&format!("!{{{cmd}}}")),
                    _ => {
                        out.push_str(&format!(
                            "(run `{}` first and use its output)",
                            cmd.replace('\n', "; ")
                        ));
                        note(false, "shell injection written as an instruction to run the command (no pre-execution in this kind)".into());
                    }
                }
            }
            Piece::File(path) => {
                match syntax {
                    Syntax::Claude | Syntax::Opencode => out.push_str(&format!("@{path}")),
                    Syntax::Gemini => out.push_str(&format!("@{{{path}}}")),
                    Syntax::Copilot => {
                        out.push_str(&format!("[{path}](../../{path})"));
                        note(true, "`@file` references approximated to Markdown links (linked, not inlined)".into());
                    }
                    Syntax::Prose => {
                        out.push_str(&format!("@{path}"));
                        note(true, "`@file` references kept as mentions (inclusion not documented for this kind)".into());
                    }
                }
            }
            Piece::Env(name) if name.starts_with("vscode:") => {
                let var = &name["vscode:".len()..];
                out.push_str(&format!("${{{var}}}"));
                if syntax != Syntax::Copilot {
                    note(
                        false,
                        format!("`${{{var}}}` is a VS Code variable, not substituted here"),
                    );
                }
            }
            Piece::Env(name) => {
                if syntax == Syntax::Claude {
                    out.push_str(&format!("${{{name}}}"));
                } else if syntax == Syntax::Copilot && name == "CLAUDE_PROJECT_DIR" {
                    out.push_str("${workspaceFolder}");
                    note(
                        true,
                        "`${CLAUDE_PROJECT_DIR}` approximated to `${workspaceFolder}`".into(),
                    );
                } else {
                    out.push_str(&format!("${{{name}}}"));
                    note(
                        false,
                        format!("`${{{name}}}` is not substituted outside Claude Code"),
                    );
                }
            }
        }
    }
    (out, notes)
}

fn balanced(s: &str) -> bool {
    let mut d = 0i32;
    for c in s.chars() {
        match c {
            '{' => d += 1,
            '}' => d -= 1,
            _ => {}
        }
        if d < 0 {
            return false;
        }
    }
    d == 0
}
