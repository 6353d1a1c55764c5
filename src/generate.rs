//! Large, realistic transactions files for benchmarks: `segmenta generate`.
//!
//! The shape of an online retailer's invoice-line export (the UCI "Online
//! Retail" columns): `InvoiceNo,StockCode,Description,Quantity,InvoiceDate,
//! UnitPrice,CustomerID,Country`, one row per invoice line, in date order.
//!
//! - Invoices per customer are heavy-tailed: every customer has one, and the
//!   rest are shared out in proportion to a Pareto(1.3) weight, so most
//!   customers buy once or twice and a few buy thousands of times.
//! - Each customer is active from a uniform arrival day over two years for an
//!   exponentially distributed time (mean 400 days).
//! - Lines per invoice are geometric (mean 10/3); 4,000 products with
//!   log-normal unit prices and Zipf-like popularity; about 5 % of product
//!   descriptions contain a comma, so those fields are quoted.
//! - About 1.5 % of invoices are returns: an invoice number starting with `C`
//!   and negative quantities; about 1 % of invoices have no customer id.
//!
//! The same spec always gives the same bytes, on every platform (`libm` for
//! the transcendental functions, one seeded generator).

use std::io::{self, Write};

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::date::Day;
use crate::sample::normal;

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct TransactionsSpec {
    /// Data rows (invoice lines) to write, exactly.
    pub rows: usize,
    /// Number of customers; `None`: one per ten rows.
    pub customers: Option<usize>,
    /// First day of the period.
    pub start: Day,
    /// Length of the period in days.
    pub days: u32,
    /// Random seed.
    pub seed: u64,
}

impl Default for TransactionsSpec {
    /// 10,000 rows over 2024 and 2025, seed 7.
    fn default() -> TransactionsSpec {
        TransactionsSpec { rows: 10_000, customers: None, start: Day::from_ymd(2024, 1, 1).expect("valid date"), days: 731, seed: 7 }
    }
}

/// The header row [`write_transactions`] writes.
pub const HEADER: &str = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

const PRODUCTS: usize = 4_000;
const RETURN_SHARE: f64 = 0.015;
const NO_CUSTOMER_SHARE: f64 = 0.01;
const LINE_STOP: f64 = 0.3;

/// What a generated file holds, for checking it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Data rows written.
    pub rows: usize,
    /// Invoices (including returns and invoices without a customer).
    pub invoices: usize,
    /// Return invoices (`C` prefix, negative quantities).
    pub returns: usize,
    /// Bytes written, header included.
    pub bytes: u64,
}

/// Writes the CSV (header first) to `out`.
///
/// ```
/// use segmenta::generate::{write_transactions, TransactionsSpec, HEADER};
/// let spec = TransactionsSpec { rows: 500, ..TransactionsSpec::default() };
/// let mut csv = Vec::new();
/// let written = write_transactions(&spec, &mut csv).unwrap();
/// assert_eq!(written.rows, 500);
/// let text = String::from_utf8(csv).unwrap();
/// assert!(text.starts_with(HEADER));
/// let mut again = Vec::new();
/// write_transactions(&spec, &mut again).unwrap();
/// assert_eq!(text.as_bytes(), &again[..]);
/// ```
pub fn write_transactions(spec: &TransactionsSpec, out: impl Write) -> io::Result<Written> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(spec.seed);
    let catalogue = Catalogue::new(&mut rng);
    let invoices = plan_invoices(spec, &mut rng);
    let mut out = CountingWriter { inner: io::BufWriter::with_capacity(1 << 20, out), bytes: 0 };
    writeln!(out, "{HEADER}")?;
    let mut line = String::with_capacity(160);
    let mut returns = 0;
    for (n, invoice) in invoices.iter().enumerate() {
        let number = 500_000 + n;
        let is_return = invoice.flags & RETURN != 0;
        returns += usize::from(is_return);
        let (day, minute) = (invoice.minute / 1440, invoice.minute % 1440);
        let date = Day(spec.start.0 + day as i32);
        for _ in 0..invoice.lines {
            let product = catalogue.pick(&mut rng);
            let quantity = 1 + (-libm::log(1.0 - rng.gen::<f64>()) * 4.0) as i64;
            let quantity = if is_return { -quantity } else { quantity };
            line.clear();
            use std::fmt::Write as _;
            let prefix = if is_return { "C" } else { "" };
            let _ = write!(line, "{prefix}{number},{},{},{quantity},{date} {:02}:{:02},", catalogue.codes[product], catalogue.descriptions[product], minute / 60, minute % 60);
            let cents = catalogue.cents[product];
            let _ = write!(line, "{}.{:02},", cents / 100, cents % 100);
            if invoice.flags & NO_CUSTOMER == 0 {
                let _ = write!(line, "{}", 12_346 + invoice.customer);
            }
            let _ = writeln!(line, ",{}", COUNTRIES[country_of(invoice.customer)]);
            out.write_all(line.as_bytes())?;
        }
    }
    out.flush()?;
    let rows = invoices.iter().map(|i| i.lines as usize).sum();
    Ok(Written { rows, invoices: invoices.len(), returns, bytes: out.bytes })
}

