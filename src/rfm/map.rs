//! Data-driven segment maps: named segments defined by RFM codes and/or
//! score ranges, tested in order (the first match wins), with every
//! customer no rule covers put in "Others" — never dropped.
//!
//! Codes name exact cells (`545`) and so only fit the number of bins they
//! were written for: every digit of a code must be a score that exists
//! (the 125-code default map needs 5 bins). Score ranges work with any
//! number of bins.

use serde::{Deserialize, Serialize};

use super::segments::DEFAULT_CODES;
use super::{RfmError, Segment};

/// Inclusive score ranges for R, F and M, e.g. `{ "r": [3, 5], "f": [1, 3], "m": [1, 5] }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreRanges {
    /// Lowest and highest recency score.
    pub r: [u8; 2],
    /// Lowest and highest frequency score.
    pub f: [u8; 2],
    /// Lowest and highest monetary score.
    pub m: [u8; 2],
}

impl ScoreRanges {
    /// True when all three scores are within their ranges.
    pub fn contains(&self, r: u8, f: u8, m: u8) -> bool {
        let inside = |[lo, hi]: [u8; 2], s: u8| lo <= s && s <= hi;
        inside(self.r, r) && inside(self.f, f) && inside(self.m, m)
    }
}

/// One segment of a map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SegmentRule {
    /// The name shown to the user.
    pub name: String,
    /// The standard segment whose description and action this one carries;
    /// when absent, the one with the same name (if any).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub playbook: Option<Segment>,
    /// Exact codes (R F M digits, e.g. 545) in this segment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<u16>,
    /// Score ranges; a customer inside any of them is in this segment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ranges: Vec<ScoreRanges>,
    /// A description of the user's own, replacing the playbook's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// An action of the user's own, replacing the playbook's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

impl SegmentRule {
    fn coded(segment: Segment, codes: &[u16]) -> SegmentRule {
        SegmentRule { codes: codes.to_vec(), ..SegmentRule::named(segment.name()) }
    }

    fn ranged(name: &str, r: [u8; 2], f: [u8; 2], m: [u8; 2]) -> SegmentRule {
        SegmentRule { ranges: vec![ScoreRanges { r, f, m }], ..SegmentRule::named(name) }
    }

    fn named(name: &str) -> SegmentRule {
        let playbook = Segment::named(name);
        SegmentRule { name: name.to_owned(), playbook, codes: Vec::new(), ranges: Vec::new(), description: None, action: None }
    }

    /// The standard segment supplying the texts, if any.
    pub fn standard(&self) -> Option<Segment> {
        self.playbook.or_else(|| Segment::named(&self.name))
    }

    /// The one-line description shown to the user.
    pub fn description_text(&self) -> String {
        self.description.clone().or_else(|| self.standard().map(|s| s.description().to_owned())).unwrap_or_default()
    }

    /// The recommended action shown to the user.
    pub fn action_text(&self) -> String {
        self.action.clone().or_else(|| self.standard().map(|s| s.action().to_owned())).unwrap_or_default()
    }
}

/// The built-in maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum MapPreset {
    /// The 11-segment map over all 125 codes (5 bins).
    #[default]
    Default,
    /// The R package `rfm` rule table (v0.3+), with "Others".
    RRfm,
    /// The R package `rfm` legacy rules (its unit tests and 0.2.x docs).
    RRfmLegacy,
}

/// A segment map: segments tested in order, the first match wins, and
/// customers matching none are "Others".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SegmentMap {
    /// The segments, in the order they are tested.
    pub segments: Vec<SegmentRule>,
}

/// The name of the segment for customers no rule covers.
pub const OTHERS: &str = "Others";

