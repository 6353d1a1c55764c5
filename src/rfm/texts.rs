//! Every sentence the RFM report says about how it measured and scored, in
//! one place (the page and the CLI show them as they are).

use serde::Serialize;

use super::{Boundary, FrequencyMeasure, MonetaryMeasure, ScoringMethod};
use crate::date::Day;

/// One stated definition: a term and what it means in this analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Definition {
    /// "Recency", "Frequency", …
    pub term: String,
    /// What it is here.
    pub text: String,
}

/// What the analysis needs to state its definitions.
pub struct Stated<'a> {
    /// The as-of date.
    pub as_of: Day,
    /// True when it is the default (the day after the latest transaction).
    pub as_of_is_default: bool,
    /// The order id column, if the file has one.
    pub order_column: Option<&'a str>,
    /// The frequency measure.
    pub frequency: FrequencyMeasure,
    /// The monetary measure.
    pub monetary: MonetaryMeasure,
    /// The scoring method.
    pub method: ScoringMethod,
    /// The number of bins.
    pub bins: u8,
}

/// The definitions of the as-of date, the three measures and the scores.
pub fn definitions(s: &Stated) -> Vec<Definition> {
    let as_of = if s.as_of_is_default {
        format!("{} (the day after the latest transaction in the file)", s.as_of)
    } else {
        format!("{} (set in the settings; later transactions are left out)", s.as_of)
    };
    let frequency = match (s.frequency, s.order_column) {
        (FrequencyMeasure::Orders, Some(column)) => format!("distinct order ids (column “{column}”)"),
        (FrequencyMeasure::Orders, None) => "rows (the file has no order id column, so every row is an order)".to_owned(),
        (FrequencyMeasure::Days, _) => "distinct purchase days".to_owned(),
        (FrequencyMeasure::Rows, _) => "rows (order lines)".to_owned(),
    };
    let monetary = match s.monetary {
        MonetaryMeasure::Total => "total net spend (returns subtracted)",
        MonetaryMeasure::AverageOrder => "average order value (total net spend ÷ orders)",
    };
    let n = s.bins;
    let method = match s.method {
        ScoringMethod::Quantiles => format!(
            "tie-aware quantiles: the cut points are the type-7 quantiles at 1/{n} … {}/{n}; a value passes a cut point when it is greater; equal values always share a score",
            n - 1
        ),
        ScoringMethod::RRfm => "the R package rfm's method: breaks are the type-7 quantiles plus 1; each break starts the next score".to_owned(),
        ScoringMethod::Ntile => format!("SQL's NTILE({n}): {n} groups of equal size over the sorted values, ties broken by customer id"),
        ScoringMethod::RankFirst => format!("rank-first quantiles, as pandas qcut(rank(method='first'), {n}): ties broken by customer id"),
        ScoringMethod::Fixed => "fixed cut points from the settings; each cut point starts the next score".to_owned(),
    };
    vec![
        Definition { term: "As-of date".into(), text: as_of },
        Definition { term: "Recency".into(), text: "whole days from the customer's last purchase to the as-of date".into() },
        Definition { term: "Frequency".into(), text: frequency },
        Definition { term: "Monetary".into(), text: monetary.into() },
        Definition { term: "Scores".into(), text: format!("1 to {n}, {n} = best (most recent, most frequent, highest spend), by {method}") },
    ]
}

/// The definition of the segments: which map, how it is read, and how many
/// codes no segment covers.
pub fn segments_definition(map_name: &str, segments: usize, uncovered_codes: usize) -> Definition {
    let others = match uncovered_codes {
        0 => "every code belongs to a segment".to_owned(),
        1 => "1 code belongs to no segment: its customers are shown as Others".to_owned(),
        n => format!("{n} codes belong to no segment: their customers are shown as Others"),
    };
    Definition {
        term: "Segments".into(),
        text: format!("{map_name}: {segments} segments tested in order, the first match wins; {others}"),
    }
}

/// The name of a map for the definitions.
pub fn map_name(preset: Option<super::MapPreset>) -> &'static str {
    match preset {
        Some(super::MapPreset::Default) => "the 11-segment map over all 125 codes",
        Some(super::MapPreset::RRfm) => "the R package rfm's rule table",
        Some(super::MapPreset::RRfmLegacy) => "the R package rfm's legacy rules",
        None => "your own map",
    }
}

/// What a cut point boundary means, for the cut-point table.
pub fn boundary_text(boundary: Boundary) -> &'static str {
    match boundary {
        Boundary::Above => "a value equal to a cut point keeps the lower score",
        Boundary::From => "a value equal to a cut point gets the higher score",
    }
}

/// The hint when ties leave scores of a measure empty.
pub fn empty_bins_hint(measure: &str, empty: &[u8], bins: u8) -> String {
    let list: Vec<String> = empty.iter().map(u8::to_string).collect();
    let scores = if list.len() == 1 { format!("score {}", list[0]) } else { format!("scores {}", list.join(", ")) };
    format!(
        "{measure}: no customer has {scores} of {bins}, because many customers share the same value. \
         Use fewer bins or fixed thresholds to spread them out."
    )
}

/// The note when the earlier date has no transactions.
pub fn no_movement_before(date: Day) -> String {
    format!("No movement to show: the file has no transactions on or before {date}.")
}
