//! Resolution: settles the overlapping readings of a chunk into one name layer
//! (names never overlap; the longest span wins, then a fixed type priority)
//! and a date layer, and places every mention in its document.

use crate::dates::{Anchor, DateMatch, Position};
use crate::gazetteer::{table::TableView, Candidate, Gazetteer, Hit};
use crate::mention::{Entity, EntityType, Mention, Source, TypeSet};
use crate::names::Fnv;
use crate::names::{Word, ALL_CAPS, CAP, FAMILY_FIRST, INITIAL};
use crate::text::{
    before_in_sentence, count_chars, first_word, floor_char_boundary, last_word, Positions,
};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Titles that make an ambiguous name a person ("General Washington").
const PERSON_CUES: &[&str] = &[
    "President",
    "General",
    "Gen",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Lord",
    "Lady",
    "Senator",
    "Secretary",
    "Ambassador",
    "Admiral",
    "Marshal",
    "Premier",
    "Chairman",
    "Minister",
    "King",
    "Queen",
    "Emperor",
    "Prince",
    "Princess",
    "Colonel",
    "Captain",
    "Governor",
    "Judge",
    "Justice",
    "Professor",
    "Father",
    "Bishop",
    "Pope",
    "Generalissimo",
    "Representative",
    "Mme",
    "Madame",
];

/// Picks the reading of an ambiguous gazetteer hit: a person after a title,
/// a place after a locative word ("in", "to", "from"); otherwise the first
/// candidate, since candidates come in file order and the curated files come
/// first (a curated "Stalin" beats GeoNames' old name of Donetsk).
pub(crate) fn pick_candidate(
    text: &str,
    start: usize,
    end: usize,
    cands: &[(Candidate, EntityType)],
) -> usize {
    if cands.len() < 2 {
        return 0;
    }
    // "Gen. Washington": a title's period does not separate it.
    let prev = last_word(before_in_sentence(text, start).trim_end_matches('.'));
    if PERSON_CUES.contains(&prev) {
        if let Some(p) = cands.iter().position(|(_, t)| *t == EntityType::Person) {
            return p;
        }
    }
    // "in Castro", "to Washington": a locative word asks for the place; not
    // before a possessive ("in Stalin's mind").
    let before = last_word(before_in_sentence(text, start));
    let possessive = crate::text::strip_possessive(&text[start..end]).is_some()
        || text[end..].starts_with(['\'', '’', 'ʼ']);
    if !possessive && is_locative(before) {
        if let Some(p) = cands.iter().position(|(_, t)| *t == EntityType::Place) {
            return p;
        }
    }
    0
}

/// Turns gazetteer hits into name mentions (chunk-relative offsets).
pub(crate) fn gazetteer_mentions<'g>(
    text: &str,
    views: &[TableView<'g>],
    hits: &[Hit],
    candidates: &[Candidate],
    out: &mut Vec<Mention<'g>>,
) {
    let mut typed = Vec::new();
    for h in hits {
        typed.clear();
        for &c in &candidates[h.first as usize..(h.first + h.count) as usize] {
            typed.push((c, Gazetteer::entity(views, c).kind));
        }
        let pick = pick_candidate(text, h.start as usize, h.end as usize, &typed);
        let info = Gazetteer::entity(views, typed[pick].0);
        out.push(Mention {
            kind: info.kind,
            start: h.start as usize,
            end: h.end as usize,
            canonical: Some(Cow::Borrowed(info.name)),
            id: info.id.map(Cow::Borrowed),
            date: None,
            source: Source::Gazetteer(info.file),
        });
    }
}

