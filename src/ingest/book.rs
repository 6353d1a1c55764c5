//! Folding transaction rows into one record per customer.

use std::collections::{HashMap, HashSet};

use super::hash::FastHash;
use super::key::Key;
use crate::date::Day;

/// One record per customer, as parallel columns (customer `i` is index `i`
/// in every vector), in the order customers first appear in the file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Customers {
    /// Customer ids as written in the file.
    pub ids: Vec<String>,
    /// Date of each customer's first purchase.
    pub first: Vec<Day>,
    /// Date of each customer's last purchase.
    pub last: Vec<Day>,
    /// Orders (runs of a customer's lines with one order id, or rows without
    /// an order column).
    pub orders: Vec<u32>,
    /// Distinct purchase days.
    pub days: Vec<u32>,
    /// Rows (order lines).
    pub rows: Vec<u32>,
    /// Sum of amounts (net of returns).
    pub monetary: Vec<f64>,
}

impl Customers {
    /// Number of customers.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when there are no customers.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// Accumulates rows into [`Customers`]; memory grows with the customers,
/// not the rows.
///
/// Orders are counted as runs: a customer's row starts a new order when its
/// order id differs from that customer's previous row's. Exports list an
/// order's lines together, so this counts distinct orders without keeping
/// every order id (another customer's lines in between do not matter).
/// Distinct purchase days are counted through the (customer, day) pairs
/// seen, which grow with the purchase days, not the rows (see [`SeenDays`]).
#[derive(Default)]
pub(crate) struct CustomerBook {
    index: HashMap<Key, u32, FastHash>,
    /// Customer ids, by index.
    ids: Vec<String>,
    /// Everything else about each customer, by index, in one record (one
    /// cache line per row rather than one per column).
    tally: Vec<Tally>,
    /// The previous row's customer and a copy of their id, to skip the
    /// look-up for lines of one order (the copy is in cache; `ids` is not).
    last_customer: Option<u32>,
    last_id: Vec<u8>,
    seen_days: SeenDays,
    last_day: Option<(u32, Day)>,
}

/// The (customer, day) pairs seen, to count distinct purchase days.
///
/// While each customer's rows come in date order (as exports list them), a
/// day is new exactly when it is later than the customer's latest: the pairs
/// are only listed, without a look-up. The first row dated before its
/// customer's latest puts them in a set, which answers from then on.
enum SeenDays {
    InOrder(Vec<(u32, Day)>),
    Set(HashSet<(u32, Day), FastHash>),
}

impl Default for SeenDays {
    fn default() -> SeenDays {
        SeenDays::InOrder(Vec::new())
    }
}

impl SeenDays {
    /// Notes that customer `c` bought on `day`, their latest day so far
    /// being `latest`; true when the day is new for them.
    fn note(&mut self, c: u32, day: Day, latest: Day) -> bool {
        if let SeenDays::InOrder(pairs) = self {
            if day > latest {
                pairs.push((c, day));
                return true;
            }
            if day == latest {
                return false;
            }
            *self = SeenDays::Set(pairs.drain(..).collect());
        }
        match self {
            SeenDays::Set(set) => set.insert((c, day)),
            SeenDays::InOrder(_) => unreachable!("turned into a set above"),
        }
    }
}

/// One customer's aggregates while rows are read.
#[derive(Debug, Clone, Copy)]
struct Tally {
    first: Day,
    last: Day,
    orders: u32,
    days: u32,
    rows: u32,
    monetary: f64,
    /// A hash of the order id of their latest row (0: none).
    last_order: u64,
}

impl CustomerBook {
    /// The index of customer `id` (added if new), with `day` taken into
    /// their first and last dates; and their latest day before (`None`
    /// for a new customer).
    fn slot(&mut self, id: &[u8], day: Day) -> (usize, Option<Day>) {
        let (i, known) = match self.last_customer {
            Some(i) if self.last_id == id => (i as usize, true),
            _ => {
                let found = self.index.get(id).map(|&i| i as usize);
                let i = found.unwrap_or_else(|| {
                    let i = self.ids.len();
                    self.ids.push(String::from_utf8_lossy(id).into_owned());
                    self.tally.push(Tally { first: day, last: day, orders: 0, days: 0, rows: 0, monetary: 0.0, last_order: 0 });
                    self.index.insert(Key::new(id), i as u32);
                    i
                });
                self.last_customer = Some(i as u32);
                self.last_id.clear();
                self.last_id.extend_from_slice(id);
                (i, found.is_some())
            }
        };
        let t = &mut self.tally[i];
        let latest = known.then_some(t.last);
        t.first = t.first.min(day);
        t.last = t.last.max(day);
        (i, latest)
    }

    /// Customers so far.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// Adds one usable row and returns the customer's index, and whether
    /// it is the customer's first row on that day. `order` is a hash of the
    /// order id, `None` when the file has no order column.
    pub(crate) fn add(&mut self, id: &[u8], day: Day, amount: f64, order: Option<u64>) -> (usize, bool) {
        let (u, latest) = self.slot(id, day);
        let key = (u as u32, day);
        let new_day = match latest {
            None => {
                self.seen_days.note(key.0, day, Day(i32::MIN));
                true
            }
            Some(_) if self.last_day == Some(key) => false,
            Some(latest) => self.seen_days.note(key.0, day, latest),
        };
        self.last_day = Some(key);
        let t = &mut self.tally[u];
        t.monetary += amount;
        t.rows += 1;
        t.days += u32::from(new_day);
        let new_order = match order {
            None => true,
            Some(order) => {
                let key = order | 1; // 0 stands for "no order yet"
                std::mem::replace(&mut t.last_order, key) != key
            }
        };
        t.orders += u32::from(new_order);
        (u, new_day)
    }

