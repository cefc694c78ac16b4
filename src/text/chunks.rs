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
/// [`next_cut`] allows. Returns each chunk's start and end offsets, in order
/// (one chunk, the whole text, if it is short or has no cut).
pub fn chunk_bounds(text: &str, target: usize) -> Vec<(usize, usize)> {
    let mut bounds = Vec::new();
    let mut start = 0;
    while text.len() - start > target {
        match next_cut(text, start + target) {
            Some(cut) => {
                bounds.push((start, cut));
                start = cut;
            }
            None => break,
        }
    }
    bounds.push((start, text.len()));
    bounds
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_tile_the_text_and_are_cut_after_sentence_ending_line_breaks() {
        let text = "The first sentence ends here.\nA second one\ngoes on. And ends.\nThe last.";
        let bounds = chunk_bounds(text, 10);
        assert_eq!(bounds.first().map(|b| b.0), Some(0));
        assert_eq!(bounds.last().map(|b| b.1), Some(text.len()));
        for pair in bounds.windows(2) {
            assert_eq!(pair[0].1, pair[1].0, "{bounds:?}");
        }
        let pieces: Vec<&str> = bounds.iter().map(|&(s, e)| &text[s..e]).collect();
        // "A second one\n" does not end a sentence: no cut after it.
        assert_eq!(
            pieces,
            [
                "The first sentence ends here.\n",
                "A second one\ngoes on. And ends.\n",
                "The last."
            ]
        );
        assert_eq!(chunk_bounds(text, text.len()), [(0, text.len())]);
    }
}
