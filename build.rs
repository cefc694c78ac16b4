//! Compiles what the library would otherwise build at start-up, and writes it
//! to `$OUT_DIR` for the library to embed with `include_bytes!`: the binary
//! needs no files beside it and does no work at start-up.
//!
//! - `gazetteer.bin`, `gazetteer.str`: the shipped gazetteers
//!   (`gazetteers/*.tsv`) as one hash table, and the names and keys it points
//!   into (embedded with `include_str!`, so the compiler checks them as UTF-8);
//! - `dates-fwd.dfa`, `dates-rev.dfa`: the date grammar's rules as one
//!   multi-pattern DFA, forward (where a date ends) and reverse (where it
//!   starts), in the target's byte order.
//!
//! The table code and the grammar's patterns are the library's own, included
//! by path.

#[path = "src/gazetteer/tsv.rs"]
#[allow(dead_code)]
mod tsv;

#[path = "src/text/swar.rs"]
#[allow(dead_code)]
mod swar;

#[path = "src/text/tokens.rs"]
#[allow(dead_code)]
mod tokens;

/// The library's `text` module, as far as the table code needs it.
mod text {
    pub(crate) use super::swar;
    pub use super::tokens::words;
}

#[path = "src/gazetteer/table.rs"]
#[allow(dead_code)]
mod table;

#[path = "src/dates/patterns.rs"]
#[allow(dead_code)]
mod date_patterns;

use regex_automata::dfa::{dense, regex::Builder};
use regex_automata::util::syntax;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    gazetteer_table(&out);
    date_automaton(&out);
}

/// Writes `gazetteer.bin` and `gazetteer.str`; a bad line of a shipped file fails the build with
/// its file and line.
fn gazetteer_table(out: &Path) {
    let dir = PathBuf::from("gazetteers");
    println!("cargo:rerun-if-changed=gazetteers");
    println!("cargo:rerun-if-changed=src/gazetteer/table.rs");
    println!("cargo:rerun-if-changed=src/gazetteer/tsv.rs");
    println!("cargo:rerun-if-changed=src/text/tokens.rs");
    println!("cargo:rerun-if-changed=src/text/swar.rs");
    let common: HashSet<Vec<u8>> = fs::read_to_string(dir.join("common-words.txt"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.as_bytes().to_vec())
        .collect();
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("gazetteers/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    paths.sort();
    let mut files = Vec::new();
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for path in &paths {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        match tsv::parse(path, &text) {
            Ok(file_rows) => {
                let idx = files.len() as u32;
                files.push(path.file_name().unwrap().to_string_lossy().into_owned());
                rows.extend(file_rows.into_iter().map(|r| (idx, r)));
            }
            Err(errs) => errors.extend(errs),
        }
    }
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("{e}");
        }
        panic!("{} bad lines in the shipped gazetteers", errors.len());
    }
    let bytes = table::build(&files, &rows, &|w| common.contains(w));
    let (data, strings) = table::split(&bytes).expect("a table just built splits");
    fs::write(out.join("gazetteer.bin"), data).expect("write gazetteer.bin");
    fs::write(out.join("gazetteer.str"), strings).expect("write gazetteer.str");
}

/// Writes the date grammar's automaton. Determinised and minimised here once
/// (about 2 s), it scans at full speed from the first byte; the lazy DFA it
/// replaces rebuilt its states in every process and thread.
fn date_automaton(out: &Path) {
    println!("cargo:rerun-if-changed=src/dates/patterns.rs");
    let re = Builder::new()
        .syntax(syntax::Config::new().utf8(true))
        .dense(dense::Config::new().minimize(true))
        .build_many(&date_patterns::rules())
        .expect("the date grammar compiles");
    let big_endian = env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    for (name, dfa) in [
        ("dates-fwd.dfa", re.forward()),
        ("dates-rev.dfa", re.reverse()),
    ] {
        let (bytes, pad) = if big_endian {
            dfa.to_bytes_big_endian()
        } else {
            dfa.to_bytes_little_endian()
        };
        fs::write(out.join(name), &bytes[pad..]).expect("write the date automaton");
    }
}
