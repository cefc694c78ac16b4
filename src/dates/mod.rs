//! Dates: the grammar's text ([`patterns`]), the grammar that finds calendar
//! expressions in a chunk ([`DateGrammar`]) with the context tests and joins
//! it applies, the typed values they normalise to ([`value`]), and the
//! narrative [`Anchor`] that completes expressions without a year in document
//! order, as HeidelTime's narrative mode does.

mod context;
pub mod grammar;
mod join;
pub mod lexicon;
pub mod patterns;
mod scout;
pub mod value;

pub use grammar::{DateExpr, DateGrammar, DateMatch, Unit, YearPart};
pub use value::{DateInfo, Day, Mod, Period, Season, Timex};

/// The reference time of a document as its dates are read in order: the
/// document's own date, and the last explicit date the text named.
#[derive(Clone, Debug, Default)]
pub struct Anchor {
    doc_date: Option<Day>,
    current: Option<Period>,
    /// The year of the last month, season or day written with its year, and
    /// the line (paragraph) it was written in: it holds to the line's end.
    explicit_year: Option<i32>,
    explicit_line: u64,
    /// Order of numeric dates in this document, once a date has shown it:
    /// `true` for month/day ("2/14/1950"), `false` for day/month.
    month_first: Option<bool>,
    /// A year or month named in passing in the middle of a sentence ("... for
    /// a campaign planned in 1976") holds only to the sentence's end: the
    /// reference and explicit year it replaced, and the sentence.
    aside: Option<(Option<Period>, Option<i32>, u64)>,
    /// The year of the last aside, until a date moves the narrative outright:
    /// a year named in passing again in a later sentence is where the text
    /// has gone ("operations for 1777 ... after the 1777 campaign").
    last_aside: Option<i32>,
    /// The day of the last dateline ("Washington, November 11, 1903."): the
    /// month of writing for "the 7th instant" in a text without a date.
    dateline: Option<Day>,
}

/// Where a date stands in its document, for [`Anchor::resolve_at`].
#[derive(Clone, Copy, Debug)]
pub struct Position {
    /// The sentence's index in the document.
    pub sentence: u64,
    /// Whether the date opens its sentence (at most a few words before it:
    /// "In 1945, ...", "By early 1943 ...").
    pub opens_sentence: bool,
    /// Whether "until" or "till" comes before the date in its clause ("an
    /// assault that lasted until the fall of Budapest in February 1945").
    pub until: bool,
    /// The line's index in the document (a paragraph, in most texts).
    pub line: u64,
    /// Whether the date's sentence is the first under a heading (a short
    /// line set apart by blank lines): the text may have moved on.
    pub after_heading: bool,
    /// Whether the date is all a parenthesis holds ("the Civil Constitution
    /// of the Clergy (1790)", "Stalin (1878–1953)").
    pub in_parentheses: bool,
    /// Whether the date stands as a dateline does: it ends its line, after
    /// no more than capitalised words ("Washington, November 11, 1903.",
    /// "Lecompton, January 14, 1858—3 p.m."); a day so placed is the month
    /// of writing for "the 7th instant".
    pub dateline: bool,
    /// Whether "since" comes right before the date ("part of the empire
    /// since 513 BC").
    pub since: bool,
}

impl Anchor {
    /// An anchor for a document with an optional date of its own.
    pub fn new(doc_date: Option<Day>) -> Self {
        Anchor {
            doc_date,
            current: None,
            explicit_year: None,
            explicit_line: 0,
            month_first: None,
            aside: None,
            last_aside: None,
            dateline: None,
        }
    }

    /// The document's own date.
    pub fn doc_date(&self) -> Option<Day> {
        self.doc_date
    }

    /// What a relative expression counts from: the writer's present (the
    /// document's date) for a deictic one, else the narrative's reference.
    fn counted_from(&self, deictic: bool) -> Option<Period> {
        match self.doc_date {
            Some(d) if deictic => Some(Period::Day(d)),
            _ => self.reference(),
        }
    }

