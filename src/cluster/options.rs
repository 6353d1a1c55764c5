//! How customers are clustered: the clusters section of the settings.

use serde::{Deserialize, Serialize};

use super::{ClusterParams, ClusterParamsError, ValidClusterParams};

/// Cluster settings. Defaults: k = 4, seed = 42.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ClusterOptions {
    /// Number of K-means clusters.
    pub k: usize,
    /// Seed: same file + same settings → same clusters.
    pub seed: u64,
}

impl Default for ClusterOptions {
    fn default() -> ClusterOptions {
        ClusterOptions { k: 4, seed: 42 }
    }
}

impl ClusterOptions {
    /// The checked K-means hyperparameters these options ask for.
    pub fn params(&self) -> Result<ValidClusterParams, ClusterParamsError> {
        ClusterParams::new(self.k).seed(self.seed).check()
    }
}
