//! The K-means feature matrix: log1p of R, F and M, then z-scores.

use ndarray::Array2;

use crate::rfm::RfmTable;

/// Standardised log-scaled features, one row per customer, columns
/// recency, frequency, monetary.
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    /// The points, `customers × 3`.
    pub points: Array2<f64>,
    /// Per-column mean of the log-scaled values.
    pub mean: [f64; 3],
    /// Per-column standard deviation (population) of the log-scaled values;
    /// a column with none is left centred but unscaled.
    pub std_dev: [f64; 3],
    /// Customers whose monetary value was ≤ 0 (net returns), clipped to 0
    /// before the log.
    pub clipped_monetary: usize,
}

impl Features {
    /// Builds the features of every customer in `rfm`.
    pub fn from_rfm(rfm: &RfmTable) -> Features {
        let n = rfm.len();
        let mut points = Array2::<f64>::zeros((n, 3));
        let mut clipped_monetary = 0;
        for i in 0..n {
            let m = rfm.monetary[i];
            if m <= 0.0 {
                clipped_monetary += 1;
            }
            points[[i, 0]] = libm::log1p(f64::from(rfm.recency[i]));
            points[[i, 1]] = libm::log1p(f64::from(rfm.frequency[i]));
            points[[i, 2]] = libm::log1p(m.max(0.0));
        }
        let mut mean = [0.0; 3];
        let mut std_dev = [0.0; 3];
        for j in 0..3 {
            let column = points.column(j);
            let mu = column.sum() / n.max(1) as f64;
            let var = column.iter().map(|x| (x - mu) * (x - mu)).sum::<f64>() / n.max(1) as f64;
            mean[j] = mu;
            std_dev[j] = var.sqrt();
        }
        for mut row in points.rows_mut() {
            for j in 0..3 {
                let scale = if std_dev[j] > 0.0 { std_dev[j] } else { 1.0 };
                row[j] = (row[j] - mean[j]) / scale;
            }
        }
        Features { points, mean, std_dev, clipped_monetary }
    }
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
        assert_eq!(f.std_dev[0], 0.0);
    }
}
