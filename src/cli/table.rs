//! Plain-text tables of a report for the terminal.

use std::fmt::Write;

use segmenta::report::RfmReport;
use segmenta::summary::GroupSummary;
use segmenta::Report;

/// Renders the report as the page shows it: data counts, then the segment
/// and cluster tables.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    super::data_quality::render(&mut out, &report.data);
    let as_of_rule = if report.as_of_is_default { " (the day after the latest date)" } else { "" };
    let _ = writeln!(out, "As-of date {}{as_of_rule}; {} customers, revenue {:.2}", report.as_of, report.customers, report.revenue);
    rfm(&mut out, &report.rfm);
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

fn rfm(out: &mut String, r: &RfmReport) {
    let _ = writeln!(out, "\nHow customers were measured");
    for d in &r.definitions {
        let _ = writeln!(out, "  {}: {}", d.term, d.text);
    }
    let _ = writeln!(out, "Cut points");
    for (name, s) in [("recency", &r.scales.recency), ("frequency", &r.scales.frequency), ("monetary", &r.scales.monetary)] {
        let cuts: Vec<String> = s.cuts.iter().map(|c| format!("{c:.2}").trim_end_matches('0').trim_end_matches('.').to_owned()).collect();
        let counts: Vec<String> = s.scores.iter().map(|b| format!("{}:{}", b.score, b.customers)).collect();
        let _ = writeln!(out, "  {name:<9} {} ({}); customers per score {}", cuts.join(" | "), s.boundary_text, counts.join(" "));
    }
    for hint in &r.hints {
        let _ = writeln!(out, "  note: {hint}");
    }
    let _ = writeln!(out, "\nRFM segments");
    groups(out, "segment", &r.segments);
    let others = r.coverage.codes_per_segment.last().copied().unwrap_or(0);
    let _ = writeln!(out, "  codes no rule covers (Others): {others}");
    let top: Vec<String> = r.concentration.iter().map(|t| format!("top {}% {:.1}%", t.percent, t.share * 100.0)).collect();
    let _ = writeln!(out, "\nRevenue concentration: {}", top.join(", "));
    let _ = writeln!(out, "\nValue tiers");
    groups(out, "tier", &r.tiers);
    if let Some(m) = &r.movement {
        let _ = writeln!(out, "\nSegment movement {} → {}: {} moved, {} stayed", m.from_as_of, m.to_as_of, m.moved, m.stayed);
        for (from, row) in m.segments.iter().chain([&m.new_row]).zip(&m.counts) {
            let moves: Vec<String> =
                row.iter().zip(&m.segments).filter(|(n, _)| **n > 0).map(|(n, to)| format!("{to} {n}")).collect();
            if !moves.is_empty() {
                let _ = writeln!(out, "  {from} → {}", moves.join(", "));
            }
        }
    }
    if let Some(note) = &r.movement_note {
        let _ = writeln!(out, "\n{note}");
    }
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
