//! The three RFM measures.

use crate::date::Day;
use crate::ingest::Customers;

/// Recency, frequency and monetary value per customer (index-aligned with
/// [`Customers`]).
#[derive(Debug, Clone, PartialEq)]
pub struct RfmTable {
    /// The date recency is counted to.
    pub as_of: Day,
    /// Whole days from the customer's last purchase to the as-of date.
    pub recency: Vec<u32>,
    /// Number of distinct orders.
    pub frequency: Vec<u32>,
    /// Total net spend.
    pub monetary: Vec<f64>,
}

impl RfmTable {
    /// Measures every customer against `as_of`, which must not be before any
    /// customer's last purchase (the reader skips later rows when an as-of
    /// date is given; the default as-of is the day after the latest date).
    pub fn from_customers(customers: &Customers, as_of: Day) -> RfmTable {
        let recency = customers
            .last
            .iter()
            .map(|last| u32::try_from(as_of.0 - last.0).unwrap_or(0))
            .collect();
        RfmTable {
            as_of,
            recency,
            frequency: customers.orders.clone(),
            monetary: customers.monetary.clone(),
        }
    }

    /// Number of customers.
    pub fn len(&self) -> usize {
        self.recency.len()
    }

    /// True when there are no customers.
    pub fn is_empty(&self) -> bool {
        self.recency.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recency_counts_whole_days_to_the_as_of_date() {
        let customers = Customers {
            ids: vec!["a".into(), "b".into()],
            first: vec![Day(0), Day(3)],
            last: vec![Day(9), Day(3)],
            orders: vec![4, 1],
            monetary: vec![100.0, -5.0],
        };
        let rfm = RfmTable::from_customers(&customers, Day(10));
        assert_eq!(rfm.recency, [1, 7]);
        assert_eq!(rfm.frequency, [4, 1]);
        assert_eq!(rfm.monetary, [100.0, -5.0]);
    }
}
