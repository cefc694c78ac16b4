//! The word view the name rules read: each word of a chunk with its spelling
//! class and what separates it from the next word, built once per chunk.

use super::lexicon::{self, ordinary_words};
use crate::text::{gap_tokens, strip_possessive, Token, TokenKind, GIVEN_NAME_ABBREVIATIONS};

/// Word starts with an upper-case letter.
pub(crate) const CAP: u16 = 1;
/// Word has letters and no lower-case letter ("US", "NATO").
pub(crate) const ALL_CAPS: u16 = 2;
/// A single capital letter followed by a period ("J."): the period is in the word.
pub(crate) const INITIAL: u16 = 4;
/// The word, in lower case, is an ordinary English word.
pub(crate) const ORDINARY: u16 = 8;
/// The word begins a sentence.
pub(crate) const SENTENCE_START: u16 = 16;
/// The word starts with a digit.
pub(crate) const DIGIT: u16 = 32;
/// A period directly follows the word and is part of it ("Mr.", "Gen.").
pub(crate) const DOT: u16 = 64;
/// The word ends in a possessive "'s".
pub(crate) const POSSESSIVE: u16 = 128;

/// What lies between a word and the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Spaces, with at most one line break.
    Space,
    /// A hyphen with no space around it.
    Hyphen,
    /// A comma and spaces.
    Comma,
    /// Anything else, or the end of the chunk.
    Break,
}

/// One word of a chunk.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    pub start: u32,
    /// End, including a period that belongs to an initial or abbreviation.
    pub end: u32,
    /// End without a possessive "'s".
    pub stem_end: u32,
    pub flags: u16,
    pub gap: Gap,
    /// The word lists the word is in (bits of [`super::lexicon::List`]).
    pub roles: u32,
}

impl Word {
    #[inline]
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
    /// The word as written, without an abbreviation's period or a possessive.
    #[inline]
    pub fn stem<'t>(&self, text: &'t str) -> &'t str {
        let (start, end) = self.stem_span();
        &text[start..end]
    }
    /// Where [`Word::stem`] lies in the text.
    #[inline]
    fn stem_span(&self) -> (usize, usize) {
        let end = self.stem_end - u32::from(self.has(DOT));
        (self.start as usize, end as usize)
    }
    /// A word that can be part of a name: a capital, not an ordinary word,
    /// not an acronym.
    #[inline]
    pub fn is_name_word(&self) -> bool {
        self.flags & (CAP | ORDINARY | ALL_CAPS | INITIAL) == CAP
    }
}

/// Abbreviations that keep their period ("Mr.", "Gen."); other periods end sentences.
const DOTTED_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Maj", "Capt", "Adm", "Gov", "Sen", "Rep",
    "Rev", "Hon", "Prof", "Amb", "Mme", "Mlle", "Messrs", "Jr", "Sr", "Mt", "Ft", "Sgt", "Brig",
];

