//! The date grammar: one DFA, compiled from [`super::patterns`] at build
//! time, finds candidate expressions (its forward scans run over four parts
//! of a chunk at once, see `scout.rs`); the rule that matched reads its groups
//! over the match (the regex crate's bounded backtracker, which the `regex`
//! API itself uses for captures on short spans: it never visits a state at a
//! position twice, so every step is linear time); Rust code reads the groups,
//! applies the guards of `context.rs` (a year or any other number?),
//! attaches modifiers, and hands the list to `join.rs` (ranges, shared
//! years).
//!
//! What a chunk yields is a [`DateExpr`] per mention: absolute where the text
//! says everything, otherwise a partial expression that the document pass
//! ([`super::Anchor`]) completes from the document date or the narrative.

use super::context::{
    bare_season_context, continues_a_number, day_of_month_context, followed_by_unit,
    future_in_sentence, is_archival, may_end_a_prefix, month_alone_context, not_a_year_context,
    sets_the_scene, year_words_context,
};
use super::join::{days_listed_before_a_year, join_ranges, share_years};
use super::lexicon;
use super::patterns;
use super::scout::Scout;
use super::value::{DateInfo, Day, Mod, Period, Season, Timex};
use crate::text::{
    first_word, floor_char_boundary, last_word, last_word_but_one, newline_ends_sentence,
};
use regex::Regex;
use regex_automata::dfa::{self, dense::DFA, Automaton};
use regex_automata::nfa::thompson::{
    self,
    backtrack::{self, BoundedBacktracker},
    pikevm::{self, PikeVM},
};
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::Match;
use regex_automata::{Anchored, Input, PatternID};
use std::sync::OnceLock;

/// A date mention before resolution against its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateExpr {
    /// Fully stated ("February 14, 1950", "the 1950s").
    Absolute(DateInfo),
    /// A year alone that qualifies a noun rather than sets the scene ("the
    /// 1982 law", "Treaty of 1945"): stated, but the text stays in its year.
    BackgroundYear(i32),
    /// A day of a month, no year ("June 25").
    MonthDay {
        /// 1–12.
        month: u8,
        /// 1–31.
        day: u8,
        /// Modifier.
        modifier: Option<Mod>,
        /// In a clause about the future ("the vote will be held on June
        /// 25"): from the document's date, the coming one.
        ahead: bool,
    },
    /// A month, no year ("in June").
    Month {
        /// 1–12.
        month: u8,
        /// Modifier.
        modifier: Option<Mod>,
        /// "last June": -1, "next June": 1, "this June": 0, from the
        /// document's date; None for a month alone.
        deictic: Option<i8>,
        /// The direction counts from the narrative, not the document's date
        /// ("the previous April", "the following March").
        narrative: bool,
        /// A month alone in a clause about the future ("the program will run
        /// through June"): from the document's date, the coming one.
        ahead: bool,
    },
    /// A season, no year ("that spring").
    Season {
        /// Which.
        season: Season,
        /// Modifier.
        modifier: Option<Mod>,
        /// -1 for "last" or "the previous", 1 for "next" or "the following",
        /// 0 for "this", "that" or "the same".
        dir: i8,
        /// Counted from the document's date ("last summer") rather than the
        /// narrative ("the following spring").
        deictic: bool,
    },
    /// A shift from the narrative's current date ("two years later": +2 years;
    /// "that year": 0; "the previous day": -1 day).
    Relative {
        /// Unit of the shift.
        unit: Unit,
        /// Number of units.
        offset: i64,
        /// Counted from the writer's present ("last year", "two days ago",
        /// "yesterday"): the document's date when it has one. Otherwise
        /// ("the following year", "two years later") from the narrative.
        deictic: bool,
        /// Modifier ("the end of the year": END).
        modifier: Option<Mod>,
    },
    /// A month, day or season in a year named relatively ("August of that
    /// year", "July 25 of the following year", "the spring of the next year").
    InRelativeYear {
        /// What of the year is named.
        part: YearPart,
        /// Years from the narrative's year.
        offset: i64,
    },
    /// A weekday alone ("on Friday", "last Tuesday"): `dir` is -1 for "last",
    /// 1 for "next", 2 for a sentence about the future ("will meet Friday"),
    /// 0 for none.
    Weekday {
        /// Monday 0 … Sunday 6.
        weekday: u8,
        /// Direction word.
        dir: i8,
    },
    /// A weekend named from a day ("the week-end", "last weekend"): `dir` as
    /// for [`DateExpr::Weekday`].
    Weekend {
        /// Direction word.
        dir: i8,
    },
    /// A range whose start lacks the year its end gives ("from July 17 to August 2, 1945").
    Numeric {
        /// First number.
        a: u8,
        /// Second number.
        b: u8,
        /// Year.
        year: i32,
    },
    /// The document's present ("now", "today").
    Present,
    /// A day of the month a letter is written in ("the 4th instant": 0),
    /// the month before ("the 28th ultimo": -1) or after ("proximo": 1).
    DayOfWritingMonth {
        /// 1–31.
        day: u8,
        /// Months from the month of writing.
        months: i8,
    },
    /// A movable feast without a year ("on Easter Monday"), `offset` days
    /// from Easter Sunday of the narrative's year.
    Feast {
        /// Days from Easter Sunday.
        offset: i16,
        /// In a clause about the future (as for [`DateExpr::MonthDay`]).
        ahead: bool,
    },
    /// "the turn of the century": the start of the century that begins
    /// nearest the narrative's year (1900 after 1898 or 1905, 2000 after
    /// 1950).
    CenturyTurn,
    /// A day of the narrative's month ("on the 5th", "the 28th of that
    /// month").
    DayOfMonth {
        /// 1–31.
        day: u8,
        /// Modifier.
        modifier: Option<Mod>,
    },
    /// Recognised, but its value cannot be known.
    Unknown,
}

/// What of a relatively named year a date names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearPart {
    /// A month (1–12).
    Month(u8),
    /// A month and day.
    Day(u8, u8),
    /// A season.
    Season(Season),
}

/// Units of relative expressions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

/// A date mention found in a chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte offset of the start in the chunk.
    pub start: usize,
    /// Byte offset of the end (exclusive).
    pub end: usize,
    /// What it says.
    pub expr: DateExpr,
    /// Which rule found it.
    pub rule: &'static str,
}

