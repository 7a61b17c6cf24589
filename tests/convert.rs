//! `agentfmt convert`: fixture snapshots, safety, the corpus run and round-trip properties.

use agentfmt::convert::emit::{self as yemit, Y};
use agentfmt::convert::model::{Activation, Piece};
use agentfmt::convert::{self, ConvertOptions, Converted, LossKind, Target, corpus};
use agentfmt::document::{self, Document};
use agentfmt::source::SourceText;
use agentfmt::tools::{Kind, Tool};
use proptest::prelude::*;

fn parse(text: &str, path: &str, kind: Option<Kind>) -> Document {
    document::parse(SourceText::from_str(text), Some(path), kind).doc
}

/// Converts every file of `../shared/corpus` to every target; prints the counts.
#[test]
#[expect(
    clippy::print_stderr,
    reason = "the corpus counts are this test's report"
)]
fn corpus_converts_cleanly() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(manifest) = std::fs::read_to_string(root.join("MANIFEST.jsonl")) else {
        return; // the shared corpus is not available here
    };
    let mut files = Vec::new();
    for line in manifest.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let bytes = std::fs::read(root.join(v["path"].as_str().unwrap())).unwrap();
        let kind: Option<Kind> = v["kind"].as_str().and_then(|k| k.parse().ok());
        files.push((v["source_path"].as_str().unwrap().to_owned(), bytes, kind));
    }
    let refs: Vec<(&str, &[u8], Option<Kind>)> = files
        .iter()
        .map(|(p, b, k)| (p.as_str(), b.as_slice(), *k))
        .collect();
    let st = corpus::check_corpus_with_kinds(&refs, &ConvertOptions::default());
    eprintln!(
        "files {} binary {} conversions {} unsupported {} outputs {} losses {} panics {} syntax {} kind {} unreported {}",
        st.files,
        st.binary,
        st.conversions,
        st.unsupported,
        st.outputs,
        st.losses,
        st.panics.len(),
        st.syntax_errors.len(),
        st.kind_mismatches.len(),
        st.unreported.len()
    );
    eprintln!("by kind {:?}", st.by_kind);
    eprintln!("stable {} unstable {}", st.stable, st.unstable.len());
    for x in st.unstable.iter().take(if std::env::var("AF_ALL").is_ok() {
        usize::MAX
    } else {
        10
    }) {
        eprintln!("  unstable {x}");
    }
    for x in st
        .panics
        .iter()
        .chain(&st.syntax_errors)
        .chain(&st.kind_mismatches)
        .chain(&st.unreported)
        .take(if std::env::var("AF_ALL").is_ok() {
            usize::MAX
        } else {
            40
        })
    {
        eprintln!("  {x}");
    }
    assert!(st.ok());
}

/// Debug helper: `AF_FILE=corpus/path AF_KIND=kind AF_TO=target cargo test debug_one -- --ignored --nocapture`.
#[test]
#[ignore = "debug helper"]
#[expect(
    clippy::print_stderr,
    reason = "a debug helper that shows the conversion"
)]
fn debug_one() {
    let file = std::env::var("AF_FILE").unwrap();
    let kind: Option<Kind> = std::env::var("AF_KIND").ok().and_then(|k| k.parse().ok());
    let path = std::env::var("AF_PATH").unwrap_or_else(|_| file.clone());
    let text = std::fs::read_to_string(&file).unwrap();
    let d = parse(&text, &path, kind);
    for t in std::env::var("AF_TO").unwrap().split(',') {
        let c = convert::convert(&d, t.parse().unwrap(), &ConvertOptions::default());
        eprintln!("==== {t}: {c:#?}");
        if let Ok(c) = c {
            for o in &c.outputs {
                eprintln!("---- {}\n{}", o.path, o.text);
            }
        }
    }
}

fn fixtures_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/convert")
}

/// The fixtures under `corpus/convert/<logical path>`, with their logical paths.
fn fixtures() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, root: &std::path::Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, root, out);
            } else {
                let rel = p
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(&fixtures_root(), &fixtures_root(), &mut out);
    out
}

/// The output files and the loss report, as the snapshots show them.
fn render(c: &Converted) -> String {
    let mut s = String::new();
    for o in &c.outputs {
        s.push_str(&format!("=== {} ({})\n{}", o.path, o.kind, o.text));
    }
    s.push_str("=== losses\n");
    for l in &c.losses {
        let what = match &l.what {
            LossKind::Dropped => "dropped",
            LossKind::Approximated(_) => "approximated",
            LossKind::Synthesised(_) => "synthesised",
            LossKind::OverLimit(_) => "over limit",
        };
        s.push_str(&format!("- {} [{what}]: {}\n", l.field, l.message));
    }
    s.push_str(&format!(
        "=== kept: {}\n=== translated: {}\n=== dropped: {}\n",
        c.kept.join(", "),
        c.translated.join(", "),
        c.dropped.join(", ")
    ));
    s
}

/// The tools whose every pair is snapshotted both ways.
const FULL_MATRIX: &[Tool] = &[
    Tool::Claude,
    Tool::Cursor,
    Tool::Copilot,
    Tool::AgentsMd,
    Tool::Gemini,
    Tool::Opencode,
    Tool::Windsurf,
    Tool::Kiro,
    Tool::Codex,
    Tool::Devin,
    Tool::Antigravity,
];

/// The tools every other tool is snapshotted from and to.
const PIVOTS: &[Tool] = &[Tool::Claude, Tool::Cursor, Tool::Copilot, Tool::AgentsMd];

/// Whether the conversion of a `from` fixture for `to` has a snapshot: every pair within
/// [`FULL_MATRIX`], and for the other tools their conversions from and to the [`PIVOTS`]
/// and within the tool.
fn snapshotted(from: Tool, to: Tool) -> bool {
    (FULL_MATRIX.contains(&from) && FULL_MATRIX.contains(&to))
        || PIVOTS.contains(&from)
        || PIVOTS.contains(&to)
        || from == to
}

/// Every kind has a fixture.
#[test]
fn every_kind_has_a_fixture() {
    let kinds: Vec<Kind> = fixtures()
        .iter()
        .map(|(path, text)| parse(text, path, None).kind)
        .collect();
    let missing: Vec<&str> = Kind::ALL
        .iter()
        .filter(|k| !kinds.contains(k))
        .map(|k| k.as_str())
        .collect();
    assert!(missing.is_empty(), "kinds without a fixture: {missing:?}");
}