/// Builds the words of a chunk from its word tokens ([`crate::text::word_tokens`]);
/// `sentence_starts` are the chunk's sentence starts after the first (sorted).
/// The indices of the capitalised words and numbers go to `caps`, for
/// [`marked`], which fills in the words' `roles`.
pub(crate) fn words(
    text: &str,
    tokens: &[Token],
    sentence_starts: &[u32],
    out: &mut Vec<Word>,
    caps: &mut Vec<u32>,
) {
    out.clear();
    caps.clear();
    let bytes = text.as_bytes();
    let ordinary = ordinary_words();
    let mut next_sentence = sentence_starts.iter().peekable();
    // Where the next sentence starts (u32::MAX: none).
    let mut next_start = next_sentence.peek().map_or(u32::MAX, |&&s| s);
    for (i, &t) in tokens.iter().enumerate() {
        let (start, mut end) = (t.start, t.end);
        let b0 = bytes[start as usize];
        // Most words: lower case, inside a sentence, not possessive, one
        // space before the next word.
        if b0.is_ascii_lowercase()
            && start > 0
            && start < next_start
            && bytes[end as usize - 1] != b's'
            && bytes.get(end as usize) == Some(&b' ')
            && tokens.get(i + 1).is_some_and(|n| n.start == end + 1)
        {
            out.push(Word {
                start,
                end,
                stem_end: end,
                flags: 0,
                gap: Gap::Space,
                roles: 0,
            });
            continue;
        }
        let word = t.as_str(text);
        let first = if b0 < 0x80 {
            b0 as char
        } else {
            word.chars().next().unwrap_or(' ')
        };
        let mut flags = 0u16;
        if b0.is_ascii_uppercase() || b0 >= 0x80 && first.is_uppercase() {
            flags |= CAP;
        } else if b0.is_ascii_digit() {
            flags |= DIGIT;
        }
        // A sentence start belongs to the first word at or after it (it may
        // fall on the white space that opens a line: "\n\tStalin").
        let mut sentence_start = start == 0;
        while let Some(&&s) = next_sentence.peek() {
            if s > start {
                break;
            }
            sentence_start = true;
            next_sentence.next();
        }
        next_start = next_sentence.peek().map_or(u32::MAX, |&&s| s);
        if sentence_start {
            flags |= SENTENCE_START;
            // No name runs into the next sentence (which is also where a
            // long document may be cut into chunks).
            if let Some(last) = out.last_mut() {
                last.gap = Gap::Break;
            }
        }
        let mut stem_end = end;
        // Lower-case endings only: "LEE’S ELIXIR" is a headline, not a possessive.
        if let Some(stem) = strip_possessive(word).filter(|_| !word.ends_with('S')) {
            stem_end = start + stem.len() as u32;
            flags |= POSSESSIVE;
        }
        if flags & CAP != 0 {
            if is_all_caps(word) {
                flags |= ALL_CAPS;
            }
            let stem = &word[..(stem_end - start) as usize];
            if stem.len() <= 32
                && stem.is_ascii()
                && ordinary
                    .get_lower_in(bytes, start as usize, stem_end as usize)
                    .is_some()
            {
                flags |= ORDINARY;
            }
            let dot_follows = bytes.get(end as usize) == Some(&b'.');
            if dot_follows
                && ((word.len() == 1 && first.is_ascii_uppercase())
                    || DOTTED_ABBREVIATIONS.contains(&word)
                    || GIVEN_NAME_ABBREVIATIONS.contains(&word)
                    || flags & ALL_CAPS != 0 && word.contains('.'))
            {
                flags |= DOT;
                if word.len() == 1 {
                    flags |= INITIAL;
                    flags &= !ALL_CAPS;
                }
                end += 1;
                stem_end = end;
            }
        }
        // The gap to the next word.
        let next = tokens.get(i + 1).map(|t| t.start as usize);
        let gap = gap_before(text, end as usize, next);
        if flags & (CAP | DIGIT) != 0 {
            caps.push(i as u32);
        }
        out.push(Word {
            start,
            end,
            stem_end,
            flags,
            gap,
            roles: 0,
        });
    }
}

/// Looks up the lists of the words at and next to capitalised ones (the
/// rules look no other word up), and lists the words a rule may start at
/// (every rule starts at a capitalised word, a number, or a word in one of
/// its lists), for the rules to visit instead of every word. `caps` are the
/// capitalised words and numbers, from [`words`]: only they and their
/// neighbours are visited.
pub(crate) fn marked(text: &str, words: &mut [Word], caps: &[u32], out: &mut Vec<u32>) {
    out.clear();
    let n = words.len();
    let capital = |w: &Word| w.flags & CAP != 0;
    // The first word not yet visited.
    let mut next = 0;
    for &k in caps {
        let k = k as usize;
        for j in k.saturating_sub(1).max(next)..(k + 2).min(n) {
            let near_cap = capital(&words[j])
                || j > 0 && capital(&words[j - 1])
                || j + 1 < n && capital(&words[j + 1]);
            if near_cap {
                let (start, end) = words[j].stem_span();
                words[j].roles = lexicon::roles_in(text.as_bytes(), start, end);
            }
            if words[j].flags & (CAP | DIGIT) != 0 || words[j].roles != 0 {
                out.push(j as u32);
            }
        }
        next = next.max(k + 2);
    }
}

