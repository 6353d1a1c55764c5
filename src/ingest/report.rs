//! The data-quality report: how many rows were read, used and skipped, and why.

use serde::Serialize;

use super::{DateFormat, DecimalMark, EncodingSource, ReturnsPolicy};
use crate::date::Day;

/// How many example rows are kept per skip reason.
pub const EXAMPLES_PER_REASON: usize = 5;

/// Why a data row was not used. A row is counted once, under the first
/// reason that applies, in this order: longer than the row limit, too few
/// fields, no customer id, bad date (a formula without a value, or not a
/// date), after the as-of date, bad amount (a formula without a value, or
/// not a number), duplicate, dropped return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SkipReason {
    /// The customer id cell is empty, or holds a missing-value marker
    /// (`NaN`, `NULL`, `N/A`, …).
    MissingCustomer,
    /// The date cell is empty or not a date.
    BadDate,
    /// The amount (or quantity or price) cell is empty or not a number.
    BadAmount,
    /// The row has fewer fields than the columns it needs.
    TooFewFields,
    /// The date is after the as-of date chosen by the user.
    AfterAsOf,
    /// The line repeats an earlier line of the same order exactly.
    Duplicate,
    /// A return or cancellation, left out by the returns policy `drop`.
    Return,
    /// The row is longer than `ingest.limits.rowBytes`.
    TooLong,
    /// The date or amount cell is a spreadsheet formula without a computed
    /// value (a workbook saved without its results, or a formula exported as text).
    Formula,
}

impl SkipReason {
    /// A short phrase for messages: "no customer id".
    pub fn describe(self) -> &'static str {
        match self {
            SkipReason::MissingCustomer => "no customer id",
            SkipReason::BadDate => "date missing or not a date",
            SkipReason::BadAmount => "amount missing or not a number",
            SkipReason::TooFewFields => "too few fields",
            SkipReason::AfterAsOf => "date after the as-of date",
            SkipReason::Duplicate => "exact duplicate of an earlier line",
            SkipReason::Return => "return or cancellation (dropped by the returns policy)",
            SkipReason::TooLong => "row longer than the limit",
            SkipReason::Formula => "a formula without a computed value (open the workbook in Excel, let it calculate, save it and drop it again)",
        }
    }
}

/// One skipped row, kept as an example so the user can find it in the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SkipExample {
    /// 1-based line number in the file.
    pub line: u64,
    /// The column whose value was wrong, when one was.
    pub column: Option<String>,
    /// The offending value (shortened to 80 characters).
    pub value: String,
}

/// The count of rows skipped for one reason, with the first few examples.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SkipTally {
    /// Why these rows were skipped.
    pub reason: SkipReason,
    /// How many rows.
    pub count: u64,
    /// The first [`EXAMPLES_PER_REASON`] of them.
    pub examples: Vec<SkipExample>,
}

