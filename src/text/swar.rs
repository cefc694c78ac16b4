//! Eight bytes at a time in one integer ("SWAR"): loads from a text, byte
//! masks and classes, ASCII lower-casing. Byte `k` of an integer is byte
//! `k` of the text (little-endian); a class is the high bit of each byte.

/// One in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `text` from `at`, if there are eight.
#[inline]
pub(crate) fn load(text: &[u8], at: usize) -> Option<u64> {
    let b = text.get(at..at + 8)?;
    Some(u64::from_le_bytes(b.try_into().expect("eight bytes")))
}

/// The first `n` bytes of `x` (all of them from eight on), the rest zero.
#[inline]
pub(crate) fn first_bytes(x: u64, n: usize) -> u64 {
    if n >= 8 {
        x
    } else {
        x & ((1 << (8 * n)) - 1)
    }
}

/// The high bit of each byte whose low seven bits (`low7`, high bits clear)
/// lie in `lo..=hi`.
#[inline]
pub(crate) fn bytes_in(low7: u64, lo: u8, hi: u8) -> u64 {
    // No carry crosses a byte: each sum stays below 0x100.
    (low7 + (0x80 - u64::from(lo)) * ONES) & !(low7 + (0x7f - u64::from(hi)) * ONES) & HIGH
}

/// The high bit of each byte of `low7` (high bits clear) that is `c`.
#[inline]
pub(crate) fn bytes_eq(low7: u64, c: u8) -> u64 {
    // A byte is zero after the xor only where it was `c`; adding 0x7f sets
    // the high bit of every other byte, and no carry crosses a byte.
    let y = low7 ^ (u64::from(c) * ONES);
    !(y + 0x7f * ONES) & HIGH
}

/// The high bits of `classes` (a class of each byte) as eight bits, bit `k`
/// for byte `k`.
#[inline]
pub(crate) fn pack(classes: u64) -> u64 {
    // Each byte's bit moved down to bit 0 of its byte, then all eight
    // gathered into the top byte by one multiplication (no two products
    // meet in a bit).
    ((classes & HIGH) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// Each ASCII capital of `x` made small; other bytes kept.
#[inline]
pub(crate) fn ascii_lower(x: u64) -> u64 {
    let capital = bytes_in(x & !HIGH, b'A', b'Z') & !x;
    x | (capital >> 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_lower_case_agree_with_byte_by_byte() {
        let all: Vec<u8> = (0..=255).collect();
        for chunk in all.chunks(8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap());
            let lowered = ascii_lower(x).to_le_bytes();
            let digits = bytes_in(x & !HIGH, b'0', b'9') & !x;
            for (k, &b) in chunk.iter().enumerate() {
                assert_eq!(lowered[k], b.to_ascii_lowercase(), "{b:#x}");
                assert_eq!(digits >> (8 * k + 7) & 1 == 1, b.is_ascii_digit(), "{b:#x}");
            }
            let slashes = bytes_eq(x & !HIGH, b'/') & !x;
            for (k, &b) in chunk.iter().enumerate() {
                assert_eq!(slashes >> (8 * k + 7) & 1 == 1, b == b'/', "{b:#x}");
            }
            let packed = pack(digits);
            for (k, &b) in chunk.iter().enumerate() {
                assert_eq!(packed >> k & 1 == 1, b.is_ascii_digit(), "{b:#x}");
            }
            assert!(packed < 256);
            for n in 0..=8 {
                let kept = first_bytes(x, n).to_le_bytes();
                assert!(kept
                    .iter()
                    .enumerate()
                    .all(|(k, &b)| b == if k < n { chunk[k] } else { 0 }));
            }
        }
        assert_eq!(load(b"0123456", 0), None);
        assert_eq!(load(b"01234567", 0), Some(u64::from_le_bytes(*b"01234567")));
    }
}
