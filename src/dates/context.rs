//! The text around a candidate date that decides whether it is one: the
//! guards that tell a year from any other number, where a month name alone
//! is a month, the contexts of bare seasons, days of the month and years in
//! words, the future-tense cues, and where a modifier phrase may end.

use super::lexicon::{self, MONTH_NAMES};
use super::patterns;
use crate::text::{
    before_in_sentence, ceil_char_boundary, first_word, floor_char_boundary, last_word,
    last_word_but_one, without_last_word,
};
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// Archival and file numbers that contain dates ("793B.00/6–1551", "611.93/2-351").
pub(super) fn is_archival(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let before = &b[..start];
    let glued_before = before.last().is_some_and(|&c| {
        matches!(c, b'/' | b'.' | b'-' | b'_' | b':') || c.is_ascii_alphanumeric()
    }) || before.ends_with("–".as_bytes());
    if glued_before {
        // "mid-1950" is a date; "6–1551" after a file number is not.
        let word_start = before
            .iter()
            .rposition(|c| c.is_ascii_whitespace() || matches!(c, b'(' | b'"'))
            .map_or(0, |p| p + 1);
        let word = &before[word_start..];
        if word.iter().any(|c| c.is_ascii_digit() || *c == b'/') {
            return true;
        }
    }
    let after = &b[end..];
    matches!(after, [b'/' | b'.' | b'-' | b',', d, ..] if d.is_ascii_digit())
}

/// Words before a number that make it something other than a year.
pub(super) const NOT_YEAR_BEFORE: &[&str] = &[
    "article",
    "articles",
    "art",
    "no",
    "nos",
    "number",
    "numbers",
    "page",
    "pages",
    "p",
    "pp",
    "paragraph",
    "para",
    "section",
    "sec",
    "secs",
    "sect",
    "chapter",
    "resolution",
    "document",
    "doc",
    "telegram",
    "telegrams",
    "tel",
    "tels",
    "vol",
    "volume",
    // The Congressional Serial Set: "H. misdoc. 21 (Ser. 1199)".
    "ser",
    "item",
    "file",
    "despatch",
    "despatches",
    "dispatch",
    "dispatches",
    "memorandum",
    "note",
    "route",
    "code",
    "room",
    "flight",
    "deptel",
    "embtel",
    "circtel",
    "reftel",
    "urtel",
    "mytel",
    "airgram",
    "cable",
    "cables",
    // Telegram series of the FRUS volumes: "Topol 1108", "Disto 1105".
    "topol",
    "polto",
    "todis",
    "disto",
    "secto",
    "tosec",
    "supnu",
    "niact",
    // Statutes at Large, U.S. Treaties, Foreign Affairs Manual, land-record
    // books, department orders: "61 Stat. 1180", "13 UST 1496", "2 FAM
    // 1350", "lib. 1377", "Department Order 1301".
    "stat",
    "ust",
    "fam",
    "lib",
    "order",
    "instruction",
    "box",
    "folder",
    "lot",
    "serial",
    "report",
    "table",
    "figure",
    "fig",
    "hill",
    "height",
    "elevation",
    "nr",
    "approximately",
    "about",
    "some",
    "over",
    "nearly",
    "almost",
];

/// Nouns after a number that make it a quantity.
pub(super) const NOT_YEAR_AFTER: &[&str] = &[
    "troops",
    "men",
    "soldiers",
    "people",
    "persons",
    "tons",
    "miles",
    "mile",
    "km",
    "kilometers",
    "kilometres",
    "dollars",
    "yards",
    "feet",
    "foot",
    "meters",
    "metres",
    "ships",
    "planes",
    "aircraft",
    "casualties",
    "prisoners",
    "votes",
    "copies",
    "pages",
    "rifles",
    "tanks",
    "guns",
    "officers",
    "workers",
    "students",
    "families",
    "acres",
    "pounds",
    "hours",
    "days",
    "vehicles",
    "refugees",
    "members",
    "delegates",
    "cases",
    "units",
    "divisions",
    "sorties",
    "killed",
    "wounded",
    "dead",
    "lives",
    "times",
    "words",
    "points",
    "percent",
    "per",
    "m",
    "ft",
    "hrs",
    "rounds",
    "bombs",
    "sq",
    "square",
    "cubic",
    "barrels",
    "million",
    "billion",
    "thousand",
];

