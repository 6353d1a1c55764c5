//! Golden tests: each method on one small fixture, with the expected scores
//! computed by hand and by the references themselves (numpy's linear
//! quantiles for the quantile methods, SQLite's `NTILE` for NTILE, pandas
//! 3.0 `qcut(rank(method="first"))` for rank-first).

use super::*;
use crate::rfm::ranks;
use crate::date::Day;
use crate::rfm::{RfmOptions, Thresholds};

/// Ten customers with ties in every measure (three bought 40 days ago,
/// six bought once, two spent 40).
fn fixture() -> (RfmTable, Vec<String>) {
    let rfm = RfmTable {
        as_of: Day(0),
        recency: vec![5, 40, 40, 12, 300, 7, 90, 40, 1, 200],
        frequency: vec![1, 1, 1, 2, 1, 3, 1, 5, 1, 2],
        monetary: vec![10.0, 250.5, 40.0, 40.0, 5.0, 120.0, 60.0, 900.0, 15.0, 75.0],
    };
    let ids = (1..=10).map(|i| format!("c{i:02}")).collect();
    (rfm, ids)
}

fn run(method: ScoringMethod) -> Scores {
    let (rfm, ids) = fixture();
    score_with(&rfm, &ids, &RfmOptions { method, ..RfmOptions::default() })
}

fn assert_close(actual: &[f64], expected: &[f64]) {
    assert_eq!(actual.len(), expected.len(), "{actual:?}");
    for (a, e) in actual.iter().zip(expected) {
        assert!((a - e).abs() < 1e-9, "{actual:?} != {expected:?}");
    }
}

/// Checks the R, F and M scores of the fixture's ten customers.
fn assert_scores(s: &Scores, r: [u8; 10], f: [u8; 10], m: [u8; 10]) {
    assert_eq!((s.r.as_slice(), s.f.as_slice(), s.m.as_slice()), (&r[..], &f[..], &m[..]));
}

#[test]
fn quintile_cut_points_of_one_to_ten() {
    let values: Vec<f64> = (1..=10).map(f64::from).collect();
    let cuts = cut_points(&values, 5);
    // h = 9p: 1.8, 3.6, 5.4, 7.2 → 2.8, 4.6, 6.4, 8.2
    assert_close(&cuts, &[2.8, 4.6, 6.4, 8.2]);
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
    let rfm = RfmTable { as_of: Day(0), recency: vec![3], frequency: vec![2], monetary: vec![10.0] };
    let s = score(&rfm, 5);
    assert_eq!((s.r[0], s.f[0], s.m[0]), (5, 1, 1));
}

#[test]
fn tie_aware_quantiles_golden() {
    // Frequency sorted: 1 1 1 1 1 1 2 2 3 5; h = 9p → cuts 1, 1, 1.4, 2.2:
    // one order passes no cut (1), two orders pass three (4): scores 2 and 3 stay empty.
    let s = run(ScoringMethod::Quantiles);
    assert_close(&s.recency.cuts, &[6.6, 28.8, 40.0, 112.0]);
    assert_close(&s.frequency.cuts, &[1.0, 1.0, 1.4, 2.2]);
    assert_close(&s.monetary.cuts, &[14.0, 40.0, 66.0, 146.1]);
    assert_eq!(s.recency.boundary, Boundary::Above);
    assert_scores(&s, [5, 3, 3, 4, 1, 4, 2, 3, 5, 1], [1, 1, 1, 4, 1, 5, 1, 5, 1, 4], [1, 5, 2, 2, 1, 4, 3, 5, 2, 4]);
}

#[test]
fn r_rfm_golden() {
    // Breaks = quantiles + 1, bins [lower, upper): frequency breaks 2, 2, 2.4, 3.2
    // make bin 2 = [2, 2) empty, so two orders score 3.
    let s = run(ScoringMethod::RRfm);
    assert_close(&s.recency.cuts, &[7.6, 29.8, 41.0, 113.0]);
    assert_close(&s.frequency.cuts, &[2.0, 2.0, 2.4, 3.2]);
    assert_close(&s.monetary.cuts, &[15.0, 41.0, 67.0, 147.1]);
    assert_eq!(s.recency.boundary, Boundary::From);
    assert_scores(&s, [5, 3, 3, 4, 1, 5, 2, 3, 5, 1], [1, 1, 1, 3, 1, 4, 1, 5, 1, 3], [1, 5, 2, 2, 1, 4, 3, 5, 2, 4]);
}