    /// The reference period: the last explicit date, else the document date.
    fn reference(&self) -> Option<Period> {
        self.current.or(self.doc_date.map(Period::Day))
    }

    /// Resolves an expression read at this point of the document, and moves
    /// the narrative on when the expression names a date of its own (as if
    /// every date opened a sentence: see [`Anchor::resolve_at`]).
    pub fn resolve(&mut self, expr: DateExpr) -> DateInfo {
        self.resolve_at(
            expr,
            Position {
                sentence: 0,
                opens_sentence: true,
                until: false,
                line: 0,
                after_heading: false,
                in_parentheses: false,
                dateline: false,
                since: false,
            },
        )
    }

    /// Whether a date read at `pos` leaves the narrative where it was: a
    /// look back in the middle of a sentence ("the gains of the previous
    /// year", "two years earlier"); a day of the month of writing ("the 28th
    /// ultimo"); an earlier date after a mid-sentence "since" ("since 513
    /// BC" looks back from the story's time); a year in parentheses, which
    /// dates a thing named before it ("the Civil Constitution of the Clergy
    /// (1790)").
    fn stays_put(&self, expr: DateExpr, pos: Position, info: &DateInfo) -> bool {
        let mid_sentence = !pos.opens_sentence;
        let looks_back = matches!(expr, DateExpr::Relative { offset, .. } if offset < 0);
        let earlier = |p: Period| self.current.is_some_and(|c| p.year() < c.year());
        looks_back && mid_sentence
            || matches!(expr, DateExpr::DayOfWritingMonth { .. })
            || pos.since
                && mid_sentence
                && info
                    .value
                    .is_some_and(|v| matches!(v, Timex::Point(p) if earlier(p)))
            || pos.in_parentheses
                && matches!(
                    info.value,
                    Some(
                        Timex::Point(Period::Year(_))
                            | Timex::Range(Period::Year(_), Period::Year(_))
                    )
                )
    }