/// The compiled date grammar. Build once; share across threads.
#[derive(Debug, Clone)]
pub struct DateGrammar {
    /// Every rule as one multi-pattern DFA without capture groups, built by
    /// `build.rs`: the scan reports where a date is and which rule matched.
    finder: Finder,
    /// Each rule's pattern, and the rule on its own with its capture groups,
    /// compiled when a match first needs it (compiling all of them took
    /// three quarters of the start-up of a one-sentence run).
    rules: Vec<(String, OnceLock<Rule>)>,
    /// The modifier phrases that may open a date ("the end of"), compiled
    /// when first needed.
    prefix: OnceLock<Regex>,
    /// Runs the finder's forward searches over the parts of a chunk at once.
    scout: Scout,
}

/// The embedded date automaton (see `build.rs`).
pub(super) type Finder = dfa::regex::Regex<DFA<&'static [u32]>>;

/// Bytes aligned for a DFA, which reads them as `u32`s.
#[repr(C, align(4))]
struct Aligned<B: ?Sized>(B);

static FORWARD: &Aligned<[u8]> =
    &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/dates-fwd.dfa")));
static REVERSE: &Aligned<[u8]> =
    &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/dates-rev.dfa")));

/// The embedded automaton, checked as it is read (a few milliseconds: it is
/// a view of the bytes, not a copy).
pub(super) fn embedded_finder() -> Finder {
    let (forward, _) = DFA::from_bytes(&FORWARD.0).expect("the embedded forward date DFA is valid");
    let (reverse, _) = DFA::from_bytes(&REVERSE.0).expect("the embedded reverse date DFA is valid");
    dfa::regex::Builder::new().build_from_dfas(forward, reverse)
}

/// One rule of the grammar, compiled to read the groups of a match the
/// finder found: a bounded backtracker (the fastest on a span this short),
/// with a PikeVM for a span too long for its visited set. Its group names are
/// few: a linear search over their [`name_key`]s beats hashing.
#[derive(Debug, Clone)]
struct Rule {
    backtracker: BoundedBacktracker,
    pikevm: PikeVM,
    names: Vec<(u64, usize)>,
}

/// A group name as one integer: a match is read by asking for a score of
/// names in turn, and comparing integers is cheaper. Names are eight bytes
/// at most ([`Rule::new`] checks), so no two share a key.
fn name_key(name: &str) -> u64 {
    name.bytes().fold(0, |k, b| k << 8 | u64::from(b))
}

/// One rule's search state (made when a chunk first meets the rule; the
/// PikeVM's only when a match is too long for the backtracker, which is rare).
struct RuleCache {
    captures: Captures,
    backtracker: backtrack::Cache,
    pikevm: Option<pikevm::Cache>,
}

impl Rule {
    fn new(pattern: &str) -> Self {
        let nfa = thompson::Compiler::new()
            .syntax(syntax::Config::new().utf8(true))
            .build(pattern)
            .expect("a date rule compiles");
        let names = nfa
            .group_info()
            .pattern_names(PatternID::ZERO)
            .enumerate()
            .filter_map(|(i, n)| Some((n?, i)))
            .map(|(n, i)| {
                assert!(n.len() <= 8, "date group name {n:?} is over 8 bytes");
                (name_key(n), i)
            })
            .collect();
        Rule {
            backtracker: BoundedBacktracker::new_from_nfa(nfa.clone())
                .expect("a date rule has a backtracker"),
            pikevm: PikeVM::new_from_nfa(nfa).expect("a date rule has a PikeVM"),
            names,
        }
    }

    fn cache(&self) -> RuleCache {
        RuleCache {
            captures: self.backtracker.create_captures(),
            backtracker: self.backtracker.create_cache(),
            pikevm: None,
        }
    }

    /// Fills `cache.captures` with the rule's groups over `input`, anchored.
    fn search(&self, input: &Input<'_>, cache: &mut RuleCache) {
        if input.get_span().len() <= self.backtracker.max_haystack_len() {
            self.backtracker
                .try_search(&mut cache.backtracker, input, &mut cache.captures)
                .expect("the span fits the backtracker");
        } else {
            let pikevm = cache
                .pikevm
                .get_or_insert_with(|| self.pikevm.create_cache());
            self.pikevm.search(pikevm, input, &mut cache.captures);
        }
    }
}

/// The groups of one rule's match.
struct Groups<'t> {
    text: &'t str,
    caps: &'t Captures,
    names: &'t [(u64, usize)],
}

/// One matched group.
#[derive(Clone, Copy)]
struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

impl<'t> Groups<'t> {
    fn get(&self, i: usize) -> Option<Group<'t>> {
        let span = self.caps.get_group(i)?;
        Some(Group {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }
    fn name(&self, name: &str) -> Option<Group<'t>> {
        let key = name_key(name);
        let &(_, i) = self.names.iter().find(|&&(k, _)| k == key)?;
        self.get(i)
    }
}

impl Default for DateGrammar {
    fn default() -> Self {
        Self::new()
    }
}

impl DateGrammar {
    /// Reads the embedded automaton (a few milliseconds); each rule is
    /// compiled for its groups when a match first needs it.
    pub fn new() -> Self {
        let finder = embedded_finder();
        DateGrammar {
            scout: Scout::new(finder.forward()),
            finder,
            rules: patterns::rules()
                .into_iter()
                .map(|p| (p, OnceLock::new()))
                .collect(),
            prefix: OnceLock::new(),
        }
    }

    /// Rule `i`, compiled.
    fn rule(&self, i: usize) -> &Rule {
        let (pattern, rule) = &self.rules[i];
        rule.get_or_init(|| Rule::new(pattern))
    }

    /// The modifier-phrase regex, compiled.
    fn prefix(&self) -> &Regex {
        self.prefix.get_or_init(|| {
            Regex::new(&patterns::prefix()).expect("the date prefix grammar compiles")
        })
    }

