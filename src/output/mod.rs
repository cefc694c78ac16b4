//! Writers: records encoded as JSON Lines, CSV (RFC 4180, with a header) or
//! one JSON array. Documents are encoded into byte buffers (in parallel, by
//! the workers), and a [`Sink`] writes the buffers in input order.

mod json;

use crate::record::{Record, FIELDS};
use std::io::{self, Write};
use std::str::FromStr;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One JSON object per line (the default).
    #[default]
    Jsonl,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// One JSON array of objects.
    Json,
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "jsonl" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            _ => Err(format!("unknown format {s:?}; expected jsonl, csv or json")),
        }
    }
}

/// Appends `records` to `out` in `format`, as one piece of the output; for
/// JSON, records are separated by commas and the piece has no trailing one.
pub fn encode<'a>(
    format: Format,
    records: impl IntoIterator<Item = Record<'a>>,
    out: &mut Vec<u8>,
) {
    match format {
        Format::Jsonl => {
            let mut writer = json::Writer::default();
            for r in records {
                writer.write(&r, out);
                out.push(b'\n');
            }
        }
        Format::Json => {
            let mut writer = json::Writer::default();
            for (i, r) in records.into_iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(b",\n");
                }
                writer.write(&r, out);
            }
        }
        Format::Csv => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut *out);
            for r in records {
                w.serialize(&r).expect("records always serialise");
            }
            w.flush().expect("writing to memory cannot fail");
        }
    }
}

/// Writes encoded pieces in order, with the format's header, separators and footer.
pub struct Sink<W: Write> {
    out: W,
    format: Format,
    started: bool,
    any: bool,
}

impl<W: Write> Sink<W> {
    /// A sink writing `format` to `out` (buffer `out` yourself).
    pub fn new(out: W, format: Format) -> Self {
        Sink {
            out,
            format,
            started: false,
            any: false,
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            match self.format {
                Format::Csv => writeln!(self.out, "{}", FIELDS.join(","))?,
                Format::Json => self.out.write_all(b"[\n")?,
                Format::Jsonl => {}
            }
        }
        Ok(())
    }

    /// Writes one encoded piece (see [`encode`]).
    pub fn write_piece(&mut self, piece: &[u8]) -> io::Result<()> {
        self.start()?;
        if piece.is_empty() {
            return Ok(());
        }
        if self.format == Format::Json && self.any {
            self.out.write_all(b",\n")?;
        }
        self.any = true;
        self.out.write_all(piece)
    }

    /// Writes the footer and flushes; returns the writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.start()?;
        if self.format == Format::Json {
            self.out
                .write_all(if self.any { b"\n]\n" } else { b"]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}
