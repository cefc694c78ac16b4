//! Cutting long texts into chunks at sentence-ending line breaks, so chunks
//! can be recognised in parallel with the same results as the whole text.

use super::sentences::newline_ends_sentence;

/// Byte offset of the first chunk cut at or after `from` (the offset just
/// after a line break that ends a sentence), or `None` when there is none.
pub fn next_cut(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(p) = memchr::memchr(b'\n', &b[i.min(b.len())..]) {
        let nl = i + p;
        if nl + 1 < b.len() && newline_ends_sentence(text, nl) {
            return Some(nl + 1);
        }
        i = nl + 1;
    }
    None
}

/// Splits `text` into chunks of about `target` bytes or more, cut only where
/// [`next_cut`] allows. Returns the end offset of each chunk.
pub fn chunk_ends(text: &str, target: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut start = 0;
    while text.len() - start > target {
        match next_cut(text, start + target) {
            Some(cut) => {
                ends.push(cut);
                start = cut;
            }
            None => break,
        }
    }
    ends.push(text.len());
    ends
}