    /// Finds the date mentions of one chunk, in text order, into `out`.
    pub fn find(&self, text: &str, out: &mut Vec<DateMatch>) {
        out.clear();
        let mut caches: Vec<Option<RuleCache>> = (0..self.rules.len()).map(|_| None).collect();
        let mut at = 0;
        // Where the search stops: the text's end, or a line break that ends a
        // sentence inside the last match found (a date never runs over one:
        // a long text may be cut into chunks there).
        let mut end = text.len();
        let (mut searches, mut scratch) = (Vec::new(), Default::default());
        self.scout.searches(
            self.finder.forward(),
            text.as_bytes(),
            &mut searches,
            &mut scratch,
        );
        loop {
            // A search to the text's end that the scout ran: only the start
            // of its match is left to find.
            let scouted = if end == text.len() {
                let i = searches.partition_point(|f| f.from < at);
                searches.get(i).filter(|f| f.from == at)
            } else {
                None
            };
            let found = match scouted {
                Some(f) => f
                    .found
                    .map(|(e, pattern)| self.match_ending(text, at, e, pattern)),
                None => self
                    .finder
                    .try_search(&Input::new(text).span(at..end))
                    .expect("the date DFA has no quit bytes and both start kinds"),
            };
            let Some(found) = found else {
                if end == text.len() {
                    break;
                }
                (at, end) = (end + 1, text.len());
                continue;
            };
            if let Some(nl) = sentence_break_within(text, found.start(), found.end()) {
                end = nl;
                continue;
            }
            at = found.end();
            // The rule that matched, re-run with its groups over the match's
            // span only, anchored (it matches there, with the same span).
            let rule = self.rule(found.pattern().as_usize());
            let cache = caches[found.pattern().as_usize()].get_or_insert_with(|| rule.cache());
            let input = Input::new(text)
                .span(found.start()..found.end())
                .anchored(Anchored::Yes);
            rule.search(&input, cache);
            let caps = &cache.captures;
            let Some(m) = caps.get_match() else {
                continue;
            };
            debug_assert_eq!((m.start(), m.end()), (found.start(), found.end()));
            let caps = Groups {
                text,
                caps,
                names: &rule.names,
            };
            let read = (!continues_a_number(text, m.start()))
                .then(|| read(&caps, text))
                .flatten();
            let Some((expr, rule)) = read else {
                // A rejected match may hide a date that starts at its second
                // word ("last Oct. 23": not the month alone, but "Oct. 23";
                // the word ends at any white space: "0\nFebruary 14, 1950").
                if let Some((i, c)) = text[m.start()..m.end()]
                    .char_indices()
                    .find(|(_, c)| c.is_whitespace())
                {
                    at = m.start() + i + c.len_utf8();
                }
                continue;
            };
            let mut dm = DateMatch {
                start: m.start(),
                end: m.end(),
                expr,
                rule,
            };
            let floor = out.last().map_or(0, |p: &DateMatch| p.end);
            self.attach_prefix(text, floor, &mut dm);
            out.push(dm);
        }
        join_ranges(text, out);
        days_listed_before_a_year(text, out);
        share_years(text, out);
    }

    /// The match of a search from `at` whose forward scan found a match of
    /// `pattern` ending at `end`: the reverse DFA, anchored at the end, finds
    /// its start (as the finder's own search does).
    fn match_ending(&self, text: &str, at: usize, end: usize, pattern: PatternID) -> Match {
        if at == end {
            return Match::new(pattern, end..end);
        }
        let input = Input::new(text)
            .span(at..end)
            .anchored(Anchored::Yes)
            .earliest(false);
        let start = self
            .finder
            .reverse()
            .try_search_rev(&input)
            .expect("the reverse date DFA has no quit bytes")
            .expect("a forward match has a start");
        Match::new(pattern, start.offset()..end)
    }

    /// Extends a match over a modifier phrase before it (never back past
    /// `floor`, the end of the previous match) and sets the mod.
    fn attach_prefix(&self, text: &str, floor: usize, dm: &mut DateMatch) {
        if matches!(
            dm.expr,
            DateExpr::Weekday { .. }
                | DateExpr::Weekend { .. }
                | DateExpr::Present
                | DateExpr::Unknown
        ) {
            return;
        }
        let mut window_start = floor_char_boundary(text, dm.start.saturating_sub(40).max(floor));
        // Not over a line break that ends a sentence ("the end of\n1945").
        while let Some(nl) = sentence_break_within(text, window_start, dm.start) {
            window_start = nl + 1;
        }
        let window = &text[window_start..dm.start];
        if !may_end_a_prefix(window) {
            return;
        }
        let Some(c) = self.prefix().captures(window) else {
            return;
        };
        let m = c.get(0).expect("group 0");
        let modifier = if let Some(p) = c.name("phrase") {
            let p = p.as_str();
            Some(
                if p.contains("beginning")
                    || p.starts_with("start")
                    || p.starts_with("first")
                    || p.starts_with("opening")
                    || p.starts_with("early")
                    || p.starts_with("turn")
                {
                    Mod::Start
                } else if p.starts_with("middle") {
                    Mod::Mid
                } else {
                    Mod::End
                },
            )
        } else if let Some(e) = c.name("eml") {
            Some(match e.as_str().to_ascii_lowercase().as_str() {
                "early" => Mod::Start,
                "late" => Mod::End,
                _ => Mod::Mid,
            })
        } else if c.name("approx").is_some() {
            // "about two years later" is approximate; "about next year",
            // "about tomorrow" speak of the time, and "about" stays outside.
            if matches!(dm.expr, DateExpr::Relative { .. })
                && !counts_units(&text[dm.start..dm.end])
            {
                return;
            }
            Some(Mod::Approx)
        } else if c.name("before").is_some() || c.name("after").is_some() {
            // "before 1950", "since 1945": the preposition stays outside the span.
            return;
        } else {
            None
        };
        if let Some(md) = modifier {
            set_mod(&mut dm.expr, md);
        }
        dm.start = window_start + m.start();
    }
}

/// Whether a relative expression counts units from its anchor ("two years
/// later", "three days ago") rather than naming one ("next year").
fn counts_units(span: &str) -> bool {
    let last = span.rsplit([' ', '\t', '\n']).next().unwrap_or(span);
    matches!(
        last,
        "ago" | "later" | "earlier" | "before" | "after" | "afterward" | "afterwards"
    )
}

fn set_mod(expr: &mut DateExpr, md: Mod) {
    match expr {
        DateExpr::Absolute(info) => info.modifier = Some(md),
        // "early 1950" sets the scene.
        DateExpr::BackgroundYear(y) => {
            *expr = DateExpr::Absolute(DateInfo {
                value: Some(Timex::Point(Period::Year(*y))),
                modifier: Some(md),
            })
        }
        DateExpr::MonthDay { modifier, .. }
        | DateExpr::Relative { modifier, .. }
        | DateExpr::DayOfMonth { modifier, .. }
        | DateExpr::Month { modifier, .. }
        | DateExpr::Season { modifier, .. } => *modifier = Some(md),
        _ => {}
    }
}

