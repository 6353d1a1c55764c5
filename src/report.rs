//! The summary an analysis produces: what the page and the CLI show.

use serde::Serialize;

use crate::date::Day;
use crate::ingest::IngestReport;
use crate::message::Message;
use crate::cluster::{KSelection, Scaling, Transform};
use crate::rfm::{Boundary, Definition, FrequencyMeasure, MonetaryMeasure, ScoreBin, ScoringMethod, SegmentMap};
use crate::summary::{GridCell, GroupSummary, Movement, ScatterPoint, TopShare};

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
    /// How values became scores.
    pub method: ScoringMethod,
    /// What frequency counts.
    pub frequency: FrequencyMeasure,
    /// What monetary value is.
    pub monetary: MonetaryMeasure,
    /// The as-of date, measures and scores, each stated in a sentence.
    pub definitions: Vec<Definition>,
    /// Cut points and score counts per measure.
    pub scales: Scales,
    /// Warnings with a suggestion, e.g. when ties leave scores empty.
    pub hints: Vec<Message>,
    /// The segment map used (the preset's, or the user's own).
    pub map: SegmentMap,
    /// One row per non-empty segment, in map order, "Others" last.
    pub segments: Vec<GroupSummary>,
    /// Which segment every code goes to, and how many customers it holds.
    pub coverage: Coverage,
    /// Customers and mean monetary value per (recency, frequency) score pair.
    pub grid: Vec<GridCell>,
    /// Revenue share of the top 1 %, 10 % and 20 % of customers.
    pub concentration: Vec<TopShare>,
    /// The value-tier ladder, top tier first (non-empty tiers only).
    pub tiers: Vec<GroupSummary>,
    /// Customers moving between segments since an earlier as-of date.
    pub movement: Option<Movement>,
    /// Why there is no movement matrix, when there is none though one was asked for.
    pub movement_note: Option<Message>,
}

/// The cut points behind the scores, per measure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scales {
    /// On recency days (fewer days score higher).
    pub recency: ScaleReport,
    /// On frequency.
    pub frequency: ScaleReport,
    /// On monetary value.
    pub monetary: ScaleReport,
}

/// One measure's cut points, and how many customers got each score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScaleReport {
    /// The cut points, ascending in the measure's units.
    pub cuts: Vec<f64>,
    /// What a value equal to a cut point scores.
    pub boundary: Boundary,
    /// The same, in a sentence.
    pub boundary_text: Message,
    /// Customers and value range per score, score 1 first.
    pub scores: Vec<ScoreBin>,
    /// Scores no customer got.
    pub empty: Vec<u8>,
}

/// The segment of every code, and its customers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    /// Segment names in map order, "Others" last; cells refer to them by number.
    pub segments: Vec<String>,
    /// Codes covered by each segment.
    pub codes_per_segment: Vec<usize>,
    /// One cell per code, 111 first, in code order.
    pub cells: Vec<CoverageCell>,
}

/// One code of the coverage grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoverageCell {
    /// The code, e.g. 545.
    pub code: u16,
    /// The segment number (index into [`Coverage::segments`]).
    pub segment: usize,
    /// Customers with this code.
    pub customers: usize,
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
    pub note: Option<Message>,
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
    /// A seeded sample of at most 5,000 customers (recency, monetary, cluster) for the scatter.
    pub scatter: Vec<ScatterPoint>,
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