/// What reading the file found: the counts, everything detected (so the
/// page can show it and offer to change it) and a preview of the first rows.
/// Always `rows_read == rows_used + Σ skipped`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IngestReport {
    /// `csv` (any delimited text) or `xlsx`.
    pub format: FileFormat,
    /// Bytes of the file read.
    pub bytes_read: u64,
    /// The text encoding, by its standard name (`UTF-8`, `UTF-16LE`,
    /// `EUC-KR` — which is CP949 —, `windows-1252`); `UTF-8` for xlsx.
    pub encoding: String,
    /// How the encoding was chosen.
    pub encoding_source: EncodingSource,
    /// The field delimiter (`,` `;` a tab or `|`; empty for xlsx).
    pub delimiter: String,
    /// The worksheet read (xlsx only).
    pub sheet: Option<String>,
    /// Every worksheet of the workbook, in order (xlsx only).
    pub sheets: Vec<String>,
    /// The date format used.
    pub date_format: DateFormat,
    /// True when the date format came from the settings.
    pub date_format_given: bool,
    /// The other format that reads the date column just as well (day and
    /// month swapped), when the choice was a guess.
    pub date_format_ambiguous_with: Option<DateFormat>,
    /// The decimal mark of amounts.
    pub decimal_mark: DecimalMark,
    /// True when no amount told the decimal marks apart.
    pub decimal_mark_ambiguous: bool,
    /// Returns and cancellations found, and what was done with them.
    pub returns: ReturnsTally,
    /// Rows whose number of fields differs from the header's.
    pub ragged: RaggedTally,
    /// The first rows of the file as read, for the mapping preview.
    pub preview: Vec<PreviewRow>,
    /// Data rows read (the header row is not counted).
    pub rows_read: u64,
    /// Rows folded into a customer.
    pub rows_used: u64,
    /// Rows skipped, by reason, in the order the reasons were first met.
    pub skipped: Vec<SkipTally>,
    /// The header names used for each role.
    pub columns: crate::ingest::ColumnRoles,
    /// Earliest and latest date among the rows used.
    pub first_date: Option<Day>,
    /// Latest date among the rows used.
    pub last_date: Option<Day>,
    /// The as-of date a customer table's recency (in days) was counted
    /// back from; the analysis uses it when the settings give none.
    pub as_of_hint: Option<Day>,
}

/// Whether the file was delimited text or a workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FileFormat {
    /// Delimited text.
    Csv,
    /// An Excel workbook.
    Xlsx,
}

/// Returns and cancellations: how many rows, their total, and the policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReturnsTally {
    /// `net` (subtracted from spend) or `drop` (skipped).
    pub policy: ReturnsPolicy,
    /// Rows that are returns or cancellations.
    pub rows: u64,
    /// Their total amount (negative).
    pub amount: f64,
}

/// Rows with more or fewer fields than the header: read when they have the
/// fields needed, skipped (as too few fields) otherwise.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RaggedTally {
    /// The header's number of fields.
    pub expected_fields: usize,
    /// How many rows differ.
    pub count: u64,
    /// The first few: line number and number of fields.
    pub examples: Vec<RaggedExample>,
}

/// One row with an unexpected number of fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RaggedExample {
    /// 1-based line number.
    pub line: u64,
    /// Its number of fields.
    pub fields: usize,
}

/// One of the first rows of the file, as read (before any parsing).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    /// 1-based line number (row number in a workbook).
    pub line: u64,
    /// The fields.
    pub fields: Vec<String>,
}

impl IngestReport {
    /// Total rows skipped for any reason.
    pub fn rows_skipped(&self) -> u64 {
        self.skipped.iter().map(|t| t.count).sum()
    }

    pub(crate) fn skip(&mut self, reason: SkipReason, line: u64, column: Option<&str>, value: impl FnOnce() -> Vec<u8>) {
        let tally = match self.skipped.iter_mut().position(|t| t.reason == reason) {
            Some(i) => &mut self.skipped[i],
            None => {
                self.skipped.push(SkipTally { reason, count: 0, examples: Vec::new() });
                self.skipped.last_mut().expect("just pushed")
            }
        };
        tally.count += 1;
        if tally.examples.len() < EXAMPLES_PER_REASON {
            let value: String = String::from_utf8_lossy(&value()).chars().take(80).collect();
            tally.examples.push(SkipExample { line, column: column.map(str::to_owned), value });
        }
    }

    /// "12 no customer id (first at line 3), 2 date missing or not a date (first at line 9: `x`)".
    pub fn describe_skips(&self) -> String {
        self.skipped
            .iter()
            .map(|t| match t.examples.first() {
                Some(e) if !e.value.is_empty() => {
                    format!("{} {} (first at line {}: `{}`)", t.count, t.reason.describe(), e.line, e.value)
                }
                Some(e) => format!("{} {} (first at line {})", t.count, t.reason.describe(), e.line),
                None => format!("{} {}", t.count, t.reason.describe()),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}
