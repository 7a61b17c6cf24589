//! Texts of other origins for the mojibake bench, read at run time and never copied into
//! the repository: the message catalogues (`*.mo`) under `/usr/share/locale` in every
//! language, and the plain-text documentation under `/usr/share/doc`. Each is assigned to
//! a part of the split by its origin (gettext domain, package), see
//! [`crate::mojibake_split`].

use crate::mojibake_split::Split;
use std::path::{Path, PathBuf};

/// Longest text taken from one catalogue or document, in bytes: about an agent file.
const MAX_TEXT: usize = 12_000;

/// Where the catalogues are read from.
pub const LOCALE_DIR: &str = "/usr/share/locale";
/// Where the documentation is read from.
pub const DOC_DIR: &str = "/usr/share/doc";

/// One text per UTF-8 catalogue under `dir/<lang>/LC_MESSAGES/` whose domain is in
/// `part`, in every language: its translations joined by line breaks, sampled evenly
/// down to at most [`MAX_TEXT`] bytes. Names are `locale:<lang>/<file>`.
pub fn catalogues(dir: &Path, part: Split) -> Vec<(String, String)> {
    let mut langs: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("LC_MESSAGES"))
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    let mut out = Vec::new();
    for l in langs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&l)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "mo"))
            .collect();
        files.sort();
        for f in files {
            let name = f.display().to_string();
            if Split::of_catalogue(&name) != part {
                continue;
            }
            let Some(text) = std::fs::read(&f)
                .ok()
                .and_then(|b| crate::repair_model::mo_strings(&b))
            else {
                continue;
            };
            if text.trim().is_empty() {
                continue;
            }
            let lang = l
                .parent()
                .and_then(Path::file_name)
                .unwrap_or_default()
                .to_string_lossy();
            let file = f.file_name().unwrap_or_default().to_string_lossy();
            out.push((format!("locale:{lang}/{file}"), sample_lines(&text)));
        }
    }
    out
}

/// Every valid UTF-8 `*.txt`, `*.md` and `*.rst` file under `dir/<package>/` (any depth)
/// whose package is in `part`, cut at a line break to at most [`MAX_TEXT`] bytes. Names
/// are `doc:<package>/<path>`.
pub fn docs(dir: &Path, part: Split) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut pkgs: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir() && !p.is_symlink())
        .collect();
    pkgs.sort();
    for pkg in pkgs {
        let name = pkg.file_name().unwrap_or_default().to_string_lossy();
        if Split::of_origin(&format!("doc:{name}")) != part {
            continue;
        }
        let mut files = Vec::new();
        let mut stack = vec![pkg.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_symlink() {
                    continue;
                }
                if p.is_dir() {
                    stack.push(p);
                } else if p
                    .extension()
                    .is_some_and(|x| x == "txt" || x == "md" || x == "rst")
                {
                    files.push(p);
                }
            }
        }
        files.sort();
        for f in files {
            let Some(text) = std::fs::read(&f)
                .ok()
                .and_then(|b| String::from_utf8(b).ok())
            else {
                continue;
            };
            let rel = f.strip_prefix(dir).unwrap_or(&f).display().to_string();
            out.push((format!("doc:{rel}"), cut(&text)));
        }
    }
    out
}

/// `text` cut at the last line break before [`MAX_TEXT`] bytes.
fn cut(text: &str) -> String {
    if text.len() <= MAX_TEXT {
        return text.to_owned();
    }
    let mut end = MAX_TEXT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end].rfind('\n').map_or(end, |i| i + 1);
    text[..end].to_owned()
}

/// Evenly spaced lines of `text` (a catalogue's translations) adding up to at most
/// [`MAX_TEXT`] bytes, in their order.
fn sample_lines(text: &str) -> String {
    if text.len() <= MAX_TEXT {
        return text.to_owned();
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let step = text.len().div_ceil(MAX_TEXT).max(1);
    let mut out = String::new();
    for l in lines.iter().step_by(step) {
        if out.len() + l.len() > MAX_TEXT {
            break;
        }
        out.push_str(l);
    }
    out
}