    /// Resolves an expression read at `pos`, and moves the narrative on when
    /// the expression names a date of its own. A year in the middle of a
    /// sentence, after a day or month of another year (or a month or day of
    /// an earlier year, or a date after "until"), is an aside: it moves the
    /// narrative only until the sentence ends ("On 10 March 1975 Dung
    /// attacked, ahead of a campaign planned for 1976. ... on 11 March"; "It
    /// is recalled Nor Kor attacked June '50.").
    pub fn resolve_at(&mut self, expr: DateExpr, pos: Position) -> DateInfo {
        if let Some((current, year, sentence)) = self.aside {
            if sentence != pos.sentence {
                // A shift that opens the next sentence counts from the date
                // just named, which so becomes the narrative's ("... on May
                // 23. Fifteen months later ...").
                // "that year", "August of that year" after an aside that
                // named a year are that year ("stalemated by 1940. In
                // August of that year"); a day in an aside is rarely the
                // day "the same day" means.
                let year_aside = matches!(self.current, Some(Period::Year(_)));
                let counts_on = match expr {
                    DateExpr::Relative {
                        deictic: false,
                        offset,
                        unit,
                        ..
                    } => offset != 0 || year_aside && unit == Unit::Year,
                    DateExpr::InRelativeYear { .. } => year_aside,
                    _ => false,
                };
                if !counts_on {
                    self.current = current;
                    self.explicit_year = year;
                }
                self.aside = None;
            }
        }
        // A dated text's year named in one paragraph does not carry into the
        // next ("In 2011, the council ... .\n On Feb. 28 the bank ...").
        if self.explicit_line != pos.line {
            self.explicit_year = None;
        }
        let explicit = matches!(expr, DateExpr::Absolute(_) | DateExpr::Numeric { .. });
        let same_period = matches!(
            expr,
            DateExpr::Relative {
                offset: 0,
                deictic: false,
                ..
            }
        );
        // A date without a year later in the sentence of an aside that
        // named only a year belongs to the narrative ("declassified in 2005,
        // revealed that there was no attack on 4 August": 1964); after a
        // month or day it is the aside's ("in December 1914 ...
        // positions in winter").
        let year_aside = matches!(self.current, Some(Period::Year(_)));
        let info = match self.aside {
            Some((narrative, year, _)) if !explicit && year_aside => {
                let aside = (self.current, self.explicit_year);
                (self.current, self.explicit_year) = (narrative, year);
                let info = self.value_of(expr);
                (self.current, self.explicit_year) = aside;
                info
            }
            _ => self.value_of(expr),
        };
        if let (true, Some(Timex::Point(Period::Day(d)))) = (pos.dateline, info.value) {
            self.dateline = Some(d);
        }
        if self.stays_put(expr, pos, &info) {
            return info;
        }
        if let Some(p) = info.value.and_then(|v| match v {
            Timex::Point(p) => Some(p),
            Timex::Range(_, b) => Some(b),
            _ => None,
        }) {
            // "that year", "early in the month" name the narrative's own
            // period again: a day or month already inside it stays the
            // narrative's present.
            let names_current = same_period && self.current.is_some_and(|c| within(c, p));
            if !matches!(p, Period::Century(_) | Period::Decade(_)) {
                // An aside: in the middle of a sentence, after a day, month
                // or season, the end of a span ("until ..."), a year of
                // another year or a month or day of an earlier one ("in May
                // 1863" after December 1862 moves the text on).
                let dated = self.current.filter(|c| {
                    matches!(c, Period::Day(_) | Period::Month(..) | Period::Season(..))
                });
                let new_sentence = self.aside.is_none();
                // The year of the last aside again: see `last_aside`.
                let named_again = new_sentence && self.last_aside == Some(p.year());
                // Nor the first date of a new section.
                let aside = !(pos.opens_sentence || named_again || pos.after_heading)
                    && dated.is_some_and(|c| {
                        // The end of a span ("lasted until February 1945").
                        pos.until
                            || match p {
                                Period::Year(y) => c.year() != y,
                                Period::Month(..) | Period::Day(_) => p.year() < c.year(),
                                _ => false,
                            }
                    });
                // The rest of the sentence stays in the aside ("... June '50
                // and Oct '50. On June 20 ...").
                if aside && new_sentence {
                    self.aside = Some((self.current, self.explicit_year, pos.sentence));
                }
                if aside {
                    self.last_aside = Some(p.year());
                } else if new_sentence {
                    self.last_aside = None;
                }
                if !names_current {
                    self.current = Some(p);
                }
                // A date written with its year moves the text ("In Oct 1950
                // ... Nov", "In 1945 ... on August 14"); a year that only
                // qualifies a noun ("the 1982 law") does not.
                if explicit {
                    self.explicit_year = Some(p.year());
                    self.explicit_line = pos.line;
                }
            }
        }
        info
    }

