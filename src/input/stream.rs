//! Plain text read from a stream in pieces that end where a chunk may be cut,
//! so a document of any size is processed in bounded memory.
//!
//! The stream reads into one buffer that keeps its capacity, and hands out
//! each piece in a buffer the caller gives back ([`TextStream::recycle`]) once
//! the piece is done: after the first pieces no memory is newly allocated, so
//! a long input costs no page faults beyond its first few megabytes.

use crate::text::next_cut;
use std::io::{self, Read};

/// Reads a text stream in pieces of at least `block` bytes (or the rest),
/// each ending at a chunk cut or at the end of the stream.
pub struct TextStream<R: Read> {
    reader: R,
    block: usize,
    /// Bytes read and not yet decoded: at most an incomplete UTF-8 sequence
    /// between reads (the buffer keeps its capacity).
    raw: Vec<u8>,
    /// Decoded text not yet handed out.
    pending: String,
    /// Buffers of pieces given back, for the next pieces.
    spare: Vec<String>,
    eof: bool,
    /// Whether the first block read has a NUL byte in its first 8 KiB, as
    /// read (once it is read).
    binary: Option<bool>,
    /// Invalid UTF-8 was replaced somewhere in the stream.
    pub lossy: bool,
}

impl<R: Read> TextStream<R> {
    /// A stream reading `reader` in blocks of about `block` bytes.
    pub fn new(reader: R, block: usize) -> Self {
        TextStream {
            reader,
            block: block.max(1),
            raw: Vec::new(),
            pending: String::new(),
            spare: Vec::new(),
            eof: false,
            binary: None,
            lossy: false,
        }
    }

