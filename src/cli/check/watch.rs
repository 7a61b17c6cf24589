//! `check --watch`: check, then check again whenever an input changes (the `notify` crate:
//! inotify, FSEvents or ReadDirectoryChangesW, no polling).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher as _};

use agentfmt::config::Config;

use crate::cli::ExitStatus;
use crate::cli::args::CheckArgs;

/// How long to wait for a burst of changes (an editor's save, a `git checkout`) to end.
const SETTLE: Duration = Duration::from_millis(200);

/// Whether a change at `path` can change the result: not inside `.git` or a build directory.
fn relevant(path: &Path) -> bool {
    !path.components().any(|c| {
        matches!(
            c.as_os_str().to_str(),
            Some(".git" | "target" | "node_modules")
        )
    })
}

/// Runs [`super::run_once`], then again after every change under the inputs, until the
/// process is interrupted or the watcher fails.
pub(crate) fn run(args: &CheckArgs, config: &Config, root: &Path) -> anyhow::Result<ExitStatus> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(e) = event
            && !e.kind.is_access()
            && e.paths.iter().any(|p| relevant(p))
        {
            let _ = tx.send(());
        }
    })?;
    let paths: Vec<PathBuf> = if args.input.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.input.paths.clone()
    };
    for p in &paths {
        watcher
            .watch(p, RecursiveMode::Recursive)
            .map_err(|e| anyhow::anyhow!("cannot watch {}: {e}", p.display()))?;
    }
    loop {
        let _ = super::run_once(args, config, root)?;
        // Changes made by the run itself (`--fix`) arrive now: they need no second run.
        std::thread::sleep(SETTLE);
        while rx.try_recv().is_ok() {}
        let _ = writeln!(std::io::stderr(), "Watching for changes (Ctrl-C stops)...");
        if rx.recv().is_err() {
            return Ok(ExitStatus::Error);
        }
        std::thread::sleep(SETTLE);
        while rx.try_recv().is_ok() {}
        let _ = writeln!(std::io::stderr(), "\nFile change detected, checking again.");
    }
}
