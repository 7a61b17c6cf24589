//! `check --fix` and `--diff`: apply the fixes of one file's diagnostics and write the result
//! atomically; `--statistics`; the fix counts of the summary.

use std::collections::BTreeMap;

use agentfmt::check::{self, FileReport, fix};
use agentfmt::config::Config;
use agentfmt::diagnostic::Diagnostic;
use agentfmt::document::Document;
use agentfmt::rules::Context;
use agentfmt::tools::Kind;

use crate::cli::walk::Input;
use crate::cli::write;

/// What `--fix`, `--unsafe-fixes` and `--diff` ask for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FixMode {
    /// Apply unsafe fixes too.
    pub unsafe_fixes: bool,
    /// Write the fixed files (`--fix`); `false` for `--diff`.
    pub write: bool,
}

/// What fixing one file did.
#[derive(Debug, Default)]
pub(crate) struct FileFix {
    /// Fixes applied (or, with `--diff`, that would be).
    pub applied: usize,
    /// The old and new text, for `--diff`.
    pub diff: Option<(String, String)>,
    /// Why the fixed file could not be written.
    pub write_error: Option<String>,
    /// For standard input with `--fix`: the fixed bytes (the input when nothing was fixed),
    /// printed to stdout as ruff and prettier do.
    pub stdout: Option<Vec<u8>>,
}

/// Checks and fixes one file's bytes; returns its report (of the fixed text), its document and
/// what was done. A file is written in place; standard input's fixed text is kept for stdout.
/// Files that were not valid UTF-8 are checked, never fixed: writing them back
/// would lose the bytes that were replaced.
pub(crate) fn check_and_fix(
    input: &Input,
    bytes: &[u8],
    logical: &str,
    forced: Option<Kind>,
    ctx: &Context<'_>,
    config: &Config,
    mode: FixMode,
) -> (FileReport, Option<Document>, FileFix) {
    let Ok((doc, parse_diags)) = check::load(bytes, logical, forced) else {
        let (report, doc) = check::check_bytes(bytes, logical, forced, ctx, config);
        return (report, doc, FileFix::default());
    };
    if doc.source.lossy {
        let report = FileReport {
            path: logical.to_owned(),
            source: Some(doc.source.clone()),
            kind: Some(doc.kind),
            diagnostics: check::validate(&doc, parse_diags, ctx, config),
        };
        return (report, Some(doc), FileFix::default());
    }
    let old = doc.text().to_owned();
    let fixed = fix::fix(doc, parse_diags, forced, ctx, config, mode.unsafe_fixes);
    let mut done = FileFix {
        applied: fixed.count(),
        ..FileFix::default()
    };
    if mode.write && matches!(input, Input::Stdin) {
        done.stdout = Some(if done.applied > 0 {
            fixed.doc.source.encode_like(fixed.doc.text())
        } else {
            bytes.to_vec()
        });
    } else if done.applied > 0 {
        let new_bytes = fixed.doc.source.encode_like(fixed.doc.text());
        if mode.write {
            if let Input::File { path, .. } = input
                && let Err(e) = write::atomic_write(path, &new_bytes)
            {
                done.write_error = Some(format!("cannot write: {e}"));
            }
        } else {
            done.diff = Some((old, fixed.doc.text().to_owned()));
        }
    }
    let report = FileReport {
        path: logical.to_owned(),
        source: Some(fixed.doc.source.clone()),
        kind: Some(fixed.doc.kind),
        diagnostics: fixed.diagnostics,
    };
    (report, Some(fixed.doc), done)
}

/// The counts `--statistics` prints: per rule code, the number of diagnostics, the rule name
/// and how many of them have a fix `unsafe_fixes` allows.
pub(crate) fn statistics(
    reports: &[FileReport],
    unsafe_fixes: bool,
) -> BTreeMap<&'static str, (usize, &'static str, usize)> {
    let mut by_code: BTreeMap<&'static str, (usize, &'static str, usize)> = BTreeMap::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        let e = by_code.entry(d.code).or_insert((0, d.rule, 0));
        e.0 += 1;
        e.2 += usize::from(fix::fixable(d, unsafe_fixes));
    }
    by_code
}

/// Writes `--statistics`: ruff's table (count, code, name, `[*]` when fixable), most frequent
/// first, or a JSON array with `json`.
pub(crate) fn write_statistics(
    out: &mut dyn std::io::Write,
    reports: &[FileReport],
    unsafe_fixes: bool,
    json: bool,
) -> std::io::Result<()> {
    let mut rows: Vec<_> = statistics(reports, unsafe_fixes).into_iter().collect();
    rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
    if json {
        let v: Vec<serde_json::Value> = rows
            .iter()
            .map(|(code, (n, name, fixable))| {
                serde_json::json!({"code": code, "name": name, "count": n, "fixable": fixable})
            })
            .collect();
        let text = serde_json::to_string_pretty(&v).map_err(std::io::Error::other)?;
        return writeln!(out, "{text}");
    }
    let width = rows.first().map_or(1, |r| r.1.0.to_string().len());
    for (code, (n, name, fixable)) in rows {
        let mark = if fixable == n { "[*] " } else { "    " };
        writeln!(out, "{n:>width$}\t{code}\t{mark}{name}")?;
    }
    Ok(())
}

/// The fixes that `--fix` would apply to `diags` (`safe`, `unsafe only`).
pub(crate) fn fixable_counts<'a>(diags: impl Iterator<Item = &'a Diagnostic>) -> (usize, usize) {
    let (mut safe, mut all) = (0, 0);
    for d in diags {
        safe += usize::from(fix::fixable(d, false));
        all += usize::from(fix::fixable(d, true));
    }
    (safe, all - safe)
}
