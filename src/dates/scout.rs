//! The forward scans of the date search, four at once. A scan of the forward
//! date DFA is one table load per byte, each waiting for the last, so one
//! scan runs at the latency of that load. The scout cuts a chunk into
//! [`STREAMS`] parts and runs their searches side by side — independent
//! chains of loads, which the processor overlaps — as
//! [`super::DateGrammar::find`] would run them one after another: each
//! search begins where the last match ended and ends as the DFA's own search
//! does (its last match when the DFA dies, or the text's end). What it finds
//! is where each match ends and its rule; `find` runs the reverse DFA from
//! there for the start.
//!
//! A later part's searches begin at its first byte, where the searches before
//! would not; the scan of the part before goes on past its end until it is in
//! the state that a search of the later part was in at the same byte (within
//! its first [`MEET`] bytes), neither having seen a match: from there the two
//! scans are one, and the later part's searches stand from that one on (begun
//! where the search under way began). Should they never meet (a date's words
//! still open over all those bytes), the scan before runs to the text's end
//! alone and the later parts' searches are dropped.

use regex_automata::dfa::{dense::DFA, Automaton};
use regex_automata::util::primitives::{PatternID, StateID};
use regex_automata::util::start;
use regex_automata::Anchored;

/// One forward search: where it began, and where the match it found ends
/// and the rule's pattern (`None`: no match before the text's end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Forward {
    pub from: usize,
    pub found: Option<(usize, PatternID)>,
}

/// The forward DFA's start states, by the byte before the search.
#[derive(Clone, Debug)]
pub(super) struct Scout {
    /// The unanchored start state after each byte.
    after: [StateID; 256],
    /// The unanchored start state at the start of the text.
    at_start: StateID,
}

/// How many bytes at the start of a later part are kept for the scan of the
/// part before to meet.
const MEET: usize = 1024;

/// No search to meet at a byte (every search there had seen a match).
const NONE: u32 = u32::MAX;

/// How many parts of a chunk are scanned at once.
pub(super) const STREAMS: usize = 4;

/// A search under way.
struct Search {
    state: StateID,
    /// Where the search began.
    from: usize,
    /// The next byte.
    pos: usize,
    /// The last match seen: its end and pattern.
    mat: Option<(usize, PatternID)>,
}

impl Scout {
    /// The start states of `dfa`.
    pub fn new(dfa: &DFA<&[u32]>) -> Scout {
        let start = |look_behind| {
            let config = start::Config::new()
                .anchored(Anchored::No)
                .look_behind(look_behind);
            dfa.start_state(&config)
                .expect("the date DFA has unanchored start states")
        };
        Scout {
            after: std::array::from_fn(|b| start(Some(b as u8))),
            at_start: start(None),
        }
    }

    /// A search from byte `at` of `text`.
    fn begin(&self, text: &[u8], at: usize) -> Search {
        let state = match at.checked_sub(1) {
            Some(before) => self.after[usize::from(text[before])],
            None => self.at_start,
        };
        Search {
            state,
            from: at,
            pos: at,
            mat: None,
        }
    }

    /// Feeds `s` its next byte (there is one).
    #[inline(always)]
    fn step(&self, dfa: &DFA<&[u32]>, text: &[u8], s: &mut Search, out: &mut Vec<Forward>) {
        let i = s.pos;
        s.state = dfa.next_state(s.state, text[i]);
        s.pos = i + 1;
        if dfa.is_special_state(s.state) {
            self.special(dfa, text, i, s, out);
        }
    }

    /// A special state after byte `i`: a match is noted (matches show one
    /// byte late, so it ends at `i`); at the dead state the search ends
    /// and the next begins at its match's end. Start and accelerated
    /// states are ordinary states here.
    #[cold]
    #[inline(never)]
    fn special(
        &self,
        dfa: &DFA<&[u32]>,
        text: &[u8],
        i: usize,
        s: &mut Search,
        out: &mut Vec<Forward>,
    ) {
        if dfa.is_match_state(s.state) {
            s.mat = Some((i, dfa.match_pattern(s.state, 0)));
        } else if dfa.is_dead_state(s.state) {
            // An unanchored search dies only after a match.
            let (end, _) = s.mat.expect("the date DFA dies only after a match");
            out.push(Forward {
                from: s.from,
                found: s.mat,
            });
            *s = self.begin(text, end);
        } else {
            assert!(
                !dfa.is_quit_state(s.state),
                "the date DFA has no quit bytes"
            );
        }
    }

