//! Word tokens with byte offsets, by a fast approximation of the Unicode
//! UAX #29 word boundaries that matters for names and dates.
//!
//! A word is a run of letters, digits, combining marks and `_`; a period or
//! apostrophe between two letters ("U.S", "Stalin's", "O'Neill") and a comma,
//! period or apostrophe between two digits ("1,000", "3.5") stay inside it, as
//! in UAX #29 (which also keeps a colon between letters; we split there, so
//! that "Washington:Moscow" is two names, and before a digit that follows a
//! lower-case letter, so that a footnote number glued to a name, "Salinger8",
//! is apart), and an OCR line-break hyphen between letters ("Alexan¬\nder")
//! keeps a word whole. Runs of white space are one token;
//! any other character is a token of its own. ASCII text is read 64 bytes at
//! a time as bit masks (a bit a byte: letters, digits, joiners), other text a
//! character at a time from tables; UAX #29 as a library was a third of the
//! whole run time.

use super::swar::{bytes_eq, bytes_in, load, pack, HIGH, ONES};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and/or digits ("U.S", "Stalin's", "1,000" stay whole).
    Word,
    /// White space, including line breaks.
    Space,
    /// Any other single character: punctuation, symbols, dashes.
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

/// Character classes of the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Letter,
    Digit,
    /// Joins two letters or two digits: `.` `'` `’`.
    MidBoth,
    /// Joins two digits only: `,` `;`.
    MidNum,
    Space,
    Other,
}

const fn ascii_classes() -> [Class; 128] {
    let mut t = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() || c == b'_' {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if c == b'.' || c == b'\'' {
            Class::MidBoth
        } else if c == b',' || c == b';' {
            Class::MidNum
        } else if c.is_ascii_whitespace() || c == 0x0b {
            Class::Space
        } else {
            Class::Other
        };
        b += 1;
    }
    t
}

static ASCII: [Class; 128] = ascii_classes();

/// ASCII letters, digits and `_` (every byte from 0x80 is false).
static ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = matches!(ASCII[b], Class::Letter | Class::Digit);
        b += 1;
    }
    t
};

/// The class of the character at byte `i` (a char boundary) and its length.
#[inline]
fn class_at(bytes: &[u8], text: &str, i: usize) -> (Class, usize) {
    let b = bytes[i];
    if b < 0x80 {
        return (ASCII[b as usize], 1);
    }
    non_ascii_class(text, i)
}

#[cold]
fn non_ascii_class(text: &str, i: usize) -> (Class, usize) {
    let c = text[i..].chars().next().unwrap_or(' ');
    (char_class(c), c.len_utf8())
}

/// The class of a non-ASCII character: the frequent ones (Latin-1 letters,
/// general punctuation: curly quotes, dashes) without Unicode's tables.
fn char_class(c: char) -> Class {
    match c {
        '×' | '÷' => Class::Other,
        '\u{C0}'..='\u{FF}' => Class::Letter,
        '’' | '‘' | '\u{2027}' => Class::MidBoth,
        '\u{200B}'..='\u{2027}' | '\u{202A}'..='\u{202E}' | '\u{2030}'..='\u{205E}' => Class::Other,
        _ => general_class(c),
    }
}

/// The class of any character, from Unicode's tables.
fn general_class(c: char) -> Class {
    if c.is_alphabetic() || is_combining_mark(c) {
        Class::Letter
    } else if c.is_numeric() {
        Class::Digit
    } else if matches!(
        c,
        '’' | '‘' | '\u{2027}' | '\u{FE52}' | '\u{FF07}' | '\u{FF0E}'
    ) {
        Class::MidBoth
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Other
    }
}

/// The combining-mark blocks that decomposed Latin, Greek and Cyrillic text uses.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// After an OCR line-break hyphen ("¬") at `i`: the offset of the letter
/// that continues the word, over spaces and at most one line break, if a
/// letter does.
fn soft_hyphen_join(bytes: &[u8], text: &str, mut i: usize) -> Option<usize> {
    let mut line_breaks = 0;
    while i < bytes.len() {
        match bytes[i] {
            b' ' | b'\t' | b'\r' => i += 1,
            b'\n' if line_breaks == 0 => {
                line_breaks += 1;
                i += 1;
            }
            _ => break,
        }
    }
    (i < bytes.len() && class_at(bytes, text, i).0 == Class::Letter).then_some(i)
}

