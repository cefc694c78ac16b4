//! The compiled gazetteer: an open-addressing hash table from normalised token
//! sequences to entities, laid out in one byte buffer so the shipped table can
//! be built by `build.rs` and embedded with `include_bytes!` (no work at
//! start-up), while user files are compiled by the same code at run time.
//!
//! A key is the words of a name, lower-cased, with diacritics folded, periods
//! dropped, and joined by one space: "Kim Il-sung", "KIM IL SUNG" and
//! "Kim Il Sung" share the key `kim il sung`. Every proper token prefix of a
//! key is in the table too, flagged as a prefix, so the matcher can walk a name
//! token by token and stop as soon as no longer name can follow.
//!
//! This file is also compiled into `build.rs`: it depends on `std`,
//! `unicode-segmentation` and its sibling `tsv` only.

use super::tsv::Row;
use crate::text::swar::load;
use crate::text::words;
use std::collections::HashMap;

const MAGIC: &[u8; 4] = b"ANLG";
const VERSION: u32 = 2;
const HEADER_WORDS: usize = 8;
const ENTITY_WORDS: usize = 8;
const VALUE_WORDS: usize = 3;
const SLOT_WORDS: usize = 5;
const NONE: u32 = u32::MAX;
/// Slot flag: the key is a proper prefix of a longer key.
const PREFIX_FLAG: u32 = 1 << 31;
/// Slots per 64-bit word of the key filter (eight filter bits a slot, some
/// sixteen a key): the filter of the shipped table is 512 KiB and stays in a
/// core's cache, where a probe of its 10 MiB of slots would not.
const SLOTS_PER_FILTER_WORD: usize = 8;

/// Alias flag: written in capitals with no lower-case letter ("PRC", "U.S.S.R."):
/// matched only as written.
pub const ACRONYM: u32 = 1;
/// Alias flag: the acronym is written with periods ("U.S.").
pub const DOTTED: u32 = 2;
/// Alias flag: a single word that is also a common English word ("Nice",
/// "Reading"), not tagged at the start of a sentence on the dictionary alone.
pub const COMMON: u32 = 4;
/// Alias flag: the alias ends with a period that belongs to it ("U.S.").
pub const DOT_END: u32 = 8;

/// Entity type codes stored in the table, in the order of `tsv::ROW_TYPES`.
pub fn type_code(kind: &str) -> u32 {
    super::tsv::ROW_TYPES
        .iter()
        .position(|t| *t == kind)
        .map_or(0, |p| p as u32)
}

/// FNV-1a, 64-bit: small, fast on short keys, and computable token by token.
#[derive(Clone, Copy, Debug)]
pub struct KeyHash(u64);

impl KeyHash {
    /// The hash of the empty key.
    pub const fn new() -> Self {
        KeyHash(0xcbf2_9ce4_8422_2325)
    }
    /// Extends the hash by `bytes`.
    #[inline]
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    /// The hash value.
    #[inline]
    pub fn finish(self) -> u64 {
        self.0
    }
}

impl Default for KeyHash {
    fn default() -> Self {
        Self::new()
    }
}

/// The normal form of an ASCII byte in a key: dropped (`None`: a period,
/// white space) or the byte it becomes (lower case; a backquote is an
/// apostrophe).
const fn ascii_normal(b: u8) -> Option<u8> {
    match b {
        b'.' | b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => None,
        b'`' => Some(b'\''),
        _ => Some(b.to_ascii_lowercase()),
    }
}

/// The ASCII bytes whose normal form is their lower case.
static PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        t[b] = match ascii_normal(byte) {
            Some(n) => n == byte.to_ascii_lowercase(),
            None => false,
        };
        b += 1;
    }
    t
};

/// The filter word and the two bits in it that a key with hash `hash` sets
/// (a blocked Bloom filter of `n_words` words, a power of two).
#[inline]
fn filter_bits(hash: u64, n_words: usize) -> (usize, u64) {
    let h = hash.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let word = (h >> 26) as usize & (n_words - 1);
    (word, 1 << (h >> 58) | 1 << ((h >> 52) & 63))
}

