//! People by rule: a name after a title, a name of initials and a surname, a
//! given name and a surname, a speaker before a reporting verb, a name in
//! parentheses after an office (FRUS headings), and a name alone on its line
//! (FRUS signatures).

use super::lexicon::List;
use super::words::{Gap, ALL_CAPS, CAP, DOT, INITIAL, ORDINARY, POSSESSIVE};
use super::{push, Chunk};
use crate::mention::{EntityType, Mention};

/// The last word of a person's name that starts at word `i`, if one does:
/// capitalised name words, initials, particles ("de Gaulle") and hyphenated
/// parts ("Chou En-lai", "Chiang Kai-shek"), ending in a name word.
pub(super) fn name_from(c: &Chunk<'_, '_>, i: usize) -> Option<usize> {
    let w = c.words;
    let mut last = None;
    let mut j = i;
    while j < w.len() && j - i < 6 {
        let word = w[j];
        if j == i && c.is_abbreviated_given_name(j) {
            // "Robt. L. Winn": an abbreviated given name opens a name.
            if word.gap != Gap::Space {
                break;
            }
            j += 1;
            continue;
        }
        if c.is_in(j, List::Titles) || word.has(DOT) && !word.has(INITIAL) {
            // "Minister of Pakistan Mr. D. Rusk": a title ends a name.
            break;
        }
        let after_hyphen = j > i && w[j - 1].gap == Gap::Hyphen;
        let name_word = word.is_name_word()
            || after_hyphen && !word.has(INITIAL)
            || word.has(CAP) && !word.has(ALL_CAPS) && word.gap == Gap::Hyphen
            || surname_after_initials(c, i, j);
        let joiner = word.has(INITIAL)
            || c.is_in(j, List::Particles) && j + 1 < w.len() && w[j + 1].is_name_word();
        if name_word {
            last = Some(j);
        } else if !joiner {
            break;
        }
        if word.has(POSSESSIVE) || !matches!(word.gap, Gap::Space | Gap::Hyphen) {
            break;
        }
        j += 1;
    }
    // A hyphenated part may not end the name on its own start ("Sino-" alone).
    last.filter(|&l| w[l].gap != Gap::Hyphen || l + 1 == w.len())
}

/// Whether word `j` is a surname that only initials before it make one: an
/// ordinary word ("C. P. Gray", "E. P. White") or one in capitals ("L. F.
/// MILLER", "J. A. CARY") of three letters or more ("R. So", "I. TO" are
/// not), but never a head ("U. S. Army") nor after a place the gazetteer
/// knows ("U. S.").
fn surname_after_initials(c: &Chunk<'_, '_>, i: usize, j: usize) -> bool {
    let w = c.words;
    let word = w[j];
    j > i
        && w[j - 1].has(INITIAL)
        && w[i].has(INITIAL)
        && word.has(CAP)
        && !word.has(INITIAL)
        && (word.has(ORDINARY) || word.has(ALL_CAPS))
        && c.stem(j).chars().filter(|ch| ch.is_alphabetic()).count() >= 3
        && word.roles == 0
        && !is_head_in_capitals(c, j)
        && c.gazetteer_at(w[i].start)
            .is_none_or(|m| m.kind == EntityType::Person)
}

/// Whether word `j`, in capitals, is a head of an organisation, place or
/// event ("ARMY", "RIVER").
fn is_head_in_capitals(c: &Chunk<'_, '_>, j: usize) -> bool {
    let mut buf = [0u8; 16];
    super::title_case_of_capitals(c, j, &mut buf).is_some_and(|b| super::lexicon::roles(b) != 0)
}

/// Whether word `i` starts a fresh name (the word before it is not part of one).
fn starts_name(c: &Chunk<'_, '_>, i: usize) -> bool {
    i == 0 || {
        let p = c.words[i - 1];
        !(matches!(p.gap, Gap::Space | Gap::Hyphen) && (p.is_name_word() || p.has(INITIAL)))
    }
}

