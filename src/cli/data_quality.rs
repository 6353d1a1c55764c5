//! The data-quality part of the terminal report: what was detected, the
//! columns used, and where every row went.

use std::fmt::Write;

use segmenta::ingest::{AmountColumns, DecimalMark, FileFormat, IngestReport, ReturnsPolicy};

/// What was detected, and every row accounted for.
pub fn render(out: &mut String, d: &IngestReport) {
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
