//! The `segmenta` command line, run as a user runs it.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn segmenta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_segmenta")).args(args).output().expect("the binary runs")
}

/// Runs the binary with `input` on standard input (stderr is a pipe, so no progress bar).
fn segmenta_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_segmenta"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn formats(name: &str) -> PathBuf {
    fixture(&format!("formats/{name}"))
}

fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("valid JSON")
}

#[test]
fn analyze_prints_json_that_accounts_for_every_row() {
    let file = fixture("dirty.csv");
    let report = json(&segmenta(&["analyze", file.to_str().unwrap(), "--format", "json", "--k", "2"]));
    let data = &report["data"];
    assert_eq!(data["rowsRead"], 8);
    assert_eq!(data["rowsUsed"], 4);
    let skipped: u64 = data["skipped"].as_array().unwrap().iter().map(|t| t["count"].as_u64().unwrap()).sum();
    assert_eq!(skipped, 4);
    assert_eq!(report["customers"], 2);
    assert_eq!(report["asOf"], "2024-03-03");
    let lines: Vec<u64> = data["skipped"].as_array().unwrap().iter().map(|t| t["examples"][0]["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [4, 5, 6, 7]);
}

#[test]
fn analyze_table_shows_segments_clusters_and_the_as_of_date() {
    let file = fixture("dirty.csv");
    let out = segmenta(&["analyze", file.to_str().unwrap(), "--as-of", "2024-04-01", "--k", "4"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("As-of date 2024-04-01;"), "{text}");
    assert!(text.contains("RFM segments"), "{text}");
    assert!(text.contains("K-means clusters (k = 2)"), "{text}");
    assert!(text.contains("note: only 2 distinct customer profiles: k reduced from 4 to 2"), "{text}");
}

#[test]
fn k_defaults_to_auto_and_shows_the_curves() {
    let file = fixture("dirty.csv");
    let report = json(&segmenta(&["analyze", file.to_str().unwrap(), "--format", "json"]));
    let c = &report["clusters"];
    assert_eq!(c["requestedK"], serde_json::Value::Null);
    assert_eq!(c["k"], 2, "two customers: the only k with a silhouette is 2");
    assert_eq!(c["selection"]["candidates"].as_array().unwrap().len(), 1);
    let bad = segmenta(&["analyze", file.to_str().unwrap(), "--k", "many"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("`many` is neither `auto` nor a whole number"));
}

#[test]
fn a_file_without_a_customer_column_exits_non_zero_with_one_sentence() {
    let file = fixture("no_customer_column.csv");
    let out = segmenta(&["analyze", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("could not find a customer id column; the header has: who, when, amount"), "{err}");
}

#[test]
fn a_missing_file_and_a_bad_date_are_reported() {
    let out = segmenta(&["analyze", "/no/such/file.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /no/such/file.csv"));
    let out = segmenta(&["analyze", "x.csv", "--as-of", "31/12/2024"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("`31/12/2024` is not a date of the form YYYY-MM-DD"));
}

#[test]
fn sample_is_deterministic_and_analysable() {
    let a = segmenta(&["sample", "--customers", "300"]);
    let b = segmenta(&["sample", "--customers", "300"]);
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let dir = std::env::temp_dir().join(format!("segmenta-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("sample.csv");
    std::fs::write(&path, &a.stdout).unwrap();
    let report = json(&segmenta(&["analyze", path.to_str().unwrap(), "--format", "json"]));
    assert_eq!(report["customers"], 300);
    let in_segments: u64 = report["rfm"]["segments"].as_array().unwrap().iter().map(|s| s["customers"].as_u64().unwrap()).sum();
    assert_eq!(in_segments, 300);
}

#[test]
fn standard_input_is_read_like_a_file_and_nothing_but_the_report_is_printed() {
    let file = formats("cp949_korean.csv");
    let bytes = std::fs::read(&file).unwrap();
    let piped = segmenta_stdin(&["analyze", "--format", "json", "--k", "2"], &bytes);
    let dashed = segmenta_stdin(&["analyze", "-", "--format", "json", "--k", "2"], &bytes);
    let from_path = segmenta(&["analyze", file.to_str().unwrap(), "--format", "json", "--k", "2"]);
    assert_eq!(json(&piped), json(&from_path));
    assert_eq!(json(&dashed), json(&from_path));
    assert!(piped.stderr.is_empty(), "no progress bar when piped: {}", String::from_utf8_lossy(&piped.stderr));
    let report = json(&piped);
    assert_eq!(report["data"]["encoding"], "EUC-KR");
    assert_eq!(report["customers"], 3);
}

#[test]
fn every_bad_input_exits_non_zero_with_its_sentence() {
    let cases = [
        ("bad_empty.csv", "the file is empty"),
        ("bad_header_only.csv", "the file has a header row (customer_id, order_date, amount) but no data rows"),
        ("bad_binary.png", "this is not a text file"),
        ("bad_archive.zip", "this is a zip archive, not an Excel .xlsx workbook"),
        ("bad_no_columns.csv", "could not find customer id, order date or amount columns"),
    ];
    for (name, message) in cases {
        let file = formats(name);
        let out = segmenta(&["analyze", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with(&format!("segmenta: {}: {message}", file.display())), "{name}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: one line: {err}");
    }
    let file = formats("cp949_korean.csv");
    let out = segmenta(&["analyze", file.to_str().unwrap(), "--encoding", "utf-8"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("reading the file as UTF-8 turns"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn flags_override_what_was_detected() {
    let file = formats("ambiguous_day_month.csv");
    let guessed = json(&segmenta(&["analyze", file.to_str().unwrap(), "--format", "json", "--k", "2"]));
    assert_eq!(guessed["data"]["dateFormat"], "M/D/YYYY");
    assert_eq!(guessed["data"]["dateFormatAmbiguousWith"], "D/M/YYYY");
    let chosen = json(&segmenta(&["analyze", file.to_str().unwrap(), "--format", "json", "--k", "2", "--date-format", "D/M/YYYY"]));
    assert_eq!(chosen["data"]["lastDate"], "2024-12-11");
    let file = formats("yyyymmdd_quantity_price_returns.csv");
    let dropped = json(&segmenta(&["analyze", file.to_str().unwrap(), "--format", "json", "--k", "2", "--returns", "drop"]));
    assert_eq!(dropped["data"]["returns"]["policy"], "drop");
    assert_eq!(dropped["data"]["rowsUsed"], 4);
    let file = formats("workbook.xlsx");
    let other = json(&segmenta(&["analyze", file.to_str().unwrap(), "--format", "json", "--k", "2", "--sheet", "Other"]));
    assert_eq!(other["data"]["sheet"], "Other");
    assert_eq!(other["customers"], 3);
}

#[test]
fn the_table_shows_what_was_detected_and_where_rows_went() {
    let file = formats("yyyymmdd_quantity_price_returns.csv");
    let out = segmenta(&["analyze", file.to_str().unwrap(), "--k", "2"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Read UTF-8 text, delimiter ','; dates YYYYMMDD; decimal point\n"), "{text}");
    assert!(text.contains("skipped 1 × exact duplicate of an earlier line (lines 4, first value `536365,B,6,20240105,3.39,17850`)"), "{text}");
    assert!(text.contains("returns and cancellations: 2 rows, -13.70, netted against spend"), "{text}");
}
