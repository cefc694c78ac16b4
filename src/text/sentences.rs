//! Sentence boundaries that survive the abbreviations and initials of
//! historical prose ("Gen. MacArthur", "J. F. Dulles", "the U.S. position").
//!
//! Every decision looks only at a small window around a terminator or a line
//! break, and a line break that ends a sentence is also where a long document
//! may be cut into chunks: so sentences found chunk by chunk are the sentences
//! of the whole text.

/// Words that end with a period without ending a sentence (matched as written;
/// sorted, for binary search).
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Amb", "Apr", "Art", "Arts", "Aug", "Brig", "Bros", "Capt", "Cdr", "Ch", "Cmdr", "Co",
    "Col", "Corp", "Cpl", "Dec", "Dept", "Doc", "Docs", "Dr", "Encl", "Feb", "Fig", "Fr", "Ft",
    "Gen", "Gov", "Hon", "Jan", "Jr", "Jul", "Jun", "Lieut", "Lt", "Maj", "Mar", "Messrs", "Mlle",
    "Mme", "Mr", "Mrs", "Ms", "Msgr", "Mt", "No", "Nos", "Nov", "Oct", "Para", "Pres", "Prof",
    "Pvt", "Ref", "Rep", "Rev", "Sec", "Secy", "Sen", "Sep", "Sept", "Sgt", "Sr", "St", "Ste",
    "Tel", "Vol", "Vols", "approx", "ca", "cf", "pp", "sec", "secs", "sect", "viz", "vs",
];

/// Abbreviated given names of older prose ("Chas. Winn", "Wm. Pitt"): they
/// keep their period, and the name rules read them as given names (sorted).
pub(crate) const GIVEN_NAME_ABBREVIATIONS: &[&str] = &[
    "Alexr", "Benj", "Chas", "Danl", "Edw", "Fredk", "Geo", "Jas", "Jno", "Jos", "Nathl", "Richd",
    "Robt", "Saml", "Thos", "Wm",
];

/// A word of at most eight bytes as one integer, its bytes big-endian and
/// zero-padded: packed words order as the words do, so a sorted list stays
/// sorted and a look-up compares integers instead of strings.
const fn pack(word: &[u8]) -> u64 {
    let mut v = 0;
    let mut i = 0;
    while i < 8 {
        v <<= 8;
        if i < word.len() {
            v |= word[i] as u64;
        }
        i += 1;
    }
    v
}

/// A sorted word list, packed (every word at most eight bytes).
const fn packed<const N: usize>(list: &[&str]) -> [u64; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        assert!(list[i].len() <= 8);
        out[i] = pack(list[i].as_bytes());
        i += 1;
    }
    out
}

static ABBREVIATIONS_PACKED: [u64; ABBREVIATIONS.len()] = packed(ABBREVIATIONS);
static GIVEN_NAME_ABBREVIATIONS_PACKED: [u64; GIVEN_NAME_ABBREVIATIONS.len()] =
    packed(GIVEN_NAME_ABBREVIATIONS);

/// Whether `word` is in either list of abbreviations.
fn is_listed_abbreviation(word: &str) -> bool {
    let word = word.as_bytes();
    if word.len() > 8 {
        return false;
    }
    let key = pack(word);
    ABBREVIATIONS_PACKED.binary_search(&key).is_ok()
        || GIVEN_NAME_ABBREVIATIONS_PACKED.binary_search(&key).is_ok()
}

/// Finds the sentence starts of a text (see [`sentence_starts`]).
#[derive(Debug, Default, Clone, Copy)]
pub struct SentenceSplitter;

/// Byte offsets where a new sentence begins in `text`, after the first one
/// (the text's start always begins a sentence). Each is the offset of the first
/// byte after the break; a break with no content since the previous one is not
/// counted, so blank lines and runs of terminators never make empty sentences.
pub fn sentence_starts(text: &str, out: &mut Vec<u32>) {
    out.clear();
    let b = text.as_bytes();
    // Whether the current sentence has content, known up to byte `seen`.
    let mut content = false;
    let mut seen = 0;
    let mut i = 0;
    // Where the next "!" is, at or after `i` (rare, so searched apart).
    let mut bang = memchr::memchr(b'!', b).unwrap_or(b.len());
    while i < b.len() {
        // Only line breaks and terminators can end a sentence: skip to the next.
        if bang < i {
            bang = memchr::memchr(b'!', &b[i..]).map_or(b.len(), |p| i + p);
        }
        i = memchr::memchr3(b'\n', b'.', b'?', &b[i..]).map_or(b.len(), |p| i + p);
        i = i.min(bang);
        if i == b.len() {
            break;
        }
        if b[i] == b'\n' {
            if !content {
                content = b[seen..i]
                    .iter()
                    .any(|c| !matches!(c, b' ' | b'\t' | b'\r' | b'\n'));
                seen = i;
            }
            if content && newline_ends_sentence(text, i) && i + 1 < b.len() {
                out.push((i + 1) as u32);
                content = false;
                seen = i + 1;
            }
        } else {
            content = true;
            if let Some(next) = terminator_break(text, i) {
                out.push(next as u32);
                content = false;
                seen = next;
                i = next;
                continue;
            }
        }
        i += 1;
    }
}

