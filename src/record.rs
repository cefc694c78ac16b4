//! Records: one flat row per mention, with the fields of DESIGN.md in order.

use crate::dates::{Day, Mod, Timex};
use crate::mention::{Entity, EntityType, Source};
use serde::{Deserialize, Serialize};

/// One output record (DESIGN.md, "Records"). Borrowed from the document and
/// the extractor, so writing it copies nothing.
#[derive(Debug, Clone, Serialize)]
pub struct Record<'a> {
    /// Document id.
    pub doc: &'a str,
    /// PERSON, PLACE, TREATY, DATE (ORG, EVENT when asked for).
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The mention as written.
    pub text: &'a str,
    /// UTF-8 byte offset of the start.
    pub start: usize,
    /// UTF-8 byte offset of the end (exclusive).
    pub end: usize,
    /// Code point offset of the start.
    pub char_start: u64,
    /// Code point offset of the end (exclusive).
    pub char_end: u64,
    /// 1-based line of the start.
    pub line: u64,
    /// 0-based sentence of the start.
    pub sentence: u64,
    /// Canonical name.
    pub canonical: Option<&'a str>,
    /// Stable identifier.
    pub id: Option<&'a str>,
    /// TIMEX3 value (DATE).
    pub value: Option<Timex>,
    /// TIMEX3 mod (DATE).
    #[serde(rename = "mod")]
    pub modifier: Option<Mod>,
    /// First day covered (DATE).
    pub earliest: Option<Day>,
    /// Last day covered (DATE).
    pub latest: Option<Day>,
    /// What found it.
    pub source: Source<'a>,
}

/// The column names, in order.
pub const FIELDS: [&str; 16] = [
    "doc",
    "type",
    "text",
    "start",
    "end",
    "char_start",
    "char_end",
    "line",
    "sentence",
    "canonical",
    "id",
    "value",
    "mod",
    "earliest",
    "latest",
    "source",
];

impl<'a> Record<'a> {
    /// The record of `entity` in document `doc` with text `text` (the whole
    /// document, or the part that starts at byte `base`), whose own date
    /// (`present`) bounds "now"/"today".
    pub fn new(
        doc: &'a str,
        text: &'a str,
        base: usize,
        entity: &'a Entity<'a>,
        present: Option<Day>,
    ) -> Self {
        let m = &entity.mention;
        let (earliest, latest) = m.date.map_or((None, None), |d| d.bounds(present));
        Record {
            doc,
            kind: m.kind,
            text: &text[m.start - base..m.end - base],
            start: m.start,
            end: m.end,
            char_start: entity.char_start,
            char_end: entity.char_end,
            line: entity.line,
            sentence: entity.sentence,
            canonical: m.canonical.as_deref(),
            id: m.id.as_deref(),
            value: m.date.and_then(|d| d.value),
            modifier: m.date.and_then(|d| d.modifier),
            earliest,
            latest,
            source: m.source,
        }
    }
}

/// A record read back from any output format (for tests and tools).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[allow(missing_docs)]
pub struct OwnedRecord {
    pub doc: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub char_start: u64,
    pub char_end: u64,
    pub line: u64,
    pub sentence: u64,
    pub canonical: Option<String>,
    pub id: Option<String>,
    pub value: Option<String>,
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
    pub earliest: Option<String>,
    pub latest: Option<String>,
    pub source: String,
}