    fn value_of(&mut self, expr: DateExpr) -> DateInfo {
        let unknown = DateInfo::default();
        match expr {
            DateExpr::Absolute(info) => info,
            DateExpr::BackgroundYear(y) => DateInfo::point(Period::Year(y)),
            DateExpr::Unknown => unknown,
            // The day of the narrative's month (or the document's).
            DateExpr::DayOfMonth { day, modifier } => {
                let month = match self.reference() {
                    Some(Period::Day(d)) => Some((d.year, d.month)),
                    Some(Period::Month(y, m)) => Some((y, m)),
                    _ => None,
                };
                DateInfo::at(
                    month
                        .and_then(|(y, m)| Day::new(y, m, day))
                        .map(Period::Day),
                    modifier,
                )
            }
            DateExpr::CenturyTurn => DateInfo::at(
                self.reference()
                    .filter(|r| {
                        !matches!(r, Period::Century(_) | Period::Decade(_)) && r.year() > 0
                    })
                    .map(|r| Period::Century((r.year() + 50).div_euclid(100))),
                Some(Mod::Start),
            ),
            // The month of writing: the document's, else the last
            // dateline's; none if neither is known.
            DateExpr::DayOfWritingMonth { day, months } => {
                let day = self.doc_date.or(self.dateline).and_then(|d| {
                    match shift(Period::Day(d), Unit::Month, months.into())? {
                        Period::Month(y, m) => Day::new(y, m, day),
                        _ => None,
                    }
                });
                DateInfo::at(day.map(Period::Day), None)
            }
            // (Easter falls from March 22 to April 25: the feast's year is
            // the year a day in April would have.)
            DateExpr::Feast { offset, ahead } => DateInfo::at(
                self.year_for(4, 10, ahead)
                    .and_then(Day::easter)
                    .map(|d| Period::Day(d.add_days(offset.into()))),
                None,
            ),
            DateExpr::Present => DateInfo {
                value: Some(Timex::PresentRef),
                modifier: None,
            },
            DateExpr::Numeric { a, b, year } => {
                let month_first = if a > 12 {
                    Some(false)
                } else if b > 12 {
                    Some(true)
                } else {
                    self.month_first
                };
                let Some(mf) = month_first else {
                    return unknown;
                };
                self.month_first = Some(mf);
                let (m, d) = if mf { (a, b) } else { (b, a) };
                DateInfo::at(Day::new(year, m, d).map(Period::Day), None)
            }
            DateExpr::MonthDay {
                month,
                day,
                modifier,
                ahead,
            } => DateInfo::at(
                self.year_for(month, day, ahead)
                    .and_then(|y| Day::new(y, month, day))
                    .map(Period::Day),
                modifier,
            ),
            DateExpr::Month {
                month,
                modifier,
                deictic,
                narrative,
                ahead,
            } => {
                // "last June", "next May" from the document's date; "the
                // previous April" from the narrative's day or month.
                let from = match (narrative, self.current) {
                    (false, _) => self.doc_date.map(|d| (d.year, d.month)),
                    (true, Some(Period::Day(d))) => Some((d.year, d.month)),
                    (true, Some(Period::Month(y, m))) => Some((y, m)),
                    (true, _) => None,
                };
                let year = match (deictic, from) {
                    (Some(dir), Some((y, m))) => Some(match dir {
                        -1 if month < m => y,
                        -1 => y - 1,
                        1 if month > m => y,
                        1 => y + 1,
                        _ => y,
                    }),
                    (Some(_), None) if narrative => None,
                    _ => self.year_for(month, 15, ahead),
                };
                DateInfo::at(year.map(|y| Period::Month(y, month)), modifier)
            }
            DateExpr::Season {
                season,
                modifier,
                dir,
                deictic,
            } => DateInfo::at(
                self.counted_from(deictic)
                    .and_then(|r| season_year(r, season, dir))
                    .map(|y| Period::Season(y, season)),
                modifier,
            ),
            DateExpr::Relative {
                unit,
                offset,
                deictic,
                modifier,
            } => DateInfo::at(
                self.counted_from(deictic)
                    .and_then(|r| shift(r, unit, offset)),
                modifier,
            ),
            DateExpr::InRelativeYear { part, offset } => {
                let year = self
                    .reference()
                    .and_then(|r| shift(r, Unit::Year, offset))
                    .map(|p| p.year());
                let period = year.and_then(|y| match part {
                    YearPart::Day(m, d) => Day::new(y, m, d).map(Period::Day),
                    YearPart::Month(m) => Some(Period::Month(y, m)),
                    YearPart::Season(s) => Some(Period::Season(y, s)),
                });
                DateInfo::at(period, None)
            }
            DateExpr::Weekday { weekday, dir } => {
                DateInfo::at(self.weekday(weekday, dir).map(Period::Day), None)
            }
            // The weekend of the Saturday the same words would name; on a
            // Friday, "the week-end" is the coming one.
            DateExpr::Weekend { dir } => {
                let friday = self.doc_date.is_some_and(|d| d.weekday() == 4);
                let dir = if dir == 0 && friday { 2 } else { dir };
                let weekend = self.weekday(5, dir).map(|d| {
                    let (y, w) = d.iso_week();
                    Period::Weekend(y, w)
                });
                DateInfo::at(weekend, None)
            }
        }
    }

