//! Spans where a dictionary place is not a place: a ship's name ("the
//! battleship Missouri", "USS Maine", "the brig Smilax") and a given name that
//! is also a town, used as a given name ("George L. Slump", "Florence
//! Nightingale", "DAVID PORTER"). The gazetteer's places there are dropped
//! before resolution; the person rules may still read the name.

use super::lexicon::List;
use super::words::{Gap, ALL_CAPS, CAP, INITIAL};
use super::Chunk;
use crate::mention::EntityType;

/// Pushes the blocked spans of a chunk (chunk offsets, in order) into `out`.
pub(super) fn find(c: &Chunk<'_, '_>, out: &mut Vec<(u32, u32)>) {
    let w = c.words;
    for i in c.starts() {
        let word = w[i];
        if c.is_in(i, List::Vessels) && word.gap == Gap::Space {
            // A vessel word in lower case, or a prefix in capitals ("USS").
            let prefix = word.has(ALL_CAPS);
            if (prefix || !word.has(CAP)) && i + 1 < w.len() && w[i + 1].has(CAP) {
                let mut j = i + 1;
                while j + 1 < w.len() && j - i < 3 && w[j].gap == Gap::Space && w[j + 1].has(CAP) {
                    j += 1;
                }
                out.push((w[i + 1].start, w[j].stem_end));
            }
            continue;
        }
        if !word.has(CAP) {
            continue;
        }
        let stem_end = word.start + c.stem(i).len() as u32;
        if c.is_abbreviated_given_name(i) {
            // "Chas.", "Wm.": an abbreviated given name is never a place.
            out.push((word.start, stem_end));
            continue;
        }
        if word.gap != Gap::Space || i + 1 >= w.len() {
            continue;
        }
        let next = w[i + 1];
        let next_is_name = next.has(INITIAL)
            || next.has(CAP)
                && !c.is_in(i + 1, List::PlaceHeads)
                && !c.is_in(i + 1, List::OrgHeads)
                && !c.is_in(i + 1, List::EventHeads)
                && !c.is_in(i + 1, List::TreatyHeads);
        if !next_is_name {
            continue;
        }
        let Some(m) = c.gazetteer_at(word.start) else {
            continue;
        };
        if m.kind != EntityType::Place || m.end as u32 != stem_end {
            continue;
        }
        if c.gazetteer_at(next.start).is_some() && !next.has(INITIAL) {
            continue;
        }
        if c.is_given_name(i) {
            out.push((word.start, stem_end));
        }
    }
}
