//! Records as JSON, written by hand: the bytes `serde_json` writes for a
//! [`Record`] (a test holds them equal), without its per-field machinery.
//! Field names are constants, strings are copied in runs between the bytes
//! that need escaping, numbers and days are formatted in place. TIMEX values
//! and mods go through their `Display` and `serde_json`, so their spelling
//! has one source.

use crate::dates::Day;
use crate::mention::Source;
use crate::record::Record;
use crate::text::swar::{load, HIGH, ONES};
use std::fmt::{self, Write as _};

/// Writes records as JSON objects. It keeps a buffer for the values written
/// through `Display`, and the escaped id of the last document, which every
/// record of a document repeats.
#[derive(Debug, Default)]
pub struct Writer {
    scratch: String,
    doc: String,
    doc_json: Vec<u8>,
}

impl Writer {
    /// Appends `r` to `out` as one JSON object.
    pub fn write(&mut self, r: &Record<'_>, out: &mut Vec<u8>) {
        if self.doc_json.is_empty() || self.doc != r.doc {
            self.doc.clear();
            self.doc.push_str(r.doc);
            self.doc_json.clear();
            string(r.doc, &mut self.doc_json);
        }
        let scratch = &mut self.scratch;
        out.extend_from_slice(b"{\"doc\":");
        out.extend_from_slice(&self.doc_json);
        // A type's name needs no escape.
        out.extend_from_slice(b",\"type\":\"");
        out.extend_from_slice(r.kind.as_str().as_bytes());
        out.push(b'"');
        out.extend_from_slice(b",\"text\":");
        string(r.text, out);
        for (name, n) in [
            (&b",\"start\":"[..], r.start as u64),
            (b",\"end\":", r.end as u64),
            (b",\"char_start\":", r.char_start),
            (b",\"char_end\":", r.char_end),
            (b",\"line\":", r.line),
            (b",\"sentence\":", r.sentence),
        ] {
            out.extend_from_slice(name);
            number(n, 1, out);
        }
        out.extend_from_slice(b",\"canonical\":");
        optional(r.canonical, out, string);
        out.extend_from_slice(b",\"id\":");
        optional(r.id, out, string);
        out.extend_from_slice(b",\"value\":");
        optional(r.value, out, |v, out| display(&v, out, scratch));
        out.extend_from_slice(b",\"mod\":");
        optional(r.modifier, out, |m, out| {
            serde_json::to_writer(out, &m).expect("a mod serialises")
        });
        out.extend_from_slice(b",\"earliest\":");
        optional(r.earliest, out, day);
        out.extend_from_slice(b",\"latest\":");
        optional(r.latest, out, day);
        out.extend_from_slice(b",\"source\":");
        match r.source {
            Source::Gazetteer(file) => {
                out.extend_from_slice(b"\"gazetteer:");
                escaped(file, out);
                out.push(b'"');
            }
            Source::Rule(rule) => string(rule, out),
        }
        out.push(b'}');
    }
}

fn optional<T>(v: Option<T>, out: &mut Vec<u8>, mut write: impl FnMut(T, &mut Vec<u8>)) {
    match v {
        Some(v) => write(v, out),
        None => out.extend_from_slice(b"null"),
    }
}

/// A value written as a JSON string through its `Display`.
fn display(v: &impl fmt::Display, out: &mut Vec<u8>, scratch: &mut String) {
    scratch.clear();
    write!(scratch, "{v}").expect("writing to a String cannot fail");
    string(scratch, out);
}

/// A day as a JSON string, as its `Display` writes it ("1950-02-14", "-0043-01-01").
fn day(d: Day, out: &mut Vec<u8>) {
    out.push(b'"');
    if d.year < 0 {
        out.push(b'-');
    }
    number(u64::from(d.year.unsigned_abs()), 4, out);
    out.push(b'-');
    number(u64::from(d.month), 2, out);
    out.push(b'-');
    number(u64::from(d.day), 2, out);
    out.push(b'"');
}

/// `s` as a JSON string.
fn string(s: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    escaped(s, out);
    out.push(b'"');
}

