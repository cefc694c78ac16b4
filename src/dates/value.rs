//! Typed date values: calendar days, TIMEX3 values and mods, and the inclusive
//! day bounds a database queries by.

use serde::{Serialize, Serializer};
use std::fmt;

/// A proleptic Gregorian calendar day; years are astronomical (1 BC is 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Astronomical year.
    pub year: i32,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

/// Whether `year` (astronomical) is a leap year.
pub fn is_leap(year: i32) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

/// Number of days in a month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

impl Day {
    /// A valid day, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Day { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (with an optional leading `-` for years before 1).
    pub fn parse(s: &str) -> Option<Day> {
        let (neg, s) = s.strip_prefix('-').map_or((false, s), |r| (true, r));
        let mut parts = s.splitn(3, '-');
        let y: i32 = parts.next()?.parse().ok()?;
        let m: u8 = parts.next()?.parse().ok()?;
        let d: u8 = parts.next()?.parse().ok()?;
        Day::new(if neg { -y } else { y }, m, d)
    }

    /// The day before.
    pub fn pred(self) -> Day {
        if self.day > 1 {
            Day {
                day: self.day - 1,
                ..self
            }
        } else if self.month > 1 {
            Day {
                month: self.month - 1,
                day: days_in_month(self.year, self.month - 1),
                ..self
            }
        } else {
            Day {
                year: self.year - 1,
                month: 12,
                day: 31,
            }
        }
    }

