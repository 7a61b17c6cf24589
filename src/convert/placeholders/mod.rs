//! Prompt placeholders: read each tool's syntax into [`Piece`]s and write them in another's
//! ([CC-SKILLS], [CC-CHANGELOG], [VSC-PROMPTS],
//! [GEM-CMDS], [OC-AGENTS]).

use super::model::{Arg, Piece};

mod render;
pub use render::{render, render_claude};

/// The placeholder syntax of a kind's body (a fact of the kind, [`crate::tools::KindSpec::placeholders`]).
pub use crate::tools::Placeholders as Syntax;

/// Reads `text` written in `syntax`. `named` are the declared argument names (Claude
/// `arguments:`); `$word` is a placeholder only for those.
#[must_use]
pub fn parse(text: &str, syntax: Syntax, named: &[String]) -> Vec<Piece> {
    parse_with(text, syntax, named, triggers(syntax))
}

/// [`parse`], trying for a placeholder only at the bytes of `triggers` (tests pass every
/// byte, to check that the skipping changes nothing).
fn parse_with(text: &str, syntax: Syntax, named: &[String], triggers: &[u8]) -> Vec<Piece> {
    let mut p = Parser {
        out: Vec::new(),
        text: String::new(),
    };
    let b = text.as_bytes();
    let mut i = 0;
    let mut in_fence = false;
    while i < b.len() {
        let rest = &text[i..];
        let line_start = i == 0 || b[i - 1] == b'\n';
        let after_space = line_start || b[i - 1].is_ascii_whitespace();
        if line_start && rest.starts_with("```") {
            if matches!(syntax, Syntax::Claude)
                && !in_fence
                && rest.starts_with("```!")
                && let Some(end) = rest.find("\n```")
                && rest.find('\n').is_some_and(|s| s < end)
            {
                let body_start = rest.find('\n').unwrap_or(end);
                p.piece(shell(&rest[body_start + 1..end], syntax, named));
                let close = end + 4;
                let close = close + rest[close..].find('\n').map_or(rest.len() - close, |x| x);
                i += close;
                continue;
            }
            in_fence = !in_fence;
        }
        if let Some((piece, len)) = match syntax {
            Syntax::Claude => claude_at(rest, i, b, after_space, in_fence, named),
            Syntax::Opencode => opencode_at(rest, i, b, after_space, in_fence),
            Syntax::Copilot => copilot_at(rest),
            Syntax::Gemini => gemini_at(rest),
            Syntax::Prose => None,
        } {
            p.piece(piece);
            i += len;
            continue;
        }
        // Nothing starts before the next trigger byte: copy the text up to it at once. The
        // triggers are ASCII, so the copy ends on a char boundary (`next_char` when every
        // byte is a trigger).
        let next_char = i + rest.chars().next().map_or(1, char::len_utf8);
        let next = b[i + 1..]
            .iter()
            .position(|c| triggers.contains(c))
            .map_or(b.len(), |k| i + 1 + k)
            .max(next_char);
        p.text.push_str(&text[i..next]);
        i = next;
    }
    p.flush();
    p.out
}

/// The bytes where something can start in `syntax`: a code fence (`` ` ``) or the first byte
/// of one of its placeholders (see `claude_at`, `opencode_at`, `copilot_at`, `gemini_at`).
fn triggers(syntax: Syntax) -> &'static [u8] {
    match syntax {
        Syntax::Claude | Syntax::Opencode => b"`$!@",
        Syntax::Copilot => b"`$[",
        Syntax::Gemini => b"`{!@",
        Syntax::Prose => b"`",
    }
}

struct Parser {
    out: Vec<Piece>,
    text: String,
}

impl Parser {
    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.out.push(Piece::Text(std::mem::take(&mut self.text)));
        }
    }
    fn piece(&mut self, p: Piece) {
        self.flush();
        self.out.push(p);
    }
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

