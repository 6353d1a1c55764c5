//! The segment movement, gathered in the one reading of the file, against
//! an independent computation: the file filtered down to the rows dated on
//! or before the earlier date (as the two-pass version read it), read
//! again, and scored with the later run's cut points.

use std::collections::HashMap;

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use segmenta::date::Day;
use segmenta::generate::{write_transactions, TransactionsSpec};
use segmenta::ingest::{read_with, Customers, IngestOptions};
use segmenta::rfm::RfmTable;
use segmenta::summary::movement;
use segmenta::{analyze, Analysis, Settings};

/// A generated transactions file: header, then rows in date order.
fn generated(rows: usize, seed: u64) -> Vec<u8> {
    let mut csv = Vec::new();
    let spec = TransactionsSpec { rows, customers: Some(rows / 8), seed, ..TransactionsSpec::default() };
    write_transactions(&spec, &mut csv).unwrap();
    csv
}

/// The same rows in a seeded random order (a customer's rows out of date order).
fn shuffled(csv: &[u8], seed: u64) -> Vec<u8> {
    let text = std::str::from_utf8(csv).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[1..].shuffle(&mut Xoshiro256PlusPlus::seed_from_u64(seed));
    let mut out = lines.join("\n");
    out.push('\n');
    out.into_bytes()
}

/// Only the rows whose `InvoiceDate` (column 4, `YYYY-MM-DD HH:MM`) is on
/// or before `date`, every other row kept as written.
fn rows_up_to(csv: &[u8], date: Day) -> Vec<u8> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv);
    let mut writer = csv::Writer::from_writer(Vec::new());
    for (i, record) in reader.byte_records().enumerate() {
        let record = record.unwrap();
        let day = std::str::from_utf8(&record[4]).ok().and_then(|d| Day::parse_iso(&d[..10.min(d.len())]));
        if i == 0 || day.is_some_and(|d| d <= date) {
            writer.write_byte_record(&record).unwrap();
        }
    }
    writer.into_inner().unwrap()
}

/// The earlier date of an analysis: its as-of date minus the movement's days.
fn earlier_date(analysis: &Analysis) -> Day {
    let days = i32::try_from(analysis.settings.rfm.movement_days).unwrap();
    Day(analysis.report.as_of.0 - days)
}

/// The movement matrix as the two-pass version built it: the customers of
/// the filtered file, measured at the earlier date, scored with the later
/// run's cut points, matched to the later customers by id.
fn two_pass_counts(analysis: &Analysis, then: &Customers, date: Day) -> Vec<Vec<usize>> {
    let options = &analysis.settings.rfm;
    let rfm = RfmTable::measure(then, date, options.frequency, options.monetary);
    let old = analysis.scores.rescore(&rfm);
    let by_id: HashMap<&str, usize> = then
        .ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), analysis.stage.index.segment_of(old.r[i], old.f[i], old.m[i])))
        .collect();
    let before: Vec<Option<usize>> = analysis.customers.ids.iter().map(|id| by_id.get(id.as_str()).copied()).collect();
    let names = analysis.stage.index.names().to_vec();
    movement(date, analysis.report.as_of, names, &before, &analysis.stage.segments).counts
}

/// Each customer's earlier record, by id: (last, orders, days, rows, monetary in cents).
fn by_id(c: &Customers) -> HashMap<String, (Day, u32, u32, u32, i64)> {
    (0..c.len())
        .map(|i| (c.ids[i].clone(), (c.last[i], c.orders[i], c.days[i], c.rows[i], (c.monetary[i] * 100.0).round() as i64)))
        .collect()
}

/// Checks one file with one set of settings; returns the customers moved.
fn check(csv: &[u8], settings: &Settings) -> usize {
    let analysis = analyze(csv, settings).unwrap();
    let date = earlier_date(&analysis);
    let filtered = rows_up_to(csv, date);
    let then = read_with(&filtered, &IngestOptions::default(), None).unwrap().customers;
    assert!(then.len() > 10 && then.len() < analysis.customers.len(), "the earlier date splits the customers");

    // The customers as of the earlier date, gathered in one reading…
    let mut stream = segmenta::analysis::stream_for(settings);
    stream.push(csv).unwrap();
    let read = stream.finish().unwrap();
    let snapshot = read.customers_at(date).expect("gathered in the reading");
    // …are the filtered file's customers, record for record.
    assert_eq!(by_id(&snapshot.customers), by_id(&then));
    for (j, &later) in snapshot.positions.iter().enumerate() {
        assert_eq!(read.customers.ids[later], snapshot.customers.ids[j]);
    }

    // And the report's matrix is the two-pass one.
    let m = analysis.report.rfm.movement.as_ref().expect("a movement");
    assert_eq!(m.from_as_of, date);
    assert_eq!(m.counts, two_pass_counts(&analysis, &then, date));
    assert_eq!(m.counts.iter().flatten().sum::<usize>(), analysis.customers.len());
    m.moved
}

fn settings() -> Settings {
    let mut settings = Settings::default();
    settings.clusters.k = segmenta::cluster::KSetting::Fixed(2);
    settings
}

#[test]
fn one_reading_gives_the_movement_of_the_rows_up_to_the_earlier_date() {
    let moved = check(&generated(30_000, 11), &settings());
    assert!(moved > 0, "some customers changed segment");
}

#[test]
fn rows_out_of_date_order_give_the_same_movement_as_filtering_them() {
    let csv = shuffled(&generated(30_000, 12), 5);
    check(&csv, &settings());
}

#[test]
fn other_windows_measures_and_a_given_as_of_date_too() {
    let csv = generated(20_000, 13);
    let mut s = settings();
    s.rfm.movement_days = 200;
    s.rfm.frequency = segmenta::rfm::FrequencyMeasure::Days;
    check(&csv, &s);
    let mut s = settings();
    s.as_of = Day::from_ymd(2025, 6, 30);
    s.rfm.movement_days = 45;
    s.rfm.monetary = segmenta::rfm::MonetaryMeasure::AverageOrder;
    check(&shuffled(&csv, 9), &s);
}

#[test]
fn an_earlier_date_with_no_transactions_gives_the_note() {
    let csv = generated(2_000, 14);
    let mut s = settings();
    s.rfm.movement_days = 5_000;
    let analysis = analyze(&csv, &s).unwrap();
    assert!(analysis.report.rfm.movement.is_none());
    let note = analysis.report.rfm.movement_note.as_ref().unwrap();
    assert_eq!(note.code.as_str(), "movement.noneBefore");
    assert!(note.text.starts_with("No movement to show: the file has no transactions on or before"), "{}", note.text);
}
