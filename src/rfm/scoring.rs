//! Tie-aware quantile scoring.
//!
//! With `n` bins the cut points are the type-7 (linear interpolation)
//! quantiles of the values at 1/n, …, (n−1)/n. A value's score counts the cut
//! points strictly below it, so equal values always share a score.

use super::RfmTable;

/// The R, F and M scores (1..=bins, higher is better) of every customer, and
/// the cut points that produced them.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// Recency score: the most recent customers score highest.
    pub r: Vec<u8>,
    /// Frequency score.
    pub f: Vec<u8>,
    /// Monetary score.
    pub m: Vec<u8>,
    /// Cut points on recency days.
    pub r_cuts: Vec<f64>,
    /// Cut points on frequency.
    pub f_cuts: Vec<f64>,
    /// Cut points on monetary value.
    pub m_cuts: Vec<f64>,
}

impl Scores {
    /// The three-digit code of customer `i`, e.g. `545`.
    pub fn code(&self, i: usize) -> u16 {
        u16::from(self.r[i]) * 100 + u16::from(self.f[i]) * 10 + u16::from(self.m[i])
    }
}

/// Scores every measure of `rfm` into `bins` bins (2..=9).
pub fn score(rfm: &RfmTable, bins: u8) -> Scores {
    let recency: Vec<f64> = rfm.recency.iter().map(|&v| f64::from(v)).collect();
    let frequency: Vec<f64> = rfm.frequency.iter().map(|&v| f64::from(v)).collect();
    let r_cuts = cut_points(&recency, bins);
    let f_cuts = cut_points(&frequency, bins);
    let m_cuts = cut_points(&rfm.monetary, bins);
    Scores {
        r: score_descending(&recency, &r_cuts),
        f: score_ascending(&frequency, &f_cuts),
        m: score_ascending(&rfm.monetary, &m_cuts),
        r_cuts,
        f_cuts,
        m_cuts,
    }
}

/// The type-7 quantile of already sorted values at probability `p` in [0, 1]
/// (R's default, numpy's `linear`).
///
/// ```
/// use segmenta::rfm::quantile_type7;
/// assert_eq!(quantile_type7(&[1.0, 2.0, 3.0, 4.0], 0.5), 2.5);
/// assert_eq!(quantile_type7(&[1.0, 2.0, 3.0, 4.0], 0.2), 1.6);
/// ```
pub fn quantile_type7(sorted: &[f64], p: f64) -> f64 {
    assert!(!sorted.is_empty(), "quantile of no values");
    let h = (sorted.len() - 1) as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(sorted.len() - 1);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// The `bins − 1` cut points of `values` (empty when there are no values).
pub fn cut_points(values: &[f64], bins: u8) -> Vec<f64> {
    if values.is_empty() {
        return Vec::new();
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    (1..bins).map(|j| quantile_type7(&sorted, f64::from(j) / f64::from(bins))).collect()
}

/// Scores where larger is better: 1 + the number of cut points strictly below.
pub fn score_ascending(values: &[f64], cuts: &[f64]) -> Vec<u8> {
    values.iter().map(|&v| 1 + below(cuts, v)).collect()
}

/// Scores where smaller is better (recency): bins − the number of cut points
/// strictly below.
pub fn score_descending(values: &[f64], cuts: &[f64]) -> Vec<u8> {
    let bins = cuts.len() as u8 + 1;
    values.iter().map(|&v| bins - below(cuts, v)).collect()
}

fn below(cuts: &[f64], v: f64) -> u8 {
    cuts.iter().filter(|&&c| c < v).count() as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quintile_cut_points_of_one_to_ten() {
        let values: Vec<f64> = (1..=10).map(f64::from).collect();
        let cuts = cut_points(&values, 5);
        // h = 9p: 1.8, 3.6, 5.4, 7.2 → 2.8, 4.6, 6.4, 8.2
        let expected = [2.8, 4.6, 6.4, 8.2];
        for (c, e) in cuts.iter().zip(expected) {
            assert!((c - e).abs() < 1e-12, "{cuts:?}");
        }
        assert_eq!(score_ascending(&values, &cuts), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
        assert_eq!(score_descending(&values, &cuts), [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    }

    #[test]
    fn equal_values_share_a_score() {
        // Most customers bought once: every cut point is 1, so all of them score 1.
        let values = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 3.0, 9.0, 1.0];
        let scores = score_ascending(&values, &cut_points(&values, 5));
        for (v, s) in values.iter().zip(&scores) {
            for (w, t) in values.iter().zip(&scores) {
                if v == w {
                    assert_eq!(s, t);
                }
            }
        }
        assert_eq!(scores[0], 1);
        assert!(scores[8] > scores[6]);
    }

    #[test]
    fn one_customer_gets_the_lowest_f_and_m_and_the_highest_r() {
        let rfm = RfmTable { as_of: crate::date::Day(0), recency: vec![3], frequency: vec![2], monetary: vec![10.0] };
        let s = score(&rfm, 5);
        assert_eq!((s.r[0], s.f[0], s.m[0]), (5, 1, 1));
    }
}
