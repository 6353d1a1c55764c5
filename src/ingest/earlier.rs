//! The customers as of an earlier date, gathered during the one reading of
//! the file, for the segment movement.
//!
//! The movement scores every customer again as of an earlier date (by
//! default 90 days before the as-of date), with only the transactions up
//! to it. That date is only known once the file has been read (the default
//! as-of date is the day after the latest one), so the rows cannot simply
//! be filtered as they come. But it can only move forward: it is never
//! before the latest date read so far, plus one, minus the window. A row
//! dated on or before that lower bound surely counts, and is folded into
//! the earlier aggregates at once; a later row is kept in a small log
//! (the last window's rows) and folded or left out at the end, when the
//! date is known. Each customer's rows are folded in file order (once a
//! customer has a row in the log, their next rows go there too), so orders
//! are counted as runs exactly as a reading up to the earlier date counts
//! them.
//!
//! The lines of one order (the same customer, day and order id, one after
//! the other) go where its first line went: into the same logged event,
//! whose amounts are kept one per line and added one by one, so the sums
//! are the very sums a reading up to the earlier date makes.

use super::Customers;
use crate::date::Day;

/// The customers as of an earlier date: only their transactions up to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The customers who had bought by then (ids, dates, orders, days,
    /// rows and spend up to the earlier date).
    pub customers: Customers,
    /// For each of them, their index among the later customers.
    pub positions: Vec<usize>,
}

/// What one logged row adds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A transaction row: the hash of its order id (`| 1`; 0 without an
    /// order column) and whether it is the customer's first row that day.
    Row { order: u64, new_day: bool },
    /// A row of a customer table: its orders.
    Table { orders: u32 },
}

/// Rows kept until the earlier date is known: one row, or the lines of
/// one order (their amounts are in the log's amounts, in order).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Event {
    customer: u32,
    day: Day,
    kind: Kind,
    /// Rows (amounts) it holds.
    lines: u32,
}

/// Where the previous row went, so that the next line of the same order
/// goes there too.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Open {
    customer: u32,
    day: Day,
    /// Its order hash (`| 1`).
    order: u64,
    place: Place,
}

/// Where a row went.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    /// Folded into the aggregates.
    Folded,
    /// Logged, in the log's last event.
    Logged,
    /// Left out: dated after a fixed earlier date.
    Dropped,
}

/// Where the earlier date stands.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cut {
    /// Known before the reading (an as-of date was given).
    Fixed(Day),
    /// The latest date so far, if any: the earlier date is at least that
    /// plus one minus the window.
    Running(Option<Day>),
}

/// One customer's aggregates of the rows folded so far (one record, so a
/// fold touches one cache line).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    first: Day,
    last: Day,
    orders: u32,
    days: u32,
    rows: u32,
    monetary: f64,
    /// The order hash of their latest folded row (0: none).
    last_order: u64,
}

/// No row yet.
const EMPTY: Entry =
    Entry { first: Day(i32::MAX), last: Day(i32::MIN), orders: 0, days: 0, rows: 0, monetary: 0.0, last_order: 0 };

/// The per-customer aggregates of the rows folded so far.
#[derive(Debug, Clone, Default, PartialEq)]
struct Folded {
    entries: Vec<Entry>,
    /// Each customer's events in the log (apart from `entries`: a small
    /// array, which a row dated after the lower bound is all that touches).
    held: Vec<u32>,
    /// While the decimal mark is undecided: spend read with the other mark.
    other: Option<Vec<f64>>,
}

impl Folded {
    /// Customer `c`'s entry (added if new).
    fn entry(&mut self, c: usize) -> &mut Entry {
        self.ensure(c);
        &mut self.entries[c]
    }

    /// Customer `c`'s events in the log (the customer added if new).
    fn held(&mut self, c: usize) -> &mut u32 {
        self.ensure(c);
        &mut self.held[c]
    }