fn num<T: std::str::FromStr>(caps: &Groups<'_>, name: &str) -> Option<T> {
    caps.name(name).and_then(|m| m.as_str().parse().ok())
}

/// The day in group `name` ("14", "14th"), or in its word twin `name` + "w"
/// ("the fourteenth of May").
fn day(caps: &Groups<'_>, name: &str) -> Option<u8> {
    num(caps, name).or_else(|| {
        let word = match name {
            "d2" => "d2w",
            "d9" => "d9w",
            _ => return None,
        };
        u8::try_from(lexicon::ordinal(caps.name(word)?.as_str())?).ok()
    })
}

fn month(caps: &Groups<'_>, name: &str) -> Option<u8> {
    caps.name(name)
        .and_then(|m| lexicon::month_number(m.as_str()))
}

pub(super) fn abs(p: Period) -> DateExpr {
    DateExpr::Absolute(DateInfo::point(p))
}

pub(super) fn range(a: Period, b: Period) -> DateExpr {
    DateExpr::Absolute(DateInfo {
        value: Some(Timex::Range(a, b)),
        modifier: None,
    })
}

fn dmod(word: Option<Group<'_>>) -> Option<Mod> {
    word.map(|w| match w.as_str() {
        "early" => Mod::Start,
        "late" => Mod::End,
        _ => Mod::Mid,
    })
}

/// Expands a two-digit second year ("1950–53") against the first.
fn second_year(first: i32, second: &str) -> Option<i32> {
    let n: i32 = second.parse().ok()?;
    let y = if second.len() == 2 {
        let century = first / 100 * 100;
        let mut y = century + n;
        if y < first {
            y += 100;
        }
        y
    } else {
        n
    };
    (y > first && y - first < 200).then_some(y)
}

