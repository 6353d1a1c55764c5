//! A seeded sample of customers for the recency × monetary scatter, each
//! with its cluster: small enough to draw, the same for the same file.

use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::Serialize;

/// At most this many customers are drawn in the scatter.
pub const SCATTER_MAX: usize = 5_000;

/// One customer of the scatter.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScatterPoint {
    /// Days since the last purchase.
    pub recency: u32,
    /// Monetary value.
    pub monetary: f64,
    /// Cluster number (index into the report's cluster groups).
    pub cluster: usize,
}

/// Up to `max` customers picked with a seeded generator (all of them when
/// there are fewer), in customer order.
///
/// ```
/// use segmenta::summary::scatter_sample;
/// let points = scatter_sample(&[1, 2, 3], &[5.0, 6.0, 7.0], &[0, 1, 0], 2, 7);
/// assert_eq!(points.len(), 2);
/// assert_eq!(points, scatter_sample(&[1, 2, 3], &[5.0, 6.0, 7.0], &[0, 1, 0], 2, 7));
/// assert_eq!(scatter_sample(&[1, 2, 3], &[5.0, 6.0, 7.0], &[0, 1, 0], 10, 7).len(), 3);
/// ```
pub fn scatter_sample(recency: &[u32], monetary: &[f64], clusters: &[usize], max: usize, seed: u64) -> Vec<ScatterPoint> {
    let n = recency.len();
    let mut picked: Vec<usize> = if n <= max {
        (0..n).collect()
    } else {
        rand::seq::index::sample(&mut Xoshiro256PlusPlus::seed_from_u64(seed), n, max).into_vec()
    };
    picked.sort_unstable();
    picked.into_iter().map(|i| ScatterPoint { recency: recency[i], monetary: monetary[i], cluster: clusters[i] }).collect()
}