/// Whether the line break at byte `nl` (a `\n`) ends a sentence: the line has
/// text and ends with a sentence terminator, or the next line is blank, or the
/// line is a short heading-like line followed by a capitalised line.
pub fn newline_ends_sentence(text: &str, nl: usize) -> bool {
    let b = text.as_bytes();
    debug_assert_eq!(b[nl], b'\n');
    let line_start = memchr::memrchr(b'\n', &b[..nl]).map_or(0, |p| p + 1);
    let line = text[line_start..nl].trim_end();
    if line.is_empty() || line.ends_with('¬') {
        // A blank line ends nothing itself: the line before it did; an OCR
        // line-break hyphen joins the word to the next line's.
        return false;
    }
    let rest = &b[nl + 1..];
    let next_line_blank = rest
        .iter()
        .take_while(|&&c| c != b'\n')
        .all(|c| c.is_ascii_whitespace());
    if next_line_blank {
        return true;
    }
    let core = line.trim_end_matches(is_closer);
    if let Some(pos) = core.rfind(['.', '!', '?']) {
        if pos + 1 == core.len() {
            return !is_abbreviation(text, line_start + pos);
        }
    }
    let next = text[nl + 1..]
        .trim_start_matches([' ', '\t'])
        .chars()
        .next();
    line.chars().count() < 40 && next.is_some_and(|c| c.is_uppercase())
}

/// The text before byte `at` without its trailing white space, or "" when
/// that white space holds a line break that ends a sentence. What a rule reads
/// before a word ("to Stalin", "in 1945") is so the same whether or not a long
/// text was cut into chunks there.
pub fn before_in_sentence(text: &str, at: usize) -> &str {
    let before = text[..at].trim_end();
    let gap = &text.as_bytes()[before.len()..at];
    let crosses =
        memchr::memchr_iter(b'\n', gap).any(|i| newline_ends_sentence(text, before.len() + i));
    if crosses {
        ""
    } else {
        before
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '“' | '‘' | '«')
}

/// If the terminator at `pos` ends a sentence within its line, the offset of
/// the next sentence's first character.
fn terminator_break(text: &str, pos: usize) -> Option<usize> {
    let after = &text[pos + 1..];
    let closed = after.trim_start_matches(|c: char| is_closer(c) || matches!(c, '.' | '!' | '?'));
    let spaced = closed.trim_start_matches([' ', '\t', '\u{a0}']);
    if spaced.len() == closed.len() || spaced.starts_with(['\r', '\n']) {
        // No space after it, or the line ends here (the line-break rule decides).
        return None;
    }
    let next = spaced.chars().next()?;
    if !(next.is_uppercase() || next.is_ascii_digit() || is_opener(next)) {
        return None;
    }
    if text.as_bytes()[pos] == b'.' && is_abbreviation(text, pos) {
        return None;
    }
    Some(text.len() - spaced.len())
}

/// Whether the period at `pos` closes an abbreviation or an initial.
fn is_abbreviation(text: &str, pos: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes[pos] != b'.' {
        return false;
    }
    // ASCII words (nearly all) byte by byte; a run that meets a non-ASCII
    // character takes the general path below.
    let mut i = pos;
    while i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.') {
        i -= 1;
    }
    if i == 0 || bytes[i - 1] < 0x80 {
        let word = &bytes[i..pos];
        if word.is_empty() {
            return false;
        }
        let letters = word.iter().filter(|b| b.is_ascii_alphabetic()).count();
        if letters == 1 && word[0].is_ascii_uppercase() {
            return true;
        }
        if word.contains(&b'.') && word.iter().all(|&b| b == b'.' || b.is_ascii_uppercase()) {
            return true;
        }
        return is_listed_abbreviation(&text[i..pos]);
    }
    abbreviation_by_chars(text, pos)
}

