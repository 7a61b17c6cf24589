//! File discovery: `ignore`'s parallel walker (honours .gitignore, skips .git and
//! node_modules, never follows symlinks) plus `exclude` globs from the configuration.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use agentfmt::config::Config;

/// An input to process.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file; `explicit` when named on the command line (always read, whatever its name).
    /// `base` is the directory argument the walk found it under; `None` for a file named on
    /// the command line.
    File {
        path: PathBuf,
        explicit: bool,
        base: Option<PathBuf>,
    },
}

impl Input {
    /// The file's path relative to the project root it was found in, `/`-separated and
    /// without `./`: below the walked directory, or as given for a file named on the command
    /// line (relative to the current directory). `None` for standard input.
    pub fn project_path(&self) -> Option<String> {
        let Input::File { path, base, .. } = self else {
            return None;
        };
        let rel = base
            .as_deref()
            .and_then(|b| path.strip_prefix(b).ok())
            .unwrap_or(path);
        Some(display(rel))
    }
}

/// Expands the command-line paths into inputs, sorted and deduplicated. Directories yield the
/// files whose path names an agent-file kind.
pub fn collect(paths: &[PathBuf], config: &Config, config_root: &Path) -> Vec<Input> {
    let defaults = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &defaults[..]
    } else {
        paths
    };
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            out.extend(
                walk_dir(p, config, config_root)
                    .into_iter()
                    .map(|path| Input::File {
                        path,
                        explicit: false,
                        base: Some(p.clone()),
                    }),
            );
        } else {
            out.push(Input::File {
                path: p.clone(),
                explicit: true,
                base: None,
            });
        }
    }
    out.sort();
    out.dedup_by(|a, b| match (a, b) {
        (Input::File { path: pa, .. }, Input::File { path: pb, .. }) => pa == pb,
        (a, b) => a == b,
    });
    out
}

fn relative_to<'a>(path: &'a Path, root: &Path) -> std::borrow::Cow<'a, str> {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match abs.strip_prefix(root) {
        Ok(rel) => std::borrow::Cow::Owned(rel.to_string_lossy().replace('\\', "/")),
        Err(_) => path.to_string_lossy(),
    }
}

fn walk_dir(dir: &Path, config: &Config, config_root: &Path) -> Vec<PathBuf> {
    let found = Mutex::new(Vec::new());
    ignore::WalkBuilder::new(dir)
        .hidden(false)
        .require_git(false)
        .follow_links(false)
        .filter_entry(|e| {
            let name = e.file_name();
            name != ".git" && name != "node_modules"
        })
        .build_parallel()
        .run(|| {
            Box::new(|entry| {
                let Ok(entry) = entry else {
                    return ignore::WalkState::Continue;
                };
                if !entry.file_type().is_some_and(|t| t.is_file()) {
                    return ignore::WalkState::Continue;
                }
                let path = entry.path();
                let display = path.to_string_lossy();
                if agentfmt::tools::detect(&display).is_some()
                    && !config.is_excluded(&relative_to(path, config_root))
                {
                    found.lock().expect("walker lock").push(path.to_path_buf());
                }
                ignore::WalkState::Continue
            })
        });
    found.into_inner().expect("walker lock")
}

/// The path to show in output: as given, without a leading `./`.
pub fn display(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map_or(s.clone(), str::to_owned)
}