    /// The day after.
    pub fn succ(self) -> Day {
        if self.day < days_in_month(self.year, self.month) {
            Day {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Day {
                month: self.month + 1,
                day: 1,
                ..self
            }
        } else {
            Day {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        }
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - (self.month <= 2) as i64;
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = yoe + era * 400 + (m <= 2) as i64;
        Day {
            year: y as i32,
            month: m,
            day: d,
        }
    }

    /// Easter Sunday of `year`: by the Gregorian computus from 1583, by the
    /// Julian one (a Julian date, as texts of the time write it) from 326;
    /// `None` before.
    pub fn easter(year: i32) -> Option<Day> {
        let y = year;
        let (month, day) = if y >= 1583 {
            let (a, b, c) = (y % 19, y / 100, y % 100);
            let (d, e) = (b / 4, b % 4);
            let g = (8 * b + 13) / 25;
            let h = (19 * a + b - d - g + 15) % 30;
            let (i, k) = (c / 4, c % 4);
            let l = (32 + 2 * e + 2 * i - h - k) % 7;
            let m = (a + 11 * h + 22 * l) / 451;
            let n = h + l - 7 * m + 114;
            (n / 31, n % 31 + 1)
        } else if y >= 326 {
            let (a, b, c) = (y % 4, y % 7, y % 19);
            let d = (19 * c + 15) % 30;
            let e = (2 * a + 4 * b - d + 34) % 7;
            let n = d + e + 114;
            (n / 31, n % 31 + 1)
        } else {
            return None;
        };
        Day::new(year, month as u8, day as u8)
    }

    /// Adds `n` days.
    pub fn add_days(self, n: i64) -> Day {
        Day::from_days(self.to_days() + n)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        (self.to_days() + 3).rem_euclid(7) as u8
    }

    /// ISO 8601 week-numbering year and week.
    pub fn iso_week(self) -> (i32, u8) {
        let wd = self.weekday() as i64; // Monday 0
        let thursday = self.add_days(3 - wd);
        let jan1 = Day {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u8)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(f, "-{:04}-{:02}-{:02}", -self.year, self.month, self.day)
        } else {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A meteorological season of the northern hemisphere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    /// March–May.
    Spring,
    /// June–August.
    Summer,
    /// September–November.
    Fall,
    /// December–February (of the next year).
    Winter,
}

impl Season {
    /// The month the season starts in (winter: December).
    pub fn start_month(self) -> u8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// One calendar period at a stated precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// A century, as TIMEX writes it: 19 = 1900–1999; before Christ, -n is
    /// the nth century BC (shown "BC" and its hundreds: -4 is "BC03").
    Century(i32),
    /// A decade: 195 = 1950–1959.
    Decade(i32),
    /// A year (astronomical).
    Year(i32),
    /// A half year (1 or 2).
    Half(i32, u8),
    /// A season of a year (winter runs into the next year).
    Season(i32, Season),
    /// A quarter (1–4).
    Quarter(i32, u8),
    /// A month.
    Month(i32, u8),
    /// An ISO week.
    Week(i32, u8),
    /// The weekend of an ISO week.
    Weekend(i32, u8),
    /// A day.
    Day(Day),
}

fn fmt_year(f: &mut fmt::Formatter<'_>, year: i32) -> fmt::Result {
    if year <= 0 {
        write!(f, "BC{:04}", 1 - year)
    } else {
        write!(f, "{year:04}")
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            // TIMEX names a century by its hundreds, as "19" is the 20th
            // century: the 4th century BC (400–301 BC) is "BC03".
            Period::Century(c) if c < 0 => write!(f, "BC{:02}", -c - 1),
            Period::Century(c) => write!(f, "{c:02}"),
            Period::Decade(d) => write!(f, "{d:03}"),
            Period::Year(y) => fmt_year(f, y),
            Period::Half(y, h) => {
                fmt_year(f, y)?;
                write!(f, "-H{h}")
            }
            Period::Season(y, s) => {
                fmt_year(f, y)?;
                write!(f, "-{}", s.code())
            }
            Period::Quarter(y, q) => {
                fmt_year(f, y)?;
                write!(f, "-Q{q}")
            }
            Period::Month(y, m) => {
                fmt_year(f, y)?;
                write!(f, "-{m:02}")
            }
            Period::Week(y, w) => {
                fmt_year(f, y)?;
                write!(f, "-W{w:02}")
            }
            Period::Weekend(y, w) => {
                fmt_year(f, y)?;
                write!(f, "-W{w:02}-WE")
            }
            Period::Day(d) if d.year <= 0 => {
                fmt_year(f, d.year)?;
                write!(f, "-{:02}-{:02}", d.month, d.day)
            }
            Period::Day(d) => write!(f, "{d}"),
        }
    }
}

impl Period {
    /// The first and last day of the period.
    pub fn bounds(self) -> (Day, Day) {
        let ymd = |y, m, d| Day {
            year: y,
            month: m,
            day: d,
        };
        let month_end = |y, m| ymd(y, m, days_in_month(y, m));
        match self {
            Period::Century(c) if c < 0 => {
                // BC centuries: the 5th century BC is 500–401 BC = -499..-400.
                let first = -(-c * 100) + 1;
                (ymd(first, 1, 1), ymd(first + 99, 12, 31))
            }
            Period::Century(c) => (ymd(c * 100, 1, 1), ymd(c * 100 + 99, 12, 31)),
            Period::Decade(d) => (ymd(d * 10, 1, 1), ymd(d * 10 + 9, 12, 31)),
            Period::Year(y) => (ymd(y, 1, 1), ymd(y, 12, 31)),
            Period::Half(y, 1) => (ymd(y, 1, 1), ymd(y, 6, 30)),
            Period::Half(y, _) => (ymd(y, 7, 1), ymd(y, 12, 31)),
            Period::Season(y, Season::Spring) => (ymd(y, 3, 1), ymd(y, 5, 31)),
            Period::Season(y, Season::Summer) => (ymd(y, 6, 1), ymd(y, 8, 31)),
            Period::Season(y, Season::Fall) => (ymd(y, 9, 1), ymd(y, 11, 30)),
            Period::Season(y, Season::Winter) => (ymd(y, 12, 1), month_end(y + 1, 2)),
            Period::Quarter(y, q) => {
                let m = (q.clamp(1, 4) - 1) * 3 + 1;
                (ymd(y, m, 1), month_end(y, m + 2))
            }
            Period::Month(y, m) => (ymd(y, m, 1), month_end(y, m)),
            Period::Week(y, w) | Period::Weekend(y, w) => {
                let jan4 = ymd(y, 1, 4);
                let monday = jan4.add_days(-(jan4.weekday() as i64) + 7 * (w as i64 - 1));
                if matches!(self, Period::Weekend(..)) {
                    (monday.add_days(5), monday.add_days(6))
                } else {
                    (monday, monday.add_days(6))
                }
            }
            Period::Day(d) => (d, d),
        }
    }

    /// The year the period lies in (its first day's year).
    pub fn year(self) -> i32 {
        self.bounds().0.year
    }
}

/// A TIMEX3 value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Timex {
    /// One period.
    Point(Period),
    /// From one period to another (written `A/B`).
    Range(Period, Period),
    /// The document's present ("now", "today").
    PresentRef,
    /// An unanchored past ("formerly").
    PastRef,
    /// An unanchored future.
    FutureRef,
}

impl fmt::Display for Timex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Timex::Point(p) => p.fmt(f),
            Timex::Range(a, b) => write!(f, "{a}/{b}"),
            Timex::PresentRef => f.write_str("PRESENT_REF"),
            Timex::PastRef => f.write_str("PAST_REF"),
            Timex::FutureRef => f.write_str("FUTURE_REF"),
        }
    }
}

impl Serialize for Timex {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A TIMEX3 `mod`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(missing_docs)]
pub enum Mod {
    Start,
    Mid,
    End,
    Approx,
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    MoreThan,
    LessThan,
    EqualOrMore,
    EqualOrLess,
}

/// The normalised meaning of a DATE mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DateInfo {
    /// TIMEX3 value; `None` when it cannot be known.
    pub value: Option<Timex>,
    /// TIMEX3 mod.
    pub modifier: Option<Mod>,
}

