//! The gazetteer file format (DESIGN.md, "Gazetteers"): TSV with a header row
//! naming at least `name` and `type`; optional `aliases` (`|`-separated), `id`
//! and `kind`; other columns are kept in the file but not needed for matching.
//!
//! This file is also compiled into `build.rs`, so it depends on `std` only.

use std::fmt;
use std::path::{Path, PathBuf};

/// The entity types a gazetteer row may have.
pub const ROW_TYPES: &[&str] = &["PERSON", "PLACE", "TREATY", "ORG", "EVENT"];

/// One entity of a gazetteer file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Canonical name.
    pub name: String,
    /// One of [`ROW_TYPES`].
    pub kind: String,
    /// Other names it goes by.
    pub aliases: Vec<String>,
    /// Stable identifier, when the file gives one.
    pub id: Option<String>,
    /// Sub-kind (for places: country, city, region, …), when given.
    pub subkind: Option<String>,
    /// 1-based line number in its file.
    pub line: usize,
}

/// A bad line in a gazetteer file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.reason)
    }
}

/// Parses a gazetteer file's text. Returns every row, or every bad line (all of
/// them, not only the first, so a user can fix a file in one go).
pub fn parse(path: &Path, text: &str) -> Result<Vec<Row>, Vec<LineError>> {
    let err = |line: usize, reason: String| LineError {
        path: path.to_path_buf(),
        line,
        reason,
    };
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let Some((header_line, header)) = lines.next() else {
        return Err(vec![err(1, "empty file: no header row".into())]);
    };
    let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
    let col = |name: &str| columns.iter().position(|c| *c == name);
    let (Some(name_col), Some(type_col)) = (col("name"), col("type")) else {
        return Err(vec![err(
            header_line,
            format!(
                "header row must name the columns `name` and `type` (found: {})",
                columns.join(", ")
            ),
        )]);
    };
    let (alias_col, id_col, kind_col) = (col("aliases"), col("id"), col("kind"));
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() > columns.len() {
            errors.push(err(
                n,
                format!(
                    "{} fields, but the header names {} columns",
                    fields.len(),
                    columns.len()
                ),
            ));
            continue;
        }
        let field = |c: Option<usize>| {
            c.and_then(|c| fields.get(c))
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
        };
        let Some(name) = field(Some(name_col)) else {
            errors.push(err(n, "empty `name`".into()));
            continue;
        };
        let kind = field(Some(type_col)).unwrap_or("");
        if !ROW_TYPES.contains(&kind) {
            errors.push(err(
                n,
                format!(
                    "`type` is {kind:?}; expected one of {}",
                    ROW_TYPES.join(", ")
                ),
            ));
            continue;
        }
        let aliases = field(alias_col)
            .map(|a| {
                a.split('|')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        rows.push(Row {
            name: name.to_string(),
            kind: kind.to_string(),
            aliases,
            id: field(id_col).map(String::from),
            subkind: field(kind_col).map(String::from),
            line: n,
        });
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}
