//! From records to customers: the header, the sample the formats are
//! inferred from, then every row parsed with the chosen formats.

use super::book::CustomerBook;
use super::dates::{infer_date_format, DateMemo};
use super::duplicates::DuplicateRun;
use super::earlier::EarlierBook;
use super::hash::hash;
use super::money::{Money, Switch};
use super::split::{OwnedRecord, Record};
use super::twin::TwinDates;
use super::values::Sample;
use super::{
    infer_decimal_mark, parse_amount_with, AmountColumns, ColumnRoles, DateFormat, EncodingSource,
    FileFormat, IngestError, IngestOptions, IngestReport, PreviewRow, RaggedExample, RaggedTally, ReturnsPolicy,
    ReturnsTally, SkipReason,
};
use crate::date::Day;
use crate::ingest::Ingested;

/// Data rows kept before the formats are chosen: the formats are inferred
/// from these cells, then the rows are replayed.
pub(crate) const SAMPLE_ROWS: usize = 20_000;
/// …or fewer, when they pass this many bytes: rows may be long (up to the
/// row limit), and the sample is held in memory.
pub(crate) const SAMPLE_BYTES: usize = 16 << 20;
/// Rows shown in the preview.
pub(crate) const PREVIEW_ROWS: usize = 10;
/// Recency in days without an as-of date is counted back from this day.
const RECENCY_ANCHOR: Day = Day(20_000); // 2024-10-04
/// Ragged rows kept as examples.
const RAGGED_EXAMPLES: usize = 5;

/// What was found before the rows: the container, encoding and delimiter.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub(crate) format: FileFormat,
    pub(crate) encoding: &'static str,
    pub(crate) encoding_source: EncodingSource,
    pub(crate) delimiter: String,
    pub(crate) sheet: Option<String>,
    pub(crate) sheets: Vec<String>,
}

/// Takes records one at a time (the first is the header).
pub(crate) struct Rows {
    options: IngestOptions,
    until: Option<Day>,
    /// Days back from the as-of date of the earlier customers to gather
    /// for the segment movement (0: none).
    movement_days: u32,
    source: Source,
    state: State,
}

enum State {
    Header,
    Sampling { headers: Vec<String>, sample: Vec<OwnedRecord>, bytes: usize },
    Ready(Box<Pipeline>),
}

impl Rows {
    /// Rows read with `options`, skipping those dated after `until`, and
    /// gathering the customers as of `movement_days` before the as-of date
    /// too (0: not).
    pub(crate) fn new(options: &IngestOptions, until: Option<Day>, movement_days: u32, source: Source) -> Rows {
        Rows { options: options.clone(), until, movement_days, source, state: State::Header }
    }

    /// The encoding turned out to be `name` (the first bytes were ASCII).
    pub(crate) fn set_encoding(&mut self, name: &'static str) {
        self.source.encoding = name;
        if let State::Ready(p) = &mut self.state {
            p.report.encoding = name.to_owned();
        }
    }

    /// Data rows taken so far.
    pub(crate) fn rows_read(&self) -> u64 {
        match &self.state {
            State::Header => 0,
            State::Sampling { sample, .. } => sample.len() as u64,
            State::Ready(p) => p.report.rows_read,
        }
    }

    /// Takes the next record.
    pub(crate) fn take(&mut self, record: Record<'_>) -> Result<(), IngestError> {
        match &mut self.state {
            State::Header => {
                if let Some((field, _)) = record.too_long() {
                    let limit = self.options.limits.row_bytes;
                    return Err(IngestError::HeaderTooLong { line: record.line, field: field + 1, limit });
                }
                let headers = record.strings().into_iter().map(|h| h.trim().to_owned()).collect();
                self.state = State::Sampling { headers, sample: Vec::new(), bytes: 0 };
            }
            State::Sampling { sample, bytes, .. } => {
                sample.push(OwnedRecord::of(&record));
                *bytes += record.bytes().len() + record.len();
                if sample.len() >= SAMPLE_ROWS || *bytes >= SAMPLE_BYTES {
                    self.start()?;
                }
            }
            State::Ready(p) => p.row(&record)?,
        }
        Ok(())
    }

