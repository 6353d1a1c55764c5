//! Recency, frequency and monetary value per customer, their scores and the
//! named segments they fall in.
//!
//! [`RfmTable::measure`] measures (what frequency and monetary count is a
//! choice: [`FrequencyMeasure`], [`MonetaryMeasure`]), [`score_with`] turns
//! each measure into scores by one of the [`ScoringMethod`]s, and a
//! [`SegmentMap`] (the default 11-segment map, the R `rfm` rule tables, or
//! the user's own) names each score code; [`Segment`] holds the standard
//! segments' descriptions and actions.

mod errors;
mod map;
mod measures;
mod options;
pub(crate) mod ranks;
mod scale;
mod scoring;
mod segments;
mod texts;

pub use errors::RfmError;
pub use map::{code_of, MapIndex, MapPreset, ScoreRanges, SegmentMap, SegmentRule, OTHERS};
pub use measures::{average_order_value, days_between, FrequencyMeasure, MonetaryMeasure, RfmTable};
pub use options::{RfmOptions, Thresholds};
pub use ranks::compare_ids;
pub use scale::{score_bins, Boundary, Scale, ScoreBin};
pub use scoring::{
    cut_points, quantile_type7, r_rfm_breaks, score, score_ascending, score_descending, score_with, Scores, ScoringMethod,
};
pub use segments::Segment;
pub use texts::{
    boundary_text, definitions, empty_bins_hint, map_name, no_movement_before, segments_definition, Definition, Stated,
};
