//! The command line, run as a user runs it: records parsed back into typed
//! structs and checked against the input text.

use annalist::record::OwnedRecord;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn data(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(p)
}

fn annalist(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_annalist"));
    c.args(args).env_remove("RUST_BACKTRACE");
    c
}

fn run(args: &[&str]) -> Output {
    annalist(args)
        .stdin(Stdio::null())
        .output()
        .expect("annalist runs")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = annalist(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("annalist runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn parse_jsonl(bytes: &[u8]) -> Vec<OwnedRecord> {
    std::str::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect()
}

fn parse_csv(bytes: &[u8]) -> Vec<OwnedRecord> {
    let mut r = csv::Reader::from_reader(bytes);
    let headers = r.headers().unwrap().clone();
    assert_eq!(headers.iter().collect::<Vec<_>>(), annalist::record::FIELDS);
    r.deserialize().map(|row| row.unwrap()).collect()
}

/// Every record's text is the document's bytes start..end, and chars
/// char_start..char_end; line and sentence are plausible.
fn check_offsets(records: &[OwnedRecord], text: &str) {
    assert!(!records.is_empty());
    let chars: Vec<char> = text.chars().collect();
    let mut prev = 0;
    for r in records {
        assert_eq!(&text[r.start..r.end], r.text, "{r:?}");
        let by_chars: String = chars[r.char_start as usize..r.char_end as usize]
            .iter()
            .collect();
        assert_eq!(by_chars, r.text, "{r:?}");
        assert_eq!(
            r.line as usize,
            1 + text[..r.start].matches('\n').count(),
            "{r:?}"
        );
        assert!(r.start >= prev, "records in order of start");
        prev = r.start;
    }
}

#[test]
fn three_formats_carry_the_same_records_with_offsets_into_the_text() {
    let seed = data("seed.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    let path = seed.to_str().unwrap();
    let jsonl = run(&["extract", path]);
    let csv = run(&["extract", "--format", "csv", path]);
    let json = run(&["extract", "--format", "json", path]);
    for o in [&jsonl, &csv, &json] {
        assert!(o.status.success(), "{}", stderr(o));
    }
    let from_jsonl = parse_jsonl(&jsonl.stdout);
    let from_csv = parse_csv(&csv.stdout);
    let from_json: Vec<OwnedRecord> = serde_json::from_slice(&json.stdout).unwrap();
    check_offsets(&from_jsonl, &text);
    assert_eq!(from_jsonl, from_csv);
    assert_eq!(from_jsonl, from_json);
    // All four core types on the seed, and a normalised date among them.
    for t in ["PERSON", "PLACE", "TREATY", "DATE"] {
        assert!(from_jsonl.iter().any(|r| r.kind == t), "no {t} record");
    }
    let date = from_jsonl
        .iter()
        .find(|r| r.text == "February 14, 1950")
        .unwrap();
    assert_eq!(date.value.as_deref(), Some("1950-02-14"));
    assert_eq!(date.earliest.as_deref(), Some("1950-02-14"));
    assert!(from_jsonl.iter().all(|r| r.doc == path));
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let folder = data("folder");
    let f = folder.to_str().unwrap();
    let seed = data("seed.txt");
    let one = run(&["extract", "--threads", "1", f, seed.to_str().unwrap()]);
    let four = run(&["extract", "--threads", "4", f, seed.to_str().unwrap()]);
    assert!(one.status.success() && four.status.success());
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn folders_are_walked_recursively_in_sorted_order() {
    let folder = data("folder");
    let f = folder.to_str().unwrap();
    let out = run(&["extract", f]);
    assert!(out.status.success(), "{}", stderr(&out));
    let records = parse_jsonl(&out.stdout);
    let mut docs: Vec<String> = Vec::new();
    for r in &records {
        if docs.last() != Some(&r.doc) {
            assert!(!docs.contains(&r.doc), "documents come out whole, in order");
            docs.push(r.doc.clone());
        }
    }
    let join = |rel: &str| folder.join(rel).display().to_string();
    assert_eq!(
        docs,
        [
            join("a-1861-farewell.txt"),
            join("b-1973-ending-war.txt"),
            join("sub/a-1941-war-declarations.txt")
        ]
    );
    for d in &docs {
        let text = std::fs::read_to_string(d).unwrap();
        let mine: Vec<OwnedRecord> = records.iter().filter(|r| &r.doc == d).cloned().collect();
        check_offsets(&mine, &text);
    }
}

#[test]
fn binary_files_in_folders_are_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.bin"), b"Moscow\0\x01\x02 in 1950").unwrap();
    std::fs::write(dir.path().join("b.txt"), "Stalin came to Moscow in 1950.").unwrap();
    let out = run(&["extract", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("a.bin: binary file skipped"),
        "{}",
        stderr(&out)
    );
    let records = parse_jsonl(&out.stdout);
    assert!(records.iter().all(|r| r.doc.ends_with("b.txt")));
    assert!(records.iter().any(|r| r.text == "1950"));
    let quiet = run(&["extract", "--quiet", dir.path().to_str().unwrap()]);
    assert!(quiet.stderr.is_empty(), "--quiet silences notes");
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.txt");
    std::fs::write(&p, b"Caf\xe9 talks. Stalin arrived on February 14, 1950.").unwrap();
    let out = run(&["extract", p.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("bad.txt") && stderr(&out).contains("invalid UTF-8"),
        "{}",
        stderr(&out)
    );
    let decoded = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
    let records = parse_jsonl(&out.stdout);
    check_offsets(&records, &decoded);
    assert!(records
        .iter()
        .any(|r| r.value.as_deref() == Some("1950-02-14")));
}

#[test]
fn a_missing_file_is_reported_and_the_rest_processed() {
    let seed = data("seed.txt");
    let out = run(&["extract", "no/such/file.txt", seed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no/such/file.txt"),
        "{}",
        stderr(&out)
    );
    assert!(
        !parse_jsonl(&out.stdout).is_empty(),
        "the good file is still processed"
    );
}

#[test]
fn bad_flags_and_values_exit_2_naming_them() {
    for (args, needle) in [
        (vec!["extract", "--no-such-flag"], "--no-such-flag"),
        (vec!["extract", "--format", "xml"], "xml"),
        (
            vec!["extract", "--reference-date", "1950-13-01"],
            "1950-13-01",
        ),
        (vec!["extract", "--types", "PERSON,SHIP"], "SHIP"),
        (vec!["extract", "--threads", "0"], "threads"),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn bad_gazetteer_lines_are_all_reported_before_any_document() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("mine.tsv");
    std::fs::write(
        &g,
        "name\ttype\taliases\nAda Lovelace\tPERSON\tLovelace\n\tPLACE\t\nBabbage\tSHIP\t\n",
    )
    .unwrap();
    let seed = data("seed.txt");
    let out = run(&[
        "extract",
        "--gazetteer",
        g.to_str().unwrap(),
        seed.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("mine.tsv:3") && err.contains("mine.tsv:4"),
        "{err}"
    );
    assert!(err.contains("SHIP"), "{err}");
    assert!(out.stdout.is_empty(), "no document processed");
}

#[test]
fn user_gazetteers_add_names_and_can_replace_the_shipped_ones() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("mine.tsv");
    std::fs::write(
        &g,
        "name\ttype\taliases\tid\nAda Lovelace\tPERSON\tLovelace\tQ7259\n",
    )
    .unwrap();
    let text = b"Lovelace wrote to Babbage from Moscow.";
    let out = run_stdin(
        &[
            "extract",
            "--no-default-gazetteers",
            "--gazetteer",
            g.to_str().unwrap(),
        ],
        text,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let records = parse_jsonl(&out.stdout);
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0].canonical.as_deref(), Some("Ada Lovelace"));
    assert_eq!(records[0].id.as_deref(), Some("Q7259"));
    assert_eq!(records[0].source, "gazetteer:mine.tsv");
}

#[test]
fn stdin_text_is_one_document_named_dash() {
    let text = std::fs::read(data("seed.txt")).unwrap();
    let out = run_stdin(&["extract"], &text);
    assert!(out.status.success());
    let records = parse_jsonl(&out.stdout);
    check_offsets(&records, std::str::from_utf8(&text).unwrap());
    assert!(records.iter().all(|r| r.doc == "-"));
    // The same records as for the file.
    let file = parse_jsonl(&run(&["extract", data("seed.txt").to_str().unwrap()]).stdout);
    let strip = |rs: &[OwnedRecord]| {
        rs.iter()
            .map(|r| (r.start, r.end, r.kind.clone(), r.value.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&records), strip(&file));
}

#[test]
fn long_stdin_is_streamed_with_the_same_records_as_a_file() {
    // Forty copies of the folder texts: several stream blocks.
    let mut text = String::new();
    for _ in 0..40 {
        for p in [
            "folder/a-1861-farewell.txt",
            "folder/b-1973-ending-war.txt",
            "seed.txt",
        ] {
            text.push_str(&std::fs::read_to_string(data(p)).unwrap());
            text.push('\n');
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("long.txt");
    std::fs::write(&p, &text).unwrap();
    let streamed = run_stdin(&["extract"], text.as_bytes());
    let file = run(&["extract", p.to_str().unwrap()]);
    let a = parse_jsonl(&streamed.stdout);
    let b = parse_jsonl(&file.stdout);
    check_offsets(&a, &text);
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(
            (x.start, x.char_start, x.line, x.sentence, &x.value),
            (y.start, y.char_start, y.line, y.sentence, &y.value)
        );
    }
}

#[test]
fn jsonl_input_uses_ids_and_dates_and_reports_bad_lines() {
    let docs = std::fs::read_to_string(data("docs.jsonl")).unwrap();
    let input = format!(
        "{docs}not json\n{{\"id\": \"x\", \"text\": 5}}\n{{\"text\": \"In June 1950.\"}}\n"
    );
    let out = run_stdin(&["extract", "--input-format", "jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "bad lines make the exit code 1");
    let err = stderr(&out);
    let n = docs.lines().count();
    assert!(
        err.contains(&format!("-:{}", n + 1)) && err.contains(&format!("-:{}", n + 2)),
        "{err}"
    );
    let records = parse_jsonl(&out.stdout);
    let texts: std::collections::HashMap<String, String> = docs
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (id, text) in &texts {
        let mine: Vec<OwnedRecord> = records.iter().filter(|r| &r.doc == id).cloned().collect();
        check_offsets(&mine, text);
    }
    assert!(records
        .iter()
        .any(|r| r.doc == format!("-:{}", n + 3) && r.value.as_deref() == Some("1950-06")));
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let mut text = String::new();
    for _ in 0..2000 {
        text.push_str("Stalin met Mao Zedong in Moscow on February 14, 1950.\n");
    }
    let mut child = annalist(&["extract"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(text.as_bytes());
    });
    drop(child.stdout.take()); // like `| head -0`
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panic"), "{}", stderr(&out));
}

#[test]
fn output_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let seed = data("seed.txt");
    let out = annalist(&["extract", "--output", "-", seed.to_str().unwrap()])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !dir.path().join("-").exists(),
        "no file named '-' is written"
    );
    let records = parse_jsonl(&out.stdout);
    assert!(!records.is_empty());
    check_offsets(&records, &std::fs::read_to_string(&seed).unwrap());
}

#[test]
fn output_file_flag_writes_there() {
    let dir = tempfile::tempdir().unwrap();
    let o = dir.path().join("out.csv");
    let out = run(&[
        "extract",
        "--format",
        "csv",
        "--output",
        o.to_str().unwrap(),
        data("seed.txt").to_str().unwrap(),
    ]);
    assert!(out.status.success() && out.stdout.is_empty());
    let records = parse_csv(&std::fs::read(&o).unwrap());
    check_offsets(
        &records,
        &std::fs::read_to_string(data("seed.txt")).unwrap(),
    );
}
