//! Reading inputs and writing files safely (temporary file in the same directory, then
//! rename, so a file is never left half written).

use std::io::Read as _;
use std::path::Path;

/// Files larger than this are reported, not read (bytes).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why an input could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge(u64),
    /// An I/O error (not found, permission denied, a directory, ...).
    Io(std::io::Error),
}

/// Reads a file, refusing ones over the size limit.
pub fn read(path: &Path) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "is a directory",
        )));
    }
    if !meta.is_file() {
        // A FIFO or a device would block or never end.
        return Err(ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        )));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let mut f = std::fs::File::open(path).map_err(ReadError::Io)?;
    let mut buf = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // Read at most one byte past the limit, in case the file grew.
    f.by_ref()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(ReadError::Io)?;
    if buf.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(buf.len() as u64));
    }
    Ok(buf)
}

/// Reads standard input (same size limit).
pub fn read_stdin() -> Result<Vec<u8>, ReadError> {
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(ReadError::Io)?;
    if buf.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(buf.len() as u64));
    }
    Ok(buf)
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooLarge(n) => write!(
                f,
                "file is too large ({:.1} MiB; the limit is {} MiB)",
                *n as f64 / 1048576.0,
                MAX_FILE_BYTES / 1048576
            ),
            Self::Io(e) => write!(f, "cannot read: {e}"),
        }
    }
}