    /// The year of a month and day named without one: the reference year,
    /// moved back when that would put the date well after the document's
    /// date (writers look back from it; `ahead`, in a clause about the
    /// future, they look forward: a day well before the document's date is
    /// next year's, but a day just before it may be a reference: "(Embtel
    /// June 11) it will"), or forward when far behind the reference day (the
    /// narrative has turned the year).
    fn year_for(&self, month: u8, day: u8, ahead: bool) -> Option<i32> {
        // A dated document's "June 25" counts from its date, unless the text
        // has moved to another year by a date written in full.
        let (r, from_doc) = match self.doc_date {
            Some(d) if self.explicit_year.is_none_or(|y| y == d.year) => (Period::Day(d), true),
            _ => (self.reference()?, false),
        };
        if matches!(r, Period::Century(_) | Period::Decade(_)) {
            return None;
        }
        let year = r.year();
        let Period::Day(rd) = r else {
            return Some(year);
        };
        let cand = Day::new(year, month, day.min(value::days_in_month(year, month)))?;
        let diff = cand.to_days() - rd.to_days();
        // A document looks back from its date; a narrative moves on, so
        // its "December" after "13 August" is the same year's.
        Some(if from_doc && ahead {
            if diff < -45 {
                year + 1
            } else {
                year
            }
        } else if from_doc && diff > 75 {
            year - 1
        } else if diff < -290 {
            year + 1
        } else {
            year
        })
    }

    /// The day a weekday names: from the document's date, the last such day
    /// on or before it (news reports the past); in a narrative without one,
    /// the next such day on or after the current day; in a sentence about the
    /// future, the next on or after the document's date. "last" and "next"
    /// move a week away from that day.
    fn weekday(&self, weekday: u8, dir: i8) -> Option<Day> {
        let (from, forward) = match (self.doc_date, self.current) {
            (Some(d), _) => (d, dir > 0),
            (None, Some(Period::Day(d))) => (d, dir >= 0),
            _ => return None,
        };
        let delta = (weekday as i64 - from.weekday() as i64).rem_euclid(7);
        Some(match (forward, dir) {
            (true, _) if delta == 0 && dir == 1 => from.add_days(7),
            (true, _) => from.add_days(delta),
            (false, -1) if delta == 0 => from.add_days(-7),
            (false, _) => from.add_days(if delta == 0 { 0 } else { delta - 7 }),
        })
    }
}

/// Whether period `inner` lies inside `outer`.
fn within(inner: Period, outer: Period) -> bool {
    let (a, b) = inner.bounds();
    let (c, d) = outer.bounds();
    c <= a && b <= d
}

/// The year of a season `dir` seasons away from `r`: "last summer" written in
/// March 2013 is 2012's, in September 2013's; "the following spring" after
/// 1950 is 1951's. A winter is named by the year it starts in.
fn season_year(r: Period, season: Season, dir: i8) -> Option<i32> {
    let month = match r {
        Period::Century(_) | Period::Decade(_) => return None,
        Period::Day(d) => Some(d.month),
        Period::Month(_, m) => Some(m),
        _ => None,
    };
    let year = r.year();
    let Some(m) = month else {
        return Some(year + dir as i32);
    };
    let start = season.start_month() as i32;
    let m = m as i32;
    // A January or February belongs to the winter that began in December.
    let (m, year) = if m <= 2 && season == Season::Winter {
        (m + 12, year - 1)
    } else {
        (m, year)
    };
    Some(match dir {
        -1 if start + 3 <= m => year,
        -1 => year - 1,
        1 if start > m => year,
        1 => year + 1,
        _ => year,
    })
}

