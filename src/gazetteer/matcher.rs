//! Leftmost-longest gazetteer matching over tokens: a name may start only at a
//! word that begins with a capital or a digit, grows word by word while the
//! table says a longer name can follow, and is accepted only when its
//! spelling class fits the text (see `accepts`).

use super::table::{
    push_normalized_word, KeyHash, Slot, TableView, Value, ACRONYM, COMMON, DOTTED, DOT_END,
};
use crate::text::{gap_tokens, Token, TokenKind};

/// One accepted dictionary reading of a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Which table of the gazetteer.
    pub table: u16,
    /// Entity index in that table.
    pub entity: u32,
}

/// A span of text that one or more gazetteer entities match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Byte offset of the start, relative to the chunk.
    pub start: u32,
    /// Byte offset of the end (exclusive), relative to the chunk.
    pub end: u32,
    /// Index of the first candidate in the candidate buffer.
    pub first: u32,
    /// Number of candidates.
    pub count: u32,
}

/// What the matcher knows of the surface words walked so far.
#[derive(Default, Clone, Copy)]
struct Surface {
    words: u32,
    /// Bit i: word i starts with a capital.
    caps: u32,
    /// Bit i: word i is joined to the previous one by a hyphen.
    joined: u32,
    /// Every word has letters and none is lower-case.
    all_caps: bool,
    /// Some word has four or more letters: only then is an all-capitals surface
    /// telegraphese for a mixed-case name ("MOSCOW"); "UN", "ARE" need an acronym entry.
    long_word: bool,
    /// Every word has a period inside ("U.S").
    dotted: bool,
    /// The first word is at the start of a sentence.
    initial: bool,
}

/// Whether a value's spelling class fits the surface walked so far.
fn accepts(v: &Value, s: &Surface) -> bool {
    if v.flags & ACRONYM != 0 {
        return s.all_caps && (v.flags & DOTTED != 0) == s.dotted;
    }
    if v.flags & COMMON != 0 && s.initial {
        return false;
    }
    if s.all_caps && s.long_word {
        return true;
    }
    let want = v.mask & !s.joined & ((1u64 << s.words) - 1) as u32;
    want & !s.caps == 0
}

/// Finds the gazetteer names in `text` (one chunk) given its word tokens
/// ([`crate::text::word_tokens`]); appends
/// hits to `hits` and their candidates to `candidates`, in text order.
pub fn find(
    tables: &[TableView<'_>],
    text: &str,
    tokens: &[Token],
    key: &mut Vec<u8>,
    hits: &mut Vec<Hit>,
    candidates: &mut Vec<Candidate>,
) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let first = bytes[t.start as usize];
        let starts_name = first.is_ascii_uppercase()
            || first.is_ascii_digit()
            || (first >= 0x80 && starts_upper(t.as_str(text)));
        if !starts_name {
            i += 1;
            continue;
        }
        match walk(tables, text, tokens, i, key, candidates) {
            Some((end_tok, hit)) => {
                hits.push(hit);
                i = end_tok + 1;
            }
            None => i += 1,
        }
    }
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// The surface of the words walked from token `first`, noted only when a key
/// has values to accept: most keys looked up are in no table, and noting a
/// word costs more than looking it up.
struct LazySurface {
    first: usize,
    /// Token index up to which (exclusive) words are noted in `s`.
    noted: usize,
    /// Whether `s.initial` is known yet.
    placed: bool,
    s: Surface,
}

impl LazySurface {
    fn new(first: usize) -> Self {
        LazySurface {
            first,
            noted: first,
            placed: false,
            s: Surface {
                all_caps: true,
                dotted: true,
                ..Surface::default()
            },
        }
    }

    /// The surface of tokens `first..to`.
    fn upto(&mut self, text: &str, tokens: &[Token], to: usize) -> Surface {
        if !self.placed {
            self.s.initial = is_sentence_initial(text, tokens[self.first].start as usize);
            self.placed = true;
        }
        while self.noted < to {
            note_word(&mut self.s, tokens[self.noted].as_str(text));
            self.noted += 1;
        }
        self.s
    }
}

