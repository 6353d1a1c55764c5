//! K-means clusters of customers on their log-scaled, standardised R, F and M.
//!
//! [`ClusterOptions`] (the settings) give checked [`ClusterParams`];
//! [`Features`] prepares the points; [`fit`] seeds with k-means++ and runs
//! Lloyd's algorithm on [`Points`] (structure-of-arrays `f32`, hot loops in
//! [`kernels`] built with wasm `simd128`), choosing k by silhouette when asked
//! ([`KSelection`]); [`name_cluster`] describes each cluster in plain words.
//! linfa-clustering's `KMeans` is the reference the tests hold this against,
//! and [`KMeansModel`] offers the result through linfa's `Fit`/`Predict`
//! traits.

mod errors;
mod features;
mod fit;
mod init;
pub mod kernels;
mod linfa_api;
mod lloyd;
mod naming;
mod options;
mod params;
mod points;
mod quality;
mod select;

pub use errors::{ClusterError, ClusterParamsError};
pub use features::{ExtraFeature, FeatureOptions, Features, Scaling, Transform};
pub use fit::{fit, fit_points, Clustering};
pub use init::kmeans_plus_plus;
pub use linfa_api::KMeansModel;
pub use lloyd::{lloyd, LloydRun};
pub use naming::{name_cluster, ClusterName};
pub use options::{ClusterOptions, KChoice, KSetting};
pub use params::{ClusterParams, ValidClusterParams, DEFAULT_RUNS, MAX_K, SMALL_DATA_RUNS, SMALL_DATA_WORK};
pub use points::Points;
pub use quality::{davies_bouldin, silhouette};
pub use select::{KCandidate, KSelection};
