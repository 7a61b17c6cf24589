//! `import-chain` (AF127): Reports an `@path` import in a Claude Code memory file (`CLAUDE.md`, `.claude/rules/*.md`) that leads, through the files it imports, to an import cycle or past Claude Code's limit of 4 hops. Needs the caller's file-reading callback; skipped without it.

declare_rule! {
    /// ## What it does
    /// Reports an `@path` import in a Claude Code memory file (`CLAUDE.md`, `.claude/rules/*.md`) that leads, through the files it imports, to an import cycle or past Claude Code's limit of 4 hops. Needs the caller's file-reading callback; skipped without it.
    ///
    /// The imported files are read (relative paths only, resolved from each importing file's
    /// directory, as Claude Code does) and their own imports followed, outside code spans and
    /// fences. Imports that do not resolve are `unresolved-import`'s concern and are skipped
    /// here. One diagnostic per import of the checked file, naming the whole chain.
    ///
    /// ## Why is this bad?
    /// Claude Code follows imports recursively to a maximum depth of 4 hops (5 before 2026-04);
    /// files further down the chain are not loaded, and imports must not form a cycle [CC-MEM].
    ///
    /// ## Example
    /// ```text
    /// CLAUDE.md:       See @docs/style.md
    /// docs/style.md:   See @../CLAUDE.md
    /// ```
    pub struct ImportChain {
        code: "AF127",
        name: "import-chain",
        severity: Error,
    }
}

use std::collections::HashMap;

use super::unresolved_import::references;
use super::{Checker, Rule};
use crate::span::Span;
use crate::tools::Kind;

/// The deepest import Claude Code follows ([CC-MEM]).
pub const MAX_HOPS: usize = 4;

/// At most this many files are read per checked file, so a tree of many imports stays cheap.
const MAX_FILES: usize = 200;

/// Joins `target` onto directory `dir` and removes `.` and `..` segments lexically (`..` above
/// the start of a relative path is kept, so `../x` stays outside; an absolute path stays
/// absolute). `/` separators in and out.
#[must_use]
pub fn join(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let mut up = 0usize;
    for seg in dir.split('/').chain(target.split('/')) {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    up += 1;
                }
            }
            s => parts.push(s),
        }
    }
    let mut out = if dir.starts_with('/') || (dir.is_empty() && target.starts_with('/')) {
        "/".to_owned()
    } else {
        "../".repeat(up)
    };
    out.push_str(&parts.join("/"));
    out
}

fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

/// What a walk from one import found.
enum Found {
    /// The chain returns to a file already on it.
    Cycle(Vec<String>),
    /// The chain goes past [`MAX_HOPS`]; the last file is not loaded.
    TooDeep(Vec<String>),
}

struct Walk<'a> {
    read: &'a super::ReadFile<'a>,
    /// Imports of each file read so far (`None`: not readable).
    cache: HashMap<String, Option<Vec<String>>>,
    /// The smallest depth at which each file has been explored.
    seen: HashMap<String, usize>,
}

impl Walk<'_> {
    fn imports(&mut self, path: &str) -> Option<Vec<String>> {
        if let Some(c) = self.cache.get(path) {
            return c.clone();
        }
        if self.cache.len() >= MAX_FILES {
            return None;
        }
        let found = (self.read)(path).map(|text| {
            references(&text)
                .into_iter()
                .map(|r| &text[r])
                .filter(|t| !t.starts_with('/'))
                .map(|t| join(dir_of(path), t))
                .collect()
        });
        self.cache.insert(path.to_owned(), found.clone());
        found
    }

    /// Depth-first from the last file of `chain` (which is at `chain.len() - 1` hops).
    fn visit(&mut self, chain: &mut Vec<String>) -> Option<Found> {
        let hops = chain.len() - 1;
        let here = chain.last().expect("non-empty chain").clone();
        let imports = self.imports(&here)?;
        if hops > MAX_HOPS {
            return Some(Found::TooDeep(chain.clone()));
        }
        if self.seen.get(&here).is_some_and(|&d| d <= hops) {
            return None;
        }
        self.seen.insert(here, hops);
        for next in imports {
            if chain.contains(&next) {
                let mut c = chain.clone();
                c.push(next);
                return Some(Found::Cycle(c));
            }
            chain.push(next);
            let found = self.visit(chain);
            chain.pop();
            if found.is_some() {
                return found;
            }
        }
        None
    }
}

