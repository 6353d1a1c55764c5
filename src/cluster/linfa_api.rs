//! Segmenta's K-means behind linfa's traits, so it can stand in for
//! `linfa_clustering::KMeans` (`params.fit(&dataset)?.predict(&records)`).

use linfa::traits::{Fit, PredictInplace};
use linfa::DatasetBase;
use ndarray::{Array1, Array2};

use super::lloyd::assign_all;
use super::{fit_points, ClusterError, Points, ValidClusterParams};

/// A fitted K-means model: centroids in the space of the records it was fitted on.
#[derive(Debug, Clone, PartialEq)]
pub struct KMeansModel {
    /// Centroids, `k × d`.
    pub centroids: Array2<f64>,
    /// Sum of squared distances of the training records to their centroid.
    pub inertia: f64,
}

impl<T> Fit<Array2<f64>, T, ClusterError> for ValidClusterParams {
    type Object = KMeansModel;

    /// Fits on the dataset's records (rows are points).
    fn fit(&self, dataset: &DatasetBase<Array2<f64>, T>) -> Result<KMeansModel, ClusterError> {
        let c = fit_points(&Points::from_rows(dataset.records()), self)?;
        Ok(KMeansModel { centroids: c.centroids, inertia: c.inertia })
    }
}

impl PredictInplace<Array2<f64>, Array1<usize>> for KMeansModel {
    /// The nearest centroid of each row (the first on ties).
    fn predict_inplace(&self, records: &Array2<f64>, labels: &mut Array1<usize>) {
        let points = Points::from_rows(records);
        let centroids: Vec<f32> = self.centroids.iter().map(|&v| v as f32).collect();
        let mut assigned = vec![u32::MAX; points.len()];
        let mut best = vec![0f32; points.len()];
        assign_all(&points, &centroids, &mut assigned, &mut best);
        for (label, &a) in labels.iter_mut().zip(&assigned) {
            *label = a as usize;
        }
    }

    fn default_target(&self, records: &Array2<f64>) -> Array1<usize> {
        Array1::zeros(records.nrows())
    }
}
