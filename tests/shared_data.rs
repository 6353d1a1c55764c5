//! The core on the real public data sets in ../shared/data (never copied into
//! this repository).

mod common;

use std::io::Read;
use std::path::PathBuf;

use segmenta::date::Day;
use segmenta::rfm::{FrequencyMeasure, MapPreset, RfmOptions, ScoringMethod};
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

/// The R package `rfm`'s own test (tests/testthat/test-rfm-segment.R):
/// its scoring, frequency = rows, the legacy rules, as-of 2006-12-31.
#[test]
fn r_rfm_legacy_preset_reproduces_the_packages_champions() {
    let bytes = shared("rfm_data_orders.csv");
    let rfm = RfmOptions {
        method: ScoringMethod::RRfm,
        frequency: FrequencyMeasure::Rows,
        preset: MapPreset::RRfmLegacy,
        ..RfmOptions::default()
    };
    let settings = Settings { as_of: Day::from_ymd(2006, 12, 31), rfm, ..Settings::default() };
    let a = analyze(&bytes, &settings).unwrap();
    let champions = a.report.rfm.segments.iter().find(|s| s.name == "Champions").unwrap();
    assert_eq!((champions.customers, champions.orders), (158, 1234));
    assert_eq!(champions.revenue.round(), 120_178.0);
    // The first ten customers of the package's test (this copy of the data
    // drops the names' suffixes such as "DVM" and "Sr.").
    let expected = [
        ("Abbey O'Reilly", "Loyal Customers"),
        ("Add Senger", "Potential Loyalist"),
        ("Aden Lesch", "Potential Loyalist"),
        ("Admiral Senger", "Loyal Customers"),
        ("Agness O'Keefe", "Champions"),
        ("Aileen Barton", "Champions"),
        ("Ailene Hermann", "Loyal Customers"),
        ("Aiyanna Bruen", "Potential Loyalist"),
        ("Ala Schmidt", "About To Sleep"),
        ("Alannah Borer", "Lost"),
    ];
    for (id, segment) in expected {
        let i = a.customers.ids.iter().position(|c| c == id).unwrap();
        assert_eq!(a.stage.index.name(a.stage.segments[i]), segment, "{id}");
    }
}

#[test]
fn every_customer_lands_in_exactly_one_segment_with_every_method_and_map() {
    let bytes = shared("rfm_data_orders.csv");
    let methods = [ScoringMethod::Quantiles, ScoringMethod::RRfm, ScoringMethod::Ntile, ScoringMethod::RankFirst];
    for method in methods {
        for (preset, bins) in [(MapPreset::Default, 5), (MapPreset::RRfm, 3), (MapPreset::RRfmLegacy, 4)] {
            let rfm = RfmOptions { method, preset, bins, movement_days: 0, ..RfmOptions::default() };
            let a = analyze(&bytes, &Settings { rfm, ..Settings::default() }).unwrap();
            let r = &a.report.rfm;
            assert_eq!(a.stage.segments.len(), 995);
            assert!(a.stage.segments.iter().all(|&s| s < a.stage.index.len()));
            assert_eq!(r.segments.iter().map(|s| s.customers).sum::<usize>(), 995, "{method:?} {preset:?}");
            assert_eq!(r.coverage.cells.iter().map(|c| c.customers).sum::<usize>(), 995);
            assert_eq!(r.coverage.cells.len(), usize::from(bins).pow(3));
        }
    }
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

/// The quality bar on real data, with linfa-clustering as the
/// reference: for every k from 2 to 8, our default fit of Online Retail's
/// customers is within 1% of linfa's best of ten k-means++ runs.
#[test]
fn online_retail_clusters_are_within_one_percent_of_linfas_best_of_ten() {
    use segmenta::cluster::{ClusterParams, Features, KChoice};

    let mut bytes = Vec::new();
    gunzip(&shared("online_retail.csv.gz"), &mut bytes);
    let analysis = analyze(&bytes[..], &Settings::default()).unwrap();
    let rows = Features::from_rfm(&analysis.rfm).points;
    for k in 2..=8 {
        let params = ClusterParams::new(KChoice::Fixed(k)).check().unwrap();
        common::assert_within_one_percent_of_linfa(&rows, k, &params);
    }
}
