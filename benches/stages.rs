//! Per-stage and end-to-end throughput on real text (bytes/s).
//!
//! Reads the shipped `samples/`, and `../shared/corpus/` when it is present
//! (the first `ANNALIST_BENCH_MB` megabytes of it, default 8, in sorted path
//! order). Every bench checks that its stage found what it should, so a bench
//! that silently finds nothing fails.
//!
//! `cargo bench --bench stages` (add `-- dates` to run one group).

use annalist::dates::DateGrammar;
use annalist::gazetteer::matcher;
use annalist::output::{encode, Format};
use annalist::record::Record;
use annalist::text::{sentence_starts, word_tokens};
use annalist::{EntityType, Extractor};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files_under(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

/// The bench inputs: (name, text).
fn inputs() -> Vec<(&'static str, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = Vec::new();
    let mut paths = Vec::new();
    files_under(&root.join("samples"), &mut paths);
    let samples: String = paths
        .iter()
        .map(|p| fs::read_to_string(p).expect("samples are UTF-8"))
        .collect::<Vec<_>>()
        .join("\n\n");
    inputs.push(("samples", samples));
    let limit: usize = std::env::var("ANNALIST_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8)
        << 20;
    let mut paths = Vec::new();
    files_under(&root.join("../shared/corpus"), &mut paths);
    let mut corpus = String::new();
    for p in paths {
        if corpus.len() >= limit {
            break;
        }
        if let Ok(t) = fs::read_to_string(&p) {
            corpus.push_str(&t);
            corpus.push_str("\n\n");
        }
    }
    if !corpus.is_empty() {
        inputs.push(("corpus", corpus));
    }
    inputs
}

fn stages(c: &mut Criterion) {
    let extractor = Extractor::builder().build();
    let grammar = DateGrammar::new();
    for (name, text) in inputs() {
        let mut g = c.benchmark_group(name);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.sample_size(10);
        g.warm_up_time(Duration::from_millis(500));
        g.measurement_time(Duration::from_secs(3));

        let mut tokens = Vec::new();
        g.bench_function("tokenize", |b| {
            b.iter(|| {
                word_tokens(&text, &mut tokens);
                assert!(tokens.len() > 100);
            })
        });

        let mut starts = Vec::new();
        g.bench_function("sentences", |b| {
            b.iter(|| {
                starts.clear();
                sentence_starts(&text, &mut starts);
                assert!(starts.len() > 10);
            })
        });

        word_tokens(&text, &mut tokens);
        let views = extractor.gazetteer().views();
        let (mut key, mut hits, mut cands) = (Vec::new(), Vec::new(), Vec::new());
        g.bench_function("gazetteer", |b| {
            b.iter(|| {
                hits.clear();
                cands.clear();
                matcher::find(&views, &text, &tokens, &mut key, &mut hits, &mut cands);
                assert!(hits.len() > 50);
            })
        });

        let mut dates = Vec::new();
        g.bench_function("dates", |b| {
            b.iter(|| {
                grammar.find(&text, &mut dates);
                assert!(dates.len() > 20);
            })
        });

        g.bench_function("recognise", |b| {
            b.iter(|| {
                let f = extractor.recognise(&text);
                assert!(f.names.len() > 50);
            })
        });

        let found = extractor.extract(&text, None);
        assert!(found.iter().any(|e| e.mention.kind == EntityType::Person));
        for format in [Format::Jsonl, Format::Csv, Format::Json] {
            let mut out = Vec::new();
            g.bench_with_input(
                BenchmarkId::new("write", format!("{format:?}")),
                &format,
                |b, &f| {
                    b.iter(|| {
                        out.clear();
                        let records = found.iter().map(|e| Record::new("doc", &text, 0, e, None));
                        encode(f, records, &mut out);
                        assert!(out.len() > found.len() * 20);
                    })
                },
            );
        }

        g.bench_function("end_to_end", |b| {
            b.iter(|| {
                let found = extractor.extract(&text, None);
                let mut out = Vec::with_capacity(found.len() * 300);
                encode(
                    Format::Jsonl,
                    found.iter().map(|e| Record::new("doc", &text, 0, e, None)),
                    &mut out,
                );
                assert!(found.len() > 100);
            })
        });
        g.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
