//! The whole analysis on arbitrary small inputs: it may refuse a file, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use segmenta::cluster::KSetting;
use segmenta::{analyze, Settings};

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    // The first byte picks k (1..=6, or auto), the rest is the file.
    let (choice, file) = data.split_first().map_or((0, data), |(c, rest)| (*c, rest));
    let mut settings = Settings::default();
    settings.clusters.k = match choice % 7 {
        0 => KSetting::Auto,
        n => KSetting::Fixed(n as usize),
    };
    if let Ok(analysis) = analyze(file, &settings) {
        let r = &analysis.report;
        assert_eq!(r.data.rows_read, r.data.rows_used + r.data.rows_skipped(), "every row used or skipped");
        assert!(analysis.clustering.labels.iter().all(|&l| l < analysis.clustering.k));
    }
});
