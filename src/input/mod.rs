//! Inputs: paths expanded into documents (files, folders walked in sorted
//! order, stdin), bytes decoded to text, JSON Lines documents, and the
//! streaming reader for plain text on stdin.

mod jsonl;
mod stream;
mod walk;

pub use jsonl::{parse_line, JsonDoc};
pub use stream::TextStream;
pub use walk::{expand, Item};

use std::borrow::Cow;

/// Whether bytes look binary: a NUL byte in the first 8 KiB, as git and ripgrep decide.
pub fn is_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

/// Decodes UTF-8, replacing invalid sequences with U+FFFD; the flag says
/// whether any were replaced (callers warn, naming the input).
pub fn decode(bytes: Vec<u8>) -> (String, bool) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, false),
        Err(e) => {
            let bytes = e.into_bytes();
            let s = match String::from_utf8_lossy(&bytes) {
                Cow::Owned(s) => s,
                Cow::Borrowed(s) => s.to_string(),
            };
            (s, true)
        }
    }
}