impl Rule for ImportChain {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let Some(read) = cx.ctx.read_file else {
            return;
        };
        let doc = cx.doc;
        if !matches!(doc.kind, Kind::ClaudeMd | Kind::ClaudeRule) {
            return;
        }
        let Some(path) = doc.path.as_deref() else {
            return;
        };
        let root = join("", &path.replace('\\', "/"));
        let dir = dir_of(&root).to_owned();
        let body = doc.body_text();
        let base = doc.body.start as usize;
        let mut walk = Walk {
            read,
            cache: HashMap::new(),
            seen: HashMap::new(),
        };
        walk.seen.insert(root.clone(), 0);
        for r in references(body) {
            let target = &body[r.clone()];
            if target.starts_with('/') {
                continue;
            }
            let first = join(&dir, target);
            let mut chain = vec![root.clone(), first.clone()];
            let found = if first == root {
                Some(Found::Cycle(chain.clone()))
            } else {
                walk.visit(&mut chain)
            };
            let span = Span::new(base + r.start, base + r.end);
            let show = |c: &[String]| {
                c.iter()
                    .map(|p| format!("`{p}`"))
                    .collect::<Vec<_>>()
                    .join(" → ")
            };
            match found {
                Some(Found::Cycle(c)) => cx.report(
                    Self::META
                        .diag(span, format!("`@{target}` leads to an import cycle: {}", show(&c)))
                        .with_help("remove the import that points back to a file already on the chain [CC-MEM]"),
                ),
                Some(Found::TooDeep(c)) => cx.report(
                    Self::META
                        .diag(
                            span,
                            format!(
                                "`@{target}` leads to an import chain of {} hops: {}",
                                c.len() - 1,
                                show(&c)
                            ),
                        )
                        .with_help(format!(
                            "Claude Code follows imports at most {MAX_HOPS} hops deep, so `{}` is not loaded; import it from a file nearer the top [CC-MEM]",
                            c.last().map_or("", String::as_str)
                        )),
                ),
                None => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::join;
    use crate::document::parse;
    use crate::rules::{Context, Rule};
    use crate::source::SourceText;

    fn run(files: &[(&str, &str)], root: &str) -> Vec<String> {
        let read = |p: &str| {
            files
                .iter()
                .find(|(f, _)| *f == p)
                .map(|(_, t)| (*t).to_owned())
        };
        let ctx = Context {
            read_file: Some(&read),
            ..Context::default()
        };
        let text = files.iter().find(|(f, _)| *f == root).expect("root").1;
        let doc = parse(SourceText::from_str(text), Some(root), None).doc;
        let mut cx = crate::rules::Checker::new(&doc, &ctx);
        super::ImportChain.check(&mut cx);
        cx.into_diagnostics()
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn joins_lexically() {
        assert_eq!(join("a/b", "../c.md"), "a/c.md");
        assert_eq!(join("", "./x/./y.md"), "x/y.md");
        assert_eq!(join("a", "../../x.md"), "../x.md");
        assert_eq!(join("/r/a", "../x.md"), "/r/x.md");
        assert_eq!(join("", "/r/CLAUDE.md"), "/r/CLAUDE.md");
    }

    #[test]
    fn finds_cycles_and_deep_chains() {
        let cycle = [
            ("CLAUDE.md", "See @docs/a.md\n"),
            ("docs/a.md", "Back to @../CLAUDE.md\n"),
        ];
        let d = run(&cycle, "CLAUDE.md");
        assert_eq!(d.len(), 1);
        assert!(
            d[0].contains("`CLAUDE.md` → `docs/a.md` → `CLAUDE.md`"),
            "{d:?}"
        );

        let deep = [
            ("CLAUDE.md", "@a.md\n"),
            ("a.md", "@b.md\n"),
            ("b.md", "@c.md\n"),
            ("c.md", "@d.md\n"),
            ("d.md", "@e.md\n"),
            ("e.md", "end\n"),
        ];
        let d = run(&deep, "CLAUDE.md");
        assert_eq!(d.len(), 1);
        assert!(d[0].contains("chain of 5 hops"), "{d:?}");
        // Four hops are fine.
        let d = run(&deep[..5], "CLAUDE.md");
        assert!(d.is_empty(), "{d:?}");

        // A diamond is not a cycle; missing files are skipped.
        let diamond = [
            ("CLAUDE.md", "@a.md @b.md @missing.md\n"),
            ("a.md", "@c.md\n"),
            ("b.md", "@c.md\n"),
            ("c.md", "`@CLAUDE.md` in code is not an import\n"),
        ];
        assert!(run(&diamond, "CLAUDE.md").is_empty());
    }
}
