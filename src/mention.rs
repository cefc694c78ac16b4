//! What the recognisers find and the extractor returns: mentions of entities
//! with byte spans into the document, and their resolved attributes.

use crate::dates::DateInfo;
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// The type of a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A named individual.
    Person,
    /// A named location or geopolitical entity.
    Place,
    /// A named treaty, agreement, pact, accord, convention, protocol, charter…
    Treaty,
    /// A calendar expression.
    Date,
    /// An organisation (internal; emitted only when asked for).
    Org,
    /// A named event (internal; emitted only when asked for).
    Event,
}

impl EntityType {
    /// Every type, in output-name order.
    pub const ALL: [EntityType; 6] = [
        EntityType::Person,
        EntityType::Place,
        EntityType::Treaty,
        EntityType::Date,
        EntityType::Org,
        EntityType::Event,
    ];

    /// The name used in records and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Place => "PLACE",
            EntityType::Treaty => "TREATY",
            EntityType::Date => "DATE",
            EntityType::Org => "ORG",
            EntityType::Event => "EVENT",
        }
    }

    /// The type of a gazetteer row code (`gazetteer::tsv::ROW_TYPES` order).
    pub(crate) fn from_row_code(code: u32) -> Self {
        match code {
            0 => EntityType::Person,
            1 => EntityType::Place,
            2 => EntityType::Treaty,
            3 => EntityType::Org,
            _ => EntityType::Event,
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntityType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!(
                    "unknown type {s:?}; expected one of PERSON, PLACE, TREATY, DATE, ORG, EVENT"
                )
            })
    }
}

/// A set of entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeSet(u8);

impl TypeSet {
    /// The four core types: PERSON, PLACE, TREATY, DATE.
    pub const CORE: TypeSet = TypeSet(0b1111);

    /// The empty set.
    pub const fn empty() -> Self {
        TypeSet(0)
    }

    /// Adds a type.
    pub fn insert(&mut self, t: EntityType) {
        self.0 |= 1 << t as u8;
    }

    /// Whether the set holds `t`.
    pub fn contains(self, t: EntityType) -> bool {
        self.0 & (1 << t as u8) != 0
    }
}

impl Default for TypeSet {
    fn default() -> Self {
        TypeSet::CORE
    }
}

impl FromIterator<EntityType> for TypeSet {
    fn from_iter<I: IntoIterator<Item = EntityType>>(iter: I) -> Self {
        let mut s = TypeSet::empty();
        for t in iter {
            s.insert(t);
        }
        s
    }
}

/// What found a mention: a gazetteer file or a named rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source<'g> {
    /// A gazetteer file, by base name.
    Gazetteer(&'g str),
    /// A recogniser rule, by name.
    Rule(&'static str),
}

impl Serialize for Source<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Source<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Gazetteer(file) => write!(f, "gazetteer:{file}"),
            Source::Rule(rule) => f.write_str(rule),
        }
    }
}

/// One mention in a document: its type, byte span and resolved attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention<'g> {
    /// The type.
    pub kind: EntityType,
    /// Byte offset of the first byte in the document.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Canonical name, where known.
    pub canonical: Option<Cow<'g, str>>,
    /// Stable identifier, where known.
    pub id: Option<Cow<'g, str>>,
    /// Normalised date (DATE mentions only).
    pub date: Option<DateInfo>,
    /// What found it.
    pub source: Source<'g>,
}

impl<'g> Mention<'g> {
    /// A mention with no canonical name, id or date.
    pub fn new(kind: EntityType, start: usize, end: usize, source: Source<'g>) -> Self {
        Mention {
            kind,
            start,
            end,
            canonical: None,
            id: None,
            date: None,
            source,
        }
    }
}

/// A mention placed in its document: the mention plus its code point span,
/// line and sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity<'g> {
    /// The mention.
    pub mention: Mention<'g>,
    /// Code point offset of the start.
    pub char_start: u64,
    /// Code point offset of the end (exclusive).
    pub char_end: u64,
    /// 1-based line of the start.
    pub line: u64,
    /// 0-based sentence of the start.
    pub sentence: u64,
}