/// The classes of the eight bytes of `low7` (high bits clear), as high bits:
/// letters and `_`, digits, small letters.
#[inline]
fn word_classes(low7: u64) -> (u64, u64, u64) {
    let alpha = bytes_in(low7 | (0x20 * ONES), b'a', b'z');
    let digit = bytes_in(low7, b'0', b'9');
    // A small letter has bit 5 (0x20), moved up to the high bit.
    let lower = alpha & low7 << 2;
    (alpha | bytes_eq(low7, b'_'), digit, lower)
}

/// Where the run of ASCII letters, digits and `_` that continues at `i`
/// (inside a word, `i > 0`) ends, eight bytes at a time while eight remain:
/// the first byte that is none of them, or a digit after a lower-case letter
/// (a footnote number, "Salinger8"). Fewer than eight bytes left: `i`.
#[inline]
fn ascii_run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(x) = load(bytes, i) {
        let ascii = !x & HIGH;
        let (letter, digit, lower) = word_classes(x & !HIGH);
        let (letter, digit, lower) = (letter & ascii, digit & ascii, lower & ascii);
        let before_lower = lower << 8 | u64::from(bytes[i - 1].is_ascii_lowercase()) << 7;
        let stop = !(digit | letter) & HIGH | digit & before_lower;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// Splits `text` into tokens, appending them to `out` (cleared first, so a
/// caller can reuse one buffer for many chunks).
///
/// Offsets are relative to `text` and always lie on char boundaries; the
/// tokens cover the text without gaps. Texts over 4 GiB are out of range;
/// callers chunk long documents far below that.
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    let mut words = Vec::new();
    word_tokens(text, &mut words);
    out.clear();
    let push_gap = |from: usize, to: usize, out: &mut Vec<Token>| {
        let mut at = from;
        for (kind, s) in gap_tokens(&text[from..to]) {
            out.push(Token {
                start: at as u32,
                end: (at + s.len()) as u32,
                kind,
            });
            at += s.len();
        }
    };
    let mut at = 0;
    for w in words {
        push_gap(at, w.start as usize, out);
        out.push(w);
        at = w.end as usize;
    }
    push_gap(at, text.len(), out);
}

/// The word tokens of `text` alone, appended to `out` (cleared first): what
/// lies between two of them is read, where it matters, with [`gap_tokens`].
///
/// ASCII text is read 64 bytes at a time (`block_tokens`); a block with
/// other bytes, a word longer than a block and the text's last bytes, a
/// token at a time (`next_token`).
pub fn word_tokens(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    // Blocks are tried again only past the last byte that failed one.
    let mut not_ascii = 0;
    while i < n {
        if i >= not_ascii {
            match block_tokens(bytes, i, out) {
                Ok(next) if next > i => {
                    i = next;
                    continue;
                }
                Ok(_) => {}
                Err(at) => not_ascii = at + 1,
            }
        }
        i = next_token(bytes, text, i, out);
    }
}

/// Bytes read at a time by [`block_tokens`].
const BLOCK: usize = 64;

