//! The `extract` job: inputs → documents → extractor → encoded records →
//! ordered output, with per-input errors reported and counted, never fatal.

use crate::dates::Day;
use crate::input::{self, Item, TextStream};
use crate::output::{encode, Format, Sink};
use crate::record::Record;
use crate::text::chunk_bounds;
use crate::{Entity, Extractor};
use rayon::prelude::*;
use std::borrow::Cow;
use std::fs;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// How documents are given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// Each file (or stdin) is one plain-text document.
    #[default]
    Text,
    /// One JSON document per line.
    Jsonl,
}

/// A validated extract job.
#[derive(Debug, Clone)]
pub struct Job {
    /// Paths (files, folders, `-`); empty means stdin.
    pub paths: Vec<PathBuf>,
    /// Input format.
    pub input_format: InputFormat,
    /// Output format.
    pub format: Format,
    /// Output file (stdout when `None`).
    pub output: Option<PathBuf>,
    /// Date for documents that have none.
    pub reference_date: Option<Day>,
    /// No notes or progress on stderr.
    pub quiet: bool,
    /// Show a progress bar (folder runs on a terminal).
    pub progress: bool,
}

/// What happened: whether every input was processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was processed (exit 0).
    Complete,
    /// Some inputs failed and were reported (exit 1).
    Partial,
    /// The output was closed early (`| head`): stop quietly, exit 0.
    OutputClosed,
}

/// Reports per-input problems on stderr and remembers that one happened.
struct Reporter {
    quiet: bool,
    failed: AtomicBool,
}

impl Reporter {
    fn error(&self, msg: impl std::fmt::Display) {
        self.failed.store(true, Ordering::Relaxed);
        eprintln!("annalist: {msg}");
    }
    fn note(&self, msg: impl std::fmt::Display) {
        if !self.quiet {
            eprintln!("annalist: {msg}");
        }
    }
}

/// The result of one document, encoded, ready to write in order.
type Piece = Vec<u8>;

/// Documents are processed in parallel in batches of about this many bytes,
/// then written in input order.
const BATCH_BYTES: usize = 16 * 1024 * 1024;
const BATCH_DOCS: usize = 256;
/// Stdin text is read in blocks of this size.
const STREAM_BLOCK: usize = 4 * 1024 * 1024;

/// Runs the job with `extractor`.
pub fn run(job: &Job, extractor: &Extractor) -> io::Result<Outcome> {
    let reporter = Reporter {
        quiet: job.quiet,
        failed: AtomicBool::new(false),
    };
    let out: Box<dyn Write> = match &job.output {
        Some(p) => Box::new(fs::File::create(p).map_err(|e| {
            io::Error::new(e.kind(), format!("cannot create {}: {e}", p.display()))
        })?),
        None => Box::new(io::stdout().lock()),
    };
    let mut sink = Sink::new(BufWriter::with_capacity(1 << 16, out), job.format);
    let result =
        run_inner(job, extractor, &reporter, &mut sink).and_then(|()| sink.finish().map(drop));
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(Outcome::OutputClosed),
        Err(e) => Err(e),
        Ok(()) if reporter.failed.load(Ordering::Relaxed) => Ok(Outcome::Partial),
        Ok(()) => Ok(Outcome::Complete),
    }
}

fn run_inner<W: Write>(
    job: &Job,
    ex: &Extractor,
    rep: &Reporter,
    sink: &mut Sink<W>,
) -> io::Result<()> {
    let paths = if job.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        job.paths.clone()
    };
    let (items, errors) = input::expand(&paths);
    for (path, e) in errors {
        rep.error(format_args!("{}: {e}", path.display()));
    }
    let progress = (job.progress && !job.quiet && items.len() > 1).then(|| {
        let bar = indicatif::ProgressBar::new(items.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} documents {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    // Consecutive files are batched; stdin is handled where it stands.
    let mut batch: Vec<(PathBuf, String, bool)> = Vec::new();
    let mut batch_bytes = 0usize;
    for item in items {
        match item {
            Item::Stdin => {
                flush_files(job, ex, rep, sink, &mut batch)?;
                batch_bytes = 0;
                match job.input_format {
                    InputFormat::Text => stream_text(job, ex, rep, sink, io::stdin().lock())?,
                    InputFormat::Jsonl => {
                        let mut bytes = Vec::new();
                        io::stdin().lock().read_to_end(&mut bytes)?;
                        jsonl_docs(job, ex, rep, sink, "-", bytes)?;
                    }
                }
            }
            Item::File { path, id, walked } => {
                let bytes = fs::metadata(&path).map_or(0, |m| m.len() as usize);
                // A large text file is written as it goes, a segment at a
                // time, so its records never wait in memory all at once.
                if bytes > STREAM_BLOCK && job.input_format == InputFormat::Text {
                    flush_files(job, ex, rep, sink, &mut batch)?;
                    batch_bytes = 0;
                    if let Some(text) = read_text(rep, &path, walked) {
                        segmented_text(job, ex, rep, sink, (&id, &text), STREAM_BLOCK)?;
                    }
                    if let Some(bar) = &progress {
                        bar.inc(1);
                    }
                    continue;
                }
                batch_bytes += bytes;
                batch.push((path, id, walked));
                if batch_bytes >= BATCH_BYTES || batch.len() >= BATCH_DOCS {
                    if let Some(bar) = &progress {
                        bar.inc(batch.len() as u64);
                    }
                    flush_files(job, ex, rep, sink, &mut batch)?;
                    batch_bytes = 0;
                }
            }
        }
    }
    if let Some(bar) = &progress {
        bar.inc(batch.len() as u64);
    }
    flush_files(job, ex, rep, sink, &mut batch)?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(())
}

/// Encodes the entities of one document (in pieces, see [`encode_entities`]).
/// A bug that panics on one document is reported with its id and costs only
/// that document (exit code 1).
fn encode_doc(
    job: &Job,
    ex: &Extractor,
    rep: &Reporter,
    id: &str,
    text: &str,
    date: Option<Day>,
) -> Vec<Piece> {
    let date = date.or(job.reference_date);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let entities = ex.extract(text, date);
        let mut pieces = Vec::new();
        let n = encode_entities_into(job.format, id, text, 0, &entities, date, &mut pieces);
        pieces.truncate(n);
        pieces
    }));
    result.unwrap_or_else(|_| {
        rep.error(format_args!(
            "{id}: internal error while extracting; document skipped (please report it)"
        ));
        Vec::new()
    })
}

