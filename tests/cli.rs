//! The `segmenta` command line, run as a user runs it.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn segmenta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_segmenta")).args(args).output().expect("the binary runs")
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