/// The tokens of the 64 bytes from `i` (between two tokens), as bit masks:
/// pushes the tokens that end inside the block and returns where the next
/// begins (a token that reaches the block's last bytes is left for the next
/// block, or `i` itself when it begins the block); `Err` with the offset of
/// a byte that is not ASCII, or `Ok(i)` with fewer than 64 bytes left.
#[inline]
fn block_tokens(bytes: &[u8], i: usize, out: &mut Vec<Token>) -> Result<usize, usize> {
    if bytes.len() - i < BLOCK {
        return Ok(i);
    }
    // Bit k of each mask is byte i + k.
    let (mut word, mut digit, mut lower, mut mid_both, mut mid_num) = (0, 0, 0, 0, 0);
    for k in 0..BLOCK / 8 {
        let x = load(bytes, i + 8 * k).expect("the block has its bytes");
        if x & HIGH != 0 {
            return Err(i + 8 * k + (x & HIGH).trailing_zeros() as usize / 8);
        }
        let (letter, d, small) = word_classes(x);
        let shift = 8 * k;
        word |= pack(letter | d) << shift;
        digit |= pack(d) << shift;
        lower |= pack(small) << shift;
        mid_both |= pack(bytes_eq(x, b'.') | bytes_eq(x, b'\'')) << shift;
        mid_num |= pack(bytes_eq(x, b',') | bytes_eq(x, b';')) << shift;
    }
    let letter = word & !digit;
    // Bit k of `before(m)`: bit k - 1 of m; of `after(m)`: bit k + 1.
    let before = |m: u64| m << 1;
    let after = |m: u64| m >> 1;
    // A period or apostrophe between two letters or two digits, a comma or
    // semicolon between two digits, is inside a word (never at the block's
    // first byte, which no word runs into; the last byte's neighbour is
    // unknown, so a word there is left open).
    let joins = (mid_both & (before(letter) & after(letter) | before(digit) & after(digit))
        | mid_num & before(digit) & after(digit))
        & !1;
    let inside = word | joins;
    // A digit after a lower-case letter begins a word ("Salinger8").
    let split = digit & before(lower);
    let starts = inside & !before(inside) | split;
    // Where a word ends: the byte after it, known only up to byte 62.
    let ends = before(inside) & (!inside | split) & (u64::MAX >> 1) & !1;
    let mut pending = starts;
    while pending != 0 {
        let s = pending.trailing_zeros();
        let later = ends & (u64::MAX << s << 1);
        if later == 0 {
            return Ok(i + s as usize);
        }
        out.push(Token {
            start: (i + s as usize) as u32,
            end: (i + later.trailing_zeros() as usize) as u32,
            kind: TokenKind::Word,
        });
        pending &= pending - 1;
    }
    // No word is open: byte 63 is in none, and the next block follows.
    Ok(i + BLOCK)
}

/// From `i` (between two tokens): pushes the word token that begins there,
/// if one does, and returns where it ends; else the next character.
fn next_token(bytes: &[u8], text: &str, mut i: usize, out: &mut Vec<Token>) -> usize {
    let n = bytes.len();
    // Past what is not a word: one table look-up per ASCII byte.
    if bytes[i] < 0x80 && !ASCII_WORD[bytes[i] as usize] {
        return i + 1;
    }
    let start = i;
    let (class, len) = class_at(bytes, text, i);
    i += len;
    if !matches!(class, Class::Letter | Class::Digit) {
        return i;
    }
    let mut last = class;
    while i < n {
        // Fast path: a run of ASCII letters and digits, eight bytes at a time.
        i = ascii_run_end(bytes, i);
        if i >= n {
            break;
        }
        if ASCII_WORD[bytes[i] as usize] {
            // A footnote number glued to a word ("Salinger8")
            // is a word of its own.
            if bytes[i].is_ascii_digit() && bytes[i - 1].is_ascii_lowercase() {
                break;
            }
            i += 1;
            continue;
        }
        if bytes[i - 1] < 0x80 {
            // The fast path stepped over it; `last` is stale.
            last = ASCII[bytes[i - 1] as usize];
        }
        let (c, l) = class_at(bytes, text, i);
        match c {
            Class::Letter | Class::Digit => {
                last = c;
                i += l;
            }
            // An OCR line-break hyphen between letters ("Alexan¬\nder",
            // "Penn¬ sylvania") keeps the word whole.
            Class::Other if last == Class::Letter && bytes[i..].starts_with("¬".as_bytes()) => {
                let Some(next) = soft_hyphen_join(bytes, text, i + l) else {
                    break;
                };
                i = next;
            }
            Class::MidBoth | Class::MidNum if i + l < n => {
                let (next, nl) = class_at(bytes, text, i + l);
                let joins = next == last && (c == Class::MidBoth || last == Class::Digit);
                if !joins {
                    break;
                }
                i += l + nl;
            }
            _ => break,
        }
    }
    out.push(Token {
        start: start as u32,
        end: i as u32,
        kind: TokenKind::Word,
    });
    i
}

