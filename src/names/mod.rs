//! Rules for the names the gazetteers miss: people after titles, given names
//! and initials, speakers and FRUS headings and signatures; places before
//! geographic heads and after compass words; treaties by their heads; and
//! organisations and events, found so that they block false places and people.
//!
//! Every rule proposes candidate mentions; [`crate::resolve`] settles them with
//! the gazetteer's (longest span, then type priority, then the gazetteer's
//! reading). Weak rules (speakers, headings, signatures, given names) never
//! propose a span that overlaps a gazetteer place, treaty, organisation or event.

mod block;
mod lexicon;
pub(crate) use lexicon::Fnv;
mod org;
mod person;
mod place;
mod short_words;
mod treaty;
mod words;

pub(crate) use lexicon::FAMILY_FIRST;
use words::DOT;
pub(crate) use words::{marked, words, Gap, Word, ALL_CAPS, CAP, INITIAL, POSSESSIVE};

use crate::mention::{EntityType, Mention, Source};
use lexicon::List;

/// The rules' view of one chunk: its text, words, and the gazetteer's mentions.
pub(crate) struct Chunk<'a, 'g> {
    pub text: &'a str,
    pub words: &'a [Word],
    /// The words the rules may start at ([`marked`]), in order.
    pub marked: &'a [u32],
    /// Gazetteer mentions of the chunk, in order of start.
    pub gazetteer: &'a [Mention<'g>],
}

impl<'a, 'g> Chunk<'a, 'g> {
    /// The word's text without an abbreviation's period or a possessive.
    #[inline]
    fn stem(&self, i: usize) -> &'a str {
        self.words[i].stem(self.text)
    }

    /// The gazetteer mention that starts at byte `start`, if any.
    fn gazetteer_at(&self, start: u32) -> Option<&'a Mention<'g>> {
        let i = self.gazetteer.partition_point(|m| (m.start as u32) < start);
        self.gazetteer.get(i).filter(|m| m.start as u32 == start)
    }

    /// The gazetteer mention that ends at byte `end`, if any.
    fn gazetteer_ending_at(&self, end: u32) -> Option<&'a Mention<'g>> {
        let i = self.gazetteer.partition_point(|m| (m.end as u32) < end);
        self.gazetteer.get(i).filter(|m| m.end as u32 == end)
    }

    /// The gazetteer mentions that overlap `start..end`.
    fn gazetteer_overlapping(&self, start: u32, end: u32) -> impl Iterator<Item = &'a Mention<'g>> {
        let i = self.gazetteer.partition_point(|m| (m.end as u32) <= start);
        self.gazetteer[i..]
            .iter()
            .take_while(move |m| (m.start as u32) < end)
    }

    /// Whether a gazetteer mention of a type other than `allowed` overlaps `start..end`.
    fn gazetteer_overlaps(&self, start: u32, end: u32, allowed: EntityType) -> bool {
        self.gazetteer_overlapping(start, end)
            .any(|m| m.kind != allowed)
    }

    /// Whether a gazetteer mention of a type other than `allowed` overlaps
    /// `start..end` other than strictly inside it (a weak rule may grow a
    /// name around a place, "George Harwood", but not retype one, "Moscow said").
    fn gazetteer_conflicts(&self, start: u32, end: u32, allowed: EntityType) -> bool {
        self.gazetteer_overlapping(start, end).any(|m| {
            let inside = start <= m.start as u32
                && m.end as u32 <= end
                && (m.end - m.start) < (end - start) as usize;
            m.kind != allowed && !inside
        })
    }

    /// The indices of the words a rule may start at ([`marked`]), in order.
    fn starts(&self) -> impl Iterator<Item = usize> + 'a {
        self.marked.iter().map(|&k| k as usize)
    }

    /// Whether word `i` is `word` exactly.
    #[inline]
    fn is(&self, i: usize, word: &str) -> bool {
        i < self.words.len() && self.stem(i) == word
    }

    /// Whether word `i` is a given name, as written or in capitals ("David",
    /// "DAVID").
    fn is_given_name(&self, i: usize) -> bool {
        let given = lexicon::given_names();
        let mut buf = [0u8; 24];
        given.contains(self.stem(i).as_bytes())
            || title_case_of_capitals(self, i, &mut buf).is_some_and(|b| given.contains(b))
    }

    /// Whether word `i` is an abbreviated given name with its period
    /// ("Chas.", "Robt."): it opens a person's name and is never a place.
    fn is_abbreviated_given_name(&self, i: usize) -> bool {
        let w = self.words[i];
        w.has(DOT) && !w.has(INITIAL) && lexicon::given_names().contains(self.stem(i).as_bytes())
    }

    /// Whether word `i` is in `list`.
    #[inline]
    fn is_in(&self, i: usize, list: List) -> bool {
        i < self.words.len() && self.words[i].roles & list.bit() != 0
    }
}

/// Proposes the rule-based name mentions of a chunk into `out` and the spans
/// where the gazetteer's places are no places into `blocked` (chunk offsets).
pub(crate) fn find<'g>(
    c: &Chunk<'_, 'g>,
    out: &mut Vec<Mention<'g>>,
    blocked: &mut Vec<(u32, u32)>,
) {
    block::find(c, blocked);
    person::find(c, out);
    place::find(c, out);
    treaty::find(c, out);
    org::find(c, out);
}

/// Word `i`, written in capitals ("DAVID", "ARMY"), in title case ("David",
/// "Army") in `buf`, for the lists that hold title-case words; None for any
/// other word or one longer than `buf`.
fn title_case_of_capitals<'b>(c: &Chunk<'_, '_>, i: usize, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    let stem = c.stem(i);
    if !c.words[i].has(ALL_CAPS) || stem.len() > buf.len() || !stem.is_ascii() {
        return None;
    }
    let b = &mut buf[..stem.len()];
    b.copy_from_slice(stem.as_bytes());
    b[1..].make_ascii_lowercase();
    Some(b)
}

fn push(out: &mut Vec<Mention<'_>>, kind: EntityType, start: u32, end: u32, rule: &'static str) {
    out.push(Mention::new(
        kind,
        start as usize,
        end as usize,
        Source::Rule(rule),
    ));
}

/// Walks back from word `last` over capitalised words joined by spaces or
/// hyphens (at most `max` words) and returns the first word of the name, or
/// None if word `last` cannot end one. A determiner that starts it ("The")
/// is left out.
fn name_before(c: &Chunk<'_, '_>, last: usize, max: usize) -> Option<usize> {
    let w = &c.words;
    if !w[last].has(CAP) || w[last].has(POSSESSIVE) && w[last].gap != Gap::Space {
        return None;
    }
    let mut k = last;
    while k > 0
        && last - k + 1 < max
        && matches!(w[k - 1].gap, Gap::Space | Gap::Hyphen)
        && w[k - 1].has(CAP)
        && !c.is_in(k - 1, List::Determiners)
    {
        k -= 1;
    }
    while k <= last && c.is_in(k, List::Determiners) {
        k += 1;
    }
    (k <= last).then_some(k)
}