/// Reads one regex match into an expression, or rejects it.
fn read(caps: &Groups<'_>, text: &str) -> Option<(DateExpr, &'static str)> {
    let m = caps.get(0)?;
    for (mo, d, db, y, rule, range_rule) in [
        ("m1", "d1", "d1b", "y1", "date:mdy", "date:mdy-range"),
        ("m2", "d2", "d2b", "y2", "date:dmy", "date:dmy-range"),
    ] {
        if let Some(month) = month(caps, mo) {
            let (y, d) = (num::<i32>(caps, y)?, day(caps, d)?);
            let a = Day::new(y, month, d)?;
            return Some(match num::<u8>(caps, db) {
                Some(d2) => (
                    range(Period::Day(a), Period::Day(Day::new(y, month, d2)?)),
                    range_rule,
                ),
                None => (abs(Period::Day(a)), rule),
            });
        }
    }
    if let Some(iso) = caps.name("iso") {
        return Some((abs(Period::Day(Day::parse(iso.as_str())?)), "date:iso"));
    }
    if let Some(n1) = num::<u8>(caps, "n1") {
        if is_archival(text, m.start(), m.end()) {
            return None;
        }
        let n2 = num::<u8>(caps, "n2")?;
        let y3 = caps.name("n3")?.as_str();
        let year: i32 = if y3.len() == 2 {
            1900 + y3.parse::<i32>().ok()?
        } else {
            y3.parse().ok()?
        };
        return Some((DateExpr::Numeric { a: n1, b: n2, year }, "date:numeric"));
    }
    if let Some(rm) = caps.name("rm") {
        let day = Day::new(
            num(caps, "ry")?,
            lexicon::roman_month(rm.as_str())?,
            num(caps, "rd")?,
        )?;
        return Some((abs(Period::Day(day)), "date:roman-month"));
    }
    if let Some(ma) = month(caps, "m6a") {
        let (mb, y) = (month(caps, "m6b")?, num::<i32>(caps, "y6")?);
        return Some((
            range(Period::Month(y, ma), Period::Month(y, mb)),
            "date:month-range",
        ));
    }
    if let Some(m7) = month(caps, "m7") {
        let y = match num::<i32>(caps, "y7") {
            Some(y) => y,
            None => 1900 + num::<i32>(caps, "y7s")?,
        };
        return Some((abs(Period::Month(y, m7)), "date:month-year"));
    }
    if let Some(m8) = month(caps, "m8") {
        let d = num::<u8>(caps, "d8")?;
        Day::new(2000, m8, d)?;
        if followed_by_unit(text, m.end()) {
            return None;
        }
        return Some((
            DateExpr::MonthDay {
                month: m8,
                day: d,
                modifier: None,
                ahead: future_in_sentence(text, m.start(), m.end()),
            },
            "date:month-day",
        ));
    }
    if let Some(m9) = month(caps, "m9") {
        let d = day(caps, "d9")?;
        Day::new(2000, m9, d)?;
        if m9 == 5
            && caps.name("m9")?.as_str() == "May"
            && !text[m.end()..].starts_with([' ', ',', '.', ';', ')', '\n'])
            && m.end() < text.len()
        {
            return None;
        }
        return Some((
            DateExpr::MonthDay {
                month: m9,
                day: d,
                modifier: None,
                ahead: future_in_sentence(text, m.start(), m.end()),
            },
            "date:day-month",
        ));
    }
    if let Some(s) = caps.name("s10") {
        let season = lexicon::season(s.as_str())?;
        let y: i32 = match num(caps, "y10") {
            Some(y) => y,
            None => 1900 + num::<i32>(caps, "y10s")?,
        };
        if let Some(y2) = caps.name("y10b") {
            let y2 = second_year(y, y2.as_str())?;
            if season == Season::Winter && y2 == y + 1 {
                return Some((abs(Period::Season(y, season)), "date:season-year"));
            }
            return Some((
                range(Period::Season(y, season), Period::Season(y2, season)),
                "date:season-range",
            ));
        }
        return Some((abs(Period::Season(y, season)), "date:season-year"));
    }
    if let Some(d) = num::<i32>(caps, "dec") {
        // "the 1800s" is the century (1800–1899), unless it stands beside
        // other decades ("the 1900s and 1910s", "the 1890s–1900s"); "the
        // 2000s" is the decade.
        if d % 100 == 0
            && d < 2000
            && decade_before(&text[..m.start()]).is_none()
            && !decade_follows(&text[m.end()..])
        {
            return Some((
                with_mod(abs(Period::Century(d / 100)), dmod(caps.name("dmod"))),
                "date:century",
            ));
        }
        return Some((
            with_mod(abs(Period::Decade(d / 10)), dmod(caps.name("dmod"))),
            "date:decade",
        ));
    }
    if let Some(d) = num::<i32>(caps, "dec2") {
        // "the '50s" is of the 1900s; a bare "'70s" only after another
        // decade ("the 1860s and '70s"), whose century it shares.
        // ("the 1890s–'00s" runs on into the next). Without the
        // apostrophe, only after another decade ("the 1940s and 50s", not
        // "in his 50s", "temperatures in the 50s").
        let quoted = caps.name("dec2q").is_some();
        let glued = text[..m.start()].ends_with(|c: char| c.is_alphanumeric());
        let earlier = decade_before(&text[..m.start()]);
        if !quoted && (glued || earlier.is_none()) {
            return None;
        }
        let decade = match earlier {
            Some(earlier) if (earlier / 10 * 10 + d / 10) <= earlier => {
                earlier / 10 * 10 + 10 + d / 10
            }
            Some(earlier) => earlier / 10 * 10 + d / 10,
            None if m.as_str().starts_with(['T', 't']) => 190 + d / 10,
            None => return None,
        };
        return Some((
            with_mod(abs(Period::Decade(decade)), dmod(caps.name("dmod2"))),
            "date:decade",
        ));
    }
    if let Some(w) = caps.name("decw") {
        let d = lexicon::decade_word(w.as_str())?;
        return Some((
            with_mod(abs(Period::Decade(d)), dmod(caps.name("dmod3"))),
            "date:decade",
        ));
    }
    if caps.name("cn").is_some() || caps.name("cw").is_some() {
        let n: i32 = match num::<i32>(caps, "cn") {
            Some(n) => n,
            None => lexicon::ordinal(caps.name("cw")?.as_str())?,
        };
        if !(1..=21).contains(&n) {
            return None;
        }
        let bc = caps
            .name("cera")
            .is_some_and(|e| e.as_str().starts_with('B'));
        let c = if bc { -n } else { n - 1 };
        let second = match num::<i32>(caps, "cn2") {
            Some(n) => Some(n),
            None => caps.name("cw2").and_then(|w| lexicon::ordinal(w.as_str())),
        };
        let expr = match second {
            // "the seventeenth and eighteenth centuries", "the fifth to
            // third centuries BC": one span, a range of centuries.
            Some(n2) => {
                let c2 = if bc { -n2 } else { n2 - 1 };
                if !(1..=21).contains(&n2) || c2 <= c {
                    return None;
                }
                // (a mod, "the late 19th and early 20th centuries", names
                // one end only)
                range(Period::Century(c), Period::Century(c2))
            }
            None => with_mod(abs(Period::Century(c)), dmod(caps.name("cmod"))),
        };
        return Some((expr, "date:century"));
    }
    if let Some(era) = caps.name("era").or(caps.name("era2")) {
        let y: i32 = num(caps, "ey").or(num(caps, "ey2"))?;
        if y == 0 {
            return None;
        }
        let bc = era.as_str().starts_with('B');
        let year = |y: i32| era_year(y, era.as_str());
        if let Some(m) = month(caps, "em") {
            // "April 480 BC"
            return Some((abs(Period::Month(year(y), m)), "date:era-month"));
        }
        if let Some(s) = caps.name("es") {
            // "the autumn of 481 BC"
            let season = lexicon::season(s.as_str())?;
            return Some((abs(Period::Season(year(y), season)), "date:era-season"));
        }
        if let Some(y0) = num::<i32>(caps, "ey0") {
            // "499–493 BC", "264 to 241 BC": the first year is in the same era.
            if y0 == 0 || (bc && y0 < y) || (!bc && y0 > y) {
                return None;
            }
            return Some((
                range(Period::Year(year(y0)), Period::Year(year(y))),
                "date:era-range",
            ));
        }
        return Some((abs(Period::Year(year(y))), "date:era-year"));
    }
    if let Some(y1) = num::<i32>(caps, "yr1") {
        let y2 = second_year(y1, caps.name("yr2")?.as_str());
        let g = m.start();
        if is_archival(text, g, m.end()) || not_a_year_context(text, g, m.end()) {
            return None;
        }
        return Some((
            range(Period::Year(y1), Period::Year(y2?)),
            "date:year-range",
        ));
    }
    if let Some(y) = num::<i32>(caps, "y") {
        if !(1000..=2100).contains(&y)
            || is_archival(text, m.start(), m.end())
            || not_a_year_context(text, m.start(), m.end())
        {
            return None;
        }
        if !sets_the_scene(text, m.start()) {
            return Some((DateExpr::BackgroundYear(y), "date:year"));
        }
        return Some((abs(Period::Year(y)), "date:year"));
    }
    if let Some(s) = caps.name("s11") {
        let season = lexicon::season(s.as_str())?;
        // "the fall of Girona", "the fall of that Government": an event, not
        // a season; "the spring of the following year" is one.
        let rest = text[m.end()..].trim_start();
        if rest.strip_prefix("of ").is_some_and(|r| {
            ![
                "that",
                "this",
                "the same",
                "the following",
                "the next",
                "the previous",
            ]
            .iter()
            .any(|w| {
                r.strip_prefix(w)
                    .is_some_and(|r| r.trim_start().starts_with("year"))
            })
        }) {
            return None;
        }
        let first = caps
            .name("rseason")?
            .as_str()
            .split_whitespace()
            .next()?
            .to_ascii_lowercase();
        let (dir, deictic) = match caps.name("rsdir").map(|d| d.as_str()) {
            Some("following" | "next") => (1, false),
            Some("previous" | "preceding") => (-1, false),
            Some(_) => (0, false),
            None => match first.as_str() {
                "last" => (-1, true),
                "next" => (1, true),
                "this" => (0, true),
                _ => (0, false),
            },
        };
        return Some((
            DateExpr::Season {
                season,
                modifier: dmod(caps.name("rsmod")),
                dir,
                deictic,
            },
            "date:season",
        ));
    }
    if let Some(words) = caps.name("yw") {
        let stated = caps.name("ywords")?.as_str().len() > words.as_str().len();
        if !stated && !year_words_context(text, m.start(), m.end()) {
            return None;
        }
        let year = lexicon::year_in_words(words.as_str())?;
        return Some((abs(Period::Year(year)), "date:year-words"));
    }
    if let Some(rel) = caps.name("wmrel") {
        let day = num::<u8>(caps, "wmd").filter(|d| (1..=31).contains(d))?;
        let months = match rel.as_str().as_bytes()[0] {
            b'u' => -1,
            b'p' => 1,
            _ => 0,
        };
        return Some((
            DateExpr::DayOfWritingMonth { day, months },
            "date:day-of-month",
        ));
    }
    if let Some(dom) = caps.name("domd") {
        let day = dom
            .as_str()
            .parse::<u8>()
            .ok()
            .filter(|d| (1..=31).contains(d))?;
        if caps.name("domof").is_none() && !day_of_month_context(text, m.start(), m.end()) {
            return None;
        }
        return Some((
            DateExpr::DayOfMonth {
                day,
                modifier: None,
            },
            "date:day-of-month",
        ));
    }
    if let Some(s) = caps.name("bseason") {
        if !bare_season_context(text, m.start(), m.end()) {
            return None;
        }
        return Some((
            DateExpr::Season {
                season: lexicon::season(s.as_str())?,
                modifier: None,
                dir: 0,
                deictic: false,
            },
            "date:season",
        ));
    }
    if let Some(part) = caps.name("rpart") {
        let unit = unit(caps.name("rpunit")?.as_str())?;
        let part = part.as_str().to_ascii_lowercase();
        let modifier = if part.starts_with("later") || part.starts_with("earlier") {
            None
        } else if part.contains("beginning") || part.contains("start") || part.starts_with("early")
        {
            Some(Mod::Start)
        } else if part.contains("middle") || part.starts_with("mid-") {
            Some(Mod::Mid)
        } else {
            Some(Mod::End)
        };
        return Some((
            DateExpr::Relative {
                unit,
                offset: 0,
                deictic: false,
                modifier,
            },
            "date:relative",
        ));
    }
    if caps.name("presday").is_some() {
        return reaches_the_present(text, m.start(), m.end())
            .then_some((DateExpr::Present, "date:present"));
    }
    if caps.name("rel").is_some() {
        let unit = unit(caps.name("runit")?.as_str())?;
        let dir = caps.name("rdir")?.as_str().to_ascii_lowercase();
        // "To this day, his detractors accuse him": the writer's present.
        if unit == Unit::Day && dir == "this" && reaches_the_present(text, m.start(), m.end()) {
            return Some((DateExpr::Present, "date:present"));
        }
        let offset = match dir.as_str() {
            "following" | "next" => 1,
            "previous" | "preceding" | "last" => -1,
            _ => 0,
        };
        // "the last week of August 1918" is a part of the date that follows
        // (the date takes it as a modifier); "the last month of World War
        // II" the end of an event; "the next decade" a span of unknown start.
        if let Some(of) = text[m.end()..]
            .strip_prefix(" of ")
            .filter(|_| dir == "last")
        {
            let word = first_word(of);
            if lexicon::month_number(word).is_some() && word.starts_with(char::is_uppercase)
                || word.starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
            return Some((DateExpr::Unknown, "date:relative"));
        }
        // "the next decade", "the last century" name a span from the
        // writer's present whose bounds are unclear; "that decade", "the
        // following century" are the narrative's.
        if matches!(unit, Unit::Decade | Unit::Century) && matches!(dir.as_str(), "next" | "last") {
            return Some((DateExpr::Unknown, "date:relative"));
        }
        // "last year", "this week" speak from the writer's present; "the
        // next day", "that year" from the narrative.
        let rel = caps.name("rel")?.as_str();
        let deictic =
            !rel.starts_with(['T', 't']) || rel.starts_with("this") || rel.starts_with("This");
        let deictic = deictic
            && !matches!(
                dir.as_str(),
                "that" | "following" | "previous" | "preceding" | "same"
            );
        return Some((
            DateExpr::Relative {
                unit,
                offset,
                deictic,
                modifier: None,
            },
            "date:relative",
        ));
    }
    if caps.name("ago").is_some() {
        let unit_word = caps.name("aunit")?.as_str();
        let unit = unit(&unit_word.to_ascii_lowercase())?;
        let n = caps
            .name("anum")
            .and_then(|n| lexicon::cardinal(n.as_str()));
        let dir = caps.name("adir")?.as_str();
        // "a month earlier than usual" compares; it names no date; "eight
        // days before the new year" counts from an event, not the narrative.
        let next = text[m.end()..].trim_start_matches([' ', '\t']);
        if matches!(dir, "earlier" | "later") && next.starts_with("than")
            || matches!(dir, "before" | "after") && next.starts_with(char::is_alphanumeric)
        {
            return None;
        }
        // Without a number only "days later", "years ago", and "The year
        // before," "The day after," opening a sentence: one unit ("bigger
        // than the year before", "tomorrow or the day after" compare or
        // count from the present).
        let plural = unit_word.ends_with('s');
        let n = match caps.name("athe") {
            Some(the) => {
                if plural
                    || matches!(dir, "ago" | "later" | "earlier")
                    || the.as_str() != "The"
                    || !next.starts_with(',')
                {
                    return None;
                }
                Some(1)
            }
            None if caps.name("anum").is_none()
                && (!plural || !matches!(dir, "later" | "earlier" | "ago")) =>
            {
                return None;
            }
            None => n,
        };
        let sign = if matches!(dir, "later" | "afterward" | "afterwards" | "after") {
            1
        } else {
            -1
        };
        return Some(match n {
            Some(n) => (
                DateExpr::Relative {
                    unit,
                    offset: sign * n,
                    deictic: dir == "ago",
                    modifier: None,
                },
                "date:relative",
            ),
            None => (DateExpr::Unknown, "date:relative"),
        });
    }
    if caps.name("turn").is_some() {
        return Some((DateExpr::CenturyTurn, "date:relative"));
    }
    if let Some(now) = caps.name("now") {
        return match now.as_str().to_ascii_lowercase().as_str() {
            "yesterday" => Some((
                DateExpr::Relative {
                    unit: Unit::Day,
                    offset: -1,
                    deictic: true,
                    modifier: None,
                },
                "date:relative",
            )),
            "tomorrow" => Some((
                DateExpr::Relative {
                    unit: Unit::Day,
                    offset: 1,
                    deictic: true,
                    modifier: None,
                },
                "date:relative",
            )),
            _ => Some((DateExpr::Present, "date:present")),
        };
    }
    if let Some(day) = caps.name("wday") {
        let weekday = lexicon::weekday_number(day.as_str())?;
        let dir = direction(caps.name("wdir"), text, m.start(), m.end());
        return Some((DateExpr::Weekday { weekday, dir }, "date:weekday"));
    }
    if caps.name("wkend").is_some() {
        let dir = direction(caps.name("wedir"), text, m.start(), m.end());
        return Some((DateExpr::Weekend { dir }, "date:weekend"));
    }
    if let Some(named) = caps.name("named") {
        // A year, or one with its era ("the Ides of March, 44 BC").
        let ny = num::<i32>(caps, "ny").or_else(|| {
            let y = num::<i32>(caps, "nye").filter(|&y| y > 0)?;
            Some(era_year(y, caps.name("nyera")?.as_str()))
        });
        if ny.is_none()
            && names_a_place(first_word(text[m.end()..].trim_start_matches([' ', '\t'])))
        {
            return None;
        }
        let (year, month, day) = match lexicon::named_day(named.as_str())? {
            lexicon::NamedDay::Fixed(year, month, day) => (year, month, day),
            lexicon::NamedDay::Easter(offset) => {
                return Some(match ny {
                    Some(y) => (
                        abs(Period::Day(Day::easter(y)?.add_days(offset))),
                        "date:named-day",
                    ),
                    None => (
                        DateExpr::Feast {
                            offset: offset as i16,
                            ahead: future_in_sentence(text, m.start(), m.end()),
                        },
                        "date:named-day",
                    ),
                })
            }
        };
        return Some(match (year, ny) {
            (Some(y), _) | (None, Some(y)) => {
                (abs(Period::Day(Day::new(y, month, day)?)), "date:named-day")
            }
            (None, None) => (
                DateExpr::MonthDay {
                    month,
                    day,
                    modifier: None,
                    ahead: future_in_sentence(text, m.start(), m.end()),
                },
                "date:named-day",
            ),
        });
    }
    if let Some(mo) = caps.name("mo") {
        let month = lexicon::month_number(mo.as_str())?;
        let narrative = caps.name("mrel").is_some();
        let mdir = caps
            .name("mdir")
            .or(caps.name("mrel"))
            .map(|d| d.as_str().to_ascii_lowercase());
        // "last Oct. 23": the month begins a day, found on its own.
        let rest = text[m.end()..].trim_start_matches([' ', '\t']);
        if mdir.is_some() && rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if mdir.is_none() && !month_alone_context(text, m.start(), m.end(), mo.as_str()) {
            return None;
        }
        let deictic = match mdir.as_deref() {
            Some("last" | "previous" | "preceding") => Some(-1),
            Some("next" | "following") => Some(1),
            Some(_) => Some(0),
            None => None,
        };
        return Some((
            DateExpr::Month {
                month,
                modifier: None,
                deictic,
                narrative,
                ahead: deictic.is_none() && future_in_sentence(text, m.start(), m.end()),
            },
            "date:month",
        ));
    }
    None
}