    /// Makes room for customer `c`.
    fn ensure(&mut self, c: usize) {
        if c >= self.entries.len() {
            self.entries.resize(c + 1, EMPTY);
            self.held.resize(c + 1, 0);
            if let Some(other) = &mut self.other {
                other.resize(c + 1, 0.0);
            }
        }
    }

    /// Adds an event's rows (`amounts`, one per row, and `other`, the same
    /// read with the other mark while it is kept), as reading the file up
    /// to the earlier date would.
    fn fold(&mut self, e: &Event, amounts: &[f64], other: &[f64]) {
        let c = e.customer as usize;
        let t = self.entry(c);
        t.first = t.first.min(e.day);
        t.last = t.last.max(e.day);
        for &a in amounts {
            t.monetary += a;
        }
        match e.kind {
            Kind::Row { order, new_day } => {
                t.rows += e.lines;
                t.days += u32::from(new_day);
                let new_order = order == 0 || std::mem::replace(&mut t.last_order, order) != order;
                t.orders += u32::from(new_order);
            }
            Kind::Table { orders } => {
                t.orders += orders;
                t.days += orders;
                t.rows += orders;
            }
        }
        if let Some(o) = &mut self.other {
            for &x in other {
                o[c] += x;
            }
        }
    }
}

/// Gathers the earlier customers while the file is read (see the module
/// documentation).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EarlierBook {
    /// Days from the earlier date to the as-of date.
    window: i32,
    cut: Cut,
    /// The highest lower bound rows were folded under.
    floor: Option<Day>,
    folded: Folded,
    /// Rows not yet known to count, in file order.
    log: Vec<Event>,
    /// The logged rows' amounts, one per row, in the log's order.
    log_amounts: Vec<f64>,
    /// While the decimal mark is undecided: each logged row's amount read
    /// with the other mark (parallel to `log_amounts`).
    log_other: Vec<f64>,
    /// Where the previous row went.
    open: Option<Open>,
    /// The log's length after the last sweep (it is swept when it doubles).
    swept: usize,
}

/// The log is swept when it holds this many rows more than twice its
/// length after the last sweep.
const SWEEP_SLACK: usize = 4096;

impl EarlierBook {
    /// A book for the date `window` days before the as-of date: `as_of`
    /// when it is known before the reading, else the day after the latest
    /// date read. `undecided` when amounts are also read with the other
    /// decimal mark.
    pub(crate) fn new(window: u32, as_of: Option<Day>, undecided: bool) -> EarlierBook {
        let window = i32::try_from(window).unwrap_or(i32::MAX);
        let cut = match as_of {
            Some(as_of) => Cut::Fixed(Day(as_of.0.saturating_sub(window))),
            None => Cut::Running(None),
        };
        let folded = Folded { other: undecided.then(Vec::new), ..Folded::default() };
        EarlierBook {
            window,
            cut,
            floor: None,
            folded,
            log: Vec::new(),
            log_amounts: Vec::new(),
            log_other: Vec::new(),
            open: None,
            swept: 0,
        }
    }

    /// A transaction row of customer `customer` on `day`: its amount (and
    /// the other mark's reading while undecided), the hash of its order id
    /// (`None` without an order column), and whether it is the customer's
    /// first row that day.
    pub(crate) fn row(&mut self, customer: usize, day: Day, amount: (f64, f64), order: Option<u64>, new_day: bool) {
        let customer = customer as u32;
        let order = order.map_or(0, |o| o | 1);
        // A further line of the order of the previous row goes where it went.
        if let Some(open) = self.open.filter(|o| o.customer == customer && o.day == day && o.order == order && order != 0 && !new_day) {
            match open.place {
                Place::Folded => {
                    let line = Event { customer, day, kind: Kind::Row { order, new_day }, lines: 1 };
                    self.folded.fold(&line, &[amount.0], &[amount.1]);
                }
                Place::Logged => {
                    if let Some(last) = self.log.last_mut() {
                        last.lines += 1;
                    }
                    self.log_amounts.push(amount.0);
                    if self.folded.other.is_some() {
                        self.log_other.push(amount.1);
                    }
                }
                Place::Dropped => {}
            }
            return;
        }
        let place = self.add(Event { customer, day, kind: Kind::Row { order, new_day }, lines: 1 }, amount);
        self.open = place.map(|place| Open { customer, day, order, place });
    }

