//! Turning each measure into scores 1..=bins (5 = best; for recency, 5 =
//! most recent), by one of five methods.

use serde::{Deserialize, Serialize};

use super::ranks::{ntile, rank_first};
use super::{Boundary, RfmOptions, RfmTable, Scale};

/// How values become scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ScoringMethod {
    /// Tie-aware quantiles: cut points are the type-7 quantiles at 1/n, …,
    /// (n−1)/n; a value passes a cut point when it is greater; equal values
    /// always share a score.
    #[default]
    Quantiles,
    /// The R package `rfm`: breaks = type-7 quantiles + 1, bins `[lower, upper)`.
    RRfm,
    /// SQL `NTILE(n)`: n groups of equal size over the sorted values, ties
    /// broken by customer id.
    Ntile,
    /// pandas `qcut(x.rank(method="first"), n)`: quantile bins of the ranks,
    /// ties broken by customer id.
    RankFirst,
    /// Cut points typed in by the user; each is where the next bin begins.
    Fixed,
}

/// The R, F and M scores (1..=bins, higher is better) of every customer, and
/// the cut points that produced them.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// Number of bins.
    pub bins: u8,
    /// Recency score: the most recent customers score highest.
    pub r: Vec<u8>,
    /// Frequency score.
    pub f: Vec<u8>,
    /// Monetary score.
    pub m: Vec<u8>,
    /// Cut points on recency days.
    pub recency: Scale,
    /// Cut points on frequency.
    pub frequency: Scale,
    /// Cut points on monetary value.
    pub monetary: Scale,
}

impl Scores {
    /// The three-digit code of customer `i`, e.g. `545`.
    pub fn code(&self, i: usize) -> u16 {
        u16::from(self.r[i]) * 100 + u16::from(self.f[i]) * 10 + u16::from(self.m[i])
    }

    /// Scores `rfm` (another date's measures) with these cut points, as
    /// movement between two dates needs.
    pub fn rescore(&self, rfm: &RfmTable) -> Scores {
        let (rv, fv, mv) = values(rfm);
        Scores {
            bins: self.bins,
            r: rv.iter().map(|&v| self.recency.score(v, true)).collect(),
            f: fv.iter().map(|&v| self.frequency.score(v, false)).collect(),
            m: mv.iter().map(|&v| self.monetary.score(v, false)).collect(),
            recency: self.recency.clone(),
            frequency: self.frequency.clone(),
            monetary: self.monetary.clone(),
        }
    }
}

/// Scores every measure of `rfm` by tie-aware quantiles into `bins` bins.
pub fn score(rfm: &RfmTable, bins: u8) -> Scores {
    let (rv, fv, mv) = values(rfm);
    let quantiles = |v: &[f64]| Scale { cuts: cut_points(v, bins), boundary: Boundary::Above };
    from_scales(bins, quantiles(&rv), quantiles(&fv), quantiles(&mv), (&rv, &fv, &mv))
}

/// Scores `rfm` as `options` say (method, bins, thresholds); `ids` are the
/// customer ids, which break ties in the rank methods. The options must
/// have passed [`RfmOptions::check`].
pub fn score_with(rfm: &RfmTable, ids: &[String], options: &RfmOptions) -> Scores {
    let bins = options.bins;
    let (rv, fv, mv) = values(rfm);
    let all = (&rv[..], &fv[..], &mv[..]);
    match options.method {
        ScoringMethod::Quantiles => score(rfm, bins),
        ScoringMethod::RRfm => {
            let r_rfm = |v: &[f64]| Scale { cuts: r_rfm_breaks(v, bins), boundary: Boundary::From };
            from_scales(bins, r_rfm(&rv), r_rfm(&fv), r_rfm(&mv), all)
        }
        ScoringMethod::Fixed => {
            let t = &options.thresholds;
            let fixed = |cuts: &[f64]| Scale { cuts: cuts.to_vec(), boundary: Boundary::From };
            from_scales(bins, fixed(&t.recency), fixed(&t.frequency), fixed(&t.monetary), all)
        }
        ScoringMethod::Ntile | ScoringMethod::RankFirst => {
            let rank = if options.method == ScoringMethod::Ntile { ntile } else { rank_first };
            let r = rank(&rv, ids, bins, true);
            let f = rank(&fv, ids, bins, false);
            let m = rank(&mv, ids, bins, false);
            Scores {
                bins,
                recency: Scale::derived(&rv, &r, bins, true),
                frequency: Scale::derived(&fv, &f, bins, false),
                monetary: Scale::derived(&mv, &m, bins, false),
                r,
                f,
                m,
            }
        }
    }
}