/// `s` escaped as `serde_json` escapes it: the quote, the backslash, and
/// control characters (short forms where JSON has them).
fn escaped(s: &str, out: &mut Vec<u8>) {
    let bytes = s.as_bytes();
    // Most strings need no escape: eight bytes at a time, the last eight
    // overlapping, then one copy.
    if bytes.len() >= 8 {
        let last = bytes.len() - 8;
        let clean = (0..bytes.len())
            .step_by(8)
            .all(|i| load(bytes, i.min(last)).is_some_and(|w| !needs_escape(w)));
        if clean {
            out.extend_from_slice(bytes);
            return;
        }
    }
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes at a time past the runs that need no escape.
        if let Some(word) = load(bytes, i) {
            if !needs_escape(word) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        i += 1;
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&bytes[run..i - 1]);
                out.extend_from_slice(b"\\u00");
                out.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
                run = i;
                continue;
            }
        };
        out.extend_from_slice(&bytes[run..i - 1]);
        out.extend_from_slice(escape);
        run = i;
    }
    out.extend_from_slice(&bytes[run..]);
}

/// Whether any of the eight bytes of `w` is a control character, `"` or `\\`.
#[inline]
fn needs_escape(w: u64) -> bool {
    // Whether `x` has a byte below `n` (≤ 0x80): exact as a whole, as the
    // lowest such byte borrows from no byte below it.
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    below(w, 0x20) | below(w ^ (ONES * 0x22), 1) | below(w ^ (ONES * 0x5c), 1) != 0
}

/// `n` in decimal, with leading zeros to at least `width` digits (≤ 20).
fn number(n: u64, width: usize, out: &mut Vec<u8>) {
    if n < 100_000_000 && width <= 8 {
        // Eight digits in one integer; the leading zeros that `width` does
        // not ask for are shifted out (one digit stays for 0), all eight
        // bytes are copied (a copy of constant size is one store) and the
        // copy cut to length.
        let digits = eight_digits(n as u32);
        let zeros = ((digits.trailing_zeros() / 8) as usize)
            .min(7)
            .min(8 - width);
        let end = out.len() + 8 - zeros;
        let ascii = (digits + 0x3030_3030_3030_3030) >> (8 * zeros);
        out.extend_from_slice(&ascii.to_le_bytes());
        out.truncate(end);
        return;
    }
    long_number(n, width, out);
}

/// The eight decimal digits of `n` (< 10⁸) as the bytes of an integer,
/// the first digit in the lowest byte, each 0–9: the two halves of four
/// digits, then four pairs, then eight digits, each split in all lanes at
/// once by a multiplication (a reciprocal that is exact for these ranges).
fn eight_digits(n: u32) -> u64 {
    let x = u64::from(n / 10_000) | u64::from(n % 10_000) << 32;
    let hundreds = ((x * 10_486) >> 20) & 0x0000_007f_0000_007f;
    let x = hundreds | (x - hundreds * 100) << 16;
    let tens = ((x * 103) >> 10) & 0x000f_000f_000f_000f;
    tens | (x - tens * 10) << 8
}

