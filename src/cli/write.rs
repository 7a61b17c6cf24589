//! Safe writes: a temporary file in the same directory, flushed, then renamed over the target,
//! so a reader (or a crash, or SIGKILL) sees the old file or the new one, never a part.
//!
//! A process killed between creating its temporary file and the rename (SIGKILL, power loss)
//! cannot remove it, and no portable API creates a file that vanishes on death yet can be
//! renamed over an existing one (Linux's `O_TMPFILE` + `linkat` cannot replace a file). So the
//! temporary files carry the writer's process id, `.<name>.agentfmt-<pid>-<n>.tmp`, and every
//! writing run first removes, in each directory it may write to, the ones whose process is gone
//! ([`remove_stale_temps`]). A live writer's file is never touched.

use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

/// Writes `bytes` to `path` atomically, keeping the existing file's permissions, and flushed
/// to disk before the rename (a user's file survives a power loss as the old or the new text).
///
/// The temporary file is `.<name>.agentfmt-<pid>-<n>.tmp` next to the target and is removed if
/// anything fails before the rename.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_via_temp(path, bytes, true)
}

/// [`atomic_write`] for a generated file, which its sources reproduce: the same temporary file
/// and rename (a reader or a kill sees the old file or the new one), without flushing each file
/// to disk, which costs more than generating it (1,100 files: 0.8 s of `fsync` against 0.1 s of
/// work). After a power loss a generated file may be empty; `sync` then reports it as changed
/// by hand, and `sync --force` writes it again.
pub fn atomic_write_generated(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_via_temp(path, bytes, false)
}

fn write_via_temp(path: &Path, bytes: &[u8], durable: bool) -> std::io::Result<()> {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}{TEMP_MARK}{}-{n}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        if let Ok(meta) = std::fs::metadata(path) {
            f.set_permissions(meta.permissions())?;
        }
        if durable {
            f.sync_all()?;
        }
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// What [`atomic_write`] puts between the target's name and `<pid>-<n>.tmp`.
const TEMP_MARK: &str = ".agentfmt-";

/// The process id in the name of one of [`atomic_write`]'s temporary files, if it is one.
fn temp_owner(file_name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, tail) = rest.rsplit_once(TEMP_MARK)?;
    let (pid, n) = tail.split_once('-')?;
    n.parse::<u64>().ok()?;
    pid.parse().ok()
}

/// Whether the writer `pid` may still be running. Linux answers through `/proc`; elsewhere a
/// temporary file counts as abandoned once it is an hour old (no run writes one file for that
/// long), which needs no `unsafe` call to `kill(pid, 0)`.
fn writer_alive(pid: u32, path: &Path) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    path.metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_none_or(|age| age < std::time::Duration::from_secs(3600))
}

/// Removes the temporary files that an [`atomic_write`] killed before its rename left in `dir`
/// (only names of agentfmt's own pattern, only when their writer is gone). Returns the paths
/// removed. Errors (an unreadable directory, a file already gone) are ignored: the files are
/// litter, not data.
pub fn remove_stale_temps(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_owner) else {
            continue;
        };
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_file())
            && !writer_alive(pid, &path)
            && std::fs::remove_file(&path).is_ok()
        {
            removed.push(path);
        }
    }
    removed
}

/// Joins a generated relative path onto `root`, refusing anything that could land outside it:
/// absolute paths, `..`, and directories (existing or not) that resolve outside `root` through
/// a symlink. Creates the parent directories.
///
/// # Errors
/// A message naming the path and why it was refused, or an I/O error creating directories.
pub fn safe_join(root: &Path, rel: &str) -> Result<PathBuf, String> {
    SafeRoot::new(root)?.join(rel)
}

