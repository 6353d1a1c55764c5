//! The rank-based methods: SQL `NTILE` and pandas' rank-first quantiles.
//! Both order customers by value and break ties by customer id: numerically
//! when both ids are numbers, otherwise by their text.

use std::cmp::Ordering;

/// `NTILE(bins)` over the values sorted ascending (descending for recency,
/// so that the most recent get the top score), ties broken by customer id
/// ascending: `bins` groups whose sizes differ by at most one, the larger
/// groups first. Returns each customer's group, 1..=bins.
pub fn ntile(values: &[f64], ids: &[String], bins: u8, descending: bool) -> Vec<u8> {
    let order = sorted_positions(values, ids, descending);
    let n = order.len();
    let b = usize::from(bins);
    let (size, big) = (n / b, n % b);
    let mut out = vec![0u8; n];
    for (pos, &i) in order.iter().enumerate() {
        let group = if pos < big * (size + 1) { pos / (size + 1) } else { big + (pos - big * (size + 1)) / size.max(1) };
        out[i] = group as u8 + 1;
    }
    out
}

/// pandas `qcut(x.rank(method="first"), bins)`: rank r (1..=n, ties by
/// customer id) falls in bin ⌈bins·(r−1)/(n−1)⌉ (at least 1) — the exact
/// form of qcut's edges on ranks. Recency (`descending`) scores
/// `bins + 1 − bin`, as `labels=[5, 4, 3, 2, 1]` does.
pub fn rank_first(values: &[f64], ids: &[String], bins: u8, descending: bool) -> Vec<u8> {
    let order = sorted_positions(values, ids, false);
    let n = order.len();
    let b = usize::from(bins);
    let mut out = vec![0u8; n];
    for (pos, &i) in order.iter().enumerate() {
        let bin = if n <= 1 { 1 } else { (b * pos).div_ceil(n - 1).max(1) } as u8;
        out[i] = if descending { bins + 1 - bin } else { bin };
    }
    out
}

/// Customer positions sorted by value (ascending, or descending), then id.
fn sorted_positions(values: &[f64], ids: &[String], descending: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| {
        let by_value = values[a].total_cmp(&values[b]);
        let by_value = if descending { by_value.reverse() } else { by_value };
        by_value.then_with(|| compare_ids(&ids[a], &ids[b]))
    });
    order
}

/// Numeric order when both ids are plain numbers, else text order.
///
/// ```
/// use std::cmp::Ordering;
/// use segmenta::rfm::compare_ids;
/// assert_eq!(compare_ids("9", "10"), Ordering::Less);
/// assert_eq!(compare_ids("b9", "b10"), Ordering::Greater);
/// ```
pub fn compare_ids(a: &str, b: &str) -> Ordering {
    match (number(a), number(b)) {
        (Some(x), Some(y)) => x.total_cmp(&y).then_with(|| a.cmp(b)),
        _ => a.cmp(b),
    }
}

fn number(id: &str) -> Option<f64> {
    let plain = !id.is_empty() && id.bytes().all(|c| c.is_ascii_digit() || c == b'.' || c == b'-');
    plain.then(|| id.parse().ok()).flatten()
}
