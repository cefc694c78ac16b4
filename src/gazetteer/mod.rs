//! Gazetteers: dictionaries of people, places and treaties, compiled into hash
//! tables of token sequences (see [`table`]) and matched leftmost-longest on
//! token boundaries (see [`matcher`]).
//!
//! The shipped files under `gazetteers/` are compiled by `build.rs` and
//! embedded in the binary; user files given with `--gazetteer` are compiled by
//! the same code when the extractor is built.

pub mod matcher;
pub mod table;
pub mod tsv;

use crate::error::GazetteerError;
use crate::mention::EntityType;
use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;
use table::TableView;

pub use matcher::{Candidate, Hit};

/// The compiled shipped gazetteers (built by `build.rs` from `gazetteers/*.tsv`).
static DEFAULT_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));
/// The names, ids and keys the shipped table points into.
static DEFAULT_STRINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer.str"));

/// Common English words (one a line), derived from the benchmark corpus by
/// `scripts/build_gazetteers.py`: single-word names among them are not tagged
/// at the start of a sentence on the dictionary alone.
static COMMON_WORDS: &str = include_str!("../../gazetteers/common-words.txt");

/// The common-word list as a set (built on first use: only user files need it
/// at run time; the shipped table was flagged at build time).
fn common_words() -> &'static HashSet<&'static [u8]> {
    static SET: OnceLock<HashSet<&'static [u8]>> = OnceLock::new();
    SET.get_or_init(|| {
        COMMON_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::as_bytes)
            .collect()
    })
}

/// An entity as the gazetteer records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityInfo<'g> {
    /// Canonical name.
    pub name: &'g str,
    /// Stable identifier.
    pub id: Option<&'g str>,
    /// Sub-kind (country, city, region, …) where the file says.
    pub subkind: Option<&'g str>,
    /// Entity type.
    pub kind: EntityType,
    /// The file it came from (its base name).
    pub file: &'g str,
}

/// A set of compiled gazetteer tables, matched together.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    tables: Vec<Table>,
}

/// One compiled table: its fixed-size part and its strings (see [`table::split`]).
#[derive(Clone, Debug)]
struct Table {
    data: Cow<'static, [u8]>,
    strings: Cow<'static, str>,
}

impl Gazetteer {
    /// The shipped gazetteers only.
    pub fn shipped() -> Self {
        Gazetteer {
            tables: vec![Table {
                data: Cow::Borrowed(DEFAULT_TABLE),
                strings: Cow::Borrowed(DEFAULT_STRINGS),
            }],
        }
    }

    /// No gazetteers at all.
    pub fn empty() -> Self {
        Gazetteer { tables: Vec::new() }
    }

    /// Adds the gazetteer file at `path`. Every bad line is reported, with the
    /// file and line number; nothing is added unless the whole file is good.
    pub fn add_file(&mut self, path: &Path) -> Result<(), GazetteerError> {
        let bytes = std::fs::read(path).map_err(|e| GazetteerError::Io {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            GazetteerError::Lines(vec![tsv::LineError {
                path: path.to_path_buf(),
                line: 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count(),
                reason: "not valid UTF-8".into(),
            }])
        })?;
        self.add_text(path, &text)
    }

    /// Adds a gazetteer from the text of a file (`path` names it in errors and
    /// in the records' `source`).
    pub fn add_text(&mut self, path: &Path, text: &str) -> Result<(), GazetteerError> {
        let rows = tsv::parse(path, text).map_err(GazetteerError::Lines)?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let rows: Vec<(u32, tsv::Row)> = rows.into_iter().map(|r| (0, r)).collect();
        let common = common_words();
        let bytes = table::build(&[name], &rows, &|w| common.contains(w));
        let (data, strings) = table::split(&bytes).expect("a table just built splits");
        self.tables.push(Table {
            data: Cow::Owned(data.to_vec()),
            strings: Cow::Owned(
                String::from_utf8(strings.to_vec()).expect("table strings come from str"),
            ),
        });
        Ok(())
    }

    /// Views of the tables, in the order they were added.
    pub fn views(&self) -> Vec<TableView<'_>> {
        self.tables
            .iter()
            .map(|t| TableView::new(&t.data, &t.strings).expect("tables are built by table::build"))
            .collect()
    }

    /// What the gazetteer knows of a candidate.
    pub fn entity<'a>(views: &[TableView<'a>], c: Candidate) -> EntityInfo<'a> {
        let view = views[c.table as usize];
        let (name, id, subkind, kind, file) = view.entity(c.entity);
        EntityInfo {
            name,
            id,
            subkind,
            kind: EntityType::from_row_code(kind),
            file: view.file(file),
        }
    }

    /// (entities, keys, aliases) per table, for reports.
    pub fn stats(&self) -> Vec<(usize, usize, usize)> {
        self.views()
            .iter()
            .map(|v| (v.entity_count(), v.key_count(), v.value_count()))
            .collect()
    }
}
