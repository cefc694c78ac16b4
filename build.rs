//! Compiles the shipped gazetteers (`gazetteers/*.tsv`) into one hash table and
//! writes it to `$OUT_DIR/gazetteer.bin`, which the library embeds with
//! `include_bytes!`: the binary needs no files beside it and does no work at
//! start-up. The table code is the library's own, included by path.

#[path = "src/gazetteer/tsv.rs"]
#[allow(dead_code)]
mod tsv;

#[path = "src/text/tokens.rs"]
#[allow(dead_code)]
mod tokens;

/// The library's `text` module, as far as the table code needs it.
mod text {
    pub use super::tokens::words;
}

#[path = "src/gazetteer/table.rs"]
#[allow(dead_code)]
mod table;

use std::collections::HashSet;
use std::path::PathBuf;
use std::{env, fs};

fn main() {
    let dir = PathBuf::from("gazetteers");
    println!("cargo:rerun-if-changed=gazetteers");
    println!("cargo:rerun-if-changed=src/gazetteer/table.rs");
    println!("cargo:rerun-if-changed=src/gazetteer/tsv.rs");
    println!("cargo:rerun-if-changed=src/text/tokens.rs");
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
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR")).join("gazetteer.bin");
    fs::write(&out, bytes).expect("write gazetteer.bin");
}
