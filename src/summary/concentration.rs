//! How much of the revenue the best customers bring.

use serde::Serialize;

/// The revenue share of the top `percent` % of customers by revenue.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopShare {
    /// The top fraction, in percent (1, 10, 20).
    pub percent: u8,
    /// Number of customers in it: ⌈percent × customers / 100⌉, at least 1.
    pub customers: usize,
    /// Their revenue.
    pub revenue: f64,
    /// Their share of all revenue (0 when total revenue is not positive).
    pub share: f64,
}

/// The revenue shares of the top 1 %, 10 % and 20 % of customers.
///
/// ```
/// use segmenta::summary::concentration;
/// let revenue: Vec<f64> = (1..=10).map(f64::from).collect(); // total 55
/// let top = concentration(&revenue);
/// assert_eq!((top[0].percent, top[0].customers, top[0].revenue), (1, 1, 10.0));
/// assert_eq!((top[2].customers, top[2].share), (2, 19.0 / 55.0));
/// ```
pub fn concentration(revenue: &[f64]) -> Vec<TopShare> {
    let mut sorted = revenue.to_vec();
    sorted.sort_unstable_by(|a, b| b.total_cmp(a));
    let total: f64 = revenue.iter().sum();
    [1u8, 10, 20]
        .into_iter()
        .map(|percent| {
            let customers = (revenue.len() * usize::from(percent)).div_ceil(100).max(1).min(revenue.len());
            let top: f64 = sorted[..customers].iter().sum();
            TopShare { percent, customers, revenue: top, share: if total > 0.0 { top / total } else { 0.0 } }
        })
        .collect()
}