/// Encodes the entities of (a part starting at byte `base` of) one document
/// as pieces of output for the [`Sink`], which joins them (a long list is
/// encoded in parallel parts), into the first pieces of `pieces` (cleared,
/// their memory reused; more are added when needed); returns how many it
/// filled.
fn encode_entities_into(
    format: Format,
    id: &str,
    text: &str,
    base: usize,
    entities: &[Entity<'_>],
    date: Option<Day>,
    pieces: &mut Vec<Piece>,
) -> usize {
    const PER_TASK: usize = 4096;
    let encode_part = |part: &[Entity<'_>], piece: &mut Piece| {
        piece.clear();
        piece.reserve(part.len() * 320);
        encode(
            format,
            part.iter().map(|e| Record::new(id, text, base, e, date)),
            piece,
        );
    };
    let parts = entities.len().div_ceil(PER_TASK).max(1);
    if pieces.len() < parts {
        pieces.resize_with(parts, Vec::new);
    }
    if parts == 1 {
        encode_part(entities, &mut pieces[0]);
    } else {
        entities
            .par_chunks(PER_TASK)
            .zip(pieces[..parts].par_iter_mut())
            .for_each(|(part, piece)| encode_part(part, piece));
    }
    parts
}

/// Processes a batch of files in parallel and writes their records in order.
fn flush_files<W: Write>(
    job: &Job,
    ex: &Extractor,
    rep: &Reporter,
    sink: &mut Sink<W>,
    batch: &mut Vec<(PathBuf, String, bool)>,
) -> io::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let pieces: Vec<Vec<Piece>> = batch
        .par_iter()
        .map(|(path, id, walked)| {
            if job.input_format == InputFormat::Jsonl {
                return read_file(rep, path).map_or_else(Vec::new, |bytes| {
                    jsonl_pieces(job, ex, rep, &path.display().to_string(), bytes)
                });
            }
            match read_text(rep, path, *walked) {
                Some(text) => encode_doc(job, ex, rep, id, &text, None),
                None => Vec::new(),
            }
        })
        .collect();
    batch.clear();
    for piece in pieces.iter().flatten() {
        sink.write_piece(piece)?;
    }
    Ok(())
}

/// Reads a file, or reports why it cannot be read and gives `None`.
fn read_file(rep: &Reporter, path: &Path) -> Option<Vec<u8>> {
    fs::read(path)
        .map_err(|e| rep.error(format_args!("{}: {e}", path.display())))
        .ok()
}

/// Reads a plain-text file, or reports why it cannot be read (a binary file
/// found by walking a folder is only noted) and gives `None`.
fn read_text(rep: &Reporter, path: &Path, walked: bool) -> Option<String> {
    let bytes = read_file(rep, path)?;
    if input::is_binary(&bytes) {
        if walked {
            rep.note(format_args!("{}: binary file skipped", path.display()));
        } else {
            rep.error(format_args!(
                "{}: binary file, not processed",
                path.display()
            ));
        }
        return None;
    }
    let (text, lossy) = input::decode(bytes);
    if lossy {
        rep.note(format_args!(
            "{}: invalid UTF-8 replaced with U+FFFD; offsets refer to the decoded text",
            path.display()
        ));
    }
    Some(text)
}

/// Processes one large document (`id`, `text`) in segments of about `block`
/// bytes (cut where chunks may be cut), writing each segment's records
/// before the next is read: the records are those of the whole document at
/// once.
fn segmented_text<W: Write>(
    job: &Job,
    ex: &Extractor,
    rep: &Reporter,
    sink: &mut Sink<W>,
    (id, text): (&str, &str),
    block: usize,
) -> io::Result<()> {
    let mut parts = chunk_bounds(text, block).into_iter();
    document_in_parts(job, ex, rep, sink, id, || {
        Ok(parts
            .next()
            .map(|(start, end)| Cow::Borrowed(&text[start..end])))
    })
}

