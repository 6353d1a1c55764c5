//! The ingest flags of `segmenta analyze`: how the file is read.

use clap::ValueEnum;
use segmenta::ingest::{DateFormat, DecimalMark, IngestOptions, ReturnsPolicy};

/// How the file is read; everything left out is detected.
#[derive(clap::Args)]
pub struct IngestArgs {
    /// Text encoding: utf-8, utf-16le, utf-16be, euc-kr (cp949), windows-1252, …
    #[arg(long)]
    encoding: Option<String>,
    /// Field delimiter: `,` `;` `|` or `tab`.
    #[arg(long, value_parser = parse_delimiter)]
    delimiter: Option<char>,
    /// Date format, such as `D/M/YYYY`, `M/D/YYYY`, `YYYY-MM-DD`, `YYYYMMDD`, `excel serial`.
    #[arg(long, value_parser = parse_date_format)]
    date_format: Option<DateFormat>,
    /// Decimal mark of amounts.
    #[arg(long, value_enum)]
    decimal_mark: Option<DecimalArg>,
    /// Returns and cancellations: subtract them from spend (net) or leave them out (drop).
    #[arg(long, value_enum)]
    returns: Option<ReturnsArg>,
    /// Worksheet of an .xlsx file (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// Customer id column (header name).
    #[arg(long)]
    customer: Option<String>,
    /// Order date column.
    #[arg(long)]
    date: Option<String>,
    /// Amount column.
    #[arg(long)]
    amount: Option<String>,
    /// Order id column.
    #[arg(long)]
    order: Option<String>,
    /// Quantity column (amount = quantity × unit price).
    #[arg(long)]
    quantity: Option<String>,
    /// Unit price column.
    #[arg(long)]
    unit_price: Option<String>,
    /// Refuse a file larger than this many bytes (default 2000000000).
    #[arg(long)]
    max_file_bytes: Option<u64>,
    /// Refuse an .xlsx workbook larger than this many bytes (default 100000000).
    #[arg(long)]
    max_workbook_bytes: Option<u64>,
    /// Refuse a file with more distinct customers (default 8000000).
    #[arg(long)]
    max_customers: Option<u64>,
    /// Skip, and report, rows longer than this many bytes (default 1048576).
    #[arg(long)]
    max_row_bytes: Option<u64>,
}

impl IngestArgs {
    /// Sets each ingest option given as a flag (over a settings file's).
    pub fn apply(self, o: &mut IngestOptions) {
        let set = |slot: &mut Option<String>, v: Option<String>| {
            if v.is_some() {
                *slot = v;
            }
        };
        set(&mut o.encoding, self.encoding);
        set(&mut o.sheet, self.sheet);
        set(&mut o.columns.customer, self.customer);
        set(&mut o.columns.date, self.date);
        set(&mut o.columns.amount, self.amount);
        set(&mut o.columns.order, self.order);
        set(&mut o.columns.quantity, self.quantity);
        set(&mut o.columns.unit_price, self.unit_price);
        let limits = &mut o.limits;
        for (slot, value) in [
            (&mut limits.file_bytes, self.max_file_bytes),
            (&mut limits.workbook_bytes, self.max_workbook_bytes),
            (&mut limits.customers, self.max_customers),
            (&mut limits.row_bytes, self.max_row_bytes),
        ] {
            if let Some(value) = value {
                *slot = value;
            }
        }
        o.delimiter = self.delimiter.or(o.delimiter);
        o.date_format = self.date_format.or(o.date_format);
        if let Some(mark) = self.decimal_mark {
            o.decimal_mark = Some(match mark {
                DecimalArg::Point => DecimalMark::Point,
                DecimalArg::Comma => DecimalMark::Comma,
            });
        }
        if let Some(policy) = self.returns {
            o.returns = match policy {
                ReturnsArg::Net => ReturnsPolicy::Net,
                ReturnsArg::Drop => ReturnsPolicy::Drop,
            };
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum DecimalArg {
    Point,
    Comma,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReturnsArg {
    Net,
    Drop,
}

fn parse_delimiter(text: &str) -> Result<char, String> {
    match text {
        "tab" | "\\t" | "\t" => Ok('\t'),
        _ if text.chars().count() == 1 => Ok(text.chars().next().unwrap_or(',')),
        _ => Err(format!("`{text}` is not one character (use `tab` for a tab)")),
    }
}

fn parse_date_format(text: &str) -> Result<DateFormat, String> {
    DateFormat::ALL
        .into_iter()
        .find(|f| f.pattern().eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| {
            let known: Vec<&str> = DateFormat::ALL.iter().map(|f| f.pattern()).collect();
            format!("`{text}` is not a known date format; use one of: {}", known.join(", "))
        })
}