/// One snapshot per (source kind, target) pair on the fixtures ([`snapshotted`]).
#[test]
fn fixture_snapshots() {
    let opts = ConvertOptions::default();
    let mut unsupported = String::new();
    let mut seen = Vec::new();
    for (path, text) in fixtures() {
        let doc = parse(&text, &path, None);
        // The first fixture of a kind is `<kind>`, later ones `<kind>-<file stem>`.
        let stem = convert::read::name_from_path(&path, doc.kind).unwrap_or_default();
        let label = if seen.contains(&doc.kind) {
            format!("{}-{stem}", doc.kind)
        } else {
            doc.kind.to_string()
        };
        seen.push(doc.kind);
        for t in Target::tools() {
            if !snapshotted(doc.kind.tool(), t.tool()) {
                continue;
            }
            let name = format!("{label}__to_{}", t.as_str());
            match convert::convert(&doc, t, &opts) {
                Ok(c) => insta::assert_snapshot!(name, render(&c)),
                Err(e) => unsupported.push_str(&format!("{path} -> {}: {e}\n", t.as_str())),
            }
        }
    }
    insta::assert_snapshot!("unsupported_pairs", unsupported);
}

/// The fixtures pass the same mechanical checks as the shared corpus.
#[test]
fn fixtures_pass_corpus_checks() {
    let fx = fixtures();
    let refs: Vec<(&str, &[u8])> = fx.iter().map(|(p, t)| (p.as_str(), t.as_bytes())).collect();
    let st = corpus::check_corpus(&refs, &ConvertOptions::default());
    assert!(st.ok(), "{st:#?}");
    assert_eq!(st.files, 64);
}

/// `name: ../../outside` never escapes the output directory.
#[test]
fn names_cannot_escape() {
    for name in [
        "../../outside",
        "/etc/passwd",
        "..",
        ".hidden",
        "a\\b",
        "C:\\x",
        "  ",
        "ünï cödé",
    ] {
        let text = yemit::front_matter(&[
            ("name".into(), Y::s(name)),
            ("description".into(), Y::s("d")),
        ]) + "body\n";
        for kind_path in [
            ".claude/agents/x.md",
            ".github/agents/x.agent.md",
            ".claude/skills/x/SKILL.md",
            ".github/prompts/x.prompt.md",
        ] {
            let doc = parse(&text, kind_path, None);
            for t in Target::tools() {
                if let Ok(c) = convert::convert(&doc, t, &ConvertOptions::default()) {
                    for o in &c.outputs {
                        assert!(corpus::safe_path(&o.path), "{name:?} -> {}", o.path);
                        assert!(
                            !o.path.contains("etc/passwd") && !o.path.starts_with("outside"),
                            "{}",
                            o.path
                        );
                    }
                }
            }
        }
    }
    assert_eq!(convert::slug("../../outside"), "outside");
}

/// The seed from issue 5: a Claude agent converted to a Cursor agent.
#[test]
fn seed_backend_specialist_to_cursor() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds/001_c8c3b301576bc3ca.txt");
    let Ok(bytes) = std::fs::read(&path) else {
        return;
    };
    let text = String::from_utf8_lossy(&bytes);
    let doc = parse(&text, "001_c8c3b301576bc3ca.txt", Some(Kind::ClaudeAgent));
    let c = convert::convert(&doc, Target::Tool(Tool::Cursor), &ConvertOptions::default()).unwrap();
    let out = &c.outputs[0];
    assert_eq!(out.path, ".cursor/agents/backend-specialist.md");
    assert_eq!(out.kind, Kind::CursorAgent);
    let re = parse(&out.text, &out.path, None);
    assert_eq!(
        re.get("name").and_then(|n| n.as_str()),
        Some("backend-specialist")
    );
    assert!(
        re.get("description")
            .and_then(|n| n.as_str())
            .is_some_and(|d| d.starts_with("Expert backend architect"))
    );
    assert_eq!(re.get("model").and_then(|n| n.as_str()), Some("inherit"));
    // `tools` lists Edit and Write, so the agent is not read-only (the default).
    assert!(re.get("readonly").is_none());
    let tools = c.losses.iter().find(|l| l.field == "tools").unwrap();
    assert!(
        tools
            .message
            .contains("not read-only because of `Edit, Write`"),
        "{}",
        tools.message
    );
    assert!(
        c.losses
            .iter()
            .any(|l| l.field == "skills" && l.what == LossKind::Dropped)
    );
    assert_eq!(c.kept, ["name", "description", "model", "body"]);
    // No snapshot: the seed is someone else's text and stays out of the repository.
}

/// Several rules merge into one AGENTS.md with their activation in words; into CLAUDE.md too.
#[test]
fn many_rules_merge_into_agents_md() {
    let fx = fixtures();
    let docs: Vec<Document> = fx
        .iter()
        .filter(|(p, _)| {
            p.ends_with(".mdc")
                || p.contains(".github/instructions")
                || p.contains("windsurf")
                || p.contains(".kiro/steering")
                || p == "AGENTS.md"
        })
        .map(|(p, t)| parse(t, p, None))
        .collect();
    let refs: Vec<&Document> = docs.iter().collect();
    let c = convert::convert_many(
        &refs,
        Target::Tool(Tool::AgentsMd),
        &ConvertOptions::default(),
    );
    // Every rule merges into the root file except the one for a directory (`app/[[]slug]/**`),
    // which is written as that directory's own file.
    let paths: Vec<&str> = c.outputs.iter().map(|o| o.path.as_str()).collect();
    assert_eq!(paths, ["AGENTS.md", "app/[slug]/AGENTS.md"]);
    insta::assert_snapshot!("many_to_agents_md", render(&c));
    let c = convert::convert_many(
        &refs,
        Target::Tool(Tool::Claude),
        &ConvertOptions::default(),
    );
    assert_eq!(c.outputs[0].path, "CLAUDE.md");
}

/// Model overrides from agentfmt.toml win; unmappable models are dropped, never passed through.
#[test]
fn model_overrides_and_unmappable_models() {
    let text = "---\nname: a\ndescription: b\nmodel: opus\n---\nx\n";
    let doc = parse(text, ".claude/agents/a.md", None);
    let c = convert::convert(
        &doc,
        Target::Tool(Tool::Copilot),
        &ConvertOptions::default(),
    )
    .unwrap();
    assert!(!c.outputs[0].text.contains("opus"), "{}", c.outputs[0].text);
    assert!(c.dropped.contains(&"model".to_owned()));
    let mut opts = ConvertOptions::default();
    opts.models
        .entry("copilot".into())
        .or_default()
        .insert("opus".into(), "Claude Opus 4.5 (copilot)".into());
    let c = convert::convert(&doc, Target::Tool(Tool::Copilot), &opts).unwrap();
    assert!(
        c.outputs[0]
            .text
            .contains("model: Claude Opus 4.5 (copilot)"),
        "{}",
        c.outputs[0].text
    );
}

/// OpenCode enables every tool the `tools` map does not turn off: `true` entries restrict the
/// agent only when the map turns off the rest (formats.md §6.3 [OC-AGENTS]).
#[test]
fn opencode_tools_and_permissions_to_claude() {
    let to_claude = |text: &str| {
        let doc = parse(text, ".opencode/agent/a.md", None);
        let c =
            convert::convert(&doc, Target::Tool(Tool::Claude), &ConvertOptions::default()).unwrap();
        c.outputs[0].text.clone()
    };
    let fm = |s: &str| format!("---\ndescription: d\n{s}---\nBody.\n");
    // Only `bash` is off: every other tool stays available.
    let out = to_claude(&fm("tools:\n  write: true\n  bash: false\n"));
    assert!(out.contains("disallowedTools: Bash\n"), "{out}");
    assert!(!out.contains("\ntools:"), "{out}");
    // `*: false` turns the rest off: `write` is then the whole list.
    let out = to_claude(&fm("tools:\n  \"*\": false\n  write: true\n"));
    assert!(out.contains("\ntools: Write\n"), "{out}");
    assert!(!out.contains("disallowedTools"), "{out}");
}

