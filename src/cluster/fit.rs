//! Fitting K-means: restarts from k-means++, Lloyd on every point, and the
//! automatic choice of k.

use ndarray::Array2;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

use super::init::kmeans_plus_plus;
use super::lloyd::{lloyd, LloydRun};
use super::select::{select_k, KSelection};
use super::{ClusterError, Features, KChoice, Points, ValidClusterParams};

/// k-means++ seeds on at most this many points (a seeded sample); Lloyd then
/// runs on all of them.
pub const INIT_SAMPLE: usize = 50_000;

/// A fitted clustering.
#[derive(Debug, Clone, PartialEq)]
pub struct Clustering {
    /// The k asked for (or the range it was chosen from).
    pub requested: KChoice,
    /// The k used: never more than the number of distinct points.
    pub k: usize,
    /// Cluster of each customer, `0..k`.
    pub labels: Vec<usize>,
    /// Centroids in feature space, `k × d`.
    pub centroids: Array2<f64>,
    /// Sum of squared distances of points to their centroid.
    pub inertia: f64,
    /// Lloyd iterations of the kept run.
    pub iterations: u32,
    /// False when the kept run hit the iteration cap.
    pub converged: bool,
    /// How k was chosen, when it was chosen automatically.
    pub selection: Option<KSelection>,
}

/// Clusters the customers' features (see [`fit_points`]).
pub fn fit(features: &Features, params: &ValidClusterParams) -> Result<Clustering, ClusterError> {
    fit_points(&Points::from_rows(&features.points), params)
}

/// Clusters `points`: the best (lowest inertia) of several Lloyd runs (see
/// [`ValidClusterParams::runs_for`]), each
/// seeded by k-means++ from one seeded random generator, so the same points
/// and parameters always give the same labels, natively and in wasm.
///
/// k is never more than the number of distinct points; with one distinct
/// point everyone is in cluster 0. With [`KChoice::Auto`], every k of the
/// range is fitted on a sample and the one with the best silhouette is kept
/// (see [`KSelection`]).
pub fn fit_points(points: &Points, params: &ValidClusterParams) -> Result<Clustering, ClusterError> {
    if points.is_empty() {
        return Err(ClusterError::NoCustomers);
    }
    if points.dims() == 0 {
        return Err(ClusterError::NoFeatures);
    }
    let limit = match params.k() {
        KChoice::Fixed(k) => k,
        KChoice::Auto { max, .. } => max,
    };
    let distinct = points.distinct_up_to(limit);
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(params.seed());
    let (k, selection) = match params.k() {
        KChoice::Fixed(k) => (k.min(distinct), None),
        KChoice::Auto { min, max } if distinct >= 2 => {
            let max = max.min(distinct);
            let selection = select_k(points, min.min(max)..=max, params, &mut rng);
            (selection.chosen, Some(selection))
        }
        KChoice::Auto { .. } => (1, None),
    };
    let run = best_of_runs(points, k, params.runs_for(points.len(), k), params, &mut rng);
    let d = points.dims();
    let centroids = Array2::from_shape_vec((k, d), run.centroids.iter().map(|&v| f64::from(v)).collect())
        .expect("k × d centroids");
    Ok(Clustering {
        requested: params.k(),
        k,
        labels: run.labels.iter().map(|&l| l as usize).collect(),
        centroids,
        inertia: run.inertia,
        iterations: run.iterations,
        converged: run.converged,
        selection,
    })
}

