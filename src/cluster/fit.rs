//! Running K-means (linfa-clustering) on the features.

use linfa::traits::{Fit, Predict};
use linfa::DatasetBase;
use linfa_clustering::KMeans;
use ndarray::Array2;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256Plus;

use super::{ClusterError, Features, ValidClusterParams};

/// A fitted clustering.
#[derive(Debug, Clone, PartialEq)]
pub struct Clustering {
    /// The k asked for.
    pub requested_k: usize,
    /// The k used: never more than the number of distinct points.
    pub k: usize,
    /// Cluster of each customer, `0..k`.
    pub labels: Vec<usize>,
    /// Centroids in feature space, `k × 3`.
    pub centroids: Array2<f64>,
    /// Sum of squared distances of points to their centroid.
    pub inertia: f64,
}

/// Clusters the points with k-means++ initialisation and a seeded RNG; the
/// best of `n_runs` restarts (lowest inertia) is kept.
///
/// When there are fewer distinct points than k, k is reduced to their number
/// (see [`Clustering::k`]); with a single distinct point everyone is in
/// cluster 0.
pub fn fit(features: &Features, params: &ValidClusterParams) -> Result<Clustering, ClusterError> {
    let n = features.points.nrows();
    if n == 0 {
        return Err(ClusterError::NoCustomers);
    }
    let k = params.k().min(features.distinct_points());
    if k == 1 {
        let centroid = features.points.mean_axis(ndarray::Axis(0)).expect("n > 0");
        let inertia = features.points.rows().into_iter().map(|r| sq_dist(r.as_slice().unwrap_or(&[]), centroid.as_slice().unwrap_or(&[]))).sum();
        return Ok(Clustering {
            requested_k: params.k(),
            k,
            labels: vec![0; n],
            centroids: centroid.insert_axis(ndarray::Axis(0)),
            inertia,
        });
    }
    let dataset = DatasetBase::from(features.points.clone());
    let rng = Xoshiro256Plus::seed_from_u64(params.seed());
    let model = KMeans::params_with_rng(k, rng)
        .n_runs(params.n_runs())
        .max_n_iterations(params.max_iterations())
        .tolerance(params.tolerance())
        .fit(&dataset)?;
    let labels = model.predict(&features.points).to_vec();
    Ok(Clustering {
        requested_k: params.k(),
        k,
        labels,
        centroids: model.centroids().clone(),
        inertia: model.inertia(),
    })
}

fn sq_dist(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::ClusterParams;
    use crate::date::Day;
    use crate::rfm::RfmTable;

    /// Three tight, well separated groups of customers.
    fn planted() -> Features {
        let mut rfm = RfmTable { as_of: Day(0), recency: vec![], frequency: vec![], monetary: vec![] };
        for i in 0..30u32 {
            let (r, f, m) = match i % 3 {
                0 => (2 + i % 2, 20, 5000.0),
                1 => (300 + i % 2, 1, 20.0),
                _ => (60 + i % 2, 5, 300.0),
            };
            rfm.recency.push(r);
            rfm.frequency.push(f);
            rfm.monetary.push(m + f64::from(i % 2));
        }
        Features::from_rfm(&rfm)
    }

    #[test]
    fn recovers_planted_clusters_exactly() {
        let c = fit(&planted(), &ClusterParams::new(3).check().unwrap()).unwrap();
        for i in 0..30 {
            for j in 0..30 {
                assert_eq!(c.labels[i] == c.labels[j], i % 3 == j % 3, "{i} {j}");
            }
        }
    }

    #[test]
    fn same_seed_same_labels() {
        let p = ClusterParams::new(4).seed(7).check().unwrap();
        assert_eq!(fit(&planted(), &p).unwrap(), fit(&planted(), &p).unwrap());
    }

    #[test]
    fn k_is_reduced_to_the_number_of_distinct_points() {
        let rfm = RfmTable { as_of: Day(0), recency: vec![1, 1, 9], frequency: vec![2, 2, 1], monetary: vec![5.0, 5.0, 1.0] };
        let c = fit(&Features::from_rfm(&rfm), &ClusterParams::new(4).check().unwrap()).unwrap();
        assert_eq!((c.requested_k, c.k), (4, 2));
        assert_eq!(c.labels[0], c.labels[1]);
        assert_ne!(c.labels[0], c.labels[2]);
    }

    #[test]
    fn identical_customers_form_one_cluster() {
        let rfm = RfmTable { as_of: Day(0), recency: vec![3; 5], frequency: vec![1; 5], monetary: vec![9.0; 5] };
        let c = fit(&Features::from_rfm(&rfm), &ClusterParams::new(4).check().unwrap()).unwrap();
        assert_eq!(c.k, 1);
        assert_eq!(c.labels, vec![0; 5]);
        assert_eq!(c.inertia, 0.0);
    }
}
