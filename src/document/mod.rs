//! PARSE: split an agent file into front matter and body, and read the front matter (or a
//! Gemini CLI TOML command) into a spanned [`Node`] tree.
//!
//! Parsing never gives up: [`parse`] always returns a [`Document`] plus diagnostics.

mod lenient;
pub mod node;
pub mod quote;
mod strict;
pub use strict::{raw_for_tool, strict_edits};
mod toml_cmd;
pub mod yaml;

pub use node::{Entry, NON_FINITE_KEY, Node, Style, Value};

use crate::diagnostic::Diagnostic;
use crate::diagnostic::codes;
use crate::source::{Encoding, SourceText};
use crate::span::Span;
use crate::tools::{self, Dialect, Kind};

/// The front-matter block of a markdown agent file.
#[derive(Clone, Debug)]
pub struct FrontMatter {
    /// From the first byte of the opening `---` to the end of the closing fence line
    /// (including its line break).
    pub span: Span,
    /// The text between the fences (starts after the opening fence's line break).
    pub content: Span,
    /// True when a strict YAML 1.2 parser accepts the block.
    pub strict: bool,
}

/// A parsed agent file.
#[derive(Clone, Debug)]
pub struct Document {
    /// The decoded text.
    pub source: SourceText,
    /// The logical path (as given, or `--stdin-filepath`), used for detection and messages.
    pub path: Option<String>,
    /// The detected, inferred or forced kind.
    pub kind: Kind,
    /// Why the kind was inferred, when the path did not decide it.
    pub inferred: Option<String>,
    /// The front-matter block, if the file has one.
    pub front_matter: Option<FrontMatter>,
    /// The metadata as the owning tool reads it: the front-matter mapping or the TOML table.
    pub root: Option<Node>,
    /// The markdown body (everything after the front matter; the whole file without one).
    /// Empty for TOML files, whose prompt is a value in `root`.
    pub body: Span,
}

impl Document {
    /// The file text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// The body text.
    #[must_use]
    pub fn body_text(&self) -> &str {
        &self.source.text[self.body.range()]
    }

    /// The directory of the logical path, with `/` separators and no trailing slash (`""` for
    /// a file at the top or without a path): the base that relative references resolve from.
    #[must_use]
    pub fn dir(&self) -> String {
        self.path
            .as_deref()
            .and_then(|p| {
                p.replace('\\', "/")
                    .rsplit_once('/')
                    .map(|(d, _)| d.to_owned())
            })
            .unwrap_or_default()
    }

    /// The value of top-level metadata key `key`.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.root.as_ref()?.get(key)
    }

    /// The top-level metadata entries in source order.
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        self.root.as_ref().map_or(&[], Node::entries)
    }

    /// The text of the prompt: the markdown body, or the value of a TOML kind's prompt key
    /// (a Gemini CLI command's `prompt`, a Codex agent's `developer_instructions`; `""` when
    /// it is missing or not a string).
    #[must_use]
    pub fn prompt_text(&self) -> &str {
        match self.kind.prompt_key() {
            Some(key) => self.get(key).and_then(Node::as_str).unwrap_or(""),
            None => self.body_text(),
        }
    }

    /// Span for a file-level diagnostic: the front matter's opening fence, or the file start.
    #[must_use]
    pub fn head_span(&self) -> Span {
        self.front_matter.as_ref().map_or(Span::empty(0), |fm| {
            Span::new(fm.span.start as usize, fm.span.start as usize + 3)
        })
    }
}

