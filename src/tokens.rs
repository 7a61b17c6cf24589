//! Token counts: how much of a model's context window a text takes.
//!
//! No tool in this field publishes the tokenizer of the models it runs (Claude's is not
//! public), so counts use OpenAI's `o200k_base` encoding (GPT-4o and later, the encoding
//! Codex and Copilot's default models use) through `tiktoken-rs`, which ships the vocabulary.
//! For Claude models the count is an estimate of the same order. The vocabulary is parsed
//! once, on first use (about 0.2 s in a release build), and shared between threads.

use std::sync::OnceLock;

use tiktoken_rs::CoreBPE;

/// The name of the encoding [`count`] uses, for reports.
pub const ENCODING: &str = "o200k_base";

fn bpe() -> &'static CoreBPE {
    static BPE: OnceLock<CoreBPE> = OnceLock::new();
    BPE.get_or_init(|| {
        // The vocabulary is compiled into tiktoken-rs; parsing it cannot fail.
        tiktoken_rs::o200k_base().expect("tiktoken-rs ships a valid o200k_base vocabulary")
    })
}

/// The number of `o200k_base` tokens in `text` (UTF-8), special-token strings such as
/// `<|endoftext|>` counted as ordinary text (a file's text is never a control token).
#[must_use]
pub fn count(text: &str) -> usize {
    if text.is_empty() {
        return 0;
    }
    bpe().encode_ordinary(text).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_known_texts() {
        assert_eq!(count(""), 0);
        // `hello` and ` world` are single tokens in every OpenAI encoding.
        assert_eq!(count("hello world"), 2);
        // A special-token string is ordinary text: several tokens, not the one control token.
        assert!(count("<|endoftext|>") > 1);
        assert!(count(&"word ".repeat(100)) >= 100);
    }
}
