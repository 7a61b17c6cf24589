use super::*;
use crate::source::SourceText;
use crate::tokens::count;

fn docs(files: &[(&str, &str)]) -> Vec<(String, Document)> {
    files
        .iter()
        .map(|(p, t)| {
            let doc = crate::document::parse(SourceText::from_str(t), Some(p), None).doc;
            ((*p).to_owned(), doc)
        })
        .collect()
}

fn run(
    files: &[(&str, &str)],
    tools: &[Tool],
    cwd: &str,
    extra: &[(&str, &str)],
) -> Vec<ToolContext> {
    let d = docs(files);
    let f: Vec<File<'_>> = d.iter().map(|(p, doc)| File { path: p, doc }).collect();
    let read = |p: &str| {
        extra
            .iter()
            .find(|(q, _)| *q == p)
            .map(|(_, t)| (*t).to_owned())
    };
    analyse(&f, tools, cwd, &read)
}

fn find<'a>(r: &'a ToolContext, path: &str, part: Part) -> &'a Item {
    r.items
        .iter()
        .find(|i| i.path == path && i.part == part)
        .unwrap_or_else(|| panic!("{path} {part:?} not in {:#?}", r.items))
}

const SKILL: &str = "---\nname: deploy\ndescription: Deploy the app to staging\n---\nRun the deploy script and watch the logs.\n";

#[test]
fn claude_loads_ancestors_at_start_and_nested_files_on_demand() {
    let root = "# Project\n\nSee @docs/style.md\n\n<!-- maintainers: keep short -->\n\nUse pnpm.\n";
    let files = [
        ("CLAUDE.md", root),
        ("app/CLAUDE.md", "# App\n\nUse React.\n"),
        ("lib/CLAUDE.md", "# Lib\n"),
        (".claude/skills/deploy/SKILL.md", SKILL),
        (
            ".claude/rules/ts.md",
            "---\npaths: src/**/*.ts\n---\nStrict mode.\n",
        ),
        (".claude/rules/all.md", "Be brief.\n"),
        (
            ".claude/agents/rev.md",
            "---\nname: rev\ndescription: Reviews diffs\n---\nYou review.\n",
        ),
        (
            ".claude/commands/ship.md",
            "---\ndescription: Ship it\ndisable-model-invocation: true\n---\nShip.\n",
        ),
        (
            "app/.claude/skills/lint/SKILL.md",
            "---\nname: lint\ndescription: Lint the app\n---\nRun eslint.\n",
        ),
    ];
    let style = "Prefer small functions. @../secret.md\n";
    let r = &run(&files, &[Tool::Claude], "", &[("docs/style.md", style)])[0];
    let memory = find(r, "CLAUDE.md", Part::File);
    assert_eq!(memory.when, When::Start);
    // The block comment is stripped before counting.
    assert_eq!(
        memory.tokens,
        count("# Project\n\nSee @docs/style.md\n\nUse pnpm.\n")
    );
    let imported = find(r, "docs/style.md", Part::File);
    assert_eq!(imported.imported_by.as_deref(), Some("CLAUDE.md"));
    assert_eq!(imported.tokens, count(style));
    // `@../secret.md` leaves the project and is not followed.
    assert!(r.items.iter().all(|i| !i.path.contains("secret")));
    let nested = find(r, "app/CLAUDE.md", Part::File);
    assert_eq!(
        (nested.when, nested.trigger.as_str()),
        (When::OnDemand, "when Claude reads a file in app/")
    );
    assert_eq!(
        find(r, ".claude/rules/all.md", Part::File).when,
        When::Start
    );
    assert_eq!(
        find(r, ".claude/rules/ts.md", Part::File).when,
        When::OnDemand
    );
    let listing = find(r, ".claude/skills/deploy/SKILL.md", Part::Listing);
    assert_eq!(listing.tokens, count("deploy: Deploy the app to staging"));
    assert_eq!(
        find(r, ".claude/skills/deploy/SKILL.md", Part::Body).when,
        When::OnDemand
    );
    assert_eq!(
        find(r, ".claude/agents/rev.md", Part::Listing).when,
        When::Start
    );
    let nested = find(r, "app/.claude/skills/lint/SKILL.md", Part::Listing);
    assert_eq!(
        (nested.when, nested.trigger.as_str()),
        (When::OnDemand, "when Claude touches a file in app/")
    );
    // A command only the user may run is not listed to the model.
    assert!(
        r.items
            .iter()
            .all(|i| !(i.path.ends_with("ship.md") && i.part == Part::Listing))
    );
    let start: usize = r
        .items
        .iter()
        .filter(|i| i.when == When::Start)
        .map(|i| i.tokens)
        .sum();
    assert_eq!(r.start_tokens, start);
    assert_eq!(
        r.start_tokens,
        memory.tokens
            + imported.tokens
            + count("Be brief.\n")
            + listing.tokens
            + count("rev: Reviews diffs")
    );

    // Started in app/, app/CLAUDE.md is an ancestor file and loads at start; lib/ is not.
    let r = &run(&files, &[Tool::Claude], "app", &[])[0];
    assert_eq!(find(r, "app/CLAUDE.md", Part::File).when, When::Start);
    assert_eq!(
        find(r, "app/.claude/skills/lint/SKILL.md", Part::Listing).when,
        When::Start
    );
    assert!(r.items.iter().all(|i| i.path != "lib/CLAUDE.md"));
}

