//! The invariants the fuzz targets (`fuzz/`) assert, shared with the stable regression test
//! (`tests/fuzz_regressions.rs`) so both run the same code.
//!
//! Each function takes arbitrary bytes and returns `Err` with a description when an invariant
//! does not hold; a panic inside the library is a failure too (the callers let it unwind).
//! Not part of the public API.

use crate::check;
use crate::config::Config;
use crate::convert::{self, ConvertOptions, Target};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{self, Document, Node, Value};
use crate::fmt::{self, FmtOptions, Rewrite};
use crate::repair;
use crate::rules::Context;
use crate::source::{self, Decoded, Encoding, SourceText};
use crate::span::Span;
use crate::tools::Kind;

/// The fuzz targets, by name (the `fuzz/fuzz_targets/<name>.rs` files and the
/// `tests/data/fuzz-regressions/<name>/` directories).
pub const TARGETS: &[&str] = &["decode_repair", "parse", "check", "fmt", "convert"];

/// Logical paths the targets read each input at: one per dialect family, plus a path that
/// says nothing (kind inferred from the content).
pub const PATHS: &[&str] = &[
    ".claude/agents/a.md",
    ".claude/commands/c.md",
    ".claude/skills/s/SKILL.md",
    "CLAUDE.md",
    ".cursor/rules/r.mdc",
    ".cursorrules",
    ".github/instructions/x.instructions.md",
    ".github/prompts/p.prompt.md",
    ".github/agents/a.agent.md",
    "AGENTS.md",
    ".gemini/commands/g.toml",
    ".gemini/agents/g.md",
    ".codex/agents/x.toml",
    ".opencode/agent/o.md",
    ".windsurf/rules/w.md",
    ".kiro/steering/k.md",
    "notes.txt",
];

/// The paths `convert` reads each input at (each one is converted to every target): fewer
/// than [`PATHS`], plus a nested `AGENTS.md` the others do not read.
const CONVERT_PATHS: &[&str] = &[
    ".claude/agents/a.md",
    ".claude/commands/c.md",
    ".cursor/rules/r.mdc",
    // Scoped instructions: `applyTo: "**"`, globs, a description alone or neither give four
    // activations.
    ".github/instructions/x.instructions.md",
    ".github/prompts/p.prompt.md",
    ".gemini/commands/g.toml",
    ".codex/agents/x.toml",
    // A nested instruction file: converts into its directory or to a rule scoped to it.
    "svc/api/AGENTS.md",
    "notes.txt",
];

/// The logical path target `name` reads an input of `len` bytes at (see [`run_one`]); `None`
/// for `decode_repair`, which reads no path, for the lengths at which `parse` forces a kind
/// instead, and for an unknown target name.
#[must_use]
pub fn path_at(name: &str, len: usize) -> Option<&'static str> {
    match name {
        "parse" => PATHS.get(len % (PATHS.len() + Kind::ALL.len())).copied(),
        "check" | "fmt" => Some(PATHS[len % PATHS.len()]),
        "convert" => Some(CONVERT_PATHS[len % CONVERT_PATHS.len()]),
        _ => None,
    }
}

/// `data` with LF bytes appended so that target `to` reads it at the logical path target
/// `from` read it at, for cross-pollination (`cargo xtask fuzz --cross-from`): each target
/// picks the path by the input's length, from its own list, so the same bytes otherwise land
/// at another path in the other target. `None` when `from` read `data` at no path or `to`
/// never reads that path. At most 128 bytes are added; trailing line breaks change no
/// front-matter value and no rendered HTML.
#[must_use]
pub fn carry_over(from: &str, to: &str, data: &[u8]) -> Option<Vec<u8>> {
    let path = path_at(from, data.len())?;
    pad_to(to, data, |p| p == path)
}

