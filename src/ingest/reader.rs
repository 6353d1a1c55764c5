//! The CSV reader: bytes in, [`Customers`] and an [`IngestReport`] out.

use csv::{ByteRecord, ReaderBuilder, Trim};

use super::book::CustomerBook;
use super::{parse_amount, AmountColumns, ColumnRoles, ColumnSpec, Customers, IngestError, IngestReport, SkipReason};
use crate::date::Day;

/// The result of reading a file: its customers and what happened to each row.
#[derive(Debug, Clone, PartialEq)]
pub struct Ingested {
    /// One record per customer.
    pub customers: Customers,
    /// Rows read, used and skipped.
    pub report: IngestReport,
}

/// Reads a CSV export (header row first) into customers.
///
/// Columns are taken from `spec` or guessed from the header. Rows dated after
/// `until` (when given) are skipped and counted, as are rows with no customer
/// id, an unreadable date or amount, or too few fields.
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
/// A file without a recognisable customer column is an error that names the
/// headers it found:
///
/// ```
/// use segmenta::ingest::{read_customers, ColumnSpec};
/// let err = read_customers(b"who,date,amount\nx,2024-01-01,1\n", &ColumnSpec::default(), None).unwrap_err();
/// assert!(err.to_string().starts_with("could not find a customer id column"));
/// ```
pub fn read_customers(bytes: &[u8], spec: &ColumnSpec, until: Option<Day>) -> Result<Ingested, IngestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    if let Some(offset) = bytes.iter().take(4096).position(|&b| b == 0) {
        return Err(IngestError::Binary { offset });
    }
    let mut reader = ReaderBuilder::new().flexible(true).trim(Trim::All).from_reader(bytes);
    let headers = reader.byte_headers().map_err(|e| csv_error(&e))?;
    let headers: Vec<String> = headers.iter().map(|h| String::from_utf8_lossy(h).into_owned()).collect();
    let roles = ColumnRoles::detect(headers, spec)?;
    let mut report = IngestReport {
        rows_read: 0,
        rows_used: 0,
        skipped: Vec::new(),
        columns: roles.clone(),
        first_date: None,
        last_date: None,
    };
    let mut book = CustomerBook::default();
    let mut record = ByteRecord::new();
    while reader.read_byte_record(&mut record).map_err(|e| csv_error(&e))? {
        report.rows_read += 1;
        let line = record.position().map_or(0, |p| p.line());
        match parse_row(&record, &roles, until) {
            Ok(row) => {
                book.add(row.customer, row.day, row.amount, row.order);
                report.rows_used += 1;
                report.first_date = Some(report.first_date.map_or(row.day, |d| d.min(row.day)));
                report.last_date = Some(report.last_date.map_or(row.day, |d| d.max(row.day)));
            }
            Err((reason, column)) => {
                let value = column.and_then(|c| record.get(c)).unwrap_or_default();
                report.skip(reason, line, column.map(|c| roles.name(c)), value);
            }
        }
    }
    if report.rows_read == 0 {
        return Err(IngestError::NoRows);
    }
    if report.rows_used == 0 {
        return Err(IngestError::NoUsableRows { rows: report.rows_read, reasons: report.describe_skips() });
    }
    Ok(Ingested { customers: book.finish(), report })
}

struct Row<'r> {
    customer: &'r [u8],
    day: Day,
    amount: f64,
    order: Option<&'r [u8]>,
}

/// A skipped row's reason and, when one cell is to blame, its column index.
type Skip = (SkipReason, Option<usize>);

fn parse_row<'r>(record: &'r ByteRecord, roles: &ColumnRoles, until: Option<Day>) -> Result<Row<'r>, Skip> {
    if record.len() <= roles.max_index() {
        return Err((SkipReason::TooFewFields, None));
    }
    let customer = &record[roles.customer];
    if customer.is_empty() {
        return Err((SkipReason::MissingCustomer, Some(roles.customer)));
    }
    let day = text(&record[roles.date])
        .and_then(Day::parse_iso)
        .ok_or((SkipReason::BadDate, Some(roles.date)))?;
    if until.is_some_and(|until| day > until) {
        return Err((SkipReason::AfterAsOf, Some(roles.date)));
    }
    let amount = match roles.amount {
        AmountColumns::Amount { index, .. } => number(record, index)?,
        AmountColumns::QuantityTimesPrice { quantity, unit_price, .. } => {
            number(record, quantity)? * number(record, unit_price)?
        }
    };
    let order = roles.order.map(|i| &record[i]);
    Ok(Row { customer, day, amount, order })
}

fn number(record: &ByteRecord, index: usize) -> Result<f64, Skip> {
    text(&record[index])
        .and_then(parse_amount)
        .ok_or((SkipReason::BadAmount, Some(index)))
}

fn text(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes).ok()
}

fn csv_error(e: &csv::Error) -> IngestError {
    let line = e.position().map_or(0, |p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::Io(io) => io.to_string(),
        _ => e.to_string(),
    };
    IngestError::Csv { line, message }
}
