//! Word lists for the hot loop of the word view: each word of at most 16
//! bytes is packed into two integers and kept in one open-addressing table,
//! so that a look-up hashes and compares two integers instead of hashing a
//! string byte by byte and following a pointer to compare it. The few longer
//! words sit in a small map of their own. Words never hold a NUL byte (no
//! token does), so zero-padding keeps packed words apart.

use super::lexicon::Fnv;
use crate::text::swar::{ascii_lower, first_bytes, load};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The longest word that is packed, in bytes.
const PACKED: usize = 16;

/// A word of one to [`PACKED`] bytes as two little-endian integers,
/// zero-padded (all zero is an empty slot).
#[inline]
fn pack(word: &[u8]) -> Option<[u64; 2]> {
    if word.is_empty() || word.len() > PACKED {
        return None;
    }
    let mut buf = [0u8; PACKED];
    buf[..word.len()].copy_from_slice(word);
    let (lo, hi) = buf.split_at(8);
    Some([
        u64::from_le_bytes(lo.try_into().expect("eight bytes")),
        u64::from_le_bytes(hi.try_into().expect("eight bytes")),
    ])
}

/// [`pack`] of `text[start..end]`, read with whole-word loads where the text
/// has the bytes past the word (copying a word into a buffer to read it back
/// as integers stalls the load).
#[inline]
fn pack_in(text: &[u8], start: usize, end: usize) -> Option<[u64; 2]> {
    let len = end - start;
    let fast = match len {
        1..=8 => load(text, start).map(|lo| [first_bytes(lo, len), 0]),
        9..=16 => load(text, start)
            .zip(load(text, start + 8))
            .map(|(lo, hi)| [lo, first_bytes(hi, len - 8)]),
        _ => return None,
    };
    fast.or_else(|| pack(&text[start..end]))
}

/// A map from words to small values (a set when `V` is `()`).
#[derive(Debug)]
pub(crate) struct ShortWords<V> {
    /// Packed word and value; an all-zero word marks an empty slot.
    slots: Vec<([u64; 2], V)>,
    /// Right shift that leaves a hash's top bits as a slot index.
    shift: u32,
    /// Packed words held.
    count: usize,
    long: HashMap<&'static [u8], V, BuildHasherDefault<Fnv>>,
}

impl<V: Copy + Default> ShortWords<V> {
    /// An empty map with room for `n` words.
    pub fn with_capacity(n: usize) -> Self {
        let size = (n * 2).next_power_of_two().max(16);
        ShortWords {
            slots: vec![([0, 0], V::default()); size],
            shift: 64 - size.trailing_zeros(),
            count: 0,
            long: HashMap::default(),
        }
    }

    #[inline]
    fn slot(&self, key: [u64; 2]) -> usize {
        let h = (key[0] ^ key[1].rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> self.shift) as usize
    }

    /// Updates the value of `word` (inserted with the default value if new).
    /// Empty words are not kept.
    pub fn update(&mut self, word: &'static [u8], f: impl FnOnce(&mut V)) {
        if word.is_empty() {
            return;
        }
        let Some(key) = pack(word) else {
            f(self.long.entry(word).or_default());
            return;
        };
        if self.slots.len() < 2 * self.count + 2 {
            self.grow();
        }
        let i = self.probe(key);
        let (k, v) = &mut self.slots[i];
        if *k != key {
            self.count += 1;
            *k = key;
        }
        f(v);
    }