const RETURN: u8 = 1;
const NO_CUSTOMER: u8 = 2;

struct Invoice {
    /// Minutes since the start of the period.
    minute: u32,
    customer: u32,
    lines: u16,
    flags: u8,
}

/// Draws every invoice (lines, customer, time, flags), sorted by time.
fn plan_invoices(spec: &TransactionsSpec, rng: &mut Xoshiro256PlusPlus) -> Vec<Invoice> {
    let mut lines = Vec::new();
    let mut total = 0;
    while total < spec.rows {
        let mut n = 1;
        while n < 200 && rng.gen::<f64>() > LINE_STOP {
            n += 1;
        }
        let n = n.min(spec.rows - total);
        lines.push(n as u16);
        total += n;
    }
    let customers = spec.customers.unwrap_or(spec.rows / 10).clamp(1, lines.len());
    let days = f64::from(spec.days);
    let mut windows = Vec::with_capacity(customers);
    let mut cumulative = Vec::with_capacity(customers);
    let mut weight_sum = 0.0;
    for _ in 0..customers {
        let arrival = rng.gen_range(0.0..days * 0.95);
        let end = (arrival - 400.0 * libm::log(1.0 - rng.gen::<f64>())).min(days);
        windows.push((arrival, end));
        weight_sum += libm::pow(1.0 - rng.gen::<f64>(), -1.0 / 1.3);
        cumulative.push(weight_sum);
    }
    let mut owners: Vec<u32> = (0..customers as u32).collect();
    owners.extend((customers..lines.len()).map(|_| {
        let target = rng.gen::<f64>() * weight_sum;
        cumulative.partition_point(|&c| c < target).min(customers - 1) as u32
    }));
    let mut first_seen = vec![false; customers];
    let mut invoices: Vec<Invoice> = lines
        .into_iter()
        .zip(owners)
        .map(|(lines, customer)| {
            let (arrival, end) = windows[customer as usize];
            let first = !std::mem::replace(&mut first_seen[customer as usize], true);
            let day = if first { arrival } else { rng.gen_range(arrival..end.max(arrival + 1.0)) };
            let minute = (day.floor() as u32).min(spec.days - 1) * 1440 + rng.gen_range(8 * 60..20 * 60);
            let mut flags = 0;
            if !first && rng.gen_bool(RETURN_SHARE) {
                flags |= RETURN;
            }
            if rng.gen_bool(NO_CUSTOMER_SHARE) {
                flags |= NO_CUSTOMER;
            }
            Invoice { minute, customer, lines, flags }
        })
        .collect();
    invoices.sort_by_key(|i| (i.minute, i.customer));
    invoices
}

/// The products: code, description (some quoted, with a comma), unit price,
/// and a popularity table.
struct Catalogue {
    codes: Vec<String>,
    descriptions: Vec<String>,
    cents: Vec<u32>,
}

const WORDS: &[&str] = &[
    "WHITE", "HANGING", "HEART", "T-LIGHT", "HOLDER", "REGENCY", "CAKESTAND", "JUMBO", "BAG", "RED", "RETROSPOT",
    "LUNCH", "VINTAGE", "GLASS", "PINK", "SET", "OF", "3", "CERAMIC", "STAR", "LANTERN", "PAPER", "CHAIN", "KIT",
    "WOODEN", "FRAME", "ANTIQUE", "BLUE", "POLKADOT", "MUG", "CHRISTMAS", "BUNTING", "SPOTTY", "DOORMAT",
];

