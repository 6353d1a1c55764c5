//! Segment movement between two as-of dates: a from → to matrix.

use serde::Serialize;

use crate::date::Day;

/// How many customers moved from each segment at the earlier date to each
/// segment at the later one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Movement {
    /// The earlier as-of date (only transactions up to it are used).
    pub from_as_of: Day,
    /// The later (main) as-of date.
    pub to_as_of: Day,
    /// Segment names, "Others" last: the matrix's columns, and its rows
    /// before the extra last row.
    pub segments: Vec<String>,
    /// The name of the extra last row: customers who had not bought yet.
    pub new_row: String,
    /// `counts[from][to]`; `from == segments.len()` is the new-customers row.
    pub counts: Vec<Vec<usize>>,
    /// Customers in a different segment than before (new customers not counted).
    pub moved: usize,
    /// Customers in the same segment as before.
    pub stayed: usize,
}

/// Builds the matrix from each later customer's earlier segment (`None`:
/// not a customer yet) and later segment.
///
/// ```
/// use segmenta::date::Day;
/// use segmenta::summary::movement;
/// let m = movement(Day(0), Day(90), vec!["A".into(), "B".into()], &[Some(0), Some(1), None], &[1, 1, 0]);
/// assert_eq!(m.counts, [[0, 1], [0, 1], [1, 0]]);
/// assert_eq!((m.moved, m.stayed), (1, 1));
/// ```
pub fn movement(from_as_of: Day, to_as_of: Day, segments: Vec<String>, before: &[Option<usize>], after: &[usize]) -> Movement {
    let k = segments.len();
    let mut counts = vec![vec![0; k]; k + 1];
    let (mut moved, mut stayed) = (0, 0);
    for (b, &a) in before.iter().zip(after) {
        counts[b.unwrap_or(k)][a] += 1;
        match b {
            Some(b) if *b == a => stayed += 1,
            Some(_) => moved += 1,
            None => {}
        }
    }
    Movement { from_as_of, to_as_of, segments, new_row: NEW_ROW.to_owned(), counts, moved, stayed }
}

/// The label of customers who had not bought by the earlier date.
pub const NEW_ROW: &str = "Not yet a customer";
