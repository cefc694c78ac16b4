//! Resolution: settles the overlapping readings of a chunk into one name layer
//! (names never overlap; the longest span wins, then a fixed type priority)
//! and a date layer, and places every mention in its document.

use crate::dates::{Anchor, DateMatch};
use crate::gazetteer::{table::TableView, Candidate, Gazetteer, Hit};
use crate::mention::{Entity, EntityType, Mention, Source, TypeSet};
use crate::text::{count_chars, Positions};
use std::borrow::Cow;
use std::collections::BTreeMap;

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

/// Picks the reading of an ambiguous gazetteer hit: a person after a title;
/// otherwise the first candidate, since candidates come in file order and
/// the curated files come first (a curated "Stalin" beats GeoNames' old name
/// of Donetsk).
pub(crate) fn pick_candidate(text: &str, start: usize, cands: &[(Candidate, EntityType)]) -> usize {
    let before = text[..start].trim_end().trim_end_matches('.');
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if PERSON_CUES.contains(&prev) {
        if let Some(p) = cands.iter().position(|(_, t)| *t == EntityType::Person) {
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
        let pick = pick_candidate(text, h.start as usize, &typed);
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
    mentions.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
            .then(priority(a.kind).cmp(&priority(b.kind)))
    });
    let mut kept: Vec<Mention<'_>> = Vec::with_capacity(mentions.len());
    // Spans taken so far, by start (they never overlap).
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    for m in mentions.drain(..) {
        let clash_prev = taken
            .range(..=m.start)
            .next_back()
            .is_some_and(|(_, &end)| end > m.start);
        let clash_next = taken
            .range(m.start..)
            .next()
            .is_some_and(|(&start, _)| start < m.end);
        if !clash_prev && !clash_next {
            taken.insert(m.start, m.end);
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.start);
    *mentions = kept;
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
        let mut mentions: Vec<Mention<'g>> = findings
            .names
            .into_iter()
            .filter(|m| self.types.contains(m.kind))
            .collect();
        for d in findings.dates {
            if matches!(d.expr, crate::dates::DateExpr::Present)
                && self.anchor.doc_date().is_none()
                && text[d.start..d.end].eq_ignore_ascii_case("now")
            {
                // A narrative "now" means "then": not a date (GUIDELINES).
                continue;
            }
            let info = self.anchor.resolve(d.expr);
            if self.types.contains(EntityType::Date) {
                let mut m = Mention::new(EntityType::Date, d.start, d.end, Source::Rule(d.rule));
                m.date = Some(info);
                mentions.push(m);
            }
        }
        let bytes = text.as_bytes();
        self.chars += count_chars(bytes);
        self.line += memchr::memchr_iter(b'\n', bytes).count() as u64;
        self.sentence += findings.sentence_starts.len() as u64 + 1;
        self.byte += text.len();
        (start, mentions, findings.sentence_starts)
    }
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
