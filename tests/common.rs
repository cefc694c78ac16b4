//! What the table-driven and property tests share: one extractor with the
//! default settings, the rows of a test table, and the verdict over a table.

use annalist::Extractor;
use std::sync::OnceLock;

/// The extractor with the default gazetteers and types, built once for all tests.
pub fn default_extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::builder().build())
}

/// The data rows of a table (`#` comment lines and the header row left out).
pub fn rows(table: &'static str) -> impl Iterator<Item = &'static str> {
    table.lines().filter(|l| !l.starts_with('#')).skip(1)
}

/// Fails with every failing case listed, or if the table has fewer than
/// `at_least` cases (a table that silently lost its rows).
pub fn assert_all_pass(failures: &[String], cases: usize, at_least: usize) {
    assert!(cases >= at_least, "only {cases} cases");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
