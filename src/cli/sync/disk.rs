//! What sync wants on disk (generated files and skills' companion files), how each path
//! stands, and the writes and deletions that bring the disk in step.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use agentfmt::sync::manifest::{Entry, Manifest, hash};
use agentfmt::sync::state::{State, classify};
use agentfmt::sync::{Event, Level, Plan};
use agentfmt::tools::Kind;

use crate::cli::write;

/// The largest companion file carried (a skill's scripts and assets; anything bigger is
/// reported, not read).
const MAX_COMPANION: u64 = 64 << 20;

/// One file sync wants at a path.
#[derive(Clone, Debug)]
pub(super) struct Want {
    pub bytes: Vec<u8>,
    /// The executable bit (companion files keep theirs).
    pub exec: bool,
    /// The generated kind; `None` for a companion file, carried byte for byte.
    pub kind: Option<Kind>,
    /// Project-relative source paths.
    pub sources: Vec<String>,
    /// The targets, comma-separated, as recorded in the manifest.
    pub targets: String,
    /// For a companion file: the source file it is a copy of.
    pub origin: Option<String>,
}

/// One path sync is concerned with: wanted, recorded in the manifest, or both.
#[derive(Debug)]
pub(super) struct Item {
    pub path: String,
    pub want: Option<Want>,
    pub disk: Option<Vec<u8>>,
    pub state: State,
    /// The manifest's entry, when there is one.
    pub entry: Option<Entry>,
}

/// The files `plan` wants, its skills' companion files included. A companion file that cannot
/// be carried (a symlink, too large, a skill written as another kind) is an event.
pub(super) fn wanted(root: &Path, plan: &Plan, events: &mut Vec<Event>) -> BTreeMap<String, Want> {
    let mut out: BTreeMap<String, Want> = plan
        .files
        .iter()
        .map(|f| {
            (
                f.path.clone(),
                Want {
                    bytes: f.text.clone().into_bytes(),
                    exec: false,
                    kind: Some(f.kind),
                    sources: f.sources.clone(),
                    targets: f.targets.join(","),
                    origin: None,
                },
            )
        })
        .collect();
    for s in &plan.skills {
        let dir = Path::new(&s.source).parent().unwrap_or(Path::new(""));
        let dir_rel = dir.to_string_lossy().replace('\\', "/");
        let mut found = Vec::new();
        let mut skipped = Vec::new();
        list(&root.join(dir), "", &mut found, &mut skipped);
        for (rel, why) in skipped {
            events.push(event(s, format!("`{dir_rel}/{rel}` not carried: {why}")));
        }
        let Some(out_dir) = &s.out_dir else {
            if !found.is_empty() {
                let names: Vec<&str> = found.iter().map(|(r, _, _)| r.as_str()).collect();
                events.push(event(
                    s,
                    format!(
                        "the skill's companion files are not carried ({}): `{}` holds the skill as a single file",
                        names.join(", "),
                        s.target
                    ),
                ));
            }
            continue;
        };
        for (rel, bytes, exec) in found {
            let path = format!("{out_dir}/{rel}");
            match out.get_mut(&path) {
                Some(w) if w.bytes == bytes => {
                    if !w.targets.split(',').any(|t| t == s.target) {
                        w.targets = format!("{},{}", w.targets, s.target);
                    }
                }
                Some(_) => events.push(Event {
                    source: s.source.clone(),
                    target: s.target,
                    level: Level::Error,
                    message: format!("{path} is generated twice with other content; not carried"),
                }),
                None => {
                    out.insert(
                        path,
                        Want {
                            bytes,
                            exec,
                            kind: None,
                            sources: vec![s.source.clone()],
                            targets: s.target.to_owned(),
                            origin: Some(format!("{dir_rel}/{rel}")),
                        },
                    );
                }
            }
        }
    }
    out
}

fn event(s: &agentfmt::sync::SkillFolder, message: String) -> Event {
    Event {
        source: s.source.clone(),
        target: s.target,
        level: Level::Loss,
        message,
    }
}

