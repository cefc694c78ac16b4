//! Incremental byte → (code point, line) conversion for offsets visited in
//! increasing order, so records never rescan the document.

/// A cursor that converts increasing byte offsets of one text into code point
/// offsets and 1-based line numbers, scanning each byte once.
#[derive(Debug, Clone)]
pub struct Positions<'t> {
    text: &'t [u8],
    byte: usize,
    chars: u64,
    line: u64,
}

impl<'t> Positions<'t> {
    /// A cursor at the start of `text`, whose first code point has index
    /// `char_base` and whose first line has number `line_base` (1-based).
    pub fn new(text: &'t str, char_base: u64, line_base: u64) -> Self {
        Positions {
            text: text.as_bytes(),
            byte: 0,
            chars: char_base,
            line: line_base,
        }
    }

    /// Code point offset and line number of byte offset `to`, which must lie on
    /// a char boundary at or after the previous call's offset.
    pub fn advance_to(&mut self, to: usize) -> (u64, u64) {
        debug_assert!(to >= self.byte, "positions must be visited in order");
        if to > self.byte {
            let (chars, lines) = count_chars_and_lines(&self.text[self.byte..to]);
            self.chars += chars;
            self.line += lines;
            self.byte = to;
        }
        (self.chars, self.line)
    }

    /// Position after the whole text (code points so far, current line).
    pub fn finish(mut self) -> (u64, u64) {
        let len = self.text.len();
        self.advance_to(len)
    }
}

/// Number of code points in UTF-8 bytes: every byte that is not a continuation byte.
#[inline]
pub fn count_chars(bytes: &[u8]) -> u64 {
    bytes
        .chunks(255)
        .map(|b| u64::from(count(b, is_char_start)))
        .sum()
}

/// The code points and the line breaks (`\n`) in `bytes` (valid UTF-8), in
/// one pass.
pub fn count_chars_and_lines(bytes: &[u8]) -> (u64, u64) {
    let (mut chars, mut lines) = (0, 0);
    for block in bytes.chunks(255) {
        chars += u64::from(count(block, is_char_start));
        lines += u64::from(count(block, |b| b == b'\n'));
    }
    (chars, lines)
}

/// Whether `b` begins a code point (is no continuation byte).
#[inline]
fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// The bytes of `block` (at most 255) that `f` holds for, counted in
/// byte-wide lanes, which the compiler turns into vector code (a count in
/// `usize` lanes stays scalar).
#[inline]
fn count(block: &[u8], f: fn(u8) -> bool) -> u8 {
    block.iter().fold(0u8, |n, &b| n + u8::from(f(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points_and_lines() {
        let text = "Chóngqìng\nMao’s\nend";
        let mut p = Positions::new(text, 0, 1);
        let mao = text.find("Mao").unwrap();
        assert_eq!(p.advance_to(mao), (10, 2));
        let end = text.find("end").unwrap();
        assert_eq!(p.advance_to(end), (16, 3));
        assert_eq!(p.finish(), (19, 3));
        let long = text.repeat(100);
        assert_eq!(
            count_chars_and_lines(long.as_bytes()),
            (long.chars().count() as u64, 200)
        );
        assert_eq!(count_chars(long.as_bytes()), long.chars().count() as u64);
    }
}
