//! Reading a transactions file into one record per customer.
//!
//! [`read_customers`] takes the raw bytes of a CSV export, finds the customer,
//! date, amount and (optional) order columns, and folds every usable row into
//! [`Customers`]. Rows it cannot use are never dropped silently: each is
//! counted in the [`IngestReport`] under a [`SkipReason`], with the first few
//! line numbers and values as examples.

mod amount;
mod book;
mod columns;
mod errors;
mod options;
mod reader;
mod report;

pub use amount::parse_amount;
pub use book::Customers;
pub use columns::{AmountColumns, ColumnRoles, ColumnSpec};
pub use errors::IngestError;
pub use options::IngestOptions;
pub use reader::{read_customers, Ingested};
pub use report::{IngestReport, SkipExample, SkipReason, SkipTally};