impl SegmentMap {
    /// A built-in map.
    ///
    /// ```
    /// use segmenta::rfm::{MapPreset, SegmentMap};
    /// let map = SegmentMap::preset(MapPreset::RRfm).index(5).unwrap();
    /// assert_eq!(map.name(map.segment_of(5, 5, 5)), "Champions");
    /// assert_eq!(map.name(map.segment_of(2, 1, 5)), "Others");
    /// ```
    pub fn preset(preset: MapPreset) -> SegmentMap {
        let segments = match preset {
            MapPreset::Default => DEFAULT_CODES.iter().map(|(s, codes)| SegmentRule::coded(*s, codes)).collect(),
            MapPreset::RRfm => vec![
                SegmentRule::ranged("Champions", [5, 5], [5, 5], [5, 5]),
                SegmentRule::ranged("Potential Loyalist", [3, 5], [3, 5], [2, 5]),
                SegmentRule::ranged("Loyal Customers", [2, 4], [2, 4], [2, 4]),
                SegmentRule::ranged("Promising", [3, 4], [1, 3], [3, 5]),
                SegmentRule::ranged("New Customers", [4, 5], [1, 3], [1, 5]),
                SegmentRule::ranged("Can't Lose Them", [1, 2], [3, 4], [4, 5]),
                SegmentRule::ranged("At Risk", [1, 2], [2, 5], [4, 5]),
                SegmentRule::ranged("Need Attention", [1, 3], [3, 5], [3, 5]),
                SegmentRule::ranged("About To Sleep", [2, 3], [1, 3], [1, 4]),
                SegmentRule::ranged("Lost", [1, 1], [1, 5], [1, 5]),
            ],
            MapPreset::RRfmLegacy => vec![
                SegmentRule::ranged("Champions", [4, 5], [4, 5], [4, 5]),
                SegmentRule::ranged("Loyal Customers", [2, 5], [3, 5], [3, 5]),
                SegmentRule::ranged("Potential Loyalist", [3, 5], [1, 3], [1, 3]),
                SegmentRule::ranged("New Customers", [4, 5], [1, 1], [1, 1]),
                SegmentRule::ranged("Promising", [3, 4], [1, 1], [1, 1]),
                SegmentRule::ranged("Need Attention", [2, 3], [2, 3], [2, 3]),
                SegmentRule::ranged("About To Sleep", [2, 3], [1, 2], [1, 2]),
                SegmentRule::ranged("At Risk", [1, 2], [2, 5], [2, 5]),
                SegmentRule::ranged("Can't Lose Them", [1, 1], [4, 5], [4, 5]),
                SegmentRule::ranged("Lost", [1, 2], [1, 2], [1, 2]),
            ],
        };
        SegmentMap { segments }
    }

    /// Checks the map against the number of bins and builds its look-up
    /// table over every code.
    ///
    /// ```
    /// use segmenta::rfm::{MapPreset, SegmentMap};
    /// let err = SegmentMap::preset(MapPreset::Default).index(3).unwrap_err();
    /// assert!(err.to_string().contains("code 555, which does not exist with 3 bins"), "{err}");
    /// assert!(SegmentMap::preset(MapPreset::RRfm).index(3).is_ok());
    /// ```
    pub fn index(&self, bins: u8) -> Result<MapIndex, RfmError> {
        self.check(bins)?;
        let n = usize::from(bins);
        let mut table = vec![self.segments.len(); n * n * n];
        for r in 1..=bins {
            for f in 1..=bins {
                for m in 1..=bins {
                    let code = code_of(r, f, m);
                    let hit = self.segments.iter().position(|s| s.codes.contains(&code) || s.ranges.iter().any(|g| g.contains(r, f, m)));
                    table[cell(bins, r, f, m)] = hit.unwrap_or(self.segments.len());
                }
            }
        }
        let mut names: Vec<String> = self.segments.iter().map(|s| s.name.clone()).collect();
        names.push(OTHERS.to_owned());
        Ok(MapIndex { bins, table, names })
    }

