//! The whole pipeline: bytes → customers → RFM → segments → clusters → report.

use serde::Serialize;

use crate::cluster::{self, Clustering, Features};
use crate::ingest::{read_customers, Customers};
use crate::cluster_profile::{cluster_report, largest_first};
use crate::report::Report;
use crate::rfm::{RfmTable, Scores};
use crate::segmentation::{segment, RfmStage, Source};
use crate::settings::Settings;
use crate::Result;

/// A finished analysis: the per-customer results and the [`Report`].
#[derive(Debug, Clone)]
pub struct Analysis {
    /// One record per customer.
    pub customers: Customers,
    /// Their R, F and M.
    pub rfm: RfmTable,
    /// Their 1–5 scores.
    pub scores: Scores,
    /// Their RFM segments, tiers and the report's RFM part.
    pub stage: RfmStage,
    /// Their K-means cluster, numbered largest cluster first.
    pub clustering: Clustering,
    /// The name of each cluster, by cluster number.
    pub cluster_names: Vec<String>,
    /// The summary shown to the user.
    pub report: Report,
    /// The settings it ran with.
    pub settings: Settings,
}

/// Runs the whole analysis on the bytes of a transactions CSV.
///
/// ```
/// use segmenta::{analyze, Settings};
/// let csv = "customer,date,amount\na,2024-01-02,10\nb,2024-03-01,50\nc,2024-02-01,5\n";
/// let mut settings = Settings::default();
/// settings.clusters.k = segmenta::cluster::KSetting::Fixed(2);
/// let analysis = analyze(csv.as_bytes(), &settings).unwrap();
/// assert_eq!(analysis.report.customers, 3);
/// assert_eq!(analysis.report.as_of.to_string(), "2024-03-02");
/// let total: usize = analysis.report.rfm.segments.iter().map(|s| s.customers).sum();
/// assert_eq!(total, 3);
/// ```
///
/// Bad settings are refused before the file is read:
///
/// ```
/// use segmenta::{analyze, Settings};
/// let mut settings = Settings::default();
/// settings.clusters.k = segmenta::cluster::KSetting::Fixed(0);
/// let err = analyze(b"", &settings).unwrap_err();
/// assert_eq!(err.to_string(), "the number of clusters k must be at least 1");
/// ```
pub fn analyze(bytes: &[u8], settings: &Settings) -> Result<Analysis> {
    analyze_timed(bytes, settings, &|| 0.0).map(|(analysis, _)| analysis)
}

/// Wall-clock milliseconds of each stage of one [`analyze_timed`] run, for
/// benchmarks and the page's own timing line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StageTimes {
    /// Reading the CSV and folding its rows into customers.
    pub ingest: f64,
    /// R, F and M, their scores, segments and segment summaries.
    pub rfm: f64,
    /// The clustering features.
    pub features: f64,
    /// K-means, including the choice of k when it is automatic.
    pub clusters: f64,
    /// Cluster profiles and the cross-table.
    pub profiles: f64,
}

/// [`analyze`], timing each stage with `now` (milliseconds from any origin:
/// `std::time::Instant` natively, `performance.now()` in the browser).
pub fn analyze_timed(bytes: &[u8], settings: &Settings, now: &dyn Fn() -> f64) -> Result<(Analysis, StageTimes)> {
    let mut times = StageTimes::default();
    let mut mark = now();
    let mut lap = |slot: &mut f64| {
        let t = now();
        *slot = t - mark;
        mark = t;
    };
    let params = settings.clusters.params().map_err(cluster::ClusterError::from)?;
    settings.rfm.check()?;
    let ingested = read_customers(bytes, &settings.ingest.columns, settings.as_of)?;
    lap(&mut times.ingest);
    let last_date = ingested.report.last_date.expect("at least one row was used");
    let as_of = settings.as_of.unwrap_or(last_date.succ());
    let customers = ingested.customers;
    let columns = &ingested.report.columns;
    let source = Source {
        bytes,
        columns: &settings.ingest.columns,
        order_column: columns.order.map(|i| columns.name(i)),
        as_of_is_default: settings.as_of.is_none(),
    };
    let stage = segment(&customers, as_of, &settings.rfm, &source)?;
    let (rfm, scores) = (stage.rfm.clone(), stage.scores.clone());
    lap(&mut times.rfm);

    let features = Features::build(&rfm, Some(&customers), &settings.clusters.features);
    lap(&mut times.features);
    let clustering = largest_first(cluster::fit(&features, &params)?);
    lap(&mut times.clusters);
    let (cluster_section, cluster_names) =
        cluster_report(&clustering, &features, &rfm, &customers, &scores, (&stage.segments, stage.index.names()));
    lap(&mut times.profiles);

    let report = Report {
        as_of,
        as_of_is_default: settings.as_of.is_none(),
        customers: rfm.len(),
        revenue: rfm.monetary.iter().sum(),
        rfm: stage.report.clone(),
        clusters: cluster_section,
        data: ingested.report,
    };
    Ok((Analysis { customers, rfm, scores, stage, clustering, cluster_names, report, settings: settings.clone() }, times))
}