/// Keeps a non-overlapping set of name mentions: longer spans first, then
/// earlier ones, then by type priority (TREATY, EVENT, ORG, PERSON, PLACE).
pub(crate) fn settle_names(mentions: &mut Vec<Mention<'_>>) {
    let priority = |t: EntityType| match t {
        EntityType::Treaty => 0,
        EntityType::Event => 1,
        EntityType::Org => 2,
        EntityType::Person => 3,
        EntityType::Place => 4,
        EntityType::Date => 5,
    };
    // At the same span and type, the gazetteer's reading (with its canonical
    // name and id) beats a rule's.
    let by_rule = |m: &Mention<'_>| matches!(m.source, Source::Rule(_));
    // The order of preference as integer keys with the index last (a
    // mention is large to move, and the index keeps equal keys in order).
    let mut order: Vec<(u64, u8, u32)> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let longer_first = u64::from(u32::MAX - (m.end - m.start) as u32);
            let key = longer_first << 32 | m.start as u64;
            (key, priority(m.kind) << 1 | u8::from(by_rule(m)), i as u32)
        })
        .collect();
    order.sort_unstable();
    // The bytes taken so far, one bit each.
    let span_end = mentions.iter().map(|m| m.end).max().unwrap_or(0);
    let mut taken = ByteSet::new(span_end);
    let mut keep = vec![false; mentions.len()];
    for (_, _, i) in order {
        let m = &mentions[i as usize];
        debug_assert!(m.start < m.end, "a mention is never empty");
        if !taken.any(m.start, m.end) {
            taken.insert(m.start, m.end);
            keep[i as usize] = true;
        }
    }
    let mut i = 0;
    mentions.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    // Kept spans do not overlap: their starts differ. The mentions come in a
    // few runs already in order (each rule's, the gazetteer's), which the
    // stable sort merges.
    mentions.sort_by_key(|m| m.start);
}

/// A set of byte offsets below a bound, one bit each.
struct ByteSet(Vec<u64>);

impl ByteSet {
    fn new(bound: usize) -> Self {
        ByteSet(vec![0; bound.div_ceil(64)])
    }

    /// The bits of word `w` that fall in `start..end`.
    fn mask(w: usize, start: usize, end: usize) -> u64 {
        let lo = start.max(w * 64) - w * 64;
        let hi = end.min(w * 64 + 64) - w * 64;
        (u64::MAX >> (64 - (hi - lo))) << lo
    }

    /// Whether any offset in `start..end` (not empty) is in the set.
    fn any(&self, start: usize, end: usize) -> bool {
        (start / 64..end.div_ceil(64)).any(|w| self.0[w] & Self::mask(w, start, end) != 0)
    }

    /// Adds the offsets `start..end` (not empty).
    fn insert(&mut self, start: usize, end: usize) {
        for w in start / 64..end.div_ceil(64) {
            self.0[w] |= Self::mask(w, start, end);
        }
    }
}

/// The state of one document carried from chunk to chunk, in order: where the
/// next chunk starts (bytes, code points, line, sentence) and the narrative
/// date anchor.
#[derive(Debug, Clone)]
pub struct DocumentState {
    byte: usize,
    chars: u64,
    line: u64,
    sentence: u64,
    anchor: Anchor,
    types: TypeSet,
    people: KnownPeople,
    /// The end of the text so far (a heading may stand just before a chunk).
    tail: String,
}

/// What recognition found in one chunk, with chunk-relative offsets.
#[derive(Debug, Default)]
pub struct ChunkFindings<'g> {
    /// Settled name mentions.
    pub names: Vec<Mention<'g>>,
    /// Date mentions, not yet resolved against the document.
    pub dates: Vec<DateMatch>,
    /// Sentence starts after the chunk's first.
    pub sentence_starts: Vec<u32>,
    /// Capitalised words outside every name (without a possessive): where a
    /// surname of a person named elsewhere in the document may stand.
    pub loose: Vec<(u32, u32)>,
    /// Code points in the chunk (counted where chunks run in parallel).
    pub chars: u64,
    /// Line breaks in the chunk.
    pub line_breaks: u64,
}