/// Whether the words around a four-digit number say it is not a year.
pub(super) fn not_a_year_context(text: &str, start: usize, end: usize) -> bool {
    let before = before_in_sentence(text, start);
    // (Empty: the text's start, or a sentence-ending line break.)
    let line_break = before.is_empty() || text[before.len()..start].contains('\n');
    // "$1950", "# 1951"; never across a line break.
    if !line_break && before.ends_with(['$', '£', '#', '№', '§']) {
        return true;
    }
    // "No. 1950", "Vol. 1951": the abbreviation's period is not a boundary.
    let stem = before.strip_suffix('.').unwrap_or(before);
    let prev_word = last_word(stem).to_ascii_lowercase();
    let approximate = matches!(
        prev_word.as_str(),
        "about" | "around" | "approximately" | "some"
    );
    // "in about 1890" is a year; "about 1890 troops" a number.
    let dated = approximate
        && matches!(
            last_word_but_one(stem).to_ascii_lowercase().as_str(),
            "in" | "by" | "until" | "since" | "from" | "to" | "till" | "after" | "before"
        );
    if !line_break
        && NOT_YEAR_BEFORE.contains(&prev_word.as_str())
        && !before.ends_with(',')
        && !dated
    {
        return true;
    }
    // The second number of a pair after such a word: "Telegrams 1285 and
    // 1287", "Nos. 12 or 1950".
    if !line_break && matches!(prev_word.as_str(), "and" | "or" | "&") {
        let rest = without_last_word(before);
        let number = last_word(rest);
        let owner = last_word(without_last_word(rest).trim_end_matches('.'));
        if !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
            && NOT_YEAR_BEFORE.contains(&owner.to_ascii_lowercase().as_str())
        {
            return true;
        }
    }
    let after = &text[end..];
    if after.starts_with(['%', '°']) || telegram_number(text, start, after) {
        return true;
    }
    let next_word: String = after
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if NOT_YEAR_AFTER.contains(&next_word.as_str()) {
        return true;
    }
    // A street address: "1600 Pennsylvania Avenue".
    let mut next_words = after.split_whitespace();
    let (w1, w2) = (
        next_words.next().unwrap_or(""),
        next_words.next().unwrap_or(""),
    );
    w1.starts_with(|c: char| c.is_uppercase())
        && matches!(
            w2.trim_end_matches(|c: char| !c.is_alphanumeric()),
            "Avenue" | "Street" | "Road" | "Boulevard" | "Lane" | "Place" | "Square" | "Ave" | "St"
        )
}

