//! The name rules and gazetteer matching against `tests/data/names.tsv`:
//! each rule and guard with positive and negative cases.

use crate::common::{assert_all_pass, default_extractor, rows};
use annalist::Entity;

/// (type, text, canonical) of each wanted or rejected mention in a cell.
fn parse_cell(cell: &str) -> Vec<(&str, &str, Option<&str>)> {
    cell.split(" ; ")
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            let (kind, rest) = s.split_once('=').expect("TYPE=text");
            let (text, canonical) = match rest.split_once('@') {
                Some((t, c)) => (t, Some(c)),
                None => (rest, None),
            };
            (kind.trim(), text, canonical)
        })
        .collect()
}

fn found<'e>(
    text: &str,
    entities: &'e [Entity<'e>],
    kind: &str,
    surface: &str,
) -> Vec<&'e Entity<'e>> {
    entities
        .iter()
        .filter(|e| {
            e.mention.kind.as_str() == kind && &text[e.mention.start..e.mention.end] == surface
        })
        .collect()
}

#[test]
fn name_table() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in rows(include_str!("data/names.tsv")) {
        let c: Vec<&str> = line.split('\t').collect();
        assert!(c.len() >= 3, "malformed line: {line}");
        let (name, input) = (c[0], c[1].replace("\\n", "\n"));
        let entities = default_extractor().extract(&input, None);
        cases += 1;
        let fail = |msg: String| format!("{name}: {input:?}: {msg}");
        for (kind, surface, canonical) in parse_cell(c[2]) {
            let hits = found(&input, &entities, kind, surface);
            if hits.is_empty() {
                let got: Vec<String> = entities
                    .iter()
                    .map(|e| {
                        format!(
                            "{}={}",
                            e.mention.kind,
                            &input[e.mention.start..e.mention.end]
                        )
                    })
                    .collect();
                failures.push(fail(format!("no {kind} {surface:?}; found {got:?}")));
            } else if let Some(want) = canonical {
                if !hits
                    .iter()
                    .all(|e| e.mention.canonical.as_deref() == Some(want))
                {
                    failures.push(fail(format!(
                        "{kind} {surface:?} canonical {:?}, expected {want:?}",
                        hits[0].mention.canonical
                    )));
                }
            }
        }
        for (kind, surface, _) in parse_cell(c.get(3).copied().unwrap_or("")) {
            if !found(&input, &entities, kind, surface).is_empty() {
                failures.push(fail(format!("{kind} {surface:?} should not be found")));
            }
        }
    }
    assert_all_pass(&failures, cases, 50);
}