    /// Reads up to one more block and decodes it onto `pending`: invalid
    /// sequences become U+FFFD, as a decode of the whole text makes them; an
    /// incomplete one at the end waits for the next read, unless the stream
    /// has ended.
    fn fill(&mut self) -> io::Result<()> {
        let want = self.block as u64;
        let read = loop {
            match (&mut self.reader).take(want).read_to_end(&mut self.raw) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        // `take` stops at `want` bytes; fewer means the stream has ended.
        self.eof = (read as u64) < want;
        // Judged on the bytes as read, as a whole file is.
        self.binary
            .get_or_insert_with(|| super::is_binary(&self.raw));
        // The usual case, checked fast: all valid, or valid but for a
        // sequence cut at the block's end.
        let kept = match std::str::from_utf8(&self.raw) {
            Ok(text) => {
                self.pending.push_str(text);
                0
            }
            Err(e) if e.error_len().is_none() && !self.eof => {
                let valid = &self.raw[..e.valid_up_to()];
                self.pending
                    .push_str(std::str::from_utf8(valid).expect("valid up to the cut"));
                self.raw.len() - valid.len()
            }
            Err(_) => self.decode_lossy(),
        };
        let from = self.raw.len() - kept;
        self.raw.copy_within(from.., 0);
        self.raw.truncate(kept);
        Ok(())
    }

    /// Decodes `raw` with invalid sequences replaced; returns how many bytes
    /// at its end are an incomplete sequence to keep for the next read.
    fn decode_lossy(&mut self) -> usize {
        let mut kept = 0;
        let mut chunks = self.raw.utf8_chunks().peekable();
        while let Some(chunk) = chunks.next() {
            self.pending.push_str(chunk.valid());
            let bad = chunk.invalid();
            if bad.is_empty() {
                continue;
            }
            let incomplete = std::str::from_utf8(bad).is_err_and(|e| e.error_len().is_none());
            if chunks.peek().is_none() && incomplete && !self.eof {
                kept = bad.len();
            } else {
                self.lossy = true;
                self.pending.push(char::REPLACEMENT_CHARACTER);
            }
        }
        kept
    }

    /// Whether the stream looks binary: a NUL byte in its first 8 KiB
    /// ([`super::is_binary`]); reads the first block if nothing is read yet.
    pub fn is_binary(&mut self) -> io::Result<bool> {
        if self.binary.is_none() {
            self.fill()?;
        }
        Ok(self.binary == Some(true))
    }

    /// Gives back the buffer of a piece that is done with, for a later piece.
    pub fn recycle(&mut self, piece: String) {
        self.spare.push(piece);
    }

    /// The next piece, or `None` at the end of the stream.
    pub fn next_piece(&mut self) -> io::Result<Option<String>> {
        loop {
            if self.pending.len() >= self.block || self.eof {
                let text = &self.pending;
                let cut = next_cut(text, self.block.min(text.len()) / 2)
                    // A cut is decided by the line after it: only take one whose next line is whole.
                    .filter(|&c| {
                        self.eof || memchr::memchr(b'\n', &text.as_bytes()[c..]).is_some()
                    });
                let cut = match cut {
                    Some(cut) => cut,
                    None if self.eof && !text.is_empty() => text.len(),
                    None if self.eof => return Ok(None),
                    None => {
                        self.fill()?;
                        continue;
                    }
                };
                // The rest moves to a spare buffer, which becomes the pending
                // one; the old pending buffer, cut, is the piece.
                let mut rest = self.spare.pop().unwrap_or_default();
                rest.clear();
                rest.push_str(&self.pending[cut..]);
                let mut piece = std::mem::replace(&mut self.pending, rest);
                piece.truncate(cut);
                return Ok(Some(piece));
            }
            self.fill()?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out at most `step` bytes a call.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn pieces(bytes: &[u8], block: usize, step: usize, recycle: bool) -> (Vec<String>, bool) {
        let mut stream = TextStream::new(Trickle { bytes, step }, block);
        let mut out = Vec::new();
        while let Some(p) = stream.next_piece().unwrap() {
            out.push(p.clone());
            if recycle {
                stream.recycle(p);
            }
        }
        (out, stream.lossy)
    }

    #[test]
    fn pieces_join_to_the_decoded_text_and_end_at_cuts() {
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(&format!(
                "Stalin met Molotov in Москва on day {i}.\nThe end ‘{i}’.\n\n"
            ));
        }
        for (block, step, recycle) in [(1000, 7, true), (4096, 4096, false), (333, 1, true)] {
            let (got, lossy) = pieces(text.as_bytes(), block, step, recycle);
            assert!(!lossy);
            assert!(got.len() > 3, "{block}: {} pieces", got.len());
            assert_eq!(got.concat(), text, "{block}/{step}");
            let mut at = 0;
            for p in &got[..got.len() - 1] {
                at += p.len();
                assert_eq!(
                    next_cut(&text, at - 1),
                    Some(at),
                    "{block}/{step}: cut at {at}"
                );
            }
        }
    }

    #[test]
    fn invalid_utf8_is_replaced_as_a_whole_decode_replaces_it() {
        let mut bytes = Vec::new();
        for i in 0..300u32 {
            bytes.extend_from_slice(format!("Line {i} é").as_bytes());
            // A lone continuation byte, a truncated sequence, an overlong one.
            bytes.extend_from_slice(
                [[0x80].as_slice(), &[0xe2, 0x82], &[0xc0, 0xaf]][i as usize % 3],
            );
            bytes.extend_from_slice(b".\n\n");
        }
        bytes.extend_from_slice(&[0xe2, 0x82]);
        let want = String::from_utf8_lossy(&bytes);
        for step in [1, 5, 64, 10_000] {
            let (got, lossy) = pieces(&bytes, 500, step, true);
            assert!(lossy);
            assert_eq!(got.concat(), want, "step {step}");
        }
    }

    #[test]
    fn a_nul_byte_in_the_first_block_is_binary() {
        let mut s = TextStream::new(&b"ab\0cd"[..], 4);
        assert!(s.is_binary().unwrap());
        let mut s = TextStream::new(&b"plain text"[..], 4);
        assert!(!s.is_binary().unwrap());
        assert_eq!(s.next_piece().unwrap().as_deref(), Some("plain text"));
        // Judged on the bytes as read, as a whole file is: invalid bytes
        // before the NUL (each decoded to three) do not push it out of the
        // first 8 KiB.
        let mut bytes = vec![0xff; 4000];
        bytes.resize(8000, b'a');
        bytes.push(0);
        assert!(crate::input::is_binary(&bytes));
        let mut s = TextStream::new(&bytes[..], 1 << 16);
        assert!(s.is_binary().unwrap());
    }
}
