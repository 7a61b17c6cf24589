//! `local-file-not-ignored` (AF129): Reports a `CLAUDE.local.md` that git does not ignore. Needs the caller's git callback; skipped without it and outside a git work tree.

declare_rule! {
    /// ## What it does
    /// Reports a `CLAUDE.local.md` that git does not ignore. Needs the caller's git callback; skipped without it and outside a git work tree.
    ///
    /// ## Why is this bad?
    /// `CLAUDE.local.md` holds one person's own instructions for a project, and Claude Code's
    /// documentation says to add it to `.gitignore` [CC-MEM]. If git does not ignore it, the
    /// next `git add .` commits it, and every teammate's Claude Code then loads it.
    ///
    /// ## Example
    /// ```text
    /// CLAUDE.local.md    (and no `CLAUDE.local.md` line in .gitignore)
    /// ```
    pub struct LocalFileNotIgnored {
        code: "AF129",
        name: "local-file-not-ignored",
        severity: Warning,
    }
}

use super::{Checker, Rule};
use crate::span::Span;
use crate::tools::Kind;

impl Rule for LocalFileNotIgnored {
    fn meta(&self) -> &'static super::RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Checker<'_>) {
        let (Some(ignored), Some(path)) = (cx.ctx.git_ignored, cx.doc.path.as_deref()) else {
            return;
        };
        let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
        if cx.doc.kind != Kind::ClaudeMd || file != "CLAUDE.local.md" {
            return;
        }
        if ignored(path) == Some(false) {
            cx.report(
                Self::META
                    .diag(
                        Span::empty(0),
                        "`CLAUDE.local.md` is not ignored by git, so these personal instructions can be committed"
                            .to_owned(),
                    )
                    .with_help("add `CLAUDE.local.md` to `.gitignore` [CC-MEM]"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::parse;
    use crate::rules::{Context, Rule};
    use crate::source::SourceText;

    fn run(path: &str, answer: Option<bool>) -> Vec<String> {
        let ignored = move |_: &str| answer;
        let ctx = Context {
            git_ignored: Some(&ignored),
            ..Context::default()
        };
        let doc = parse(
            SourceText::from_str("Use the staging database.\n"),
            Some(path),
            None,
        )
        .doc;
        let mut cx = crate::rules::Checker::new(&doc, &ctx);
        super::LocalFileNotIgnored.check(&mut cx);
        cx.into_diagnostics()
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn reports_only_a_local_file_git_would_track() {
        assert_eq!(run("CLAUDE.local.md", Some(false)).len(), 1);
        assert_eq!(run("pkg/CLAUDE.local.md", Some(false)).len(), 1);
        assert!(run("CLAUDE.local.md", Some(true)).is_empty());
        // Outside a git work tree there is nothing to commit it to.
        assert!(run("CLAUDE.local.md", None).is_empty());
        // `CLAUDE.md` is meant to be shared.
        assert!(run("CLAUDE.md", Some(false)).is_empty());
    }
}
