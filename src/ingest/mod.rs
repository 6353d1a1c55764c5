//! Reading a transactions file into one record per customer.
//!
//! [`IngestStream`] takes the raw bytes of an export in chunks — delimited
//! text in any common encoding, or an Excel `.xlsx` workbook —, detects the
//! encoding, delimiter, columns, date format and decimal mark, and folds
//! every usable row into [`Customers`]. [`read_customers`] does the same for
//! bytes held in memory. Rows it cannot use are never dropped silently: each
//! is counted in the [`IngestReport`] under a [`SkipReason`], with the first
//! few line numbers and values as examples.

mod amount;
mod book;
mod columns;
mod dates;
mod duplicates;
mod earlier;
mod encoding;
mod errors;
mod hash;
mod key;
mod limits;
mod money;
mod names;
mod options;
mod peek;
mod reader;
mod report;
mod rows;
mod split;
mod stream;
mod twin;
mod values;
mod workbook;

pub use amount::{infer_decimal_mark, parse_amount, parse_amount_with, DecimalInference, DecimalMark};
pub use book::Customers;
pub use earlier::Snapshot;
pub use columns::{AmountColumns, ColumnRoles, ColumnSpec, CustomerTable};
pub use dates::{infer_date_format, DateFormat, DateInference};
pub use encoding::{detect_encoding, encoding_for_label, EncodingSource};
pub use errors::IngestError;
pub use limits::Limits;
pub use options::{IngestOptions, ReturnsPolicy};
pub use peek::{peek, Peek};
pub use reader::{read_customers, read_with, Ingested};
pub use report::{
    FileFormat, IngestReport, PreviewRow, RaggedExample, RaggedTally, ReturnsTally, SkipExample, SkipReason, SkipTally,
};
pub use stream::IngestStream;

/// The record splitter under the reader, for the parsing floor in [`crate::bench`].
pub(crate) use split::Splitter;
