//! The core on the real public data sets in ../shared/data (never copied into
//! this repository).

use std::io::Read;
use std::path::PathBuf;

use segmenta::date::Day;
use segmenta::{analyze, Settings};

fn shared(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e} (the shared data sets live beside the project)", path.display()))
}

#[test]
fn r_rfm_orders_every_customer_in_one_segment() {
    let bytes = shared("rfm_data_orders.csv");
    let settings = Settings { as_of: Day::from_ymd(2006, 12, 31), ..Settings::default() };
    let a = analyze(&bytes, &settings).unwrap();
    let r = &a.report;
    assert_eq!(r.data.rows_read, 4906);
    assert_eq!(r.data.rows_used, 4906);
    assert_eq!(r.customers, 995);
    assert_eq!(r.rfm.segments.iter().map(|s| s.customers).sum::<usize>(), 995);
    assert_eq!(r.clusters.groups.iter().map(|s| s.summary.customers).sum::<usize>(), 995);
    let revenue: f64 = r.rfm.segments.iter().map(|s| s.revenue).sum();
    assert!((revenue - r.revenue).abs() < 1e-6 * r.revenue.abs());
}

#[test]
fn online_retail_accounts_for_every_line() {
    let mut bytes = Vec::new();
    gunzip(&shared("online_retail.csv.gz"), &mut bytes);
    let a = analyze(&bytes, &Settings::default()).unwrap();
    let d = &a.report.data;
    assert_eq!(d.rows_read, 541_909);
    assert_eq!(d.rows_used + d.rows_skipped(), d.rows_read);
    assert_eq!(a.report.customers, 4372);
    assert_eq!(a.report.as_of.to_string(), "2011-12-10");
    assert_eq!(a.report.clusters.clipped_monetary, a.rfm.monetary.iter().filter(|&&m| m <= 0.0).count());
}

/// Unpacks gzip with the system's `gzip -dc` (no compression crate needed for one test).
fn gunzip(gz: &[u8], out: &mut Vec<u8>) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("gzip").arg("-dc").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("gzip runs");
    let mut stdin = child.stdin.take().unwrap();
    let gz = gz.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&gz));
    child.stdout.take().unwrap().read_to_end(out).unwrap();
    writer.join().unwrap().unwrap();
    assert!(child.wait().unwrap().success());
}