    /// Ends `s` at the text's end; a match that ends before it is followed
    /// by the searches after it.
    fn finish(&self, dfa: &DFA<&[u32]>, text: &[u8], s: &mut Search, out: &mut Vec<Forward>) {
        loop {
            let state = dfa.next_eoi_state(s.state);
            if dfa.is_match_state(state) {
                s.mat = Some((text.len(), dfa.match_pattern(state, 0)));
            }
            out.push(Forward {
                from: s.from,
                found: s.mat,
            });
            match s.mat {
                Some((end, _)) if end < text.len() => {
                    *s = self.begin(text, end);
                    while s.pos < text.len() {
                        self.step(dfa, text, s, out);
                    }
                }
                _ => return,
            }
        }
    }

    /// The searches of `text` from its start, each from the end of the last
    /// match, in order, into `out` (cleared first); `parts` is scratch.
    pub fn searches(
        &self,
        dfa: &DFA<&[u32]>,
        text: &[u8],
        out: &mut Vec<Forward>,
        parts: &mut [Vec<Forward>; STREAMS],
    ) {
        out.clear();
        let n = text.len();
        if n < 4 * STREAMS * MEET {
            let mut a = self.begin(text, 0);
            while a.pos < n {
                self.step(dfa, text, &mut a, out);
            }
            return self.finish(dfa, text, &mut a, out);
        }
        for p in parts.iter_mut() {
            p.clear();
        }
        let bound: [usize; STREAMS] = std::array::from_fn(|j| j * n / STREAMS);
        let limit = |j: usize| if j + 1 < STREAMS { bound[j + 1] } else { n };
        let mut runs: [Search; STREAMS] = std::array::from_fn(|j| self.begin(text, bound[j]));
        // Each later part's first MEET bytes: at each, the state of the
        // search under way there and how many searches ended before it, if
        // that search has seen no match (the last such visit of the byte).
        let mut seen = [[(StateID::ZERO, NONE); MEET]; STREAMS];
        for j in 1..STREAMS {
            let s = &mut runs[j];
            while s.pos < bound[j] + MEET {
                if s.mat.is_none() {
                    seen[j][s.pos - bound[j]] = (s.state, parts[j].len() as u32);
                }
                self.step(dfa, text, s, &mut parts[j]);
            }
        }
        // All parts at once: a byte of each a step, in runs that end where a
        // part reaches its end or any enters a special state (a match, the
        // dead state), which `special` then handles.
        loop {
            let len = (0..STREAMS)
                .map(|j| limit(j).saturating_sub(runs[j].pos))
                .min()
                .unwrap_or(0);
            if len == 0 {
                break;
            }
            let bytes: [&[u8]; STREAMS] =
                std::array::from_fn(|j| &text[runs[j].pos..runs[j].pos + len]);
            let mut state: [StateID; STREAMS] = std::array::from_fn(|j| runs[j].state);
            let mut k = 0;
            while k < len {
                for j in 0..STREAMS {
                    state[j] = dfa.next_state(state[j], bytes[j][k]);
                }
                k += 1;
                if state.iter().any(|&s| dfa.is_special_state(s)) {
                    break;
                }
            }
            for j in 0..STREAMS {
                let s = &mut runs[j];
                s.state = state[j];
                s.pos += k;
                if dfa.is_special_state(s.state) {
                    self.special(dfa, text, s.pos - 1, s, &mut parts[j]);
                }
            }
        }
        for j in 0..STREAMS {
            while runs[j].pos < limit(j) {
                self.step(dfa, text, &mut runs[j], &mut parts[j]);
            }
        }
        // Each part's scan goes on until it meets a search of the next part
        // in its first bytes: from there they are one scan, that search is
        // the rest of the search under way, and the next part's searches
        // before it are dropped.
        let mut j = 0;
        loop {
            if j + 1 == STREAMS {
                self.finish(dfa, text, &mut runs[j], &mut parts[j]);
                out.extend_from_slice(&parts[j]);
                return;
            }
            let next = bound[j + 1];
            let met = loop {
                let s = &runs[j];
                if s.pos >= n {
                    break None;
                }
                let k = s.pos.wrapping_sub(next);
                if let Some(&(state, ended)) = seen[j + 1].get(k) {
                    if ended != NONE && s.mat.is_none() && state == s.state {
                        break Some(ended as usize);
                    }
                }
                self.step(dfa, text, &mut runs[j], &mut parts[j]);
            };
            out.extend_from_slice(&parts[j]);
            let Some(ended) = met else {
                self.finish(dfa, text, &mut runs[j], out);
                return;
            };
            let from = runs[j].from;
            parts[j + 1].drain(..ended);
            match parts[j + 1].first_mut() {
                Some(first) => first.from = from,
                None => runs[j + 1].from = from,
            }
            j += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::grammar::embedded_finder;
    use regex_automata::Input;

    /// The searches one after another, as the forward DFA's own search runs them.
    fn one_by_one(dfa: &DFA<&[u32]>, text: &[u8]) -> Vec<Forward> {
        let mut out = Vec::new();
        let mut at = 0;
        loop {
            let found = dfa
                .try_search_fwd(&Input::new(text).span(at..text.len()))
                .unwrap()
                .map(|m| (m.offset(), m.pattern()));
            out.push(Forward { from: at, found });
            match found {
                Some((end, _)) if end < text.len() => at = end,
                _ => return out,
            }
        }
    }

    #[test]
    fn the_scouted_searches_are_the_forward_dfas_own() {
        let finder = embedded_finder();
        let dfa = finder.forward();
        let scout = Scout::new(dfa);
        let samples = crate::test_support::samples();
        let repeat = |s: &str, n: usize| s.repeat(n.div_ceil(s.len()));
        let mut texts = vec![
            // Dates everywhere, so that parts begin inside them.
            repeat("1945 ", 40_000),
            repeat("on May 5, 1945, the next day, ", 40_000),
            repeat("the 1950s and 1960s; ", 30_000),
            // A run of digits, and no date at all.
            repeat("1234567890", 40_000),
            // A month, then spaces past the first part's end and the next
            // part's first bytes, then a year: the scans never meet.
            format!(
                "{}May{}1945 {}",
                repeat("lorem ipsum ", 5_997),
                " ".repeat(4_000),
                repeat("and more text ", 14_000)
            ),
            repeat("lorem ipsum dolor ", 40_000),
            // Short texts, scanned in one part.
            "In May 1945".to_string(),
            String::new(),
        ];
        // Windows of the samples, for parts that begin at every kind of place.
        for (start, len) in [
            (0, 60_000),
            (1_001, 17_000),
            (7_777, 33_333),
            (20_003, 16_390),
        ] {
            let end = (start + len).min(samples.len());
            texts.push(samples[start..end].to_string());
        }
        let (mut out, mut parts) = (Vec::new(), Default::default());
        for text in &texts {
            scout.searches(dfa, text.as_bytes(), &mut out, &mut parts);
            let expected = one_by_one(dfa, text.as_bytes());
            let first_difference = out.iter().zip(&expected).position(|(a, b)| a != b);
            assert_eq!(
                (out.len(), first_difference),
                (expected.len(), None),
                "{:?}: {:?}",
                &text[..text.len().min(40)],
                first_difference.map(|i| (out[i], expected[i]))
            );
            if text.len() > 1_000 && !text.starts_with("lorem") && !text.starts_with("1234") {
                assert!(out.len() > 10, "{:?}", &text[..40]);
            }
        }
    }
}
