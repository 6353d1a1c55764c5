//! Plain-text tables of a report for the terminal.

use std::fmt::Write;

use segmenta::summary::GroupSummary;
use segmenta::Report;

/// Renders the report as the page shows it: data counts, then the segment
/// and cluster tables.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let d = &report.data;
    let _ = writeln!(out, "Rows read {}, used {}, skipped {}", d.rows_read, d.rows_used, d.rows_skipped());
    for t in &d.skipped {
        let _ = writeln!(out, "  skipped {} × {}", t.count, t.reason.describe());
    }
    let as_of_rule = if report.as_of_is_default { " (the day after the latest date)" } else { "" };
    let _ = writeln!(out, "As-of date {}{as_of_rule}; {} customers, revenue {:.2}", report.as_of, report.customers, report.revenue);
    let _ = writeln!(out, "\nRFM segments");
    groups(&mut out, "segment", &report.rfm.segments);
    let c = &report.clusters;
    let _ = writeln!(out, "\nK-means clusters (k = {})", c.k);
    if let Some(note) = &c.note {
        let _ = writeln!(out, "  note: {note}");
    }
    if let Some(selection) = &c.selection {
        let _ = writeln!(out, "  k      inertia  silhouette  Davies-Bouldin   (fitted on {} customers, silhouette on {})", selection.sample_size, selection.silhouette_sample_size);
        for k in &selection.candidates {
            let marker = if k.k == selection.chosen { "  <- chosen" } else { "" };
            let _ = writeln!(out, "  {:<2} {:>12.1} {:>11.3} {:>15.3}{marker}", k.k, k.inertia, k.silhouette.unwrap_or(f64::NAN), k.davies_bouldin.unwrap_or(f64::NAN));
        }
    }
    let summaries: Vec<GroupSummary> = c.groups.iter().map(|g| g.summary.clone()).collect();
    groups(&mut out, "cluster", &summaries);
    out
}

fn groups(out: &mut String, label: &str, rows: &[GroupSummary]) {
    let width = rows.iter().map(|g| g.name.chars().count()).max().unwrap_or(0).max(7);
    let _ = writeln!(
        out,
        "{:<width$}  {:>9} {:>6} {:>12} {:>6} {:>9} {:>9} {:>10}  action",
        label, "customers", "%", "revenue", "%", "recency", "frequency", "monetary"
    );
    for g in rows {
        let _ = writeln!(
            out,
            "{:<width$}  {:>9} {:>5.1}% {:>12.2} {:>5.1}% {:>9.1} {:>9.2} {:>10.2}  {}",
            g.name,
            g.customers,
            g.customer_share * 100.0,
            g.revenue,
            g.revenue_share * 100.0,
            g.mean_recency,
            g.mean_frequency,
            g.mean_monetary,
            g.action
        );
    }
}
