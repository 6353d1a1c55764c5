//! Plain-text tables of a report for the terminal.

use std::fmt::Write;

use segmenta::ingest::{AmountColumns, DecimalMark, FileFormat, IngestReport, ReturnsPolicy};
use segmenta::summary::GroupSummary;
use segmenta::Report;

/// Renders the report as the page shows it: data counts, then the segment
/// and cluster tables.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    data_quality(&mut out, &report.data);
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

/// What was detected, and every row accounted for.
fn data_quality(out: &mut String, d: &IngestReport) {
    let source = match d.format {
        FileFormat::Xlsx => format!("Excel sheet \"{}\"", d.sheet.as_deref().unwrap_or("")),
        FileFormat::Csv => {
            let delimiter = if d.delimiter == "\t" { "tab".to_owned() } else { format!("'{}'", d.delimiter) };
            format!("{} text, delimiter {delimiter}", d.encoding)
        }
    };
    let ambiguous = d.date_format_ambiguous_with.map_or(String::new(), |other| {
        format!(" (could also be {}: choose with --date-format)", other.pattern())
    });
    let mark = match d.decimal_mark {
        DecimalMark::Point => "point",
        DecimalMark::Comma => "comma",
    };
    let _ = writeln!(out, "Read {source}; dates {}{ambiguous}; decimal {mark}", d.date_format.pattern());
    let c = &d.columns;
    let order = c.order.map_or("none".to_owned(), |i| c.headers[i].clone());
    let amount = match &c.amount {
        AmountColumns::Amount { name, .. } | AmountColumns::QuantityTimesPrice { name, .. } => name,
    };
    match &c.customer_table {
        Some(t) => {
            let recency = if t.recency_in_days { "recency (days)" } else { "last purchase" };
            let _ = writeln!(
                out,
                "Customer table (one row per customer): customer {}, {recency} {}, frequency {}, monetary {amount}",
                c.headers[c.customer], c.headers[c.date], c.headers[t.frequency]
            );
        }
        None => {
            let _ = writeln!(out, "Columns: customer {}, date {}, amount {amount}, order {order}", c.headers[c.customer], c.headers[c.date]);
        }
    }
    if !c.from_values.is_empty() {
        let _ = writeln!(out, "  found from the values, not the header: {}", c.from_values.join(", "));
    }
    let _ = writeln!(out, "Rows read {}, used {}, skipped {}", d.rows_read, d.rows_used, d.rows_skipped());
    for t in &d.skipped {
        let lines: Vec<String> = t.examples.iter().map(|e| e.line.to_string()).collect();
        let first = t.examples.first().filter(|e| !e.value.is_empty()).map_or(String::new(), |e| format!(", first value `{}`", e.value));
        let _ = writeln!(out, "  skipped {} × {} (lines {}{first})", t.count, t.reason.describe(), lines.join(", "));
    }
    if d.returns.rows > 0 {
        let what = match d.returns.policy {
            ReturnsPolicy::Net => "netted against spend",
            ReturnsPolicy::Drop => "dropped",
        };
        let _ = writeln!(out, "  returns and cancellations: {} rows, {:.2}, {what}", d.returns.rows, d.returns.amount);
    }
    if d.ragged.count > 0 {
        let lines: Vec<String> = d.ragged.examples.iter().map(|e| format!("{} ({} fields)", e.line, e.fields)).collect();
        let _ = writeln!(out, "  {} rows do not have the header's {} fields: lines {}", d.ragged.count, d.ragged.expected_fields, lines.join(", "));
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