    /// Ends the input: the customers and the report.
    pub(crate) fn finish(mut self, bytes_read: u64) -> Result<Ingested, IngestError> {
        match &self.state {
            State::Header => return Err(IngestError::Empty),
            State::Sampling { headers, sample, .. } if sample.is_empty() => {
                return Err(IngestError::NoRows { headers: headers.join(", ") })
            }
            _ => {}
        }
        self.start()?;
        let State::Ready(p) = self.state else { unreachable!("started above") };
        p.finish(bytes_read)
    }

    /// Chooses columns and formats from the sample and replays it.
    fn start(&mut self) -> Result<(), IngestError> {
        if !matches!(self.state, State::Sampling { .. }) {
            return Ok(());
        }
        let State::Sampling { headers, sample, .. } = std::mem::replace(&mut self.state, State::Header) else {
            unreachable!("checked above")
        };
        let mut p = Pipeline::new(headers, &sample, &self.options, (self.until, self.movement_days), &self.source)?;
        for r in &sample {
            p.row(&r.view())?;
        }
        self.state = State::Ready(Box::new(p));
        Ok(())
    }
}

/// Parses rows with the chosen columns and formats and folds them into the book.
struct Pipeline {
    /// For customer tables with recency in days: the day recency counts back from.
    anchor: Option<Day>,
    roles: ColumnRoles,
    max_index: usize,
    date: DateFormat,
    /// The last date cell and its day.
    memo: DateMemo,
    /// The decimal mark, and its other reading while undecided.
    money: Money,
    /// While the date column fits both day-first and month-first: the other
    /// format and the dates it reads.
    twin: Option<(DateFormat, TwinDates)>,
    policy: ReturnsPolicy,
    until: Option<Day>,
    /// The most customers, and the longest row (for skip examples).
    limits: super::Limits,
    report: IngestReport,
    book: CustomerBook,
    run: DuplicateRun,
    /// The customers as of the movement's earlier date, when it is on.
    earlier: Option<EarlierBook>,
    /// The same, with the dates read the other way, while the date column
    /// fits both day and month first.
    twin_earlier: Option<EarlierBook>,
}

impl Pipeline {
    fn new(
        headers: Vec<String>,
        sample: &[OwnedRecord],
        options: &IngestOptions,
        (until, movement_days): (Option<Day>, u32),
        source: &Source,
    ) -> Result<Pipeline, IngestError> {
        let header_len = headers.len();
        let roles = ColumnRoles::detect_with(headers, &options.columns, Some(&Sample::new(sample, header_len)))?;
        let cells = |i: usize| sample.iter().map(move |r| std::str::from_utf8(r.get(i)).unwrap_or(""));
        let recency_in_days = roles.customer_table.as_ref().is_some_and(|t| t.recency_in_days);
        let (date, ambiguous_with) = match options.date_format {
            Some(f) => (f, None),
            None if recency_in_days => (DateFormat::Iso, None),
            None => infer_date_format(cells(roles.date))
                .map_or((DateFormat::Iso, None), |x| (x.format, x.ambiguous_with)),
        };
        // Recency given in days: dates are counted back from the as-of date
        // (or, without one, from a fixed day that then serves as the as-of date).
        let as_of_hint = recency_in_days.then(|| until.unwrap_or(RECENCY_ANCHOR));
        let amount_cells: Vec<&str> = match roles.amount {
            AmountColumns::Amount { index, .. } => cells(index).collect(),
            AmountColumns::QuantityTimesPrice { quantity, unit_price, .. } => cells(quantity).chain(cells(unit_price)).collect(),
        };
        let decimal = infer_decimal_mark(amount_cells);
        let mark = options.decimal_mark.unwrap_or(decimal.mark);
        let undecided = options.decimal_mark.is_none() && decimal.ambiguous;
        let earlier = || (movement_days > 0).then(|| EarlierBook::new(movement_days, until.or(as_of_hint), undecided));
        let report = IngestReport {
            format: source.format,
            bytes_read: 0,
            encoding: source.encoding.to_owned(),
            encoding_source: source.encoding_source,
            delimiter: source.delimiter.clone(),
            sheet: source.sheet.clone(),
            sheets: source.sheets.clone(),
            date_format: date,
            date_format_given: options.date_format.is_some(),
            date_format_ambiguous_with: ambiguous_with,
            decimal_mark: mark,
            decimal_mark_ambiguous: options.decimal_mark.is_none() && decimal.ambiguous,
            returns: ReturnsTally { policy: options.returns, rows: 0, amount: 0.0 },
            ragged: RaggedTally { expected_fields: header_len, count: 0, examples: Vec::new() },
            preview: Vec::new(),
            rows_read: 0,
            rows_used: 0,
            skipped: Vec::new(),
            columns: roles.clone(),
            first_date: None,
            last_date: None,
            as_of_hint,
        };
        Ok(Pipeline {
            anchor: as_of_hint,
            max_index: roles.max_index(),
            roles,
            date,
            memo: DateMemo::default(),
            twin: ambiguous_with.map(|f| (f, TwinDates::new())),
            money: Money::new(mark, undecided),
            policy: options.returns,
            until,
            limits: options.limits,
            report,
            book: CustomerBook::default(),
            run: DuplicateRun::default(),
            earlier: earlier(),
            twin_earlier: ambiguous_with.and_then(|_| earlier()),
        })
    }

