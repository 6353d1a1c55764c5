//! The per-segment summary, as CSV and as JSON.

use serde::Serialize;

use super::cell::{write_csv, Cell};
use crate::report::RfmReport;
use crate::Report;

const HEADER: [&str; 15] = [
    "segment",
    "description",
    "customers",
    "customer_share",
    "orders",
    "revenue",
    "revenue_share",
    "average_order_value",
    "mean_recency",
    "median_recency",
    "mean_frequency",
    "median_frequency",
    "mean_monetary",
    "median_monetary",
    "action",
];

/// One row per non-empty segment, in map order ("Others" last); shares are
/// fractions (0–1).
pub fn segments_csv(rfm: &RfmReport) -> String {
    let rows = rfm.segments.iter().map(|g| {
        vec![
            Cell::Text(g.name.clone()),
            Cell::Text(g.description.clone()),
            Cell::Count(g.customers as u64),
            Cell::Number(g.customer_share),
            Cell::Count(g.orders),
            Cell::Number(g.revenue),
            Cell::Number(g.revenue_share),
            Cell::Number(g.average_order_value),
            Cell::Number(g.mean_recency),
            Cell::Number(g.median_recency),
            Cell::Number(g.mean_frequency),
            Cell::Number(g.median_frequency),
            Cell::Number(g.mean_monetary),
            Cell::Number(g.median_monetary),
            Cell::Text(g.action.clone()),
        ]
    });
    write_csv(&HEADER, rows)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Summary<'a> {
    as_of: String,
    customers: usize,
    revenue: f64,
    rfm: &'a RfmReport,
}

/// The RFM summary as JSON: the as-of date, customers, revenue, and the
/// whole RFM report (definitions, cut points, segments, coverage,
/// concentration, tiers, movement).
pub fn summary_json(report: &Report) -> String {
    let summary = Summary { as_of: report.as_of.to_string(), customers: report.customers, revenue: report.revenue, rfm: &report.rfm };
    serde_json::to_string_pretty(&summary).unwrap_or_default() + "\n"
}