/// A document and the diagnostics found while decoding and parsing it.
#[derive(Debug)]
pub struct Parsed {
    /// The document.
    pub doc: Document,
    /// Diagnostics of the parse stage (syntax, duplicate keys, ...).
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses `source`. The kind is `forced`, else detected from `path`, else inferred from the
/// front matter (with an `AF015 kind-inferred` note saying why).
#[must_use]
pub fn parse(source: SourceText, path: Option<&str>, forced: Option<Kind>) -> Parsed {
    let mut parsed = parse_only(source, path, forced);
    strict::attach_fix(&mut parsed);
    parsed
}

/// [`parse`] without the fix that `strict-yaml` carries (which parses the fixed text again).
fn parse_only(source: SourceText, path: Option<&str>, forced: Option<Kind>) -> Parsed {
    let mut diags = Vec::new();
    let from_path = forced.or_else(|| path.and_then(tools::detect));
    let looks_toml = from_path.is_some_and(Kind::is_toml)
        || (from_path.is_none() && path.is_some_and(|p| p.ends_with(".toml")));
    if looks_toml || (from_path.is_none() && toml_cmd::looks_like_command(&source.text)) {
        let root = toml_cmd::parse(&source.text, &mut diags);
        // A TOML file whose path says nothing: a Codex custom agent if it has
        // `developer_instructions` [CODEX-SUB], else a Gemini CLI command [GEM-CMDS].
        let (kind, inferred) = match from_path.filter(|k| k.is_toml()) {
            Some(k) => (k, None),
            None if root
                .as_ref()
                .is_some_and(|r| r.get("developer_instructions").is_some()) =>
            {
                (
                    Kind::CodexAgent,
                    Some("TOML with a `developer_instructions` key".to_owned()),
                )
            }
            None => (
                Kind::GeminiCommand,
                Some("TOML with a `prompt` key".to_owned()),
            ),
        };
        if let Some(why) = &inferred {
            diags.push(codes::KIND_INFERRED.diag(
                Span::empty(0),
                format!("assumed kind `{}` ({why})", kind.as_str()),
            ));
        }
        return Parsed {
            doc: Document {
                body: Span::empty(source.text.len()),
                source,
                path: path.map(str::to_owned),
                kind,
                inferred,
                front_matter: None,
                root,
            },
            diagnostics: diags,
        };
    }

    let text = &source.text;
    let split = split(text);
    let dialect = from_path.map_or(Dialect::ClaudeLenient, Kind::dialect);
    let (front_matter, root) = match &split.front_matter {
        Some(fm) => {
            let (root, strict) =
                read_front_matter(text, fm.content, dialect, from_path, &mut diags);
            (
                Some(FrontMatter {
                    strict,
                    ..fm.clone()
                }),
                root,
            )
        }
        None => (None, None),
    };
    diags.extend(split.diagnostics);
    if front_matter.is_some() && source.encoding == Encoding::Utf8Bom {
        diags.push(
            codes::BOM_BEFORE_FRONT_MATTER.diag(Span::new(0, 3.min(text.len())), "a byte-order mark precedes the front matter".into())
                .with_help("tools that look for `---` at byte 0 will not see the front matter; remove the BOM"),
        );
    }
    let body_start = front_matter.as_ref().map_or(0, |f| f.span.end as usize);
    let body = Span::new(body_start, text.len());

    let (kind, inferred) = match from_path {
        Some(k) => (k, None),
        None => {
            let keys: Vec<&str> = root.as_ref().map_or(Vec::new(), |r| {
                r.entries().iter().map(|e| e.key.as_str()).collect()
            });
            let values = |k: &str| {
                root.as_ref()
                    .and_then(|r| r.get(k))
                    .and_then(Node::scalar_text)
            };
            let (k, why) = tools::infer(&keys, &values, &text[body.range()]);
            diags.push(
                codes::KIND_INFERRED.diag(Span::empty(0), format!("assumed kind `{k}` ({why})")),
            );
            (k, Some(why))
        }
    };
    // A file whose kind was inferred was read with the Claude dialect; re-read if needed.
    let (front_matter, root) = if from_path.is_none() && kind.dialect() != dialect {
        match &front_matter {
            Some(fm) => {
                diags.retain(|d| {
                    !matches!(
                        d.rule,
                        "strict-yaml"
                            | "yaml-syntax"
                            | "duplicate-key"
                            | "yaml-alias"
                            | "yaml-ambiguous-scalar"
                            | "yaml-tab"
                    )
                });
                let (root, strict) =
                    read_front_matter(text, fm.content, kind.dialect(), Some(kind), &mut diags);
                (
                    Some(FrontMatter {
                        strict,
                        ..fm.clone()
                    }),
                    root,
                )
            }
            None => (front_matter, root),
        }
    } else {
        (front_matter, root)
    };

    Parsed {
        doc: Document {
            source,
            path: path.map(str::to_owned),
            kind,
            inferred,
            front_matter,
            root,
            body,
        },
        diagnostics: diags,
    }
}

fn read_front_matter(
    text: &str,
    content: Span,
    dialect: Dialect,
    kind: Option<Kind>,
    diags: &mut Vec<Diagnostic>,
) -> (Option<Node>, bool) {
    let yaml = &text[content.range()];
    let base = content.start as usize;
    report_tabs(yaml, base, diags);
    // Cursor documents bare `globs: **/*.ts` ([CUR-RULES]) and reads it as raw
    // text, as do Windsurf and Devin Desktop ([DEVIN-LLMS-3P]), so the strict-YAML
    // judgement is made on the rest of the block.
    let raw_key = kind.and_then(|k| k.spec().glob_key).unwrap_or("globs");
    let masked;
    let raw_globs_dialect = matches!(dialect, Dialect::CursorRaw | Dialect::YamlRawGlobs);
    let strict_input = if raw_globs_dialect {
        masked = mask_globs(yaml, raw_key);
        masked.as_str()
    } else {
        yaml
    };
    match yaml::load(strict_input, base) {
        Ok((root, d)) => {
            diags.extend(d);
            let root = match root {
                Some(r) if raw_globs_dialect => Some(raw_globs(
                    r,
                    yaml,
                    base,
                    raw_key,
                    dialect == Dialect::YamlRawGlobs,
                )),
                r => r,
            };
            let root = match root {
                Some(r) if matches!(r.value, Value::Map(_)) => Some(r),
                Some(r) if matches!(r.value, Value::Null) => None,
                Some(r) => {
                    diags.push(codes::YAML_SYNTAX.diag(
                        r.span,
                        "front matter is not a mapping of `key: value` pairs".into(),
                    ));
                    None
                }
                None => None,
            };
            (root, true)
        }
        Err(e) => {
            // The parser's offset may fall inside a character: point at its start.
            let mut rel = e.offset.saturating_sub(base).min(yaml.len());
            while !yaml.is_char_boundary(rel) {
                rel -= 1;
            }
            let at = Span::empty(base + rel);
            let msg = e.message.trim().to_owned();
            let tab_error = msg.contains("tab");
            match dialect {
                Dialect::ClaudeLenient | Dialect::CursorRaw if !tab_error => {
                    let owner = match kind {
                        Some(k) => k.tool().name(),
                        None if dialect == Dialect::CursorRaw => "Cursor",
                        None => "Claude Code",
                    };
                    diags.push(
                        codes::STRICT_YAML.diag(
                                at,
                                format!("front matter is not valid YAML ({msg}); {owner} reads it, but strict YAML parsers reject it"),
                            )
                            .with_help(match dialect {
                                Dialect::CursorRaw => format!("GitHub Copilot, converters and other tools will fail on this file; keep `{raw_key}` bare for {owner} and quote the other values"),
                                _ => "GitHub Copilot, converters and other tools will fail on this file; run `agentfmt fmt` to quote the values".to_owned(),
                            }),
                    );
                    let root = if dialect == Dialect::CursorRaw {
                        lenient::raw_key(yaml, base, raw_key, diags)
                    } else {
                        lenient::claude(yaml, base, diags)
                    };
                    (Some(root), false)
                }
                _ => {
                    if !tab_error {
                        let owner = kind.map_or("the owning tool", |k| match k.tool() {
                            crate::tools::Tool::Copilot => "GitHub Copilot",
                            crate::tools::Tool::Opencode => "OpenCode",
                            crate::tools::Tool::Kiro => "Kiro",
                            crate::tools::Tool::Windsurf => "Windsurf",
                            crate::tools::Tool::Gemini => "Gemini CLI",
                            _ => "the owning tool",
                        });
                        diags.push(
                            codes::YAML_SYNTAX.diag(at, format!("invalid YAML in front matter: {msg}"))
                                .with_help(format!("{owner} fails to read this front matter; quote values that contain `: ` or start with `*`, `&`, `[`, `@`")),
                        );
                    }
                    (Some(lenient::claude(yaml, base, diags)), false)
                }
            }
        }
    }
}

/// `yaml` with the value of a top-level `globs:` line replaced by a quoted placeholder of the
/// same byte length, so offsets stay valid.
fn mask_globs(yaml: &str, key: &str) -> String {
    let prefix = format!("{key}:");
    let mut out = String::with_capacity(yaml.len());
    for line in yaml.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let value = body.strip_prefix(prefix.as_str()).map(str::trim);
        match value {
            Some(v) if !v.is_empty() && !v.starts_with(['"', '\'', '[', '|', '>']) => {
                let start = body.len() - body[prefix.len()..].trim_start().len();
                let len = v.len();
                out.push_str(&body[..start]);
                if len >= 2 {
                    out.push('"');
                    out.push_str(&"x".repeat(len - 2));
                    out.push('"');
                } else {
                    out.push('x');
                }
                out.push_str(&body[start + len..]);
                out.push_str(&line[body.len()..]);
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// Cursor reads `globs` as the raw text after `globs:` ([CUR-GLOB]); with `plain_only`
/// (Windsurf, Devin Desktop) only a plain scalar is raw, and a quoted value or a list keeps
/// its YAML reading.
fn raw_globs(mut root: Node, yaml: &str, base: usize, key: &str, plain_only: bool) -> Node {
    if let Value::Map(entries) = &mut root.value {
        for e in entries.iter_mut().filter(|e| e.key == key) {
            let line_end = yaml[e.key_span.end as usize - base..]
                .find('\n')
                .map_or(yaml.len(), |i| e.key_span.end as usize - base + i);
            let after = &yaml[e.key_span.end as usize - base + 1..line_end];
            let trimmed = after.trim();
            if trimmed.is_empty() || (plain_only && trimmed.starts_with(['"', '\'', '[', '|', '>']))
            {
                continue; // a block list on the next lines: keep the YAML reading
            }
            let start = e.key_span.end as usize + 1 + (after.len() - after.trim_start().len());
            e.value = Node {
                span: Span::new(start, start + trimmed.len()),
                value: Value::Str(trimmed.to_owned(), Style::Raw),
            };
        }
    }
    root
}

fn report_tabs(yaml: &str, base: usize, diags: &mut Vec<Diagnostic>) {
    let mut pos = 0;
    for line in yaml.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(t) = line[..indent].find('\t') {
            diags.push(
                codes::YAML_TAB
                    .diag(
                        Span::new(base + pos + t, base + pos + t + 1),
                        "tab character in front-matter indentation".into(),
                    )
                    .with_help("YAML forbids tabs for indentation; use spaces"),
            );
        }
        pos += line.len();
    }
}

struct Split {
    front_matter: Option<FrontMatter>,
    diagnostics: Vec<Diagnostic>,
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

fn looks_like_fields(lines: &[&str]) -> bool {
    lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .any(|l| {
            l.split_once(':')
                .is_some_and(|(k, _)| !k.is_empty() && !k.contains(' ') && !k.starts_with('#'))
        })
}

/// The lines of a text (each with its `\n`), split on demand: front matter sits at the top,
/// so most files are never split past it (splitting every line of every file showed in
/// profiles of every command).
struct Lines<'a> {
    text: &'a str,
    lines: Vec<&'a str>,
    offsets: Vec<usize>,
    pos: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            lines: Vec::new(),
            offsets: Vec::new(),
            pos: 0,
        }
    }

    /// Line `i`, or `None` past the last line.
    fn get(&mut self, i: usize) -> Option<&'a str> {
        while self.lines.len() <= i && self.pos < self.text.len() {
            let rest = &self.text[self.pos..];
            let len = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |n| n + 1);
            self.offsets.push(self.pos);
            self.lines.push(&rest[..len]);
            self.pos += len;
        }
        self.lines.get(i).copied()
    }

    /// Lines `from..to`, or fewer at the end of the text.
    fn range(&mut self, from: usize, to: usize) -> &[&'a str] {
        if to > 0 {
            self.get(to - 1);
        }
        let to = to.min(self.lines.len());
        &self.lines[from.min(to)..to]
    }

    /// The byte offset of line `i`, which must have been read.
    fn offset(&self, i: usize) -> usize {
        self.offsets[i]
    }

    /// The first fence line after line `open`.
    fn fence_after(&mut self, open: usize) -> Option<usize> {
        let mut i = open + 1;
        loop {
            if is_fence(self.get(i)?) {
                return Some(i);
            }
            i += 1;
        }
    }
}

