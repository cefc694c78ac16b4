//! Words of the date grammar: months, weekdays, seasons, number words.

pub use super::patterns::{
    DAY_ORDINALS, DECADE_WORD, MONTH, MONTH_NAMES, NAMED_DAY, NUMBER_WORD, ORDINAL, SEASON,
    WEEKDAY, WEEKDAY_NAMES,
};
use super::value::Season;

/// Month number (1–12) of a month name or abbreviation.
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    let lower = w.get(..3)?.to_ascii_lowercase();
    let m = match lower.as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// The season a season word names.
pub fn season(word: &str) -> Option<Season> {
    Some(match word.to_ascii_lowercase().as_str() {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" | "fall" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// The number of an ordinal word ("first" 1, "Twenty-first" 21, "thirty first" 31).
pub fn ordinal(word: &str) -> Option<i32> {
    let w = word.to_ascii_lowercase().replace(' ', "-");
    DAY_ORDINALS
        .iter()
        .position(|o| *o == w)
        .map(|p| p as i32 + 1)
}

/// The value of a cardinal number word or numeral (None for vague ones).
pub fn cardinal(word: &str) -> Option<i64> {
    if let Ok(n) = word.parse() {
        return Some(n);
    }
    const CARD: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let w = word.to_ascii_lowercase();
    if w == "a" || w == "an" {
        return Some(1);
    }
    if let Some(p) = CARD.iter().position(|c| *c == w) {
        return Some(p as i64);
    }
    Some(match w.as_str() {
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// The year a [`super::patterns::YEAR_WORDS`] phrase names ("one thousand
/// eight hundred and sixty-three" 1863, "nineteen hundred" 1900).
pub fn year_in_words(phrase: &str) -> Option<i32> {
    let (mut total, mut part) = (0i64, 0i64);
    for word in phrase.split(|c: char| c.is_whitespace() || c == '-') {
        match word.to_ascii_lowercase().as_str() {
            "" | "and" => {}
            "thousand" => (total, part) = (total + part * 1000, 0),
            "hundred" => part *= 100,
            w => part += cardinal(w)?,
        }
    }
    i32::try_from(total + part).ok()
}

/// The decade (as TIMEX: 195) of a decade word in the 20th century.
pub fn decade_word(word: &str) -> Option<i32> {
    const DEC: [&str; 8] = [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ];
    let w = word.to_ascii_lowercase();
    DEC.iter().position(|d| *d == w).map(|p| 192 + p as i32)
}

/// The month number of a Roman numeral I–XII.
pub fn roman_month(s: &str) -> Option<u8> {
    const R: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    R.iter().position(|r| *r == s).map(|p| p as u8 + 1)
}

/// What a named day's name fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NamedDay {
    /// A day of the calendar: the year if the name gives one, month, day.
    Fixed(Option<i32>, u8, u8),
    /// A movable feast, days from Easter Sunday ("Good Friday": -2).
    Easter(i64),
}

/// The day a name names. V-E Day is 8 May 1945; V-J Day is 2 September 1945
/// (the surrender signing, the date the United States observes); D-Day is
/// 6 June 1944.
pub fn named_day(name: &str) -> Option<NamedDay> {
    use NamedDay::{Easter, Fixed};
    let n: String = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'");
    Some(match n.as_str() {
        "Christmas" | "Christmas Day" => Fixed(None, 12, 25),
        "Christmas Eve" => Fixed(None, 12, 24),
        "New Year's Day" => Fixed(None, 1, 1),
        "New Year's Eve" => Fixed(None, 12, 31),
        "Independence Day" => Fixed(None, 7, 4),
        "Bastille Day" => Fixed(None, 7, 14),
        "Armistice Day" | "Veterans Day" => Fixed(None, 11, 11),
        "Pearl Harbor Day" => Fixed(None, 12, 7),
        "V-E Day" | "VE Day" => Fixed(Some(1945), 5, 8),
        "V-J Day" | "VJ Day" => Fixed(Some(1945), 9, 2),
        "D-Day" => Fixed(Some(1944), 6, 6),
        "Ash Wednesday" => Easter(-46),
        "Palm Sunday" => Easter(-7),
        "Maundy Thursday" => Easter(-3),
        "Good Friday" => Easter(-2),
        "Holy Saturday" => Easter(-1),
        "Easter" | "Easter Sunday" | "Easter Day" => Easter(0),
        "Easter Monday" => Easter(1),
        "Ascension Day" => Easter(39),
        "Whitsun" | "Whit Sunday" | "Whitsunday" | "Pentecost" => Easter(49),
        "Whit Monday" => Easter(50),
        // The Roman Ides: the 15th of March, May, July and October, the
        // 13th of the other months.
        _ => {
            let month = month_number(n.strip_prefix("Ides of ")?)?;
            let day = if matches!(month, 3 | 5 | 7 | 10) {
                15
            } else {
                13
            };
            Fixed(None, month, day)
        }
    })
}

/// Monday 0 … Sunday 6, for a weekday's full name.
pub fn weekday_number(name: &str) -> Option<u8> {
    WEEKDAY_NAMES
        .iter()
        .position(|&d| d == name)
        .map(|i| i as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_words() {
        for (words, year) in [
            ("one thousand eight hundred and sixty-three", 1863),
            ("One thousand nine hundred and two", 1902),
            ("nineteen hundred", 1900),
            ("Eighteen hundred sixty one", 1861),
            ("seventeen hundred and ninety", 1790),
        ] {
            assert_eq!(year_in_words(words), Some(year), "{words}");
        }
        assert_eq!(year_in_words("nineteen hundred and umpteen"), None);
    }
}
