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
    let no_movement = ["--format", "json", "--k", "2", "--movement-days", "0"];
    let piped = segmenta_stdin(&[&["analyze"][..], &no_movement].concat(), &bytes);
    let dashed = segmenta_stdin(&[&["analyze", "-"][..], &no_movement].concat(), &bytes);
    let from_path = segmenta(&[&["analyze", file.to_str().unwrap()][..], &no_movement].concat());
    assert!(json(&piped) == json(&from_path), "standard input and the path give the same report");
    assert!(json(&dashed) == json(&from_path), "`-` and the path give the same report");
    // The file is read once, so standard input gets the segment movement too.
    let with_movement = ["analyze", "--format", "json", "--k", "2", "--movement-days", "4"];
    let piped_movement = json(&segmenta_stdin(&with_movement, &bytes));
    let path_movement = json(&segmenta(&[&with_movement[..], &[file.to_str().unwrap()]].concat()));
    assert!(piped_movement["rfm"]["movement"].is_object(), "{}", piped_movement["rfm"]);
    assert!(piped_movement == path_movement, "standard input and the path give the same movement");
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

fn shared(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data").join(name)
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("segmenta-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn saved_settings_reproduce_every_output_of_the_run_that_saved_them() {
    let dir = temp_dir("settings");
    let file = shared("rfm_data_orders.csv");
    let p = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    let first = segmenta(&[
        "analyze", file.to_str().unwrap(), "--as-of", "2006-12-31", "--method", "r-rfm", "--frequency", "rows",
        "--map", "r-rfm-legacy", "--bins", "5", "--k", "3", "--customers-out", &p("c1.csv"), "--summary-out", &p("s1.json"),
        "--save-settings", &p("settings.json"), "--format", "json",
    ]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let settings: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(p("settings.json")).unwrap()).unwrap();
    assert_eq!(settings["asOf"], "2006-12-31");
    assert_eq!(settings["rfm"]["method"], "rRfm");
    assert_eq!(settings["rfm"]["map"]["segments"][0]["name"], "Champions");
    assert_eq!(settings["clusters"]["k"], 3);

    let again = segmenta(&[
        "analyze", file.to_str().unwrap(), "--settings", &p("settings.json"), "--customers-out", &p("c2.csv"),
        "--summary-out", &p("s2.json"), "--format", "json",
    ]);
    assert_eq!(again.stdout, first.stdout);
    assert_eq!(std::fs::read(p("c1.csv")).unwrap(), std::fs::read(p("c2.csv")).unwrap());
    assert_eq!(std::fs::read(p("s1.json")).unwrap(), std::fs::read(p("s2.json")).unwrap());
    let summary: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(p("s1.json")).unwrap()).unwrap();
    let champions = &summary["rfm"]["segments"][0];
    assert_eq!((champions["name"].as_str(), champions["customers"].as_u64(), champions["orders"].as_u64()), (Some("Champions"), Some(158), Some(1234)));
}

#[test]
fn customers_and_segment_csv_outputs() {
    let dir = temp_dir("csv");
    let file = fixture("dirty.csv");
    let (c, s) = (dir.join("customers.csv"), dir.join("segments.csv"));
    let out = segmenta(&["analyze", file.to_str().unwrap(), "--customers-out", c.to_str().unwrap(), "--summary-out", s.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let customers = std::fs::read_to_string(c).unwrap();
    let lines: Vec<&str> = customers.lines().collect();
    assert_eq!(lines[0], "customer_id,first_purchase,last_purchase,tenure_days,orders,revenue,average_order_value,recency_days,frequency,monetary,r,f,m,code,segment,value_tier,cluster,cluster_name");
    assert_eq!(lines.len(), 3);
    let segments = std::fs::read_to_string(s).unwrap();
    assert!(segments.starts_with("segment,description,customers,customer_share,orders,revenue,"), "{segments}");
}

#[test]
fn a_bad_settings_file_and_bad_rfm_settings_are_one_sentence_each() {
    let dir = temp_dir("bad");
    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"rfm": {"bins": 7}}"#).unwrap();
    let file = fixture("dirty.csv");
    let out = segmenta(&["analyze", file.to_str().unwrap(), "--settings", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the number of score bins must be 3, 4 or 5, not 7"));
    let out = segmenta(&["analyze", file.to_str().unwrap(), "--bins", "3"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("which does not exist with 3 bins"));
    std::fs::write(&bad, r#"{"rfm": {"colour": 1}}"#).unwrap();
    let out = segmenta(&["analyze", file.to_str().unwrap(), "--settings", bad.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a valid settings file: unknown field `colour`"));
}

#[test]
fn limits_refuse_a_file_or_a_stream_too_large_with_the_limit_and_the_figure() {
    let file = fixture("dirty.csv");
    let size = std::fs::metadata(&file).unwrap().len();
    let out = segmenta(&["analyze", file.to_str().unwrap(), "--max-file-bytes", "100"]);
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains(&format!("the file is {size} bytes, larger than the limit of 100 bytes for one file")), "{message}");

    let csv = "customer_id,order_date,amount\n".to_owned() + &"a,2024-01-01,5\n".repeat(20);
    let out = segmenta_stdin(&["analyze", "-", "--max-file-bytes", "100"], csv.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("the input goes on past the limit of 100 bytes for one file"), "{message}");

    let csv = "customer_id,order_date,amount\na,2024-01-01,5\nb,2024-01-02,6\nc,2024-01-03,7\n";
    let out = segmenta_stdin(&["analyze", "-", "--max-customers", "2"], csv.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("more than 2 distinct customers (the limit, passed at line 4)"), "{message}");
}
