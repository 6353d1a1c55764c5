//! The R × F grid (as the R `rfm` package's heatmap): customers and mean
//! monetary value for every pair of recency and frequency scores.

use serde::Serialize;

/// One cell of the R × F grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GridCell {
    /// Recency score.
    pub r: u8,
    /// Frequency score.
    pub f: u8,
    /// Customers with these two scores.
    pub customers: usize,
    /// Their mean monetary value; 0 for an empty cell.
    pub mean_monetary: f64,
}

/// Every (r, f) cell for scores `1..=bins`, r = 1 first, then f ascending.
///
/// ```
/// use segmenta::summary::rf_grid;
/// let cells = rf_grid(2, &[1, 2, 2], &[1, 2, 2], &[10.0, 20.0, 40.0]);
/// assert_eq!(cells.len(), 4);
/// assert_eq!((cells[3].r, cells[3].f, cells[3].customers, cells[3].mean_monetary), (2, 2, 2, 30.0));
/// assert_eq!(cells[1].customers, 0);
/// ```
pub fn rf_grid(bins: u8, r: &[u8], f: &[u8], monetary: &[f64]) -> Vec<GridCell> {
    let n = usize::from(bins);
    let mut sums = vec![(0usize, 0.0f64); n * n];
    for i in 0..r.len() {
        let cell = &mut sums[usize::from(r[i] - 1) * n + usize::from(f[i] - 1)];
        cell.0 += 1;
        cell.1 += monetary[i];
    }
    sums.iter()
        .enumerate()
        .map(|(at, &(customers, sum))| GridCell {
            r: (at / n + 1) as u8,
            f: (at % n + 1) as u8,
            customers,
            mean_monetary: if customers == 0 { 0.0 } else { sum / customers as f64 },
        })
        .collect()
}