/// Appends the normalised form of one word token to `out`: lower case,
/// diacritics folded, periods dropped, curly apostrophes made straight.
pub fn push_normalized_word(word: &str, out: &mut Vec<u8>) {
    let bytes = word.as_bytes();
    if bytes.iter().all(|&b| PLAIN[b as usize]) {
        // Most words: ASCII letters and digits, only lower-cased.
        out.extend(bytes.iter().map(u8::to_ascii_lowercase));
        return;
    }
    if word.is_ascii() {
        // The same rules, byte by byte.
        out.extend(word.bytes().filter_map(ascii_normal));
        return;
    }
    for c in word.chars() {
        match c {
            // An OCR line-break hyphen and the line break ("Penn¬\nsylvania").
            '.' | '¬' => {}
            _ if c.is_whitespace() => {}
            '\u{2019}' | '\u{2018}' | '\u{2BC}' | '`' => out.push(b'\''),
            'A'..='Z' => out.push(c as u8 + 32),
            _ if c.is_ascii() => out.push(c as u8),
            _ => {
                if let Some(folded) = fold_diacritic(c) {
                    out.extend_from_slice(folded.as_bytes());
                } else {
                    for l in c.to_lowercase() {
                        let mut buf = [0u8; 4];
                        out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                    }
                }
            }
        }
    }
}

/// Latin letters with diacritics, folded to their lower-case base letters.
fn fold_diacritic(c: char) -> Option<&'static str> {
    Some(match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' | 'Ǎ' | 'ǎ' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => "c",
        'Ð' | 'ð' | 'Ď' | 'ď' | 'Đ' | 'đ' => "d",
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
            "e"
        }
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => "g",
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => "h",
        'Ì'..='Ï'
        | 'ì'..='ï'
        | 'Ĩ'
        | 'ĩ'
        | 'Ī'
        | 'ī'
        | 'Ĭ'
        | 'ĭ'
        | 'Į'
        | 'į'
        | 'İ'
        | 'ı'
        | 'Ǐ'
        | 'ǐ' => "i",
        'Ĵ' | 'ĵ' => "j",
        'Ķ' | 'ķ' => "k",
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => "l",
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' | 'Ǒ' | 'ǒ' => {
            "o"
        }
        'Œ' | 'œ' => "oe",
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => "r",
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' | 'Ș' | 'ș' => "s",
        'ß' => "ss",
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' | 'Ț' | 'ț' => "t",
        'Þ' | 'þ' => "th",
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų'
        | 'Ǔ'
        | 'ǔ'
        | 'Ǖ'..='ǜ' => "u",
        'Ŵ' | 'ŵ' => "w",
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => "y",
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => "z",
        _ => return None,
    })
}

/// The words of a name as (normalised word, starts with a capital) pairs.
fn name_words(name: &str) -> Vec<(Vec<u8>, bool)> {
    words(name)
        .map(|w| {
            let mut n = Vec::with_capacity(w.len());
            push_normalized_word(w, &mut n);
            (n, w.chars().next().is_some_and(char::is_uppercase))
        })
        .filter(|(n, _)| !n.is_empty())
        .collect()
}

/// The table key of a name: its normalised words joined by one space (the
/// key the matcher builds from text, and `build` from aliases).
pub fn key_of(name: &str) -> Vec<u8> {
    let mut key = Vec::new();
    for (i, (w, _)) in name_words(name).into_iter().enumerate() {
        if i > 0 {
            key.push(b' ');
        }
        key.extend_from_slice(&w);
    }
    key
}

/// The flags an alias gets from its own spelling.
fn spelling_flags(alias: &str) -> u32 {
    let mut flags = 0;
    let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && !alias.chars().any(char::is_lowercase) {
        flags |= ACRONYM;
        // "U.S." (a period inside a word), not "U. S." (initials apart).
        if alias
            .as_bytes()
            .windows(2)
            .any(|p| p[0] == b'.' && p[1].is_ascii_alphabetic())
        {
            flags |= DOTTED;
        }
    }
    if alias.ends_with('.') {
        flags |= DOT_END;
    }
    flags
}

