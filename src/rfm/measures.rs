//! The three RFM measures, and what each one counts.

use serde::{Deserialize, Serialize};

use crate::date::Day;
use crate::ingest::Customers;

/// What frequency counts per customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FrequencyMeasure {
    /// Distinct order ids when the file has an order column, otherwise rows.
    #[default]
    Orders,
    /// Distinct purchase days.
    Days,
    /// Rows (order lines), as the R package `rfm` counts.
    Rows,
}

/// What monetary value is per customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MonetaryMeasure {
    /// Total net spend (returns subtracted).
    #[default]
    Total,
    /// Average order value: total net spend ÷ orders.
    AverageOrder,
}

/// Recency, frequency and monetary value per customer (index-aligned with
/// [`Customers`]).
#[derive(Debug, Clone, PartialEq)]
pub struct RfmTable {
    /// The date recency is counted to.
    pub as_of: Day,
    /// Whole days from the customer's last purchase to the as-of date.
    pub recency: Vec<u32>,
    /// Orders, purchase days or rows ([`FrequencyMeasure`]).
    pub frequency: Vec<u32>,
    /// Total net spend or average order value ([`MonetaryMeasure`]).
    pub monetary: Vec<f64>,
}

impl RfmTable {
    /// Measures every customer against `as_of` with the default measures
    /// (distinct orders, total net spend).
    pub fn from_customers(customers: &Customers, as_of: Day) -> RfmTable {
        RfmTable::measure(customers, as_of, FrequencyMeasure::Orders, MonetaryMeasure::Total)
    }

    /// Measures every customer against `as_of`, which must not be before any
    /// customer's last purchase (the reader skips later rows when an as-of
    /// date is given; the default as-of is the day after the latest date).
    pub fn measure(customers: &Customers, as_of: Day, frequency: FrequencyMeasure, monetary: MonetaryMeasure) -> RfmTable {
        let recency = customers.last.iter().map(|last| days_between(*last, as_of)).collect();
        let frequency = match frequency {
            FrequencyMeasure::Orders => customers.orders.clone(),
            FrequencyMeasure::Days => customers.days.clone(),
            FrequencyMeasure::Rows => customers.rows.clone(),
        };
        let monetary = match monetary {
            MonetaryMeasure::Total => customers.monetary.clone(),
            MonetaryMeasure::AverageOrder => (0..customers.len()).map(|i| average_order_value(customers, i)).collect(),
        };
        RfmTable { as_of, recency, frequency, monetary }
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

/// Whole days from `from` to `to` (0 when `to` is not later).
pub fn days_between(from: Day, to: Day) -> u32 {
    u32::try_from(to.0 - from.0).unwrap_or(0)
}

/// Customer `i`'s total net spend divided by their orders.
pub fn average_order_value(customers: &Customers, i: usize) -> f64 {
    customers.monetary[i] / f64::from(customers.orders[i].max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customers() -> Customers {
        Customers {
            ids: vec!["a".into(), "b".into()],
            first: vec![Day(0), Day(3)],
            last: vec![Day(9), Day(3)],
            orders: vec![4, 1],
            days: vec![3, 1],
            rows: vec![7, 2],
            monetary: vec![100.0, -5.0],
        }
    }

    #[test]
    fn recency_counts_whole_days_to_the_as_of_date() {
        let rfm = RfmTable::from_customers(&customers(), Day(10));
        assert_eq!(rfm.recency, [1, 7]);
        assert_eq!(rfm.frequency, [4, 1]);
        assert_eq!(rfm.monetary, [100.0, -5.0]);
    }

    #[test]
    fn frequency_can_count_purchase_days_or_rows() {
        let days = RfmTable::measure(&customers(), Day(10), FrequencyMeasure::Days, MonetaryMeasure::Total);
        assert_eq!(days.frequency, [3, 1]);
        let rows = RfmTable::measure(&customers(), Day(10), FrequencyMeasure::Rows, MonetaryMeasure::Total);
        assert_eq!(rows.frequency, [7, 2]);
    }

    #[test]
    fn monetary_can_be_the_average_order_value() {
        let aov = RfmTable::measure(&customers(), Day(10), FrequencyMeasure::Orders, MonetaryMeasure::AverageOrder);
        assert_eq!(aov.monetary, [25.0, -5.0]);
    }
}
