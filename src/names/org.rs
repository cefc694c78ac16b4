//! Organisations and events by their heads ("Truman Administration", "U.S.
//! Government", "Whitman college", "Government of the United States",
//! "University of Idaho", "Korean War", "World War II", "Yalta Conference"). They are emitted only when asked for; their main
//! work is to keep "Truman" and "Pakistan" in them from being a person and a
//! place.

use super::lexicon::List;
use super::words::{Gap, CAP, DIGIT};
use super::{name_before, push, Chunk};
use crate::mention::{EntityType, Mention};

pub(super) fn find<'g>(c: &Chunk<'_, 'g>, out: &mut Vec<Mention<'g>>) {
    let w = c.words;
    for h in c.starts().filter(|&h| h > 0) {
        let word = w[h];
        let lower_head = !word.has(CAP) && c.is_in(h, List::LowerOrgHeads);
        if !(word.has(CAP) || lower_head) || !matches!(w[h - 1].gap, Gap::Space | Gap::Hyphen) {
            continue;
        }
        let kind = if lower_head || c.is_in(h, List::OrgHeads) {
            EntityType::Org
        } else if c.is_in(h, List::EventHeads) {
            EntityType::Event
        } else {
            continue;
        };
        let Some(mut k) = name_before(c, h - 1, 4) else {
            continue;
        };
        if c.is_in(k, List::Titles) && kind == EntityType::Org {
            continue;
        }
        // A place of two or more words that ends before the word next to the
        // head is not part of the name ("In the United States Third Party").
        if let Some(x) = (k..h - 1).rev().find(|&x| {
            c.gazetteer_ending_at(w[x].end)
                .is_some_and(|m| c.text[m.start..m.end].contains(' '))
        }) {
            k = x + 1;
        }
        // A name the gazetteer knows before the head is wholly inside
        // ("the Republic of China Government").
        let mut start = w[k].start;
        if let Some(m) = c.gazetteer_ending_at(w[h - 1].end) {
            start = start.min(m.start as u32);
        }
        let mut end = word.end;
        if kind == EntityType::Event && word.gap == Gap::Space {
            if c.is_in(h + 1, List::WarNumbers) {
                end = w[h + 1].end;
            } else if c.is(h + 1, "of")
                && h + 2 < w.len()
                && w[h + 2].has(DIGIT)
                && w[h + 1].gap == Gap::Space
            {
                // "the Chinese Revolution of 1911", "the Northern Expedition of 1926–27"
                end = w[h + 2].end;
            }
        }
        push(out, kind, start, end, "org:head");
    }
    // "Government of the United States", "Govt Tib", "University of Idaho"
    for g in c.starts() {
        let word = &w[g];
        if !c.is_in(g, List::OrgHeadsOf) || word.gap != Gap::Space {
            continue;
        }
        let government = c.is(g, "Government") || c.is(g, "Govt");
        let mut j = g + 1;
        if c.is(j, "of") {
            j += 1;
            if c.is(j, "the") && w[j - 1].gap == Gap::Space {
                j += 1;
            }
        }
        if j >= w.len() || !w[j].has(CAP) || w[j - 1].gap != Gap::Space {
            continue;
        }
        if j == g + 1 && !government {
            continue;
        }
        let end = match c.gazetteer_at(w[j].start) {
            Some(m) if m.kind == EntityType::Place => m.end as u32,
            Some(_) => continue,
            None if government
                && (j == g + 1 && w[j].is_name_word() || w[j].has(super::ALL_CAPS)) =>
            {
                w[j].stem_end
            }
            None => continue,
        };
        push(out, EntityType::Org, word.start, end, "org:head-of");
    }
}
