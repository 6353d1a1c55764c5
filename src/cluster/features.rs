//! The K-means feature matrix: recency, frequency, monetary (and optional
//! extras), each log1p-transformed by default, then scaled.

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use crate::ingest::Customers;
use crate::rfm::{quantile_type7, RfmTable};

/// The transform applied to each feature before scaling.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Transform {
    /// `log(1 + x)`, with negative values clipped to 0 first (default).
    #[default]
    Log1p,
    /// The raw values.
    None,
}

/// How features are put on one scale.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Scaling {
    /// `(x − mean) / standard deviation` (default).
    #[default]
    Standard,
    /// `(x − median) / interquartile range`: robust to outliers.
    Robust,
}

/// Features that can be added to recency, frequency and monetary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ExtraFeature {
    /// Days from the first purchase to the as-of date.
    Tenure,
    /// Monetary value divided by frequency.
    AverageOrderValue,
}

impl ExtraFeature {
    fn name(self) -> &'static str {
        match self {
            ExtraFeature::Tenure => "tenure",
            ExtraFeature::AverageOrderValue => "averageOrderValue",
        }
    }
}

/// Which features and how they are prepared. Defaults: R, F, M; log1p;
/// standard scaling.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct FeatureOptions {
    /// Transform before scaling.
    pub transform: Transform,
    /// Scaling.
    pub scaling: Scaling,
    /// Features beyond R, F and M.
    pub extra: Vec<ExtraFeature>,
}

/// The prepared features, one row per customer, and how they were made.
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    /// The points, `customers × features`.
    pub points: Array2<f64>,
    /// Feature names, in column order (`recency`, `frequency`, `monetary`, extras).
    pub names: Vec<&'static str>,
    /// The transform used.
    pub transform: Transform,
    /// The scaling used.
    pub scaling: Scaling,
    /// Subtracted from each transformed column (mean or median).
    pub center: Vec<f64>,
    /// Then divided by (standard deviation or IQR; 1 for a constant column).
    pub scale: Vec<f64>,
    /// Customers whose monetary value was ≤ 0 (net returns): clipped to 0
    /// before the log (with the log1p transform).
    pub clipped_monetary: usize,
}

impl Features {
    /// The default features (R, F, M; log1p; standard scaling) of `rfm`.
    pub fn from_rfm(rfm: &RfmTable) -> Features {
        Features::build(rfm, None, &FeatureOptions::default())
    }

    /// Builds the features chosen in `options`. `customers` is needed only
    /// for the tenure feature (their first purchase dates); without it tenure
    /// is 0.
    pub fn build(rfm: &RfmTable, customers: Option<&Customers>, options: &FeatureOptions) -> Features {
        let n = rfm.len();
        let mut names = vec!["recency", "frequency", "monetary"];
        let mut raw: Vec<Vec<f64>> = vec![
            rfm.recency.iter().map(|&v| f64::from(v)).collect(),
            rfm.frequency.iter().map(|&v| f64::from(v)).collect(),
            rfm.monetary.clone(),
        ];
        for &extra in &options.extra {
            names.push(extra.name());
            raw.push(match extra {
                ExtraFeature::Tenure => (0..n)
                    .map(|i| customers.map_or(0.0, |c| f64::from(rfm.as_of.0 - c.first[i].0)))
                    .collect(),
                ExtraFeature::AverageOrderValue => {
                    (0..n).map(|i| rfm.monetary[i] / f64::from(rfm.frequency[i].max(1))).collect()
                }
            });
        }
        let clipped_monetary = match options.transform {
            Transform::Log1p => rfm.monetary.iter().filter(|&&m| m <= 0.0).count(),
            Transform::None => 0,
        };
        let columns: Vec<Vec<f64>> = raw
            .into_iter()
            .map(|column| match options.transform {
                Transform::Log1p => column.into_iter().map(|v| libm::log1p(v.max(0.0))).collect(),
                Transform::None => column,
            })
            .collect();
        let (center, scale): (Vec<f64>, Vec<f64>) = columns.iter().map(|c| center_and_scale(c, options.scaling)).unzip();
        let mut points = Array2::<f64>::zeros((n, columns.len()));
        for (j, column) in columns.iter().enumerate() {
            for (i, &v) in column.iter().enumerate() {
                points[[i, j]] = (v - center[j]) / scale[j];
            }
        }
        Features { points, names, transform: options.transform, scaling: options.scaling, center, scale, clipped_monetary }
    }