/// Finds the front-matter block: `---` on the first line, closed by a `---` line.
fn split(text: &str) -> Split {
    let mut diags = Vec::new();
    let mut lines = Lines::new(text);

    if lines.get(0).is_some_and(is_fence) {
        let Some(close) = lines.fence_after(0) else {
            if looks_like_fields(lines.range(1, 6)) {
                diags.push(
                    codes::UNTERMINATED_FRONT_MATTER.diag(Span::new(0, 3), "front matter is never closed".into())
                        .with_help("add a `---` line after the last field; tools read this file as having no front matter"),
                );
            }
            return Split {
                front_matter: None,
                diagnostics: diags,
            };
        };
        let content = Span::new(lines.offset(1), lines.offset(close));
        let end = lines.offset(close) + lines.lines[close].len();
        let fm = FrontMatter {
            span: Span::new(0, end),
            content,
            strict: true,
        };
        // A second block right after the first.
        let mut i = close + 1;
        while lines.get(i).is_some_and(|l| l.trim().is_empty()) {
            i += 1;
        }
        if lines.get(i).is_some_and(is_fence)
            && let Some(c2) = lines.fence_after(i)
            && c2 > i + 1
            && lines.lines[i + 1..c2].iter().all(|l| {
                l.trim().is_empty() || l.contains(':') || l.starts_with(' ') || l.starts_with('-')
            })
            && looks_like_fields(&lines.lines[i + 1..c2])
        {
            diags.push(
                codes::SECOND_FRONT_MATTER
                    .diag(
                        Span::new(lines.offset(i), lines.offset(i) + 3),
                        "a second front-matter block follows the first".into(),
                    )
                    .with_label(Span::new(0, 3), "first block")
                    .with_help("tools read only the first block; merge the fields into it"),
            );
        }
        return Split {
            front_matter: Some(fm),
            diagnostics: diags,
        };
    }
    // Front matter not on line 1: leading blank lines (or stray text) before a `---` block.
    let mut first = 0;
    while lines.get(first).is_some_and(|l| l.trim().is_empty()) {
        first += 1;
    }
    if first > 0
        && lines.get(first).is_some_and(is_fence)
        && let Some(c) = lines.fence_after(first)
        && looks_like_fields(&lines.lines[first + 1..c])
    {
        diags.push(
                    codes::FRONT_MATTER_NOT_FIRST.diag(Span::new(lines.offset(first), lines.offset(first) + 3), "front matter does not start on line 1".into())
                        .with_help("tools only read front matter that starts at the first byte; remove the lines before `---`"),
                );
    }
    Split {
        front_matter: None,
        diagnostics: diags,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The former `split`, which split every line first: the reference for the lazy one.
    fn split_every_line(text: &str) -> Split {
        let mut diags = Vec::new();
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let mut offsets = Vec::with_capacity(lines.len());
        let mut pos = 0;
        for l in &lines {
            offsets.push(pos);
            pos += l.len();
        }
        let close_after = |open: usize| (open + 1..lines.len()).find(|&i| is_fence(lines[i]));

        if lines.first().is_some_and(|l| is_fence(l)) {
            let Some(close) = close_after(0) else {
                if looks_like_fields(&lines[1..lines.len().min(6)]) {
                    diags.push(
                        codes::UNTERMINATED_FRONT_MATTER.diag(Span::new(0, 3), "front matter is never closed".into())
                            .with_help("add a `---` line after the last field; tools read this file as having no front matter"),
                    );
                }
                return Split {
                    front_matter: None,
                    diagnostics: diags,
                };
            };
            let content = Span::new(offsets[1], offsets[close]);
            let end = offsets[close] + lines[close].len();
            let fm = FrontMatter {
                span: Span::new(0, end),
                content,
                strict: true,
            };
            // A second block right after the first.
            let mut i = close + 1;
            while i < lines.len() && lines[i].trim().is_empty() {
                i += 1;
            }
            if i < lines.len()
                && is_fence(lines[i])
                && let Some(c2) = close_after(i)
                && c2 > i + 1
                && lines[i + 1..c2].iter().all(|l| {
                    l.trim().is_empty()
                        || l.contains(':')
                        || l.starts_with(' ')
                        || l.starts_with('-')
                })
                && looks_like_fields(&lines[i + 1..c2])
            {
                diags.push(
                    codes::SECOND_FRONT_MATTER
                        .diag(
                            Span::new(offsets[i], offsets[i] + 3),
                            "a second front-matter block follows the first".into(),
                        )
                        .with_label(Span::new(0, 3), "first block")
                        .with_help("tools read only the first block; merge the fields into it"),
                );
            }
            return Split {
                front_matter: Some(fm),
                diagnostics: diags,
            };
        }
        // Front matter not on line 1: leading blank lines (or stray text) before a `---` block.
        let first = lines.iter().position(|l| !l.trim().is_empty());
        if let Some(f) = first.filter(|&f| f > 0 && is_fence(lines[f]))
            && let Some(c) = close_after(f)
            && looks_like_fields(&lines[f + 1..c])
        {
            diags.push(
                        codes::FRONT_MATTER_NOT_FIRST.diag(Span::new(offsets[f], offsets[f] + 3), "front matter does not start on line 1".into())
                            .with_help("tools only read front matter that starts at the first byte; remove the lines before `---`"),
                    );
        }
        Split {
            front_matter: None,
            diagnostics: diags,
        }
    }

    proptest::proptest! {
        /// Splitting lines on demand finds what splitting every line found.
        #[test]
        fn lazy_split_agrees(lines in proptest::collection::vec(proptest::sample::select(vec![
            "---\n", "---", "--- \n", "a: b\n", "\n", "  \n", "x\n", "# c: d\n", " k: v\n", "-\n", "k:", "y",
        ]), 0..12)) {
            let text = lines.concat();
            let (a, b) = (split(&text), split_every_line(&text));
            proptest::prop_assert_eq!(format!("{:?}", a.front_matter), format!("{:?}", b.front_matter));
            proptest::prop_assert_eq!(format!("{:?}", a.diagnostics), format!("{:?}", b.diagnostics));
        }
    }

    fn p(text: &str, path: &str) -> Parsed {
        parse(SourceText::from_str(text), Some(path), None)
    }

    #[test]
    fn splits_front_matter_and_body() {
        let r = p(
            "---\nname: a\ndescription: b\n---\n# Body\n",
            ".claude/agents/a.md",
        );
        let d = &r.doc;
        assert_eq!(d.kind, Kind::ClaudeAgent);
        assert_eq!(d.body_text(), "# Body\n");
        assert_eq!(d.get("name").unwrap().as_str(), Some("a"));
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }

    #[test]
    fn reports_structural_problems() {
        let r = p("---\nname: a\n# Body\n", ".claude/agents/a.md");
        assert_eq!(r.diagnostics[0].rule, "unterminated-front-matter");
        let r = p("\n---\nname: a\n---\nx\n", ".claude/agents/a.md");
        assert_eq!(r.diagnostics[0].rule, "front-matter-not-first");
        let r = p(
            "---\nname: a\n---\n\n---\nglobs: x\n---\n",
            ".claude/agents/a.md",
        );
        assert_eq!(r.diagnostics[0].rule, "second-front-matter");
        let r = p(
            "---\nname: a\nmeta:\n\tx: 1\n---\n",
            ".github/agents/a.agent.md",
        );
        assert!(
            r.diagnostics.iter().any(|d| d.rule == "yaml-tab"),
            "{:?}",
            r.diagnostics
        );
    }

    #[test]
    fn lenient_dialects_warn_strict_errors() {
        let r = p(
            "---\ndescription: Use when: asked\n---\n",
            ".claude/agents/a.md",
        );
        assert_eq!(r.diagnostics[0].rule, "strict-yaml");
        assert_eq!(
            r.doc.get("description").unwrap().as_str(),
            Some("Use when: asked")
        );
        let r = p(
            "---\ndescription: Use when: asked\n---\n",
            ".github/agents/a.agent.md",
        );
        assert_eq!(r.diagnostics[0].rule, "yaml-syntax");
        // Bare globs are Cursor's documented form: no warning, raw text.
        let r = p(
            "---\nglobs: **/*.ts, src/*.{ts,tsx}\n---\n",
            ".cursor/rules/a.mdc",
        );
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
        assert_eq!(
            r.doc.get("globs").unwrap().as_str(),
            Some("**/*.ts, src/*.{ts,tsx}")
        );
        let r = p(
            "---\ndescription: a: b\nglobs: **/*.ts\n---\n",
            ".cursor/rules/a.mdc",
        );
        assert_eq!(r.diagnostics[0].rule, "strict-yaml");
    }

    #[test]
    fn infers_kind_when_path_is_silent() {
        let r = p("---\nglobs: src/**\nalwaysApply: false\n---\n", "x.txt");
        assert_eq!(r.doc.kind, Kind::CursorMdc);
        assert!(r.doc.inferred.is_some());
        assert!(r.diagnostics.iter().any(|d| d.rule == "kind-inferred"));
        let r = p("# Just text\n", "notes.txt");
        assert_eq!(r.doc.kind, Kind::AgentsMd);
    }

    #[test]
    fn toml_kinds_from_path_and_content() {
        let codex = "name = \"r\"\ndescription = \"d\"\ndeveloper_instructions = \"\"\"\nReview.\n\"\"\"\n\n[mcp_servers.docs]\ncommand = \"x\"\n";
        let p = parse(
            SourceText::from_str(codex),
            Some(".codex/agents/r.toml"),
            None,
        );
        assert_eq!(p.doc.kind, Kind::CodexAgent);
        assert!(p.doc.inferred.is_none());
        assert_eq!(p.doc.prompt_text(), "Review.\n");
        // Entries in source order, not key order.
        let keys: Vec<&str> = p.doc.entries().iter().map(|e| e.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "name",
                "description",
                "developer_instructions",
                "mcp_servers"
            ]
        );
        // Standard input: inferred from the keys.
        let p = parse(SourceText::from_str(codex), None, None);
        assert_eq!(p.doc.kind, Kind::CodexAgent);
        assert!(
            p.diagnostics
                .iter()
                .any(|d| d.message.contains("assumed kind `codex-agent`"))
        );
        let p = parse(SourceText::from_str("prompt = \"x\"\n"), None, None);
        assert_eq!(p.doc.kind, Kind::GeminiCommand);
    }
}
