//! How a file is read: the ingest section of the settings.

use serde::{Deserialize, Serialize};

use super::{ColumnSpec, DateFormat, DecimalMark, Limits};

/// Ingest settings. Every field left unset is detected from the file, and
/// the [`IngestReport`](super::IngestReport) says what was detected, so the
/// page can show it and let the user change it.
///
/// ```
/// use segmenta::ingest::{IngestOptions, DateFormat, ReturnsPolicy};
/// let o: IngestOptions = serde_json::from_str(
///     r#"{"encoding": "cp949", "delimiter": ";", "dateFormat": "D/M/YYYY", "returns": "drop"}"#,
/// ).unwrap();
/// assert_eq!(o.date_format, Some(DateFormat::DmySlash));
/// assert_eq!(o.returns, ReturnsPolicy::Drop);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct IngestOptions {
    /// Column choices; unset roles are guessed.
    pub columns: ColumnSpec,
    /// The text encoding, by any WHATWG label (`utf-8`, `utf-16le`,
    /// `utf-16be`, `euc-kr`, `windows-1252`, …) or `cp949`; unset: detected
    /// from a byte-order mark or the bytes themselves.
    pub encoding: Option<String>,
    /// The field delimiter; unset: sniffed among `,` `;` tab and `|`.
    pub delimiter: Option<char>,
    /// The date format; unset: inferred from the date column.
    pub date_format: Option<DateFormat>,
    /// The decimal mark of amounts; unset: inferred from the amount columns.
    pub decimal_mark: Option<DecimalMark>,
    /// What to do with returns and cancellations.
    pub returns: ReturnsPolicy,
    /// The worksheet of an `.xlsx` file; unset: the first sheet.
    pub sheet: Option<String>,
    /// Size limits (file, workbook, customers, row); left out when written
    /// if every one is the default.
    #[serde(skip_serializing_if = "Limits::is_default")]
    pub limits: Limits,
}

/// What happens to returns: rows with a negative amount or quantity, and
/// rows of cancelled orders (an order id such as `C536379`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReturnsPolicy {
    /// Subtract them from the customer's spend (a cancellation always
    /// subtracts, whatever the sign written).
    #[default]
    Net,
    /// Leave them out, counted as skipped rows.
    Drop,
}
