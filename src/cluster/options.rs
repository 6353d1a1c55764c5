//! How customers are clustered: the clusters section of the settings.

use serde::{Deserialize, Serialize};

use super::{ClusterParams, ClusterParamsError, FeatureOptions, ValidClusterParams};

/// How many clusters: a number the user chose, or chosen from a range by the
/// silhouette score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KChoice {
    /// Exactly this k (reduced only when there are fewer distinct customers).
    Fixed(usize),
    /// The k in `min..=max` with the best silhouette score.
    Auto {
        /// Smallest k tried.
        min: usize,
        /// Largest k tried.
        max: usize,
    },
}

/// The `k` setting as written in JSON: `"auto"` or a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KSetting {
    /// Choose k automatically.
    #[default]
    Auto,
    /// Use this k.
    Fixed(usize),
}

impl Serialize for KSetting {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            KSetting::Auto => s.serialize_str("auto"),
            KSetting::Fixed(k) => s.serialize_u64(*k as u64),
        }
    }
}

impl<'de> Deserialize<'de> for KSetting {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<KSetting, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(usize),
            Word(String),
        }
        match Raw::deserialize(d)? {
            Raw::Number(k) => Ok(KSetting::Fixed(k)),
            Raw::Word(w) if w == "auto" => Ok(KSetting::Auto),
            Raw::Word(w) => Err(serde::de::Error::custom(format!("k must be \"auto\" or a whole number, not \"{w}\""))),
        }
    }
}

/// Cluster settings. Defaults: k chosen automatically from 2..=10, seed 42,
/// features R, F, M with log1p and standard scaling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ClusterOptions {
    /// Number of clusters, or `"auto"`.
    pub k: KSetting,
    /// Smallest k tried by `"auto"`.
    pub k_min: usize,
    /// Largest k tried by `"auto"`.
    pub k_max: usize,
    /// Seed: same file + same settings → same clusters.
    pub seed: u64,
    /// Which features, transformed and scaled how.
    pub features: FeatureOptions,
}

impl Default for ClusterOptions {
    fn default() -> ClusterOptions {
        ClusterOptions { k: KSetting::Auto, k_min: 2, k_max: 10, seed: 42, features: FeatureOptions::default() }
    }
}

impl ClusterOptions {
    /// The checked K-means hyperparameters these options ask for.
    pub fn params(&self) -> Result<ValidClusterParams, ClusterParamsError> {
        let k = match self.k {
            KSetting::Auto => KChoice::Auto { min: self.k_min, max: self.k_max },
            KSetting::Fixed(k) => KChoice::Fixed(k),
        };
        ClusterParams::new(k).seed(self.seed).check()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_reads_auto_or_a_number() {
        let auto: ClusterOptions = serde_json::from_str(r#"{"k": "auto"}"#).unwrap();
        assert_eq!(auto.k, KSetting::Auto);
        let five: ClusterOptions = serde_json::from_str(r#"{"k": 5}"#).unwrap();
        assert_eq!(five.k, KSetting::Fixed(5));
        let err = serde_json::from_str::<ClusterOptions>(r#"{"k": "many"}"#).unwrap_err();
        assert!(err.to_string().contains(r#"k must be "auto" or a whole number, not "many""#), "{err}");
    }

    #[test]
    fn k_writes_back_the_same_way() {
        let o = ClusterOptions { k: KSetting::Fixed(3), ..ClusterOptions::default() };
        assert_eq!(serde_json::to_value(&o).unwrap()["k"], 3);
        assert_eq!(serde_json::to_value(ClusterOptions::default()).unwrap()["k"], "auto");
    }

    #[test]
    fn the_auto_range_reaches_the_params() {
        let o = ClusterOptions { k_min: 3, k_max: 6, ..ClusterOptions::default() };
        assert_eq!(o.params().unwrap().k(), KChoice::Auto { min: 3, max: 6 });
    }
}
