//! Folding transaction rows into one record per customer.

use std::collections::hash_map::{DefaultHasher, Entry};
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

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
    /// Distinct orders (distinct order ids, or rows without an order column).
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

/// Accumulates rows into [`Customers`].
///
/// Distinct purchase days are counted through a set of (customer, day) pairs.
/// Distinct orders are counted through a 64-bit hash of the order id per
/// customer; rows of the same order usually follow each other, so the last
/// (customer, order) pair short-cuts the set look-up.
#[derive(Default)]
pub(crate) struct CustomerBook {
    index: HashMap<Box<[u8]>, u32>,
    seen_orders: HashSet<(u32, u64)>,
    last_order: Option<(u32, u64)>,
    seen_days: HashSet<(u32, Day)>,
    last_day: Option<(u32, Day)>,
    customers: Customers,
}

impl CustomerBook {
    /// Adds one usable row. `order` is `None` when the file has no order column.
    pub(crate) fn add(&mut self, id: &[u8], day: Day, amount: f64, order: Option<&[u8]>) {
        let c = &mut self.customers;
        let i = match self.index.entry(id.into()) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let i = c.ids.len() as u32;
                c.ids.push(String::from_utf8_lossy(id).into_owned());
                c.first.push(day);
                c.last.push(day);
                c.orders.push(0);
                c.days.push(0);
                c.rows.push(0);
                c.monetary.push(0.0);
                e.insert(i);
                i
            }
        };
        let u = i as usize;
        c.first[u] = c.first[u].min(day);
        c.last[u] = c.last[u].max(day);
        c.monetary[u] += amount;
        c.rows[u] += 1;
        if self.last_day != Some((i, day)) {
            self.last_day = Some((i, day));
            if self.seen_days.insert((i, day)) {
                c.days[u] += 1;
            }
        }
        let new_order = match order {
            None => true,
            Some(order) => {
                let key = (i, hash_bytes(order));
                if self.last_order == Some(key) {
                    false
                } else {
                    self.last_order = Some(key);
                    self.seen_orders.insert(key)
                }
            }
        };
        if new_order {
            c.orders[u] += 1;
        }
    }

    /// The customers gathered so far.
    pub(crate) fn finish(self) -> Customers {
        self.customers
    }
}

fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn counts_distinct_order_ids_even_when_not_adjacent() {
        let mut book = CustomerBook::default();
        for order in ["o1", "o1", "o2", "o1", "o3", "o2"] {
            book.add(b"a", day(1), 1.0, Some(order.as_bytes()));
        }
        let c = book.finish();
        assert_eq!(c.orders, [3]);
        assert_eq!(c.monetary, [6.0]);
    }

    #[test]
    fn counts_distinct_purchase_days_and_rows() {
        let mut book = CustomerBook::default();
        for (d, order) in [(1, "o1"), (1, "o1"), (2, "o2"), (1, "o3"), (3, "o4")] {
            book.add(b"a", day(d), 1.0, Some(order.as_bytes()));
        }
        book.add(b"b", day(1), 1.0, None);
        let c = book.finish();
        assert_eq!(c.days, [3, 1]);
        assert_eq!(c.rows, [5, 1]);
        assert_eq!(c.orders, [4, 1]);
    }

    #[test]
    fn the_same_order_id_counts_separately_for_different_customers() {
        let mut book = CustomerBook::default();
        book.add(b"a", day(1), 1.0, Some(b"o1"));
        book.add(b"b", day(1), 1.0, Some(b"o1"));
        assert_eq!(book.finish().orders, [1, 1]);
    }
}