/// Collects the capitalised words of a chunk that no name covers (read from
/// `marked`, the words the name rules may start at, which hold them all).
pub(crate) fn loose_words(
    text: &str,
    words: &[Word],
    marked: &[u32],
    names: &[Mention<'_>],
    out: &mut Vec<(u32, u32)>,
) {
    let mut m = 0;
    // A capitalised word is among the marked ones.
    for w in marked.iter().map(|&k| &words[k as usize]) {
        if w.flags & CAP == 0 || w.flags & (ALL_CAPS | INITIAL) != 0 || w.stem_end - w.start < 2 {
            continue;
        }
        while m < names.len() && names[m].end as u32 <= w.start {
            m += 1;
        }
        if m < names.len() && (names[m].start as u32) < w.end {
            continue;
        }
        if text.as_bytes()[w.start as usize..w.stem_end as usize].contains(&b'.') {
            continue;
        }
        out.push((w.start, w.stem_end));
    }
}

/// Whether `word` is a locative word, in any case ("In", "in").
fn is_locative(word: &str) -> bool {
    LOCATIVES.iter().any(|l| l.eq_ignore_ascii_case(word))
}

/// Words before a name that make it a place, not a person ("in Washington").
const LOCATIVES: &[&str] = &[
    "in", "at", "to", "from", "near", "via", "into", "toward", "towards", "across", "outside",
    "inside", "through", "around", "visited", "reached", "entered", "left", "leave", "visit",
];

/// The people named so far in a document, by the words that may stand alone
/// for them later: the surname, and for names written family name first
/// ("Kim Il-sung", "Mao Zedong") the first word too.
#[derive(Debug, Clone, Default)]
struct KnownPeople {
    by_word: HashMap<String, (Option<String>, Option<String>), BuildHasherDefault<Fnv>>,
}

impl KnownPeople {
    fn learn(&mut self, surface: &str, m: &Mention<'_>) {
        let words: Vec<&str> = surface
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        let Some(&last) = words.last() else {
            return;
        };
        let mut keys = vec![crate::text::strip_possessive(last).unwrap_or(last)];
        if words.len() >= 2 && (FAMILY_FIRST.contains(&words[0]) || words[1].contains(['-', '‐']))
        {
            keys.push(words[0]);
        }
        for key in keys {
            let usable = key.chars().count() >= 2
                && key.chars().next().is_some_and(char::is_uppercase)
                && !key.ends_with('.')
                && !key.contains('-');
            if usable && !self.by_word.contains_key(key) {
                let canonical = m.canonical.as_deref().unwrap_or(surface).to_string();
                let id = m.id.as_deref().map(str::to_string);
                self.by_word.insert(key.to_string(), (Some(canonical), id));
            }
        }
    }

    fn mention<'g>(&self, word: &str, start: usize, end: usize) -> Option<Mention<'g>> {
        if self.by_word.is_empty() {
            return None;
        }
        let (canonical, id) = self.by_word.get(word)?;
        let mut m = Mention::new(
            EntityType::Person,
            start,
            end,
            Source::Rule("person:propagated"),
        );
        m.canonical = canonical.clone().map(Cow::Owned);
        m.id = id.clone().map(Cow::Owned);
        Some(m)
    }
}

/// Where a chunk starts in its document: byte, code point, line (1-based)
/// and sentence (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkStart {
    /// Byte offset.
    pub byte: usize,
    /// Code point offset.
    pub chars: u64,
    /// Line number.
    pub line: u64,
    /// Sentence index.
    pub sentence: u64,
}

impl DocumentState {
    /// The state at the start of a document.
    pub fn new(anchor: Anchor, types: TypeSet) -> Self {
        DocumentState {
            byte: 0,
            chars: 0,
            line: 1,
            sentence: 0,
            anchor,
            types,
            people: KnownPeople::default(),
            tail: String::new(),
        }
    }

