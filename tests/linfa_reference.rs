//! Our K-means held against linfa-clustering's, the reference: the same
//! initial centroids must give the same assignments and a clustering at
//! least as good.

mod common;

use linfa::traits::{Fit, Predict};
use linfa::DatasetBase;
use linfa_clustering::{KMeans, KMeansInit};
use ndarray::Array2;
use segmenta::cluster::{kmeans_plus_plus, lloyd, ClusterParams, Features, KChoice, KMeansModel, Points};
use segmenta::sample::{generate, SampleSpec};
use segmenta::{analyze, Settings};

use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

/// The standardised features of the generated sample's customers.
fn features() -> Array2<f64> {
    let csv = generate(&SampleSpec { customers: 3000, ..SampleSpec::default() });
    let analysis = analyze(csv.as_bytes(), &Settings::default()).unwrap();
    Features::from_rfm(&analysis.rfm).points
}

fn initial_centroids(points: &Points, k: usize, seed: u64) -> Vec<f32> {
    kmeans_plus_plus(points, k, &mut Xoshiro256PlusPlus::seed_from_u64(seed))
}

#[test]
fn the_assignment_step_matches_linfa_for_the_same_centroids() {
    let rows = features();
    let points = Points::from_rows(&rows);
    for k in [2, 4, 8] {
        let init = initial_centroids(&points, k, k as u64);
        let init = Array2::from_shape_vec((k, 3), init.iter().map(|&v| f64::from(v)).collect()).unwrap();
        // One linfa iteration from `init`; its model's centroids are what we assign against.
        let reference = KMeans::params(k)
            .init_method(KMeansInit::Precomputed(init))
            .n_runs(1)
            .max_n_iterations(1)
            .fit(&DatasetBase::from(rows.clone()))
            .unwrap();
        let ours = KMeansModel { centroids: reference.centroids().clone(), inertia: 0.0 };
        let expected: Vec<usize> = reference.predict(&rows).to_vec();
        let got: Vec<usize> = ours.predict(&rows).to_vec();
        let differing = expected.iter().zip(&got).filter(|(a, b)| a != b).count();
        assert_eq!(differing, 0, "k = {k}: {differing} of {} points assigned differently", rows.nrows());
    }
}

#[test]
fn from_the_same_start_our_lloyd_is_at_least_as_good_as_linfa() {
    let rows = features();
    let points = Points::from_rows(&rows);
    for k in 2..=8 {
        let init = initial_centroids(&points, k, 100 + k as u64);
        let ours = lloyd(&points, init.clone(), 300, 0.0);
        let init = Array2::from_shape_vec((k, 3), init.iter().map(|&v| f64::from(v)).collect()).unwrap();
        let reference = KMeans::params(k)
            .init_method(KMeansInit::Precomputed(init))
            .n_runs(1)
            .max_n_iterations(300)
            .tolerance(1e-8)
            .fit(&DatasetBase::from(rows.clone()))
            .unwrap();
        let labels = reference.predict(&rows);
        let linfa_inertia: f64 = rows
            .rows()
            .into_iter()
            .zip(labels.iter())
            .map(|(r, &l)| r.iter().zip(reference.centroids().row(l)).map(|(a, b)| (a - b).powi(2)).sum::<f64>())
            .sum();
        assert!(ours.inertia <= linfa_inertia * 1.001, "k = {k}: ours {} vs linfa {linfa_inertia}", ours.inertia);
        let agree = labels.iter().zip(&ours.labels).filter(|(a, b)| **a == **b as usize).count();
        let share = agree as f64 / rows.nrows() as f64;
        assert!(share > 0.98, "k = {k}: only {:.1}% of labels agree", share * 100.0);
    }
}

#[test]
fn our_full_fit_is_within_one_percent_of_linfas_best_of_ten() {
    let rows = features();
    for k in [3, 5, 8] {
        let params = ClusterParams::new(KChoice::Fixed(k)).seed(1).check().unwrap();
        common::assert_within_one_percent_of_linfa(&rows, k, &params);
    }
}