/// Builds table bytes from rows, each tagged with the index of its file in
/// `files`. `common` holds lower-case common English words; single-word
/// aliases among them get the [`COMMON`] flag. Aliases whose first word starts
/// with a lower-case letter are skipped (names are matched from a capital).
pub fn build(files: &[String], rows: &[(u32, Row)], common: &dyn Fn(&[u8]) -> bool) -> Vec<u8> {
    struct Key {
        prefix: bool,
        values: Vec<[u32; 3]>,
    }
    let mut keys: HashMap<Vec<u8>, Key> = HashMap::new();
    let mut strings: Vec<u8> = Vec::new();
    let mut string_ids: HashMap<String, u32> = HashMap::new();
    let mut intern = |s: &str, strings: &mut Vec<u8>| -> [u32; 2] {
        let off = *string_ids.entry(s.to_string()).or_insert_with(|| {
            let off = strings.len() as u32;
            strings.extend_from_slice(s.as_bytes());
            off
        });
        [off, s.len() as u32]
    };
    let mut file_words = Vec::new();
    for f in files {
        file_words.extend(intern(f, &mut strings));
    }
    let mut entity_words: Vec<u32> = Vec::with_capacity(rows.len() * ENTITY_WORDS);
    for (entity, (file, row)) in rows.iter().enumerate() {
        let name = intern(&row.name, &mut strings);
        let id = row
            .id
            .as_deref()
            .map_or([NONE, 0], |s| intern(s, &mut strings));
        let sub = row
            .subkind
            .as_deref()
            .map_or([NONE, 0], |s| intern(s, &mut strings));
        entity_words.extend(name);
        entity_words.extend(id);
        entity_words.extend(sub);
        entity_words.push(type_code(&row.kind));
        entity_words.push(*file);
        let mut seen: Vec<Vec<u8>> = Vec::new();
        for alias in std::iter::once(&row.name).chain(&row.aliases) {
            let words = name_words(alias);
            if words.is_empty()
                || words.len() > 32
                || !words[0].1 && !words[0].0[0].is_ascii_digit()
            {
                continue;
            }
            let mut key = Vec::new();
            let mut mask = 0u32;
            for (i, (w, cap)) in words.iter().enumerate() {
                if i > 0 {
                    key.push(b' ');
                    keys.entry(key[..key.len() - 1].to_vec())
                        .or_insert_with(|| Key {
                            prefix: false,
                            values: Vec::new(),
                        })
                        .prefix = true;
                }
                key.extend_from_slice(w);
                if *cap {
                    mask |= 1 << i;
                }
            }
            let mut flags = spelling_flags(alias);
            if words.len() == 1 && flags & ACRONYM == 0 && common(&key) {
                flags |= COMMON;
            }
            // One value per (entity, key, spelling class); repeated spellings add nothing.
            let mut sig = key.clone();
            sig.extend_from_slice(&mask.to_le_bytes());
            sig.extend_from_slice(&flags.to_le_bytes());
            if seen.contains(&sig) {
                continue;
            }
            seen.push(sig);
            keys.entry(key)
                .or_insert_with(|| Key {
                    prefix: false,
                    values: Vec::new(),
                })
                .values
                .push([entity as u32, mask, flags]);
        }
    }
    // Deterministic layout: keys in sorted order.
    let mut sorted: Vec<(Vec<u8>, Key)> = keys.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let n_slots = (sorted.len() * 2).next_power_of_two().max(16);
    let mut slots = vec![[0u32, NONE, 0, 0, 0]; n_slots];
    let mut filter = vec![0u64; n_slots / SLOTS_PER_FILTER_WORD];
    let mut values: Vec<u32> = Vec::new();
    for (key, k) in &sorted {
        let h = {
            let mut h = KeyHash::new();
            h.write(key);
            h.finish()
        };
        let key_ref = intern(
            std::str::from_utf8(key).expect("keys are UTF-8"),
            &mut strings,
        );
        let val_start = (values.len() / VALUE_WORDS) as u32;
        for v in &k.values {
            values.extend(v);
        }
        let (word, bits) = filter_bits(h, filter.len());
        filter[word] |= bits;
        let mut slot = (h as usize) & (n_slots - 1);
        while slots[slot][1] != NONE {
            slot = (slot + 1) & (n_slots - 1);
        }
        let len_flags = key_ref[1] | if k.prefix { PREFIX_FLAG } else { 0 };
        slots[slot] = [
            (h >> 32) as u32,
            key_ref[0],
            len_flags,
            val_start,
            k.values.len() as u32,
        ];
    }
    let header = [
        u32::from_le_bytes(*MAGIC),
        VERSION,
        files.len() as u32,
        rows.len() as u32,
        (values.len() / VALUE_WORDS) as u32,
        n_slots as u32,
        strings.len() as u32,
        filter.len() as u32,
    ];
    let mut out = Vec::new();
    for w in header
        .iter()
        .chain(&file_words)
        .chain(&entity_words)
        .chain(&values)
        .chain(slots.iter().flatten())
    {
        out.extend_from_slice(&w.to_le_bytes());
    }
    for w in &filter {
        out.extend_from_slice(&w.to_le_bytes());
    }
    out.extend_from_slice(&strings);
    out
}

