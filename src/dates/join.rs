//! Neighbouring date mentions made one: ranges ("from X to Y", "between X
//! and Y", "X–Y"), a day or month and the year it is in ("August of that
//! year", "the 6th day of April in the year 1917"), and a year shared back
//! along a list ("in April and June 1955").

use super::grammar::{
    abs, range, sentence_break_within, with_mod, DateExpr, DateMatch, Unit, YearPart,
};
use super::value::{DateInfo, Day, Mod, Period, Timex};

/// Joins "from X to Y", "between X and Y" and "X–Y" into one range mention,
/// compacting `out` in place (one pass, however many ranges a chunk holds).
pub(super) fn join_ranges(text: &str, out: &mut Vec<DateMatch>) {
    let (mut read, mut write) = (0, 0);
    while read < out.len() {
        let a = out[read];
        let joined = out.get(read + 1).and_then(|&b| joined(text, a, b));
        out[write] = joined.unwrap_or(a);
        write += 1;
        read += if joined.is_some() { 2 } else { 1 };
    }
    out.truncate(write);
}

/// The one mention that two neighbouring mentions make together, if any.
pub(super) fn joined(text: &str, a: DateMatch, b: DateMatch) -> Option<DateMatch> {
    let gap = gap_between(text, &a, &b)?;
    // A day or month and the year it is in.
    let in_year = day_in_year(a.expr, b.expr, gap, b.rule == "date:era-year")
        .map(|e| (e, "date:day-in-year"))
        .or_else(|| {
            in_relative_year(a.expr, b.expr, gap).map(|e| (e, "date:month-of-relative-year"))
        });
    if let Some((expr, rule)) = in_year {
        return Some(DateMatch {
            start: a.start,
            end: b.end,
            expr,
            rule,
        });
    }
    let lead = range_words(&text[..a.start], gap)?;
    Some(DateMatch {
        start: lead.unwrap_or(a.start),
        end: b.end,
        expr: join(a.expr, b.expr)?,
        rule: "date:range",
    })
}

/// The text between two neighbouring mentions, when they do not overlap,
/// it holds two words at most (every joiner does: "to", ", and", "of") and no
/// line break that ends a sentence lies in it. The word count comes first:
/// it stops at the third word, where the break test reads every line. (Words
/// split at ASCII white space only: never more words than a Unicode split.)
pub(super) fn gap_between<'t>(text: &'t str, a: &DateMatch, b: &DateMatch) -> Option<&'t str> {
    let gap = text.get(a.end..b.start)?;
    let mut words = gap
        .as_bytes()
        .split(u8::is_ascii_whitespace)
        .filter(|w| !w.is_empty());
    (words.nth(2).is_none() && sentence_break_within(text, a.end, b.start).is_none()).then_some(gap)
}

/// Whether the words around two mentions (`before` the first, `gap` between
/// them) make them a range ("from X to Y", "between X and Y", "X–Y"): Some
/// with the start of a leading "from" or "between", if any.
pub(super) fn range_words(before: &str, gap: &str) -> Option<Option<usize>> {
    let (lead, joiner) = if let Some(l) = strip_word_suffix(before, "from") {
        (
            Some(l),
            ["to", "until", "till", "through", "-", "–", "—"]
                .iter()
                .any(|j| gap.trim() == *j),
        )
    } else if let Some(l) = strip_word_suffix(before, "between") {
        (Some(l), gap.trim() == "and")
    } else {
        (
            None,
            matches!(gap.trim(), "–" | "—" | "-") && gap.len() <= 3,
        )
    };
    joiner.then_some(lead)
}

/// "this 6th day of April, in the year of our Lord one thousand nine hundred
/// and seventeen", "on June 25 in 1950": a day and the year it is in, as one
/// date; and a day before a year with its era ("10 January 49 BC", which
/// `era` says `b` is: the era makes the number a year).
pub(super) fn day_in_year(a: DateExpr, b: DateExpr, gap: &str, era: bool) -> Option<DateExpr> {
    let gap = gap.trim();
    let gap = gap.strip_prefix(',').unwrap_or(gap).trim_start();
    let (month, day, modifier, year) = day_then_year(a, b)?;
    (gap == "in" || era && gap.is_empty()).then_some(())?;
    Some(with_mod(
        abs(Period::Day(Day::new(year, month, day)?)),
        modifier,
    ))
}

