//! Measures the ingest throughput (parse and aggregate, no RFM or K-means)
//! natively, gathering the segment movement's earlier customers as an
//! analysis does: `cargo run --release --example ingest_throughput -- FILE`.

use std::time::Instant;

use segmenta::ingest::{IngestOptions, IngestStream};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: ingest_throughput FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut best = f64::MAX;
    for _ in 0..5 {
        let started = Instant::now();
        let mut stream = IngestStream::new(&IngestOptions::default(), None).with_movement(90);
        for chunk in bytes.chunks(64 * 1024) {
            stream.push(chunk).expect("readable");
        }
        let read = stream.finish().expect("readable");
        best = best.min(started.elapsed().as_secs_f64());
        assert!(read.report.rows_read > 0);
    }
    let mb = bytes.len() as f64 / 1e6;
    println!("{path}: {mb:.1} MB in {:.0} ms: {:.0} MB/s (best of 5, 64 KiB chunks)", best * 1000.0, mb / best);
}