fn digits(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

fn word_len(s: &str) -> usize {
    s.bytes().take_while(|c| is_word(*c) || *c == b'-').count()
}

/// `$ARGUMENTS`, `$ARGUMENTS[N]`, `$ARGUMENTS.N`, `$N`; shared by Claude and OpenCode. Not
/// arguments: `$N` inside a word or after `$` (`$B$6`), and amounts of money (`$5.00`).
fn dollar_arg(rest: &str, i: usize, b: &[u8], one_based: bool) -> Option<(Piece, usize)> {
    if !rest.starts_with('$')
        || (i > 0 && (b[i - 1] == b'\\' || b[i - 1] == b'$' || is_word(b[i - 1])))
    {
        return None;
    }
    let after = &rest[1..];
    if let Some(tail) = after.strip_prefix("ARGUMENTS") {
        if let Some(idx) = tail.strip_prefix('[') {
            let n = digits(idx);
            if n > 0 && idx[n..].starts_with(']') {
                let v: u32 = idx[..n].parse().ok()?;
                return Some((Piece::Arg(Arg::Index(v)), 1 + 9 + 1 + n + 1));
            }
        }
        if let Some(idx) = tail.strip_prefix('.') {
            let n = digits(idx);
            if n > 0 && !idx[n..].bytes().next().is_some_and(is_word) {
                let v: u32 = idx[..n].parse().ok()?;
                return Some((Piece::Arg(Arg::Index(v)), 1 + 9 + 1 + n));
            }
        }
        if !tail.bytes().next().is_some_and(is_word) {
            return Some((Piece::Arg(Arg::All), 10));
        }
        return None;
    }
    let n = digits(after);
    // An amount of money (`$5.00`, `$1,200`) is prose, not an argument.
    let money = matches!(after.as_bytes().get(n), Some(b'.' | b','))
        && after.as_bytes().get(n + 1).is_some_and(u8::is_ascii_digit);
    if n == 0 || n > 3 || money || after[n..].bytes().next().is_some_and(is_word) {
        return None;
    }
    let v: u32 = after[..n].parse().ok()?;
    let arg = if one_based {
        Arg::Index(v.checked_sub(1)?)
    } else {
        Arg::Claude(v)
    };
    Some((Piece::Arg(arg), 1 + n))
}

/// A Claude named argument `$name` (one of `named`, declared with `arguments:`), not escaped
/// (`\$name`) and not inside a word.
fn named_arg(rest: &str, i: usize, b: &[u8], named: &[String]) -> Option<(Piece, usize)> {
    if !rest.starts_with('$') || (i > 0 && (b[i - 1] == b'\\' || is_word(b[i - 1]))) {
        return None;
    }
    let n = rest[1..].bytes().take_while(|c| is_word(*c)).count();
    let name = &rest[1..1 + n];
    (n > 0 && named.iter().any(|a| a == name))
        .then(|| (Piece::Arg(Arg::Named(name.to_owned())), 1 + n))
}

/// `` !`cmd` `` at line start or after whitespace.
fn bang_shell(
    rest: &str,
    after_space: bool,
    syntax: Syntax,
    named: &[String],
) -> Option<(Piece, usize)> {
    let cmd = rest.strip_prefix("!`")?;
    if !after_space || cmd.starts_with('`') {
        return None;
    }
    let end = cmd.find(['`', '\n'])?;
    (cmd.as_bytes()[end] == b'`' && end > 0)
        .then(|| (shell(&cmd[..end], syntax, named), 2 + end + 1))
}

/// A shell injection's command `cmd`, with the argument placeholders of `syntax` in it read
/// as [`Piece::Arg`]: `$ARGUMENTS` (and `$ARGUMENTS[N]`) and `{{args}}` anywhere, but `$N`
/// and a named `$name` only outside single quotes, where they are more likely the shell's or
/// awk's own (`awk '{print $1}'`).
fn shell(cmd: &str, syntax: Syntax, named: &[String]) -> Piece {
    let mut p = Parser {
        out: Vec::new(),
        text: String::new(),
    };
    let b = cmd.as_bytes();
    let mut quoted = false;
    let mut i = 0;
    while i < b.len() {
        let rest = &cmd[i..];
        let found = match syntax {
            Syntax::Claude | Syntax::Opencode if b[i] == b'$' => {
                dollar_arg(rest, i, b, syntax == Syntax::Opencode)
                    .filter(|_| !quoted || rest.starts_with("$ARGUMENTS"))
                    .or_else(|| {
                        (!quoted && syntax == Syntax::Claude)
                            .then(|| named_arg(rest, i, b, named))
                            .flatten()
                    })
            }
            Syntax::Gemini if rest.starts_with("{{args}}") => Some((Piece::Arg(Arg::All), 8)),
            _ => None,
        };
        if let Some((piece, len)) = found {
            p.piece(piece);
            i += len;
            continue;
        }
        if b[i] == b'\'' {
            quoted = !quoted;
        }
        let next = i + rest.chars().next().map_or(1, char::len_utf8);
        p.text.push_str(&cmd[i..next]);
        i = next;
    }
    p.flush();
    Piece::Shell(p.out)
}

/// `@path` at line start or after whitespace, outside code; must look like a path.
fn at_path(rest: &str, after_space: bool, in_fence: bool) -> Option<(Piece, usize)> {
    let path = rest.strip_prefix('@')?;
    if !after_space || in_fence {
        return None;
    }
    let len = path
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || b"_./-~".contains(c))
        .count();
    let p = path[..len].trim_end_matches(['.', ',', ';', ':']);
    let looks_like_path = p.contains('/')
        || p.rsplit_once('.')
            .is_some_and(|(a, e)| !a.is_empty() && !e.is_empty());
    (looks_like_path && !p.is_empty()).then(|| (Piece::File(p.to_owned()), 1 + p.len()))
}

