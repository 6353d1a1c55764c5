//! The RFM stage of the pipeline: customers → measures → scores →
//! segments, with the [`RfmReport`] (cut points, coverage, summaries,
//! concentration, tiers and movement).

use std::collections::HashMap;

use crate::date::Day;
use crate::ingest::{Customers, Snapshot};
use crate::report::{Coverage, CoverageCell, RfmReport, ScaleReport, Scales};
use crate::rfm::{
    boundary_text, code_of, definitions, empty_bins_hint, score_bins, score_with,
    segments_definition, MapIndex, RfmError, RfmOptions, RfmTable, Scale, Scores, SegmentMap, Stated,
};
use crate::summary::{concentration, movement, rf_grid, summarize, value_tiers, Movement, ValueTier};

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

/// Where the customers came from, for the movement.
pub struct Source<'a> {
    /// The customers as of an earlier date (only the transactions up to
    /// it, gathered while the file was read), for the movement; `Err` holds
    /// the note shown instead.
    pub earlier: &'a dyn Fn(Day) -> Result<Snapshot, crate::message::Message>,
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
    let hints = [("recency", &scales.recency), ("frequency", &scales.frequency), ("monetary", &scales.monetary)]
        .into_iter()
        .filter(|(_, s)| !s.empty.is_empty())
        .map(|(name, s)| empty_bins_hint(name, &s.empty, options.bins, &s.cuts))
        .collect();
    let (movement, movement_note) = match options.movement_days {
        0 => (None, None),
        days => match earlier(customers, &scores, &index, &segments, options, source, (Day(as_of.0.saturating_sub(i32::try_from(days).unwrap_or(i32::MAX))), as_of)) {
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
    let coverage = coverage(&index, &scores);
    let mut definitions = definitions(&stated);
    // A map equal to its preset (as a saved settings file holds it) is still that preset.
    let preset = (map == SegmentMap::preset(options.preset)).then_some(options.preset);
    let uncovered = coverage.codes_per_segment.last().copied().unwrap_or(0);
    definitions.push(segments_definition(preset, map.segments.len(), uncovered));
    let report = RfmReport {
        bins: options.bins,
        method: options.method,
        frequency: options.frequency,
        monetary: options.monetary,
        definitions,
        scales,
        hints,
        map: map.clone(),
        segments: segment_rows,
        coverage,
        grid: rf_grid(scores.bins, &scores.r, &scores.f, &rfm.monetary),
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
        ScaleReport { cuts: scale.cuts.clone(), boundary: scale.boundary, boundary_text: boundary_text(scale.boundary), scores: bins, empty }
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
) -> Result<Movement, crate::message::Message> {
    let then = (source.earlier)(date)?;
    let rfm = RfmTable::measure(&then.customers, date, options.frequency, options.monetary);
    let old = scores.rescore(&rfm);
    let old_segments = assign(&old, index);
    let mut before: Vec<Option<usize>> = vec![None; customers.len()];
    for (&later, &segment) in then.positions.iter().zip(&old_segments) {
        before[later] = Some(segment);
    }
    Ok(movement(date, as_of, index.names().to_vec(), &before, segments))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{IngestOptions, IngestStream};
    use crate::rfm::no_movement_before;
    use crate::rfm::{MapPreset, ScoreRanges, SegmentRule};

    const CSV: &str = "customer,date,amount\na,2024-01-01,100\na,2024-06-01,100\nb,2024-01-15,10\nc,2024-05-20,50\nd,2024-06-10,5\n";

    fn run(options: &RfmOptions) -> RfmStage {
        let mut stream = IngestStream::new(&IngestOptions::default(), None).with_movement(options.movement_days);
        stream.push(CSV.as_bytes()).unwrap();
        let read = stream.finish().unwrap();
        let earlier =
            |date| read.customers_at(date).filter(|then| !then.positions.is_empty()).ok_or_else(|| no_movement_before(date));
        let source = Source { earlier: &earlier, order_column: None, as_of_is_default: true };
        segment(&read.customers, Day::from_ymd(2024, 6, 11).unwrap(), options, &source).unwrap()
    }

    #[test]
    fn movement_counts_customers_from_their_earlier_segment_and_new_ones_apart() {
        let stage = run(&RfmOptions { bins: 3, preset: MapPreset::RRfm, movement_days: 30, ..RfmOptions::default() });
        let m = stage.report.movement.unwrap();
        assert_eq!((m.from_as_of.to_string(), m.to_as_of.to_string()), ("2024-05-12".into(), "2024-06-11".into()));
        // c and d first bought after 2024-05-12.
        assert_eq!(m.counts.last().unwrap().iter().sum::<usize>(), 2);
        assert_eq!(m.counts.iter().flatten().sum::<usize>(), 4);
        assert_eq!(m.moved + m.stayed, 2);
    }

    #[test]
    fn an_earlier_date_before_the_first_transaction_gives_a_note_not_an_error() {
        let stage = run(&RfmOptions { bins: 3, preset: MapPreset::RRfm, movement_days: 400, ..RfmOptions::default() });
        assert!(stage.report.movement.is_none());
        assert_eq!(stage.report.movement_note.unwrap().text, "No movement to show: the file has no transactions on or before 2023-05-08.");
    }

    #[test]
    fn an_absurd_movement_window_is_a_note_too() {
        let stage = run(&RfmOptions { bins: 3, preset: MapPreset::RRfm, movement_days: u32::MAX, ..RfmOptions::default() });
        assert!(stage.report.movement.is_none() && stage.report.movement_note.is_some());
    }

    #[test]
    fn customers_no_rule_covers_are_others_and_never_dropped() {
        let only_recent = SegmentRule {
            name: "Recent".into(),
            playbook: None,
            codes: vec![],
            ranges: vec![ScoreRanges { r: [3, 3], f: [1, 3], m: [1, 3] }],
            description: None,
            action: Some("Say thanks.".into()),
        };
        let map = SegmentMap { segments: vec![only_recent] };
        let stage = run(&RfmOptions { bins: 3, map: Some(map), movement_days: 0, ..RfmOptions::default() });
        let rows = &stage.report.segments;
        assert_eq!(rows.iter().map(|r| r.customers).sum::<usize>(), 4);
        assert_eq!(rows.last().unwrap().name, "Others");
        assert_eq!(rows[0].action, "Say thanks.");
        assert_eq!(stage.report.coverage.codes_per_segment, [9, 18]);
    }
}