fn claude_tools() -> impl Strategy<Value = Vec<&'static str>> {
    proptest::sample::subsequence(
        vec![
            "Read",
            "Write",
            "Edit",
            "Grep",
            "Glob",
            "Bash",
            "WebFetch",
            "WebSearch",
            "TodoWrite",
            "Agent",
            "mcp__github__get_issue",
            "mcp__db",
        ],
        0..6,
    )
}

fn text_line() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 .,:;'\"#!?()*&%@-]{1,40}|[äöüé€ ]{1,5}".prop_map(|s| s)
}

/// A Claude subagent `.claude/agents/<name>.md` with these fields and body lines.
fn claude_agent(name: &str, description: &str, body: &[String], tools: &[&str]) -> Document {
    let mut fm = vec![
        ("name".to_owned(), Y::s(name)),
        ("description".to_owned(), Y::s(description)),
    ];
    if !tools.is_empty() {
        fm.push(("tools".to_owned(), Y::s(tools.join(", "))));
    }
    let text = yemit::front_matter(&fm) + &format!("\n{}\n", body.join("\n"));
    parse(&text, &format!(".claude/agents/{name}.md"), None)
}

fn claude_names_of(doc: &Document) -> Vec<String> {
    doc.get("tools")
        .and_then(|t| t.as_str())
        .map(|s| s.split(", ").map(str::to_owned).collect())
        .unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// claude-agent → copilot-agent → claude-agent keeps name, description, body and the
    /// mappable tools.
    #[test]
    fn claude_agent_copilot_round_trip(
        name in "[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,8}){0,2}",
        description in text_line(),
        body in proptest::collection::vec(text_line(), 0..5),
        tools in claude_tools(),
    ) {
        let description = description.trim().to_owned();
        prop_assume!(!description.is_empty());
        let src = claude_agent(&name, &description, &body, &tools);
        let mid = convert::convert(&src, Target::Tool(Tool::Copilot), &ConvertOptions::default()).unwrap();
        let o = &mid.outputs[0];
        let mid_doc = parse(&o.text, &o.path, None);
        let back = convert::convert(&mid_doc, Target::Tool(Tool::Claude), &ConvertOptions::default()).unwrap();
        let b = &back.outputs[0];
        prop_assert_eq!(&b.path, &format!(".claude/agents/{name}.md"));
        let end = parse(&b.text, &b.path, None);
        prop_assert_eq!(end.get("name").and_then(|n| n.as_str()), Some(name.as_str()));
        prop_assert_eq!(end.get("description").and_then(|n| n.as_str()), Some(description.as_str()));
        prop_assert_eq!(end.body_text().trim_end(), src.body_text().trim_end());
        let got = claude_names_of(&end);
        for t in &tools {
            prop_assert!(got.iter().any(|g| g == t), "{} missing from {:?}", t, got);
        }
    }

    /// cursor-mdc → copilot-scoped-instructions → cursor-mdc keeps globs and activation.
    #[test]
    fn cursor_copilot_round_trip(
        mode in 0u8..4,
        globs in proptest::collection::vec(proptest::sample::select(vec!["**/*.ts", "src/**/*.{ts,tsx}", "docs/**/*.md", "*.py", "lib/{a,b}/**", "tailwind.config.*"]), 1..4),
        description in text_line(),
    ) {
        let description = description.trim().to_owned();
        prop_assume!(!description.is_empty());
        let mut fm: Vec<(String, Y)> = Vec::new();
        match mode {
            0 => fm.push(("alwaysApply".into(), Y::Bool(true))),
            1 => {
                fm.push(("description".into(), Y::s(description.clone())));
                fm.push(("globs".into(), Y::Raw(globs.join(","))));
                fm.push(("alwaysApply".into(), Y::Bool(false)));
            }
            2 => {
                fm.push(("description".into(), Y::s(description.clone())));
                fm.push(("alwaysApply".into(), Y::Bool(false)));
            }
            _ => fm.push(("alwaysApply".into(), Y::Bool(false))),
        }
        let text = yemit::front_matter(&fm) + "\nRule text.\n";
        let src = parse(&text, ".cursor/rules/r.mdc", None);
        let (m0, _) = convert::to_model(&src);
        let mid = convert::convert(&src, Target::Tool(Tool::Copilot), &ConvertOptions::default()).unwrap();
        let o = &mid.outputs[0];
        prop_assert_eq!(o.kind, Kind::CopilotScopedInstructions);
        let mid_doc = parse(&o.text, &o.path, None);
        let back = convert::convert(&mid_doc, Target::Tool(Tool::Cursor), &ConvertOptions::default()).unwrap();
        let b = &back.outputs[0];
        let end = parse(&b.text, &b.path, None);
        let (m1, _) = convert::to_model(&end);
        prop_assert_eq!(&m1.activation, &m0.activation);
        if let Activation::Globs(g) = &m1.activation {
            let want: Vec<String> = globs.iter().map(|s| (*s).to_owned()).collect();
            prop_assert_eq!(g, &want);
        }
    }

    /// claude-command → copilot-prompt → claude-command keeps description, argument hint and
    /// placeholders.
    #[test]
    fn claude_command_copilot_round_trip(
        description in text_line(),
        hint in "\\[[a-z-]{1,10}\\]( \\[[a-z-]{1,10}\\])?",
        parts in proptest::collection::vec(proptest::sample::select(vec!["$ARGUMENTS", "$0", "$1", "$2", "@docs/guide.md", "@src/lib.rs", "plain words", "more text."]), 1..6),
    ) {
        let description = description.trim().to_owned();
        prop_assume!(!description.is_empty());
        let fm = vec![("description".to_owned(), Y::s(description.clone())), ("argument-hint".to_owned(), Y::s(hint.clone()))];
        let text = yemit::front_matter(&fm) + "\nDo this: " + &parts.join(" ") + "\n";
        let src = parse(&text, ".claude/commands/c.md", None);
        let mid = convert::convert(&src, Target::Tool(Tool::Copilot), &ConvertOptions::default()).unwrap();
        let o = &mid.outputs[0];
        prop_assert_eq!(o.kind, Kind::CopilotPrompt);
        let mid_doc = parse(&o.text, &o.path, None);
        let back = convert::convert(&mid_doc, Target::Tool(Tool::Claude), &ConvertOptions::default()).unwrap();
        let b = &back.outputs[0];
        prop_assert_eq!(&b.path, ".claude/commands/c.md");
        let end = parse(&b.text, &b.path, None);
        prop_assert_eq!(end.get("description").and_then(|n| n.as_str()), Some(description.as_str()));
        prop_assert_eq!(end.get("argument-hint").and_then(|n| n.as_str()), Some(hint.as_str()));
        let holders = |d: &Document| -> Vec<Piece> {
            convert::to_model(d).0.body.into_iter().filter(|p| !matches!(p, Piece::Text(_))).collect()
        };
        let a: Vec<String> = holders(&src).iter().map(|p| format!("{p:?}").replace("Claude(", "Index(")).collect();
        let z: Vec<String> = holders(&end).iter().map(|p| format!("{p:?}").replace("Claude(", "Index(")).collect();
        prop_assert_eq!(a, z);
        prop_assert_eq!(end.body_text().trim_end(), src.body_text().trim_end());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    /// claude-agent → gemini-agent / codex-agent → claude-agent keeps name, description and
    /// body; through Gemini CLI it also keeps every tool Gemini names (all but `Agent`:
    /// Gemini subagents cannot call subagents, formats.md §6.1).
    #[test]
    fn claude_agent_gemini_codex_round_trip(
        name in "[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,8}){0,2}",
        description in text_line(),
        body in proptest::collection::vec(text_line(), 1..5),
        tools in claude_tools(),
    ) {
        let description = description.trim().to_owned();
        prop_assume!(!description.is_empty());
        let src = claude_agent(&name, &description, &body, &tools);
        for (target, kind) in [(Target::Tool(Tool::Gemini), Kind::GeminiAgent), (Target::Tool(Tool::Codex), Kind::CodexAgent)] {
            let mid = convert::convert(&src, target, &ConvertOptions::default()).unwrap();
            let o = &mid.outputs[0];
            prop_assert_eq!(o.kind, kind);
            let mid_doc = parse(&o.text, &o.path, None);
            prop_assert_eq!(mid_doc.kind, kind);
            let errors: Vec<_> = agentfmt::schema::validate(&mid_doc)
                .into_iter()
                .filter(|d| d.severity == agentfmt::diagnostic::Severity::Error)
                .collect();
            prop_assert!(errors.is_empty(), "{}\n{:?}", o.text, errors);
            let back = convert::convert(&mid_doc, Target::Tool(Tool::Claude), &ConvertOptions::default()).unwrap();
            let b = &back.outputs[0];
            prop_assert_eq!(&b.path, &format!(".claude/agents/{name}.md"));
            let end = parse(&b.text, &b.path, None);
            prop_assert_eq!(end.get("name").and_then(|n| n.as_str()), Some(name.as_str()));
            prop_assert_eq!(end.get("description").and_then(|n| n.as_str()), Some(description.as_str()));
            prop_assert_eq!(end.body_text().trim_end(), src.body_text().trim_end());
            if target == Target::Tool(Tool::Gemini) {
                let got = claude_names_of(&end);
                for t in tools.iter().filter(|t| **t != "Agent") {
                    prop_assert!(got.iter().any(|g| g == t), "{} missing from {:?}\n{}", t, got, o.text);
                }
            }
        }
    }
}

/// Claude Code reserves the skill folder `synced` [CC-SKILLS]: a skill of that name is written
/// to Claude as `synced-skill` (folder and `name`, which must match), and the rename is reported.
#[test]
fn reserved_skill_folder_is_renamed_for_claude() {
    let text = "---\nname: synced\ndescription: Syncs the fork.\n---\nRun `git fetch upstream`.\n";
    let doc = parse(text, ".cursor/skills/synced/SKILL.md", None);
    let c = convert::convert(&doc, Target::Tool(Tool::Claude), &ConvertOptions::default()).unwrap();
    let o = &c.outputs[0];
    assert_eq!(o.path, ".claude/skills/synced-skill/SKILL.md");
    assert!(
        o.text.starts_with("---\nname: synced-skill\n"),
        "{}",
        o.text
    );
    assert!(
        c.losses
            .iter()
            .any(|l| format!("{l:?}").contains("reserves the skill folder name")),
        "{:?}",
        c.losses
    );
    // Other tools do not reserve it.
    let c = convert::convert(&doc, Target::Tool(Tool::Codex), &ConvertOptions::default()).unwrap();
    assert_eq!(c.outputs[0].path, ".agents/skills/synced/SKILL.md");
}

/// A nested AGENTS.md applies to the files below its directory (formats.md §6.5: nested
/// `dir/AGENTS.md` ≈ `dir/**`): targets that also nest their instruction file write it in the
/// same directory, the others write a rule scoped to that directory, named after it.
#[test]
fn nested_agents_md_keeps_its_directory() {
    let doc = parse("# Web\n\nUse pnpm.\n", "packages/web/AGENTS.md", None);
    assert_eq!(
        convert::read::nested_dir(&doc).as_deref(),
        Some("packages/web")
    );
    let one = |t: Target| convert::convert(&doc, t, &ConvertOptions::default()).unwrap();

    // Same directory, same text: no activation sentence, nothing lost.
    for (t, path) in [
        (Target::Tool(Tool::Claude), "packages/web/CLAUDE.md"),
        (Target::Tool(Tool::Gemini), "packages/web/GEMINI.md"),
        (Target::Tool(Tool::Codex), "packages/web/AGENTS.md"),
    ] {
        let c = one(t);
        assert_eq!(c.outputs[0].path, path, "{t:?}");
        assert_eq!(c.outputs[0].text, "# Web\n\nUse pnpm.\n", "{t:?}");
        assert!(c.losses.is_empty(), "{t:?}: {:?}", c.losses);
        assert!(
            c.kept.contains(&"directory".to_owned()),
            "{t:?}: {:?}",
            c.kept
        );
    }

    // A rule scoped to the directory; the approximation is reported.
    let c = one(Target::Tool(Tool::Cursor));
    assert_eq!(c.outputs[0].path, ".cursor/rules/packages-web-agents.mdc");
    assert!(
        c.outputs[0]
            .text
            .starts_with("---\nglobs: packages/web/**\nalwaysApply: false\n---\n"),
        "{}",
        c.outputs[0].text
    );
    assert_eq!(c.translated, ["directory"]);
    assert!(
        c.losses[0].message.contains("`globs: packages/web/**`"),
        "{:?}",
        c.losses
    );
    let c = one(Target::Tool(Tool::Copilot));
    assert_eq!(
        c.outputs[0].path,
        ".github/instructions/packages-web-agents.instructions.md"
    );
    assert!(
        c.outputs[0].text.contains("applyTo: \"packages/web/**\""),
        "{}",
        c.outputs[0].text
    );
    let c = one(Target::Tool(Tool::Kiro));
    assert!(
        c.outputs[0]
            .text
            .contains("fileMatchPattern: packages/web/**"),
        "{}",
        c.outputs[0].text
    );

    // A root file is unchanged by all this.
    let root = parse("# Root\n", "AGENTS.md", None);
    let c = convert::convert(
        &root,
        Target::Tool(Tool::Claude),
        &ConvertOptions::default(),
    )
    .unwrap();
    assert_eq!(c.outputs[0].path, "CLAUDE.md");
    assert!(!c.kept.contains(&"directory".to_owned()));
}

/// Only a plain relative directory nests: a path that leaves the project, an absolute one or
/// the root's own `.claude/CLAUDE.md` is read as a root file, so no output path can escape.
#[test]
fn nested_dir_is_a_plain_relative_directory() {
    let dir = |path: &str| convert::read::nested_dir(&parse("x\n", path, None));
    assert_eq!(dir("AGENTS.md"), None);
    assert_eq!(dir("./AGENTS.md"), None);
    assert_eq!(dir("./svc/AGENTS.md").as_deref(), Some("svc"));
    assert_eq!(dir("svc\\api\\AGENTS.md").as_deref(), Some("svc/api"));
    assert_eq!(dir("../other/AGENTS.md"), None);
    assert_eq!(dir("svc/../../AGENTS.md"), None);
    assert_eq!(dir("/abs/AGENTS.md"), None);
    assert_eq!(dir("C:/repo/AGENTS.md"), None);
    assert_eq!(dir("svc//AGENTS.md"), None);
    assert_eq!(dir(".claude/CLAUDE.md"), None);
    assert_eq!(dir("svc/.claude/CLAUDE.md").as_deref(), Some("svc"));
    assert_eq!(dir("svc/CLAUDE.md").as_deref(), Some("svc"));
    assert_eq!(dir("svc/GEMINI.md").as_deref(), Some("svc"));
    // Kinds with one fixed place do not nest.
    assert_eq!(dir("svc/.github/copilot-instructions.md"), None);
    assert_eq!(dir("svc/.cursor/rules/a.mdc"), None);

    // A directory name with glob characters is matched literally.
    let doc = parse("x\n", "app/[slug]/AGENTS.md", None);
    let c = convert::convert(&doc, Target::Tool(Tool::Cursor), &ConvertOptions::default()).unwrap();
    assert!(
        c.outputs[0].text.contains("globs: app/[[]slug]/**"),
        "{}",
        c.outputs[0].text
    );
}

/// Merging for a one-file target leaves nested files out of the root file: each converts to
/// the target's file in its own directory.
#[test]
fn nested_files_are_not_merged_into_the_root_file() {
    let docs = [
        parse("# Root\n\nUse tabs.\n", "AGENTS.md", None),
        parse(
            "---\nalwaysApply: true\n---\nBe brief.\n",
            ".cursor/rules/brief.mdc",
            None,
        ),
        parse("# Api\n\nUse spaces.\n", "svc/api/AGENTS.md", None),
    ];
    assert!(convert::mergeable(&docs[0]) && convert::mergeable(&docs[1]));
    assert!(!convert::mergeable(&docs[2]));
    let refs: Vec<&Document> = docs.iter().collect();
    let c = convert::convert_many(
        &refs,
        Target::Tool(Tool::Gemini),
        &ConvertOptions::default(),
    );
    let paths: Vec<&str> = c.outputs.iter().map(|o| o.path.as_str()).collect();
    assert_eq!(paths, ["GEMINI.md", "svc/api/GEMINI.md"]);
    assert!(
        !c.outputs[0].text.contains("Use spaces."),
        "{}",
        c.outputs[0].text
    );
    assert_eq!(c.outputs[1].text, "# Api\n\nUse spaces.\n");
}

/// A subagent's inline MCP servers survive Claude → X → Claude for every tool that declares
/// servers per agent (formats.md §6.2 `mcpServers` row, §6.3 Copilot `mcp-servers` row):
/// stdio and streamable-HTTP servers come back unchanged; what X cannot hold (a reference to a
/// configured server, SSE for Codex, WebSocket) is reported on the way out.
#[test]
fn mcp_servers_round_trip_through_each_tool() {
    let path = ".claude/agents/db-debugger.md";
    let text = std::fs::read_to_string(fixtures_root().join(path)).unwrap();
    let doc = parse(&text, path, None);
    let items = |d: &Document| -> Vec<(String, Y)> {
        d.get("mcpServers")
            .and_then(|n| n.as_seq())
            .unwrap_or_default()
            .iter()
            .filter_map(|i| {
                let e = i.entries().first()?;
                Some((e.key.clone(), Y::from_node(&e.value)))
            })
            .collect()
    };
    let source = items(&doc);
    let names = |v: &[(String, Y)]| v.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    assert_eq!(names(&source), ["postgres", "metrics", "events", "live"]);
    for (t, kept) in [
        (
            Target::Tool(Tool::Copilot),
            &["postgres", "metrics", "events"][..],
        ),
        (
            Target::Tool(Tool::Gemini),
            &["postgres", "metrics", "events"][..],
        ),
        (Target::Tool(Tool::Codex), &["postgres", "metrics"][..]),
    ] {
        let opts = ConvertOptions::default();
        let there = convert::convert(&doc, t, &opts).unwrap();
        let losses: Vec<&str> = there
            .losses
            .iter()
            .filter(|l| l.field == "mcpServers")
            .map(|l| l.message.as_str())
            .collect();
        assert_eq!(losses.len(), 1, "{t:?}: {losses:?}");
        assert!(
            losses[0].contains("`github` names a server configured elsewhere"),
            "{t:?}"
        );
        assert!(losses[0].contains("server `live` dropped"), "{t:?}");
        let out = &there.outputs[0];
        let back_doc = parse(&out.text, &out.path, None);
        let back = convert::convert(&back_doc, Target::Tool(Tool::Claude), &opts).unwrap();
        let o = &back.outputs[0];
        let round = items(&parse(&o.text, &o.path, None));
        assert_eq!(names(&round), kept, "{t:?}:\n{}", o.text);
        for (name, value) in &round {
            let orig = &source.iter().find(|(k, _)| k == name).unwrap().1;
            assert_eq!(value, orig, "{t:?}: server `{name}`:\n{}", o.text);
        }
    }
}

/// A Copilot agent's `mcp-servers` become Claude `mcpServers` items: `local` is `stdio`, a
/// GitHub secret becomes an environment variable, and the per-server tool list is reported.
#[test]
fn copilot_mcp_servers_to_claude() {
    let path = ".github/agents/researcher.agent.md";
    let text = std::fs::read_to_string(fixtures_root().join(path)).unwrap();
    let doc = parse(&text, path, None);
    let c = convert::convert(&doc, Target::Tool(Tool::Claude), &ConvertOptions::default()).unwrap();
    let out = &c.outputs[0].text;
    assert!(
        out.contains(
            "mcpServers:\n  - context7:\n      type: http\n      url: https://mcp.context7.com/mcp\n      headers:\n        CONTEXT7_API_KEY: ${COPILOT_MCP_CONTEXT7}\n  - local-search:\n      type: stdio\n      command: uvx\n      args: [docs-search-mcp]\n"
        ),
        "{out}"
    );
    let loss = c.losses.iter().find(|l| l.field == "mcp-servers").unwrap();
    assert!(
        loss.message
            .contains("server `context7`: its tool list is not kept"),
        "{}",
        loss.message
    );
    assert!(loss.message.contains("GitHub secrets"), "{}", loss.message);
    assert!(!loss.message.contains("local-search"), "{}", loss.message);
}

/// OpenCode `permission` (formats.md §6.3: `permission: {edit: deny}` → `disallowedTools`):
/// `deny` entries become denied Claude tools (`edit` every editing tool), the other entries
/// are reported, a map that is the preset written for a Claude `permissionMode` reads back as
/// that mode, and an OpenCode → OpenCode conversion copies the map unchanged.
#[test]
fn opencode_permission_carries_its_deny_entries() {
    let convert_to = |text: &str, t: Target| {
        let doc = parse(text, ".opencode/agent/a.md", None);
        convert::convert(&doc, t, &ConvertOptions::default()).unwrap()
    };
    let src = "---\ndescription: d\ntools:\n  edit: false\npermission:\n  edit: deny\n  task: deny\n  bash:\n    \"git diff*\": allow\n    \"*\": ask\n  webfetch: ask\n---\nBody.\n";
    let c = convert_to(src, Target::Tool(Tool::Claude));
    let out = &c.outputs[0].text;
    assert!(
        out.contains("\ndisallowedTools: Edit, Write, NotebookEdit, Agent\n"),
        "{out}"
    );
    assert!(!out.contains("permissionMode"), "{out}");
    let msgs: Vec<&str> = c
        .losses
        .iter()
        .filter(|l| l.field == "permission")
        .map(|l| l.message.as_str())
        .collect();
    assert_eq!(
        msgs,
        [
            "`permission` approximated: `disallowedTools: Edit, Write, NotebookEdit, Agent`",
            "`permission` entries not kept: `bash` (per-command rules), `webfetch: ask` (only `deny` carries over, as a denied tool)",
        ]
    );
    // Within OpenCode the map is copied as written, with nothing reported.
    let c = convert_to(src, Target::Tool(Tool::Opencode));
    assert!(
        c.outputs[0]
            .text
            .contains("permission:\n  edit: deny\n  task: deny\n  bash:\n"),
        "{}",
        c.outputs[0].text
    );
    assert!(c.losses.is_empty(), "{:?}", c.losses);

    // Claude `permissionMode: plan` → OpenCode preset → Claude `permissionMode: plan`.
    let claude = parse(
        "---\nname: p\ndescription: d\npermissionMode: plan\n---\nBody.\n",
        ".claude/agents/p.md",
        None,
    );
    let oc = convert::convert(
        &claude,
        Target::Tool(Tool::Opencode),
        &ConvertOptions::default(),
    )
    .unwrap();
    assert!(
        oc.outputs[0]
            .text
            .contains("permission:\n  edit: deny\n  bash: ask\n"),
        "{}",
        oc.outputs[0].text
    );
    let back = convert_to(&oc.outputs[0].text, Target::Tool(Tool::Claude));
    assert!(
        back.outputs[0].text.contains("\npermissionMode: plan\n"),
        "{}",
        back.outputs[0].text
    );
}

/// A deny list becomes a Copilot allowlist (formats.md §6.2 Copilot column: "synthesize
/// explicit `tools` = all aliases minus mapped ones"): denied aliases are left out of a
/// synthesised list or taken out of the source's list, a declared MCP server is listed as
/// `srv/*`, and plan mode narrows a synthesised list to `read`, `search` and `web`.
#[test]
fn copilot_gets_an_allowlist_from_a_deny_list() {
    let to_copilot = |fields: &str, path: &str| {
        let doc = parse(
            &format!("---\nname: a\ndescription: d\n{fields}---\nBody.\n"),
            path,
            None,
        );
        convert::convert(
            &doc,
            Target::Tool(Tool::Copilot),
            &ConvertOptions::default(),
        )
        .unwrap()
    };
    let tools_line = |c: &Converted| {
        c.outputs[0]
            .text
            .lines()
            .find(|l| l.starts_with("tools:"))
            .map(str::to_owned)
    };
    let claude = ".claude/agents/a.md";
    let c = to_copilot("disallowedTools: Write, Edit\n", claude);
    assert_eq!(
        tools_line(&c).as_deref(),
        Some("tools: [read, search, execute, web, agent, todo]")
    );
    assert!(c.dropped.is_empty(), "{:?}", c.dropped);
    let c = to_copilot(
        "disallowedTools: Bash, mcp__github\nmcpServers:\n  - github\n  - db\n",
        claude,
    );
    assert_eq!(
        tools_line(&c).as_deref(),
        Some("tools: [read, edit, search, web, agent, todo, db/*]")
    );
    let c = to_copilot("tools: Read, Edit, Bash\ndisallowedTools: Write\n", claude);
    assert_eq!(tools_line(&c).as_deref(), Some("tools: [read, execute]"));
    let c = to_copilot("permissionMode: plan\ndisallowedTools: WebFetch\n", claude);
    assert_eq!(tools_line(&c).as_deref(), Some("tools: [read, search]"));
    // A deny list of tools Copilot has no alias for is still dropped, with the reason.
    let c = to_copilot("disallowedTools: AskUserQuestion\n", claude);
    assert_eq!(tools_line(&c), None);
    assert_eq!(c.dropped, ["disallowedTools"]);
    // A read-only Cursor subagent loses `edit`.
    let c = to_copilot("readonly: true\n", ".cursor/agents/a.md");
    assert_eq!(
        tools_line(&c).as_deref(),
        Some("tools: [read, search, execute, web, agent, todo]")
    );
    assert_eq!(c.translated, ["readonly"]);
}

/// A rule for the files below one directory (`dir/**`, the only glob) becomes that
/// directory's AGENTS.md or GEMINI.md when the target merges rules (formats.md §6.5: nested
/// `dir/AGENTS.md` ≈ `dir/**`), so nested AGENTS.md → Cursor → AGENTS.md keeps the nesting;
/// rules for one directory share its file, and any other glob is still merged into the root.
#[test]
fn a_directory_rule_becomes_a_nested_instruction_file() {
    let opts = ConvertOptions::default();
    for dir in ["packages/web", "app/[slug]"] {
        let nested = parse("# Web\n\nUse pnpm.\n", &format!("{dir}/AGENTS.md"), None);
        let cursor = convert::convert(&nested, Target::Tool(Tool::Cursor), &opts).unwrap();
        let rule = &cursor.outputs[0];
        let rule = parse(&rule.text, &rule.path, None);
        for (t, file) in [
            (Target::Tool(Tool::AgentsMd), "AGENTS.md"),
            (Target::Tool(Tool::Gemini), "GEMINI.md"),
        ] {
            let back = convert::convert_many(&[&rule], t, &opts);
            assert_eq!(back.outputs.len(), 1, "{t:?}: {:?}", back.outputs);
            assert_eq!(back.outputs[0].path, format!("{dir}/{file}"), "{t:?}");
            assert_eq!(back.outputs[0].text, "# Web\n\nUse pnpm.\n", "{t:?}");
            assert!(
                back.losses
                    .iter()
                    .any(|l| l.message.contains(&format!("written as `{dir}/{file}`"))),
                "{t:?}: {:?}",
                back.losses
            );
        }
    }
    let rule = |globs: &str, body: &str, path: &str| {
        parse(
            &format!("---\nglobs: {globs}\nalwaysApply: false\n---\n{body}\n"),
            path,
            None,
        )
    };
    let a = rule("svc/api/**", "Use the API style.", ".cursor/rules/api.mdc");
    let b = rule(
        "svc/api/**",
        "Log every request.",
        ".cursor/rules/logging.mdc",
    );
    let c = rule("svc/**/*.ts", "Strict types.", ".cursor/rules/ts.mdc");
    let d = rule("../x/**", "Outside.", ".cursor/rules/up.mdc");
    let out = convert::convert_many(&[&a, &b, &c, &d], Target::Tool(Tool::AgentsMd), &opts);
    let paths: Vec<&str> = out.outputs.iter().map(|o| o.path.as_str()).collect();
    assert_eq!(paths, ["AGENTS.md", "svc/api/AGENTS.md"]);
    assert_eq!(
        out.outputs[1].text,
        "## api\n\nUse the API style.\n\n## logging\n\nLog every request.\n"
    );
    assert!(
        out.outputs[0].text.contains("`svc/**/*.ts`"),
        "{}",
        out.outputs[0].text
    );
    assert!(
        out.outputs[0].text.contains("`../x/**`"),
        "{}",
        out.outputs[0].text
    );
    // Claude has path-scoped rules: the rule stays a rule there.
    let claude = convert::convert(&a, Target::Tool(Tool::Claude), &opts).unwrap();
    assert_eq!(claude.outputs[0].path, ".claude/rules/api.md");
    // One rule alone (the CLI converts it without merging) is nested all the same.
    let one = convert::convert(&a, Target::Tool(Tool::AgentsMd), &opts).unwrap();
    assert_eq!(one.outputs[0].path, "svc/api/AGENTS.md");
}

/// [VSC-INSTR]: `applyTo: "**"` applies everywhere, globs scope the file, and without
/// `applyTo` the file is not applied automatically: with a description the model may pick
/// it, without one only a mention loads it. A Cursor rule holds each of the four.
#[test]
fn copilot_instructions_activation_carries_to_cursor() {
    let opts = ConvertOptions::default();
    for (front, want) in [
        ("applyTo: \"**\"\n", "alwaysApply: true\n"),
        (
            "applyTo: \"src/**/*.ts\"\n",
            "globs: src/**/*.ts\nalwaysApply: false\n",
        ),
        (
            "description: TypeScript conventions\n",
            "description: TypeScript conventions\nalwaysApply: false\n",
        ),
        ("", "alwaysApply: false\n"),
    ] {
        let doc = parse(
            &format!("---\n{front}---\nUse strict mode.\n"),
            ".github/instructions/ts.instructions.md",
            None,
        );
        let c = convert::convert(&doc, Target::Tool(Tool::Cursor), &opts).unwrap();
        assert_eq!(c.outputs[0].path, ".cursor/rules/ts.mdc", "{front}");
        assert_eq!(
            c.outputs[0].text,
            format!("---\n{want}---\nUse strict mode.\n"),
            "{front}"
        );
    }
}

/// `doc` as `agentfmt fmt` writes it (formatting only, no encoding repair).
fn formatted(text: &str, path: &str) -> String {
    let opts = agentfmt::fmt::FmtOptions {
        repair_encoding: false,
        ..agentfmt::fmt::FmtOptions::default()
    };
    agentfmt::fmt::fmt(&parse(text, path, None), &opts).text
}

/// A body over a target's hard limit (Windsurf: 12,000 characters per rule file) is kept whole
/// and reported by default; with `fit_limits` it is cut after the last whole markdown block
/// that fits: a table cut between two rows would lose the row that set its column widths, and
/// the output would no longer be what `fmt` writes.
#[test]
fn over_limit_body_is_kept_or_cut_between_blocks() {
    let mut body = String::from("# Reference\n");
    for t in 0..40 {
        body.push_str(&format!(
            "\n## Table {t}\n\n| Name | Note |\n| --- | --- |\n"
        ));
        for r in 0..12 {
            body.push_str(&format!("| row {r} | note {r} |\n"));
        }
        body.push_str(&format!(
            "| last row of table {t} | the widest note of table {t} |\n"
        ));
    }
    let source = formatted(
        &format!("---\ndescription: d\n---\n\n{body}"),
        ".claude/rules/ref.md",
    );
    assert_eq!(
        formatted(&source, ".claude/rules/ref.md"),
        source,
        "the source is canonical"
    );
    let doc = parse(&source, ".claude/rules/ref.md", None);
    let whole = convert::convert(
        &doc,
        Target::Tool(Tool::Windsurf),
        &ConvertOptions::default(),
    )
    .unwrap();
    assert!(
        whole.outputs[0].text.contains("| last row of table 39 |"),
        "kept whole by default"
    );
    assert!(
        whole.losses.iter().any(|l| l.field == "body"
            && matches!(&l.what, convert::LossKind::OverLimit(w) if w.contains("12000"))),
        "{:?}",
        whole.losses
    );
    let c = convert::convert(
        &doc,
        Target::Tool(Tool::Windsurf),
        &ConvertOptions {
            fit_limits: true,
            ..ConvertOptions::default()
        },
    )
    .unwrap();
    let out = &c.outputs[0];
    assert!(out.text.chars().count() <= 12_000, "{}", out.text.len());
    assert!(
        out.text.chars().count() > 11_000,
        "cut far too early: {}",
        out.text.len()
    );
    let last = out.text.lines().last().unwrap();
    assert!(
        last.starts_with("| last row of table ") || last.starts_with("## Table "),
        "cut inside a block: {last:?}"
    );
    assert_eq!(
        formatted(&out.text, &out.path),
        out.text,
        "the output is canonical"
    );
    assert!(
        c.losses
            .iter()
            .any(|l| l.field == "body" && l.message.contains("12000 characters")),
        "{:?}",
        c.losses
    );
}

/// A rule body that starts with blank lines, written as a file without front matter (here a
/// nested `AGENTS.md`), starts at its first line of text, as `fmt` writes it; a body of
/// blank lines only is an empty file.
#[test]
fn body_without_front_matter_has_no_leading_blank_lines() {
    let src = "---\nglobs: app/**\nalwaysApply: false\n---\n\n\n- Use the app router.\n";
    let doc = parse(src, ".cursor/rules/app.mdc", None);
    let c = convert::convert(
        &doc,
        Target::Tool(Tool::AgentsMd),
        &ConvertOptions::default(),
    )
    .unwrap();
    assert_eq!(c.outputs[0].path, "app/AGENTS.md");
    assert_eq!(c.outputs[0].text, "- Use the app router.\n");
    let doc = parse(
        "---\nglobs: app/**\n---\n\n \n",
        ".cursor/rules/app.mdc",
        None,
    );
    let c = convert::convert(
        &doc,
        Target::Tool(Tool::AgentsMd),
        &ConvertOptions::default(),
    )
    .unwrap();
    assert_eq!(c.outputs[0].text, "");
}

/// Front matter that convert writes is in the order `fmt` gives it: required keys first, then
/// the schema's order.
#[test]
fn written_front_matter_is_in_canonical_order() {
    let src =
        "---\nname: reviewer\ndescription: Reviews diffs\ntools: Read, Grep\n---\n\nReview.\n";
    let doc = parse(src, ".claude/agents/reviewer.md", None);
    for target in [
        Target::Tool(Tool::Copilot),
        Target::Tool(Tool::Cursor),
        Target::Tool(Tool::Opencode),
        Target::Tool(Tool::Gemini),
    ] {
        let c = convert::convert(&doc, target, &ConvertOptions::default()).unwrap();
        for out in &c.outputs {
            if out.kind.is_toml() {
                continue;
            }
            assert_eq!(formatted(&out.text, &out.path), out.text, "{}", out.path);
        }
    }
}

/// For every tool: `AGENTS.md` → the tool → `AGENTS.md` keeps the instructions, which every
/// tool's rule or instruction file holds.
#[test]
fn every_tool_round_trips_agents_md_instructions() {
    let text = "# Conventions\n\nUse tabs.\n\n- Run `make test` before a commit.\n- Keep functions short.\n";
    let src = parse(text, "AGENTS.md", None);
    let opts = ConvertOptions::default();
    for &tool in Tool::ALL {
        let there = convert::convert(&src, Target::Tool(tool), &opts)
            .unwrap_or_else(|e| panic!("{}: {e}", tool.key()));
        assert_eq!(there.outputs.len(), 1, "{}", tool.key());
        let out = &there.outputs[0];
        let doc = parse(&out.text, &out.path, Some(out.kind));
        let back = convert::convert(&doc, Target::Tool(Tool::AgentsMd), &opts).unwrap();
        assert_eq!(
            back.outputs[0].text,
            text,
            "{} via {}",
            tool.key(),
            out.path
        );
    }
}

/// Rules of the newer tools keep their activation through Claude Code and Cursor and back.
#[test]
fn new_tool_rules_round_trip_through_claude_and_cursor() {
    let opts = ConvertOptions::default();
    let cases = [
        (
            ".clinerules/frontend.md",
            "---\npaths:\n  - \"src/components/**\"\n---\n# Frontend\n\n- Use hooks.\n",
            Tool::Cline,
        ),
        (
            ".kilo/rules/api.md",
            "---\npaths:\n  - \"src/api/**\"\n---\n# API\n\n- Validate input.\n",
            Tool::Kilo,
        ),
        (
            ".qwen/rules/python.md",
            "---\npaths:\n  - \"**/*.py\"\n---\n# Python\n\n- Use ruff.\n",
            Tool::Qwen,
        ),
        (
            ".aiassistant/rules/ts.md",
            "---\napply: by file patterns\npatterns: src/**/*.ts, src/**/*.tsx\n---\n# TS\n\n- No any.\n",
            Tool::JetbrainsAi,
        ),
        (
            ".trae/rules/vitest.md",
            "---\nalwaysApply: false\nglobs:\n  - \"**/*.test.ts\"\n---\n# Vitest\n\n- One describe per module.\n",
            Tool::Trae,
        ),
    ];
    for (path, text, tool) in cases {
        let src = parse(text, path, None);
        let (m0, _) = convert::read::to_model(&src);
        for via in [Tool::Claude, Tool::Cursor] {
            let there = convert::convert(&src, Target::Tool(via), &opts).unwrap();
            let out = &there.outputs[0];
            let mid = parse(&out.text, &out.path, Some(out.kind));
            let back = convert::convert(&mid, Target::Tool(tool), &opts).unwrap();
            let b = &back.outputs[0];
            let again = parse(&b.text, &b.path, Some(b.kind));
            assert_eq!(again.kind, src.kind, "{path} via {}", via.key());
            let (m1, _) = convert::read::to_model(&again);
            assert_eq!(m1.activation, m0.activation, "{path} via {}", via.key());
            assert_eq!(
                m1.raw_body.trim(),
                m0.raw_body.trim(),
                "{path} via {}",
                via.key()
            );
        }
    }
}

/// Agents of the newer tools keep their tools and description through Claude Code and back.
#[test]
fn new_tool_agents_round_trip_through_claude() {
    let opts = ConvertOptions::default();
    let cases = [
        (
            ".junie/agents/finder.md",
            "---\nname: finder\ndescription: Finds symbols\ntools: [Read, Grep]\n---\nFind them.\n",
            vec!["Read", "Grep"],
        ),
        (
            ".factory/droids/auditor.md",
            "---\nname: auditor\ndescription: Audits code\ntools: [Read, Grep, Execute]\n---\nAudit.\n",
            vec!["Read", "Grep", "Execute"],
        ),
    ];
    for (path, text, tools) in cases {
        let src = parse(text, path, None);
        let there = convert::convert(&src, Target::Tool(Tool::Claude), &opts).unwrap();
        let out = &there.outputs[0];
        let mid = parse(&out.text, &out.path, Some(out.kind));
        let back = convert::convert(&mid, Target::Tool(src.kind.tool()), &opts).unwrap();
        let b = &back.outputs[0];
        assert_eq!(b.path, path);
        let again = parse(&b.text, &b.path, Some(b.kind));
        let got: Vec<&str> = again
            .get("tools")
            .and_then(document::Node::as_seq)
            .map(|s| s.iter().filter_map(document::Node::as_str).collect())
            .unwrap_or_default();
        assert_eq!(got, tools, "{path}: {}", b.text);
        assert_eq!(
            again.get("description").and_then(document::Node::as_str),
            src.get("description").and_then(document::Node::as_str)
        );
    }
}

/// A shared file says who reads it, and a tool that shares another's files writes them.
#[test]
fn shared_files_name_their_readers() {
    let readers = Kind::AgentsMd.readers();
    for t in [Tool::Claude, Tool::Codex, Tool::Zed, Tool::Goose, Tool::Amp] {
        assert!(readers.contains(&t), "{}", t.key());
    }
    assert!(!readers.contains(&Tool::Aider));
    assert!(Kind::KiroSteering.readers().contains(&Tool::KiroCli));
    assert!(Kind::CopilotAgent.readers().contains(&Tool::CopilotCli));
    let src = parse(
        "---\ninclusion: always\n---\nRules.\n",
        ".kiro/steering/a.md",
        None,
    );
    let c = convert::convert(
        &src,
        Target::Tool(Tool::KiroCli),
        &ConvertOptions::default(),
    )
    .unwrap();
    assert_eq!(c.outputs[0].path, ".kiro/steering/a.md");
}
