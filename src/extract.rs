//! The extractor: recognisers built once and shared by every thread, run over
//! the chunks of a document in parallel, then one ordered document pass.

use crate::dates::{Anchor, DateGrammar, Day};
use crate::error::GazetteerError;
use crate::gazetteer::{matcher, Gazetteer};
use crate::mention::{Entity, TypeSet};
use crate::names;
use crate::resolve::{
    gazetteer_mentions, loose_words, place, settle_names, ChunkFindings, DocumentState,
};
use crate::text::{chunk_bounds, count_chars_and_lines, sentence_starts, word_tokens};
use rayon::prelude::*;
use std::path::Path;

/// What recognition found in the chunks of one part of a document, not yet
/// resolved against the document (see [`Extractor::recognise_part`]).
#[derive(Debug)]
pub struct RecognisedPart<'g> {
    /// Each chunk's start and end in the part.
    bounds: Vec<(usize, usize)>,
    findings: Vec<ChunkFindings<'g>>,
}

/// Default chunk size: large enough that per-chunk costs vanish, small enough
/// that a long document keeps every core busy.
pub const DEFAULT_CHUNK_BYTES: usize = 256 * 1024;

/// Builds an [`Extractor`].
#[derive(Debug, Clone)]
pub struct ExtractorBuilder {
    gazetteer: Gazetteer,
    types: TypeSet,
    chunk_bytes: usize,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            gazetteer: Gazetteer::shipped(),
            types: TypeSet::CORE,
            chunk_bytes: DEFAULT_CHUNK_BYTES,
        }
    }
}

impl ExtractorBuilder {
    /// Drops the shipped gazetteers.
    pub fn no_default_gazetteers(mut self) -> Self {
        self.gazetteer = Gazetteer::empty();
        self
    }

    /// Adds a gazetteer file (DESIGN.md format).
    pub fn gazetteer_file(mut self, path: &Path) -> Result<Self, GazetteerError> {
        self.gazetteer.add_file(path)?;
        Ok(self)
    }

    /// Adds a gazetteer from text; `name` names it in errors and records.
    pub fn gazetteer_text(mut self, name: &Path, text: &str) -> Result<Self, GazetteerError> {
        self.gazetteer.add_text(name, text)?;
        Ok(self)
    }

    /// The entity types to emit (default: PERSON, PLACE, TREATY, DATE).
    pub fn types(mut self, types: TypeSet) -> Self {
        self.types = types;
        self
    }

    /// The size above which a document is cut into chunks (results never depend on it).
    pub fn chunk_bytes(mut self, bytes: usize) -> Self {
        self.chunk_bytes = bytes.max(1);
        self
    }

    /// Compiles the recognisers.
    pub fn build(self) -> Extractor {
        Extractor {
            gazetteer: self.gazetteer,
            dates: DateGrammar::new(),
            types: self.types,
            chunk_bytes: self.chunk_bytes,
        }
    }
}

/// Extracts people, places, treaties and dates from text. Build it once and
/// share it: it is `Send + Sync`, and extraction never mutates it.
///
/// ```
/// use annalist::Extractor;
/// let ex = Extractor::builder().build();
/// let text = "On February 14, 1950, Stalin signed the treaty in Moscow.";
/// let found = ex.extract(text, None);
/// let date = found.iter().find(|e| e.mention.kind == annalist::EntityType::Date).unwrap();
/// assert_eq!(&text[date.mention.start..date.mention.end], "February 14, 1950");
/// assert_eq!(date.mention.date.unwrap().value.unwrap().to_string(), "1950-02-14");
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    gazetteer: Gazetteer,
    dates: DateGrammar,
    types: TypeSet,
    chunk_bytes: usize,
}

