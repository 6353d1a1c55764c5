//! Finding a column from its values, when its header says nothing.

use super::split::OwnedRecord;
use super::{infer_date_format, infer_decimal_mark, parse_amount_with, DateFormat};

/// Rows looked at per column.
const LOOK_AT: usize = 1000;
/// Share of non-empty cells a column's values must fit.
const FIT: f64 = 0.9;

/// The first rows of a file, column by column.
pub(crate) struct Sample<'a> {
    records: &'a [OwnedRecord],
    columns: usize,
}

impl<'a> Sample<'a> {
    /// A sample over the first rows of `records`, which have `columns` columns.
    pub(crate) fn new(records: &'a [OwnedRecord], columns: usize) -> Sample<'a> {
        Sample { records: &records[..records.len().min(LOOK_AT)], columns }
    }

    /// The non-empty cells of column `i`.
    fn cells(&self, i: usize) -> Vec<&'a str> {
        self.records
            .iter()
            .filter_map(|r| std::str::from_utf8(r.get(i)).ok())
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect()
    }

    fn open(&self, taken: &[usize]) -> impl Iterator<Item = usize> + '_ {
        let taken = taken.to_vec();
        (0..self.columns).filter(move |i| !taken.contains(i))
    }

    /// Share of `cells` that `fits`.
    fn share(cells: &[&str], fits: impl Fn(&str) -> bool) -> f64 {
        if cells.is_empty() {
            return 0.0;
        }
        cells.iter().filter(|c| fits(c)).count() as f64 / cells.len() as f64
    }

    /// The column whose cells are dates: most cells read, then formats with
    /// separators before bare numbers (which might be ids or amounts), then
    /// the leftmost.
    pub(crate) fn date_column(&self, taken: &[usize]) -> Option<usize> {
        self.open(taken)
            .filter_map(|i| {
                let cells = self.cells(i);
                let format = infer_date_format(cells.iter().copied())?.format;
                let share = Self::share(&cells, |c| format.parse(c).is_some());
                let bare_number = matches!(format, DateFormat::Compact | DateFormat::ExcelSerial | DateFormat::UnixSeconds);
                (share >= FIT).then_some((i, bare_number, share))
            })
            .min_by(|a, b| (a.1, -a.2, a.0).partial_cmp(&(b.1, -b.2, b.0)).unwrap_or(std::cmp::Ordering::Equal))
            .map(|(i, ..)| i)
    }

    /// The column whose cells are money: numbers with decimals or a
    /// currency sign first, then the rightmost plain number column.
    pub(crate) fn amount_column(&self, taken: &[usize]) -> Option<usize> {
        self.open(taken)
            .filter_map(|i| {
                let cells = self.cells(i);
                let mark = infer_decimal_mark(cells.iter().copied()).mark;
                let share = Self::share(&cells, |c| parse_amount_with(c, mark).is_some());
                let money_like = Self::share(&cells, |c| !c.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
                (share >= FIT).then_some((i, money_like > 0.0))
            })
            .max_by_key(|&(i, money_like)| (money_like, i))
            .map(|(i, _)| i)
    }

    /// The customer column: e-mail addresses first, else the leftmost
    /// column of text that is mostly filled in and repeats across rows (one
    /// customer, several orders), else the leftmost filled-in column.
    pub(crate) fn customer_column(&self, taken: &[usize]) -> Option<usize> {
        let filled: Vec<(usize, Vec<&str>)> = self
            .open(taken)
            .map(|i| (i, self.cells(i)))
            .filter(|(_, cells)| cells.len() as f64 >= FIT * self.records.len() as f64 && !cells.is_empty())
            .collect();
        let emails = filled.iter().find(|(_, cells)| Self::share(cells, |c| c.contains('@') && !c.contains(' ')) >= FIT);
        if let Some((i, _)) = emails {
            return Some(*i);
        }
        let repeats = |cells: &Vec<&str>| {
            let mut distinct = cells.clone();
            distinct.sort_unstable();
            distinct.dedup();
            distinct.len() < cells.len()
        };
        filled.iter().find(|(_, cells)| repeats(cells)).or(filled.first()).map(|(i, _)| *i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(rows: &[&[&str]]) -> Vec<OwnedRecord> {
        rows.iter().enumerate().map(|(n, r)| OwnedRecord::from_fields(r, n as u64 + 2)).collect()
    }

    #[test]
    fn finds_each_role_by_its_values() {
        let rows = sample(&[
            &["A-1", "kim", "2024.03.05", "12,000원", "Seoul"],
            &["A-2", "lee", "2024.03.06", "5,000원", "Busan"],
            &["A-3", "kim", "2024.03.09", "1,500원", "Seoul"],
        ]);
        let s = Sample::new(&rows, 5);
        let date = s.date_column(&[]).unwrap();
        let amount = s.amount_column(&[date]).unwrap();
        let customer = s.customer_column(&[date, amount]).unwrap();
        assert_eq!((customer, date, amount), (1, 2, 3));
    }

    #[test]
    fn e_mail_addresses_are_customers() {
        let rows = sample(&[&["x", "a@b.kr", "1"], &["y", "c@d.kr", "2"]]);
        assert_eq!(Sample::new(&rows, 3).customer_column(&[2]), Some(1));
    }

    #[test]
    fn bare_numbers_are_dates_only_when_nothing_else_is() {
        let rows = sample(&[&["20240105", "2024-01-05"], &["20240106", "2024-01-06"]]);
        assert_eq!(Sample::new(&rows, 2).date_column(&[]), Some(1));
        assert_eq!(Sample::new(&rows, 2).date_column(&[1]), Some(0));
    }

    #[test]
    fn money_with_decimals_beats_plain_counts() {
        let rows = sample(&[&["3", "12.50", "7"], &["1", "3.00", "9"]]);
        assert_eq!(Sample::new(&rows, 3).amount_column(&[]), Some(1));
    }
}