/// Whether `word` has letters and none of them is lower-case.
fn is_all_caps(word: &str) -> bool {
    if word.is_ascii() {
        let b = word.as_bytes();
        return !b.iter().any(u8::is_ascii_lowercase) && b.iter().any(u8::is_ascii_alphabetic);
    }
    word.chars().all(|c| !c.is_lowercase()) && word.chars().any(char::is_alphabetic)
}

/// The gap from byte `from` (after a word) to the next word, which starts
/// at `next` (`None`: there is none).
fn gap_before(text: &str, from: usize, next: Option<usize>) -> Gap {
    let Some(to) = next else {
        return Gap::Break;
    };
    // The common case: one space.
    if to == from + 1 && text.as_bytes()[from] == b' ' {
        return Gap::Space;
    }
    let mut gap = Gap::Space;
    let mut spaced = false;
    for (kind, s) in gap_tokens(&text[from..to]) {
        if kind == TokenKind::Space {
            if s.bytes().filter(|&b| b == b'\n').count() > 1 || gap == Gap::Hyphen {
                return Gap::Break;
            }
            spaced = true;
        } else {
            gap = match (s, gap, spaced) {
                ("-" | "\u{2010}" | "\u{2011}", Gap::Space, false) => Gap::Hyphen,
                (",", Gap::Space, false) => Gap::Comma,
                _ => return Gap::Break,
            };
        }
    }
    if spaced || gap != Gap::Space {
        gap
    } else {
        Gap::Break
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{sentence_starts, word_tokens};

    fn view(text: &str) -> Vec<(String, u16, Gap)> {
        let mut toks = Vec::new();
        word_tokens(text, &mut toks);
        let mut starts = Vec::new();
        sentence_starts(text, &mut starts);
        let (mut ws, mut caps) = (Vec::new(), Vec::new());
        words(text, &toks, &starts, &mut ws, &mut caps);
        ws.iter()
            .map(|w| {
                (
                    text[w.start as usize..w.end as usize].to_string(),
                    w.flags,
                    w.gap,
                )
            })
            .collect()
    }

    #[test]
    fn initials_and_abbreviations_keep_their_period_and_gaps_are_classified() {
        let v = view("Mr. J. F. Dulles, Kim Il-sung's aide. The end");
        let words: Vec<&str> = v.iter().map(|(w, _, _)| w.as_str()).collect();
        assert_eq!(
            words,
            ["Mr.", "J.", "F.", "Dulles", "Kim", "Il", "sung's", "aide", "The", "end"]
        );
        assert!(v[1].1 & INITIAL != 0 && v[0].1 & DOT != 0 && v[0].1 & INITIAL == 0);
        assert_eq!(v[3].2, Gap::Comma);
        assert_eq!(v[5].2, Gap::Hyphen);
        assert_eq!(v[7].2, Gap::Break);
        assert!(v[8].1 & SENTENCE_START != 0 && v[8].1 & ORDINARY != 0);
        assert!(v[0].1 & SENTENCE_START != 0);
    }

    #[test]
    fn every_word_of_the_samples_is_flagged_as_its_definitions_say() {
        // The samples, and a sentence that opens in lower case.
        let text = crate::test_support::samples() + "\n\nThe end.\n\nthen it went on";
        let mut toks = Vec::new();
        word_tokens(&text, &mut toks);
        let mut starts = Vec::new();
        sentence_starts(&text, &mut starts);
        let (mut ws, mut caps, mut m) = (Vec::new(), Vec::new(), Vec::new());
        words(&text, &toks, &starts, &mut ws, &mut caps);
        marked(&text, &mut ws, &caps, &mut m);
        assert_eq!(ws.len(), toks.len());
        assert!(ws.len() > 10_000);
        // Lists looked up at and next to capitals only; the rules start at
        // capitals, numbers and listed words.
        let capital = |k: usize| ws.get(k).is_some_and(|w| w.has(CAP));
        for (k, w) in ws.iter().enumerate() {
            let near_cap = capital(k) || k > 0 && capital(k - 1) || capital(k + 1);
            let (start, end) = w.stem_span();
            let roles = if near_cap {
                lexicon::roles_in(text.as_bytes(), start, end)
            } else {
                0
            };
            assert_eq!(w.roles, roles, "{}", &text[start..end]);
        }
        let starts_of = |f: &dyn Fn(&Word) -> bool| -> Vec<u32> {
            (0..ws.len() as u32)
                .filter(|&k| f(&ws[k as usize]))
                .collect()
        };
        assert_eq!(caps, starts_of(&|w| w.flags & (CAP | DIGIT) != 0));
        assert_eq!(
            m,
            starts_of(&|w| w.flags & (CAP | DIGIT) != 0 || w.roles != 0)
        );
        assert!(m.len() > caps.len());
        for (k, (w, t)) in ws.iter().zip(&toks).enumerate() {
            let token = t.as_str(&text);
            let previous = k.checked_sub(1).map_or(0, |p| toks[p].start + 1);
            let after_previous = starts.partition_point(|&s| s < previous);
            let opens = k == 0 || starts.get(after_previous).is_some_and(|&s| s <= w.start);
            assert_eq!(w.has(SENTENCE_START), opens, "{token:?} at {}", w.start);
            let possessive = strip_possessive(token).is_some() && !token.ends_with('S');
            assert_eq!(w.has(POSSESSIVE), possessive, "{token:?}");
            if token.starts_with(|c: char| c.is_ascii_lowercase()) {
                assert!(!w.has(CAP) && !w.has(DIGIT) && w.end == t.end, "{token:?}");
            }
            if let Some(next) = ws.get(k + 1) {
                if &text[w.end as usize..next.start as usize] == " " {
                    let gap = if next.has(SENTENCE_START) {
                        Gap::Break
                    } else {
                        Gap::Space
                    };
                    assert_eq!(w.gap, gap, "{token:?}");
                }
            }
        }
    }

    #[test]
    fn the_rules_start_at_capitals_numbers_and_listed_words_next_to_capitals() {
        let text = "the county and the 38th parallel of Putnam county";
        let mut toks = Vec::new();
        word_tokens(text, &mut toks);
        let (mut ws, mut caps) = (Vec::new(), Vec::new());
        words(text, &toks, &[], &mut ws, &mut caps);
        let mut m = Vec::new();
        marked(text, &mut ws, &caps, &mut m);
        let marked: Vec<&str> = m.iter().map(|&k| toks[k as usize].as_str(text)).collect();
        // "county" is a lower-case place head: looked up, and marked, only
        // next to a capital; "of" is in a list and next to one.
        assert_eq!(marked, ["38th", "of", "Putnam", "county"]);
    }

    #[test]
    fn a_sentence_start_on_indentation_belongs_to_the_next_word() {
        // The heading-like line ends a sentence; the break falls on the tab.
        let v = view("Gen. Stalin\n\tStalin spoke");
        assert_eq!(v[1].0, "Stalin");
        assert_eq!(v[1].2, Gap::Break);
        assert!(v[2].1 & SENTENCE_START != 0);
    }

    #[test]
    fn acronyms_possessives_and_line_breaks() {
        let v = view("NATO and Stalin’s\n\nRusk");
        assert!(v[0].1 & ALL_CAPS != 0);
        assert!(v[2].1 & POSSESSIVE != 0);
        assert_eq!(v[2].2, Gap::Break);
        assert_eq!(v[1].2, Gap::Space);
    }
}
