//! Plain text read from a stream in pieces that end where a chunk may be cut,
//! so a document of any size is processed in bounded memory.

use crate::text::next_cut;
use std::io::{self, Read};

/// Reads a text stream in pieces of at least `block` bytes (or the rest),
/// each ending at a chunk cut or at the end of the stream.
pub struct TextStream<R: Read> {
    reader: R,
    block: usize,
    /// Decoded text not yet handed out.
    pending: String,
    /// Bytes of an incomplete UTF-8 sequence at the end of the last read.
    partial: Vec<u8>,
    eof: bool,
    /// Invalid UTF-8 was replaced somewhere in the stream.
    pub lossy: bool,
}

impl<R: Read> TextStream<R> {
    /// A stream reading `reader` in blocks of about `block` bytes.
    pub fn new(reader: R, block: usize) -> Self {
        TextStream {
            reader,
            block: block.max(1),
            pending: String::new(),
            partial: Vec::new(),
            eof: false,
            lossy: false,
        }
    }

    fn fill(&mut self) -> io::Result<()> {
        let mut buf = std::mem::take(&mut self.partial);
        let old = buf.len();
        buf.resize(old + self.block, 0);
        let mut filled = old;
        while filled < buf.len() {
            match self.reader.read(&mut buf[filled..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        buf.truncate(filled);
        // Keep an incomplete trailing UTF-8 sequence for the next read.
        let mut valid_to = buf.len();
        if !self.eof {
            if let Err(e) = std::str::from_utf8(&buf) {
                if e.error_len().is_none() {
                    valid_to = e.valid_up_to();
                }
            }
        }
        self.partial = buf.split_off(valid_to);
        match String::from_utf8(buf) {
            Ok(s) => self.pending.push_str(&s),
            Err(e) => {
                self.lossy = true;
                self.pending
                    .push_str(&String::from_utf8_lossy(e.as_bytes()));
            }
        }
        Ok(())
    }

    /// The next piece, or `None` at the end of the stream.
    pub fn next_piece(&mut self) -> io::Result<Option<String>> {
        loop {
            if self.pending.len() >= self.block || self.eof {
                let cut = next_cut(&self.pending, self.block.min(self.pending.len()) / 2)
                    // A cut is decided by the line after it: only take one whose next line is whole.
                    .filter(|&c| {
                        self.eof || memchr::memchr(b'\n', &self.pending.as_bytes()[c..]).is_some()
                    });
                if let Some(cut) = cut {
                    let rest = self.pending.split_off(cut);
                    return Ok(Some(std::mem::replace(&mut self.pending, rest)));
                }
                if self.eof {
                    return Ok(
                        (!self.pending.is_empty()).then(|| std::mem::take(&mut self.pending))
                    );
                }
            }
            self.fill()?;
        }
    }
}
