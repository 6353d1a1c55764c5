//! K-means timing for benchmarks, shared by the CLI (`segmenta kmeans-eval`)
//! and the wasm build (`benchKmeans`), so both time exactly the same work.
//! The clock is passed in: `std::time::Instant` does not exist in the
//! browser.

use serde::Serialize;

use crate::cluster::{fit, ClusterError, ClusterParams, Features, KChoice};

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
/// restarts and reports the timings; `now` returns milliseconds.
pub fn time_kmeans(
    features: &Features,
    ks: std::ops::RangeInclusive<usize>,
    n_runs: usize,
    repeat: usize,
    now: &dyn Fn() -> f64,
) -> Result<Vec<KmeansTiming>, ClusterError> {
    ks.map(|k| {
        let params = ClusterParams::new(KChoice::Fixed(k)).n_runs(n_runs).check()?;
        let mut times = Vec::with_capacity(repeat.max(1));
        let mut last = None;
        for _ in 0..repeat.max(1) {
            let started = now();
            last = Some(fit(features, &params)?);
            times.push(now() - started);
        }
        times.sort_by(f64::total_cmp);
        let c = last.expect("at least one fit");
        Ok(KmeansTiming {
            k,
            customers: features.points.nrows(),
            n_runs,
            inertia: c.inertia,
            iterations: c.iterations,
            fit_ms_min: times[0],
            fit_ms_median: times[times.len() / 2],
            fit_ms_max: times[times.len() - 1],
        })
    })
    .collect()
}