    /// Places the findings of the next chunk (`text`) in the document and
    /// appends its entities, in order of start, to `out`.
    pub fn finish_chunk<'g>(
        &mut self,
        text: &str,
        findings: ChunkFindings<'g>,
        out: &mut Vec<Entity<'g>>,
    ) {
        let (start, mentions, sentence_starts) = self.settle_chunk(text, findings);
        place(text, start, mentions, &sentence_starts, out);
    }

    /// Document-level propagation: a surname alone ("Acheson", "Acheson's")
    /// after a person's full name is that person, with the same canonical name
    /// and id; a one-word place with a known surname's spelling ("Roosevelt")
    /// is the person unless a locative word stands before it ("in Washington").
    fn propagate_people<'g>(
        &mut self,
        text: &str,
        names: &mut Vec<Mention<'g>>,
        loose: &[(u32, u32)],
    ) {
        // In document order, so that a surname only ever takes its reading
        // from a full name before it, whatever the chunking.
        let mut found = Vec::new();
        let mut l = 0;
        for m in names.iter_mut() {
            while l < loose.len() && (loose[l].0 as usize) < m.start {
                let (s, e) = (loose[l].0 as usize, loose[l].1 as usize);
                found.extend(self.people.mention(&text[s..e], s, e));
                l += 1;
            }
            let surface = &text[m.start..m.end];
            match m.kind {
                EntityType::Person => self.people.learn(surface, m),
                EntityType::Place
                    if !surface.contains(char::is_whitespace)
                        && !is_locative(last_word(before_in_sentence(text, m.start))) =>
                {
                    if let Some(p) = self.people.mention(surface, m.start, m.end) {
                        *m = p;
                    }
                }
                _ => {}
            }
        }
        for &(s, e) in &loose[l..] {
            let (s, e) = (s as usize, e as usize);
            found.extend(self.people.mention(&text[s..e], s, e));
        }
        if !found.is_empty() {
            names.extend(found);
            names.sort_by_key(|m| m.start);
        }
    }

    /// The document-order step of a chunk (run on the chunks in order): keeps
    /// the requested types, resolves its dates against the narrative, and
    /// moves the state past it. Returns where the chunk starts, its mentions
    /// (chunk offsets, unsorted) and its sentence starts, for [`place`], which
    /// may then run on many chunks in parallel.
    pub fn settle_chunk<'g>(
        &mut self,
        text: &str,
        findings: ChunkFindings<'g>,
    ) -> (ChunkStart, Vec<Mention<'g>>, Vec<u32>) {
        let start = ChunkStart {
            byte: self.byte,
            chars: self.chars,
            line: self.line,
            sentence: self.sentence,
        };
        let mut names = findings.names;
        self.propagate_people(text, &mut names, &findings.loose);
        let mut mentions: Vec<Mention<'g>> = names
            .into_iter()
            .filter(|m| self.types.contains(m.kind))
            .collect();
        let (mut line, mut counted) = (self.line, 0);
        for d in findings.dates {
            line += memchr::memchr_iter(b'\n', &text.as_bytes()[counted..d.start]).count() as u64;
            counted = d.start;
            if matches!(d.expr, crate::dates::DateExpr::Present)
                && self.anchor.doc_date().is_none()
                && text[d.start..d.end].eq_ignore_ascii_case("now")
                && !present_tense_now(text, d.start, d.end)
            {
                // A narrative "now" means "then": not a date (GUIDELINES).
                continue;
            }
            let pos = self.date_position(text, &findings.sentence_starts, d.start, d.end, line);
            let info = self.anchor.resolve_at(d.expr, pos);
            if self.types.contains(EntityType::Date) {
                let mut m = Mention::new(EntityType::Date, d.start, d.end, Source::Rule(d.rule));
                m.date = Some(info);
                mentions.push(m);
            }
        }
        self.tail
            .push_str(&text[floor_char_boundary(text, text.len().saturating_sub(LOOK_BACK))..]);
        let cut = floor_char_boundary(&self.tail, self.tail.len().saturating_sub(LOOK_BACK));
        self.tail.drain(..cut);
        self.chars += findings.chars;
        self.line += findings.line_breaks;
        self.sentence += findings.sentence_starts.len() as u64 + 1;
        self.byte += text.len();
        (start, mentions, findings.sentence_starts)
    }
}

/// How far back a heading is looked for before a sentence (a heading is short).
const LOOK_BACK: usize = 256;