pub(super) fn find<'g>(c: &Chunk<'_, 'g>, out: &mut Vec<Mention<'g>>) {
    let w = c.words;
    // Where the next name may start: a name found is not read again from
    // its second word.
    let mut next = 0;
    for i in c.starts() {
        if i < next {
            continue;
        }
        let word = w[i];
        let lower_title = !word.has(CAP) && c.is_in(i, List::LowerTitles);
        if !word.has(CAP) && !lower_title {
            continue;
        }
        // A title: the name after it is a person, whatever else it may be.
        if (lower_title || c.is_in(i, List::Titles)) && word.gap == Gap::Space {
            let mut j = i + 1;
            loop {
                if c.is_in(j, List::Titles) && w[j - 1].gap == Gap::Space {
                    j += 1;
                } else if c.is(j, "of") && c.is_in(j + 1, List::TitleObjects) {
                    j += 2;
                    while c.is_in(j, List::TitleObjects) && w[j - 1].gap == Gap::Space {
                        j += 1;
                    }
                } else {
                    break;
                }
            }
            if j < w.len() && w[j - 1].gap == Gap::Space {
                if let Some(last) = name_from(c, j) {
                    push(
                        out,
                        EntityType::Person,
                        w[j].start,
                        w[last].stem_end,
                        "person:title",
                    );
                    next = last + 1;
                    continue;
                }
            }
            next = j;
            continue;
        }
        if word.has(ALL_CAPS) {
            // "RICHARD HENRY LEE", "THOMAS JEFFERSON": a given name in capitals
            // and a surname in capitals (signatures, headlines).
            if let Some(last) = capitals_name(c, i) {
                let (start, end) = (word.start, w[last].stem_end);
                if !w[last].has(ORDINARY) && !c.gazetteer_overlaps(start, end, EntityType::Person) {
                    push(out, EntityType::Person, start, end, "person:capitals");
                }
                next = last + 1;
                continue;
            }
        }
        if !starts_name(c, i) {
            continue;
        }
        let Some(last) = name_from(c, i) else {
            continue;
        };
        let (start, end) = (word.start, w[last].stem_end);
        let rule = if word.has(INITIAL) && last > i {
            // "J. F. Dulles", "M. O. A. Baig": initials carry a surname.
            Some("person:initials")
        } else if last > i && word.is_name_word() && c.is_given_name(i) {
            Some("person:given-name")
        } else if is_speaker(c, i, last) {
            Some("person:speaker")
        } else if is_heading_name(c, i, last) {
            Some("person:heading")
        } else if is_signature(c, i, last) {
            Some("person:signature")
        } else {
            None
        };
        if let Some(rule) = rule {
            let strong = rule == "person:initials";
            if strong || !c.gazetteer_conflicts(start, end, EntityType::Person) {
                push(out, EntityType::Person, start, end, rule);
            }
        }
        next = last + 1;
    }
}

/// "Groot describes", "Mr. Baig stated", "according to Rusk".
fn is_speaker(c: &Chunk<'_, '_>, i: usize, last: usize) -> bool {
    let w = c.words;
    let before = i >= 2 && c.is(i - 2, "according") && c.is(i - 1, "to");
    let after = w[last].gap == Gap::Space
        && !w[last].has(POSSESSIVE)
        && c.is_in(last + 1, List::ReportingVerbs);
    before || after
}

/// "The Consul General at Hong Kong (McConaughy) to the Secretary of State".
fn is_heading_name(c: &Chunk<'_, '_>, i: usize, last: usize) -> bool {
    let w = c.words;
    let text = c.text.as_bytes();
    let (start, end) = (w[i].start as usize, w[last].end as usize);
    i > 0
        && last - i < 2
        && start > 0
        && text[start - 1] == b'('
        && text.get(end) == Some(&b')')
        && w[i - 1].has(CAP)
}

/// A name alone on its line: the signature of a telegram or memorandum.
fn is_signature(c: &Chunk<'_, '_>, i: usize, last: usize) -> bool {
    let w = c.words;
    if last - i > 2 {
        return false;
    }
    let text = c.text;
    let (start, end) = (w[i].start as usize, w[last].end as usize);
    if text[start..end].contains('\n') {
        return false;
    }
    // The line holds only the name: up to the words around it there are line
    // breaks with nothing but white space between them and the name. (Looking
    // no further than those words keeps this cheap on a chunk with few breaks.)
    let before = &text[if i > 0 { w[i - 1].end as usize } else { 0 }..start];
    let after = &text[end..w.get(last + 1).map_or(text.len(), |n| n.start as usize)];
    let line_before = match before.rfind('\n') {
        Some(p) => &before[p + 1..],
        None if i == 0 => before,
        None => return false,
    };
    let line_after = match after.find('\n') {
        Some(p) => &after[..p],
        None if last + 1 == w.len() => after,
        None => return false,
    };
    line_before.trim().is_empty() && line_after.trim().is_empty()
}

/// The last word of a name in capitals that starts with a given name at word `i`.
fn capitals_name(c: &Chunk<'_, '_>, i: usize) -> Option<usize> {
    let w = c.words;
    if c.stem(i).len() < 3 || w[i].gap != Gap::Space || !c.is_given_name(i) {
        return None;
    }
    let mut last = None;
    let mut j = i + 1;
    while j < w.len() && j - i <= 3 && (w[j].has(ALL_CAPS) || w[j].has(INITIAL)) {
        if w[j].has(ALL_CAPS) && c.stem(j).len() >= 2 {
            last = Some(j);
        }
        if w[j].gap != Gap::Space {
            break;
        }
        j += 1;
    }
    last
}