/// `data` with the fewest LF bytes appended (at most 128) that make target `to` read it at a
/// logical path for which `wanted` holds; `None` when no length within 128 bytes does. Trailing
/// line breaks change no front-matter value and no rendered HTML. `cargo xtask fuzz` uses it
/// to put each `corpus/` fixture at its target's path of the fixture's own kind.
#[must_use]
pub fn pad_to(to: &str, data: &[u8], wanted: impl Fn(&str) -> bool) -> Option<Vec<u8>> {
    let mut out = data.to_vec();
    for _ in 0..128 {
        if path_at(to, out.len()).is_some_and(&wanted) {
            return Some(out);
        }
        out.push(b'\n');
    }
    None
}

/// Runs the invariants of target `name` on `data` at one logical path (or forced kind) chosen by
/// the input's length: what the libFuzzer targets run. One path per input instead of all of
/// them makes each run 7 to 40 times cheaper, and the fuzzer reaches every path by changing
/// the length, which its mutations do all the time. `None` for an unknown target name.
#[must_use]
pub fn run_one(name: &str, data: &[u8]) -> Option<Result<(), String>> {
    let n = data.len();
    Some(match name {
        "decode_repair" => decode_repair(data),
        "parse" => decoded(data).map_or(Ok(()), |(src, _)| {
            let i = n % (PATHS.len() + Kind::ALL.len());
            match PATHS.get(i) {
                Some(path) => parse_at(&src, path),
                None => parse_as(&src, Kind::ALL[i - PATHS.len()]),
            }
        }),
        "check" => check_at(data, path_at(name, n)?),
        "fmt" => decoded(data).map_or(Ok(()), |(src, _)| {
            let path = path_at(name, n).unwrap_or(PATHS[0]);
            fmt_one(&src, path).map_err(|e| format!("{path}: {e}"))
        }),
        "convert" => convert_at(data, path_at(name, n)?),
        _ => return None,
    })
}

/// Runs the invariants of target `name` on `data` at every logical path (and, for `parse`, as
/// every kind): what the regression tests run. `None` for an unknown target name.
#[must_use]
pub fn run(name: &str, data: &[u8]) -> Option<Result<(), String>> {
    Some(match name {
        "decode_repair" => decode_repair(data),
        "parse" => parse(data),
        "check" => check(data),
        "fmt" => fmt(data),
        "convert" => convert(data),
        _ => return None,
    })
}

fn span_ok(text: &str, span: Span, what: &str) -> Result<(), String> {
    let (s, e) = (span.start as usize, span.end as usize);
    if s > e || e > text.len() {
        return Err(format!(
            "{what}: span {s}..{e} out of bounds (len {})",
            text.len()
        ));
    }
    if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return Err(format!("{what}: span {s}..{e} not on char boundaries"));
    }
    Ok(())
}

/// Every span of `diags` (primary, labels, fix edits) is in bounds of `text` and on char
/// boundaries, and fix edits are sorted and non-overlapping.
///
/// # Errors
/// The first span that is not.
pub fn diagnostics_ok(text: &str, diags: &[Diagnostic]) -> Result<(), String> {
    for d in diags {
        let what = format!("{} `{}`", d.rule, d.message);
        span_ok(text, d.span, &what)?;
        for l in &d.labels {
            span_ok(text, l.span, &format!("{what} label"))?;
        }
        if let Some(fix) = &d.fix {
            let mut end = 0;
            for e in &fix.edits {
                span_ok(text, e.span, &format!("{what} fix"))?;
                if (e.span.start as usize) < end {
                    return Err(format!("{what}: fix edits overlap or are unsorted"));
                }
                end = e.span.end as usize;
            }
        }
    }
    Ok(())
}

fn decoded(data: &[u8]) -> Option<(SourceText, Vec<Diagnostic>)> {
    match source::decode(data) {
        Decoded::Text(src, diags) => Some((src, diags)),
        Decoded::Binary { .. } => None,
    }
}