/// An output directory that many files are written under: [`safe_join`] with the root
/// resolved once and each directory checked once (resolving every path's parent again costs a
/// `readlink` per component per file).
pub struct SafeRoot {
    root: PathBuf,
    canon: PathBuf,
    /// Directories already created and resolved inside `root`.
    checked: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl SafeRoot {
    /// Resolves `root`.
    ///
    /// # Errors
    /// When `root` cannot be resolved (it does not exist).
    pub fn new(root: &Path) -> Result<Self, String> {
        let canon = root
            .canonicalize()
            .map_err(|e| format!("cannot resolve {}: {e}", root.display()))?;
        Ok(SafeRoot {
            root: root.to_path_buf(),
            canon,
            checked: std::sync::Mutex::new(std::collections::HashSet::new()),
        })
    }

    /// See [`safe_join`].
    ///
    /// # Errors
    /// As [`safe_join`].
    pub fn join(&self, rel: &str) -> Result<PathBuf, String> {
        let rel_path = Path::new(rel);
        if rel_path.is_absolute() || rel.starts_with('/') || rel.starts_with('\\') {
            return Err(format!("refusing to write `{rel}`: absolute path"));
        }
        for c in rel_path.components() {
            match c {
                Component::Normal(_) | Component::CurDir => {}
                _ => {
                    return Err(format!(
                        "refusing to write `{rel}`: it leaves the output directory"
                    ));
                }
            }
        }
        let target = self.root.join(rel_path);
        let parent = target
            .parent()
            .ok_or_else(|| format!("refusing to write `{rel}`: no parent"))?;
        let known = self
            .checked
            .lock()
            .expect("no panic while held")
            .contains(parent);
        if !known {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            let canon_parent = parent
                .canonicalize()
                .map_err(|e| format!("cannot resolve {}: {e}", parent.display()))?;
            if !canon_parent.starts_with(&self.canon) {
                return Err(format!(
                    "refusing to write `{rel}`: a symlink leads outside the output directory"
                ));
            }
            self.checked
                .lock()
                .expect("no panic while held")
                .insert(parent.to_path_buf());
        }
        if target
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
        {
            return Err(format!("refusing to write `{rel}`: it is a symlink"));
        }
        Ok(target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "old").unwrap();
        atomic_write(&p, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn temp_names_are_recognised() {
        assert_eq!(temp_owner(".a.md.agentfmt-123-4.tmp"), Some(123));
        assert_eq!(temp_owner(".x.agentfmt-y.md.agentfmt-9-0.tmp"), Some(9));
        assert_eq!(temp_owner("a.md.agentfmt-123-4.tmp"), None);
        assert_eq!(temp_owner(".a.md.agentfmt-123.tmp"), None);
        assert_eq!(temp_owner(".a.md.agentfmt-x-1.tmp"), None);
        assert_eq!(temp_owner(".a.md.tmp"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn stale_temps_are_removed_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        // A pid above the kernel's maximum (2^22) cannot be running.
        let dead = dir.path().join(".a.md.agentfmt-4294967295-0.tmp");
        let live = dir
            .path()
            .join(format!(".a.md.agentfmt-{}-7.tmp", std::process::id()));
        let other = dir.path().join(".a.md.other-1-0.tmp");
        for p in [&dead, &live, &other] {
            std::fs::write(p, "x").unwrap();
        }
        assert_eq!(remove_stale_temps(dir.path()), vec![dead.clone()]);
        assert!(!dead.exists() && live.exists() && other.exists());
    }

    #[test]
    fn safe_join_refuses_escapes() {
        let dir = tempfile::tempdir().unwrap();
        assert!(safe_join(dir.path(), "../x.md").is_err());
        assert!(safe_join(dir.path(), "/etc/passwd").is_err());
        assert!(safe_join(dir.path(), "a/../../x.md").is_err());
        assert!(safe_join(dir.path(), ".claude/agents/a.md").is_ok());
        #[cfg(unix)]
        {
            let outside = tempfile::tempdir().unwrap();
            std::os::unix::fs::symlink(outside.path(), dir.path().join("link")).unwrap();
            assert!(safe_join(dir.path(), "link/x.md").is_err());
        }
    }
}
