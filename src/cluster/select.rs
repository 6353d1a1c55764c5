//! Choosing k: fit every k of a range on a sample and keep the one with the
//! best silhouette; the elbow (inertia) and Davies–Bouldin curves are kept
//! beside it so the page can show why.

use std::ops::RangeInclusive;

use rand_xoshiro::Xoshiro256PlusPlus;
use serde::Serialize;

use super::fit::best_of_runs;
use super::quality::{davies_bouldin, silhouette};
use super::{Points, ValidClusterParams};

/// Each k is fitted on at most this many points (a seeded sample).
pub const SELECTION_SAMPLE: usize = 20_000;
/// The silhouette (quadratic) is computed on at most this many of them.
pub const SILHOUETTE_SAMPLE: usize = 4_000;

/// One k tried.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KCandidate {
    /// The k.
    pub k: usize,
    /// Inertia on the selection sample (the elbow curve).
    pub inertia: f64,
    /// Mean silhouette on the silhouette sample (higher is better).
    pub silhouette: Option<f64>,
    /// Davies–Bouldin index on the selection sample (lower is better).
    pub davies_bouldin: Option<f64>,
}

/// How k was chosen.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KSelection {
    /// Every k tried, in order.
    pub candidates: Vec<KCandidate>,
    /// The k with the best silhouette (the smallest such k on ties).
    pub chosen: usize,
    /// Points each k was fitted on.
    pub sample_size: usize,
    /// Points the silhouette was computed on.
    pub silhouette_sample_size: usize,
}

/// Fits each k in `ks` on a sample of `points` and picks by silhouette.
pub fn select_k(
    points: &Points,
    ks: RangeInclusive<usize>,
    params: &ValidClusterParams,
    rng: &mut Xoshiro256PlusPlus,
) -> KSelection {
    let (sample, _) = points.sample(SELECTION_SAMPLE, rng);
    let (scored, scored_index) = sample.sample(SILHOUETTE_SAMPLE, rng);
    let candidates: Vec<KCandidate> = ks
        .clone()
        .map(|k| {
            let run = best_of_runs(&sample, k, params.n_runs(), params, rng);
            let scored_labels: Vec<u32> = scored_index.iter().map(|&i| run.labels[i]).collect();
            KCandidate {
                k,
                inertia: run.inertia,
                silhouette: silhouette(&scored, &scored_labels, k),
                davies_bouldin: davies_bouldin(&sample, &run.labels, &run.centroids),
            }
        })
        .collect();
    let chosen = candidates
        .iter()
        .filter_map(|c| c.silhouette.map(|s| (s, c.k)))
        .fold(None, |best: Option<(f64, usize)>, (s, k)| match best {
            Some((b, _)) if b >= s => best,
            _ => Some((s, k)),
        })
        .map_or(*ks.start(), |(_, k)| k);
    KSelection { candidates, chosen, sample_size: sample.len(), silhouette_sample_size: scored.len() }
}