pub(super) fn with_mod(mut e: DateExpr, md: Option<Mod>) -> DateExpr {
    if let Some(md) = md {
        set_mod(&mut e, md);
    }
    e
}

fn unit(word: &str) -> Option<Unit> {
    Some(match word.trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "month" => Unit::Month,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" => Unit::Century,
        _ => return None,
    })
}

/// A year written with its era, as the calendar counts it: 44 BC is -43
/// (astronomical numbering: 1 BC is year 0); AD and CE years stand.
fn era_year(year: i32, era: &str) -> i32 {
    if era.starts_with('B') {
        1 - year
    } else {
        year
    }
}

/// The words and dashes that join two decades: "the 1860s and '70s",
/// "the 1920s–30s", "the 1870s or 1880s".
const DECADE_JOINERS: [&str; 6] = ["and", "or", "to", "-", "–", "—"];

/// The decade (195 for "1950s") that `before` ends in, joined by one of
/// [`DECADE_JOINERS`]: "the 1860s and ", "the 1920s–", "the 1870s–early ".
fn decade_before(before: &str) -> Option<i32> {
    let b = before.trim_end();
    let b = ["early", "mid-", "late"]
        .iter()
        .find_map(|w| b.strip_suffix(w))
        .unwrap_or(b)
        .trim_end();
    let b = DECADE_JOINERS
        .iter()
        .find_map(|w| b.strip_suffix(w))?
        .trim_end()
        .trim_end_matches(',');
    let digits = b.strip_suffix('s')?.trim_end_matches(['\'', '’']);
    let decade = digits.get(digits.len().checked_sub(4)?..)?;
    let ok = decade.ends_with('0')
        && decade.bytes().all(|c| c.is_ascii_digit())
        && !digits[..digits.len() - 4].ends_with(|c: char| c.is_alphanumeric());
    ok.then(|| decade.parse::<i32>().ok().map(|d| d / 10))?
}