fn values(rfm: &RfmTable) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    (
        rfm.recency.iter().map(|&v| f64::from(v)).collect(),
        rfm.frequency.iter().map(|&v| f64::from(v)).collect(),
        rfm.monetary.clone(),
    )
}

fn from_scales(bins: u8, recency: Scale, frequency: Scale, monetary: Scale, (rv, fv, mv): (&[f64], &[f64], &[f64])) -> Scores {
    Scores {
        bins,
        r: rv.iter().map(|&v| recency.score(v, true)).collect(),
        f: fv.iter().map(|&v| frequency.score(v, false)).collect(),
        m: mv.iter().map(|&v| monetary.score(v, false)).collect(),
        recency,
        frequency,
        monetary,
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

/// The `bins − 1` tie-aware cut points of `values` (empty when there are no values).
pub fn cut_points(values: &[f64], bins: u8) -> Vec<f64> {
    if values.is_empty() {
        return Vec::new();
    }
    let sorted = sorted(values);
    (1..bins).map(|j| quantile_type7(&sorted, f64::from(j) / f64::from(bins))).collect()
}

/// The R package `rfm`'s breaks: R's `quantile(x, seq(0, 1, length.out = n + 1))`
/// without its first and last values, plus 1 — computed in the same
/// floating-point steps as R, so that integer values equal to a break land
/// where they land in R.
///
/// ```
/// use segmenta::rfm::r_rfm_breaks;
/// assert_eq!(r_rfm_breaks(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 5), [3.0, 4.0, 5.0, 6.0]);
/// ```
pub fn r_rfm_breaks(values: &[f64], bins: u8) -> Vec<f64> {
    if values.is_empty() {
        return Vec::new();
    }
    let sorted = sorted(values);
    let by = 1.0 / f64::from(bins);
    (1..bins).map(|j| r_quantile7(&sorted, f64::from(j) * by) + 1.0).collect()
}

/// R's `quantile.default(type = 7)`, step by step.
fn r_quantile7(sorted: &[f64], p: f64) -> f64 {
    let index = 1.0 + (sorted.len() - 1) as f64 * p;
    let (lo, hi) = (index.floor(), index.ceil());
    let qs = sorted[lo as usize - 1];
    let x_hi = sorted[hi as usize - 1];
    if index > lo && x_hi != qs {
        let h = index - lo;
        (1.0 - h) * qs + h * x_hi
    } else {
        qs
    }
}

fn sorted(values: &[f64]) -> Vec<f64> {
    let mut sorted = values.to_vec();
    // Values equal under `total_cmp` are the same bits: an unstable sort
    // gives the very same slice, faster.
    sorted.sort_unstable_by(f64::total_cmp);
    sorted
}

/// Scores where larger is better: 1 + the number of cut points strictly below.
pub fn score_ascending(values: &[f64], cuts: &[f64]) -> Vec<u8> {
    let scale = Scale { cuts: cuts.to_vec(), boundary: Boundary::Above };
    values.iter().map(|&v| scale.score(v, false)).collect()
}

/// Scores where smaller is better (recency): bins − the number of cut points
/// strictly below.
pub fn score_descending(values: &[f64], cuts: &[f64]) -> Vec<u8> {
    let scale = Scale { cuts: cuts.to_vec(), boundary: Boundary::Above };
    values.iter().map(|&v| scale.score(v, true)).collect()
}

#[cfg(test)]
#[path = "scoring_tests.rs"]
mod tests;
