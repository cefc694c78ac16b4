//! Word tokens by Unicode UAX #29 word boundaries, with byte offsets.

use unicode_segmentation::UnicodeSegmentation;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and/or digits (UAX #29 keeps "U.S", "Stalin's", "1,000" whole).
    Word,
    /// White space, including line breaks.
    Space,
    /// Any other single segment: punctuation, symbols, dashes.
    Punct,
}

/// One token: a byte span of the text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// What the token is made of.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text within `text` (the text it was made from).
    #[inline]
    pub fn as_str<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }
}

/// Splits `text` into tokens at UAX #29 word boundaries, appending them to `out`
/// (cleared first, so a caller can reuse one buffer for many chunks).
///
/// Offsets are relative to `text` and always lie on char boundaries. Texts over
/// 4 GiB are out of range; callers chunk long documents far below that.
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    for (start, seg) in text.split_word_bound_indices() {
        let first = seg.as_bytes()[0];
        let kind = if first.is_ascii_alphanumeric() {
            TokenKind::Word
        } else if first.is_ascii_whitespace() {
            TokenKind::Space
        } else if first.is_ascii() {
            TokenKind::Punct
        } else {
            classify_non_ascii(seg)
        };
        out.push(Token {
            start: start as u32,
            end: (start + seg.len()) as u32,
            kind,
        });
    }
}

#[cold]
fn classify_non_ascii(seg: &str) -> TokenKind {
    let c = seg.chars().next().unwrap_or(' ');
    if c.is_alphanumeric() {
        TokenKind::Word
    } else if c.is_whitespace() {
        TokenKind::Space
    } else {
        TokenKind::Punct
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        toks.iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.as_str(text))
            .collect()
    }

    #[test]
    fn words_keep_internal_periods_apostrophes_and_digit_groups() {
        assert_eq!(
            words("The U.S. and Stalin's 1,000 troops."),
            ["The", "U.S", "and", "Stalin's", "1,000", "troops"]
        );
    }

    #[test]
    fn hyphens_split_words_and_non_ascii_letters_are_words() {
        assert_eq!(
            words("Kim Il-sung in Chóngqìng"),
            ["Kim", "Il", "sung", "in", "Chóngqìng"]
        );
    }

    #[test]
    fn tokens_cover_the_text_without_gaps() {
        let text = "A  b\n—c’s 4.5";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let mut pos = 0;
        for t in &toks {
            assert_eq!(t.start as usize, pos);
            pos = t.end as usize;
        }
        assert_eq!(pos, text.len());
    }
}
