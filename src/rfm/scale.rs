//! A measure's cut points and how a value is scored against them.

use serde::Serialize;

/// What a value equal to a cut point scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Boundary {
    /// A value passes a cut point only when it is greater than it: equal
    /// values stay in the lower bin (tie-aware quantiles).
    Above,
    /// A cut point is where the next bin begins: equal values are in the
    /// upper bin (R `rfm`, fixed thresholds, rank methods).
    From,
}

/// The cut points of one measure, ascending in the measure's units (days,
/// counts, money); bin 1 holds the smallest values.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scale {
    /// The `bins − 1` cut points.
    pub cuts: Vec<f64>,
    /// How values equal to a cut point are treated.
    pub boundary: Boundary,
}

impl Scale {
    /// The bin (1 = smallest values) of `value`.
    pub fn bin(&self, value: f64) -> u8 {
        let passed = self.cuts.iter().filter(|&&c| match self.boundary {
            Boundary::Above => c < value,
            Boundary::From => c <= value,
        });
        1 + passed.count() as u8
    }

    /// The score of `value`: its bin, or for recency (`descending`, fewer
    /// days is better) the bin counted from the top.
    pub fn score(&self, value: f64, descending: bool) -> u8 {
        let bin = self.bin(value);
        if descending {
            self.cuts.len() as u8 + 2 - bin
        } else {
            bin
        }
    }

    /// The cut points that reproduce `scores` of `values` as well as plain
    /// cut points can: the smallest value of each bin above the first
    /// (used by the rank methods, whose ties may straddle two scores).
    pub fn derived(values: &[f64], scores: &[u8], bins: u8, descending: bool) -> Scale {
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let cuts = (2..=bins)
            .map(|bin| {
                values
                    .iter()
                    .zip(scores)
                    .filter(|(_, &s)| (if descending { bins + 1 - s } else { s }) >= bin)
                    .map(|(&v, _)| v)
                    .fold(f64::INFINITY, f64::min)
            })
            .map(|c| if c.is_finite() { c } else { max + 1.0 })
            .collect();
        Scale { cuts, boundary: Boundary::From }
    }
}

/// How many customers got one score of one measure, and the range of their values.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreBin {
    /// The score.
    pub score: u8,
    /// Customers with it.
    pub customers: usize,
    /// Their smallest value (none when the bin is empty).
    pub min: Option<f64>,
    /// Their largest value.
    pub max: Option<f64>,
}

/// The customers and value range of each score 1..=bins.
///
/// ```
/// use segmenta::rfm::score_bins;
/// let bins = score_bins(&[1.0, 1.0, 3.0], &[1, 1, 3], 3);
/// assert_eq!((bins[0].customers, bins[0].max), (2, Some(1.0)));
/// assert_eq!(bins[1].customers, 0);
/// ```
pub fn score_bins(values: &[f64], scores: &[u8], bins: u8) -> Vec<ScoreBin> {
    let mut out: Vec<ScoreBin> = (1..=bins).map(|score| ScoreBin { score, customers: 0, min: None, max: None }).collect();
    for (&v, &s) in values.iter().zip(scores) {
        let Some(b) = out.get_mut(usize::from(s).wrapping_sub(1)) else { continue };
        b.customers += 1;
        b.min = Some(b.min.map_or(v, |m| m.min(v)));
        b.max = Some(b.max.map_or(v, |m| m.max(v)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn above_keeps_equal_values_low_and_from_moves_them_up() {
        let above = Scale { cuts: vec![2.0, 4.0], boundary: Boundary::Above };
        let from = Scale { cuts: vec![2.0, 4.0], boundary: Boundary::From };
        assert_eq!([1.0, 2.0, 3.0, 4.0, 5.0].map(|v| above.bin(v)), [1, 1, 2, 2, 3]);
        assert_eq!([1.0, 2.0, 3.0, 4.0, 5.0].map(|v| from.bin(v)), [1, 2, 2, 3, 3]);
        assert_eq!([1.0, 2.0, 5.0].map(|v| from.score(v, true)), [3, 2, 1]);
    }

    #[test]
    fn derived_cut_points_are_the_lowest_value_of_each_higher_bin() {
        let values = [5.0, 1.0, 3.0, 3.0, 9.0];
        let scale = Scale::derived(&values, &[3, 1, 1, 2, 3], 3, false);
        assert_eq!(scale.cuts, [3.0, 5.0]);
        let recency = Scale::derived(&values, &[1, 3, 3, 2, 1], 3, true);
        assert_eq!(recency.cuts, [3.0, 5.0]);
    }
}
