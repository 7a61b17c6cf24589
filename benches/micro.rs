//! Micro-benchmarks of the library's stages on one file each (issue #6), to catch regressions:
//! decode, repair (clean fast path, clean non-ASCII text, damaged text), parse, validate
//! (schema and rules), fmt and convert. Inputs are the repository's own `corpus/` fixtures.
//!
//! `cargo bench --bench micro` (add `-- <filter>` for one group). Whole-run timings of the
//! binary come from `cargo xtask bench`.

use std::hint::black_box;

use agentfmt::check;
use agentfmt::config::Config;
use agentfmt::convert::{self, ConvertOptions, Target};
use agentfmt::document::{self, Document};
use agentfmt::fmt::{FmtOptions, fmt};
use agentfmt::repair::repair;
use agentfmt::rules::Context;
use agentfmt::source::{Decoded, SourceText, decode};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A Claude Code subagent as written (front matter, a list, a code span).
const AGENT: &str = include_str!("../corpus/examples/.claude/agents/code-reviewer.md");
const AGENT_PATH: &str = ".claude/agents/code-reviewer.md";
/// A Cursor rule with globs.
const RULE: &str = include_str!("../corpus/examples/.cursor/rules/react.mdc");
const RULE_PATH: &str = ".cursor/rules/react.mdc";
/// UTF-8 read as Windows-1252 and saved again.
const DAMAGED: &str = include_str!("../corpus/rules/mojibake/fail/AGENTS.md");

/// The agent with CRLF line endings, a BOM, trailing spaces and its keys out of order: every
/// rewrite of `fmt` has work to do.
fn messy_agent() -> String {
    let mut lines: Vec<&str> = AGENT.lines().collect();
    lines.swap(1, 3); // `tools` before `name`
    let text = lines
        .iter()
        .map(|l| format!("{l}  "))
        .collect::<Vec<_>>()
        .join("\r\n");
    format!("\u{feff}{text}\r\n\r\n\r\n")
}

/// Clean text that is not ASCII, so the repair cannot take its ASCII fast path.
fn clean_unicode() -> String {
    format!("{AGENT}\nCafé, naïve, Zürich — “quoted” → 日本語のテキスト 🚀 ┌─┐ └─┘\n")
}

fn doc(text: &str, path: &str) -> Document {
    document::parse(SourceText::from_str(text), Some(path), None).doc
}

fn bench(c: &mut Criterion) {
    let messy = messy_agent();
    let unicode = clean_unicode();

    let mut g = c.benchmark_group("decode");
    for (name, bytes) in [("agent", AGENT.as_bytes()), ("messy", messy.as_bytes())] {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(name, |b| b.iter(|| decode(black_box(bytes))));
    }
    g.finish();

    let mut g = c.benchmark_group("repair");
    for (name, text) in [
        ("clean_ascii", AGENT),
        ("clean_unicode", unicode.as_str()),
        ("damaged", DAMAGED),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| repair(black_box(text))));
    }
    g.finish();

    let mut g = c.benchmark_group("parse");
    for (name, text, path) in [("agent", AGENT, AGENT_PATH), ("rule", RULE, RULE_PATH)] {
        let src = SourceText::from_str(text);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| document::parse(black_box(src.clone()), Some(path), None))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("validate");
    let config = Config::default();
    let ctx = Context::default();
    for (name, text, path) in [("agent", AGENT, AGENT_PATH), ("rule", RULE, RULE_PATH)] {
        let d = doc(text, path);
        g.bench_function(name, |b| {
            b.iter(|| check::validate(black_box(&d), Vec::new(), &ctx, &config))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("fmt");
    let Decoded::Text(messy_src, _) = decode(messy.as_bytes()) else {
        unreachable!("the messy agent is text")
    };
    let messy_doc = document::parse(messy_src, Some(AGENT_PATH), None).doc;
    for (name, d) in [("formatted", doc(AGENT, AGENT_PATH)), ("messy", messy_doc)] {
        let opts = FmtOptions::default();
        g.bench_function(name, |b| b.iter(|| fmt(black_box(&d), &opts)));
    }
    g.finish();

    let mut g = c.benchmark_group("convert");
    let opts = ConvertOptions::default();
    for (name, text, path, target) in [
        (
            "agent_to_copilot",
            AGENT,
            AGENT_PATH,
            Target::Tool(agentfmt::tools::Tool::Copilot),
        ),
        (
            "rule_to_claude",
            RULE,
            RULE_PATH,
            Target::Tool(agentfmt::tools::Tool::Claude),
        ),
    ] {
        let d = doc(text, path);
        g.bench_function(name, |b| {
            b.iter(|| convert::convert(black_box(&d), target, &opts))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