/// decode + repair: decode never loses valid UTF-8, its diagnostics point into the text; the
/// repair's fixes are sorted, in bounds, name the text they replace and rebuild its output,
/// and repairing the output again changes nothing.
///
/// # Errors
/// The first invariant that fails.
pub fn decode_repair(data: &[u8]) -> Result<(), String> {
    let (src, diags) = match source::decode(data) {
        Decoded::Binary { nul_offset } => {
            return if data.get(nul_offset) == Some(&0) {
                Ok(())
            } else {
                Err(format!("binary: no NUL at offset {nul_offset}"))
            };
        }
        Decoded::Text(src, diags) => (src, diags),
    };
    diagnostics_ok(&src.text, &diags)?;
    let bom = usize::from(src.encoding == Encoding::Utf8Bom) * 3;
    if matches!(src.encoding, Encoding::Utf8 | Encoding::Utf8Bom)
        && !src.lossy
        && src.text.as_bytes() != &data[bom..]
    {
        return Err("valid UTF-8 decoded to a different text".into());
    }
    let text = &src.text;
    let r = repair::repair(text);
    let mut rebuilt = String::with_capacity(text.len());
    let mut at = 0;
    for f in &r.fixes {
        span_ok(text, f.span, "repair fix")?;
        if (f.span.start as usize) < at {
            return Err("repair fixes overlap or are unsorted".into());
        }
        if text[f.span.range()] != f.original {
            return Err(format!(
                "repair fix original {:?} is not the text at {:?}",
                f.original, f.span
            ));
        }
        if !(0.0..=1.0).contains(&f.confidence) {
            return Err(format!("repair confidence {} out of range", f.confidence));
        }
        rebuilt.push_str(&text[at..f.span.start as usize]);
        rebuilt.push_str(&f.replacement);
        at = f.span.end as usize;
    }
    rebuilt.push_str(&text[at..]);
    if rebuilt != r.text {
        return Err("repair text is not the input with its fixes applied".into());
    }
    let again = repair::repair(&r.text);
    if !again.fixes.is_empty() {
        return Err(format!(
            "repair is not idempotent: the output is repaired again ({:?} -> {:?})",
            again.fixes[0].original, again.fixes[0].replacement
        ));
    }
    Ok(())
}

fn node_ok(text: &str, node: &Node) -> Result<(), String> {
    span_ok(text, node.span, "node")?;
    match &node.value {
        Value::Seq(items) => items.iter().try_for_each(|n| node_ok(text, n)),
        Value::Map(entries) => entries.iter().try_for_each(|e| {
            span_ok(text, e.key_span, "key")?;
            node_ok(text, &e.value)
        }),
        _ => Ok(()),
    }
}

fn document_ok(doc: &Document, diags: &[Diagnostic]) -> Result<(), String> {
    let text = doc.text();
    span_ok(text, doc.body, "body")?;
    if !doc.kind.is_toml() && doc.body.end as usize != text.len() {
        return Err("the body does not run to the end of the file".into());
    }
    if let Some(fm) = &doc.front_matter {
        span_ok(text, fm.span, "front matter")?;
        span_ok(text, fm.content, "front-matter content")?;
        if fm.content.start < fm.span.start || fm.content.end > fm.span.end {
            return Err("front-matter content outside the block".into());
        }
        if fm.span.end > doc.body.start {
            return Err("front matter overlaps the body".into());
        }
    }
    if let Some(root) = &doc.root {
        node_ok(text, root)?;
    }
    diagnostics_ok(text, diags)
}

/// parse at every path of [`PATHS`] and as every kind: spans of the body, the front matter,
/// every node and every diagnostic are in bounds and on char boundaries.
///
/// # Errors
/// The first invariant that fails, with the path or kind.
pub fn parse(data: &[u8]) -> Result<(), String> {
    let Some((src, _)) = decoded(data) else {
        return Ok(());
    };
    for path in PATHS {
        parse_at(&src, path)?;
    }
    for &kind in Kind::ALL {
        parse_as(&src, kind)?;
    }
    Ok(())
}

