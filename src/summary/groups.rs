//! Per-group summary rows.

use serde::Serialize;

use super::median;
use crate::ingest::Customers;
use crate::rfm::RfmTable;

/// One row of a segment, tier or cluster table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupSummary {
    /// The group's name.
    pub name: String,
    /// Who is in it, in one line (empty when there is nothing to say).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Number of customers in it.
    pub customers: usize,
    /// Its customers as a fraction of all customers (0–1).
    pub customer_share: f64,
    /// Its customers' orders (distinct order ids, or rows without an order column).
    pub orders: u64,
    /// Its customers' total net spend.
    pub revenue: f64,
    /// Its revenue as a fraction of all revenue (0–1; 0 when total revenue is not positive).
    pub revenue_share: f64,
    /// Revenue ÷ orders.
    pub average_order_value: f64,
    /// Mean recency in days.
    pub mean_recency: f64,
    /// Median recency in days.
    pub median_recency: f64,
    /// Mean frequency (the frequency measure in use).
    pub mean_frequency: f64,
    /// Median frequency.
    pub median_frequency: f64,
    /// Mean monetary value (the monetary measure in use).
    pub mean_monetary: f64,
    /// Median monetary value.
    pub median_monetary: f64,
    /// What to do with these customers.
    pub action: String,
}

/// A group's name, description and action.
pub type GroupText = (String, String, String);

/// Summarises the customers of each group `0..groups`, where `labels[i]` is
/// customer `i`'s group. Groups with no customers are left out. Orders and
/// revenue come from `customers`, the measures from `rfm`; `describe` gives
/// each group's name, description and action.
///
/// ```
/// use segmenta::date::Day;
/// use segmenta::ingest::Customers;
/// use segmenta::rfm::RfmTable;
/// use segmenta::summary::summarize;
/// let customers = Customers { monetary: vec![10.0, 30.0, 60.0], orders: vec![2, 4, 1], ..Customers::default() };
/// let rfm = RfmTable { as_of: Day(0), recency: vec![1, 3, 10], frequency: vec![2, 4, 1], monetary: vec![10.0, 30.0, 60.0] };
/// let rows = summarize(&[0, 0, 1], 2, &rfm, &customers, |g| (format!("group {g}"), String::new(), String::new()));
/// assert_eq!(rows[0].customers, 2);
/// assert_eq!(rows[0].mean_recency, 2.0);
/// assert_eq!(rows[0].average_order_value, 40.0 / 6.0);
/// assert_eq!(rows[1].revenue_share, 0.6);
/// ```
pub fn summarize(
    labels: &[usize],
    groups: usize,
    rfm: &RfmTable,
    customers: &Customers,
    describe: impl Fn(usize) -> GroupText,
) -> Vec<GroupSummary> {
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups];
    for (i, &g) in labels.iter().enumerate() {
        members[g].push(i);
    }
    let total_customers = labels.len().max(1) as f64;
    let total_revenue: f64 = customers.monetary.iter().sum();
    members
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(g, m)| {
            let (name, description, action) = describe(g);
            let n = m.len() as f64;
            let orders: u64 = m.iter().map(|&i| u64::from(customers.orders[i])).sum();
            let revenue: f64 = m.iter().map(|&i| customers.monetary[i]).sum();
            let (mean_recency, median_recency) = mean_median(m.iter().map(|&i| f64::from(rfm.recency[i])));
            let (mean_frequency, median_frequency) = mean_median(m.iter().map(|&i| f64::from(rfm.frequency[i])));
            let (mean_monetary, median_monetary) = mean_median(m.iter().map(|&i| rfm.monetary[i]));
            GroupSummary {
                name,
                description,
                customers: m.len(),
                customer_share: n / total_customers,
                orders,
                revenue,
                revenue_share: if total_revenue > 0.0 { revenue / total_revenue } else { 0.0 },
                average_order_value: if orders > 0 { revenue / orders as f64 } else { 0.0 },
                mean_recency,
                median_recency,
                mean_frequency,
                median_frequency,
                mean_monetary,
                median_monetary,
                action,
            }
        })
        .collect()
}

fn mean_median(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let mut values: Vec<f64> = values.collect();
    let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
    (mean, median(&mut values).unwrap_or(0.0))
}