#[test]
fn r_rfm_breaks_are_the_interior_quantiles_plus_one() {
    // 995 values 0..=994: index 1 + 994·j/5 → quantiles 198.8, 397.6, 596.4, 795.2.
    let values: Vec<f64> = (0..995).map(f64::from).collect();
    assert_close(&r_rfm_breaks(&values, 5), &[199.8, 398.6, 597.4, 796.2]);
}

#[test]
fn ntile_golden() {
    // SELECT NTILE(5) OVER (ORDER BY recency DESC, id), … in SQLite 3.40.
    // Recency 40 (c02, c03, c08) straddles groups 2 and 3, split by id.
    let s = run(ScoringMethod::Ntile);
    assert_scores(&s, [5, 2, 3, 4, 1, 4, 2, 3, 5, 1], [1, 1, 2, 4, 2, 5, 3, 5, 3, 4], [1, 5, 2, 3, 1, 4, 3, 5, 2, 4]);
}

#[test]
fn ntile_puts_the_larger_groups_first() {
    let ids: Vec<String> = (0..7).map(|i| i.to_string()).collect();
    let values: Vec<f64> = (0..7).map(f64::from).collect();
    assert_eq!(ranks::ntile(&values, &ids, 3, false), [1, 1, 1, 2, 2, 3, 3]);
    assert_eq!(ranks::ntile(&values[..2], &ids[..2], 3, false), [1, 2]);
}

#[test]
fn rank_first_golden() {
    // pandas: qcut(rank(method="first"), 5, labels=…) on the id-sorted table.
    let s = run(ScoringMethod::RankFirst);
    assert_scores(&s, [5, 3, 3, 4, 1, 4, 2, 2, 5, 1], [1, 1, 2, 4, 2, 5, 3, 5, 3, 4], [1, 5, 2, 3, 1, 4, 3, 5, 2, 4]);
    // Derived cut points: the lowest value of each higher score.
    assert_eq!(s.frequency.cuts, [1.0, 1.0, 2.0, 3.0]);
}

#[test]
fn rank_methods_break_ties_by_customer_id_not_file_order() {
    let (mut rfm, mut ids) = fixture();
    rfm.recency.reverse();
    rfm.frequency.reverse();
    rfm.monetary.reverse();
    ids.reverse();
    let s = score_with(&rfm, &ids, &RfmOptions { method: ScoringMethod::Ntile, ..RfmOptions::default() });
    let mut r = s.r.clone();
    r.reverse();
    assert_eq!(r, run(ScoringMethod::Ntile).r);
}

#[test]
fn fixed_thresholds_golden() {
    // Each cut point starts the next bin: 40 days with cuts 12, 40 is bin 3 → R 1.
    let (rfm, ids) = fixture();
    let options = RfmOptions {
        bins: 3,
        method: ScoringMethod::Fixed,
        thresholds: Thresholds { recency: vec![12.0, 40.0], frequency: vec![2.0, 5.0], monetary: vec![40.0, 250.5] },
        ..RfmOptions::default()
    };
    let s = score_with(&rfm, &ids, &options);
    assert_scores(&s, [3, 1, 1, 2, 1, 3, 1, 1, 3, 1], [1, 1, 1, 2, 1, 2, 1, 3, 1, 2], [1, 3, 2, 2, 1, 2, 2, 3, 1, 2]);
}

#[test]
fn fewer_bins_score_up_to_the_number_of_bins() {
    let (rfm, ids) = fixture();
    for method in [ScoringMethod::Quantiles, ScoringMethod::RRfm, ScoringMethod::Ntile, ScoringMethod::RankFirst] {
        for bins in 3..=5 {
            let s = score_with(&rfm, &ids, &RfmOptions { bins, method, ..RfmOptions::default() });
            for scores in [&s.r, &s.f, &s.m] {
                assert!(scores.iter().all(|&x| (1..=bins).contains(&x)), "{method:?} {bins}: {scores:?}");
            }
        }
    }
}

#[test]
fn rescoring_with_the_same_cut_points_reproduces_the_threshold_methods() {
    let (rfm, _) = fixture();
    for method in [ScoringMethod::Quantiles, ScoringMethod::RRfm] {
        let s = run(method);
        let again = s.rescore(&rfm);
        assert_eq!((&again.r, &again.f, &again.m), (&s.r, &s.f, &s.m), "{method:?}");
    }
}