impl DocumentState {
    /// Where a date at byte `start` of the chunk `text` stands: its
    /// sentence's document index, whether at most three words, with no
    /// comma, come before it in the sentence, whether "until" does, its
    /// `line`, and whether its sentence is the first under a heading.
    fn date_position(
        &self,
        text: &str,
        sentence_starts: &[u32],
        start: usize,
        end: usize,
        line: u64,
    ) -> Position {
        let i = sentence_starts.partition_point(|&s| s as usize <= start);
        let from = if i == 0 {
            0
        } else {
            sentence_starts[i - 1] as usize
        };
        let before = &text[from..start];
        // The clause before the date, at most 80 bytes back.
        let near = &before[floor_char_boundary(before, before.len().saturating_sub(80))..];
        let clause = near.rsplit([',', ';', ':']).next().unwrap_or(near);
        Position {
            sentence: self.sentence + i as u64,
            // (Words first: that stops at the fourth, however long the sentence.)
            opens_sentence: before.split_whitespace().nth(3).is_none() && !before.contains(','),
            until: clause.contains(" until ") || clause.contains(" till "),
            line,
            after_heading: self.after_heading(text, from),
            in_parentheses: before.ends_with('(') && text[end..].starts_with(')'),
            dateline: is_dateline(text, start, end),
            since: last_word(before.trim_end()).eq_ignore_ascii_case("since"),
        }
    }

    /// Whether the sentence that starts at byte `from` of the chunk `text`
    /// is the first under a heading (reading back into the chunks before).
    fn after_heading(&self, text: &str, from: usize) -> bool {
        let content = text.len() - text[from..].trim_start().len();
        // The LOOK_BACK bytes of the document before the sentence's first
        // word, whichever chunks they are in.
        let at_start = self.byte + content <= LOOK_BACK;
        if content >= LOOK_BACK || self.byte == 0 {
            let near = floor_char_boundary(text, content.saturating_sub(LOOK_BACK));
            return ends_with_heading(&text[near..content], at_start);
        }
        let joined = format!("{}{}", self.tail, &text[..content]);
        let near = floor_char_boundary(&joined, joined.len().saturating_sub(LOOK_BACK));
        ends_with_heading(&joined[near..], at_start)
    }
}

/// Whether `before` (the text before a sentence) ends with a heading: a
/// short line (at most twelve words) that opens with a capital and ends
/// without a stop, with a blank line after it and one (or the document's
/// start, `at_start`) before it ("\n\nYorktown and the Surrender of
/// Cornwallis\n\n").
fn ends_with_heading(before: &str, at_start: bool) -> bool {
    let body = before.trim_end();
    if before[body.len()..].matches('\n').count() < 2 {
        return false;
    }
    let line_start = body.rfind('\n').map_or(0, |i| i + 1);
    let heading = body[line_start..].trim();
    let blank_before = match body[..line_start].strip_suffix('\n') {
        Some(rest) => {
            rest.trim_end_matches([' ', '\t', '\r']).ends_with('\n')
                || rest.trim().is_empty() && at_start
        }
        None => at_start,
    };
    blank_before
        && heading.starts_with(char::is_uppercase)
        && !heading.ends_with(['.', '!', '?', ':', ';', ','])
        && heading.split_whitespace().nth(12).is_none()
}

/// Gives the mentions of one chunk (`text`, starting at `start`) their
/// document offsets, code point offsets, lines and sentences, and appends
/// them to `out` in order of start (longer first at the same start).
pub fn place<'g>(
    text: &str,
    start: ChunkStart,
    mut mentions: Vec<Mention<'g>>,
    sentence_starts: &[u32],
    out: &mut Vec<Entity<'g>>,
) {
    mentions.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.kind.cmp(&b.kind))
    });
    let mut pos = Positions::new(text, start.chars, start.line);
    let mut sentence_iter = sentence_starts.iter().peekable();
    let mut sentence = start.sentence;
    out.reserve(mentions.len());
    for mut m in mentions {
        while sentence_iter
            .peek()
            .is_some_and(|&&s| s as usize <= m.start)
        {
            sentence_iter.next();
            sentence += 1;
        }
        let (char_start, line) = pos.advance_to(m.start);
        let char_end = char_start + count_chars(&text.as_bytes()[m.start..m.end]);
        m.start += start.byte;
        m.end += start.byte;
        out.push(Entity {
            mention: m,
            char_start,
            char_end,
            line,
            sentence,
        });
    }
}

