//! Safe writes: a temporary file in the same directory, flushed, then renamed over the target,
//! so a reader (or a crash, or SIGKILL) sees the old file or the new one, never a part.

use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

/// Writes `bytes` to `path` atomically, keeping the existing file's permissions.
///
/// The temporary file is `.<name>.agentfmt-<pid>-<n>.tmp` next to the target and is removed if
/// anything fails before the rename.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.agentfmt-{}-{n}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        if let Ok(meta) = std::fs::metadata(path) {
            f.set_permissions(meta.permissions())?;
        }
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Joins a generated relative path onto `root`, refusing anything that could land outside it:
/// absolute paths, `..`, and directories (existing or not) that resolve outside `root` through
/// a symlink. Creates the parent directories.
///
/// # Errors
/// A message naming the path and why it was refused, or an I/O error creating directories.
pub fn safe_join(root: &Path, rel: &str) -> Result<PathBuf, String> {
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
    let target = root.join(rel_path);
    let parent = target
        .parent()
        .ok_or_else(|| format!("refusing to write `{rel}`: no parent"))?;
    std::fs::create_dir_all(parent)
        .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    let canon_root = root
        .canonicalize()
        .map_err(|e| format!("cannot resolve {}: {e}", root.display()))?;
    let canon_parent = parent
        .canonicalize()
        .map_err(|e| format!("cannot resolve {}: {e}", parent.display()))?;
    if !canon_parent.starts_with(&canon_root) {
        return Err(format!(
            "refusing to write `{rel}`: a symlink leads outside the output directory"
        ));
    }
    if target
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink())
    {
        return Err(format!("refusing to write `{rel}`: it is a symlink"));
    }
    Ok(target)
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
