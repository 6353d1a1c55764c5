//! Day or month first, decided by the whole column.
//!
//! When the first rows fit both `M/D/YYYY` and `D/M/YYYY`, the reader goes
//! on with the guess but also keeps each customer's first and last dates as
//! the other order would read them. The first later cell that only the other
//! order can read settles it: the kept dates replace the guessed ones, and
//! the column is no longer ambiguous. Until then every cell read fits both,
//! so nothing else depends on the choice.

use crate::date::Day;

/// The other reading of an ambiguous date column.
pub(crate) struct TwinDates {
    /// Per customer (by index), first and last dates read the other way.
    first: Vec<Day>,
    last: Vec<Day>,
    /// Earliest and latest date read the other way.
    range: Option<(Day, Day)>,
}

impl TwinDates {
    pub(crate) fn new() -> TwinDates {
        TwinDates { first: Vec::new(), last: Vec::new(), range: None }
    }

    /// Notes customer `i`'s row read the other way as `day`.
    pub(crate) fn note(&mut self, i: usize, day: Day) {
        if i == self.first.len() {
            self.first.push(day);
            self.last.push(day);
        } else {
            self.first[i] = self.first[i].min(day);
            self.last[i] = self.last[i].max(day);
        }
        self.range = Some(self.range.map_or((day, day), |(a, b)| (a.min(day), b.max(day))));
    }

    /// The dates read the other way: per customer (first, last), and the range.
    pub(crate) fn into_parts(self) -> (Vec<Day>, Vec<Day>, Option<(Day, Day)>) {
        (self.first, self.last, self.range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_first_and_last_per_customer_and_the_range() {
        let mut t = TwinDates::new();
        t.note(0, Day(5));
        t.note(1, Day(2));
        t.note(0, Day(9));
        t.note(0, Day(1));
        let (first, last, range) = t.into_parts();
        assert_eq!((first, last, range), (vec![Day(1), Day(2)], vec![Day(9), Day(2)], Some((Day(1), Day(9)))));
    }
}
