//! Per-group summary rows.

use serde::Serialize;

use super::median;
use crate::rfm::RfmTable;

/// One row of a segment or cluster table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupSummary {
    /// The group's name.
    pub name: String,
    /// Number of customers in it.
    pub customers: usize,
    /// Its customers as a fraction of all customers (0–1).
    pub customer_share: f64,
    /// Its customers' total monetary value.
    pub revenue: f64,
    /// Its revenue as a fraction of all revenue (0–1; 0 when total revenue is not positive).
    pub revenue_share: f64,
    /// Mean recency in days.
    pub mean_recency: f64,
    /// Mean frequency (orders).
    pub mean_frequency: f64,
    /// Mean monetary value.
    pub mean_monetary: f64,
    /// Median recency in days.
    pub median_recency: f64,
    /// Median frequency.
    pub median_frequency: f64,
    /// Median monetary value.
    pub median_monetary: f64,
    /// What to do with these customers.
    pub action: String,
}

/// Summarises the customers of each group `0..groups`, where `labels[i]` is
/// customer `i`'s group. Groups with no customers are left out. `describe`
/// gives each group's name and action.
///
/// ```
/// use segmenta::date::Day;
/// use segmenta::rfm::RfmTable;
/// use segmenta::summary::summarize;
/// let rfm = RfmTable { as_of: Day(0), recency: vec![1, 3, 10], frequency: vec![2, 4, 1], monetary: vec![10.0, 30.0, 60.0] };
/// let rows = summarize(&[0, 0, 1], 2, &rfm, |g| (format!("group {g}"), String::new()));
/// assert_eq!(rows[0].customers, 2);
/// assert_eq!(rows[0].mean_recency, 2.0);
/// assert_eq!(rows[0].median_frequency, 3.0);
/// assert_eq!(rows[1].revenue_share, 0.6);
/// ```
pub fn summarize(
    labels: &[usize],
    groups: usize,
    rfm: &RfmTable,
    describe: impl Fn(usize) -> (String, String),
) -> Vec<GroupSummary> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups];
    for (i, &g) in labels.iter().enumerate() {
        members[g].push(i);
    }
    let total_customers = labels.len().max(1) as f64;
    let total_revenue: f64 = rfm.monetary.iter().sum();
    members
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(g, m)| {
            let (name, action) = describe(g);
            let n = m.len() as f64;
            let column = |value: &dyn Fn(usize) -> f64| -> Vec<f64> { m.iter().map(|&i| value(i)).collect() };
            let mut recency = column(&|i| f64::from(rfm.recency[i]));
            let mut frequency = column(&|i| f64::from(rfm.frequency[i]));
            let mut monetary = column(&|i| rfm.monetary[i]);
            let revenue: f64 = monetary.iter().sum();
            GroupSummary {
                name,
                customers: m.len(),
                customer_share: n / total_customers,
                revenue,
                revenue_share: if total_revenue > 0.0 { revenue / total_revenue } else { 0.0 },
                mean_recency: recency.iter().sum::<f64>() / n,
                mean_frequency: frequency.iter().sum::<f64>() / n,
                mean_monetary: revenue / n,
                median_recency: median(&mut recency).unwrap_or(0.0),
                median_frequency: median(&mut frequency).unwrap_or(0.0),
                median_monetary: median(&mut monetary).unwrap_or(0.0),
                action,
            }
        })
        .collect()
}
