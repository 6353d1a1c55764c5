//! Timing for benchmarks, shared by the CLI (`segmenta kmeans-eval`,
//! `segmenta stages`) and the wasm build (`benchKmeans`, `benchStages`), so
//! both time exactly the same work.
//! The clock is passed in: `std::time::Instant` does not exist in the
//! browser.

use serde::Serialize;

use crate::analysis::{analyze_timed, StageTimes};
use crate::cluster::{fit, ClusterError, ClusterParams, Features, KChoice};
use crate::Settings;

/// One k's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KmeansTiming {
    /// The k.
    pub k: usize,
    /// Points clustered.
    pub customers: usize,
    /// Restarts per fit.
    pub n_runs: usize,
    /// Inertia of the (last) fit.
    pub inertia: f64,
    /// Lloyd iterations of the kept run.
    pub iterations: u32,
    /// Fastest fit, in milliseconds.
    pub fit_ms_min: f64,
    /// Median fit.
    pub fit_ms_median: f64,
    /// Slowest fit.
    pub fit_ms_max: f64,
}

/// Fits every k in `ks` `repeat` times (at least once) with `n_runs`
/// restarts (`None`: the product's defaults) and reports the timings; `now`
/// returns milliseconds.
pub fn time_kmeans(
    features: &Features,
    ks: std::ops::RangeInclusive<usize>,
    n_runs: Option<usize>,
    repeat: usize,
    now: &dyn Fn() -> f64,
) -> Result<Vec<KmeansTiming>, ClusterError> {
    ks.map(|k| {
        let params = ClusterParams::new(KChoice::Fixed(k));
        let params = match n_runs {
            Some(runs) => params.n_runs(runs),
            None => params,
        }
        .check()?;
        let mut times = Vec::with_capacity(repeat.max(1));
        let mut last = None;
        for _ in 0..repeat.max(1) {
            let started = now();
            last = Some(fit(features, &params)?);
            times.push(now() - started);
        }
        let spread = Spread::of(times);
        let c = last.expect("at least one fit");
        Ok(KmeansTiming {
            k,
            customers: features.points.nrows(),
            n_runs: params.runs_for(features.points.nrows(), k),
            inertia: c.inertia,
            iterations: c.iterations,
            fit_ms_min: spread.min,
            fit_ms_median: spread.median,
            fit_ms_max: spread.max,
        })
    })
    .collect()
}

/// Fastest, median and slowest of a set of timings (milliseconds).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Spread {
    /// Fastest.
    pub min: f64,
    /// Median (the upper one for an even count).
    pub median: f64,
    /// Slowest.
    pub max: f64,
}

impl Spread {
    /// The spread of `times`; all zero when there are none.
    ///
    /// ```
    /// use segmenta::bench::Spread;
    /// let s = Spread::of(vec![3.0, 1.0, 2.0]);
    /// assert_eq!((s.min, s.median, s.max), (1.0, 2.0, 3.0));
    /// ```
    pub fn of(mut times: Vec<f64>) -> Spread {
        if times.is_empty() {
            return Spread::default();
        }
        times.sort_by(f64::total_cmp);
        Spread { min: times[0], median: times[times.len() / 2], max: times[times.len() - 1] }
    }
}

/// Stage timings of repeated analyses of one file (see [`time_stages`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StagesTiming {
    /// Size of the file.
    pub bytes: usize,
    /// Data rows read.
    pub rows: u64,
    /// Customers found.
    pub customers: usize,
    /// The k used (chosen, when automatic).
    pub k: usize,
    /// Analyses timed.
    pub repeat: usize,
    /// CSV parsing alone: every record read, nothing else.
    pub parse: Spread,
    /// Parsing and folding rows into customers.
    pub ingest: Spread,
    /// RFM, scores, segments and their summaries.
    pub rfm: Spread,
    /// Clustering features.
    pub features: Spread,
    /// K-means (with the choice of k when automatic).
    pub clusters: Spread,
    /// Cluster profiles.
    pub profiles: Spread,
    /// The whole analysis.
    pub total: Spread,
}

/// Analyses `bytes` `repeat` times (at least once), and scans the CSV as
/// many times, timing each stage; `now` returns milliseconds.
pub fn time_stages(bytes: &[u8], settings: &Settings, repeat: usize, now: &dyn Fn() -> f64) -> crate::Result<StagesTiming> {
    let repeat = repeat.max(1);
    let mut parse = Vec::with_capacity(repeat);
    let mut stages: Vec<StageTimes> = Vec::with_capacity(repeat);
    let mut totals = Vec::with_capacity(repeat);
    let mut last = None;
    for _ in 0..repeat {
        let started = now();
        scan_csv(bytes);
        parse.push(now() - started);
        let started = now();
        let (analysis, times) = analyze_timed(bytes, settings, now)?;
        totals.push(now() - started);
        stages.push(times);
        last = Some(analysis);
    }
    let analysis = last.expect("at least one analysis");
    let spread = |stage: fn(&StageTimes) -> f64| Spread::of(stages.iter().map(stage).collect());
    Ok(StagesTiming {
        bytes: bytes.len(),
        rows: analysis.report.data.rows_read,
        customers: analysis.report.customers,
        k: analysis.clustering.k,
        repeat,
        parse: Spread::of(parse),
        ingest: spread(|t| t.ingest),
        rfm: spread(|t| t.rfm),
        features: spread(|t| t.features),
        clusters: spread(|t| t.clusters),
        profiles: spread(|t| t.profiles),
        total: Spread::of(totals),
    })
}

/// Splits every record of a comma-separated file with the ingest stage's
/// own splitter (csv-core underneath) and does nothing with them: the
/// parsing floor of the ingest stage. Returns the number of data records
/// (the header not counted).
///
/// ```
/// assert_eq!(segmenta::bench::scan_csv(b"a,b\n1,2\n3,4\n"), 2);
/// ```
pub fn scan_csv(bytes: &[u8]) -> u64 {
    let mut splitter = crate::ingest::Splitter::new(b',');
    let mut records = 0u64;
    let counted = splitter.feed::<()>(bytes, true, |_| {
        records += 1;
        Ok(())
    });
    debug_assert!(counted.is_ok());
    records.saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{generate, SampleSpec};
    use std::cell::Cell;

    #[test]
    fn stage_times_add_up_to_at_most_the_total_and_results_match_analyze() {
        let csv = generate(&SampleSpec { customers: 300, ..SampleSpec::default() });
        let tick = Cell::new(0.0);
        let clock = || {
            tick.set(tick.get() + 1.0);
            tick.get()
        };
        let timing = time_stages(csv.as_bytes(), &Settings::default(), 3, &clock).unwrap();
        assert_eq!(timing.customers, 300);
        assert_eq!(timing.rows, crate::analyze(csv.as_bytes(), &Settings::default()).unwrap().report.data.rows_read);
        assert_eq!(timing.repeat, 3);
        // Each stage is one tick of the fake clock; the total spans them all
        // plus the first reading inside the analysis.
        for stage in [timing.ingest, timing.rfm, timing.features, timing.clusters, timing.profiles, timing.parse] {
            assert_eq!((stage.min, stage.median, stage.max), (1.0, 1.0, 1.0));
        }
        assert_eq!(timing.total.median, 7.0);
    }

    #[test]
    fn scan_counts_records_with_quotes_and_ragged_rows() {
        assert_eq!(scan_csv(b"a,b\n\"x,y\",1\n2\n\n3,4,5\n"), 3);
    }
}