    fn check(&self, bins: u8) -> Result<(), RfmError> {
        if self.segments.is_empty() {
            return Err(RfmError::EmptyMap);
        }
        let mut seen_codes: Vec<(u16, &str)> = Vec::new();
        for (i, s) in self.segments.iter().enumerate() {
            let name = s.name.trim();
            if name.is_empty() {
                return Err(RfmError::UnnamedSegment { position: i + 1 });
            }
            if name.eq_ignore_ascii_case(OTHERS) {
                return Err(RfmError::ReservedName { name: name.to_owned() });
            }
            if self.segments[..i].iter().any(|t| t.name.trim() == name) {
                return Err(RfmError::DuplicateSegment { name: name.to_owned() });
            }
            for &code in &s.codes {
                let digits = [code / 100, code / 10 % 10, code % 10];
                if !(100..1000).contains(&code) || digits.iter().any(|&d| d < 1 || d > u16::from(bins)) {
                    return Err(RfmError::CodeOutOfRange { segment: name.to_owned(), code, bins });
                }
                if let Some((_, other)) = seen_codes.iter().find(|(c, _)| *c == code) {
                    return Err(RfmError::DuplicateCode { code, first: (*other).to_owned(), second: name.to_owned() });
                }
                seen_codes.push((code, name));
            }
            for g in &s.ranges {
                if [g.r, g.f, g.m].iter().any(|&[lo, hi]| lo < 1 || lo > hi || hi > 9) {
                    return Err(RfmError::BadRange { segment: name.to_owned() });
                }
            }
        }
        Ok(())
    }
}

impl Default for SegmentMap {
    fn default() -> SegmentMap {
        SegmentMap::preset(MapPreset::Default)
    }
}

/// A checked map with its answer for every code of `bins` bins.
#[derive(Debug, Clone, PartialEq)]
pub struct MapIndex {
    bins: u8,
    table: Vec<usize>,
    names: Vec<String>,
}

impl MapIndex {
    /// The segment number (map order; the last number is "Others") of a
    /// customer's scores.
    pub fn segment_of(&self, r: u8, f: u8, m: u8) -> usize {
        self.table[cell(self.bins, r, f, m)]
    }

    /// Number of segments, "Others" included.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Never true: "Others" is always there.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The name of segment number `segment`.
    pub fn name(&self, segment: usize) -> &str {
        &self.names[segment]
    }

    /// Every segment name in map order, "Others" last.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The number of bins the index was built for.
    pub fn bins(&self) -> u8 {
        self.bins
    }
}

/// The three-digit code of scores `r`, `f`, `m`.
pub fn code_of(r: u8, f: u8, m: u8) -> u16 {
    u16::from(r) * 100 + u16::from(f) * 10 + u16::from(m)
}

