//! Points in structure-of-arrays form (one contiguous `f32` column per
//! feature), the layout the hot loops vectorise over.

use ndarray::Array2;
use rand::seq::index;
use rand::Rng;

/// `n` points of `d` features, stored column by column.
#[derive(Debug, Clone, PartialEq)]
pub struct Points {
    columns: Vec<Vec<f32>>,
    n: usize,
}

impl Points {
    /// Converts a `n × d` matrix (rows are points).
    pub fn from_rows(rows: &Array2<f64>) -> Points {
        let columns = rows.columns().into_iter().map(|c| c.iter().map(|&v| v as f32).collect()).collect();
        Points { columns, n: rows.nrows() }
    }

    /// Builds points from columns of equal length.
    ///
    /// Panics if the columns differ in length or there are none.
    pub fn from_columns(columns: Vec<Vec<f32>>) -> Points {
        let n = columns.first().expect("at least one feature").len();
        assert!(columns.iter().all(|c| c.len() == n), "columns of different lengths");
        Points { columns, n }
    }

    /// Number of points.
    pub fn len(&self) -> usize {
        self.n
    }

    /// True when there are no points.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Number of features.
    pub fn dims(&self) -> usize {
        self.columns.len()
    }

    /// Feature `f` of every point.
    pub fn column(&self, f: usize) -> &[f32] {
        &self.columns[f]
    }

    /// Point `i` as a row.
    pub fn row(&self, i: usize) -> Vec<f32> {
        self.columns.iter().map(|c| c[i]).collect()
    }

    /// The points at `indices`, in that order.
    pub fn select(&self, indices: &[usize]) -> Points {
        let columns = self.columns.iter().map(|c| indices.iter().map(|&i| c[i]).collect()).collect();
        Points { columns, n: indices.len() }
    }

    /// Number of distinct points (bit-identical points count once), counted
    /// up to `limit`: the answer is `min(distinct, limit)`. Linear in the
    /// number of points, without allocating per point.
    pub fn distinct_up_to(&self, limit: usize) -> usize {
        let mut seen: Vec<usize> = Vec::with_capacity(limit);
        let same = |a: usize, b: usize| self.columns.iter().all(|c| c[a].to_bits() == c[b].to_bits());
        for i in 0..self.n {
            if seen.len() >= limit {
                break;
            }
            if !seen.iter().any(|&j| same(i, j)) {
                seen.push(i);
            }
        }
        seen.len()
    }

    /// The mean over features of each feature's variance (population).
    pub fn mean_variance(&self) -> f64 {
        if self.n == 0 || self.columns.is_empty() {
            return 0.0;
        }
        let variance = |c: &Vec<f32>| {
            let mean = c.iter().map(|&v| f64::from(v)).sum::<f64>() / self.n as f64;
            c.iter().map(|&v| (f64::from(v) - mean).powi(2)).sum::<f64>() / self.n as f64
        };
        self.columns.iter().map(variance).sum::<f64>() / self.columns.len() as f64
    }

    /// A seeded random subset of at most `size` points (all of them, in
    /// order, when there are no more than `size`), with their indices.
    pub fn sample(&self, size: usize, rng: &mut impl Rng) -> (Points, Vec<usize>) {
        if self.n <= size {
            return (self.clone(), (0..self.n).collect());
        }
        let mut indices = index::sample(rng, self.n, size).into_vec();
        indices.sort_unstable();
        (self.select(&indices), indices)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;
    use rand::SeedableRng;
    use rand_xoshiro::Xoshiro256PlusPlus;

    #[test]
    fn rows_become_columns() {
        let p = Points::from_rows(&array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]);
        assert_eq!((p.len(), p.dims()), (3, 2));
        assert_eq!(p.column(1), [2.0, 4.0, 6.0]);
        assert_eq!(p.row(2), [5.0, 6.0]);
    }

    #[test]
    fn distinct_points_and_mean_variance() {
        let p = Points::from_columns(vec![vec![1.0, 1.0, 3.0, 3.0], vec![0.0, 0.0, 0.0, 2.0]]);
        assert_eq!(p.distinct_up_to(10), 3);
        assert_eq!(p.distinct_up_to(2), 2);
        assert_eq!(p.mean_variance(), (1.0 + 0.75) / 2.0);
    }

    #[test]
    fn a_sample_is_seeded_sorted_and_distinct() {
        let p = Points::from_columns(vec![(0..1000).map(|i| i as f32).collect()]);
        let (s, idx) = p.sample(50, &mut Xoshiro256PlusPlus::seed_from_u64(1));
        let (_, again) = p.sample(50, &mut Xoshiro256PlusPlus::seed_from_u64(1));
        assert_eq!(idx, again);
        assert_eq!(s.len(), 50);
        assert!(idx.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(s.column(0)[0], idx[0] as f32);
    }
}
