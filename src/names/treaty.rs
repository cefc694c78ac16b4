//! Treaties by rule: a name before a treaty head ("San Francisco Treaty",
//! "Sino-Tibetan agreement"), a head with a tail ("Treaty of Friendship,
//! Alliance, and Mutual Assistance", "Protocol of the Conference"), or both
//! ("Sino-Soviet Treaty of 1945"). A bare "the Treaty" is never a name.

use super::lexicon::List;
use super::words::{Gap, CAP, DIGIT, ORDINARY};
use super::{name_before, push, Chunk};
use crate::mention::{EntityType, Mention};

pub(super) fn find<'g>(c: &Chunk<'_, 'g>, out: &mut Vec<Mention<'g>>) {
    let w = c.words;
    for h in c.starts() {
        let capital = w[h].has(CAP) && c.is_in(h, List::TreatyHeads);
        let lower = !capital && c.is_in(h, List::LowerTreatyHeads);
        if !capital && !lower {
            continue;
        }
        let mut start = None;
        if h > 0 && w[h - 1].gap == Gap::Space {
            if let Some(k) = name_before(c, h - 1, 6) {
                // A lower-case head needs a hyphenated name ("Sino-Soviet").
                let hyphenated = (k..h - 1).any(|x| w[x].gap == Gap::Hyphen);
                if capital || hyphenated {
                    start = Some(w[k].start);
                }
            }
        }
        let tail = if capital { tail_end(c, h) } else { None };
        if start.is_none() && tail.is_none() {
            continue;
        }
        let start = start.unwrap_or(w[h].start);
        let end = tail.unwrap_or(w[h].stem_end);
        push(out, EntityType::Treaty, start, end, "treaty:head");
    }
}

/// The end of a tail after head `h` ("of Versailles", "of Friendship,
/// Alliance, and Mutual Assistance", "of 1945"), if it has one.
fn tail_end(c: &Chunk<'_, '_>, h: usize) -> Option<u32> {
    let w = c.words;
    if w[h].gap != Gap::Space || !c.is_in(h + 1, List::TailStarts) || w[h + 1].gap != Gap::Space {
        return None;
    }
    let mut end = None;
    let mut j = h + 2;
    while j < w.len() && j - h < 16 {
        let word = w[j];
        if c.is_in(j, List::CalendarWords) {
            break;
        }
        if word.has(CAP) {
            end = Some(word.stem_end);
        } else if word.has(DIGIT) && c.stem(j).len() == 4 {
            // "Treaty of 1945" ends at its year.
            end = Some(word.end);
            break;
        } else if c.is(j, "and") {
            // "… Alliance, and Mutual Assistance": only before a capitalised common word.
            let next_ok = j + 1 < w.len() && w[j + 1].has(CAP) && w[j + 1].has(ORDINARY);
            if !next_ok {
                break;
            }
        } else if !c.is_in(j, List::TreatyTailJoiners) || end.is_none() && !c.is(j, "the") {
            break;
        }
        if !matches!(word.gap, Gap::Space | Gap::Comma | Gap::Hyphen) {
            break;
        }
        if word.gap == Gap::Comma && !(j + 1 < w.len() && (w[j + 1].has(CAP) || c.is(j + 1, "and")))
        {
            break;
        }
        j += 1;
    }
    end
}