    /// Replaces every customer's spend (the other decimal mark turned out to
    /// be the right one).
    pub(crate) fn replace_monetary(&mut self, monetary: Vec<f64>) {
        debug_assert_eq!(monetary.len(), self.tally.len());
        for (t, m) in self.tally.iter_mut().zip(monetary) {
            t.monetary = m;
        }
    }

    /// Replaces every customer's first and last dates (the other reading of
    /// an ambiguous date column turned out to be the right one).
    pub(crate) fn replace_dates(&mut self, first: Vec<Day>, last: Vec<Day>) {
        debug_assert_eq!(first.len(), self.tally.len());
        for ((t, f), l) in self.tally.iter_mut().zip(first).zip(last) {
            (t.first, t.last) = (f, l);
        }
    }

    /// Adds one row of a customer table (already aggregated). A customer
    /// listed twice has the two rows summed.
    /// Returns the customer's index.
    pub(crate) fn add_customer(&mut self, id: &[u8], last: Day, orders: u32, monetary: f64) -> usize {
        let (u, _) = self.slot(id, last);
        let t = &mut self.tally[u];
        t.orders += orders;
        // A customer table gives orders only: each counts as one day and one row.
        t.days += orders;
        t.rows += orders;
        t.monetary += monetary;
        u
    }

    /// The customers gathered so far.
    pub(crate) fn finish(self) -> Customers {
        let column = |f: fn(&Tally) -> u32| self.tally.iter().map(f).collect::<Vec<u32>>();
        Customers {
            first: self.tally.iter().map(|t| t.first).collect(),
            last: self.tally.iter().map(|t| t.last).collect(),
            orders: column(|t| t.orders),
            days: column(|t| t.days),
            rows: column(|t| t.rows),
            monetary: self.tally.iter().map(|t| t.monetary).collect(),
            ids: self.ids,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::hash::hash;

    fn day(n: i32) -> Day {
        Day(n)
    }

    #[test]
    fn folds_rows_per_customer_in_first_seen_order() {
        let mut book = CustomerBook::default();
        book.add(b"b", day(5), 10.0, None);
        book.add(b"a", day(3), 1.0, None);
        book.add(b"b", day(2), -4.0, None);
        let c = book.finish();
        assert_eq!(c.ids, ["b", "a"]);
        assert_eq!((c.first[0], c.last[0]), (day(2), day(5)));
        assert_eq!(c.orders, [2, 1]);
        assert_eq!(c.monetary, [6.0, 1.0]);
    }

    #[test]
    fn an_order_is_a_run_of_a_customers_lines_with_one_order_id() {
        let mut book = CustomerBook::default();
        for (customer, order) in [("a", "o1"), ("a", "o1"), ("b", "o9"), ("a", "o1"), ("a", "o2"), ("b", "o9"), ("a", "o3")] {
            book.add(customer.as_bytes(), day(1), 1.0, Some(hash(order.as_bytes(), 1)));
        }
        let c = book.finish();
        assert_eq!(c.orders, [3, 1]);
        assert_eq!(c.monetary, [5.0, 2.0]);
    }

    #[test]
    fn customer_table_rows_take_their_own_counts() {
        let mut book = CustomerBook::default();
        book.add_customer(b"a", day(5), 7, 100.0);
        book.add_customer(b"b", day(2), 1, 5.0);
        book.add_customer(b"a", day(9), 2, 10.0);
        let c = book.finish();
        assert_eq!(c.orders, [9, 1]);
        assert_eq!(c.monetary, [110.0, 5.0]);
        assert_eq!(c.last[0], day(9));
    }

    #[test]
    fn counts_distinct_purchase_days_and_rows() {
        let mut book = CustomerBook::default();
        for (d, order) in [(1, "o1"), (1, "o1"), (2, "o2"), (1, "o3"), (3, "o4")] {
            book.add(b"a", day(d), 1.0, Some(hash(order.as_bytes(), 1)));
        }
        book.add(b"b", day(1), 1.0, None);
        let c = book.finish();
        assert_eq!(c.days, [3, 1]);
        assert_eq!(c.rows, [5, 1]);
        assert_eq!(c.orders, [4, 1]);
    }

    #[test]
    fn distinct_days_are_counted_alike_in_date_order_and_out_of_it() {
        // Rows in date order, then the same rows with every seventh moved
        // to the end (out of order from there on).
        let rows: Vec<(usize, i32)> = (0..5000).map(|i| ((i * 7919) % 13, i as i32 / 40)).collect();
        let mut shuffled: Vec<(usize, i32)> = rows.iter().enumerate().filter(|(i, _)| i % 7 != 0).map(|(_, r)| *r).collect();
        shuffled.extend(rows.iter().step_by(7));
        for rows in [&rows, &shuffled] {
            let mut book = CustomerBook::default();
            for &(c, d) in rows {
                book.add(format!("c{c}").as_bytes(), day(d), 1.0, None);
            }
            let c = book.finish();
            for (i, id) in c.ids.iter().enumerate() {
                let days: HashSet<i32> = rows.iter().filter(|r| format!("c{}", r.0) == *id).map(|r| r.1).collect();
                assert_eq!(c.days[i] as usize, days.len(), "{id}");
            }
        }
    }

    #[test]
    fn the_same_order_id_counts_separately_for_different_customers() {
        let mut book = CustomerBook::default();
        book.add(b"a", day(1), 1.0, Some(hash(b"o1", 1)));
        book.add(b"b", day(1), 1.0, Some(hash(b"o1", 1)));
        assert_eq!(book.finish().orders, [1, 1]);
    }
}