impl DateInfo {
    /// A date with a value and no mod.
    pub fn point(p: Period) -> Self {
        DateInfo {
            value: Some(Timex::Point(p)),
            modifier: None,
        }
    }

    /// A date at `p` with `modifier`; no value when `p` is unknown.
    pub fn at(p: Option<Period>, modifier: Option<Mod>) -> Self {
        match p {
            Some(p) => DateInfo {
                value: Some(Timex::Point(p)),
                modifier,
            },
            None => DateInfo::default(),
        }
    }

    /// The first and last day the date may cover: the value's bounds, with
    /// the open side of BEFORE/AFTER absent. A mod narrows nothing else.
    pub fn bounds(&self, present: Option<Day>) -> (Option<Day>, Option<Day>) {
        let (a, b) = match self.value {
            Some(Timex::Point(p)) => {
                let (a, b) = p.bounds();
                (Some(a), Some(b))
            }
            Some(Timex::Range(p, q)) => (Some(p.bounds().0), Some(q.bounds().1)),
            Some(Timex::PresentRef) => (present, present),
            _ => (None, None),
        };
        match self.modifier {
            Some(Mod::Before) => (None, a.map(Day::pred)),
            Some(Mod::OnOrBefore) => (None, b),
            Some(Mod::After) => (b.map(Day::succ), None),
            Some(Mod::OnOrAfter) => (a, None),
            _ => (a, b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_falls_on_the_sunday_the_tables_give() {
        // Gregorian: the earliest (1818) and latest (1943) possible, and
        // years of the corpus; Julian: 1066 (the Norman conquest's year).
        for (year, day) in [
            (1818, "1818-03-22"),
            (1943, "1943-04-25"),
            (1916, "1916-04-23"),
            (1945, "1945-04-01"),
            (2000, "2000-04-23"),
            (2024, "2024-03-31"),
            (1066, "1066-04-16"),
        ] {
            let easter = Day::easter(year).unwrap();
            assert_eq!(easter, Day::parse(day).unwrap(), "{year}");
            // (weekday() counts Gregorian days: a Julian Sunday is not one)
            if year >= 1583 {
                assert_eq!(easter.weekday(), 6, "{year}: not a Sunday");
            }
        }
        assert_eq!(Day::easter(300), None);
    }

    #[test]
    fn values_and_bounds() {
        let d = |s| Day::parse(s).unwrap();
        let cases: &[(Period, &str, &str, &str)] = &[
            (
                Period::Day(d("1950-02-14")),
                "1950-02-14",
                "1950-02-14",
                "1950-02-14",
            ),
            (
                Period::Month(1950, 2),
                "1950-02",
                "1950-02-01",
                "1950-02-28",
            ),
            (
                Period::Month(1952, 2),
                "1952-02",
                "1952-02-01",
                "1952-02-29",
            ),
            (Period::Year(1945), "1945", "1945-01-01", "1945-12-31"),
            (Period::Decade(195), "195", "1950-01-01", "1959-12-31"),
            (Period::Century(19), "19", "1900-01-01", "1999-12-31"),
            (
                Period::Season(1951, Season::Spring),
                "1951-SP",
                "1951-03-01",
                "1951-05-31",
            ),
            (
                Period::Season(1950, Season::Winter),
                "1950-WI",
                "1950-12-01",
                "1951-02-28",
            ),
            (
                Period::Quarter(1950, 4),
                "1950-Q4",
                "1950-10-01",
                "1950-12-31",
            ),
            (Period::Year(-43), "BC0044", "-0043-01-01", "-0043-12-31"),
            (
                Period::Weekend(1951, 5),
                "1951-W05-WE",
                "1951-02-03",
                "1951-02-04",
            ),
        ];
        for &(p, value, first, last) in cases {
            assert_eq!(p.to_string(), value);
            let (a, b) = p.bounds();
            assert_eq!(
                (a.to_string(), b.to_string()),
                (first.to_string(), last.to_string()),
                "{value}"
            );
        }
    }

    #[test]
    fn day_arithmetic_round_trips() {
        for n in [-800_000i64, -1, 0, 1, 7_000, 30_000] {
            assert_eq!(Day::from_days(n).to_days(), n);
        }
        assert_eq!(Day::parse("1951-02-02").unwrap().weekday(), 4); // a Friday
        assert_eq!(Day::parse("1951-02-02").unwrap().iso_week(), (1951, 5));
        assert_eq!(
            Day::parse("1950-03-01").unwrap().pred().to_string(),
            "1950-02-28"
        );
    }

    #[test]
    fn before_and_after_leave_the_open_side_absent() {
        let info = DateInfo {
            value: Some(Timex::Point(Period::Year(1950))),
            modifier: Some(Mod::Before),
        };
        let (a, b) = info.bounds(None);
        assert_eq!(
            (a, b.map(|d| d.to_string())),
            (None, Some("1949-12-31".into()))
        );
    }
}