fn claude_at(
    rest: &str,
    i: usize,
    b: &[u8],
    after_space: bool,
    in_fence: bool,
    named: &[String],
) -> Option<(Piece, usize)> {
    if let Some(x) = dollar_arg(rest, i, b, false) {
        return Some(x);
    }
    if let Some(env) = rest.strip_prefix("${CLAUDE_") {
        let n = word_len(env);
        if env[n..].starts_with('}') {
            return Some((Piece::Env(format!("CLAUDE_{}", &env[..n])), 9 + n + 1));
        }
    }
    if let Some(x) = named_arg(rest, i, b, named) {
        return Some(x);
    }
    bang_shell(rest, after_space, Syntax::Claude, named)
        .or_else(|| at_path(rest, after_space, in_fence))
}

fn opencode_at(
    rest: &str,
    i: usize,
    b: &[u8],
    after_space: bool,
    in_fence: bool,
) -> Option<(Piece, usize)> {
    dollar_arg(rest, i, b, true)
        .or_else(|| bang_shell(rest, after_space, Syntax::Opencode, &[]))
        .or_else(|| at_path(rest, after_space, in_fence))
}

/// VS Code prompt variables other than `${input:…}` (Nov-2025 docs) [VSC-PROMPTS].
pub const VSCODE_VARS: &[&str] = &[
    "workspaceFolder",
    "workspaceFolderBasename",
    "selection",
    "selectedText",
    "file",
    "fileBasename",
    "fileDirname",
    "fileBasenameNoExtension",
];