/// Whether the number at `start` (with `after` the text after it) is a
/// telegram's number: it opens the line after the telegram's dateline, which
/// ends with the time of sending, and a period and the message follow
/// ("Moscow, January 21, 1961, 4 p.m.\n\n1706. Eyes only Secretary.",
/// "...7:44 p.m.\n\nTopol 1108. Deliver Ambassador Finletter").
/// GUIDELINES: telegram numbers are not dates.
fn telegram_number(text: &str, start: usize, after: &str) -> bool {
    if !after.starts_with(". ") {
        return false;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    // Nothing before it on its line, or the series it is numbered in
    // ("Topol 1108.", "Secto 3.").
    let series = text[line_start..start].trim();
    let tag = series.len() <= 8
        && series.starts_with(|c: char| c.is_ascii_uppercase())
        && series.bytes().all(|b| b.is_ascii_alphabetic());
    if !(series.is_empty() || tag) {
        return false;
    }
    let before = text[..line_start].trim_end();
    let dateline = before[before.rfind('\n').map_or(0, |i| i + 1)..].trim_end_matches('.');
    ["a.m", "p.m", "noon", "midnight"]
        .iter()
        .any(|t| dateline.ends_with(t))
}

/// Whether a match starting at `start` with a digit goes on from a number
/// before it: after a digit and a period ("420.1 of March 15, 1946": a
/// regulation's number, not the 1st of March), or a group of three digits
/// after a digit and a comma ("nearly 2,000 year ago"). A year after a day
/// and a comma without a space ("January 13,1835", common in old newspapers)
/// stays a year.
pub(super) fn continues_a_number(text: &str, start: usize) -> bool {
    let b = text.as_bytes();
    let digits = b[start..].iter().take_while(|c| c.is_ascii_digit()).count();
    start >= 2
        && digits > 0
        && b[start - 2].is_ascii_digit()
        && (b[start - 1] == b'.' || b[start - 1] == b',' && digits == 3)
}

/// Whether "June 25" is followed by a unit ("May 5 divisions" is no date).
pub(super) fn followed_by_unit(text: &str, end: usize) -> bool {
    not_a_year_context(text, end, end)
}

/// A month name alone is a date only where the context says so ("in June",
/// "during January", "the end of April"); "May" also needs that and is never a
/// date at the start of a sentence.
pub(super) fn month_alone_context(text: &str, start: usize, end: usize, word: &str) -> bool {
    let prev_word = text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let ok_prev = matches!(
        prev_word.as_str(),
        "in" | "during"
            | "since"
            | "until"
            | "till"
            | "by"
            | "of"
            | "early"
            | "late"
            | "mid"
            | "mid-"
            | "last"
            | "next"
            | "this"
            | "that"
            | "before"
            | "after"
            | "through"
            | "throughout"
            | "from"
            | "to"
            | "and"
            | "or"
            | "between"
            | "the"
            | "each"
            | "every"
            | "in-"
    );
    // "the end of May": a part of a month.
    let part_of = prev_word == "of"
        && matches!(
            last_word(
                text[..start]
                    .trim_end()
                    .strip_suffix("of")
                    .unwrap_or("")
                    .trim_end()
            ),
            "end" | "beginning" | "start" | "middle" | "close" | "part" | "half"
        );
    if part_of {
        return !names_an_event(&text[end..]);
    }
    // "from October to March", "From May to July": a month beside another.
    if in_month_range(text, start, end, &prev_word) {
        return true;
    }
    if word == "May" {
        let next = text[end..].trim_start();
        if matches!(
            prev_word.as_str(),
            "in" | "during" | "since" | "until" | "early" | "late" | "mid" | "mid-"
        ) {
            return true;
        }
        return ok_prev
            && prev_word != "and"
            && prev_word != "or"
            && prev_word != "to"
            && !next.starts_with(|c: char| {
                c.is_lowercase() && !next.starts_with("and") && !next.starts_with("or")
            });
    }
    if word == "March" {
        return ok_prev && prev_word != "to" && prev_word != "the";
    }
    // A month name that is no other word ("September saw the Germans
    // retreat", "the costly October battles"), unless it names an event
    // ("the October Revolution"). ("April" is also a given name: "Ambassador
    // April Glaspie".)
    let unambiguous = matches!(
        word,
        "January" | "February" | "September" | "October" | "November" | "December"
    );
    if names_an_event(&text[end..]) {
        return false;
    }
    unambiguous || ok_prev || text[end..].trim_start().starts_with(['.', ',', ';'])
}

/// Whether the month name at `start..end` (after `prev_word`) is one end of
/// a range of months: "October to March", "May to July", "May and June".
pub(super) fn in_month_range(text: &str, start: usize, end: usize, prev_word: &str) -> bool {
    const JOINERS: &[&str] = &["to", "until", "till", "through", "and", "or"];
    let is_month = |w: &str| MONTH_NAMES.contains(&w);
    if JOINERS.contains(&prev_word) && is_month(last_word_but_one(text[..start].trim_end())) {
        return true;
    }
    let after = text[end..].trim_start_matches([' ', '\t']);
    let joiner = first_word(after);
    JOINERS.contains(&joiner)
        && is_month(first_word(
            after[joiner.len()..].trim_start_matches([' ', '\t']),
        ))
}

/// Whether `rest` (the text after a month name) begins with the head of an
/// event's or a body's name: "Revolution", "Uprising", "Manifesto".
pub(super) fn names_an_event(rest: &str) -> bool {
    const HEADS: &[&str] = &[
        "Revolution",
        "Uprising",
        "Rising",
        "Revolt",
        "Rebellion",
        "Manifesto",
        "Crisis",
        "Offensive",
        "Putsch",
        "Coup",
        "War",
        "Days",
        "Laws",
        "Agreement",
        "Accords",
        "Treaty",
        "Declaration",
        "Massacre",
        "Movement",
        "Group",
        "Club",
        "Society",
        "Committee",
        "Party",
        "Front",
        "Theses",
        "Events",
        "Constitution",
        "Program",
        "Programme",
    ];
    HEADS.contains(&first_word(rest.trim_start_matches([' ', '\t'])))
}

/// Whether the year at `start` sets the scene ("In 1945", "by 1950", "During
/// 1951") rather than qualifies a noun ("the 1982 law", "Treaty of 1945").
pub(super) fn sets_the_scene(text: &str, start: usize) -> bool {
    let prev = last_word(before_in_sentence(text, start)).to_ascii_lowercase();
    matches!(
        prev.as_str(),
        "in" | "by" | "during" | "since" | "until" | "till" | "throughout" | "after" | "before"
    )
}

/// Whether a year in words without "the year" before it at `start..end` is
/// one: after "in", "of", "since", "until", "by", "during", and not before
/// a noun ("in nineteen hundred and forty", not "of nineteen hundred men").
pub(super) fn year_words_context(text: &str, start: usize, end: usize) -> bool {
    let prev = last_word(before_in_sentence(text, start)).to_ascii_lowercase();
    if !matches!(
        prev.as_str(),
        "in" | "of" | "since" | "until" | "till" | "by" | "during"
    ) {
        return false;
    }
    let rest = text[end..].trim_start_matches([' ', '\t']);
    !rest.starts_with(char::is_alphabetic)
        || matches!(
            first_word(rest),
            "and" | "the" | "when" | "in" | "at" | "he" | "we"
        )
}

/// Whether "the 5th" at `start..end` is a day of the narrative's month: after
/// "on", "by", "until", "from" ("On the 5th, the Soviets offered", "from the
/// 13th to the 19th of October"), and before a clause, not a noun ("the 5th
/// Army", "the 38th parallel", "on the 2nd floor").
pub(super) fn day_of_month_context(text: &str, start: usize, end: usize) -> bool {
    let prev = last_word(before_in_sentence(text, start)).to_ascii_lowercase();
    if !matches!(
        prev.as_str(),
        "on" | "by" | "until" | "till" | "since" | "from" | "before" | "after"
    ) {
        return false;
    }
    let rest = text[end..].trim_start_matches([' ', '\t']);
    match rest.chars().next() {
        // Not a list of ordinals ("the 13th, 14th, and 15th amendments") or
        // old print's "the 25th. day of April" (the month comes later). The
        // line only: a long text may be cut into chunks at its end.
        Some(c @ (',' | '.' | ';' | ':' | ')')) => {
            let next = rest[c.len_utf8()..].trim_start_matches([' ', '\t']);
            !next.starts_with(|c: char| c.is_ascii_digit()) && !next.starts_with("day ")
        }
        None | Some('\n' | '\r') => true,
        _ => matches!(
            first_word(rest),
            "and"
                | "to"
                | "the"
                | "a"
                | "an"
                | "he"
                | "she"
                | "they"
                | "it"
                | "we"
                | "his"
                | "her"
                | "their"
                | "its"
                | "was"
                | "were"
                | "had"
                | "when"
                | "at"
                | "in"
                | "with"
        ),
    }
}

/// Whether a season word without "the" at `start..end` names a time: after
/// "in", "during", "throughout", "until", "by" ("in winter", "until
/// spring"), or joined to another season ("summer and autumn 1918", "the
/// spring and summer"); not "a winter campaign", "prices fall", "in Fall River".
pub(super) fn bare_season_context(text: &str, start: usize, end: usize) -> bool {
    // A capitalised season before a capitalised word is a name: "Fall River".
    let next = text[end..].trim_start_matches([' ', '\t']);
    if text[start..end].starts_with(char::is_uppercase) && next.starts_with(char::is_uppercase) {
        return false;
    }
    let before = before_in_sentence(text, start);
    let prev = last_word(before).to_ascii_lowercase();
    let after_season = || lexicon::season(last_word_but_one(before)).is_some();
    match prev.as_str() {
        "in" | "during" | "throughout" | "until" | "till" | "by" => return true,
        "and" | "or" if after_season() => return true,
        _ => {}
    }
    let rest = text[end..].trim_start_matches([' ', '\t']);
    let Some(rest) = ["and ", "or ", "to ", "-", "–"]
        .iter()
        .find_map(|j| rest.strip_prefix(j))
    else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', '\t']);
    let rest = ["early ", "late ", "mid-", "the "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    lexicon::season(first_word(rest)).is_some()
}

/// Whether the clause around `start..end` speaks of the future ("the
/// talks will resume Monday", "Saturday's vote is expected to"): a weekday
/// there is the next one, not the last.
pub(super) fn future_in_sentence(text: &str, start: usize, end: usize) -> bool {
    const CUES: [&str; 19] = [
        " will ",
        "’ll ",
        "'ll ",
        " shall ",
        " scheduled ",
        " expected to ",
        " plans to ",
        " plan to ",
        " going to ",
        " set to ",
        " due to ",
        " to be held ",
        " is to ",
        " are to ",
        " planned ",
        " planning ",
        " postponed ",
        "as soon as ",
        "as early as ",
    ];
    let from = floor_char_boundary(text, start.saturating_sub(100));
    let before = &text[from..start];
    // The clause only: "Cuba predicted Wednesday" is past though the
    // sentence quoted says exiles "will now proceed".
    const CLAUSE_ENDS: [char; 9] = ['.', '!', '?', '\n', ',', ';', ':', '"', '`'];
    let before = before.rsplit(CLAUSE_ENDS).next().unwrap_or(before);
    let to = ceil_char_boundary(text, (end + 60).min(text.len()));
    let after = &text[end..to];
    let after = after.split(CLAUSE_ENDS).next().unwrap_or(after);
    // One pass over each side, not one a cue (this runs for every month and
    // day without a year).
    static FINDER: OnceLock<AhoCorasick> = OnceLock::new();
    let cues = FINDER.get_or_init(|| AhoCorasick::new(CUES).expect("the future cues compile"));
    cues.is_match(before) || cues.is_match(after)
}

/// Whether the text before a date ends as a modifier phrase of
/// [`patterns::prefix`] can: in one of [`patterns::PREFIX_LAST_WORDS`] or a
/// hyphen ("mid-"). Most dates follow none of these, and so skip the prefix
/// regex.
pub(super) fn may_end_a_prefix(window: &str) -> bool {
    let window = window.trim_end();
    let word = last_word(window.strip_suffix('.').unwrap_or(window));
    window.ends_with('-')
        || patterns::PREFIX_LAST_WORDS
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
}