    /// Adds `word` with the default value.
    pub fn insert(&mut self, word: &'static [u8]) {
        self.update(word, |_| {});
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![([0, 0], V::default()); size]);
        self.shift = 64 - size.trailing_zeros();
        for (key, v) in old.into_iter().filter(|(k, _)| *k != [0, 0]) {
            let i = self.probe(key);
            self.slots[i] = (key, v);
        }
    }

    /// The slot that holds `key`, or the empty slot where it would go.
    #[inline]
    fn probe(&self, key: [u64; 2]) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        while self.slots[i].0 != key && self.slots[i].0 != [0, 0] {
            i = (i + 1) & mask;
        }
        i
    }

    #[inline]
    fn find(&self, key: [u64; 2]) -> Option<V> {
        let (k, v) = self.slots[self.probe(key)];
        (k == key).then_some(v)
    }

    /// The value of `word` as written.
    #[inline]
    pub fn get(&self, word: &[u8]) -> Option<V> {
        self.get_in(word, 0, word.len())
    }

    /// [`ShortWords::get`] of `text[start..end]`.
    #[inline]
    pub fn get_in(&self, text: &[u8], start: usize, end: usize) -> Option<V> {
        match pack_in(text, start, end) {
            Some(key) => self.find(key),
            None => self.long.get(&text[start..end]).copied(),
        }
    }

    /// The value of `text[start..end]` with its ASCII capitals made small.
    #[inline]
    pub fn get_lower_in(&self, text: &[u8], start: usize, end: usize) -> Option<V> {
        match pack_in(text, start, end) {
            Some([lo, hi]) => self.find([ascii_lower(lo), ascii_lower(hi)]),
            None => self
                .long
                .get(&*text[start..end].to_ascii_lowercase())
                .copied(),
        }
    }

    /// Whether `word` is in the map, as written.
    #[inline]
    pub fn contains(&self, word: &[u8]) -> bool {
        self.get(word).is_some()
    }
}

impl<V: Copy + Default> Extend<&'static [u8]> for ShortWords<V> {
    fn extend<I: IntoIterator<Item = &'static [u8]>>(&mut self, words: I) {
        for w in words {
            self.insert(w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_every_length_are_found_as_written_or_lower_cased() {
        let words: Vec<&'static [u8]> = [
            "a",
            "of",
            "the",
            "Mr",
            "Jean",
            "Stalin",
            "ordinary",
            "nineteenth",
            "Mediterranean",
            "sixteen_letters!",
            "seventeen_letters",
            "unconstitutionality",
            "été",
        ]
        .iter()
        .map(|w| w.as_bytes())
        .collect();
        let mut set: ShortWords<u32> = ShortWords::with_capacity(2);
        for (i, w) in words.iter().enumerate() {
            set.update(w, |v| *v |= 1 << i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(set.get(w), Some(1 << i), "{}", String::from_utf8_lossy(w));
            let upper = w.to_ascii_uppercase();
            let lowered = w.iter().all(|b| !b.is_ascii_uppercase());
            let lower = set.get_lower_in(&upper, 0, upper.len());
            assert_eq!(lower.is_some(), lowered, "{upper:?}");
            // One letter more, one less, one changed: not found.
            let mut longer = w.to_vec();
            longer.push(b's');
            assert_eq!(set.get(&longer), None);
            assert_eq!(set.get(&w[..w.len() - 1]), None);
            let mut changed = w.to_vec();
            changed[0] ^= 1;
            assert_eq!(set.get(&changed), None);
        }
        assert_eq!(set.get(b""), None);
        // Read in place from a text, at its end or with bytes after the word.
        for w in &words {
            for tail in ["", " x", " the long tail of words"] {
                let text = [b"(".as_slice(), w, tail.as_bytes()].concat();
                let end = 1 + w.len();
                assert_eq!(set.get_in(&text, 1, end), set.get(w), "{text:?}");
                let upper = text.to_ascii_uppercase();
                // The word alone: read by the copy, as at a text's end.
                let alone = &upper[1..end];
                assert_eq!(
                    set.get_lower_in(&upper, 1, end),
                    set.get_lower_in(alone, 0, alone.len())
                );
                assert_eq!(set.get_in(&text, 1, end - 1), set.get(&w[..w.len() - 1]));
                assert_eq!(set.get_in(&text, 1, 1), None);
            }
        }
        // Updating a word keeps one entry.
        set.update(b"the", |v| *v |= 1 << 31);
        assert_eq!(set.get(b"the"), Some(1 << 2 | 1 << 31));
    }
}
