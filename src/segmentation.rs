//! The RFM stage of the pipeline: customers → measures → scores →
//! segments, with the [`RfmReport`] (cut points, coverage, summaries,
//! concentration, tiers and movement).

use std::collections::HashMap;

use crate::date::Day;
use crate::ingest::{read_customers, ColumnSpec, Customers};
use crate::report::{Coverage, CoverageCell, RfmReport, ScaleReport, Scales};
use crate::rfm::{
    boundary_text, code_of, definitions, empty_bins_hint, no_movement_before, score_bins, score_with, MapIndex, RfmError,
    RfmOptions, RfmTable, Scale, Scores, SegmentMap, Stated,
};
use crate::summary::{concentration, movement, summarize, value_tiers, Movement, ValueTier};

/// The RFM results of every customer, and their report.
#[derive(Debug, Clone)]
pub struct RfmStage {
    /// Their R, F and M.
    pub rfm: RfmTable,
    /// Their scores.
    pub scores: Scores,
    /// The segment map used.
    pub map: SegmentMap,
    /// The map's answer for every code, and its segment names ("Others" last).
    pub index: MapIndex,
    /// Each customer's segment number (index into the names).
    pub segments: Vec<usize>,
    /// Each customer's value tier.
    pub tiers: Vec<ValueTier>,
    /// The summary shown to the user.
    pub report: RfmReport,
}

/// Where the customers came from, for the movement re-read.
pub struct Source<'a> {
    /// The file's bytes.
    pub bytes: &'a [u8],
    /// Its columns.
    pub columns: &'a ColumnSpec,
    /// The order id column's name, if any.
    pub order_column: Option<&'a str>,
    /// True when the as-of date is the default one.
    pub as_of_is_default: bool,
}

/// Measures, scores and segments `customers` at `as_of` as `options` say.
pub fn segment(customers: &Customers, as_of: Day, options: &RfmOptions, source: &Source) -> Result<RfmStage, RfmError> {
    options.check()?;
    let map = options.segment_map();
    let index = map.index(options.bins)?;
    let rfm = RfmTable::measure(customers, as_of, options.frequency, options.monetary);
    let scores = score_with(&rfm, &customers.ids, options);
    let segments = assign(&scores, &index);
    let tiers = value_tiers(&scores.r, &customers.orders, &customers.monetary, options.bins);

    let segment_rows = summarize(&segments, index.len(), &rfm, customers, |g| match map.segments.get(g) {
        Some(rule) => (rule.name.clone(), rule.description_text(), rule.action_text()),
        None => {
            let others = crate::rfm::Segment::Others;
            (index.name(g).to_owned(), others.description().to_owned(), others.action().to_owned())
        }
    });
    let tier_labels: Vec<usize> = tiers.iter().map(|t| ValueTier::ALL.iter().position(|a| a == t).unwrap_or(0)).collect();
    let tier_rows = summarize(&tier_labels, ValueTier::ALL.len(), &rfm, customers, |g| {
        let t = ValueTier::ALL[g];
        (t.name().to_owned(), t.description().to_owned(), t.action().to_owned())
    });
    let scales = scales(&rfm, &scores);
    let hints = [("Recency", &scales.recency), ("Frequency", &scales.frequency), ("Monetary", &scales.monetary)]
        .into_iter()
        .filter(|(_, s)| !s.empty.is_empty())
        .map(|(name, s)| empty_bins_hint(name, &s.empty, options.bins))
        .collect();
    let (movement, movement_note) = match options.movement_days {
        0 => (None, None),
        days => match earlier(customers, &scores, &index, &segments, options, source, (Day(as_of.0 - days as i32), as_of)) {
            Ok(m) => (Some(m), None),
            Err(note) => (None, Some(note)),
        },
    };
    let stated = Stated {
        as_of,
        as_of_is_default: source.as_of_is_default,
        order_column: source.order_column,
        frequency: options.frequency,
        monetary: options.monetary,
        method: options.method,
        bins: options.bins,
    };
    let report = RfmReport {
        bins: options.bins,
        method: options.method,
        frequency: options.frequency,
        monetary: options.monetary,
        definitions: definitions(&stated),
        scales,
        hints,
        map: map.clone(),
        segments: segment_rows,
        coverage: coverage(&index, &scores),
        concentration: concentration(&customers.monetary),
        tiers: tier_rows,
        movement,
        movement_note,
    };
    Ok(RfmStage { rfm, scores, map, index, segments, tiers, report })
}

fn assign(scores: &Scores, index: &MapIndex) -> Vec<usize> {
    (0..scores.r.len()).map(|i| index.segment_of(scores.r[i], scores.f[i], scores.m[i])).collect()
}

fn scales(rfm: &RfmTable, scores: &Scores) -> Scales {
    let report = |values: Vec<f64>, s: &[u8], scale: &Scale| {
        let bins = score_bins(&values, s, scores.bins);
        let empty = bins.iter().filter(|b| b.customers == 0).map(|b| b.score).collect();
        ScaleReport { cuts: scale.cuts.clone(), boundary: scale.boundary, boundary_text: boundary_text(scale.boundary).to_owned(), scores: bins, empty }
    };
    Scales {
        recency: report(rfm.recency.iter().map(|&v| f64::from(v)).collect(), &scores.r, &scores.recency),
        frequency: report(rfm.frequency.iter().map(|&v| f64::from(v)).collect(), &scores.f, &scores.frequency),
        monetary: report(rfm.monetary.clone(), &scores.m, &scores.monetary),
    }
}

fn coverage(index: &MapIndex, scores: &Scores) -> Coverage {
    let bins = index.bins();
    let mut per_code: HashMap<u16, usize> = HashMap::new();
    for i in 0..scores.r.len() {
        *per_code.entry(scores.code(i)).or_default() += 1;
    }
    let mut cells = Vec::new();
    let mut codes_per_segment = vec![0; index.len()];
    for r in 1..=bins {
        for f in 1..=bins {
            for m in 1..=bins {
                let code = code_of(r, f, m);
                let segment = index.segment_of(r, f, m);
                codes_per_segment[segment] += 1;
                cells.push(CoverageCell { code, segment, customers: per_code.get(&code).copied().unwrap_or(0) });
            }
        }
    }
    Coverage { segments: index.names().to_vec(), codes_per_segment, cells }
}

/// The same scoring at `date` (only transactions up to it, the later run's
/// cut points), as a from → to matrix.
fn earlier(
    customers: &Customers,
    scores: &Scores,
    index: &MapIndex,
    segments: &[usize],
    options: &RfmOptions,
    source: &Source,
    (date, as_of): (Day, Day),
) -> Result<Movement, String> {
    let then = read_customers(source.bytes, source.columns, Some(date)).map_err(|_| no_movement_before(date))?.customers;
    let rfm = RfmTable::measure(&then, date, options.frequency, options.monetary);
    let old = scores.rescore(&rfm);
    let old_segments = assign(&old, index);
    let by_id: HashMap<&str, usize> = then.ids.iter().enumerate().map(|(i, id)| (id.as_str(), old_segments[i])).collect();
    let before: Vec<Option<usize>> = customers.ids.iter().map(|id| by_id.get(id.as_str()).copied()).collect();
    Ok(movement(date, as_of, index.names().to_vec(), &before, segments))
}