/// [`is_abbreviation`] for any word, a character at a time.
fn abbreviation_by_chars(text: &str, pos: usize) -> bool {
    let before = &text[..pos];
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // An initial ("J.") or a dotted capital abbreviation ("U.S.", "U.N.").
    if letters == 1 && word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    if word.contains('.') && word.chars().all(|c| c == '.' || c.is_uppercase()) {
        return true;
    }
    is_listed_abbreviation(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_abbreviations_are_read_as_the_general_path_reads_them() {
        let mut text = String::from(
            "J. U.S. U.N. Gen. gen. No. 1. a.m. A.M. x.Y. Mr. Mrs. etc. Wm. Chas. .. . 3.5. \
             Jan. Stalin. USSR. I. É. Éd. São. Ü.S. ",
        );
        text += &crate::test_support::samples();
        let (mut periods, mut abbreviations) = (0, 0);
        for (pos, _) in text.match_indices('.') {
            let fast = is_abbreviation(&text, pos);
            assert_eq!(
                fast,
                abbreviation_by_chars(&text, pos),
                "{:?}",
                &text[pos.saturating_sub(12)..pos + 1]
            );
            periods += 1;
            abbreviations += usize::from(fast);
        }
        assert!(
            periods > 500 && abbreviations > 20,
            "{periods} {abbreviations}"
        );
    }

    #[test]
    fn the_abbreviation_lists_are_sorted_for_binary_search() {
        for list in [ABBREVIATIONS, GIVEN_NAME_ABBREVIATIONS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            for w in list {
                assert!(is_listed_abbreviation(w), "{w}");
                // A listed word with a letter more or less is not listed.
                assert!(!is_listed_abbreviation(&format!("{w}x")), "{w}x");
                let shorter = &w[..w.len() - 1];
                let listed =
                    ABBREVIATIONS.contains(&shorter) || GIVEN_NAME_ABBREVIATIONS.contains(&shorter);
                assert_eq!(is_listed_abbreviation(shorter), listed, "{shorter}");
            }
        }
        for packed in [
            &ABBREVIATIONS_PACKED[..],
            &GIVEN_NAME_ABBREVIATIONS_PACKED[..],
        ] {
            assert!(packed.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn a_line_ending_in_an_ocr_hyphen_ends_no_sentence() {
        let text = "WASH¬\nINGTON, May 4.";
        assert!(!newline_ends_sentence(text, text.find('\n').unwrap()));
    }

    #[test]
    fn the_text_before_a_word_stops_at_a_sentence_ending_line_break() {
        let text = "He went to\n\nStalin. He wrote at length, as he always did, to\nStalin, who said\nStalin";
        let at = |n: usize| text.match_indices("Stalin").nth(n).unwrap().0;
        assert_eq!(before_in_sentence(text, at(0)), "");
        assert!(before_in_sentence(text, at(1)).ends_with("did, to"));
        // A short line followed by a capital ends a sentence.
        assert_eq!(before_in_sentence(text, at(2)), "");
    }

    fn sentences(text: &str) -> Vec<&str> {
        let mut starts = Vec::new();
        sentence_starts(text, &mut starts);
        let mut out = Vec::new();
        let mut prev = 0;
        for &s in &starts {
            out.push(text[prev..s as usize].trim());
            prev = s as usize;
        }
        out.push(text[prev..].trim());
        out
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let cases: &[(&str, usize)] = &[
            ("Gen. MacArthur met Mr. Acheson. They spoke.", 2),
            ("J. F. Dulles went to St. Petersburg. He stayed.", 2),
            (
                "The U.S. and the U.N. agreed on Jan. 14. No. 5 was sent.",
                2,
            ),
            ("It ended. Then it began! Why? Nobody knows.", 4),
            ("Halt! Who goes there? Stop! Stop! Go.", 5),
            ("He said \"Stop.\" Then he left.", 2),
            ("in 1950. 1951 was worse.", 2),
        ];
        for &(text, n) in cases {
            assert_eq!(sentences(text).len(), n, "{text:?}: {:?}", sentences(text));
        }
    }

    #[test]
    fn headings_blank_lines_and_line_ends() {
        let text = "Korea\nThirdly, Stalin may have had a plan to relinquish\nSoviet interests.\nHe needed\n\nto act.";
        assert_eq!(
            sentences(text),
            [
                "Korea",
                "Thirdly, Stalin may have had a plan to relinquish\nSoviet interests.",
                "He needed",
                "to act."
            ]
        );
    }

    #[test]
    fn lowercase_after_period_continues_the_sentence() {
        assert_eq!(sentences("The U.S. policy. the end").len(), 1);
    }
}
