//! The text layer: tokens, sentences and positions, all as byte offsets into
//! the original text. Nothing here ever copies or normalises the text itself.

mod chunks;
mod position;
mod sentences;
pub(crate) mod swar;
mod tokens;

pub use chunks::{chunk_bounds, next_cut};
pub use position::{count_chars, count_chars_and_lines, Positions};
pub(crate) use sentences::GIVEN_NAME_ABBREVIATIONS;
pub use sentences::{before_in_sentence, newline_ends_sentence, sentence_starts, SentenceSplitter};
pub use tokens::{
    ceil_char_boundary, first_word, floor_char_boundary, gap_tokens, last_word, last_word_but_one,
    strip_possessive, tokenize, without_last_word, word_tokens, words, Token, TokenKind,
};
