//! The `extract` job: inputs → documents → extractor → encoded records →
//! ordered output, with per-input errors reported and counted, never fatal.

use crate::dates::Day;
use crate::input::{self, Item, TextStream};
use crate::output::{encode, Format, Sink};
use crate::record::Record;
use crate::{Entity, Extractor};
use rayon::prelude::*;
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
    // `--output -` is standard output, as `-` is standard input.
    let out: Box<dyn Write> = match job.output.as_deref().filter(|p| p.as_os_str() != "-") {
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
                    InputFormat::Text => stream_text(job, ex, rep, sink, io::stdin())?,
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
                    stream_file(job, ex, rep, sink, (&path, &id), walked, STREAM_BLOCK)?;
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
        binary_file(rep, path, walked);
        return None;
    }
    let (text, lossy) = input::decode(bytes);
    if lossy {
        lossy_file(rep, path);
    }
    Some(text)
}

/// Reports a binary file: an error if it was named, a note if a folder held it.
fn binary_file(rep: &Reporter, path: &Path, walked: bool) {
    if walked {
        rep.note(format_args!("{}: binary file skipped", path.display()));
    } else {
        rep.error(format_args!(
            "{}: binary file, not processed",
            path.display()
        ));
    }
}

/// Notes that invalid UTF-8 in a file was replaced.
fn lossy_file(rep: &Reporter, path: &Path) {
    rep.note(format_args!(
        "{}: invalid UTF-8 replaced with U+FFFD; offsets refer to the decoded text",
        path.display()
    ));
}