/// Splits a gap between two word tokens (or before the first, after the
/// last) into the tokens [`tokenize`] makes of it: runs of white space, and
/// every other character alone.
pub fn gap_tokens(gap: &str) -> impl Iterator<Item = (TokenKind, &str)> {
    let bytes = gap.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        let (class, len) = class_at(bytes, gap, i);
        i += len;
        if class != Class::Space {
            return Some((TokenKind::Punct, &gap[start..i]));
        }
        while i < bytes.len() {
            let (c, l) = class_at(bytes, gap, i);
            if c != Class::Space {
                break;
            }
            i += l;
        }
        Some((TokenKind::Space, &gap[start..i]))
    })
}

/// The word (letters and digits) that `s` ends with, or "" if it ends in
/// another character; callers trim what may stand between ("Gen. " → "Gen").
pub fn last_word(s: &str) -> &str {
    s.rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// The word before the last word of `s`, over the white space between them
/// ("in" for "in about").
pub fn last_word_but_one(s: &str) -> &str {
    last_word(without_last_word(s))
}

/// `s` without its last word (as [`last_word`] finds it) and the white space
/// before that word ("in" for "in about").
pub fn without_last_word(s: &str) -> &str {
    s[..s.len() - last_word(s).len()].trim_end()
}

/// The word (letters and digits) that `s` starts with, or "" if it starts
/// with another character; the twin of [`last_word`].
pub fn first_word(s: &str) -> &str {
    s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("")
}

/// The largest char boundary of `s` at or before `i` (`i` ≤ `s.len()`).
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first char boundary of `s` at or after `i`, at most `s.len()`.
pub fn ceil_char_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The possessive endings, with the apostrophes historical texts use (FRUS
/// prints U+02BC: "Castroʼs").
const POSSESSIVE_SUFFIXES: [&str; 6] = ["'s", "’s", "ʼs", "'S", "’S", "ʼS"];

/// `word` without a possessive ending, if it has one and something before it.
#[inline]
pub fn strip_possessive(word: &str) -> Option<&str> {
    // Most words end otherwise: a test of the last two bytes (an apostrophe,
    // or the last byte of one) before the suffixes.
    let b = word.as_bytes();
    if b.len() < 3
        || !matches!(b[b.len() - 1], b's' | b'S')
        || !matches!(b[b.len() - 2], b'\'' | 0x99 | 0xbc)
    {
        return None;
    }
    possessive_suffix(word)
}

fn possessive_suffix(word: &str) -> Option<&str> {
    POSSESSIVE_SUFFIXES
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .filter(|stem| !stem.is_empty())
}

/// The words of `text` (as [`tokenize`] finds them), for building keys from
/// names outside the hot path.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut toks = Vec::new();
    word_tokens(text, &mut toks);
    toks.into_iter().map(move |t| t.as_str(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_character_classes_are_unicode_s() {
        for c in ('\u{80}'..=char::MAX).filter(|c| c.len_utf8() > 1) {
            assert!(
                char_class(c) == general_class(c),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    fn words(text: &str) -> Vec<&str> {
        super::words(text).collect()
    }

    #[test]
    fn words_keep_internal_periods_apostrophes_and_digit_groups() {
        assert_eq!(
            words("The U.S. and Stalin's 1,000 troops."),
            ["The", "U.S", "and", "Stalin's", "1,000", "troops"]
        );
    }

    #[test]
    fn eight_bytes_at_a_time_stop_where_one_at_a_time_stops() {
        // Every run end the byte loop finds, at every position in the window.
        let alphabet = b"aZ50_.' ,\n\xc3\xa9-9zA`@[{/:";
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut bytes = vec![b'x'];
            for _ in 0..11 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                bytes.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let mut want = 1;
            while want < bytes.len()
                && ASCII_WORD[bytes[want] as usize]
                && !(bytes[want].is_ascii_digit() && bytes[want - 1].is_ascii_lowercase())
            {
                want += 1;
            }
            let got = ascii_run_end(&bytes, 1);
            // It stops where the byte loop stops, or short of it with under eight bytes left.
            assert!(
                got == want || got < want && bytes.len() - got < 8,
                "{bytes:?}: {got} {want}"
            );
        }
    }

    /// The word tokens, a token at a time only.
    fn one_at_a_time(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            i = next_token(text.as_bytes(), text, i, &mut out);
        }
        out
    }

    #[test]
    fn blocks_of_64_bytes_find_the_tokens_one_at_a_time_finds() {
        let mut texts = vec![crate::test_support::samples()];
        // Random texts of letters, digits, joiners, white space and a few
        // other bytes, with words of every length (some over a block).
        let alphabet: Vec<&str> = vec![
            "a",
            "Z",
            "q",
            "5",
            "0",
            "_",
            ".",
            "'",
            ",",
            ";",
            " ",
            " ",
            "\n",
            "-",
            "é",
            "’",
            "¬\n",
            "x1",
            "Salinger8",
            "U.S.",
            "1,000.5",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for len in [63, 64, 65, 127, 128, 129, 500, 5_000] {
            for _ in 0..20 {
                let mut t = String::new();
                while t.len() < len {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    // ASCII-only texts too, so that every block is read as one.
                    let pick = (seed % alphabet.len() as u64) as usize;
                    if len % 2 == 0 && !alphabet[pick].is_ascii() {
                        continue;
                    }
                    t.push_str(alphabet[pick]);
                }
                texts.push(t);
            }
        }
        for text in &texts {
            let mut blocks = Vec::new();
            word_tokens(text, &mut blocks);
            let single = one_at_a_time(text);
            let first_difference = blocks.iter().zip(&single).position(|(a, b)| a != b);
            assert_eq!(
                (blocks.len(), first_difference),
                (single.len(), None),
                "{:?}",
                first_difference.map(|k| (blocks[k].as_str(text), single[k].as_str(text)))
            );
        }
    }

    #[test]
    fn a_footnote_number_glued_to_a_word_is_apart() {
        assert_eq!(
            words("Salinger8 said 1st B29"),
            ["Salinger", "8", "said", "1st", "B29"]
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
    fn the_word_before_the_last() {
        assert_eq!(last_word_but_one("troops in about"), "in");
        assert_eq!(last_word_but_one("October to"), "October");
        assert_eq!(last_word_but_one("to"), "");
        assert_eq!(without_last_word("Nos. 12 or"), "Nos. 12");
        assert_eq!(without_last_word("Nos. 12 "), "Nos. 12");
        assert_eq!(without_last_word("to"), "");
    }

    #[test]
    fn an_ocr_line_break_hyphen_keeps_a_word_whole() {
        assert_eq!(
            words("Alexan¬\nder went to Penn¬ sylvania; 5¬ 6 and a¬\n\nb"),
            [
                "Alexan¬\nder",
                "went",
                "to",
                "Penn¬ sylvania",
                "5",
                "6",
                "and",
                "a",
                "b"
            ]
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

    #[test]
    fn mid_letters_join_letters_and_mid_numbers_join_digits_only() {
        assert_eq!(
            words("O'Neill's e.g. 3.5 a,b 1,000, 7;8 x'1 it’s 'quoted'"),
            [
                "O'Neill's",
                "e.g",
                "3.5",
                "a",
                "b",
                "1,000",
                "7;8",
                "x",
                "1",
                "it’s",
                "quoted"
            ]
        );
    }

    #[test]
    fn letters_and_digits_join_and_space_runs_are_one_token() {
        let text = "the 1950s,\n\n 38th";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let kinds: Vec<(&str, TokenKind)> = toks.iter().map(|t| (t.as_str(text), t.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("the", TokenKind::Word),
                (" ", TokenKind::Space),
                ("1950s", TokenKind::Word),
                (",", TokenKind::Punct),
                ("\n\n ", TokenKind::Space),
                ("38th", TokenKind::Word),
            ]
        );
    }

    #[test]
    fn combining_marks_stay_inside_words() {
        // "Chóngqìng" with decomposed accents.
        let text = "Cho\u{301}ngqi\u{300}ng.";
        assert_eq!(words(text), ["Cho\u{301}ngqi\u{300}ng"]);
    }
}