    /// A customer-table row: last purchase `day`, `orders`, spend.
    pub(crate) fn table_row(&mut self, customer: usize, day: Day, orders: u32, amount: (f64, f64)) {
        self.open = None;
        self.add(Event { customer: customer as u32, day, kind: Kind::Table { orders }, lines: 1 }, amount);
    }

    /// Folds or logs one row (`amount`, and the same read with the other
    /// mark); says where it went (`None`: the log was swept since).
    fn add(&mut self, e: Event, (amount, other): (f64, f64)) -> Option<Place> {
        let lower = match &mut self.cut {
            Cut::Fixed(date) => {
                if e.day <= *date {
                    self.folded.fold(&e, &[amount], &[other]);
                    return Some(Place::Folded);
                }
                return Some(Place::Dropped);
            }
            Cut::Running(latest) => {
                let latest = *latest.insert(latest.map_or(e.day, |l| l.max(e.day)));
                Day(latest.0.saturating_add(1).saturating_sub(self.window))
            }
        };
        let held = self.folded.held(e.customer as usize);
        if e.day <= lower && *held == 0 {
            self.floor = Some(lower);
            self.folded.fold(&e, &[amount], &[other]);
            return Some(Place::Folded);
        }
        *held += 1;
        self.log.push(e);
        self.log_amounts.push(amount);
        if self.folded.other.is_some() {
            self.log_other.push(other);
        }
        if self.log.len() >= 2 * self.swept + SWEEP_SLACK {
            self.sweep(lower);
            // The event may have been folded: the next line starts afresh.
            return None;
        }
        Some(Place::Logged)
    }

    /// Folds the logged rows now known to count, keeping each customer's
    /// rows in order.
    fn sweep(&mut self, lower: Day) {
        for e in &self.log {
            self.folded.held[e.customer as usize] = 0;
        }
        let undecided = self.folded.other.is_some();
        let (mut kept, mut from, mut to) = (0, 0, 0);
        for j in 0..self.log.len() {
            let e = self.log[j];
            let lines = from..from + e.lines as usize;
            let held = &mut self.folded.held[e.customer as usize];
            if e.day <= lower && *held == 0 {
                let other = if undecided { &self.log_other[lines.clone()] } else { &[] };
                self.folded.fold(&e, &self.log_amounts[lines.clone()], other);
            } else {
                *held += 1;
                self.log[kept] = e;
                self.log_amounts.copy_within(lines.clone(), to);
                if undecided {
                    self.log_other.copy_within(lines.clone(), to);
                }
                kept += 1;
                to += lines.len();
            }
            from = lines.end;
        }
        self.log.truncate(kept);
        self.log_amounts.truncate(to);
        self.log_other.truncate(to.min(self.log_other.len()));
        self.floor = Some(lower);
        self.swept = kept;
        self.open = None;
    }

    /// The decimal mark was settled on the one in use.
    pub(crate) fn keep_mark(&mut self) {
        self.folded.other = None;
        self.log_other = Vec::new();
    }

    /// The decimal mark was settled on the other one: what it read replaces
    /// the amounts so far.
    pub(crate) fn switch_mark(&mut self) {
        if let Some(other) = self.folded.other.take() {
            for (t, o) in self.folded.entries.iter_mut().zip(other) {
                t.monetary = o;
            }
            self.log_amounts = std::mem::take(&mut self.log_other);
        }
        self.log_other = Vec::new();
    }