impl Extractor {
    /// A builder with the shipped gazetteers and the four core types.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The gazetteers in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Extracts every mention of a document, in order of start. Long
    /// documents are cut into chunks recognised in parallel; the result is
    /// the same as for one chunk.
    pub fn extract(&self, text: &str, date: Option<Day>) -> Vec<Entity<'_>> {
        let mut doc = self.document(date);
        let mut out = Vec::new();
        self.extract_chunks(text, &mut doc, &mut out);
        out
    }

    /// A document state for feeding a streamed document chunk by chunk
    /// (see [`Extractor::extract_chunks`]).
    pub fn document(&self, date: Option<Day>) -> DocumentState {
        DocumentState::new(Anchor::new(date), self.types)
    }

    /// Extracts the mentions of `text`, the next part of the document `doc`
    /// (which must end where a chunk may be cut, or be the document's end),
    /// appending them to `out` with document offsets.
    pub fn extract_chunks<'g>(
        &'g self,
        text: &str,
        doc: &mut DocumentState,
        out: &mut Vec<Entity<'g>>,
    ) {
        let part = self.recognise_part(text);
        self.settle_part(text, part, doc, out);
    }

    /// The first half of [`Extractor::extract_chunks`]: recognition of the
    /// chunks of `text` in parallel, which needs nothing of the document
    /// before it (and so may run while an earlier part is settled).
    pub fn recognise_part(&self, text: &str) -> RecognisedPart<'_> {
        let bounds = chunk_bounds(text, self.chunk_bytes);
        let findings = if bounds.len() == 1 {
            vec![self.recognise(text)]
        } else {
            bounds
                .par_iter()
                .map(|&(s, e)| self.recognise(&text[s..e]))
                .collect()
        };
        RecognisedPart { bounds, findings }
    }

    /// The second half of [`Extractor::extract_chunks`]: `part` (what
    /// [`Extractor::recognise_part`] found in `text`) resolved in document
    /// order against `doc`, and its mentions placed, appended to `out`.
    pub fn settle_part<'g>(
        &'g self,
        text: &str,
        part: RecognisedPart<'g>,
        doc: &mut DocumentState,
        out: &mut Vec<Entity<'g>>,
    ) {
        let RecognisedPart { bounds, findings } = part;
        if bounds.len() == 1 {
            let findings = findings.into_iter().next().expect("one chunk, one finding");
            doc.finish_chunk(text, findings, out);
            return;
        }
        // Dates resolve in document order; placing is per chunk, in parallel.
        let settled: Vec<_> = bounds
            .iter()
            .zip(findings)
            .map(|(&(s, e), f)| doc.settle_chunk(&text[s..e], f))
            .collect();
        let placed: Vec<Vec<Entity<'g>>> = bounds
            .par_iter()
            .zip(settled)
            .map(|(&(s, e), (start, mentions, sentences))| {
                let mut v = Vec::new();
                place(&text[s..e], start, mentions, &sentences, &mut v);
                v
            })
            .collect();
        out.reserve(placed.iter().map(Vec::len).sum());
        for v in placed {
            out.extend(v);
        }
    }

    /// Runs every recogniser over one chunk (chunk-relative offsets).
    pub fn recognise(&self, text: &str) -> ChunkFindings<'_> {
        let (chars, line_breaks) = count_chars_and_lines(text.as_bytes());
        let mut findings = ChunkFindings {
            chars,
            line_breaks,
            ..ChunkFindings::default()
        };
        sentence_starts(text, &mut findings.sentence_starts);
        SCRATCH.with_borrow_mut(|s| {
            word_tokens(text, &mut s.tokens);
            let views = self.gazetteer.views();
            s.hits.clear();
            s.candidates.clear();
            matcher::find(
                &views,
                text,
                &s.tokens,
                &mut s.key,
                &mut s.hits,
                &mut s.candidates,
            );
            let mut gazetteer = Vec::with_capacity(s.hits.len());
            gazetteer_mentions(text, &views, &s.hits, &s.candidates, &mut gazetteer);
            names::words(
                text,
                &s.tokens,
                &findings.sentence_starts,
                &mut s.words,
                &mut s.caps,
            );
            names::marked(text, &mut s.words, &s.caps, &mut s.marked);
            let chunk = names::Chunk {
                text,
                words: &s.words,
                marked: &s.marked,
                gazetteer: &gazetteer,
            };
            s.blocked.clear();
            names::find(&chunk, &mut findings.names, &mut s.blocked);
            drop_blocked_places(&mut gazetteer, &s.blocked);
            findings.names.append(&mut gazetteer);
            settle_names(&mut findings.names);
            loose_words(
                text,
                &s.words,
                &s.marked,
                &findings.names,
                &mut findings.loose,
            );
        });
        self.dates.find(text, &mut findings.dates);
        drop_names_inside_dates(&mut findings.names, &findings.dates);
        findings
    }
}

/// The buffers one chunk's recognition fills and the next chunk on the same
/// thread reuses (a chunk has some 45,000 words: allocating them afresh
/// for every chunk cost page faults and copies).
#[derive(Default)]
struct Scratch {
    /// The word tokens ([`crate::text::word_tokens`]).
    tokens: Vec<crate::text::Token>,
    key: Vec<u8>,
    hits: Vec<matcher::Hit>,
    candidates: Vec<crate::gazetteer::Candidate>,
    words: Vec<names::Word>,
    /// The capitalised words and numbers ([`names::words`]).
    caps: Vec<u32>,
    /// The words the name rules may start at ([`names::marked`]).
    marked: Vec<u32>,
    blocked: Vec<(u32, u32)>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Drops the gazetteer places that overlap a blocked span (a ship's name, a
/// given name used as one); `blocked` is in order and does not overlap.
fn drop_blocked_places(gazetteer: &mut Vec<crate::Mention<'_>>, blocked: &[(u32, u32)]) {
    if blocked.is_empty() {
        return;
    }
    gazetteer.retain(|m| {
        let i = blocked.partition_point(|&(_, e)| e as usize <= m.start);
        m.kind != crate::EntityType::Place
            || blocked.get(i).is_none_or(|&(s, _)| s as usize >= m.end)
    });
}

/// Drops the names that lie wholly inside a date ("March" the town in
/// "March 12, 1947"): both lists are in order of start.
fn drop_names_inside_dates(names: &mut Vec<crate::Mention<'_>>, dates: &[crate::dates::DateMatch]) {
    if dates.is_empty() {
        return;
    }
    let mut d = 0;
    names.retain(|m| {
        while d < dates.len() && dates[d].end <= m.start {
            d += 1;
        }
        !(d < dates.len() && dates[d].start <= m.start && m.end <= dates[d].end)
    });
}
