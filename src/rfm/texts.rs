//! Every sentence the RFM report says about how it measured and scored, in
//! one place, each as a [`Message`] (the CLI shows the English text, the page
//! translates the code).

use serde::Serialize;

use super::{Boundary, FrequencyMeasure, MonetaryMeasure, ScoringMethod};
use crate::date::Day;
use crate::message::{Code, Message};

/// One stated definition: a term and what it means in this analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Definition {
    /// "Recency", "Frequency", …
    pub term: Message,
    /// What it is here.
    pub text: Message,
}

fn definition(term: Code, name: &str, text: Message) -> Definition {
    Definition { term: Message::new(term, name), text }
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
    let date = s.as_of.to_string();
    let as_of = if s.as_of_is_default {
        Message::new(Code::AsOfDefault, format!("{date} (the day after the latest transaction in the file)"))
    } else {
        Message::new(Code::AsOfSet, format!("{date} (set in the settings; later transactions are left out)"))
    }
    .with("date", &date);
    let frequency = match (s.frequency, s.order_column) {
        (FrequencyMeasure::Orders, Some(column)) => {
            Message::new(Code::FrequencyOrders, format!("distinct order ids (column “{column}”)")).with("column", column)
        }
        (FrequencyMeasure::Orders, None) => {
            Message::new(Code::FrequencyNoOrderColumn, "rows (the file has no order id column, so every row is an order)")
        }
        (FrequencyMeasure::Days, _) => Message::new(Code::FrequencyDays, "distinct purchase days"),
        (FrequencyMeasure::Rows, _) => Message::new(Code::FrequencyRows, "rows (order lines)"),
    };
    let monetary = match s.monetary {
        MonetaryMeasure::Total => Message::new(Code::MonetaryTotal, "total net spend (returns subtracted)"),
        MonetaryMeasure::AverageOrder => Message::new(Code::MonetaryAverageOrder, "average order value (total net spend ÷ orders)"),
    };
    let n = s.bins;
    let (code, method) = match s.method {
        ScoringMethod::Quantiles => (
            Code::ScoresQuantiles,
            format!(
                "tie-aware quantiles: the cut points are the type-7 quantiles at 1/{n} … {}/{n}; a value passes a cut point when it is greater; equal values always share a score",
                n - 1
            ),
        ),
        ScoringMethod::RRfm => {
            (Code::ScoresRRfm, "the R package rfm's method: breaks are the type-7 quantiles plus 1; each break starts the next score".to_owned())
        }
        ScoringMethod::Ntile => {
            (Code::ScoresNtile, format!("SQL's NTILE({n}): {n} groups of equal size over the sorted values, ties broken by customer id"))
        }
        ScoringMethod::RankFirst => {
            (Code::ScoresRankFirst, format!("rank-first quantiles, as pandas qcut(rank(method='first'), {n}): ties broken by customer id"))
        }
        ScoringMethod::Fixed => (Code::ScoresFixed, "fixed cut points from the settings; each cut point starts the next score".to_owned()),
    };
    let scores = Message::new(code, format!("1 to {n}, {n} = best (most recent, most frequent, highest spend), by {method}")).with("bins", n);
    vec![
        definition(Code::TermAsOf, "As-of date", as_of),
        definition(Code::TermRecency, "Recency", Message::new(Code::Recency, "whole days from the customer's last purchase to the as-of date")),
        definition(Code::TermFrequency, "Frequency", frequency),
        definition(Code::TermMonetary, "Monetary", monetary),
        definition(Code::TermScores, "Scores", scores),
    ]
}

/// The definition of the segments: which map, how it is read, and how many
/// codes no segment covers.
pub fn segments_definition(preset: Option<super::MapPreset>, segments: usize, uncovered_codes: usize) -> Definition {
    let others = match uncovered_codes {
        0 => "every code belongs to a segment".to_owned(),
        1 => "1 code belongs to no segment: its customers are shown as Others".to_owned(),
        n => format!("{n} codes belong to no segment: their customers are shown as Others"),
    };
    let map = match preset {
        Some(super::MapPreset::Default) => "default",
        Some(super::MapPreset::RRfm) => "rRfm",
        Some(super::MapPreset::RRfmLegacy) => "rRfmLegacy",
        None => "custom",
    };
    let text = format!("{}: {segments} segments tested in order, the first match wins; {others}", map_name(preset));
    let text = Message::new(Code::Segments, text).with("map", map).with("segments", segments).with("uncovered", uncovered_codes);
    definition(Code::TermSegments, "Segments", text)
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
pub fn boundary_text(boundary: Boundary) -> Message {
    match boundary {
        Boundary::Above => Message::new(Code::BoundaryAbove, "a value equal to a cut point keeps the lower score"),
        Boundary::From => Message::new(Code::BoundaryFrom, "a value equal to a cut point gets the higher score"),
    }
}

/// The hint when ties leave scores of a measure empty: `measure` is
/// `recency`, `frequency` or `monetary`, `cuts` its cut points.
pub fn empty_bins_hint(measure: &'static str, empty: &[u8], bins: u8, cuts: &[f64]) -> Message {
    let list: Vec<String> = empty.iter().map(u8::to_string).collect();
    let scores = if list.len() == 1 { format!("score {}", list[0]) } else { format!("scores {}", list.join(", ")) };
    let cut_list: Vec<String> = cuts.iter().map(|c| ((c * 100.0).round() / 100.0).to_string()).collect();
    let mut title = measure.to_owned();
    title[..1].make_ascii_uppercase();
    let text = format!(
        "{title}: no customer has {scores} of {bins}, because many customers share the same value (cut points {}). \
         Use fewer bins or fixed thresholds to spread them out.",
        cut_list.join(", ")
    );
    Message::new(Code::EmptyScores, text).with("measure", measure).with("scores", empty).with("bins", bins).with("cuts", cuts)
}

/// The note when the earlier date has no transactions.
pub fn no_movement_before(date: Day) -> Message {
    let text = format!("No movement to show: the file has no transactions on or before {date}.");
    Message::new(Code::NoMovementBefore, text).with("date", date.to_string())
}