/// Whether the date at `start..end` stands as a dateline: it ends its line
/// (but for a time of day: "—3 p.m."), and its line before it has only
/// capitalised words, a place ("DEPARTMENT OF STATE, Washington, ").
fn is_dateline(text: &str, start: usize, end: usize) -> bool {
    // (Bytes first: most dates stand in the middle of a long line.)
    let bytes = text.as_bytes();
    let after_end = bytes.len().min(end + 25);
    let Some(line_end) = memchr::memchr(b'\n', &bytes[end..after_end])
        .map(|i| end + i)
        .or((after_end == bytes.len()).then_some(after_end))
    else {
        return false;
    };
    let before_start = start.saturating_sub(61);
    let line_start = match memchr::memrchr(b'\n', &bytes[before_start..start]) {
        Some(i) => before_start + i + 1,
        None if before_start == 0 => 0,
        None => return false,
    };
    let (before, after) = (&text[line_start..start], &text[end..line_end]);
    after
        .split(|c: char| !c.is_alphabetic())
        .all(|w| matches!(w, "" | "a" | "p" | "m"))
        && before
            .split(|c: char| c.is_whitespace() || c == ',')
            .all(|w| w.is_empty() || w.starts_with(char::is_uppercase))
}

/// Whether the "now" at `start..end` speaks of the writer's present: a
/// present-tense verb is next to it ("is now part of Poland", "now known as
/// Gdańsk"), or it opens a parenthesis that renames a place ("Port Arthur
/// (now Lüshunkou)"), where a narrative "now" ("by now the army was spent")
/// is not.
fn present_tense_now(text: &str, start: usize, end: usize) -> bool {
    const PRESENT: &[&str] = &[
        "is", "are", "has", "have", "remains", "remain", "lies", "stands", "known", "called",
        "named", "exists", "holds", "houses", "serves",
    ];
    let before = last_word(before_in_sentence(text, start));
    let after = first_word(text[end..].trim_start());
    PRESENT.contains(&before) || PRESENT.contains(&after) || text[..start].ends_with('(')
}

#[cfg(test)]
mod tests {
    use super::{ends_with_heading, ByteSet};

    #[test]
    fn a_byte_set_sees_spans_across_its_words() {
        let mut set = ByteSet::new(200);
        set.insert(60, 70);
        set.insert(128, 129);
        for (start, end, taken) in [
            (0, 60, false),
            (59, 61, true),
            (69, 70, true),
            (70, 128, false),
            (0, 200, true),
            (127, 128, false),
            (128, 129, true),
            (129, 200, false),
            (64, 65, true),
        ] {
            assert_eq!(set.any(start, end), taken, "{start}..{end}");
        }
    }

    #[test]
    fn a_heading_is_a_short_line_between_blank_lines() {
        let yes = [
            (
                "in August 1782.\n\nYorktown and the Surrender of Cornwallis\n\n",
                false,
            ),
            ("Campaign of 1905\n\n", true),
            ("end.\n \nThe War at Sea\n\t\n  ", false),
        ];
        for (before, at_start) in yes {
            assert!(ends_with_heading(before, at_start), "{before:?}");
        }
        let no = [
            // No blank line after, or before; a sentence; too long; lower case.
            ("in August 1782.\n\nYorktown and the Surrender\n", false),
            ("in August 1782.\nYorktown and the Surrender\n\n", false),
            ("Campaign of 1905\n\n", false),
            ("end.\n\nThe war went on.\n\n", false),
            ("end.\n\nThe war went on and on for years and years with no end in sight at all\n\n", false),
            ("end.\n\nand then\n\n", false),
        ];
        for (before, at_start) in no {
            assert!(!ends_with_heading(before, at_start), "{before:?}");
        }
    }
}
