//! The whole pipeline: bytes → customers → RFM → segments → clusters → report.

use serde::Serialize;

use crate::cluster::{self, Clustering, Features};
use crate::cluster_profile::{cluster_report, largest_first};
use crate::date::Day;
use crate::ingest::{Customers, IngestReport, IngestStream, Ingested};
use crate::report::Report;
use crate::rfm::{no_movement_before, RfmTable, Scores};
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
    check_settings(settings)?;
    let started = now();
    let mut stream = stream_for(settings);
    stream.expect_len(bytes.len() as u64)?;
    stream.push(bytes)?;
    let ingested = stream.finish()?;
    let read = now();
    let (analysis, times) = stages(ingested, settings, now, read)?;
    Ok((analysis, StageTimes { ingest: read - started, ..times }))
}

/// The stream that reads a file for an analysis with `settings`: its
/// ingest options and as-of date, gathering the customers at the segment
/// movement's earlier date in the same reading.
pub fn stream_for(settings: &Settings) -> IngestStream {
    IngestStream::new(&settings.ingest, settings.as_of).with_movement(settings.rfm.movement_days)
}

/// Refuses settings that cannot run, before any file is read.
pub fn check_settings(settings: &Settings) -> Result<()> {
    settings.clusters.params().map_err(cluster::ClusterError::from)?;
    settings.rfm.check()?;
    Ok(())
}

/// The as-of date of a file read with `settings`: the one given, else a
/// customer table's, else the day after the latest date.
pub fn as_of_date(data: &IngestReport, settings: &Settings) -> Option<Day> {
    settings.as_of.or(data.as_of_hint).or(data.last_date.map(Day::succ))
}

/// Runs the analysis on a file already read, streamed through the
/// [`stream_for`] these settings (a stream made otherwise gives no segment
/// movement, only its note).
pub fn analyze_ingested(ingested: Ingested, settings: &Settings) -> Result<Analysis> {
    analyze_ingested_timed(ingested, settings, &|| 0.0).map(|(analysis, _)| analysis)
}

/// [`analyze_ingested`], timing each stage after the reading (whose time
/// is left at 0) with `now`.
pub fn analyze_ingested_timed(ingested: Ingested, settings: &Settings, now: &dyn Fn() -> f64) -> Result<(Analysis, StageTimes)> {
    stages(ingested, settings, now, now())
}

/// The stages after the reading, timed from `mark` on.
fn stages(
    ingested: Ingested,
    settings: &Settings,
    now: &dyn Fn() -> f64,
    mut mark: f64,
) -> Result<(Analysis, StageTimes)> {
    let mut times = StageTimes::default();
    let mut lap = |slot: &mut f64| {
        let t = now();
        *slot = t - mark;
        mark = t;
    };
    let params = settings.clusters.params().map_err(cluster::ClusterError::from)?;
    settings.rfm.check()?;
    let last_date = ingested.report.last_date.expect("at least one row was used");
    let as_of = as_of_date(&ingested.report, settings).unwrap_or(last_date.succ());
    let as_of_is_default = settings.as_of.is_none() && as_of == last_date.succ();
    let stage = {
        // The customers at the movement's earlier date were gathered in the same reading.
        let earlier = |date| match ingested.customers_at(date) {
            Some(then) if !then.positions.is_empty() => Ok(then),
            _ => Err(no_movement_before(date)),
        };
        let columns = &ingested.report.columns;
        let source = Source { earlier: &earlier, order_column: columns.order.map(|i| columns.name(i)), as_of_is_default };
        segment(&ingested.customers, as_of, &settings.rfm, &source)?
    };
    let Ingested { customers, report: data, earlier } = ingested;
    drop(earlier);
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
        as_of_is_default,
        customers: rfm.len(),
        revenue: rfm.monetary.iter().sum(),
        rfm: stage.report.clone(),
        clusters: cluster_section,
        data,
    };
    Ok((Analysis { customers, rfm, scores, stage, clustering, cluster_names, report, settings: settings.clone() }, times))
}