impl Catalogue {
    fn new(rng: &mut Xoshiro256PlusPlus) -> Catalogue {
        let mut codes = Vec::with_capacity(PRODUCTS);
        let mut descriptions = Vec::with_capacity(PRODUCTS);
        let mut cents = Vec::with_capacity(PRODUCTS);
        for p in 0..PRODUCTS {
            let suffix = if rng.gen_bool(0.2) { ["A", "B", "C", "L"][rng.gen_range(0..4)] } else { "" };
            codes.push(format!("{}{suffix}", 20_000 + p * 17 % 80_000));
            let words: Vec<&str> = (0..rng.gen_range(2..6)).map(|_| WORDS[rng.gen_range(0..WORDS.len())]).collect();
            let mut text = words.join(" ");
            if rng.gen_bool(0.05) {
                text = format!("\"{}, {}\"", text, WORDS[rng.gen_range(0..WORDS.len())]);
            }
            descriptions.push(text);
            cents.push((libm::exp(1.0 + 0.9 * normal(rng)) * 100.0).round().clamp(10.0, 500_000.0) as u32);
        }
        Catalogue { codes, descriptions, cents }
    }

    /// A product, popular ones more often (index ∝ u²).
    fn pick(&self, rng: &mut Xoshiro256PlusPlus) -> usize {
        let u: f64 = rng.gen();
        ((u * u * PRODUCTS as f64) as usize).min(PRODUCTS - 1)
    }
}

const COUNTRIES: &[&str] = &["United Kingdom", "Germany", "France", "EIRE", "Spain", "Netherlands", "Belgium", "Switzerland"];

/// Nine customers in ten are in the first country; the rest spread out.
fn country_of(customer: u32) -> usize {
    let h = customer.wrapping_mul(2_654_435_761) >> 16;
    if h % 10 != 0 {
        0
    } else {
        1 + (h / 10) as usize % (COUNTRIES.len() - 1)
    }
}

struct CountingWriter<W: Write> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for CountingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{read_customers, ColumnSpec};

    fn file(spec: &TransactionsSpec) -> (Vec<u8>, Written) {
        let mut csv = Vec::new();
        let written = write_transactions(spec, &mut csv).unwrap();
        (csv, written)
    }

    #[test]
    fn writes_exactly_the_rows_asked_for_and_reads_back() {
        let spec = TransactionsSpec { rows: 20_000, ..TransactionsSpec::default() };
        let (csv, written) = file(&spec);
        assert_eq!(written.rows, 20_000);
        assert_eq!(written.bytes, csv.len() as u64);
        let read = read_customers(&csv, &ColumnSpec::default(), None).unwrap();
        assert_eq!(read.report.rows_read, 20_000);
        let skipped = read.report.rows_skipped();
        assert!((50..600).contains(&skipped), "{skipped} rows without a customer");
        let customers = read.customers.len();
        assert!((1_800..=2_000).contains(&customers), "{customers} customers");
        let (first, last) = (read.report.first_date.unwrap(), read.report.last_date.unwrap());
        assert!(last.0 - first.0 > 700, "two years: {first}..{last}");
    }

    #[test]
    fn orders_per_customer_are_heavy_tailed_and_some_are_returns() {
        let (csv, written) = file(&TransactionsSpec { rows: 100_000, ..TransactionsSpec::default() });
        let read = read_customers(&csv, &ColumnSpec::default(), None).unwrap();
        let mut orders = read.customers.orders.clone();
        orders.sort_unstable();
        let median = orders[orders.len() / 2];
        let max = *orders.last().unwrap();
        assert!(median <= 2, "median {median}");
        assert!(max >= 200, "the biggest customer has {max} orders");
        let share = written.returns as f64 / written.invoices as f64;
        assert!((0.005..0.03).contains(&share), "{share} returns");
        assert!(read.customers.monetary.iter().any(|&m| m < 0.0) || share > 0.0);
        let text = String::from_utf8(csv).unwrap();
        assert!(text.lines().any(|l| l.starts_with('C') && l.contains(",-")), "a return line");
        assert!(text.contains(", "), "some quoted descriptions with commas");
    }

    #[test]
    fn the_seed_changes_the_file() {
        let a = file(&TransactionsSpec { rows: 1_000, ..TransactionsSpec::default() }).0;
        let b = file(&TransactionsSpec { rows: 1_000, seed: 8, ..TransactionsSpec::default() }).0;
        assert_ne!(a, b);
    }
}