#[test]
fn codex_concatenates_the_path_and_cuts_at_32_kib() {
    let big = format!("# Root\n\n{}\n", "word ".repeat(6000));
    let files = [
        ("AGENTS.md", big.as_str()),
        (
            "svc/AGENTS.md",
            "# Service\n\nnever loaded: the override wins\n",
        ),
        ("svc/AGENTS.override.md", &*"override text ".repeat(300)),
        ("other/AGENTS.md", "# Other\n"),
        (".agents/skills/deploy/SKILL.md", SKILL),
    ];
    let r = &run(&files, &[Tool::Codex], "svc", &[])[0];
    let root = find(r, "AGENTS.md", Part::File);
    assert_eq!(root.bytes, big.len());
    let over = find(r, "svc/AGENTS.override.md", Part::File);
    // 32 KiB minus the root file and the blank line between them.
    assert_eq!(over.bytes, 32 * 1024 - big.len() - 2);
    assert_eq!(
        over.tokens,
        count(&"override text ".repeat(300)[..over.bytes])
    );
    assert!(
        r.items
            .iter()
            .all(|i| i.path != "svc/AGENTS.md" && i.path != "other/AGENTS.md")
    );
    assert_eq!(r.notes.len(), 1, "{:?}", r.notes);
    assert!(
        r.notes[0].contains("project_doc_max_bytes"),
        "{:?}",
        r.notes
    );
    assert_eq!(
        find(r, ".agents/skills/deploy/SKILL.md", Part::Listing).when,
        When::Start
    );
}

#[test]
fn cursor_rule_types_and_nested_agents_md() {
    let files = [
        (
            ".cursor/rules/always.mdc",
            "---\nalwaysApply: true\n---\nAlways.\n",
        ),
        (
            ".cursor/rules/ts.mdc",
            "---\nglobs: src/**/*.ts\nalwaysApply: false\n---\nTypes.\n",
        ),
        (
            ".cursor/rules/db.mdc",
            "---\ndescription: Database migrations\nalwaysApply: false\n---\nMigrate.\n",
        ),
        (
            ".cursor/rules/manual.mdc",
            "---\nalwaysApply: false\n---\nManual.\n",
        ),
        ("AGENTS.md", "# Root\n"),
        ("web/AGENTS.md", "# Web\n"),
    ];
    let r = &run(&files, &[Tool::Cursor], "", &[])[0];
    assert_eq!(
        find(r, ".cursor/rules/always.mdc", Part::File).when,
        When::Start
    );
    assert_eq!(
        find(r, ".cursor/rules/ts.mdc", Part::File).trigger,
        "when a file matching src/**/*.ts is in context"
    );
    assert_eq!(
        find(r, ".cursor/rules/db.mdc", Part::Listing).tokens,
        count("db: Database migrations")
    );
    assert_eq!(
        find(r, ".cursor/rules/db.mdc", Part::Body).when,
        When::OnDemand
    );
    assert_eq!(
        find(r, ".cursor/rules/manual.mdc", Part::File).trigger,
        "when @-mentioned"
    );
    assert_eq!(find(r, "web/AGENTS.md", Part::File).when, When::OnDemand);
    assert_eq!(
        r.start_tokens,
        count("Always.\n") + count("db: Database migrations") + count("# Root\n")
    );
}

#[test]
fn copilot_instructions_apply_to_and_the_review_limit() {
    let long = "x".repeat(4100);
    let files = [
        (".github/copilot-instructions.md", long.as_str()),
        (
            ".github/instructions/all.instructions.md",
            "---\napplyTo: \"**\"\n---\nAll files.\n",
        ),
        (
            ".github/instructions/py.instructions.md",
            "---\napplyTo: \"**/*.py\"\n---\nPython.\n",
        ),
        (
            ".github/prompts/review.prompt.md",
            "---\ndescription: Review\n---\nReview the diff.\n",
        ),
    ];
    let r = &run(&files, &[Tool::Copilot], "", &[])[0];
    assert_eq!(r.start_tokens, count(&long) + count("All files.\n"));
    assert_eq!(
        find(r, ".github/instructions/py.instructions.md", Part::File).when,
        When::OnDemand
    );
    assert_eq!(
        find(r, ".github/prompts/review.prompt.md", Part::Body).when,
        When::OnDemand
    );
    assert!(r.notes.iter().any(|n| n.contains("4,000")), "{:?}", r.notes);
}

#[test]
fn only_tools_present_are_reported_and_budgets_compare_start_tokens() {
    let files = [("CLAUDE.md", "# Memory\n\nA few words here.\n")];
    let r = run(&files, &[], "", &[]);
    assert_eq!(r.iter().map(|t| t.tool).collect::<Vec<_>>(), [Tool::Claude]);
    let budgets = [("claude".to_owned(), 3usize)].into_iter().collect();
    assert_eq!(
        over_budget(&r, &budgets),
        [(Tool::Claude, r[0].start_tokens, 3)]
    );
    let budgets = [("claude".to_owned(), 1000usize)].into_iter().collect();
    assert!(over_budget(&r, &budgets).is_empty());
}
