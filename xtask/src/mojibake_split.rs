//! The three-way split of every text the repair engine is built or measured on.
//!
//! A text belongs to one origin — a repository of the shared corpus, a gettext domain of
//! the message catalogues, a Debian package's documentation — and every text of one
//! origin lands in the same part, so that the held-out parts hold no file of a repository
//! (or domain, or package) the lost-byte statistics were trained on:
//!
//! - [`Split::Train`] (half of the origins): what `cargo xtask repair-model --holdout`
//!   trains on;
//! - [`Split::Dev`] (a quarter): what a developer looks at while changing the engine;
//! - [`Split::Report`] (a quarter): what the closing numbers are measured on, and nothing
//!   is tuned against.
//!
//! The generated texts (lookalikes, symbol-heavy agent files) take a different PRNG seed
//! per part, see [`Split::seed`].

/// One part of the split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    /// Trained on.
    Train,
    /// Looked at while developing.
    Dev,
    /// Reported on.
    Report,
}

impl Split {
    /// The part an origin (`owner__repo`, a gettext domain, a package name) falls in,
    /// from the FNV-1a hash of the name: 0 and 2 mod 4 train, 1 dev, 3 report.
    pub fn of_origin(origin: &str) -> Self {
        match agentfmt::hash::fnv1a64(origin.as_bytes()) % 4 {
            1 => Self::Dev,
            3 => Self::Report,
            _ => Self::Train,
        }
    }

    /// The part of a shared-corpus file, by its repository (see [`corpus_origin`]).
    pub fn of_corpus_file(name: &str) -> Self {
        Self::of_origin(corpus_origin(name))
    }

    /// The part of a message catalogue at `path`, by its domain (see [`domain_origin`]).
    pub fn of_catalogue(path: &str) -> Self {
        Self::of_origin(&domain_origin(path))
    }

    /// The PRNG seed of the texts generated for this part (distinct per part).
    pub fn seed(self) -> u64 {
        match self {
            Self::Train => 0x7a11_0000_0000_0001,
            Self::Dev => 0xde70_0000_0000_0002,
            Self::Report => 0x4e90_0000_0000_0003,
        }
    }

    /// The part's name on the command line (`train`, `dev`, `report`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Train => "train",
            Self::Dev => "dev",
            Self::Report => "report",
        }
    }

    /// Parses [`Split::name`].
    pub fn parse(s: &str) -> Option<Self> {
        [Self::Train, Self::Dev, Self::Report]
            .into_iter()
            .find(|p| p.name() == s)
    }
}

/// The repository of a corpus-relative file name `kind/owner__repo[@commit]/file`:
/// `owner__repo` (a file saved at several commits is one origin). A name without a
/// directory is its own origin.
pub fn corpus_origin(name: &str) -> &str {
    let mut parts = name.split('/');
    let _kind = parts.next();
    match parts.next() {
        Some(repo) if parts.next().is_some() => repo.split('@').next().unwrap_or(repo),
        _ => name,
    }
}

/// The gettext domain family of a catalogue path (`…/LC_MESSAGES/gtk20-properties.mo`
/// → `gtk`): the file stem's leading letters, lower-cased, so that variants of one
/// project's messages (`iso_3166`, `iso_3166-1`) share an origin.
pub fn domain_origin(path: &str) -> String {
    let stem = path.rsplit('/').next().unwrap_or(path);
    let stem = stem.strip_suffix(".mo").unwrap_or(stem);
    let letters: String = stem.chars().take_while(char::is_ascii_alphabetic).collect();
    if letters.is_empty() {
        stem.to_ascii_lowercase()
    } else {
        letters.to_ascii_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_repository_is_one_origin_across_kinds_and_commits() {
        assert_eq!(
            corpus_origin("cursorrules/PatrickJS__awesome-cursorrules@5b9e9a48/a.cursorrules"),
            "PatrickJS__awesome-cursorrules"
        );
        assert_eq!(
            corpus_origin("cursor-mdc/PatrickJS__awesome-cursorrules/b.mdc"),
            "PatrickJS__awesome-cursorrules"
        );
        assert_eq!(
            Split::of_corpus_file("agents-md/o__r/AGENTS.md"),
            Split::of_corpus_file("claude-md/o__r@abc/CLAUDE.md")
        );
    }

    #[test]
    fn catalogue_variants_share_a_domain() {
        assert_eq!(domain_origin("/l/fr/LC_MESSAGES/iso_3166-1.mo"), "iso");
        assert_eq!(
            domain_origin("/l/fr/LC_MESSAGES/gtk20-properties.mo"),
            "gtk"
        );
        assert_eq!(domain_origin("/l/fr/LC_MESSAGES/Linux-PAM.mo"), "linux");
    }

    #[test]
    fn every_part_gets_origins() {
        let mut seen = [0usize; 3];
        for i in 0..400 {
            seen[Split::of_origin(&format!("o{i}")) as usize] += 1;
        }
        assert!(seen.iter().all(|&n| n > 60), "{seen:?}");
    }
}
