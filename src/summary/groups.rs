//! Per-group summary rows.

use serde::Serialize;

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
/// assert_eq!(rows[1].revenue_share, 0.6);
/// ```
pub fn summarize(
    labels: &[usize],
    groups: usize,
    rfm: &RfmTable,
    describe: impl Fn(usize) -> (String, String),
) -> Vec<GroupSummary> {
    #[derive(Default, Clone)]
    struct Sums {
        n: usize,
        recency: f64,
        frequency: f64,
        monetary: f64,
    }
    let mut sums = vec![Sums::default(); groups];
    for (i, &g) in labels.iter().enumerate() {
        let s = &mut sums[g];
        s.n += 1;
        s.recency += f64::from(rfm.recency[i]);
        s.frequency += f64::from(rfm.frequency[i]);
        s.monetary += rfm.monetary[i];
    }
    let total_customers = labels.len().max(1) as f64;
    let total_revenue: f64 = rfm.monetary.iter().sum();
    sums.iter()
        .enumerate()
        .filter(|(_, s)| s.n > 0)
        .map(|(g, s)| {
            let (name, action) = describe(g);
            let n = s.n as f64;
            GroupSummary {
                name,
                customers: s.n,
                customer_share: n / total_customers,
                revenue: s.monetary,
                revenue_share: if total_revenue > 0.0 { s.monetary / total_revenue } else { 0.0 },
                mean_recency: s.recency / n,
                mean_frequency: s.frequency / n,
                mean_monetary: s.monetary / n,
                action,
            }
        })
        .collect()
}
