//! The whole pipeline: bytes → customers → RFM → segments → clusters → report.

use crate::cluster::{self, Clustering, Features};
use crate::ingest::{read_customers, Customers};
use crate::report::{ClusterReport, Report};
use crate::rfm::{RfmTable, Scores, Segment};
use crate::segmentation::{segment, RfmStage, Source};
use crate::settings::Settings;
use crate::summary::{median, summarize};
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
/// settings.clusters.k = 2;
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
/// settings.clusters.k = 0;
/// let err = analyze(b"", &settings).unwrap_err();
/// assert_eq!(err.to_string(), "the number of clusters k must be at least 1");
/// ```
pub fn analyze(bytes: &[u8], settings: &Settings) -> Result<Analysis> {
    let params = settings.clusters.params().map_err(cluster::ClusterError::from)?;
    settings.rfm.check()?;
    let ingested = read_customers(bytes, &settings.ingest.columns, settings.as_of)?;
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

    let features = Features::from_rfm(&rfm);
    let clustering = largest_first(cluster::fit(&features, &params)?);
    let profiles: Vec<(String, Segment)> = (0..clustering.k).map(|c| profile(c, &clustering, &scores, &rfm)).collect();
    let cluster_names = distinct_names(profiles.iter().map(|(name, _)| name.clone()).collect());
    let cluster_rows = summarize(&clustering.labels, clustering.k, &rfm, &customers, |c| {
        (cluster_names[c].clone(), String::new(), profiles[c].1.action().to_owned())
    });
    let note = (clustering.k < clustering.requested_k).then(|| {
        format!(
            "only {} distinct customer profiles: k reduced from {} to {}",
            clustering.k, clustering.requested_k, clustering.k
        )
    });

    let report = Report {
        as_of,
        as_of_is_default: settings.as_of.is_none(),
        customers: rfm.len(),
        revenue: rfm.monetary.iter().sum(),
        rfm: stage.report.clone(),
        clusters: ClusterReport {
            requested_k: clustering.requested_k,
            k: clustering.k,
            note,
            inertia: clustering.inertia,
            clipped_monetary: features.clipped_monetary,
            groups: cluster_rows,
        },
        data: ingested.report,
    };
    Ok(Analysis { customers, rfm, scores, stage, clustering, cluster_names, report, settings: settings.clone() })
}

/// Renumbers clusters so that 0 is the largest (ties keep their order).
fn largest_first(mut c: Clustering) -> Clustering {
    let mut sizes = vec![0usize; c.k];
    for &l in &c.labels {
        sizes[l] += 1;
    }
    let mut order: Vec<usize> = (0..c.k).collect();
    order.sort_by_key(|&g| std::cmp::Reverse(sizes[g]));
    let mut new_of_old = vec![0; c.k];
    for (new, &old) in order.iter().enumerate() {
        new_of_old[old] = new;
    }
    for l in &mut c.labels {
        *l = new_of_old[*l];
    }
    c.centroids = c.centroids.select(ndarray::Axis(0), &order);
    c
}

/// A cluster's name and matching segment, from its members' median scores.
fn profile(cluster: usize, c: &Clustering, scores: &Scores, rfm: &RfmTable) -> (String, Segment) {
    let members: Vec<usize> = (0..c.labels.len()).filter(|&i| c.labels[i] == cluster).collect();
    let median_of = |f: &dyn Fn(usize) -> f64| {
        let mut values: Vec<f64> = members.iter().map(|&i| f(i)).collect();
        median(&mut values).unwrap_or(0.0)
    };
    let score_of = |s: &[u8]| median_of(&|i| f64::from(s[i])).round().clamp(1.0, 5.0) as u8;
    let orders = median_of(&|i| f64::from(rfm.frequency[i]));
    cluster::name_cluster(score_of(&scores.r), score_of(&scores.f), score_of(&scores.m), orders)
}

/// Makes repeated names unique: the second "X" becomes "X (2)".
fn distinct_names(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        let seen = out.iter().filter(|n| **n == name || n.starts_with(&format!("{name} ("))).count();
        out.push(if seen == 0 { name } else { format!("{name} ({})", seen + 1) });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_cluster_names_are_numbered() {
        let names = distinct_names(vec!["a".into(), "b".into(), "a".into(), "a".into()]);
        assert_eq!(names, ["a", "b", "a (2)", "a (3)"]);
    }
}
