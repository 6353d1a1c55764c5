//! The hot loops of K-means and its quality scores, written so that LLVM
//! vectorises them: structure-of-arrays `f32` columns, blocks of points,
//! no branches in the inner loops. On wasm32 each is compiled with `simd128`
//! (per function: enabling it crate-wide slows the CSV path down).
//!
//! Sums are always taken in the same order, and Rust never fuses multiply and
//! add on its own, so results are bit-identical natively and in wasm.

use super::Points;

/// Points handled per block: small enough that the block's distances stay in
/// the L1 cache.
pub const BLOCK: usize = 512;

/// For the points `start..start + labels.len()`, writes the index of the
/// nearest centroid (the first one on ties) and the squared distance to it.
/// `centroids` is `k × d`, row-major.
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
pub fn assign_block(points: &Points, start: usize, centroids: &[f32], labels: &mut [u32], best: &mut [f32]) {
    let n = labels.len();
    let d = points.dims();
    let mut dist = [0f32; BLOCK];
    let dist = &mut dist[..n];
    let best = &mut best[..n];
    best.fill(f32::INFINITY);
    labels.fill(0);
    for (j, centre) in centroids.chunks_exact(d).enumerate() {
        dist.fill(0.0);
        for (f, &c) in centre.iter().enumerate() {
            let column = &points.column(f)[start..start + n];
            for (acc, &x) in dist.iter_mut().zip(column) {
                let t = x - c;
                *acc += t * t;
            }
        }
        let j = j as u32;
        // Arithmetic rather than `if`: a select that may store back the old
        // value is turned into a per-lane conditional store, which does not
        // vectorise; this always stores a computed value.
        for ((b, l), &v) in best.iter_mut().zip(labels.iter_mut()).zip(dist.iter()) {
            let closer = v < *b;
            *l = l.wrapping_add(j.wrapping_sub(*l).wrapping_mul(u32::from(closer)));
            // Not `f32::min`: its NaN rule becomes a call to `fminf` in wasm.
            *b = if closer { v } else { *b };
        }
    }
}

/// Squared distance of every point to `centre`, written to `out`.
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
pub fn squared_distances(points: &Points, centre: &[f32], out: &mut [f32]) {
    out.fill(0.0);
    for (f, &c) in centre.iter().enumerate() {
        for (acc, &x) in out.iter_mut().zip(points.column(f)) {
            let t = x - c;
            *acc += t * t;
        }
    }
}

/// Sum of Euclidean distances from `point` to the points `range` of
/// `points`, in fixed-size lanes so the sum vectorises yet stays
/// reproducible.
#[cfg_attr(target_arch = "wasm32", target_feature(enable = "simd128"))]
pub fn distance_sum(points: &Points, point: &[f32], range: std::ops::Range<usize>) -> f64 {
    const LANES: usize = 8;
    let mut total = 0f64;
    let mut start = range.start;
    while start < range.end {
        let end = (start + BLOCK).min(range.end);
        let mut sq = [0f32; BLOCK];
        let sq = &mut sq[..end - start];
        for (f, &c) in point.iter().enumerate() {
            for (acc, &x) in sq.iter_mut().zip(&points.column(f)[start..end]) {
                let t = x - c;
                *acc += t * t;
            }
        }
        let mut lanes = [0f32; LANES];
        let mut chunks = sq.chunks_exact(LANES);
        for chunk in &mut chunks {
            for (l, &v) in lanes.iter_mut().zip(chunk) {
                *l += v.sqrt();
            }
        }
        let tail: f32 = chunks.remainder().iter().map(|v| v.sqrt()).sum();
        total += f64::from(lanes.iter().sum::<f32>() + tail);
        start = end;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points() -> Points {
        Points::from_columns(vec![vec![0.0, 1.0, 9.0, 10.0, 5.0], vec![0.0, 0.0, 0.0, 0.0, 0.0]])
    }

    #[test]
    fn assigns_each_point_to_its_nearest_centroid() {
        let p = points();
        let mut labels = [9u32; 5];
        let mut best = [0f32; 5];
        assign_block(&p, 0, &[0.0, 0.0, 10.0, 0.0], &mut labels, &mut best);
        assert_eq!(labels, [0, 0, 1, 1, 0]); // 5 is a tie: the first centroid wins
        assert_eq!(best, [0.0, 1.0, 1.0, 0.0, 25.0]);
    }

    #[test]
    fn assigns_a_block_in_the_middle() {
        let p = points();
        let mut labels = [0u32; 2];
        let mut best = [0f32; 2];
        assign_block(&p, 2, &[0.0, 0.0, 10.0, 0.0], &mut labels, &mut best);
        assert_eq!(labels, [1, 1]);
    }

    #[test]
    fn distance_sums_match_a_plain_loop() {
        let n = 2000;
        let xs: Vec<f32> = (0..n).map(|i| (i as f32 * 0.37).sin()).collect();
        let ys: Vec<f32> = (0..n).map(|i| (i as f32 * 0.11).cos()).collect();
        let p = Points::from_columns(vec![xs.clone(), ys.clone()]);
        let plain: f64 = (3..1900).map(|j| f64::from(((xs[j] - 0.5).powi(2) + (ys[j] + 0.25).powi(2)).sqrt())).sum();
        let fast = distance_sum(&p, &[0.5, -0.25], 3..1900);
        assert!((plain - fast).abs() < 1e-3 * plain, "{plain} {fast}");
    }

    #[test]
    fn squared_distances_to_one_centre() {
        let mut out = [0f32; 5];
        squared_distances(&points(), &[1.0, 1.0], &mut out);
        assert_eq!(out, [2.0, 1.0, 65.0, 82.0, 17.0]);
    }
}