    /// Reads one data row: used, or skipped with its reason; an error only
    /// when it brings more customers than the limit.
    fn row(&mut self, record: &Record<'_>) -> Result<(), IngestError> {
        let report = &mut self.report;
        report.rows_read += 1;
        if let Some((field, start)) = record.too_long() {
            // The column by its header, or by its number past the header's.
            let column = self.roles.headers.get(field).cloned().unwrap_or_else(|| format!("field {}", field + 1));
            let limit = super::limits::bytes_text(self.limits.row_bytes);
            let value = || match start {
                [] => format!("(longer than {limit})").into_bytes(),
                _ => format!("{}… (longer than {limit})", String::from_utf8_lossy(start)).into_bytes(),
            };
            report.skip(SkipReason::TooLong, record.line, Some(&column), value);
            return Ok(());
        }
        if report.preview.len() < PREVIEW_ROWS {
            report.preview.push(PreviewRow { line: record.line, fields: record.strings() });
        }
        if record.len() != report.ragged.expected_fields {
            report.ragged.count += 1;
            if report.ragged.examples.len() < RAGGED_EXAMPLES {
                report.ragged.examples.push(RaggedExample { line: record.line, fields: record.len() });
            }
        }
        match self.parse(record) {
            Ok(()) => {
                self.report.rows_used += 1;
                if self.book.len() as u64 > self.limits.customers {
                    return Err(IngestError::TooManyCustomers { limit: self.limits.customers, line: record.line });
                }
            }
            Err((reason, column)) => {
                let reason = match (reason, column) {
                    (SkipReason::BadDate | SkipReason::BadAmount, Some(c)) if is_formula(record.get(c)) => SkipReason::Formula,
                    _ => reason,
                };
                // The value is only copied for the first few examples of a reason.
                let value = || match column {
                    Some(c) => record.get(c).to_vec(),
                    None => line_text(record),
                };
                self.report.skip(reason, record.line, column.map(|c| self.roles.name(c)), value);
            }
        }
        Ok(())
    }