/// "August of that year", "July 25 of the following year", "the spring of
/// the next year": a month, day or season without a year, " of ", and a year
/// named relatively, as one date.
pub(super) fn in_relative_year(a: DateExpr, b: DateExpr, gap: &str) -> Option<DateExpr> {
    if gap.trim() != "of" {
        return None;
    }
    let DateExpr::Relative {
        unit: Unit::Year,
        offset,
        deictic: false,
        modifier: None,
    } = b
    else {
        return None;
    };
    let part = match a {
        DateExpr::Month {
            month,
            deictic: None,
            ..
        } => YearPart::Month(month),
        DateExpr::MonthDay { month, day, .. } => YearPart::Day(month, day),
        DateExpr::Season {
            season,
            dir: 0,
            deictic: false,
            ..
        } => YearPart::Season(season),
        _ => return None,
    };
    Some(DateExpr::InRelativeYear { part, offset })
}

/// If `before` ends with `word` and spaces (case-insensitively, on a word
/// boundary), the offset where `word` starts.
pub(super) fn strip_word_suffix(before: &str, word: &str) -> Option<usize> {
    let t = before.trim_end_matches([' ', '\t']);
    if t.len() == before.len() || t.len() < word.len() {
        return None;
    }
    let start = t.len() - word.len();
    let w = t.get(start..)?;
    let boundary = t[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    (w.eq_ignore_ascii_case(word) && boundary).then_some(start)
}

pub(super) fn point_of(e: DateExpr) -> Option<Period> {
    match e {
        DateExpr::Absolute(DateInfo {
            value: Some(Timex::Point(p)),
            ..
        }) => Some(p),
        DateExpr::BackgroundYear(y) => Some(Period::Year(y)),
        _ => None,
    }
}

/// A month's day without a year (`a`) and a year (`b`): the month, day and
/// modifier of the first and the year of the second.
fn day_then_year(a: DateExpr, b: DateExpr) -> Option<(u8, u8, Option<Mod>, i32)> {
    match (a, point_of(b)) {
        (
            DateExpr::MonthDay {
                month,
                day,
                modifier,
                ..
            },
            Some(Period::Year(year)),
        ) => Some((month, day, modifier, year)),
        _ => None,
    }
}

/// "June 4 and 5, 1950", "February 1, 4, and 8, 1882": days of one month
/// listed before the year that closes the list. The bare year becomes the
/// list's last day ("5, 1950"), and the day the month is written with takes
/// the year ([`share_years`] then carries it further back: "January 1,
/// February 1, 4, and 8, 1882"). The days between are not mentions.
pub(super) fn days_listed_before_a_year(text: &str, out: &mut [DateMatch]) {
    for i in 1..out.len() {
        let (a, b) = (out[i - 1], out[i]);
        let Some((month, day, modifier, year)) =
            day_then_year(a.expr, b.expr).filter(|_| b.rule == "date:year")
        else {
            continue;
        };
        let Some((last_day, at)) = text.get(a.end..b.start).and_then(|g| listed_days(g, day))
        else {
            continue;
        };
        let (Some(first), Some(last)) =
            (Day::new(year, month, day), Day::new(year, month, last_day))
        else {
            continue;
        };
        out[i - 1].expr = with_mod(abs(Period::Day(first)), modifier);
        out[i] = DateMatch {
            start: a.end + at,
            end: b.end,
            expr: abs(Period::Day(last)),
            rule: "date:day-list",
        };
    }
}

/// In the text between a month's day (`after`) and a year: day numbers, each
/// later than the one before, joined by commas, "and" or "&", the last one
/// followed by a comma ("and 5, ", ", 4, and 8, "). Returns the last day and
/// its offset in `gap`.
fn listed_days(gap: &str, after: u8) -> Option<(u8, usize)> {
    let body = gap.trim_end_matches([' ', '\t']).strip_suffix(',')?;
    let mut last = None;
    let mut prev = after;
    let mut at = 0;
    for word in body.split_inclusive([' ', '\t', ',']) {
        let w = word.trim_end_matches([' ', '\t', ',']);
        match w {
            "" | "and" | "&" => {}
            _ => {
                let d: u8 = w.parse().ok().filter(|d| (prev + 1..=31).contains(d))?;
                (prev, last) = (d, Some((d, at)));
            }
        }
        at += word.len();
    }
    // The last number ends the list: nothing but the comma after it.
    let (d, start) = last?;
    (body[start..].trim_end() == d.to_string()).then_some((d, start))
}

/// "in April and June 1955", "in August, September and October 1914", "the
/// spring and early summer of 1943": a month, day or season without a year,
/// joined by "and", "or" or a comma to the next date that has one, is in that
/// year (when it comes no later in the year).
pub(super) fn share_years(text: &str, out: &mut [DateMatch]) {
    for i in (0..out.len().saturating_sub(1)).rev() {
        let (a, b) = (out[i], out[i + 1]);
        // "on the 8th and 9th of May", "from the 13th to the 19th of
        // October": the day takes the next day's month.
        if let (
            DateExpr::DayOfMonth { day, modifier },
            DateExpr::MonthDay {
                month,
                day: next,
                ahead,
                ..
            },
        ) = (a.expr, b.expr)
        {
            const JOINERS: [&str; 10] = [
                "", "and", "or", "&", "to", "until", "till", "through", "-", "–",
            ];
            if day < next && joined_by(text, &a, &b, &JOINERS) {
                out[i].expr = DateExpr::MonthDay {
                    month,
                    day,
                    modifier,
                    ahead,
                };
            }
            continue;
        }
        let Some(pb) = point_of(b.expr) else {
            continue;
        };
        // The year, and the last month and day, the second date names.
        let (year, last_month, last_day) = match pb {
            Period::Season(y, _) => (y, 12, 31),
            Period::Month(y, m) => (y, m, 31),
            Period::Day(d) => (d.year, d.month, d.day),
            _ => continue,
        };
        let shared = match (a.expr, pb) {
            (
                DateExpr::Season {
                    season,
                    modifier,
                    dir: 0,
                    deictic: false,
                },
                Period::Season(_, next),
            ) if (season as u8) <= (next as u8) => Some((Period::Season(year, season), modifier)),
            (
                DateExpr::Month {
                    month,
                    modifier,
                    deictic: None,
                    ..
                },
                Period::Month(..) | Period::Day(_),
            ) if month <= last_month => Some((Period::Month(year, month), modifier)),
            (
                DateExpr::MonthDay {
                    month,
                    day,
                    modifier,
                    ..
                },
                Period::Month(..) | Period::Day(_),
            ) if (month, day) <= (last_month, last_day) => {
                Day::new(year, month, day).map(|d| (Period::Day(d), modifier))
            }
            (DateExpr::DayOfMonth { day, modifier }, Period::Day(d)) if day < d.day => {
                Day::new(year, d.month, day).map(|d| (Period::Day(d), modifier))
            }
            _ => None,
        };
        // The text between them is read last: most neighbours fail above.
        if let Some((period, modifier)) = shared.filter(|_| shares_with(text, &a, &b)) {
            out[i].expr = with_mod(abs(period), modifier);
        }
    }
}

/// Whether only "and", "or", "&" or a comma stand between two neighbouring
/// mentions (so the first may take the second's year or month).
pub(super) fn shares_with(text: &str, a: &DateMatch, b: &DateMatch) -> bool {
    joined_by(text, a, b, &["", "and", "or", "&"])
}

/// Whether one of `words` (after an optional comma) is all that stands
/// between two neighbouring mentions.
fn joined_by(text: &str, a: &DateMatch, b: &DateMatch, words: &[&str]) -> bool {
    let Some(gap) = gap_between(text, a, b) else {
        return false;
    };
    let gap = gap.trim();
    let gap = gap.strip_prefix(',').unwrap_or(gap).trim_start();
    words.contains(&gap)
}

/// A range from two expressions, filling a missing year of the first from the second.
pub(super) fn join(a: DateExpr, b: DateExpr) -> Option<DateExpr> {
    let pb = point_of(b)?;
    let pa = match a {
        DateExpr::Absolute(_) | DateExpr::BackgroundYear(_) => point_of(a)?,
        DateExpr::MonthDay { month, day, .. } => {
            let y = pb.year();
            Period::Day(Day::new(y, month, day)?)
        }
        DateExpr::Month { month, .. } => Period::Month(pb.year(), month),
        // "from the 3rd to the 9th of July, 1916"
        DateExpr::DayOfMonth { day, .. } => match pb {
            Period::Day(d) => Period::Day(Day::new(d.year, d.month, day)?),
            _ => return None,
        },
        _ => return None,
    };
    (pa.bounds().0 <= pb.bounds().1).then(|| range(pa, pb))
}