/// The files below `dir` other than its `SKILL.md`, by `/`-separated path under it, with
/// their bytes and executable bit, sorted; symlinks and oversized files go to `skipped` with
/// the reason. Symlinks are never followed.
fn list(
    dir: &Path,
    prefix: &str,
    found: &mut Vec<(String, Vec<u8>, bool)>,
    skipped: &mut Vec<(String, String)>,
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let rel = format!("{prefix}{name}");
        if prefix.is_empty() && name == "SKILL.md" {
            continue;
        }
        let Ok(meta) = std::fs::symlink_metadata(e.path()) else {
            continue;
        };
        if meta.file_type().is_symlink() {
            skipped.push((rel, "a symlink (symlinks are not followed)".into()));
        } else if meta.is_dir() {
            list(&e.path(), &format!("{rel}/"), found, skipped);
        } else if meta.len() > MAX_COMPANION {
            skipped.push((rel, format!("larger than {} MiB", MAX_COMPANION >> 20)));
        } else if let Ok(bytes) = std::fs::read(e.path()) {
            found.push((rel, bytes, is_exec(&meta)));
        }
    }
}

#[cfg(unix)]
fn is_exec(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    meta.permissions().mode() & 0o111 != 0
}

#[cfg(not(unix))]
fn is_exec(_: &std::fs::Metadata) -> bool {
    false
}

/// How every wanted path, and every path the manifest says sync generated, stands on disk,
/// sorted by path. A symlink where a file would go is never read or replaced: it counts as a
/// file agentfmt did not write.
pub(super) fn survey(
    root: &Path,
    wanted: BTreeMap<String, Want>,
    manifest: &Manifest,
) -> Vec<Item> {
    let mut paths: BTreeMap<String, Option<Want>> =
        wanted.into_iter().map(|(p, w)| (p, Some(w))).collect();
    for (p, e) in &manifest.files {
        if e.by == "sync" {
            paths.entry(p.clone()).or_insert(None);
        }
    }
    let paths: Vec<(String, Option<Want>)> = paths.into_iter().collect();
    paths
        .into_par_iter()
        .map(|(path, want)| {
            let full = root.join(&path);
            let meta = std::fs::symlink_metadata(&full).ok();
            let entry = manifest.files.get(&path).cloned();
            let (disk, exec) = match &meta {
                Some(m) if m.file_type().is_symlink() => {
                    return Item {
                        state: if want.is_some() {
                            State::Foreign
                        } else {
                            State::Gone
                        },
                        path,
                        want,
                        disk: None,
                        entry,
                    };
                }
                Some(m) if m.is_file() => (std::fs::read(&full).ok(), is_exec(m)),
                _ => (None, false),
            };
            let mut state = classify(
                want.as_ref().map(|w| w.bytes.as_slice()),
                disk.as_deref(),
                entry.as_ref().map(|e| e.hash.as_str()),
            );
            if state == State::UpToDate
                && want.as_ref().is_some_and(|w| w.exec != exec)
                && cfg!(unix)
            {
                state = State::Stale;
            }
            Item {
                path,
                want,
                disk,
                state,
                entry,
            }
        })
        .collect()
}

/// The manifest entry for a file sync wrote (or found as it would write it).
pub(super) fn entry_for(w: &Want) -> Entry {
    Entry {
        hash: hash(&w.bytes),
        sources: w.sources.clone(),
        target: w.targets.clone(),
        by: "sync".into(),
    }
}

/// Writes `w` at `rel` under `root`: atomically, never through a symlink or outside `root`,
/// with the executable bit `w` carries.
///
/// # Errors
/// The refusal or I/O error, as a message naming the path.
pub(super) fn put(root: &write::SafeRoot, rel: &str, w: &Want) -> Result<(), String> {
    let path = root.join(rel)?;
    write::atomic_write_generated(&path, &w.bytes)
        .map_err(|e| format!("cannot write {rel}: {e}"))?;
    set_exec(&path, w.exec).map_err(|e| format!("cannot set the mode of {rel}: {e}"))
}

#[cfg(unix)]
fn set_exec(path: &Path, exec: bool) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    let mut perm = std::fs::metadata(path)?.permissions();
    let mode = perm.mode();
    // Executable for whoever may read it, as `git` checks out a `100755` file.
    let want = if exec {
        mode | ((mode & 0o444) >> 2)
    } else {
        mode & !0o111
    };
    if want != mode {
        perm.set_mode(want);
        std::fs::set_permissions(path, perm)?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn set_exec(_: &Path, _: bool) -> std::io::Result<()> {
    Ok(())
}

/// Deletes the generated file `rel` under `root`, then its parent directories up to `root`
/// that it left empty.
///
/// # Errors
/// The refusal or I/O error, as a message naming the path.
pub(super) fn delete(safe: &write::SafeRoot, root: &Path, rel: &str) -> Result<(), String> {
    let path = safe.join(rel)?;
    std::fs::remove_file(&path).map_err(|e| format!("cannot delete {rel}: {e}"))?;
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}
