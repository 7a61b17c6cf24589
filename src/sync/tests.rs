//! Unit tests of the sync plan.

use super::*;
use crate::source::SourceText;

fn doc(path: &str, text: &str) -> Document {
    let mut d = crate::document::parse(SourceText::from_str(text), Some(path), None).doc;
    d.path = Some(path.to_owned());
    d
}

#[test]
fn a_kind_the_target_lacks_is_reported_per_file_or_per_kind() {
    let agent = |i: usize| {
        doc(
            &format!(".claude/agents/a{i}.md"),
            &format!("---\nname: a{i}\ndescription: Does {i}\n---\n\nDo {i}.\n"),
        )
    };
    let targets = [Target::Tool(crate::tools::Tool::AgentsMd)];
    let few: Vec<Document> = (0..2).map(agent).collect();
    let p = plan(&few, &targets, &SyncOptions::default());
    assert!(p.files.is_empty());
    assert_eq!(p.events.len(), 2, "{:?}", p.events);
    assert!(p.events.iter().all(|e| e.level == Level::Loss));
    let many: Vec<Document> = (0..5).map(agent).collect();
    let p = plan(&many, &targets, &SyncOptions::default());
    assert_eq!(p.events.len(), 1, "{:?}", p.events);
    assert_eq!(p.events[0].source, "5 `claude-agent` files");
    assert!(
        p.events[0].message.ends_with(
            "(.claude/agents/a0.md, .claude/agents/a1.md, .claude/agents/a2.md, and 2 more)"
        ),
        "{}",
        p.events[0].message
    );
}

#[test]
fn two_targets_writing_one_file_share_it() {
    let md = doc("CLAUDE.md", "# Project\n\nUse pnpm.\n");
    let targets = [
        Target::Tool(crate::tools::Tool::AgentsMd),
        Target::Tool(crate::tools::Tool::Codex),
    ];
    let p = plan(&[md], &targets, &SyncOptions::default());
    let agents: Vec<&Planned> = p.files.iter().filter(|f| f.path == "AGENTS.md").collect();
    assert_eq!(agents.len(), 1);
    assert_eq!(agents[0].targets, ["agents-md", "codex"]);
    assert_eq!(agents[0].sources, ["CLAUDE.md"]);
}
