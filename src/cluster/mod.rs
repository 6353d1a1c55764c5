//! K-means clusters of customers on their log-scaled, standardised R, F and M.
//!
//! [`ClusterParams`] checks the hyperparameters, [`Features`] prepares the
//! points, [`fit`] runs linfa-clustering's K-means with a fixed seed and
//! [`name_cluster`] describes each cluster in plain words.

mod errors;
mod features;
mod fit;
mod naming;
mod options;
mod params;

pub use errors::{ClusterError, ClusterParamsError};
pub use features::Features;
pub use fit::{fit, Clustering};
pub use naming::name_cluster;
pub use options::ClusterOptions;
pub use params::{ClusterParams, ValidClusterParams};
