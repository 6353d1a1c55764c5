//! Reading a whole file held in memory.

use super::earlier::EarlierBook;
use super::{ColumnSpec, Customers, IngestError, IngestOptions, IngestReport, IngestStream, Snapshot};
use crate::date::Day;

/// The result of reading a file: its customers and what happened to each row.
#[derive(Debug, Clone, PartialEq)]
pub struct Ingested {
    /// One record per customer.
    pub customers: Customers,
    /// Rows read, used and skipped, and what was detected.
    pub report: IngestReport,
    /// The customers as of the movement's earlier date, gathered in the
    /// same reading (see [`IngestStream::with_movement`]).
    pub(crate) earlier: Option<EarlierBook>,
}

impl Ingested {
    /// The customers as of `date`, with only their rows up to it, for the
    /// segment movement. `None` unless the file was read
    /// [`with_movement`](IngestStream::with_movement) and `date` is that
    /// reading's earlier date: the as-of date (given, or the day after the
    /// latest date) minus the movement's days.
    ///
    /// ```
    /// use segmenta::date::Day;
    /// use segmenta::ingest::{IngestOptions, IngestStream};
    /// let csv = "customer,date,amount\na,2024-01-01,10\nb,2024-03-01,5\na,2024-03-30,2\n";
    /// let mut stream = IngestStream::new(&IngestOptions::default(), None).with_movement(30);
    /// stream.push(csv.as_bytes()).unwrap();
    /// let read = stream.finish().unwrap();
    /// // The as-of date is 2024-03-31; 30 days before it is 2024-03-01.
    /// let then = read.customers_at(Day::from_ymd(2024, 3, 1).unwrap()).unwrap();
    /// assert_eq!(then.customers.ids, ["a", "b"]);
    /// assert_eq!(then.customers.monetary, [10.0, 5.0]);
    /// assert_eq!(then.positions, [0, 1]);
    /// ```
    pub fn customers_at(&self, date: Day) -> Option<Snapshot> {
        self.earlier.as_ref()?.at(date, &self.customers.ids)
    }
}

/// Reads a CSV export (header row first) into customers, every format
/// detected, with the columns of `spec`.
///
/// Columns are taken from `spec` or guessed from the header. Rows dated after
/// `until` (when given) are skipped and counted, as are rows with no customer
/// id, an unreadable date or amount, too few fields, or repeating the line
/// before them exactly.
///
/// ```
/// use segmenta::ingest::{read_customers, ColumnSpec};
/// let csv = "customer,date,amount\na,2024-01-02,10\nb,2024-01-03,5\na,2024-01-09,2.5\n,2024-01-01,1\n";
/// let read = read_customers(csv.as_bytes(), &ColumnSpec::default(), None).unwrap();
/// assert_eq!(read.customers.ids, ["a", "b"]);
/// assert_eq!(read.customers.monetary, [12.5, 5.0]);
/// assert_eq!((read.report.rows_read, read.report.rows_used, read.report.rows_skipped()), (4, 3, 1));
/// ```
///
/// A file without a recognisable customer column (by name or by values) is
/// an error that names the headers it found:
///
/// ```
/// use segmenta::ingest::{read_customers, ColumnSpec};
/// let err = read_customers(b"who,date,amount\n,2024-01-01,1\n", &ColumnSpec::default(), None).unwrap_err();
/// assert!(err.to_string().starts_with("could not find a customer id column; the header has: who, date, amount"));
/// ```
pub fn read_customers(bytes: &[u8], spec: &ColumnSpec, until: Option<Day>) -> Result<Ingested, IngestError> {
    read_with(bytes, &IngestOptions { columns: spec.clone(), ..IngestOptions::default() }, until)
}

/// Reads a whole file (CSV or `.xlsx`) with all the ingest options.
///
/// ```
/// use segmenta::ingest::{read_with, DecimalMark, IngestOptions};
/// let csv = "kunde;datum;betrag;netto\nk1;05.03.2024;1.234,50 €;1.000,00\nk2;06.03.2024;(10,00);(8,00)\n";
/// // German headers are not known names: the columns are found from their values…
/// let read = read_with(csv.as_bytes(), &IngestOptions::default(), None).unwrap();
/// assert_eq!(read.report.columns.from_values, ["order date", "amount", "customer id"]);
/// assert_eq!(read.report.decimal_mark, DecimalMark::Comma);
/// assert_eq!(read.customers.monetary, [1000.0, -8.0]);
/// // …and any of them can be chosen instead.
/// let mut options = IngestOptions::default();
/// options.columns.amount = Some("betrag".into());
/// let read = read_with(csv.as_bytes(), &options, None).unwrap();
/// assert_eq!(read.customers.monetary, [1234.5, -10.0]);
/// ```
pub fn read_with(bytes: &[u8], options: &IngestOptions, until: Option<Day>) -> Result<Ingested, IngestError> {
    let mut stream = IngestStream::new(options, until);
    stream.expect_len(bytes.len() as u64)?;
    stream.push(bytes)?;
    stream.finish()
}
