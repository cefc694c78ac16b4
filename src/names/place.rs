//! Places by rule: a name before a geographic head ("Fujian Province", "Yalu
//! River"), a head with "of" before a name ("Gulf of Tonkin"), a prefix
//! ("Mount Everest", "Lake Baikal"), a compass word before a known place
//! ("Northeast China"), numbered lines ("the 38th parallel") and a name before
//! a lower-case head ("Putnam county").

use super::lexicon::List;
use super::words::{Gap, ALL_CAPS, CAP, DIGIT, ORDINARY};
use super::{name_before, push, Chunk};
use crate::mention::{EntityType, Mention};

pub(super) fn find<'g>(c: &Chunk<'_, 'g>, out: &mut Vec<Mention<'g>>) {
    let w = c.words;
    for i in c.starts() {
        let word = w[i];
        if word.has(DIGIT) {
            // "the 38th parallel"
            let s = c.stem(i);
            if i + 1 < w.len()
                && word.gap == Gap::Space
                && ["st", "nd", "rd", "th"].iter().any(|x| s.ends_with(x))
                && s.len() <= 4
                && (c.is(i + 1, "parallel") || c.is(i + 1, "Parallel"))
            {
                push(
                    out,
                    EntityType::Place,
                    word.start,
                    w[i + 1].end,
                    "place:parallel",
                );
            }
            continue;
        }
        if !word.has(CAP) {
            // "Putnam county", "the James river": the name before is no
            // ordinary word ("the Chinese river" is no name).
            if c.is_in(i, List::LowerPlaceHeads) && i > 0 && w[i - 1].gap == Gap::Space {
                if let Some(k) = name_before(c, i - 1, 3) {
                    if !w[i - 1].has(ORDINARY) && !c.is_in(k, List::Titles) {
                        push(out, EntityType::Place, w[k].start, word.end, "place:head");
                    }
                }
            }
            continue;
        }
        if word.has(ALL_CAPS) {
            continue;
        }
        if c.is_in(i, List::PlaceHeads) && i > 0 && w[i - 1].gap == Gap::Space {
            if let Some(k) = name_before(c, i - 1, 3) {
                if !c.is_in(k, List::Titles) {
                    push(out, EntityType::Place, w[k].start, word.end, "place:head");
                }
            }
        }
        if c.is_in(i, List::PlaceHeadsOf) && word.gap == Gap::Space && c.is(i + 1, "of") {
            if let Some(end) = capitalised_run(c, i + 2, 3) {
                push(out, EntityType::Place, word.start, end, "place:head-of");
            }
        }
        if c.is_in(i, List::PlacePrefixes) && word.gap == Gap::Space {
            if let Some(end) = capitalised_run(c, i + 1, 2) {
                push(out, EntityType::Place, word.start, end, "place:prefix");
            }
        }
        if is_compass_noun(c, i) {
            push(
                out,
                EntityType::Place,
                word.start,
                word.stem_end,
                "place:compass-noun",
            );
        }
        if c.is_in(i, List::Compass) && word.gap == Gap::Space && i + 1 < w.len() {
            if let Some(m) = c.gazetteer_at(w[i + 1].start) {
                if m.kind == EntityType::Place {
                    push(
                        out,
                        EntityType::Place,
                        word.start,
                        m.end as u32,
                        "place:compass",
                    );
                }
            }
        }
    }
}

/// Whether word `i` is "North", "South", "East" or "West" standing for a
/// region or state ("Kim's army attacked the South", "the division between
/// North and South", "the North's army"): after "the", or joined to another by
/// "and", and never qualifying a name after it ("the North Atlantic").
fn is_compass_noun(c: &Chunk<'_, '_>, i: usize) -> bool {
    let w = c.words;
    // The list bit first: one test for most words, before the comparisons.
    let cardinal = |k: usize| {
        c.is_in(k, List::Compass)
            && ["North", "South", "East", "West"]
                .iter()
                .any(|d| c.is(k, d))
    };
    if !cardinal(i) || w[i].gap == Gap::Hyphen {
        return false;
    }
    let qualifies_next = w[i].gap == Gap::Space && i + 1 < w.len() && w[i + 1].has(CAP);
    if qualifies_next && !w[i].has(super::POSSESSIVE) {
        return false;
    }
    let after_the =
        i > 0 && w[i - 1].gap == Gap::Space && (c.is(i - 1, "the") || c.is(i - 1, "The"));
    let joined = |a: usize, b: usize| {
        cardinal(a)
            && cardinal(b)
            && b == a + 2
            && w[a].gap == Gap::Space
            && w[a + 1].gap == Gap::Space
            && (c.is(a + 1, "and") || c.is(a + 1, "or"))
            && !(w[b].gap == Gap::Space && b + 1 < w.len() && w[b + 1].has(CAP))
    };
    after_the || joined(i, i + 2) || i >= 2 && joined(i - 2, i)
}

/// The end of a run of up to `max` capitalised words that starts at word `i`
/// (a name after "Gulf of", "Mount").
fn capitalised_run(c: &Chunk<'_, '_>, i: usize, max: usize) -> Option<u32> {
    let w = c.words;
    let mut end = None;
    let mut j = i;
    while j < w.len() && j - i < max && w[j].has(CAP) && !c.is_in(j, List::Determiners) {
        end = Some(w[j].stem_end);
        if w[j].gap != Gap::Space && w[j].gap != Gap::Hyphen {
            break;
        }
        j += 1;
    }
    end
}
