//! Invariants that hold for any text: no panic, spans that slice back, and
//! results independent of chunking.

use crate::common::default_extractor as extractor;
use annalist::output::{encode, Format};
use annalist::record::Record;
use annalist::{Entity, EntityType, Extractor, Source};
use proptest::prelude::*;
use std::sync::OnceLock;

fn small_chunks() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::builder().chunk_bytes(64).build())
}

fn check(text: &str, found: &[Entity<'_>]) {
    let mut prev = 0;
    for e in found {
        let m = &e.mention;
        assert!(m.start < m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert_eq!(e.char_start as usize, text[..m.start].chars().count());
        assert_eq!(e.char_end as usize, text[..m.end].chars().count());
        assert_eq!(e.line as usize, 1 + text[..m.start].matches('\n').count());
        assert!(m.start >= prev);
        prev = m.start;
        if let Some(d) = m.date {
            let (a, b) = d.bounds(None);
            if let (Some(a), Some(b)) = (a, b) {
                assert!(a <= b, "earliest <= latest for {:?}", &text[m.start..m.end]);
            }
        }
    }
}

/// Text made of pieces that exercise the recognisers.
fn historical_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Stalin".to_string()),
        Just("Mao Zedong".to_string()),
        Just("Soviet Union".to_string()),
        Just("February 14, 1950".to_string()),
        Just("the 1950s".to_string()),
        Just("1945".to_string()),
        Just("Gen. ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("—".to_string()),
        Just("Chóngqìng ".to_string()),
        Just("Wash¬\nington ".to_string()),
        Just("¬\n".to_string()),
        Just(" on the 5th".to_string()),
        Just(" in winter and ".to_string()),
        Just(" will meet in June".to_string()),
        Just("\n\nThe War at Sea\n\n".to_string()),
        "[a-zA-Z ,.'’-]{0,12}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    // 200 random cases a run; PROPTEST_CASES overrides it for a soak run (README).
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics_and_spans_slice_back(text in any::<String>()) {
        let found = extractor().extract(&text, None);
        check(&text, &found);
    }

    #[test]
    fn json_records_are_what_serde_json_writes(
        doc in any::<String>(),
        text in any::<String>(),
        file in any::<String>(),
    ) {
        // The JSON writer is hand-made for speed: any string must come out
        // as serde_json writes it.
        let record = |source| Record {
            doc: &doc,
            kind: EntityType::Place,
            text: &text,
            start: 3,
            end: 3 + text.len(),
            char_start: 3,
            char_end: 3 + text.chars().count() as u64,
            line: 1,
            sentence: 0,
            canonical: Some(&file),
            id: None,
            value: None,
            modifier: None,
            earliest: None,
            latest: None,
            source,
        };
        for r in [record(Source::Gazetteer(&file)), record(Source::Rule("place:rule"))] {
            let mut ours = Vec::new();
            encode(Format::Jsonl, [r.clone()], &mut ours);
            let theirs = serde_json::to_string(&r).unwrap() + "\n";
            prop_assert_eq!(String::from_utf8(ours).unwrap(), theirs);
        }
    }

    #[test]
    fn chunking_never_changes_the_result(text in historical_text()) {
        let whole = extractor().extract(&text, None);
        let chunked = small_chunks().extract(&text, None);
        check(&text, &whole);
        prop_assert_eq!(whole, chunked);
    }
}

#[test]
fn chunked_and_unchunked_agree_on_real_text() {
    let text = include_str!("data/seed.txt").repeat(5)
        + include_str!("data/folder/b-1973-ending-war.txt")
        + include_str!("data/folder/a-1861-farewell.txt");
    let whole = extractor().extract(&text, None);
    for size in [50, 500, 5000] {
        let ex = Extractor::builder().chunk_bytes(size).build();
        assert_eq!(ex.extract(&text, None), whole, "chunk size {size}");
    }
    assert!(whole.len() > 20);
}
