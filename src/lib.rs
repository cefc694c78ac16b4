//! # annalist
//!
//! Extracts the **people, places, treaties and dates** of raw text, with exact
//! byte and code point offsets, canonical names, identifiers and normalised
//! TIMEX3 date values.
//!
//! The data flows through the modules in this order:
//! [`input`] (paths, decoding, documents, streaming) → [`text`] (tokens,
//! sentences, positions) → recognisers ([`gazetteer`], [`dates`]) →
//! [`resolve`] (overlaps, document pass) → [`record`] → [`output`] (JSONL,
//! CSV, JSON). [`Extractor`] ties the recognisers together; [`run`] is the
//! command-line job built on it.
//!
//! ```
//! use annalist::{Extractor, EntityType};
//! let ex = Extractor::builder().build();
//! let text = "Stalin met Mao Zedong in Moscow in December 1949.";
//! let kinds: Vec<(EntityType, &str)> = ex
//!     .extract(text, None)
//!     .iter()
//!     .map(|e| (e.mention.kind, &text[e.mention.start..e.mention.end]))
//!     .collect();
//! assert!(kinds.contains(&(EntityType::Date, "December 1949")));
//! ```
#![deny(missing_docs)]

pub mod dates;
pub mod error;
mod extract;
pub mod gazetteer;
pub mod input;
pub mod mention;
mod names;
pub mod output;
pub mod record;
pub mod resolve;
pub mod run;
#[cfg(test)]
mod test_support;
pub mod text;

pub use error::GazetteerError;
pub use extract::{Extractor, ExtractorBuilder, RecognisedPart, DEFAULT_CHUNK_BYTES};
pub use mention::{Entity, EntityType, Mention, Source, TypeSet};