/// Cuts table bytes made by [`build`] into the fixed-size part and the
/// strings (names, ids, keys) that follow it, so that the strings can be
/// checked as UTF-8 once, when the table is loaded, rather than at each read.
pub fn split(bytes: &[u8]) -> Result<(&[u8], &[u8]), String> {
    let n_strings = bytes
        .get(6 * 4..7 * 4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    if n_strings > bytes.len() {
        return Err("compiled gazetteer is truncated or corrupt".into());
    }
    Ok(bytes.split_at(bytes.len() - n_strings))
}

/// A read-only view of a table made by [`build`]: its fixed-size part and
/// its strings (see [`split`]).
#[derive(Clone, Copy, Debug)]
pub struct TableView<'a> {
    data: &'a [u8],
    strings: &'a str,
    files: usize,
    entities: usize,
    values: usize,
    slots: usize,
    /// Offset of the key filter: a key whose bits are not all set is absent.
    filter: usize,
    n_files: usize,
    n_entities: usize,
    n_slots: usize,
    n_filter: usize,
}

/// One alias of an entity under a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Value {
    /// Index of the entity.
    pub entity: u32,
    /// Bit i set: word i of the alias starts with a capital.
    pub mask: u32,
    /// [`ACRONYM`], [`DOTTED`], [`COMMON`], [`DOT_END`].
    pub flags: u32,
}

/// What the table holds under one key.
#[derive(Clone, Copy, Debug)]
pub struct Slot {
    /// A longer key starts with this one.
    pub prefix: bool,
    /// Index of the first value.
    pub val_start: u32,
    /// Number of values (0 for a key that is only a prefix).
    pub val_count: u32,
}

