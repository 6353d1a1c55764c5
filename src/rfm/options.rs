//! How customers are measured, scored and segmented: the RFM section of the
//! settings.

use serde::{Deserialize, Serialize};

use super::{FrequencyMeasure, MapPreset, MonetaryMeasure, RfmError, ScoringMethod, SegmentMap};

/// Cut points typed in by the user for the fixed-thresholds method, in the
/// measures' own units (days, counts, money), ascending. Each cut point is
/// where the next bin begins.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Thresholds {
    /// On recency days.
    pub recency: Vec<f64>,
    /// On frequency.
    pub frequency: Vec<f64>,
    /// On monetary value.
    pub monetary: Vec<f64>,
}

/// RFM settings. Defaults: 5 bins, frequency = distinct orders, monetary =
/// total net spend, tie-aware quantiles, the 11-segment default map, and
/// movement measured from 90 days before the as-of date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct RfmOptions {
    /// Number of score bins, 3 to 5.
    pub bins: u8,
    /// What frequency counts.
    pub frequency: FrequencyMeasure,
    /// What monetary value is.
    pub monetary: MonetaryMeasure,
    /// How values become scores.
    pub method: ScoringMethod,
    /// Cut points for [`ScoringMethod::Fixed`].
    pub thresholds: Thresholds,
    /// The built-in map used when `map` is absent.
    pub preset: MapPreset,
    /// A map of the user's own; replaces the preset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub map: Option<SegmentMap>,
    /// Segment movement is measured from this many days before the as-of
    /// date; 0 turns it off.
    pub movement_days: u32,
}

impl Default for RfmOptions {
    fn default() -> RfmOptions {
        RfmOptions {
            bins: 5,
            frequency: FrequencyMeasure::default(),
            monetary: MonetaryMeasure::default(),
            method: ScoringMethod::default(),
            thresholds: Thresholds::default(),
            preset: MapPreset::default(),
            map: None,
            movement_days: 90,
        }
    }
}

impl RfmOptions {
    /// The map in use: the user's own, or the preset.
    pub fn segment_map(&self) -> SegmentMap {
        self.map.clone().unwrap_or_else(|| SegmentMap::preset(self.preset))
    }

    /// Checks the bins, the thresholds (for the fixed method) and the map.
    ///
    /// ```
    /// use segmenta::rfm::RfmOptions;
    /// let options = RfmOptions { bins: 6, ..RfmOptions::default() };
    /// assert_eq!(options.check().unwrap_err().to_string(), "the number of score bins must be 3, 4 or 5, not 6");
    /// ```
    pub fn check(&self) -> Result<(), RfmError> {
        if !(3..=5).contains(&self.bins) {
            return Err(RfmError::BinsOutOfRange { bins: self.bins });
        }
        if self.method == ScoringMethod::Fixed {
            let t = &self.thresholds;
            for (measure, cuts) in [("recency", &t.recency), ("frequency", &t.frequency), ("monetary", &t.monetary)] {
                let expected = usize::from(self.bins) - 1;
                if cuts.len() != expected {
                    return Err(RfmError::ThresholdCount { measure, expected, found: cuts.len(), bins: self.bins });
                }
                if cuts.iter().any(|c| !c.is_finite()) || cuts.windows(2).any(|w| w[0] >= w[1]) {
                    return Err(RfmError::ThresholdOrder { measure });
                }
            }
        }
        self.segment_map().index(self.bins).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_must_be_three_to_five() {
        for bins in [2, 6] {
            assert_eq!(RfmOptions { bins, ..RfmOptions::default() }.check(), Err(RfmError::BinsOutOfRange { bins }));
        }
        let ranges = RfmOptions { bins: 3, preset: MapPreset::RRfm, ..RfmOptions::default() };
        assert_eq!(ranges.check(), Ok(()));
    }

    #[test]
    fn fixed_thresholds_need_bins_minus_one_increasing_cut_points() {
        let mut o = RfmOptions { bins: 3, method: ScoringMethod::Fixed, preset: MapPreset::RRfm, ..RfmOptions::default() };
        o.thresholds = Thresholds { recency: vec![30.0, 90.0], frequency: vec![2.0], monetary: vec![10.0, 100.0] };
        assert_eq!(o.check(), Err(RfmError::ThresholdCount { measure: "frequency", expected: 2, found: 1, bins: 3 }));
        o.thresholds.frequency = vec![3.0, 2.0];
        assert_eq!(o.check(), Err(RfmError::ThresholdOrder { measure: "frequency" }));
        o.thresholds.frequency = vec![2.0, 3.0];
        assert_eq!(o.check(), Ok(()));
    }

    #[test]
    fn settings_json_names_are_camel_case() {
        let o: RfmOptions = serde_json::from_str(
            r#"{"bins": 4, "frequency": "days", "monetary": "averageOrder", "method": "rRfm", "preset": "rRfmLegacy", "movementDays": 30}"#,
        )
        .unwrap();
        assert_eq!(o.frequency, FrequencyMeasure::Days);
        assert_eq!(o.monetary, MonetaryMeasure::AverageOrder);
        assert_eq!(o.method, ScoringMethod::RRfm);
        assert_eq!(o.preset, MapPreset::RRfmLegacy);
        assert_eq!((o.bins, o.movement_days), (4, 30));
    }
}
