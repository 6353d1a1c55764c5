//! The summary an analysis produces: what the page and the CLI show.

use serde::Serialize;

use crate::date::Day;
use crate::ingest::IngestReport;
use crate::cluster::{KSelection, Scaling, Transform};
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
    /// The k used.
    pub k: usize,
    /// The k asked for; `None` when k was chosen automatically.
    pub requested_k: Option<usize>,
    /// Why k differs from the one asked for, if it does.
    pub note: Option<String>,
    /// How k was chosen (the elbow, silhouette and Davies–Bouldin curves), when automatic.
    pub selection: Option<KSelection>,
    /// Sum of squared distances to the centroids (standardised features).
    pub inertia: f64,
    /// Lloyd iterations of the kept run.
    pub iterations: u32,
    /// False when the kept run stopped at the iteration cap.
    pub converged: bool,
    /// Customers whose monetary value was ≤ 0, clipped to 0 before the log.
    pub clipped_monetary: usize,
    /// The fitted feature preparation.
    pub scaler: Scaler,
    /// The average customer, to compare each cluster with.
    pub overall: GroupSummary,
    /// One profile per cluster, largest first.
    pub groups: Vec<ClusterProfile>,
    /// Customers per RFM segment (rows) and cluster (columns).
    pub cross_table: CrossTable,
}

/// The feature preparation behind the clusters: each feature is
/// transformed, then `(value − center) / scale`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scaler {
    /// Feature names, in column order.
    pub features: Vec<&'static str>,
    /// The transform (`log1p` or `none`).
    pub transform: Transform,
    /// The scaling (`standard` or `robust`).
    pub scaling: Scaling,
    /// Subtracted from each transformed feature.
    pub center: Vec<f64>,
    /// Then divided by.
    pub scale: Vec<f64>,
}

/// One cluster, described.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterProfile {
    /// Size, revenue share, mean and median R, F, M, name and action.
    #[serde(flatten)]
    pub summary: GroupSummary,
    /// The name in Korean.
    pub name_ko: String,
    /// The centroid in original units, one value per feature of the scaler
    /// (recency days, orders, monetary value, extras).
    pub centre: Vec<f64>,
}

/// A table of customer counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CrossTable {
    /// Row labels.
    pub rows: Vec<String>,
    /// Column labels.
    pub columns: Vec<String>,
    /// `counts[row][column]`.
    pub counts: Vec<Vec<usize>>,
}
