//! Explaining clusters: numbering, names, profiles in original units and the
//! segment × cluster cross-table — the K-means section of the report.

use crate::cluster::{name_cluster, ClusterName, Clustering, Features, KChoice};
use crate::report::{ClusterProfile, ClusterReport, CrossTable, Scaler};
use crate::ingest::Customers;
use crate::message::{Code, Message};
use crate::rfm::{RfmTable, Scores};
use crate::summary::{median, scatter_sample, summarize, SCATTER_MAX};

/// The scatter's sample is the same for the same file (its own seed, not the K-means one).
const SCATTER_SEED: u64 = 0x5EED_5CA7;

/// Renumbers clusters so that 0 is the largest (ties keep their order).
pub fn largest_first(mut c: Clustering) -> Clustering {
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

/// Builds the cluster section: a profile and plain-language name per
/// cluster, the scaler, and the cross-table against the RFM segments.
/// Returns it with each cluster's (unique) English name.
pub fn cluster_report(
    c: &Clustering,
    features: &Features,
    rfm: &RfmTable,
    customers: &Customers,
    scores: &Scores,
    (segments, segment_names): (&[usize], &[String]),
) -> (ClusterReport, Vec<String>) {
    let names: Vec<ClusterName> = (0..c.k).map(|g| typical_name(g, c, scores, rfm)).collect();
    let en = distinct_names(names.iter().map(|n| n.en.clone()).collect());
    let ko = distinct_names(names.iter().map(|n| n.ko.clone()).collect());
    let rows = summarize(&c.labels, c.k, rfm, customers, |g| (en[g].clone(), String::new(), names[g].segment.action().to_owned()));
    let overall = summarize(&vec![0; rfm.len()], 1, rfm, customers, |_| ("All customers".to_owned(), String::new(), String::new()))
        .pop()
        .expect("at least one customer");
    let groups = rows
        .into_iter()
        .enumerate()
        .map(|(g, summary)| ClusterProfile { summary, name_ko: ko[g].clone(), centre: original_units(features, c, g) })
        .collect();
    let report = ClusterReport {
        k: c.k,
        requested_k: match c.requested {
            KChoice::Fixed(k) => Some(k),
            KChoice::Auto { .. } => None,
        },
        note: note(c),
        selection: c.selection.clone(),
        inertia: c.inertia,
        iterations: c.iterations,
        converged: c.converged,
        clipped_monetary: features.clipped_monetary,
        scaler: Scaler {
            features: features.names.clone(),
            transform: features.transform,
            scaling: features.scaling,
            center: features.center.clone(),
            scale: features.scale.clone(),
        },
        overall,
        groups,
        cross_table: cross_table(segments, segment_names, &c.labels, &en),
        scatter: scatter_sample(&rfm.recency, &rfm.monetary, &c.labels, SCATTER_MAX, SCATTER_SEED),
    };
    (report, en)
}

/// Why k is not what was asked, in plain words (one customer, customers
/// all alike, fewer distinct profiles than k), or how it was chosen.
fn note(c: &Clustering) -> Option<Message> {
    if c.k == 1 && c.labels.len() == 1 && c.requested != KChoice::Fixed(1) {
        return Some(Message::new(Code::OneCustomer, "only one customer: one cluster"));
    }
    match c.requested {
        KChoice::Fixed(k) if c.k == 1 && k > 1 => Some(
            Message::new(Code::OneProfileFixed, format!("every customer has the same profile: one cluster instead of k = {k}"))
                .with("requested", k),
        ),
        KChoice::Fixed(k) if c.k < k => Some(
            Message::new(Code::KReduced, format!("only {} distinct customer profiles: k reduced from {k} to {}", c.k, c.k))
                .with("k", c.k)
                .with("requested", k),
        ),
        KChoice::Auto { max, .. } if c.k == 1 => Some(
            Message::new(Code::OneProfile, format!("every customer has the same profile: one cluster instead of choosing k up to {max}"))
                .with("max", max),
        ),
        KChoice::Auto { max, .. } => c.selection.as_ref().map(|s| {
            let tried = s.candidates.iter().map(|c| c.k);
            let (lo, hi) = (tried.clone().min().unwrap_or(0), tried.max().unwrap_or(0));
            let k = s.chosen;
            let message = match (lo == hi, hi < max) {
                (true, true) => Message::new(Code::OnlyProfiles, format!("only {hi} distinct customer profiles: k = {hi}")),
                (false, true) => Message::new(
                    Code::OnlyProfilesBest,
                    format!("only {hi} distinct customer profiles: k = {k} has the best silhouette of k = {lo}…{hi}"),
                ),
                _ => Message::new(Code::BestSilhouette, format!("k = {k} has the best silhouette of k = {lo}…{hi}")),
            };
            message.with("k", k).with("lo", lo).with("hi", hi)
        }),
        KChoice::Fixed(_) => None,
    }
}

/// The name and segment of a cluster's median member.
fn typical_name(cluster: usize, c: &Clustering, scores: &Scores, rfm: &RfmTable) -> ClusterName {
    let members: Vec<usize> = (0..c.labels.len()).filter(|&i| c.labels[i] == cluster).collect();
    let median_of = |f: &dyn Fn(usize) -> f64| {
        let mut values: Vec<f64> = members.iter().map(|&i| f(i)).collect();
        median(&mut values).unwrap_or(0.0)
    };
    // Names are worded for 1–5 scores: with 3 or 4 bins, stretch the median onto 1–5.
    let stretch = 4.0 / f64::from(scores.bins.max(2) - 1);
    let score_of = |s: &[u8]| (1.0 + (median_of(&|i| f64::from(s[i])) - 1.0) * stretch).round().clamp(1.0, 5.0) as u8;
    let orders = median_of(&|i| f64::from(rfm.frequency[i]));
    name_cluster(score_of(&scores.r), score_of(&scores.f), score_of(&scores.m), orders)
}

/// A centroid mapped back through the scaling and transform: days, orders, money, ….
fn original_units(features: &Features, c: &Clustering, g: usize) -> Vec<f64> {
    (0..features.names.len()).map(|j| features.to_original(j, c.centroids[[g, j]])).collect()
}

/// `segments[i]` is customer `i`'s segment number, an index into `segment_names`.
fn cross_table(segments: &[usize], segment_names: &[String], clusters: &[usize], cluster_names: &[String]) -> CrossTable {
    let mut counts = vec![vec![0usize; cluster_names.len()]; segment_names.len()];
    for (&s, &c) in segments.iter().zip(clusters) {
        counts[s][c] += 1;
    }
    let keep: Vec<usize> = (0..counts.len()).filter(|&r| counts[r].iter().any(|&n| n > 0)).collect();
    CrossTable {
        rows: keep.iter().map(|&r| segment_names[r].clone()).collect(),
        columns: cluster_names.to_vec(),
        counts: keep.iter().map(|&r| counts[r].clone()).collect(),
    }
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

    #[test]
    fn cross_table_counts_every_customer_once_and_drops_empty_rows() {
        let names: Vec<String> = ["Champions", "Loyal", "Lost"].map(String::from).to_vec();
        let t = cross_table(&[0, 2, 0], &names, &[0, 1, 1], &["x".into(), "y".into()]);
        assert_eq!(t.rows, ["Champions", "Lost"]);
        assert_eq!(t.counts, [[1, 1], [0, 1]]);
    }
}
