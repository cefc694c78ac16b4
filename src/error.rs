//! Library errors, each with the position a user needs to fix the cause.

use crate::gazetteer::tsv::LineError;
use std::fmt;
use std::path::PathBuf;

/// A gazetteer that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GazetteerError {
    /// The file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// Lines of the file are malformed (all of them are listed).
    Lines(Vec<LineError>),
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GazetteerError::Io { path, message } => {
                write!(f, "cannot read gazetteer {}: {message}", path.display())
            }
            GazetteerError::Lines(lines) => {
                for (i, l) in lines.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "bad gazetteer line: {l}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for GazetteerError {}
