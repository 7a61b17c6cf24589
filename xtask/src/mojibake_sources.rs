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

/// Every valid UTF-8 `*.txt`, `*.md`, `*.rst`, `copyright`, `changelog.Debian.gz` and
/// `NEWS.Debian.gz` file (authors' and maintainers' names: `Jürgen`, `François`) under
/// `dir/<package>/` (any depth)
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
                    || p.file_name().is_some_and(|n| {
                        n == "copyright" || n == "changelog.Debian.gz" || n == "NEWS.Debian.gz"
                    })
                {
                    files.push(p);
                }
            }
        }
        files.sort();
        for f in files {
            let Some(text) = read_maybe_gz(&f) else {
                continue;
            };
            let rel = f.strip_prefix(dir).unwrap_or(&f).display().to_string();
            out.push((format!("doc:{rel}"), cut(&text)));
        }
    }
    out
}

/// The translated manual pages under `dir/<lang>/man<N>/*.gz` (decompressed with `gzip -dc`),
/// valid UTF-8 only, whose page is in `part`: every translation of a page is one origin.
/// Names are `man:<lang>/<page>`.
pub fn man_pages(dir: &Path, part: Split) -> Vec<(String, String)> {
    let mut pages = Vec::new();
    for lang in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let lang_name = lang.file_name().to_string_lossy().into_owned();
        if lang_name.starts_with("man") || !lang.path().is_dir() {
            continue;
        }
        for sec in std::fs::read_dir(lang.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            for page in std::fs::read_dir(sec.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let p = page.path();
                if p.is_symlink() || p.extension().is_none_or(|x| x != "gz") {
                    continue;
                }
                let name = p
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                if Split::of_origin(&format!("man:{name}")) == part {
                    pages.push((lang_name.clone(), name, p));
                }
            }
        }
    }
    pages.sort();
    pages
        .into_iter()
        .filter_map(|(lang, name, p)| {
            let out = std::process::Command::new("gzip")
                .arg("-dc")
                .arg(&p)
                .output()
                .ok()?;
            let text = String::from_utf8(out.stdout).ok()?;
            out.status
                .success()
                .then(|| (format!("man:{lang}/{name}"), cut(&text)))
        })
        .collect()
}

/// The text of `p`, decompressed with `gzip -dc` when it ends in `.gz`; `None` unless it is
/// valid UTF-8.
fn read_maybe_gz(p: &Path) -> Option<String> {
    let bytes = if p.extension().is_some_and(|x| x == "gz") {
        let out = std::process::Command::new("gzip")
            .arg("-dc")
            .arg(p)
            .output()
            .ok()?;
        out.status.success().then_some(out.stdout)?
    } else {
        std::fs::read(p).ok()?
    };
    String::from_utf8(bytes).ok()
}

/// The directory of translated manual pages.
pub const MAN_DIR: &str = "/usr/share/man";

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
