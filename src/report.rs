//! The summary an analysis produces: what the page and the CLI show.

use serde::Serialize;

use crate::date::Day;
use crate::ingest::IngestReport;
use crate::summary::GroupSummary;

/// Everything shown after an analysis, ready to serialise.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The date recency was counted to.
    pub as_of: Day,
    /// True when the as-of date was the default (the day after the latest date).
    pub as_of_is_default: bool,
    /// Rows read, used and skipped, and the columns used.
    pub data: IngestReport,
    /// Number of customers.
    pub customers: usize,
    /// Total revenue of all customers.
    pub revenue: f64,
    /// Scores and segments.
    pub rfm: RfmReport,
    /// The K-means clusters.
    pub clusters: ClusterReport,
}

/// The RFM part of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RfmReport {
    /// Number of score bins.
    pub bins: u8,
    /// Cut points of the R, F and M scores.
    pub cut_points: CutPoints,
    /// One row per non-empty RFM segment, best segment first.
    pub segments: Vec<GroupSummary>,
}

/// The quantile cut points behind the 1–5 scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CutPoints {
    /// On recency days (fewer days score higher).
    pub recency: Vec<f64>,
    /// On frequency.
    pub frequency: Vec<f64>,
    /// On monetary value.
    pub monetary: Vec<f64>,
}

/// The K-means part of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterReport {
    /// The k asked for.
    pub requested_k: usize,
    /// The k used.
    pub k: usize,
    /// Why k differs from the one asked for, if it does.
    pub note: Option<String>,
    /// Sum of squared distances to the centroids (standardised features).
    pub inertia: f64,
    /// Customers whose monetary value was ≤ 0, clipped to 0 for clustering.
    pub clipped_monetary: usize,
    /// One row per cluster, largest first.
    pub groups: Vec<GroupSummary>,
}