fn cell(bins: u8, r: u8, f: u8, m: u8) -> usize {
    let n = usize::from(bins);
    let at = |s: u8| usize::from(s.clamp(1, bins)) - 1;
    (at(r) * n + at(f)) * n + at(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered(map: &MapIndex, segment: &str) -> Vec<u16> {
        let mut codes = Vec::new();
        for r in 1..=5 {
            for f in 1..=5 {
                for m in 1..=5 {
                    if map.name(map.segment_of(r, f, m)) == segment {
                        codes.push(code_of(r, f, m));
                    }
                }
            }
        }
        codes
    }

    #[test]
    fn the_default_map_agrees_with_the_standard_segments_on_every_code() {
        let map = SegmentMap::preset(MapPreset::Default).index(5).unwrap();
        for r in 1..=5 {
            for f in 1..=5 {
                for m in 1..=5 {
                    assert_eq!(map.name(map.segment_of(r, f, m)), Segment::of(r, f, m).name());
                }
            }
        }
        assert!(covered(&map, OTHERS).is_empty());
    }

    #[test]
    fn r_rfm_preset_leaves_exactly_ten_codes_to_others() {
        let map = SegmentMap::preset(MapPreset::RRfm).index(5).unwrap();
        assert_eq!(covered(&map, OTHERS), [215, 241, 251, 252, 341, 351, 441, 451, 541, 551]);
        // Cell counts under first match (mission-anchors §3.2).
        let counts: Vec<usize> = map.names()[..10].iter().map(|n| covered(&map, n).len()).collect();
        assert_eq!(counts, [1, 35, 15, 8, 15, 6, 7, 4, 10, 14]);
    }

    #[test]
    fn r_rfm_legacy_preset_first_match_leaves_36_others_and_three_unreachable_segments() {
        let map = SegmentMap::preset(MapPreset::RRfmLegacy).index(5).unwrap();
        assert_eq!(covered(&map, OTHERS).len(), 36);
        for never in ["New Customers", "Promising", "Can't Lose Them"] {
            assert!(covered(&map, never).is_empty(), "{never}");
        }
        assert_eq!(covered(&map, "Champions").len(), 8);
    }

    #[test]
    fn the_scoring_fixture_lands_in_each_maps_segments() {
        // The codes of the ten customers of the scoring golden tests (tie-aware quantiles),
        // with each map's segment worked out by hand from the tables in rfm-segment-map.md.
        let codes = [511, 315, 312, 442, 111, 454, 213, 355, 512, 144];
        let expect = |preset, names: [&str; 10]| {
            let map = SegmentMap::preset(preset).index(5).unwrap();
            let got: Vec<&str> = codes.iter().map(|&c| map.name(map.segment_of((c / 100) as u8, (c / 10 % 10) as u8, (c % 10) as u8))).collect();
            assert_eq!(got, names, "{preset:?}");
        };
        expect(MapPreset::Default, [
            "New Customers", "Promising", "About To Sleep", "Potential Loyalist", "Lost",
            "Champions", "About To Sleep", "Loyal", "New Customers", "Cannot Lose Them",
        ]);
        expect(MapPreset::RRfm, [
            "New Customers", "Promising", "About To Sleep", "Potential Loyalist", "Lost",
            "Potential Loyalist", "About To Sleep", "Potential Loyalist", "New Customers", "Can't Lose Them",
        ]);
        // Legacy rules: 315, 442 and 213 match no rule; 144 is At Risk, never Can't Lose Them.
        expect(MapPreset::RRfmLegacy, [
            "Potential Loyalist", "Others", "Potential Loyalist", "Others", "Lost",
            "Champions", "Others", "Loyal Customers", "Potential Loyalist", "At Risk",
        ]);
    }

    #[test]
    fn codes_must_fit_the_number_of_bins() {
        let err = SegmentMap::preset(MapPreset::Default).index(4).unwrap_err();
        assert_eq!(err, RfmError::CodeOutOfRange { segment: "Champions".into(), code: 555, bins: 4 });
    }

    #[test]
    fn a_code_in_two_segments_is_refused() {
        let mut map = SegmentMap::preset(MapPreset::Default);
        map.segments[1].codes.push(555);
        let err = map.index(5).unwrap_err();
        assert_eq!(err, RfmError::DuplicateCode { code: 555, first: "Champions".into(), second: "Loyal".into() });
    }

    #[test]
    fn names_must_be_present_unique_and_not_others() {
        let mut map = SegmentMap::preset(MapPreset::RRfm);
        map.segments[2].name = "Champions".into();
        assert_eq!(map.index(5).unwrap_err(), RfmError::DuplicateSegment { name: "Champions".into() });
        map.segments[2].name = " ".into();
        assert_eq!(map.index(5).unwrap_err(), RfmError::UnnamedSegment { position: 3 });
        map.segments[2].name = "others".into();
        assert!(matches!(map.index(5).unwrap_err(), RfmError::ReservedName { .. }));
    }

    #[test]
    fn ranges_must_run_low_to_high() {
        let mut map = SegmentMap::preset(MapPreset::RRfm);
        map.segments[0].ranges[0].r = [5, 3];
        assert_eq!(map.index(5).unwrap_err(), RfmError::BadRange { segment: "Champions".into() });
    }

    #[test]
    fn a_renamed_segment_keeps_its_playbook_when_told() {
        let mut rule = SegmentMap::preset(MapPreset::Default).segments[0].clone();
        rule.name = "VIP".into();
        assert_eq!(rule.action_text(), Segment::Champions.action());
        assert_eq!(SegmentRule::named("VIP").action_text(), "");
    }

    #[test]
    fn moving_a_code_moves_its_customers() {
        let mut map = SegmentMap::preset(MapPreset::Default);
        map.segments[0].codes.retain(|&c| c != 445);
        map.segments[1].codes.push(445);
        let index = map.index(5).unwrap();
        assert_eq!(index.name(index.segment_of(4, 4, 5)), "Loyal");
    }

    #[test]
    fn the_map_round_trips_through_json() {
        let map = SegmentMap::preset(MapPreset::RRfm);
        let json = serde_json::to_string(&map).unwrap();
        assert!(json.contains(r#"{"name":"Champions","playbook":"champions","ranges":[{"r":[5,5],"f":[5,5],"m":[5,5]}]}"#), "{json}");
        assert_eq!(serde_json::from_str::<SegmentMap>(&json).unwrap(), map);
    }
}
