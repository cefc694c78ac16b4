//! Records as JSON, written by hand: the bytes `serde_json` writes for a
//! [`Record`] (a test holds them equal), without its per-field machinery.
//! Field names are constants, strings are copied in runs between the bytes
//! that need escaping, numbers and days are formatted in place. TIMEX values
//! and mods go through their `Display` and `serde_json`, so their spelling
//! has one source.

use crate::dates::Day;
use crate::mention::Source;
use crate::record::Record;
use std::fmt::{self, Write as _};

/// Appends `r` to `out` as one JSON object; `scratch` is a reusable buffer
/// for the values that are written through `Display`.
pub fn write_record(r: &Record<'_>, out: &mut Vec<u8>, scratch: &mut String) {
    out.extend_from_slice(b"{\"doc\":");
    string(r.doc, out);
    out.extend_from_slice(b",\"type\":");
    string(r.kind.as_str(), out);
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
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
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
                out.extend_from_slice(&bytes[run..i]);
                out.extend_from_slice(b"\\u00");
                out.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
                run = i + 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[run..i]);
        out.extend_from_slice(escape);
        run = i + 1;
    }
    out.extend_from_slice(&bytes[run..]);
}

/// `n` in decimal, with leading zeros to at least `width` digits (≤ 20).
fn number(mut n: u64, width: usize, out: &mut Vec<u8>) {
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
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

    #[test]
    fn writes_what_serde_json_writes() {
        let mut odd: String = (0u8..0x80).map(char::from).collect();
        odd.push_str("é “quoted” \u{2028} \\ \" end");
        let mut scratch = String::new();
        for (doc, text) in [
            ("a.txt", "February 14, 1950"),
            (odd.as_str(), odd.as_str()),
            ("", ""),
        ] {
            for source in [Source::Rule("date:mdy"), Source::Gazetteer(doc)] {
                let r = record(doc, text, source);
                let mut ours = Vec::new();
                write_record(&r, &mut ours, &mut scratch);
                let theirs = serde_json::to_vec(&r).unwrap();
                assert_eq!(
                    String::from_utf8_lossy(&ours),
                    String::from_utf8_lossy(&theirs)
                );
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
        let mut scratch = String::new();
        for kind in EntityType::ALL {
            for (i, &d) in days.iter().enumerate() {
                let mut r = record("d", "t", Source::Rule("r"));
                r.kind = kind;
                r.earliest = Some(d);
                r.latest = Some(days[(i + 1) % days.len()]);
                let mut ours = Vec::new();
                write_record(&r, &mut ours, &mut scratch);
                let theirs = serde_json::to_vec(&r).unwrap();
                assert_eq!(
                    String::from_utf8_lossy(&ours),
                    String::from_utf8_lossy(&theirs)
                );
            }
        }
    }
}