/// [`number`] for any `n`, a pair of digits at a time.
fn long_number(mut n: u64, width: usize, out: &mut Vec<u8>) {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    while n >= 100 {
        let pair = (n % 100) as usize * 2;
        n /= 100;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[n as usize * 2..n as usize * 2 + 2]);
    } else {
        at -= 1;
        digits[at] = b'0' + n as u8;
    }
    out.extend_from_slice(&digits[at.min(digits.len() - width)..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::{Day, Mod, Timex};
    use crate::mention::{EntityType, Source};

    fn record<'a>(doc: &'a str, text: &'a str, source: Source<'a>) -> Record<'a> {
        Record {
            doc,
            kind: EntityType::Date,
            text,
            start: 0,
            end: 18_446_744,
            char_start: 7,
            char_end: u64::MAX,
            line: 1,
            sentence: 0,
            canonical: Some(text),
            id: None,
            value: Day::parse("1950-02-14").map(|d| Timex::Point(crate::dates::Period::Day(d))),
            modifier: Some(Mod::OnOrAfter),
            earliest: Day::parse("-0043-01-01"),
            latest: None,
            source,
        }
    }

    fn assert_writes_what_serde_json_writes(writer: &mut Writer, r: &Record<'_>) {
        let mut ours = Vec::new();
        writer.write(r, &mut ours);
        let theirs = serde_json::to_vec(r).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let mut odd: String = (0u8..0x80).map(char::from).collect();
        odd.push_str("é “quoted” \u{2028} \\ \" end");
        let mut writer = Writer::default();
        for (doc, text) in [
            ("a.txt", "February 14, 1950"),
            (odd.as_str(), odd.as_str()),
            ("", ""),
        ] {
            for source in [Source::Rule("date:mdy"), Source::Gazetteer(doc)] {
                assert_writes_what_serde_json_writes(&mut writer, &record(doc, text, source));
            }
        }
        // One byte to escape at every place of strings of 1 to 20 bytes.
        for len in 1..=20 {
            for at in 0..len {
                for b in ['"', '\\', '\n', '\u{1}'] {
                    let text: String = (0..len).map(|i| if i == at { b } else { 'a' }).collect();
                    let r = record("doc", &text, Source::Rule("date:mdy"));
                    assert_writes_what_serde_json_writes(&mut writer, &r);
                }
            }
        }
    }

    #[test]
    fn eight_bytes_need_escaping_exactly_when_one_of_them_does() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = *b"abcdefgh";
                bytes[at] = b;
                let one = b < 0x20 || b == b'"' || b == b'\\';
                assert_eq!(
                    needs_escape(u64::from_le_bytes(bytes)),
                    one,
                    "{b:#x} at {at}"
                );
                // Beside bytes from 0x80 up, and after a byte that borrows.
                let mut high = [0xe2u8; 8];
                high[at] = b;
                assert_eq!(
                    needs_escape(u64::from_le_bytes(high)),
                    one,
                    "{b:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn numbers_are_written_in_full_with_their_leading_zeros() {
        for (n, width, want) in [
            (0, 1, "0"),
            (7, 2, "07"),
            (10, 1, "10"),
            (99, 4, "0099"),
            (100, 1, "100"),
            (12345, 4, "12345"),
            (u64::MAX, 1, "18446744073709551615"),
            (99_999_999, 1, "99999999"),
            (100_000_000, 1, "100000000"),
            (5, 8, "00000005"),
        ] {
            let mut out = Vec::new();
            number(n, width, &mut out);
            assert_eq!(String::from_utf8(out).unwrap(), want);
        }
        // Every width, around every power of ten and over a sweep, after
        // text already in the buffer.
        let mut ns: Vec<u64> = (0..20_000)
            .chain((0..100_000_000).step_by(9_973))
            .chain((0..8).map(|k| 7 * 10_u64.pow(k) + 3))
            .collect();
        for p in 1..20 {
            let t = 10_u64.pow(p);
            ns.extend([t - 1, t, t + 1]);
        }
        for n in ns {
            for width in [1, 2, 4] {
                let mut out = b"x".to_vec();
                number(n, width, &mut out);
                assert_eq!(String::from_utf8(out).unwrap(), format!("x{n:0width$}"));
            }
        }
    }

    #[test]
    fn writes_every_type_and_day_as_serde_json_does() {
        let days = [
            (1950, 2, 14),
            (-43, 1, 1),
            (0, 12, 31),
            (7, 7, 7),
            (12345, 10, 1),
            (-12345, 1, 31),
        ]
        .map(|(year, month, day)| Day { year, month, day });
        let mut writer = Writer::default();
        for kind in EntityType::ALL {
            for (i, &d) in days.iter().enumerate() {
                let mut r = record("d", "t", Source::Rule("r"));
                r.kind = kind;
                r.earliest = Some(d);
                r.latest = Some(days[(i + 1) % days.len()]);
                assert_writes_what_serde_json_writes(&mut writer, &r);
            }
        }
    }
}
