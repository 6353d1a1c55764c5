//! The per-customer CSV.

use super::cell::{write_csv, Cell};
use crate::rfm::{average_order_value, days_between};
use crate::Analysis;

const HEADER: [&str; 18] = [
    "customer_id",
    "first_purchase",
    "last_purchase",
    "tenure_days",
    "orders",
    "revenue",
    "average_order_value",
    "recency_days",
    "frequency",
    "monetary",
    "r",
    "f",
    "m",
    "code",
    "segment",
    "value_tier",
    "cluster",
    "cluster_name",
];

/// One row per customer, in the order customers first appear in the file:
/// id, first and last purchase, tenure in days (first purchase to the as-of
/// date), orders, revenue, average order value, the R, F and M measures and
/// scores, the code, segment, value tier and K-means cluster.
///
/// ```
/// use segmenta::{analyze, export::customers_csv, Settings};
/// let csv = "customer,date,amount\n=evil,2024-01-02,10\nb,2024-03-01,-50\n";
/// let out = customers_csv(&analyze(csv.as_bytes(), &Settings::default()).unwrap());
/// let lines: Vec<&str> = out.lines().collect();
/// assert!(lines[0].starts_with("customer_id,first_purchase,"));
/// assert!(lines[1].starts_with("'=evil,2024-01-02,2024-01-02,60,1,10,10,60,1,10,"));
/// assert!(lines[2].starts_with("b,2024-03-01,2024-03-01,1,1,-50,-50,1,1,-50,"));
/// ```
pub fn customers_csv(a: &Analysis) -> String {
    let c = &a.customers;
    let s = &a.stage;
    let as_of = s.rfm.as_of;
    let rows = (0..c.len()).map(|i| {
        let cluster = a.clustering.labels.get(i).copied();
        vec![
            Cell::Text(c.ids[i].clone()),
            Cell::Text(c.first[i].to_string()),
            Cell::Text(c.last[i].to_string()),
            Cell::Count(u64::from(days_between(c.first[i], as_of))),
            Cell::Count(u64::from(c.orders[i])),
            Cell::Number(c.monetary[i]),
            Cell::Number(average_order_value(c, i)),
            Cell::Count(u64::from(s.rfm.recency[i])),
            Cell::Count(u64::from(s.rfm.frequency[i])),
            Cell::Number(s.rfm.monetary[i]),
            Cell::Count(u64::from(s.scores.r[i])),
            Cell::Count(u64::from(s.scores.f[i])),
            Cell::Count(u64::from(s.scores.m[i])),
            Cell::Count(u64::from(s.scores.code(i))),
            Cell::Text(s.index.name(s.segments[i]).to_owned()),
            Cell::Text(s.tiers[i].name().to_owned()),
            cluster.map_or(Cell::Text(String::new()), |l| Cell::Count(l as u64 + 1)),
            Cell::Text(cluster.and_then(|l| a.cluster_names.get(l)).cloned().unwrap_or_default()),
        ]
    });
    write_csv(&HEADER, rows)
}