    /// Uses one row, or says why not (and which column, if one cell is to blame).
    fn parse(&mut self, record: &Record<'_>) -> Result<(), (SkipReason, Option<usize>)> {
        let roles = &self.roles;
        if record.len() <= self.max_index {
            return Err((SkipReason::TooFewFields, None));
        }
        let customer = record.get(roles.customer).trim_ascii();
        if customer.is_empty() || is_null_like(customer) {
            return Err((SkipReason::MissingCustomer, Some(roles.customer)));
        }
        let raw_date = record.get(roles.date);
        let day = match self.anchor {
            Some(anchor) => text(raw_date).and_then(|t| t.trim().parse::<u32>().ok()).map(|days| Day(anchor.0 - days as i32)),
            None => self.memo.parse(self.date, raw_date),
        };
        let day = match (day, &self.twin) {
            (Some(day), _) => day,
            // Only the other order reads it: the whole column is that order.
            (None, Some((twin, _))) if twin.parse_bytes(raw_date).is_some() => {
                self.settle_on_twin();
                self.date.parse_bytes(raw_date).ok_or((SkipReason::BadDate, Some(self.roles.date)))?
            }
            (None, _) => return Err((SkipReason::BadDate, Some(self.roles.date))),
        };
        let roles = &self.roles;
        if self.until.is_some_and(|until| day > until) {
            return Err((SkipReason::AfterAsOf, Some(roles.date)));
        }
        if let Some(table) = &roles.customer_table {
            let orders = text(record.get(table.frequency))
                .and_then(|t| parse_amount_with(t, self.money.mark()))
                .filter(|f| *f >= 0.0 && f.fract() == 0.0 && *f <= f64::from(u32::MAX))
                .ok_or((SkipReason::BadAmount, Some(table.frequency)))?;
            let monetary = self.amount(record, &[roles.customer_amount_index()])?;
            if self.run.is_duplicate(record, None, &self.roles) {
                return Err((SkipReason::Duplicate, None));
            }
            let i = self.book.add_customer(customer, day, orders as u32, monetary);
            let amounts = (monetary, self.money.other());
            self.money.note_used(i);
            self.note_day(day, i, raw_date, |book, day| book.table_row(i, day, orders as u32, amounts));
            return Ok(());
        }
        let mut amount = match roles.amount {
            AmountColumns::Amount { index, .. } => self.amount(record, &[index])?,
            AmountColumns::QuantityTimesPrice { quantity, unit_price, .. } => self.amount(record, &[quantity, unit_price])?,
        };
        // Only a row that would be used can be a duplicate that matters.
        let order = self.roles.order.map(|i| record.get(i).trim_ascii());
        let order_key = order.map(|o| hash(o, 1));
        if self.run.is_duplicate(record, order_key, &self.roles) {
            return Err((SkipReason::Duplicate, None));
        }
        let cancelled = order.is_some_and(is_cancellation);
        if cancelled || amount < 0.0 {
            amount = -amount.abs();
            self.report.returns.rows += 1;
            self.report.returns.amount += amount;
            self.money.note_return();
            if self.policy == ReturnsPolicy::Drop {
                return Err((SkipReason::Return, None));
            }
        }
        let (i, new_day) = self.book.add(customer, day, amount, order_key);
        let amounts = (amount, self.money.other());
        self.money.note_used(i);
        self.note_day(day, i, raw_date, |book, day| book.row(i, day, amounts, order_key, new_day));
        Ok(())
    }

    /// A cell only the other day/month order reads: switch to it, with the
    /// dates it gave every row so far.
    fn settle_on_twin(&mut self) {
        let Some((twin, dates)) = self.twin.take() else { return };
        let (first, last, range) = dates.into_parts();
        self.book.replace_dates(first, last);
        self.earlier = self.twin_earlier.take();
        self.date = twin;
        self.memo.clear();
        let r = &mut self.report;
        r.date_format = twin;
        r.date_format_ambiguous_with = None;
        r.first_date = range.map(|(a, _)| a);
        r.last_date = range.map(|(_, b)| b);
    }

    /// Customer `i` bought on `day` (`raw` as written, for the other
    /// reading); `earlier` adds the row to the earlier customers, given the
    /// day as each reading has it.
    fn note_day(&mut self, day: Day, i: usize, raw: &[u8], earlier: impl Fn(&mut EarlierBook, Day)) {
        let r = &mut self.report;
        r.first_date = Some(r.first_date.map_or(day, |d| d.min(day)));
        r.last_date = Some(r.last_date.map_or(day, |d| d.max(day)));
        if let Some(book) = &mut self.earlier {
            earlier(book, day);
        }
        if let Some((twin, dates)) = &mut self.twin {
            let other = twin.parse_bytes(raw).unwrap_or(day);
            dates.note(i, other);
            if let Some(book) = &mut self.twin_earlier {
                earlier(book, other);
            }
        }
    }