fn parse_at(src: &SourceText, path: &str) -> Result<(), String> {
    let p = document::parse(src.clone(), Some(path), None);
    document_ok(&p.doc, &p.diagnostics).map_err(|e| format!("{path}: {e}"))
}

fn parse_as(src: &SourceText, kind: Kind) -> Result<(), String> {
    let p = document::parse(src.clone(), None, Some(kind));
    if p.doc.kind != kind {
        return Err(format!("forced kind {kind} parsed as {}", p.doc.kind));
    }
    document_ok(&p.doc, &p.diagnostics).map_err(|e| format!("{kind}: {e}"))
}

/// check at every path of [`PATHS`]: every diagnostic span is in bounds of the decoded text and
/// on char boundaries.
///
/// # Errors
/// The first invariant that fails, with the path.
pub fn check(data: &[u8]) -> Result<(), String> {
    PATHS.iter().try_for_each(|path| check_at(data, path))
}

fn check_at(data: &[u8], path: &str) -> Result<(), String> {
    let (report, _) = check::check_bytes(data, path, None, &Context::default(), &Config::default());
    let text = report.source.as_ref().map_or("", |s| s.text.as_str());
    diagnostics_ok(text, &report.diagnostics).map_err(|e| format!("{path}: {e}"))?;
    let safe = report
        .diagnostics
        .iter()
        .any(|d| check::fix::fixable(d, false));
    let any = report
        .diagnostics
        .iter()
        .any(|d| check::fix::fixable(d, true));
    let modes: &[bool] = match (safe, any) {
        (_, false) => &[],
        (true, true) => &[false, true],
        (false, true) => &[true],
    };
    fix_at(data, path, modes).map_err(|e| format!("{path}: --fix: {e}"))
}

/// `check --fix` at `path`, once per entry of `modes` (`true`: with unsafe fixes): the remaining diagnostics point into the
/// fixed text, and fixing the fixed text again applies nothing (when the first run ended
/// before its round limit).
fn fix_at(data: &[u8], path: &str, modes: &[bool]) -> Result<(), String> {
    let ctx = Context::default();
    let config = Config::default();
    let Ok((doc, diags)) = check::load(data, path, None) else {
        return Ok(());
    };
    if doc.source.lossy {
        return Ok(());
    }
    for &unsafe_fixes in modes {
        let fixed = check::fix::fix(
            doc.clone(),
            diags.clone(),
            None,
            &ctx,
            &config,
            unsafe_fixes,
        );
        diagnostics_ok(fixed.doc.text(), &fixed.diagnostics)?;
        if fixed.count() == 0 || fixed.rounds >= check::fix::MAX_ROUNDS {
            continue;
        }
        let bytes = fixed.doc.source.encode_like(fixed.doc.text());
        let Ok((again, again_diags)) = check::load(&bytes, path, None) else {
            return Err("the fixed text does not load".into());
        };
        let second = check::fix::fix(again, again_diags, None, &ctx, &config, unsafe_fixes);
        if second.count() > 0 {
            return Err(format!(
                "a second run applied {:?} to the fixed text {:?}",
                second.applied,
                fixed.doc.text()
            ));
        }
    }
    Ok(())
}