fn copilot_at(rest: &str) -> Option<(Piece, usize)> {
    if let Some(inner) = rest.strip_prefix("${")
        && let Some(end) = inner.find('}')
        && VSCODE_VARS.contains(&&inner[..end])
    {
        let name = &inner[..end];
        let env = if name == "workspaceFolder" {
            "CLAUDE_PROJECT_DIR".to_owned()
        } else {
            format!("vscode:{name}")
        };
        return Some((Piece::Env(env), 2 + end + 1));
    }
    if let Some(inner) = rest.strip_prefix("${input:") {
        let end = inner.find('}')?;
        let spec = &inner[..end];
        let name = spec.split(':').next().unwrap_or("");
        if name.is_empty() || !name.bytes().all(|c| is_word(c) || c == b'-') {
            return None;
        }
        if spec.len() > name.len() {
            // `${input:name:placeholder}`: the placeholder text has no equivalent elsewhere.
            return Some((Piece::Arg(Arg::Named(spec.to_owned())), 8 + end + 1));
        }
        let arg = if name == "args" {
            Arg::All
        } else if let Some(n) = name
            .strip_prefix("arg")
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| *n > 0)
        {
            Arg::Index(n - 1)
        } else {
            Arg::Named(name.to_owned())
        };
        return Some((Piece::Arg(arg), 8 + end + 1));
    }
    // `[p](../../p)`: the link agentfmt writes for a Claude `@p` (see `render`).
    let inner = rest.strip_prefix('[')?;
    let close = inner.find("](../../")?;
    let path = &inner[..close];
    let tail = &inner[close + 8..];
    (!path.is_empty()
        && !path.contains(['[', ']', '\n', ' '])
        && tail.starts_with(path)
        && tail[path.len()..].starts_with(')'))
    .then(|| (Piece::File(path.to_owned()), 1 + close + 8 + path.len() + 1))
}

