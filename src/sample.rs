//! A deterministic, realistic transactions file for demos and tests.
//!
//! Customers arrive uniformly over two years and stay active for an
//! exponentially distributed time; a quarter of them buy once, the others
//! place a heavy-tailed (log-normal) number of orders; order amounts are
//! log-normal around a per-customer level. The same seed always gives the
//! same bytes, on every platform.

use std::fmt::Write;

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::date::Day;
use crate::rfm::RfmTable;

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleSpec {
    /// Number of customers.
    pub customers: usize,
    /// First day of the period.
    pub start: Day,
    /// Length of the period in days.
    pub days: u32,
    /// Random seed.
    pub seed: u64,
}

impl Default for SampleSpec {
    /// About 2,000 customers and 20,000 orders over 2024 and 2025.
    fn default() -> SampleSpec {
        SampleSpec { customers: 2000, start: Day::from_ymd(2024, 1, 1).expect("valid date"), days: 731, seed: 2024 }
    }
}

/// Generates the CSV text: header `order_id,customer_id,order_date,amount`,
/// one row per order, in date order.
///
/// ```
/// use segmenta::sample::{generate, SampleSpec};
/// let spec = SampleSpec { customers: 50, ..SampleSpec::default() };
/// let csv = generate(&spec);
/// assert!(csv.starts_with("order_id,customer_id,order_date,amount\n"));
/// assert_eq!(csv, generate(&spec));
/// ```
pub fn generate(spec: &SampleSpec) -> String {
    let mut orders: Vec<(i32, usize, u32)> = Vec::new(); // (day, customer, amount in cents)
    for_each_order(spec, |day, customer, cents| orders.push((day, customer, cents)));
    orders.sort_by_key(|&(day, customer, _)| (day, customer));
    let mut csv = String::with_capacity(orders.len() * 40);
    csv.push_str("order_id,customer_id,order_date,amount\n");
    for (n, (day, customer, cents)) in orders.iter().enumerate() {
        let _ = writeln!(csv, "O{:06},C{:05},{},{}.{:02}", n + 1, customer + 1, Day(*day), cents / 100, cents % 100);
    }
    csv
}

/// The RFM table of the customers [`generate`] would write, without writing
/// their orders: for benchmarks on millions of customers. As-of date: the
/// day after the period.
///
/// ```
/// use segmenta::sample::{rfm_table, SampleSpec};
/// let rfm = rfm_table(&SampleSpec { customers: 100, ..SampleSpec::default() });
/// assert_eq!(rfm.len(), 100);
/// assert!(rfm.frequency.iter().all(|&f| f >= 1));
/// ```
pub fn rfm_table(spec: &SampleSpec) -> RfmTable {
    let as_of = Day(spec.start.0 + spec.days as i32);
    let mut last = vec![i32::MIN; spec.customers];
    let mut frequency = vec![0u32; spec.customers];
    let mut monetary = vec![0f64; spec.customers];
    for_each_order(spec, |day, customer, cents| {
        last[customer] = last[customer].max(day);
        frequency[customer] += 1;
        monetary[customer] += f64::from(cents) / 100.0;
    });
    let recency = last.iter().map(|&d| (as_of.0 - d) as u32).collect();
    RfmTable { as_of, recency, frequency, monetary }
}

/// Calls `order(day, customer, cents)` for every order, customer by customer.
fn for_each_order(spec: &SampleSpec, mut order: impl FnMut(i32, usize, u32)) {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(spec.seed);
    let days = f64::from(spec.days);
    for customer in 0..spec.customers {
        let arrival = rng.gen_range(0.0..days * 0.95);
        let lifetime = -400.0 * libm::log(1.0 - rng.gen::<f64>());
        let end = (arrival + lifetime).min(days - 1.0);
        let count = if rng.gen_bool(0.25) {
            1
        } else {
            (libm::exp(2.15 + 0.9 * normal(&mut rng)).round() as usize).clamp(2, 200)
        };
        let level = 3.8 + 0.5 * normal(&mut rng);
        for n in 0..count {
            let day = if n == 0 { arrival } else { rng.gen_range(arrival..=end.max(arrival)) };
            let amount = libm::exp(level + 0.6 * normal(&mut rng));
            let cents = (amount * 100.0).round().max(100.0) as u32;
            order(spec.start.0 + day as i32, customer, cents);
        }
    }
}

/// A standard normal draw (Box–Muller), using `libm` so every platform
/// computes the same value.
pub(crate) fn normal(rng: &mut impl Rng) -> f64 {
    let u1: f64 = 1.0 - rng.gen::<f64>();
    let u2: f64 = rng.gen();
    libm::sqrt(-2.0 * libm::log(u1)) * libm::cos(std::f64::consts::TAU * u2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{read_customers, ColumnSpec};

    #[test]
    fn rfm_table_agrees_with_the_generated_file() {
        let spec = SampleSpec { customers: 200, ..SampleSpec::default() };
        let direct = rfm_table(&spec);
        let read = read_customers(generate(&spec).as_bytes(), &ColumnSpec::default(), None).unwrap();
        let mut from_file: Vec<(u32, u32)> = read.customers.orders.iter().zip(&read.customers.last).map(|(&f, l)| (f, (direct.as_of.0 - l.0) as u32)).collect();
        let mut generated: Vec<(u32, u32)> = direct.frequency.iter().copied().zip(direct.recency.iter().copied()).collect();
        from_file.sort_unstable();
        generated.sort_unstable();
        assert_eq!(from_file, generated);
    }

    #[test]
    fn default_sample_has_the_promised_shape() {
        let csv = generate(&SampleSpec::default());
        let read = read_customers(csv.as_bytes(), &ColumnSpec::default(), None).unwrap();
        let c = &read.customers;
        assert_eq!(c.len(), 2000);
        assert_eq!(read.report.rows_skipped(), 0);
        let orders: u64 = c.orders.iter().map(|&o| u64::from(o)).sum();
        assert!((15_000..25_000).contains(&orders), "{orders} orders");
        let one_timers = c.orders.iter().filter(|&&o| o == 1).count();
        assert!((300..800).contains(&one_timers), "{one_timers} one-time buyers");
        let max = *c.orders.iter().max().unwrap();
        assert!(max >= 60, "heavy tail: the biggest customer has {max} orders");
        let (first, last) = (read.report.first_date.unwrap(), read.report.last_date.unwrap());
        assert!(last.0 - first.0 > 650, "{first}..{last}");
    }
}