    /// Maps a value of feature `j` in feature space back to original units.
    pub fn to_original(&self, j: usize, value: f64) -> f64 {
        let v = value * self.scale[j] + self.center[j];
        match self.transform {
            Transform::Log1p => libm::expm1(v),
            Transform::None => v,
        }
    }
}

/// Mean and standard deviation, or median and IQR; a scale of 0 becomes 1.
fn center_and_scale(column: &[f64], scaling: Scaling) -> (f64, f64) {
    let n = column.len().max(1) as f64;
    let mean = column.iter().sum::<f64>() / n;
    let std_dev = (column.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n).sqrt();
    let (center, scale) = match scaling {
        Scaling::Standard => (mean, std_dev),
        Scaling::Robust if column.is_empty() => (0.0, 0.0),
        Scaling::Robust => {
            let mut sorted = column.to_vec();
            sorted.sort_by(f64::total_cmp);
            let iqr = quantile_type7(&sorted, 0.75) - quantile_type7(&sorted, 0.25);
            (quantile_type7(&sorted, 0.5), if iqr > 0.0 { iqr } else { std_dev })
        }
    };
    (center, if scale > 0.0 { scale } else { 1.0 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Day;

    fn table() -> RfmTable {
        RfmTable { as_of: Day(0), recency: vec![1, 10, 100, 1], frequency: vec![1, 2, 3, 1], monetary: vec![10.0, -5.0, 1000.0, 10.0] }
    }

    #[test]
    fn columns_are_standardised() {
        let f = Features::from_rfm(&table());
        for j in 0..3 {
            let col = f.points.column(j);
            assert!(col.sum().abs() < 1e-12);
            let var = col.iter().map(|x| x * x).sum::<f64>() / 4.0;
            assert!((var - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn negative_monetary_is_clipped_and_counted() {
        let f = Features::from_rfm(&table());
        assert_eq!(f.clipped_monetary, 1);
        assert!(f.points.iter().all(|x| x.is_finite()));
    }

    #[test]
    fn a_constant_column_stays_finite() {
        let rfm = RfmTable { as_of: Day(0), recency: vec![5, 5], frequency: vec![1, 2], monetary: vec![1.0, 1.0] };
        let f = Features::from_rfm(&rfm);
        assert!(f.points.iter().all(|x| x.is_finite()));
        assert_eq!(f.scale[0], 1.0);
    }

    #[test]
    fn values_map_back_to_original_units() {
        let f = Features::from_rfm(&table());
        for (i, r) in [1.0, 10.0, 100.0, 1.0].iter().enumerate() {
            assert!((f.to_original(0, f.points[[i, 0]]) - r).abs() < 1e-9);
        }
    }

    #[test]
    fn robust_scaling_centres_on_the_median_and_divides_by_the_iqr() {
        let options = FeatureOptions { transform: Transform::None, scaling: Scaling::Robust, extra: vec![] };
        let f = Features::build(&table(), None, &options);
        // frequency 1, 2, 3, 1: median 1.5, quartiles 1 and 2.25
        assert_eq!((f.center[1], f.scale[1]), (1.5, 1.25));
        assert_eq!(f.points[[2, 1]], 1.2);
        assert_eq!(f.clipped_monetary, 0);
    }

    #[test]
    fn extra_features_are_appended() {
        let customers = Customers {
            ids: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            first: vec![Day(-30), Day(-20), Day(-100), Day(-1)],
            last: vec![Day(-1); 4],
            orders: vec![1, 2, 3, 1],
            monetary: vec![10.0, -5.0, 1000.0, 10.0],
            ..Customers::default()
        };
        let options = FeatureOptions { transform: Transform::None, extra: vec![ExtraFeature::Tenure, ExtraFeature::AverageOrderValue], ..FeatureOptions::default() };
        let f = Features::build(&table(), Some(&customers), &options);
        assert_eq!(f.names, ["recency", "frequency", "monetary", "tenure", "averageOrderValue"]);
        assert_eq!(f.to_original(3, f.points[[2, 3]]), 100.0);
        assert!((f.to_original(4, f.points[[2, 4]]) - 1000.0 / 3.0).abs() < 1e-9);
    }
}
