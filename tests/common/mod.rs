//! Helpers shared by the integration tests.

use linfa::traits::Fit;
use linfa::DatasetBase;
use ndarray::Array2;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use segmenta::cluster::ValidClusterParams;

/// Asserts that our fit of `rows` with `params` has an inertia within 1% of
/// linfa-clustering's best of ten k-means++ runs for the same k (the K-means
/// issue's quality bar, with linfa as the reference).
pub fn assert_within_one_percent_of_linfa(rows: &Array2<f64>, k: usize, params: &ValidClusterParams) {
    let dataset = DatasetBase::from(rows.clone());
    let ours = params.fit(&dataset).unwrap();
    let reference = linfa_clustering::KMeans::params_with_rng(k, Xoshiro256PlusPlus::seed_from_u64(0))
        .n_runs(10)
        .tolerance(1e-6)
        .fit(&dataset)
        .unwrap();
    let linfa_inertia = reference.inertia() * rows.nrows() as f64;
    assert!(ours.inertia <= linfa_inertia * 1.01, "k = {k}: ours {} vs linfa best of 10 {linfa_inertia}", ours.inertia);
}