/// Processes one document given as consecutive parts (each ending where a
/// chunk may be cut; `next_part` is handed each part that is done with, to
/// reuse its buffer), writing each part's records before the third part
/// after it is read. Recognition needs nothing of the parts before: the
/// next part's runs while this one is resolved and encoded and the part
/// after is read, so no core waits at a part's end. A panic is reported with
/// the document's id and costs the rest of the document.
fn document_in_parts<W: Write>(
    job: &Job,
    ex: &Extractor,
    rep: &Reporter,
    sink: &mut Sink<W>,
    id: &str,
    mut next_part: impl FnMut(Option<String>) -> io::Result<Option<String>> + Send,
) -> io::Result<()> {
    let mut doc = ex.document(job.reference_date);
    // Both reused from part to part.
    let mut entities = Vec::new();
    let mut pieces = Vec::new();
    let mut base = 0;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut current = next_part(None)?;
        let mut recognised = current.as_deref().map(|t| ex.recognise_part(t));
        let mut following = match current {
            Some(_) => next_part(None)?,
            None => None,
        };
        let mut done = None;
        while let (Some(text), Some(part)) = (current.take(), recognised.take()) {
            let ((n, after), ahead) = rayon::join(
                || {
                    entities.clear();
                    ex.settle_part(&text, part, &mut doc, &mut entities);
                    let date = job.reference_date;
                    let n = encode_entities_into(
                        job.format,
                        id,
                        &text,
                        base,
                        &entities,
                        date,
                        &mut pieces,
                    );
                    (n, next_part(done.take()))
                },
                || following.as_deref().map(|t| ex.recognise_part(t)),
            );
            for piece in &pieces[..n] {
                sink.write_piece(piece)?;
            }
            base += text.len();
            done = Some(text);
            current = following;
            following = after?;
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

/// Streams one large plain-text file (`path`, document `id`), writing records
/// as it goes: a file that cannot be read, or stops being readable, is
/// reported with its path and the run goes on.
fn stream_file<W: Write>(
    job: &Job,
    ex: &Extractor,
    rep: &Reporter,
    sink: &mut Sink<W>,
    (path, id): (&Path, &str),
    walked: bool,
    block: usize,
) -> io::Result<()> {
    let report = |e: io::Error| rep.error(format_args!("{}: {e}", path.display()));
    let mut stream = match fs::File::open(path) {
        Ok(file) => TextStream::new(file, block),
        Err(e) => {
            report(e);
            return Ok(());
        }
    };
    match stream.is_binary() {
        Ok(false) => {}
        Ok(true) => {
            binary_file(rep, path, walked);
            return Ok(());
        }
        Err(e) => {
            report(e);
            return Ok(());
        }
    }
    stream_document(job, ex, rep, sink, &mut stream, id, Some(path))?;
    if stream.lossy {
        lossy_file(rep, path);
    }
    Ok(())
}

/// Processes the document `id` read from `stream`, its parts' buffers
/// reused. A read error ends the document: reported with `path` when it is
/// a file's (the run goes on), returned otherwise.
fn stream_document<W: Write, R: Read + Send>(
    job: &Job,
    ex: &Extractor,
    rep: &Reporter,
    sink: &mut Sink<W>,
    stream: &mut TextStream<R>,
    id: &str,
    path: Option<&Path>,
) -> io::Result<()> {
    document_in_parts(job, ex, rep, sink, id, |done| {
        if let Some(piece) = done {
            stream.recycle(piece);
        }
        match (stream.next_piece(), path) {
            (Ok(piece), _) => Ok(piece),
            (Err(e), Some(path)) => {
                rep.error(format_args!("{}: {e}", path.display()));
                Ok(None)
            }
            (Err(e), None) => Err(e),
        }
    })
}

/// Streams one plain-text document from `reader`, writing records as it goes.
fn stream_text<W: Write, R: Read + Send>(
    job: &Job,
    ex: &Extractor,
    rep: &Reporter,
    sink: &mut Sink<W>,
    reader: R,
) -> io::Result<()> {
    let mut stream = TextStream::new(reader, STREAM_BLOCK);
    stream_document(job, ex, rep, sink, &mut stream, "-", None)?;
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
    use crate::text::chunk_bounds;

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
            let mut stream = TextStream::new(text.as_bytes(), 4_000);
            stream_document(&job, &ex, &rep, &mut segmented, &mut stream, "doc", None).unwrap();
            let segmented = segmented.finish().unwrap();
            assert!(whole.len() > 10_000, "{format:?}: {} bytes", whole.len());
            assert!(
                whole == segmented,
                "{format:?}: the segmented output differs from the whole document's"
            );
        }
        assert!(!rep.failed.load(Ordering::Relaxed));
    }

    #[test]
    fn a_streamed_file_is_decoded_as_a_whole_and_a_bad_one_reported() {
        let ex = Extractor::builder().build();
        let job = Job {
            paths: Vec::new(),
            input_format: InputFormat::Text,
            format: Format::Jsonl,
            output: None,
            reference_date: None,
            quiet: true,
            progress: false,
        };
        let dir = tempfile::tempdir().unwrap();
        let run = |name: &str, bytes: Option<&[u8]>| {
            let path = dir.path().join(name);
            if let Some(bytes) = bytes {
                fs::write(&path, bytes).unwrap();
            }
            let rep = Reporter {
                quiet: true,
                failed: AtomicBool::new(false),
            };
            let mut sink = Sink::new(Vec::new(), Format::Jsonl);
            stream_file(&job, &ex, &rep, &mut sink, (&path, "doc"), false, 4_000).unwrap();
            (sink.finish().unwrap(), rep.failed.load(Ordering::Relaxed))
        };
        // Invalid UTF-8 across many parts: the records of the whole decoded text.
        let mut bytes = samples().into_bytes();
        for at in (1_000..bytes.len()).step_by(3_001) {
            if let Some(space) = bytes[at..].iter().position(|&b| b == b' ') {
                bytes[at + space] = 0xff;
            }
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let rep = Reporter {
            quiet: true,
            failed: AtomicBool::new(false),
        };
        let mut whole = Sink::new(Vec::new(), Format::Jsonl);
        for piece in encode_doc(&job, &ex, &rep, "doc", &text, None) {
            whole.write_piece(&piece).unwrap();
        }
        let (streamed, failed) = run("lossy.txt", Some(&bytes));
        assert!(text.contains('\u{fffd}'));
        assert!(!failed);
        assert!(streamed.len() > 10_000 && streamed == whole.finish().unwrap());
        // A named binary file and a missing one: reported, nothing written.
        let mut binary = b"Stalin met Truman.\0".to_vec();
        binary.extend_from_slice(&samples().into_bytes());
        for (name, bytes) in [
            ("binary.txt", Some(binary.as_slice())),
            ("missing.txt", None),
        ] {
            let (out, failed) = run(name, bytes);
            assert!(failed && out.is_empty(), "{name}");
        }
    }
}