impl<'a> TableView<'a> {
    /// Checks the header and sizes of a table's fixed-size part and strings.
    pub fn new(data: &'a [u8], strings: &'a str) -> Result<Self, String> {
        let word = |i: usize| -> Option<u32> {
            data.get(i * 4..i * 4 + 4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        if data.len() < HEADER_WORDS * 4 || &data[..4] != MAGIC || word(1) != Some(VERSION) {
            return Err("not a compiled annalist gazetteer of this version".into());
        }
        let [n_files, n_entities, n_values, n_slots, n_strings, n_filter] =
            [2, 3, 4, 5, 6, 7].map(|i| word(i).unwrap_or(0) as usize);
        let files = HEADER_WORDS * 4;
        let entities = files + n_files * 8;
        let values = entities + n_entities * ENTITY_WORDS * 4;
        let slots = values + n_values * VALUE_WORDS * 4;
        let filter = slots + n_slots * SLOT_WORDS * 4;
        if filter + n_filter * 8 != data.len()
            || n_strings != strings.len()
            || !n_slots.is_power_of_two()
            || n_filter != n_slots / SLOTS_PER_FILTER_WORD
        {
            return Err("compiled gazetteer is truncated or corrupt".into());
        }
        Ok(TableView {
            data,
            strings,
            files,
            entities,
            values,
            slots,
            filter,
            n_files,
            n_entities,
            n_slots,
            n_filter,
        })
    }

    #[inline]
    fn word(&self, at: usize) -> u32 {
        let b = &self.data[at..at + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    fn string(&self, off: u32, len: u32) -> Option<&'a str> {
        if off == NONE {
            return None;
        }
        self.strings.get(off as usize..(off + len) as usize)
    }

    /// Number of entities.
    pub fn entity_count(&self) -> usize {
        self.n_entities
    }

    /// Number of keys (names and name prefixes).
    pub fn key_count(&self) -> usize {
        (0..self.n_slots)
            .filter(|&s| self.word(self.slots + s * SLOT_WORDS * 4 + 4) != NONE)
            .count()
    }

    /// Number of aliases (entity, key) pairs.
    pub fn value_count(&self) -> usize {
        (self.slots - self.values) / (VALUE_WORDS * 4)
    }

    /// Name of file `i`.
    pub fn file(&self, i: u32) -> &'a str {
        if i as usize >= self.n_files {
            return "";
        }
        let at = self.files + i as usize * 8;
        self.string(self.word(at), self.word(at + 4)).unwrap_or("")
    }

    /// Entity `e`: (canonical name, id, sub-kind, type code, file index).
    pub fn entity(&self, e: u32) -> (&'a str, Option<&'a str>, Option<&'a str>, u32, u32) {
        let at = self.entities + e as usize * ENTITY_WORDS * 4;
        let w = |i: usize| self.word(at + i * 4);
        (
            self.string(w(0), w(1)).unwrap_or(""),
            self.string(w(2), w(3)),
            self.string(w(4), w(5)),
            w(6),
            w(7),
        )
    }

    /// Value `i`.
    #[inline]
    pub fn value(&self, i: u32) -> Value {
        let at = self.values + i as usize * VALUE_WORDS * 4;
        Value {
            entity: self.word(at),
            mask: self.word(at + 4),
            flags: self.word(at + 8),
        }
    }

    /// Looks up a normalised key whose [`KeyHash`] is `hash`.
    #[inline]
    pub fn lookup(&self, key: &[u8], hash: u64) -> Option<Slot> {
        let (word, bits) = filter_bits(hash, self.n_filter);
        let filter_word =
            load(self.data, self.filter + word * 8).expect("the filter lies within the table");
        if filter_word & bits != bits {
            return None;
        }
        let mask = self.n_slots - 1;
        let mut slot = (hash as usize) & mask;
        let hi = (hash >> 32) as u32;
        loop {
            let at = self.slots + slot * SLOT_WORDS * 4;
            let key_off = self.word(at + 4);
            if key_off == NONE {
                return None;
            }
            if self.word(at) == hi {
                let len_flags = self.word(at + 8);
                let len = (len_flags & !PREFIX_FLAG) as usize;
                let s = key_off as usize;
                if self.strings.as_bytes().get(s..s + len) == Some(key) {
                    return Some(Slot {
                        prefix: len_flags & PREFIX_FLAG != 0,
                        val_start: self.word(at + 12),
                        val_count: self.word(at + 16),
                    });
                }
            }
            slot = (slot + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `i` in letters ("b", "ba"...): a digit after a letter is a word of its own.
    fn letters(mut i: usize) -> String {
        let mut s = String::new();
        loop {
            s.push((b'a' + (i % 26) as u8) as char);
            i /= 26;
            if i == 0 {
                return s;
            }
        }
    }

    /// A table of `n` one- and two-word places, and their keys.
    fn places(n: usize) -> (Vec<u8>, Vec<String>) {
        let rows: Vec<(u32, Row)> = (0..n)
            .map(|i| {
                let row = Row {
                    name: format!("Place{} Town{}", letters(i), letters(i % 7)),
                    kind: "PLACE".into(),
                    aliases: vec![format!("Alias{}", letters(i))],
                    id: None,
                    subkind: None,
                    line: i + 1,
                };
                (0, row)
            })
            .collect();
        let keys = (0..n)
            .flat_map(|i| {
                let (l, t) = (letters(i), letters(i % 7));
                [
                    format!("place{l}"),
                    format!("place{l} town{t}"),
                    format!("alias{l}"),
                ]
            })
            .collect();
        (build(&["t.tsv".into()], &rows, &|_| false), keys)
    }

    fn hash(key: &[u8]) -> u64 {
        let mut h = KeyHash::new();
        h.write(key);
        h.finish()
    }

    #[test]
    fn the_key_filter_hides_no_key_and_passes_few_absent_ones() {
        let (bytes, keys) = places(3000);
        let (data, strings) = split(&bytes).unwrap();
        let view = TableView::new(data, std::str::from_utf8(strings).unwrap()).unwrap();
        for key in &keys {
            let slot = view.lookup(key.as_bytes(), hash(key.as_bytes()));
            assert!(slot.is_some(), "{key} not found");
        }
        // Absent keys: the filter alone must turn most away.
        let (mut passed, absent) = (0, 20_000);
        for i in 0..absent {
            let key = format!("nowhere{}", letters(i));
            let h = hash(key.as_bytes());
            assert!(view.lookup(key.as_bytes(), h).is_none());
            let (word, bits) = filter_bits(h, view.n_filter);
            let at = view.filter + word * 8;
            let w = u64::from_le_bytes(data[at..at + 8].try_into().unwrap());
            passed += usize::from(w & bits == bits);
        }
        assert!(
            passed * 20 < absent,
            "{passed} of {absent} absent keys pass the filter"
        );
    }

    #[test]
    fn a_table_whose_filter_is_cut_short_is_refused() {
        let (bytes, _) = places(10);
        let (data, strings) = split(&bytes).unwrap();
        let strings = std::str::from_utf8(strings).unwrap();
        assert!(TableView::new(data, strings).is_ok());
        let err = TableView::new(&data[..data.len() - 8], strings).unwrap_err();
        assert!(err.contains("truncated or corrupt"), "{err}");
    }

    fn normalized(word: &str) -> String {
        let mut out = Vec::new();
        push_normalized_word(word, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn ascii_words_normalise_as_the_general_path_does() {
        // A trailing "é" sends a word down the general path, where it folds to "e".
        for word in [
            "U.S.",
            "O`Neill's",
            "Penn\n sylvania",
            "A\u{b}B\u{c}C\rD\tE",
            "MiXeD_Case-123",
            "",
        ] {
            assert_eq!(
                normalized(word) + "e",
                normalized(&format!("{word}é")),
                "{word:?}"
            );
        }
        assert_eq!(normalized("Chóngqìng’s"), "chongqing's");
    }
}