/// The lowest-inertia of `runs` Lloyd runs (the first on ties).
pub(super) fn best_of_runs(
    points: &Points,
    k: usize,
    runs: usize,
    params: &ValidClusterParams,
    rng: &mut Xoshiro256PlusPlus,
) -> LloydRun {
    let shift_limit = params.tolerance() * points.mean_variance();
    let mut best: Option<LloydRun> = None;
    for _ in 0..runs.max(1) {
        let (seeds, _) = points.sample(INIT_SAMPLE, rng);
        let run = lloyd(points, kmeans_plus_plus(&seeds, k, rng), params.max_iterations(), shift_limit);
        if best.as_ref().is_none_or(|b| run.inertia < b.inertia) {
            best = Some(run);
        }
        if k == 1 {
            break;
        }
    }
    best.expect("n_runs ≥ 1")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::ClusterParams;
    use crate::date::Day;
    use crate::rfm::RfmTable;

    /// Three tight, well separated groups of customers, each with some spread.
    fn planted() -> Features {
        let mut rfm = RfmTable { as_of: Day(0), recency: vec![], frequency: vec![], monetary: vec![] };
        for i in 0..60u32 {
            let (r, f, m) = match i % 3 {
                0 => (2, 20, 5000.0),
                1 => (300, 1, 20.0),
                _ => (60, 5, 300.0),
            };
            let jitter = (i * 7) % 5;
            rfm.recency.push(r + r * jitter / 20);
            rfm.frequency.push(f + u32::from(f > 1 && jitter > 2));
            rfm.monetary.push(m * (1.0 + 0.04 * f64::from((i * 3) % 4)));
        }
        Features::from_rfm(&rfm)
    }

    fn fixed(k: usize) -> ValidClusterParams {
        ClusterParams::new(KChoice::Fixed(k)).check().unwrap()
    }

    #[test]
    fn recovers_planted_clusters_exactly() {
        let c = fit(&planted(), &fixed(3)).unwrap();
        for i in 0..60 {
            for j in 0..60 {
                assert_eq!(c.labels[i] == c.labels[j], i % 3 == j % 3, "{i} {j}");
            }
        }
    }

    #[test]
    fn auto_k_finds_the_three_planted_groups() {
        let params = ClusterParams::new(KChoice::Auto { min: 2, max: 8 }).check().unwrap();
        let c = fit(&planted(), &params).unwrap();
        assert_eq!(c.k, 3);
        let s = c.selection.unwrap();
        assert_eq!(s.candidates.iter().map(|c| c.k).collect::<Vec<_>>(), (2..=8).collect::<Vec<_>>());
    }

    #[test]
    fn same_seed_same_labels() {
        let p = ClusterParams::new(KChoice::Fixed(4)).seed(7).check().unwrap();
        assert_eq!(fit(&planted(), &p).unwrap(), fit(&planted(), &p).unwrap());
    }

    #[test]
    fn k_is_reduced_to_the_number_of_distinct_points() {
        let rfm = RfmTable { as_of: Day(0), recency: vec![1, 1, 9], frequency: vec![2, 2, 1], monetary: vec![5.0, 5.0, 1.0] };
        let c = fit(&Features::from_rfm(&rfm), &fixed(4)).unwrap();
        assert_eq!((c.requested, c.k), (KChoice::Fixed(4), 2));
        assert_eq!(c.labels[0], c.labels[1]);
        assert_ne!(c.labels[0], c.labels[2]);
    }

    #[test]
    fn identical_customers_form_one_cluster() {
        let rfm = RfmTable { as_of: Day(0), recency: vec![3; 5], frequency: vec![1; 5], monetary: vec![9.0; 5] };
        for params in [fixed(4), ClusterParams::new(KChoice::Auto { min: 2, max: 10 }).check().unwrap()] {
            let c = fit(&Features::from_rfm(&rfm), &params).unwrap();
            assert_eq!(c.k, 1);
            assert_eq!(c.labels, vec![0; 5]);
            assert_eq!(c.inertia, 0.0);
        }
    }

    #[test]
    fn one_customer() {
        let rfm = RfmTable { as_of: Day(0), recency: vec![3], frequency: vec![1], monetary: vec![9.0] };
        let c = fit(&Features::from_rfm(&rfm), &fixed(4)).unwrap();
        assert_eq!((c.k, c.labels.as_slice()), (1, [0].as_slice()));
    }

    #[test]
    fn a_feature_without_variance_still_clusters() {
        let rfm = RfmTable { as_of: Day(0), recency: vec![5; 6], frequency: vec![1, 1, 1, 9, 9, 9], monetary: vec![10.0, 11.0, 10.5, 900.0, 950.0, 925.0] };
        let c = fit(&Features::from_rfm(&rfm), &fixed(2)).unwrap();
        assert_eq!(c.labels[0..3], [c.labels[0]; 3]);
        assert_eq!(c.labels[3..6], [c.labels[3]; 3]);
        assert_ne!(c.labels[0], c.labels[3]);
    }
}