fn gemini_at(rest: &str) -> Option<(Piece, usize)> {
    if rest.starts_with("{{args}}") {
        return Some((Piece::Arg(Arg::All), 8));
    }
    for (open, is_shell) in [("!{", true), ("@{", false)] {
        if let Some(inner) = rest.strip_prefix(open) {
            let mut depth = 1;
            for (j, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            let v = &inner[..j];
                            let p = if is_shell {
                                shell(v, Syntax::Gemini, &[])
                            } else {
                                Piece::File(v.to_owned())
                            };
                            return Some((p, 2 + j + 1));
                        }
                    }
                    _ => {}
                }
            }
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_claude_placeholders() {
        let src = "Fix $ARGUMENTS then $0 and $1.\n!`git status`\nSee @src/main.rs and `x@y.z`.\nCost \\$1, $HOME.\n";
        let p = parse(src, Syntax::Claude, &[]);
        assert_eq!(render_claude(&p, 0), src);
        let (g, notes) = render(&p, Syntax::Gemini, 0, &[]);
        assert!(
            g.contains("{{args}} then {{args}}")
                && g.contains("!{git status}")
                && g.contains("@{src/main.rs}"),
            "{g}"
        );
        assert_eq!(notes.len(), 1);
        let (c, _) = render(&p, Syntax::Copilot, 0, &[]);
        assert!(
            c.contains("${input:args} then ${input:arg1} and ${input:arg2}"),
            "{c}"
        );
        assert!(c.contains("[src/main.rs](../../src/main.rs)"), "{c}");
        let back = parse(&c, Syntax::Copilot, &[]);
        assert!(back.contains(&Piece::File("src/main.rs".into())));
        let (o, _) = render(&p, Syntax::Opencode, 0, &[]);
        assert!(o.contains("$ARGUMENTS then $1 and $2"), "{o}");
        let (o1, _) = render(&p, Syntax::Opencode, 1, &[]);
        assert!(
            o1.contains("then $0 and $1") || o1.contains("then $1 and $1"),
            "{o1}"
        );
    }

    #[test]
    fn money_and_cell_references_are_prose() {
        let src = "Charge $0 for the $5.00 plan, $1,200 a year; cell $B$6.\n";
        let p = parse(src, Syntax::Claude, &[]);
        let args = p.iter().filter(|x| matches!(x, Piece::Arg(_))).count();
        assert_eq!(args, 1, "{p:?}");
        let (c, _) = render(&p, Syntax::Copilot, 0, &[]);
        assert!(
            c.contains("$5.00") && c.contains("$1,200") && c.contains("$B$6"),
            "{c}"
        );
    }

    proptest::proptest! {
        /// Skipping to the next trigger byte reads the same pieces as trying every position.
        #[test]
        fn skipping_to_triggers_changes_nothing(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "$", "$ARGUMENTS", "$1", "$name", "${CLAUDE_X}", "${input:a}", "${file}", "!`ls`",
                "!{ls}", "@src/a.rs", "@{a.md}", "{{args}}", "[p](../../p)", "```", "```!\nls\n```",
                "\n", " ", "x", "é", "\\", "{", "}", "[", "]", "`", "!", "@", "../", "(", ")",
            ]), 0..24),
        ) {
            let text = parts.concat();
            let every: Vec<u8> = (0..=255).collect();
            let named = vec!["name".to_owned()];
            for syntax in [Syntax::Claude, Syntax::Copilot, Syntax::Gemini, Syntax::Opencode, Syntax::Prose] {
                proptest::prop_assert_eq!(
                    parse(&text, syntax, &named),
                    parse_with(&text, syntax, &named, &every),
                    "{:?} {:?}", syntax, text
                );
            }
        }
    }

    #[test]
    fn translates_arguments_inside_shell_injections() {
        let src =
            "!`gh pr diff $ARGUMENTS`, !`gh issue view $1 --repo $repo`, !`awk '{print $1}' $0`\n";
        let p = parse(src, Syntax::Claude, &["repo".to_owned()]);
        assert_eq!(render_claude(&p, 0), src);
        let (g, _) = render(&p, Syntax::Gemini, 0, &[]);
        assert_eq!(
            g,
            "!{gh pr diff {{args}}}, !{gh issue view {{args}} --repo {{args}}}, !{awk '{print $1}' {{args}}}\n"
        );
        // Without the declared names, a named argument can only stand for all of them; with
        // them, `repo` is the first argument.
        let (o, _) = render(&p, Syntax::Opencode, 0, &[]);
        assert!(
            o.starts_with("!`gh pr diff $ARGUMENTS`, !`gh issue view $2 --repo $ARGUMENTS`"),
            "{o}"
        );
        let (o, notes) = render(&p, Syntax::Opencode, 0, &["repo".to_owned()]);
        assert!(
            o.starts_with("!`gh pr diff $ARGUMENTS`, !`gh issue view $2 --repo $1`"),
            "{o}"
        );
        assert_eq!(
            notes,
            [(
                true,
                "named argument `repo` written as positional `$1` (OpenCode has no named arguments)"
                    .to_owned()
            )]
        );
        assert!(o.contains("!`awk '{print $1}' $1`"), "{o}");
        let (c, notes) = render(&p, Syntax::Copilot, 0, &[]);
        assert!(
            c.starts_with("(run `gh pr diff ${input:args}` first"),
            "{c}"
        );
        assert!(
            c.contains("(run `gh issue view ${input:arg2} --repo ${input:repo}` first"),
            "{c}"
        );
        assert!(
            notes.iter().any(|(_, m)| m.contains("${input:argN}")),
            "{notes:?}"
        );
        let back = parse(&g, Syntax::Gemini, &[]);
        assert_eq!(
            back[0],
            Piece::Shell(vec![
                Piece::Text("gh pr diff ".into()),
                Piece::Arg(Arg::All)
            ])
        );
        assert_eq!(render_claude(&back[..1], 0), "!`gh pr diff $ARGUMENTS`");
    }

    #[test]
    fn reads_gemini() {
        let p = parse(
            "Run !{ls {a}} on @{docs/x.md} with {{args}}",
            Syntax::Gemini,
            &[],
        );
        assert_eq!(p[1], Piece::Shell(vec![Piece::Text("ls {a}".into())]));
        assert_eq!(p[3], Piece::File("docs/x.md".into()));
        assert_eq!(p[5], Piece::Arg(Arg::All));
    }
}