/// Walks a name from word token `i`; returns the index of its last token and the hit.
fn walk(
    tables: &[TableView<'_>],
    text: &str,
    tokens: &[Token],
    i: usize,
    key: &mut Vec<u8>,
    candidates: &mut Vec<Candidate>,
) -> Option<(usize, Hit)> {
    key.clear();
    let mut hash = KeyHash::new();
    let mut surface = LazySurface::new(i);
    let mut best: Option<(usize, Hit)> = None;
    let mut j = i;
    loop {
        let tok = tokens[j];
        let word = tok.as_str(text);
        if j > i {
            key.push(b' ');
            hash.write(b" ");
        }
        let before = key.len();
        push_normalized_word(word, key);
        hash.write(&key[before..]);
        let mark = candidates.len();
        let mut end = tok.end;
        let words = || surface.upto(text, tokens, j + 1);
        let more = lookup_all(
            tables,
            key,
            hash.finish(),
            words,
            candidates,
            &mut end,
            text,
            mark,
        );
        if candidates.len() == mark {
            // A possessive: "Stalin's" is "Stalin" followed by "'s".
            if let Some(stem) = possessive_stem(word) {
                let stem_key_len = before + stem_normalized_len(&key[before..]);
                let mut h = KeyHash::new();
                h.write(&key[..stem_key_len]);
                let mut stem_end = tok.start + stem as u32;
                // The stem's spelling decides ("USSR's" is an acronym's).
                let stem_words = || {
                    let mut s = surface.upto(text, tokens, j);
                    note_word(&mut s, &word[..stem]);
                    s
                };
                let stem_key = &key[..stem_key_len];
                lookup_all(
                    tables,
                    stem_key,
                    h.finish(),
                    stem_words,
                    candidates,
                    &mut stem_end,
                    text,
                    mark,
                );
                if candidates.len() > mark {
                    end = stem_end;
                }
            }
        }
        if candidates.len() > mark {
            if let Some((_, old)) = &best {
                // A longer name replaces the shorter one's candidates.
                let first = old.first as usize;
                candidates.drain(first..mark);
            }
            let first = best.as_ref().map_or(mark, |(_, h)| h.first as usize);
            best = Some((
                j,
                Hit {
                    start: tokens[i].start,
                    end,
                    first: first as u32,
                    count: (candidates.len() - first) as u32,
                },
            ));
        }
        let walked = j + 1 - i;
        if !more || walked >= 32 {
            break;
        }
        match next_word(text, tokens, j) {
            Some((next, joined)) => {
                if joined {
                    surface.s.joined |= 1 << walked;
                }
                j = next;
            }
            None => break,
        }
    }
    best
}

/// Looks `key` up in every table and pushes the candidates whose spelling
/// class fits the surface (asked of `surface` only when a key has values);
/// returns whether a longer name may follow in some table.
#[allow(clippy::too_many_arguments)]
fn lookup_all(
    tables: &[TableView<'_>],
    key: &[u8],
    hash: u64,
    mut surface: impl FnMut() -> Surface,
    candidates: &mut Vec<Candidate>,
    end: &mut u32,
    text: &str,
    mark: usize,
) -> bool {
    let mut more = false;
    for (t, table) in tables.iter().enumerate() {
        if let Some(slot) = table.lookup(key, hash) {
            more |= slot.prefix;
            if slot.val_count > 0 {
                push_accepted(table, t, slot, &surface(), candidates, end, text, mark);
            }
        }
    }
    more
}

/// Pushes the values of `slot` that `surface` accepts, as candidates of table `t`.
#[allow(clippy::too_many_arguments)]
fn push_accepted(
    table: &TableView<'_>,
    t: usize,
    slot: Slot,
    surface: &Surface,
    candidates: &mut Vec<Candidate>,
    end: &mut u32,
    text: &str,
    mark: usize,
) {
    for v in slot.val_start..slot.val_start + slot.val_count {
        let value = table.value(v);
        if accepts(&value, surface) {
            if value.flags & DOT_END != 0 && text.as_bytes().get(*end as usize) == Some(&b'.') {
                *end += 1;
            }
            let c = Candidate {
                table: t as u16,
                entity: value.entity,
            };
            if !candidates[mark..].contains(&c) {
                candidates.push(c);
            }
        }
    }
}

fn note_word(s: &mut Surface, word: &str) {
    let (letters, lower) = if word.is_ascii() {
        let b = word.as_bytes();
        (
            b.iter().filter(|c| c.is_ascii_alphabetic()).count(),
            b.iter().any(u8::is_ascii_lowercase),
        )
    } else {
        let mut letters = 0;
        let mut lower = false;
        for c in word.chars() {
            if c.is_alphabetic() {
                letters += 1;
                lower |= c.is_lowercase();
            }
        }
        (letters, lower)
    };
    if starts_upper(word) {
        s.caps |= 1 << s.words;
    }
    s.all_caps &= letters > 0 && !lower;
    s.long_word |= letters >= 4;
    s.dotted &= word.contains('.');
    s.words += 1;
}

/// Byte length of the stem if `word` ends in a possessive "'s" / "’s".
fn possessive_stem(word: &str) -> Option<usize> {
    crate::text::strip_possessive(word).map(str::len)
}

/// Length of a normalised word without its normalised "'s".
fn stem_normalized_len(norm: &[u8]) -> usize {
    norm.len().saturating_sub(2)
}

/// The next word token after token `j` if only a gap that may sit inside a
/// name separates them; and whether that gap is a hyphen.
fn next_word(text: &str, tokens: &[Token], j: usize) -> Option<(usize, bool)> {
    let next = tokens.get(j + 1)?;
    let gap = &text[tokens[j].end as usize..next.start as usize];
    if gap == " " {
        return Some((j + 1, false));
    }
    let prev = tokens[j].as_str(text);
    let mut newlines = 0;
    let mut hyphen = false;
    let mut comma = false;
    let mut period = false;
    let mut space = false;
    for (kind, s) in gap_tokens(gap) {
        if kind == TokenKind::Space {
            newlines += s.bytes().filter(|&b| b == b'\n').count();
            if newlines > 1 {
                return None;
            }
            space = true;
            continue;
        }
        let ok = match s {
            "-" | "\u{2010}" | "\u{2011}" if !hyphen && !space => {
                hyphen = true;
                true
            }
            "," if !comma && !space => {
                comma = true;
                true
            }
            "." if !period && !space && prev.chars().count() <= 3 && starts_upper(prev) => {
                period = true;
                true
            }
            "&" => true,
            _ => false,
        };
        if !ok {
            return None;
        }
    }
    if hyphen && space {
        return None;
    }
    Some((j + 1, hyphen))
}

/// Whether byte offset `at` begins a sentence: only spaces, opening quotes or
/// brackets lie between it and a sentence terminator, a line start, or the
/// start of the text.
pub fn is_sentence_initial(text: &str, at: usize) -> bool {
    for c in text[..at].chars().rev() {
        match c {
            ' ' | '\t' | '"' | '“' | '‘' | '(' | '[' | '\'' => continue,
            '.' | '!' | '?' | ':' | ';' | '\n' | '\r' | '—' => return true,
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::super::table::build;
    use super::super::tsv::Row;
    use super::*;
    use crate::text::word_tokens;

    fn row(name: &str, kind: &str, aliases: &[&str]) -> Row {
        Row {
            name: name.into(),
            kind: kind.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            id: None,
            subkind: None,
            line: 0,
        }
    }

    fn matches(text: &str) -> Vec<(&str, Vec<u32>)> {
        let rows: Vec<(u32, Row)> = [
            row("New York", "PLACE", &[]),
            row("New York City", "PLACE", &[]),
            row("Kim Il-sung", "PERSON", &["Kim Il Sung"]),
            row("Joseph Stalin", "PERSON", &["Stalin"]),
            row("Soviet Union", "PLACE", &["USSR", "U.S.S.R.", "SU"]),
            row("United States", "PLACE", &["U.S.", "US"]),
            row("Chongqing", "PLACE", &["Chóngqìng"]),
            row("Nice", "PLACE", &[]),
            row("Washington", "PLACE", &[]),
            row("George Washington", "PERSON", &["Washington"]),
            row("St. Petersburg", "PLACE", &[]),
            row(
                "Treaty of Friendship, Alliance, and Mutual Assistance",
                "TREATY",
                &[],
            ),
        ]
        .into_iter()
        .map(|r| (0, r))
        .collect();
        let bytes = build(&["t.tsv".into()], &rows, &|w| w == b"nice");
        let (data, strings) = super::super::table::split(&bytes).unwrap();
        let strings = std::str::from_utf8(strings).unwrap();
        let table = TableView::new(data, strings).unwrap();
        let mut tokens = Vec::new();
        word_tokens(text, &mut tokens);
        let (mut key, mut hits, mut cands) = (Vec::new(), Vec::new(), Vec::new());
        find(&[table], text, &tokens, &mut key, &mut hits, &mut cands);
        hits.iter()
            .map(|h| {
                let ents = cands[h.first as usize..(h.first + h.count) as usize]
                    .iter()
                    .map(|c| c.entity)
                    .collect();
                (&text[h.start as usize..h.end as usize], ents)
            })
            .collect()
    }

    fn spans(text: &str) -> Vec<&str> {
        matches(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn matching_rules() {
        let cases: &[(&str, &str, &[&str])] = &[
            ("longest wins", "In New York City today", &["New York City"]),
            ("prefix falls back", "In New York today", &["New York"]),
            (
                "hyphen and space variants",
                "Kim Il Sung and Kim Il-sung",
                &["Kim Il Sung", "Kim Il-sung"],
            ),
            (
                "all capitals",
                "KIM IL SUNG MET STALIN",
                &["KIM IL SUNG", "STALIN"],
            ),
            (
                "possessive outside",
                "Stalin's plan and Stalin’s aim",
                &["Stalin", "Stalin"],
            ),
            ("never lower case", "joseph stalin in new york", &[]),
            (
                "acronyms only as written",
                "the SU and the USSR, not us or su or Su",
                &["SU", "USSR"],
            ),
            (
                "dotted acronym keeps its period",
                "the U.S.S.R. and the U.S. position",
                &["U.S.S.R.", "U.S."],
            ),
            ("plain acronym not dotted", "the US position", &["US"]),
            (
                "diacritics",
                "Chongqing or Chóngqìng",
                &["Chongqing", "Chóngqìng"],
            ),
            ("token boundaries", "Newark and Stalinism", &[]),
            (
                "common word at sentence start",
                "Nice weather. We went to Nice.",
                &["Nice"],
            ),
            (
                "abbreviation period inside name",
                "to St. Petersburg",
                &["St. Petersburg"],
            ),
            (
                "commas inside names",
                "the Treaty of Friendship, Alliance and Mutual Assistance",
                &["Treaty of Friendship, Alliance and Mutual Assistance"],
            ),
            ("no blank line inside a name", "New\n\nYork", &[]),
        ];
        for (name, text, want) in cases {
            assert_eq!(spans(text), *want, "case {name}: {text:?}");
        }
    }

    #[test]
    fn ambiguous_names_keep_every_candidate() {
        let m = matches("in Washington");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].1.len(), 2, "place and person: {m:?}");
    }
}
