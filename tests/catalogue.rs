//! The bad-input catalogue (tests/catalogue/cases.json): each case's
//! outcome — the one-sentence message, or what the analysis reports — is
//! pinned in tests/catalogue/expected.json. The browser test
//! tests/e2e/catalogue.test.mjs runs the same cases through the wasm build.
//!
//! `SEGMENTA_CATALOGUE_WRITE=1 cargo test --test catalogue` rewrites the
//! expectations (review the diff before committing it).

use std::path::PathBuf;

use segmenta::{analyze, Settings};
use serde_json::{json, Value};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn input(case: &Value) -> Vec<u8> {
    match (&case["text"], &case["fixture"]) {
        (Value::String(text), _) => text.clone().into_bytes(),
        (_, Value::String(fixture)) => std::fs::read(dir().join("fixtures").join(fixture)).expect("fixture"),
        _ => panic!("case {} has neither text nor fixture", case["name"]),
    }
}

/// What a case gives: the error message, or a summary of the analysis.
fn outcome(case: &Value) -> Value {
    let settings: Settings = serde_json::from_value(case.get("settings").cloned().unwrap_or(json!({}))).expect("settings");
    match analyze(&input(case), &settings) {
        Err(e) => json!({ "error": e.to_string() }),
        Ok(a) => {
            let r = &a.report;
            assert_eq!(r.data.rows_read, r.data.rows_used + r.data.rows_skipped(), "{}: every row used or skipped", case["name"]);
            json!({
                "customers": r.customers,
                "rowsRead": r.data.rows_read,
                "rowsSkipped": r.data.rows_skipped(),
                "k": r.clusters.k,
                "clusterNote": r.clusters.note.as_ref().map(|m| &m.text),
                "clippedMonetary": r.clusters.clipped_monetary,
                "skipped": skips(&r.data.skipped),
            })
        }
    }
}

/// Per skip reason: the reason, its count, and where and what its first example is.
fn skips(tallies: &[segmenta::ingest::SkipTally]) -> Value {
    tallies
        .iter()
        .map(|t| {
            let first = t.examples.first();
            json!([t.reason, t.count, first.map(|e| e.line), first.and_then(|e| e.column.clone()), first.map(|e| e.value.clone())])
        })
        .collect()
}

#[test]
fn every_case_gives_its_pinned_outcome() {
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(dir().join("catalogue/cases.json")).unwrap()).unwrap();
    assert!(cases.len() >= 30, "the catalogue has {} cases", cases.len());
    let got: serde_json::Map<String, Value> =
        cases.iter().map(|c| (c["name"].as_str().unwrap().to_owned(), outcome(c))).collect();
    let path = dir().join("catalogue/expected.json");
    if std::env::var_os("SEGMENTA_CATALOGUE_WRITE").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
    }
    let expected: serde_json::Map<String, Value> = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    for (name, outcome) in &got {
        assert_eq!(Some(outcome), expected.get(name), "case `{name}`");
    }
    assert_eq!(got.len(), expected.len(), "cases and expectations differ in number");
}