    /// The product of the cells in `columns`, read with the decimal mark
    /// (switching marks when this row settles the column on the other one).
    fn amount(&mut self, record: &Record<'_>, columns: &[usize]) -> Result<f64, (SkipReason, Option<usize>)> {
        let cells: [&[u8]; 2] = [record.get(columns[0]), columns.get(1).map_or(&[][..], |&c| record.get(c))];
        let undecided = self.money.undecided();
        let (value, switch) =
            self.money.read(&cells[..columns.len()]).map_err(|k| (SkipReason::BadAmount, Some(columns[k])))?;
        if undecided && !self.money.undecided() {
            for book in self.earlier.iter_mut().chain(self.twin_earlier.iter_mut()) {
                if switch.is_some() {
                    book.switch_mark();
                } else {
                    book.keep_mark();
                }
            }
        }
        if let Some(Switch { mark, monetary, returns }) = switch {
            self.book.replace_monetary(monetary);
            let r = &mut self.report;
            r.returns.amount = returns;
            r.decimal_mark = mark;
            r.decimal_mark_ambiguous = false;
        }
        Ok(value)
    }

    fn finish(mut self, bytes_read: u64) -> Result<Ingested, IngestError> {
        let report = &mut self.report;
        report.bytes_read = bytes_read;
        if report.rows_used == 0 {
            return Err(IngestError::NoUsableRows { rows: report.rows_read, reasons: report.describe_skips(), skipped: report.skipped.clone() });
        }
        Ok(Ingested { customers: self.book.finish(), report: self.report, earlier: self.earlier })
    }
}

/// `C536379`: an order id starting with `C` and a digit marks a cancellation.
fn is_cancellation(order: &[u8]) -> bool {
    matches!(order, [b'C' | b'c', d, ..] if d.is_ascii_digit())
}

/// `NaN`, `NULL`, `None`, `N/A`, `#N/A`, `undefined`, `-`: what databases,
/// pandas and spreadsheets write for a missing value. As a customer id it
/// would lump every such row into one made-up customer, so it counts as none.
fn is_null_like(id: &[u8]) -> bool {
    const NULLS: [&[u8]; 8] = [b"nan", b"null", b"none", b"n/a", b"#n/a", b"undefined", b"nil", b"-"];
    // Most ids start with a digit, or are longer than any of these.
    if id.len() > 9 || id.first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    NULLS.iter().any(|n| id.eq_ignore_ascii_case(n))
}

/// `=B2*C2`: a spreadsheet formula where a value should be.
fn is_formula(cell: &[u8]) -> bool {
    cell.trim_ascii().first() == Some(&b'=')
}

fn text(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes).ok()
}

/// The whole row as text, fields joined by commas, for examples.
fn line_text(record: &Record<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..record.len() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(record.get(i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_rows_end_the_sample_at_its_byte_cap_not_its_row_count() {
        use super::super::split::Splitter;
        let source = Source {
            format: FileFormat::Csv,
            encoding: "UTF-8",
            encoding_source: EncodingSource::Detected,
            delimiter: ",".into(),
            sheet: None,
            sheets: Vec::new(),
        };
        let mut rows = Rows::new(&IngestOptions::default(), None, 0, source);
        let note = "n".repeat(500_000);
        let mut text = String::from("customer_id,order_date,amount,note\n");
        for i in 0..40 {
            text += &format!("c{i},2024-01-{:02},5,{note}\n", i % 28 + 1);
        }
        Splitter::new(b',').feed(text.as_bytes(), false, |r| rows.take(r)).unwrap();
        // 40 rows of 0.5 MB: the sample stops at 16 MiB, well before 20,000 rows.
        assert!(matches!(rows.state, State::Ready(_)), "still sampling after 20 MB");
        let read = rows.finish(0).unwrap();
        assert_eq!((read.report.rows_read, read.report.rows_used), (40, 40));
    }

    #[test]
    fn null_like_ids_are_missing_but_lookalikes_are_ids() {
        for id in ["NaN", "null", "NULL", "None", "N/A", "#N/A", "undefined", "-"] {
            assert!(is_null_like(id.as_bytes()), "{id}");
        }
        for id in ["nancy", "NA1", "0", "none1", "--"] {
            assert!(!is_null_like(id.as_bytes()), "{id}");
        }
    }

    #[test]
    fn cancellations_are_c_and_a_digit() {
        assert!(is_cancellation(b"C536379"));
        assert!(!is_cancellation(b"CUST1"));
        assert!(!is_cancellation(b"536379"));
    }
}
