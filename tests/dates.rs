//! The date grammar against `tests/data/dates.tsv`: every case's span, value,
//! mod and bounds, the negatives, and the agreement of bounds and value.

use crate::common::{assert_all_pass, rows};
use annalist::dates::Day;
use annalist::record::Record;
use annalist::{EntityType, Extractor, TypeSet};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| {
        Extractor::builder()
            .types([EntityType::Date].into_iter().collect::<TypeSet>())
            .build()
    })
}

/// The DATE records of `text` as JSON objects (the form users get).
fn dates(text: &str, doc_date: Option<Day>) -> Vec<Value> {
    let found = extractor().extract(text, doc_date);
    found
        .iter()
        .map(|e| serde_json::to_value(Record::new("t", text, 0, e, doc_date)).unwrap())
        .collect()
}

fn field<'a>(r: &'a Value, name: &str) -> &'a str {
    r[name].as_str().unwrap_or("")
}

/// Checks that `earliest..latest` is what `value` (day, month or year) says.
fn bounds_agree(r: &Value) -> Result<(), String> {
    let (v, e, l) = (field(r, "value"), field(r, "earliest"), field(r, "latest"));
    if e.is_empty() || l.is_empty() {
        return Ok(());
    }
    if e > l && !e.starts_with('-') {
        return Err(format!("earliest {e} after latest {l}"));
    }
    let b = v.as_bytes();
    let day = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    let month = b.len() == 7 && b[4] == b'-' && b[5].is_ascii_digit();
    let year = b.len() == 4 && b.iter().all(u8::is_ascii_digit);
    let ok = if day {
        e == v && l == v
    } else if month {
        e == format!("{v}-01") && l.starts_with(v)
    } else if year {
        e == format!("{v}-01-01") && l == format!("{v}-12-31")
    } else {
        true
    };
    if ok {
        Ok(())
    } else {
        Err(format!("value {v} but bounds {e}..{l}"))
    }
}

#[test]
fn date_table() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in rows(include_str!("data/dates.tsv")) {
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(c.len(), 8, "malformed line: {line}");
        let (name, doc) = (c[0], c[1]);
        let (input, span) = (c[2].replace("\\n", "\n"), c[3].replace("\\n", "\n"));
        let span = span.as_str();
        let (value, modifier, earliest, latest) = (c[4], c[5], c[6], c[7]);
        let doc_date = (!doc.is_empty()).then(|| Day::parse(doc).expect("document date"));
        let found = dates(&input, doc_date);
        cases += 1;
        let fail = |msg: String| format!("{name}: {input:?}: {msg}");
        if value == "!" {
            let at = input.find(span).expect("negative span is in the input");
            let bad: Vec<&Value> = found
                .iter()
                .filter(|r| {
                    let (s, e) = (
                        r["start"].as_u64().unwrap() as usize,
                        r["end"].as_u64().unwrap() as usize,
                    );
                    s < at + span.len() && at < e
                })
                .collect();
            if !bad.is_empty() {
                failures.push(fail(format!(
                    "{span:?} is not a date, found {:?}",
                    field(bad[0], "text")
                )));
            }
            continue;
        }
        let Some(r) = found.iter().find(|r| field(r, "text") == span) else {
            let got: Vec<&str> = found.iter().map(|r| field(r, "text")).collect();
            failures.push(fail(format!("no date {span:?}; found {got:?}")));
            continue;
        };
        for (key, want) in [
            ("value", value),
            ("mod", modifier),
            ("earliest", earliest),
            ("latest", latest),
        ] {
            if field(r, key) != want {
                failures.push(fail(format!(
                    "{key} {:?}, expected {want:?}",
                    field(r, key)
                )));
            }
        }
        if let Err(e) = bounds_agree(r) {
            failures.push(fail(e));
        }
    }
    assert_all_pass(&failures, cases, 300);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any full date, month or year the grammar reads has bounds that agree with its value.
    #[test]
    fn bounds_agree_with_values(y in 1000i32..2100, m in 1u32..13, d in 1u32..32, form in 0usize..5) {
        const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"];
        let month = MONTHS[m as usize - 1];
        let text = match form {
            0 => format!("On {month} {d}, {y} they met."),
            1 => format!("On {d} {month} {y} they met."),
            2 => format!("In {month} {y} they met."),
            3 => format!("In {y} they met."),
            _ => format!("From {y} to {} they fought.", y + 3),
        };
        for r in dates(&text, None) {
            prop_assert!(bounds_agree(&r).is_ok(), "{text}: {:?}", bounds_agree(&r));
            let (e, l) = (field(&r, "earliest"), field(&r, "latest"));
            prop_assert!(e <= l, "{text}: {e} > {l}");
        }
        // An impossible day is never a date of that day.
        let days_in_month = [31, if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        if form == 0 && d > days_in_month[m as usize - 1] {
            prop_assert!(dates(&text, None).iter().all(|r| field(r, "value").len() != 10));
        }
    }
}