/// Whether `after` goes on to another decade: " and 1910s", "–1900s",
/// " or '20s".
fn decade_follows(after: &str) -> bool {
    let a = after.trim_start();
    let Some(rest) = DECADE_JOINERS.iter().find_map(|w| {
        let rest = a.strip_prefix(w)?;
        // A joining word is a word of its own: "and 1910s", not "andes".
        (!w.starts_with(char::is_alphabetic) || rest.starts_with(' ')).then_some(rest)
    }) else {
        return false;
    };
    let word = first_word(rest.trim_start().trim_start_matches(['\'', '’']));
    word.len() >= 3
        && word.ends_with("0s")
        && word[..word.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

/// Whether the phrase at `start..end` closes a span that runs up to the
/// writer's present: "to", "until" or "till" before it ("To this day, ...",
/// "serves to this day as our shield", "until the present day"); not when
/// "to" belongs to the verb before it ("referred to this day as", "prior to
/// this day") or the day is a noun's ("brought us to this day of victory").
fn reaches_the_present(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t']);
    let word = last_word(before);
    let spans = ["to", "until", "till"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w));
    let governed = word.eq_ignore_ascii_case("to")
        && matches!(
            last_word_but_one(before),
            "referred" | "refer" | "refers" | "referring" | "prior" | "us" | "them" | "me"
        );
    let of_follows = first_word(text[end..].trim_start_matches([' ', '\t'])) == "of";
    spans && !governed && !of_follows
}

/// Whether a named day's next word makes it part of a place's name
/// ("Easter Island", "Christmas Island"). (Events named for a day, "the
/// Easter Rising", "the Christmas Offensive", keep the day: it dates them.)
fn names_a_place(next: &str) -> bool {
    next == "Island" || next == "Islands"
}

/// The first line break in `start..end` that ends a sentence.
pub(super) fn sentence_break_within(text: &str, start: usize, end: usize) -> Option<usize> {
    memchr::memchr_iter(b'\n', &text.as_bytes()[start..end])
        .map(|i| start + i)
        .find(|&nl| newline_ends_sentence(text, nl))
}

/// The direction of a weekday or weekend at `start..end` (see
/// [`DateExpr::Weekday`]): -1 after "last", 1 after "next", 2 in a clause
/// about the future, else 0.
fn direction(word: Option<Group<'_>>, text: &str, start: usize, end: usize) -> i8 {
    match word.map(|d| d.as_str().to_ascii_lowercase()) {
        Some(d) if d == "last" => -1,
        Some(d) if d == "next" => 1,
        _ if future_in_sentence(text, start, end) => 2,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_match_too_long_for_the_backtracker_is_read_by_the_pikevm() {
        let grammar = DateGrammar::new();
        let long = (0..grammar.rules.len())
            .map(|i| grammar.rule(i).backtracker.max_haystack_len())
            .max()
            .unwrap();
        let gap = " ".repeat(long + 1);
        let text = format!("Signed on February{gap}14, 1950.");
        let mut found = Vec::new();
        grammar.find(&text, &mut found);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            &text[found[0].start..found[0].end],
            format!("February{gap}14, 1950")
        );
        let DateExpr::Absolute(info) = found[0].expr else {
            panic!("{:?}", found[0].expr);
        };
        assert_eq!(
            info.value.map(|v| v.to_string()).as_deref(),
            Some("1950-02-14")
        );
    }

    #[test]
    fn a_scouted_search_finds_the_match_the_finders_own_search_finds() {
        // The scout's forward scans and the reverse DFA from their ends give
        // the matches of the finder's own searches from the same places.
        let grammar = DateGrammar::new();
        let text = crate::test_support::samples();
        let (mut searches, mut parts) = (Vec::new(), Default::default());
        let dfa = grammar.finder.forward();
        grammar
            .scout
            .searches(dfa, text.as_bytes(), &mut searches, &mut parts);
        assert!(searches.len() > 50, "{}", searches.len());
        for f in &searches {
            let own = grammar
                .finder
                .try_search(&Input::new(&text).span(f.from..text.len()))
                .unwrap();
            let scouted = f
                .found
                .map(|(end, p)| grammar.match_ending(&text, f.from, end, p));
            assert_eq!(scouted, own);
        }
    }

    #[test]
    fn the_embedded_automaton_is_the_grammar_compiled_now() {
        // build.rs compiles patterns::rules() into the embedded DFA: compiled
        // here by the regex crate's own engine, the same rules must find the
        // same mentions (where, and by which rule) in the shipped samples and
        // the date table.
        use regex_automata::meta;
        use regex_automata::nfa::thompson::WhichCaptures;
        let now = meta::Regex::builder()
            .syntax(syntax::Config::new().utf8(true))
            .configure(meta::Regex::config().which_captures(WhichCaptures::Implicit))
            .build_many(&patterns::rules())
            .unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut text = std::fs::read_to_string(root.join("tests/data/dates.tsv")).unwrap();
        text += &crate::test_support::samples();
        let spans = |m: regex_automata::Match| (m.start(), m.end(), m.pattern().as_usize());
        let expected: Vec<_> = now.find_iter(&text).map(spans).collect();
        let embedded: Vec<_> = embedded_finder()
            .find_iter(text.as_bytes())
            .map(spans)
            .collect();
        assert!(expected.len() > 500, "{} matches", expected.len());
        assert_eq!(embedded, expected);
    }

    #[test]
    fn finds_full_dates_and_years_with_guards() {
        let g = DateGrammar::new();
        let text = "On February 14, 1950 the treaty of 1945 was replaced; Article 55 and 1,000 troops and 1500 men are not dates, nor is 793B.00/6–1551.";
        let mut out = Vec::new();
        g.find(text, &mut out);
        let spans: Vec<&str> = out.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(spans, ["February 14, 1950", "1945"]);
    }

    #[test]
    fn every_prefix_phrase_passes_the_last_word_filter() {
        // One phrase of each alternative of patterns::prefix(), as it stands
        // before a date: the filter that saves the regex must let it through.
        let g = DateGrammar::new();
        for phrase in [
            "the end of ",
            "the turn of ",
            "the very beginning of\n",
            "the first half of ",
            "the last two weeks of ",
            "the closing days of ",
            "the early months of ",
            "early ",
            "Late in ",
            "mid-",
            "middle ",
            "later in ",
            "circa ",
            "c.",
            "ca. ",
            "About ",
            "around ",
            "approximately ",
            "sometime in ",
            "before ",
            "prior to ",
            "after ",
            "Since ",
        ] {
            let window = format!("It was {phrase}");
            assert!(
                g.prefix().is_match(&window),
                "{phrase:?} is not a prefix phrase"
            );
            assert!(may_end_a_prefix(&window), "{phrase:?} fails the filter");
        }
    }

    #[test]
    fn a_modifier_prefix_never_reaches_back_over_the_previous_match() {
        let g = DateGrammar::new();
        let text = "the end of 1950 and the end of 1952";
        let second = text.rfind("1952").unwrap();
        let mut dm = DateMatch {
            start: second,
            end: second + 4,
            expr: abs(Period::Year(1952)),
            rule: "t",
        };
        // With the previous match ending after "the end of ", the prefix cannot be taken.
        let floor = second - 3;
        g.attach_prefix(text, floor, &mut dm);
        assert!(dm.start >= floor, "{:?}", &text[dm.start..dm.end]);
        let mut out = Vec::new();
        g.find(text, &mut out);
        let spans: Vec<&str> = out.iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(spans, ["the end of 1950", "the end of 1952"]);
        assert!(out.windows(2).all(|w| w[0].end <= w[1].start));
    }
}