/// Processes one document given as consecutive parts (each ending where a
/// chunk may be cut), writing each part's records before the next part but
/// one is read. Recognition needs nothing of the parts before: the next
/// part's runs while this one is resolved, encoded and written, so no core
/// waits at a part's end. A panic is reported with the document's id and
/// costs the rest of the document.
fn document_in_parts<'t, W: Write>(
    job: &Job,
    ex: &Extractor,
    rep: &Reporter,
    sink: &mut Sink<W>,
    id: &str,
    mut next_part: impl FnMut() -> io::Result<Option<Cow<'t, str>>>,
) -> io::Result<()> {
    let mut doc = ex.document(job.reference_date);
    // Both reused from part to part.
    let mut entities = Vec::new();
    let mut pieces = Vec::new();
    let mut base = 0;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut current = next_part()?;
        let mut recognised = current.as_deref().map(|t| ex.recognise_part(t));
        while let (Some(text), Some(part)) = (current.take(), recognised.take()) {
            let following = next_part()?;
            let (n, ahead) = rayon::join(
                || {
                    entities.clear();
                    ex.settle_part(&text, part, &mut doc, &mut entities);
                    let date = job.reference_date;
                    encode_entities_into(job.format, id, &text, base, &entities, date, &mut pieces)
                },
                || following.as_deref().map(|t| ex.recognise_part(t)),
            );
            for piece in &pieces[..n] {
                sink.write_piece(piece)?;
            }
            base += text.len();
            current = following;
            recognised = ahead;
        }
        Ok(())
    }));
    result.unwrap_or_else(|_| {
        rep.error(format_args!(
            "{id}: internal error while extracting; the rest of the document skipped (please report it)"
        ));
        Ok(())
    })
}

/// Parses and processes the documents of a JSON Lines file, in parallel.
fn jsonl_pieces(
    job: &Job,
    ex: &Extractor,
    rep: &Reporter,
    file: &str,
    bytes: Vec<u8>,
) -> Vec<Piece> {
    let (text, lossy) = input::decode(bytes);
    if lossy {
        rep.note(format_args!("{file}: invalid UTF-8 replaced with U+FFFD"));
    }
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let pieces: Vec<Vec<Piece>> = lines
        .par_iter()
        .map(
            |&(n, line)| match input::parse_line(line, || format!("{file}:{n}")) {
                Ok(doc) => encode_doc(job, ex, rep, &doc.id, &doc.text, doc.date),
                Err(msg) => {
                    rep.error(format_args!("{file}:{n}: {msg}; line skipped"));
                    Vec::new()
                }
            },
        )
        .collect();
    pieces.into_iter().flatten().collect()
}

fn jsonl_docs<W: Write>(
    job: &Job,
    ex: &Extractor,
    rep: &Reporter,
    sink: &mut Sink<W>,
    file: &str,
    bytes: Vec<u8>,
) -> io::Result<()> {
    for piece in jsonl_pieces(job, ex, rep, file, bytes) {
        sink.write_piece(&piece)?;
    }
    Ok(())
}

/// Streams one plain-text document from `reader`, writing records as it goes.
fn stream_text<W: Write, R: Read>(
    job: &Job,
    ex: &Extractor,
    rep: &Reporter,
    sink: &mut Sink<W>,
    reader: R,
) -> io::Result<()> {
    let mut stream = TextStream::new(reader, STREAM_BLOCK);
    document_in_parts(job, ex, rep, sink, "-", || {
        Ok(stream.next_piece()?.map(Cow::Owned))
    })?;
    if stream.lossy {
        rep.note(
            "standard input: invalid UTF-8 replaced with U+FFFD; offsets refer to the decoded text",
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::samples;

    #[test]
    fn a_document_written_in_segments_gives_the_records_of_the_whole() {
        let ex = Extractor::builder().build();
        let rep = Reporter {
            quiet: true,
            failed: AtomicBool::new(false),
        };
        let text = samples();
        for format in [Format::Jsonl, Format::Csv] {
            let job = Job {
                paths: Vec::new(),
                input_format: InputFormat::Text,
                format,
                output: None,
                reference_date: None,
                quiet: true,
                progress: false,
            };
            let mut whole = Sink::new(Vec::new(), format);
            for piece in encode_doc(&job, &ex, &rep, "doc", &text, None) {
                whole.write_piece(&piece).unwrap();
            }
            let whole = whole.finish().unwrap();
            let mut segmented = Sink::new(Vec::new(), format);
            let segments = chunk_bounds(&text, 4_000).len();
            assert!(segments > 5, "only {segments} segments");
            segmented_text(&job, &ex, &rep, &mut segmented, ("doc", &text), 4_000).unwrap();
            let segmented = segmented.finish().unwrap();
            assert!(whole.len() > 10_000, "{format:?}: {} bytes", whole.len());
            assert!(
                whole == segmented,
                "{format:?}: the segmented output differs from the whole document's"
            );
        }
        assert!(!rep.failed.load(Ordering::Relaxed));
    }
}