/// The century a year lies in, as [`Period::Century`] counts it: 1950 in
/// 19, 480 BC (year -479) in -5 (500–401 BC).
fn century_of(year: i32) -> i32 {
    if year > 0 {
        year / 100
    } else {
        -((100 - year) / 100)
    }
}

/// `r` moved by `offset` units, at the unit's precision.
fn shift(r: Period, unit: Unit, offset: i64) -> Option<Period> {
    let offset32 = offset as i32;
    match (unit, r) {
        (Unit::Century, Period::Century(c)) => Some(Period::Century(c + offset32)),
        (Unit::Century, Period::Decade(d)) if d >= 0 => Some(Period::Century(d / 10 + offset32)),
        (Unit::Decade, Period::Decade(d)) if d >= 0 => Some(Period::Decade(d + offset32)),
        (_, Period::Century(_) | Period::Decade(_)) => None,
        (Unit::Century, r) => Some(Period::Century(century_of(r.year()) + offset32)),
        // Decades of the common era only.
        (Unit::Decade, r) if r.year() < 1 => None,
        (Unit::Decade, r) => Some(Period::Decade(r.year() / 10 + offset32)),
        (Unit::Year, r) => Some(Period::Year(r.year() + offset32)),
        (Unit::Month, Period::Month(y, m))
        | (
            Unit::Month,
            Period::Day(Day {
                year: y, month: m, ..
            }),
        ) => {
            let total = y as i64 * 12 + (m as i64 - 1) + offset;
            Some(Period::Month(
                total.div_euclid(12) as i32,
                (total.rem_euclid(12) + 1) as u8,
            ))
        }
        (Unit::Day, Period::Day(d)) => Some(Period::Day(d.add_days(offset))),
        (Unit::Week, Period::Day(d)) => {
            let (y, w) = d.add_days(7 * offset).iso_week();
            Some(Period::Week(y, w))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(a: &mut Anchor, e: DateExpr) -> String {
        a.resolve(e).value.map_or("null".into(), |v| v.to_string())
    }

    #[test]
    fn narrative_resolution() {
        let mut a = Anchor::new(Day::parse("1951-02-01"));
        let md = |month, day| DateExpr::MonthDay {
            month,
            day,
            modifier: None,
            ahead: false,
        };
        // "June 25" in a February 1951 memo is the past June.
        assert_eq!(value(&mut a, md(6, 25)), "1950-06-25");
        let mut a = Anchor::new(Day::parse("1951-06-15"));
        assert_eq!(value(&mut a, md(6, 20)), "1951-06-20");
        let mut a = Anchor::new(None);
        assert_eq!(
            value(&mut a, md(6, 20)),
            "null",
            "no anchor: never invented"
        );
        a.resolve(DateExpr::Absolute(DateInfo::point(Period::Year(1945))));
        assert_eq!(value(&mut a, md(7, 26)), "1945-07-26");
        assert_eq!(
            value(
                &mut a,
                DateExpr::Relative {
                    unit: Unit::Year,
                    offset: 2,
                    deictic: false,
                    modifier: None,
                }
            ),
            "1947"
        );
        assert_eq!(
            value(
                &mut a,
                DateExpr::Relative {
                    unit: Unit::Day,
                    offset: 1,
                    deictic: false,
                    modifier: None,
                }
            ),
            "null"
        );
    }

    #[test]
    fn numeric_order_is_learnt_not_guessed() {
        let mut a = Anchor::new(None);
        assert_eq!(
            value(
                &mut a,
                DateExpr::Numeric {
                    a: 3,
                    b: 4,
                    year: 1950
                }
            ),
            "null"
        );
        assert_eq!(
            value(
                &mut a,
                DateExpr::Numeric {
                    a: 14,
                    b: 2,
                    year: 1950
                }
            ),
            "1950-02-14"
        );
        assert_eq!(
            value(
                &mut a,
                DateExpr::Numeric {
                    a: 3,
                    b: 4,
                    year: 1950
                }
            ),
            "1950-04-03"
        );
    }
}