    /// The customers as of `date` (which must be the earlier date of this
    /// reading: the as-of date given, or the day after the latest date,
    /// minus the window); `ids` are the later customers' ids. `None` when
    /// the rows kept cannot tell that date.
    pub(crate) fn at(&self, date: Day, ids: &[String]) -> Option<Snapshot> {
        match self.cut {
            Cut::Fixed(fixed) if fixed != date => return None,
            Cut::Running(_) if self.floor.is_some_and(|floor| date < floor) => return None,
            _ => {}
        }
        let mut folded = self.folded.clone();
        folded.other = None;
        let mut from = 0;
        for e in &self.log {
            let lines = from..from + e.lines as usize;
            if e.day <= date {
                folded.fold(e, &self.log_amounts[lines.clone()], &[]);
            }
            from = lines.end;
        }
        let entries = &folded.entries;
        let positions: Vec<usize> = (0..entries.len()).filter(|&c| entries[c].last != EMPTY.last).collect();
        let pick = |f: fn(&Entry) -> u32| positions.iter().map(|&c| f(&entries[c])).collect::<Vec<u32>>();
        let customers = Customers {
            ids: positions.iter().map(|&c| ids[c].clone()).collect(),
            first: positions.iter().map(|&c| entries[c].first).collect(),
            last: positions.iter().map(|&c| entries[c].last).collect(),
            orders: pick(|t| t.orders),
            days: pick(|t| t.days),
            rows: pick(|t| t.rows),
            monetary: positions.iter().map(|&c| entries[c].monetary).collect(),
        };
        Some(Snapshot { customers, positions })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("c{i}")).collect()
    }

    /// Rows as (customer, day, amount, order); `new_day` is worked out here.
    fn feed(book: &mut EarlierBook, rows: &[(usize, i32, f64, u64)]) {
        let mut seen = std::collections::HashSet::new();
        for &(c, d, a, o) in rows {
            book.row(c, Day(d), (a, 0.0), Some(o), seen.insert((c, d)));
        }
    }

    #[test]
    fn a_running_cut_folds_early_rows_at_once_and_resolves_the_rest_at_the_end() {
        let mut book = EarlierBook::new(10, None, false);
        feed(&mut book, &[(0, 1, 5.0, 1), (1, 2, 1.0, 2), (0, 20, 3.0, 3), (1, 15, 2.0, 4), (0, 30, 7.0, 5)]);
        // The latest date is 30: the earlier date is 31 - 10 = 21.
        let s = book.at(Day(21), &ids(2)).unwrap();
        assert_eq!(s.positions, [0, 1]);
        assert_eq!(s.customers.ids, ["c0", "c1"]);
        assert_eq!(s.customers.monetary, [8.0, 3.0]);
        assert_eq!(s.customers.orders, [2, 2]);
        assert_eq!(s.customers.last, [Day(20), Day(15)]);
        assert_eq!(s.customers.first, [Day(1), Day(2)]);
    }

    #[test]
    fn a_customer_first_seen_after_the_date_is_not_in_the_snapshot() {
        let mut book = EarlierBook::new(5, None, false);
        feed(&mut book, &[(0, 1, 1.0, 1), (1, 9, 1.0, 2)]);
        let s = book.at(Day(5), &ids(2)).unwrap();
        assert_eq!(s.positions, [0]);
    }

    #[test]
    fn orders_are_runs_of_the_rows_up_to_the_date_in_file_order() {
        // Order 1, a later row of order 2, then order 1 again: up to the
        // earlier date the two order-1 rows are one run.
        let mut book = EarlierBook::new(5, None, false);
        feed(&mut book, &[(0, 1, 1.0, 1), (0, 9, 1.0, 2), (0, 2, 1.0, 1)]);
        let s = book.at(Day(5), &ids(1)).unwrap();
        assert_eq!((s.customers.orders[0], s.customers.rows[0]), (1, 2));
    }

    #[test]
    fn sweeping_the_log_gives_the_same_snapshot() {
        let rows: Vec<(usize, i32, f64, u64)> =
            (0..20_000).map(|i| ((i * 7) % 13, (i / 3) as i32 % 400 + (i / 9000) as i32 * 50, 1.0 + (i % 5) as f64, (i / 2) as u64)).collect();
        let mut swept = EarlierBook::new(30, None, false);
        feed(&mut swept, &rows);
        let mut unswept = EarlierBook::new(30, None, false);
        unswept.swept = usize::MAX / 4; // never sweeps
        feed(&mut unswept, &rows);
        assert!(swept.log.len() < unswept.log.len());
        let latest = rows.iter().map(|r| r.1).max().unwrap();
        let date = Day(latest + 1 - 30);
        assert_eq!(swept.at(date, &ids(13)), unswept.at(date, &ids(13)));
    }

    /// (first, last, orders, days, rows, spend) of each customer with a row
    /// on or before `date`, read directly from the rows.
    fn reference(rows: &[(usize, i32, f64, u64)], date: i32) -> Vec<(usize, (Day, Day, u32, u32, u32, f64))> {
        let mut out: std::collections::BTreeMap<usize, (Day, Day, u32, u32, u32, f64)> = Default::default();
        let mut last_order = std::collections::HashMap::new();
        let mut days = std::collections::HashSet::new();
        for &(c, d, a, o) in rows.iter().filter(|r| r.1 <= date) {
            let t = out.entry(c).or_insert((Day(d), Day(d), 0, 0, 0, 0.0));
            (t.0, t.1) = (t.0.min(Day(d)), t.1.max(Day(d)));
            t.2 += u32::from(last_order.insert(c, o) != Some(o));
            t.3 += u32::from(days.insert((c, d)));
            t.4 += 1;
            t.5 += a;
        }
        out.into_iter().collect()
    }

    #[test]
    fn the_lines_of_an_order_add_up_exactly_as_a_reading_up_to_the_date() {
        // Orders of one to six lines, customers interleaved, dates mostly
        // rising, amounts whose sums depend on their order.
        let mut rows = Vec::new();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for order in 0..6000u64 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let customer = (seed >> 33) as usize % 40;
            let day = (order / 10) as i32 - (seed >> 60) as i32;
            for line in 0..1 + (seed >> 20) % 6 {
                // Order hashes are odd in the book (`| 1`): these are already.
                rows.push((customer, day, 0.1 * (line + 1) as f64 + (seed % 1000) as f64 / 7.0, order << 1 | 1));
            }
        }
        let latest = rows.iter().map(|r| r.1).max().unwrap();
        for window in [1, 30, 200] {
            let mut running = EarlierBook::new(window, None, false);
            feed(&mut running, &rows);
            let date = latest + 1 - window as i32;
            let mut fixed = EarlierBook::new(window, Some(Day(latest + 1)), false);
            feed(&mut fixed, &rows);
            for book in [&running, &fixed] {
                let s = book.at(Day(date), &ids(40)).unwrap();
                let c = &s.customers;
                let got: Vec<_> = (0..c.len())
                    .map(|i| (s.positions[i], (c.first[i], c.last[i], c.orders[i], c.days[i], c.rows[i], c.monetary[i])))
                    .collect();
                assert_eq!(got, reference(&rows, date), "window {window}");
            }
        }
    }

    #[test]
    fn a_fixed_cut_answers_its_own_date_only() {
        let mut book = EarlierBook::new(10, Some(Day(100)), false);
        feed(&mut book, &[(0, 80, 1.0, 1), (0, 95, 1.0, 2)]);
        assert!(book.at(Day(89), &ids(1)).is_none());
        assert_eq!(book.at(Day(90), &ids(1)).unwrap().customers.rows, [1]);
    }

    #[test]
    fn the_other_decimal_mark_replaces_the_amounts_when_it_wins() {
        let mut book = EarlierBook::new(5, None, true);
        book.row(0, Day(1), (1.5, 15.0), Some(1), true);
        book.row(0, Day(9), (2.5, 25.0), Some(2), true);
        book.switch_mark();
        book.row(0, Day(3), (7.0, 0.0), Some(3), true);
        assert_eq!(book.at(Day(5), &ids(1)).unwrap().customers.monetary, [22.0]);
    }
}