/// fmt at every path of [`PATHS`]: idempotent, the body renders to the same HTML, the
/// front-matter values are the same (up to fmt's intended conversions), and the
/// `fmt-refused` spans point into the input.
///
/// # Errors
/// The first invariant that fails, with the path.
pub fn fmt(data: &[u8]) -> Result<(), String> {
    let Some((src, _)) = decoded(data) else {
        return Ok(());
    };
    for path in PATHS {
        fmt_one(&src, path).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(())
}

fn fmt_one(src: &SourceText, path: &str) -> Result<(), String> {
    let opts = FmtOptions::default();
    let doc = document::parse(src.clone(), Some(path), None).doc;
    let out = fmt::fmt(&doc, &opts);
    diagnostics_ok(doc.text(), &out.diagnostics)?;
    let new = document::parse(SourceText::from_str(&out.text), Some(path), Some(doc.kind)).doc;
    let twice = fmt::fmt(&new, &opts);
    if twice.text != out.text {
        return Err(format!(
            "fmt is not idempotent:\nonce:  {:?}\ntwice: {:?}",
            out.text, twice.text
        ));
    }
    // fmt runs passes until repair is done: each pass keeps what its input renders to and
    // its values (after repair), and the last one gives fmt's output.
    let mut before = doc;
    for _ in 0..8 {
        let pass = fmt::fmt_pass(&before, &opts);
        let after = document::parse(
            SourceText::from_str(&pass.text),
            Some(path),
            Some(before.kind),
        )
        .doc;
        pass_ok(&before, &pass, &after)?;
        if pass.text == out.text {
            return Ok(());
        }
        before = after;
    }
    Err(format!(
        "fmt passes never reach fmt's output {:?}",
        out.text
    ))
}

/// One [`fmt::fmt_pass`] from `before` to `after` (its output, parsed) keeps the rendered
/// HTML of the body and the front-matter values, both compared with the repaired input when
/// the pass repaired mojibake.
fn pass_ok(before: &Document, pass: &fmt::Formatted, after: &Document) -> Result<(), String> {
    if pass.text == before.text() {
        // Nothing changed (fmt may also have refused a file with lone CRs, whose body
        // `to_lf` would render differently).
        return Ok(());
    }
    let path = before.path.as_deref();
    // The pass's order: mojibake repair first, which changes the text on purpose (a markdown
    // file with its line endings read as LF, see `fmt::fmt`), so the comparison is with the
    // repaired input; then every U+FEFF at the start goes as a byte-order mark (a second one
    // after the BOM decoding removed, as in UTF-16 `FE FF FE FF`, or a repaired `ï»¿`). Any
    // reader of the UTF-8 output would strip those, so they are not content to compare, and
    // parsing strips only the first.
    let repaired = pass.rewrites.contains(&Rewrite::Mojibake).then(|| {
        if before.kind.is_toml() {
            repair::repair(before.text()).text
        } else {
            repair::repair(&fmt::to_lf(before.text())).text
        }
    });
    let text = repaired.as_deref().unwrap_or(before.text());
    let unmarked = if pass.rewrites.contains(&Rewrite::Bom) {
        text.trim_start_matches('\u{feff}')
    } else {
        text
    };
    let reparsed;
    let base = if repaired.is_some() || unmarked.len() != text.len() {
        reparsed = document::parse(SourceText::from_str(unmarked), path, Some(before.kind)).doc;
        &reparsed
    } else {
        before
    };
    if !before.kind.is_toml()
        && fmt::render_html(&fmt::to_lf(base.body_text())) != fmt::render_html(after.body_text())
    {
        return Err(format!(
            "fmt changed the rendered HTML of the body:\nbefore: {:?}\nafter:  {:?}",
            base.body_text(),
            after.body_text()
        ));
    }
    if fmt::corpus::compare(
        &fmt::corpus::values(base),
        &fmt::corpus::values(after),
        None,
    )
    .is_err()
    {
        return Err(format!(
            "fmt changed the front-matter values:\nbefore: {}\nafter:  {}",
            fmt::corpus::values(base),
            fmt::corpus::values(after)
        ));
    }
    Ok(())
}

/// convert at a few paths to every tool target: every output path is a safe relative path,
/// every output is detected as its kind at its path, and every output passes check with no
/// errors, except errors of rules the source itself fails (converting a file to its own kind
/// keeps its fields as they are, wrong values included, and a source without a required field
/// gives an output without it), or, for a source whose front matter is not strict YAML (read
/// leniently), of rules it reports at any severity.
///
/// # Errors
/// The first invariant that fails, with the path and target.
pub fn convert(data: &[u8]) -> Result<(), String> {
    CONVERT_PATHS
        .iter()
        .try_for_each(|path| convert_at(data, path))
}

fn convert_at(data: &[u8], path: &str) -> Result<(), String> {
    let opts = ConvertOptions::default();
    let config = Config::default();
    let ctx = Context::default();
    {
        let Ok((doc, diags)) = check::load(data, path, None) else {
            return Ok(());
        };
        let source = check::validate(&doc, diags, &ctx, &config);
        // A rule may soften on a value the lenient reader kept after a YAML error
        // (`unknown-tool` does not call a raw `tools` value unlaunchable, since it may split
        // unreliably); the output holds the same value as strict YAML, and the rule's full
        // severity then applies.
        let lenient = source.iter().any(|d| d.rule == "strict-yaml");
        let source_errors: Vec<&str> = source
            .iter()
            .filter(|d| d.severity == Severity::Error || lenient)
            .map(|d| d.rule)
            .collect();
        for target in Target::tools() {
            let Ok(c) = convert::convert(&doc, target, &opts) else {
                continue;
            };
            let at = |o: &convert::Output| format!("{path} -> {} ({})", o.path, target.as_str());
            for o in &c.outputs {
                if !convert::corpus::safe_path(&o.path) {
                    return Err(format!("{}: unsafe output path", at(o)));
                }
                if let Some(k) = crate::tools::detect(&o.path)
                    && k != o.kind
                {
                    return Err(format!("{}: detected as {k}, written as {}", at(o), o.kind));
                }
                let (report, _) =
                    check::check_bytes(o.text.as_bytes(), &o.path, Some(o.kind), &ctx, &config);
                // A body over the target's limit is kept whole and reported as a loss.
                let over_limit = c.over_limit();
                if let Some(d) = report.diagnostics.iter().find(|d| {
                    d.severity == Severity::Error
                        && !source_errors.contains(&d.rule)
                        && !(over_limit && d.rule == "too-long")
                }) {
                    return Err(format!(
                        "{}: output fails check: [{}] {}\n{:?}",
                        at(o),
                        d.rule,
                        d.message,
                        o.text
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carried_over_inputs_land_at_the_same_path() {
        let with_path = ["parse", "check", "fmt", "convert"];
        let mut carried = 0;
        for from in with_path {
            for to in with_path {
                for len in 0..200 {
                    let data = vec![b'a'; len];
                    let Some(path) = path_at(from, len) else {
                        assert_eq!(carry_over(from, to, &data), None);
                        continue;
                    };
                    match carry_over(from, to, &data) {
                        Some(out) => {
                            carried += 1;
                            assert_eq!(path_at(to, out.len()), Some(path));
                            assert_eq!(&out[..len], &data[..]);
                            assert!(out[len..].iter().all(|&b| b == b'\n'));
                            assert!(out.len() - len < 128);
                        }
                        // `convert` reads fewer paths than the others, and one of its own.
                        None => assert!(
                            (to == "convert" && !CONVERT_PATHS.contains(&path))
                                || (from == "convert" && !PATHS.contains(&path))
                        ),
                    }
                }
            }
        }
        assert!(carried > 2000, "{carried}");
        // To itself, an input stays as it is.
        assert_eq!(carry_over("fmt", "fmt", b"abc"), Some(b"abc".to_vec()));
        let padded = pad_to("check", b"abc", |p| p == "AGENTS.md").unwrap();
        assert_eq!(path_at("check", padded.len()), Some("AGENTS.md"));
        assert!(padded.starts_with(b"abc") && padded[3..].iter().all(|&b| b == b'\n'));
        assert_eq!(pad_to("check", b"abc", |p| p == "nowhere.md"), None);
        assert_eq!(path_at("decode_repair", 3), None);
    }
}
