//! Reading a row's amount with the column's decimal mark, decided by the
//! whole column.
//!
//! When no amount among the first rows tells the marks apart (all like
//! `1,234`, `1.234` or `5`), the reader goes on with a decimal point but
//! also keeps each customer's spend and the returns' total as a decimal
//! comma would read them. The first later cell that only one mark reads
//! settles it: for a comma, the kept sums replace the others.

use super::amount::parse_amount_bytes;
use super::DecimalMark;

/// The decimal mark of the amount columns, and the other reading while the
/// column has not told them apart.
pub(crate) struct Money {
    mark: DecimalMark,
    twin: Option<Twin>,
}

struct Twin {
    mark: DecimalMark,
    /// Per customer (by index), spend read with the other mark.
    monetary: Vec<f64>,
    /// The returns' total read with the other mark.
    returns: f64,
    /// The current row's amount read with the other mark.
    pending: f64,
}

/// The other mark turned out to be the column's: what it read so far.
#[derive(Debug, PartialEq)]
pub(crate) struct Switch {
    /// The mark now used.
    pub(crate) mark: DecimalMark,
    /// Per customer, spend as that mark reads it.
    pub(crate) monetary: Vec<f64>,
    /// The returns' total as that mark reads it.
    pub(crate) returns: f64,
}

impl Money {
    /// Amounts read with `mark`; `ambiguous` when the sample did not tell.
    pub(crate) fn new(mark: DecimalMark, ambiguous: bool) -> Money {
        let other = match mark {
            DecimalMark::Point => DecimalMark::Comma,
            DecimalMark::Comma => DecimalMark::Point,
        };
        let twin = ambiguous.then_some(Twin { mark: other, monetary: Vec::new(), returns: 0.0, pending: 0.0 });
        Money { mark, twin }
    }

    /// The mark used now.
    pub(crate) fn mark(&self) -> DecimalMark {
        self.mark
    }

    /// True while the column has not told the marks apart.
    pub(crate) fn undecided(&self) -> bool {
        self.twin.is_some()
    }

    /// The row just read, read with the other mark (0 once decided).
    pub(crate) fn other(&self) -> f64 {
        self.twin.as_ref().map_or(0.0, |t| t.pending)
    }

    /// The product of `cells` read as numbers (one cell: the amount; two:
    /// quantity × unit price), and a [`Switch`] when this row settled the
    /// mark on the other one. `Err(k)`: cell `k` is not a number.
    pub(crate) fn read(&mut self, cells: &[&[u8]]) -> Result<(f64, Option<Switch>), usize> {
        let main = product(cells, self.mark);
        let Some(twin_mark) = self.twin.as_ref().map(|t| t.mark) else {
            return main.map(|v| (v, None));
        };
        match (main, product(cells, twin_mark)) {
            (Ok(value), Ok(other)) => {
                if let Some(t) = self.twin.as_mut() {
                    t.pending = other;
                }
                Ok((value, None))
            }
            // Only the mark in use reads it: settled as it is.
            (Ok(value), Err(_)) => {
                self.twin = None;
                Ok((value, None))
            }
            // Only the other mark reads it: the whole column is that mark.
            (Err(_), Ok(other)) => {
                let t = self.twin.take().map(|t| Switch { mark: t.mark, monetary: t.monetary, returns: t.returns });
                self.mark = twin_mark;
                Ok((other, t))
            }
            (Err(k), Err(_)) => Err(k),
        }
    }

    /// The row just read is a return (its amount counts negative).
    pub(crate) fn note_return(&mut self) {
        if let Some(t) = self.twin.as_mut() {
            t.pending = -t.pending.abs();
            t.returns += t.pending;
        }
    }

    /// The row just read was used, for customer `i`.
    pub(crate) fn note_used(&mut self, i: usize) {
        if let Some(t) = self.twin.as_mut() {
            if i == t.monetary.len() {
                t.monetary.push(t.pending);
            } else {
                t.monetary[i] += t.pending;
            }
        }
    }
}

fn product(cells: &[&[u8]], mark: DecimalMark) -> Result<f64, usize> {
    let mut value = 1.0;
    for (k, cell) in cells.iter().enumerate() {
        value *= parse_amount_bytes(cell, mark).ok_or(k)?;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_only_the_other_mark_reads_switches_with_the_sums_so_far() {
        let mut m = Money::new(DecimalMark::Point, true);
        assert_eq!(m.read(&[b"1.500"]).unwrap().0, 1.5);
        m.note_used(0);
        assert_eq!(m.read(&[b"(2.000)"]).unwrap().0, -2.0);
        m.note_return();
        m.note_used(1);
        let (value, switch) = m.read(&[b"12,50"]).unwrap();
        let switch = switch.expect("settled on the comma");
        assert_eq!((value, switch.mark, switch.monetary, switch.returns), (12.5, DecimalMark::Comma, vec![1500.0, -2000.0], -2000.0));
        assert_eq!(m.mark(), DecimalMark::Comma);
        assert!(m.read(&[b"3,5"]).unwrap().1.is_none());
    }

    #[test]
    fn a_cell_only_the_mark_in_use_reads_settles_it() {
        let mut m = Money::new(DecimalMark::Point, true);
        assert_eq!(m.read(&[b"1,234.5"]).unwrap(), (1234.5, None));
        assert!(m.twin.is_none());
    }

    #[test]
    fn quantity_times_price_and_the_failing_cell() {
        let mut m = Money::new(DecimalMark::Point, false);
        assert_eq!(m.read(&[b"3", b"2.5"]).unwrap().0, 7.5);
        assert_eq!(m.read(&[b"3", b"abc"]).err(), Some(1));
    }
}
