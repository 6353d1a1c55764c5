//! Greedy k-means++ seeding, as scikit-learn does it: each new centre is the
//! best of `2 + ln k` candidates drawn with probability proportional to the
//! squared distance to the centres chosen so far.

use rand::Rng;

use super::kernels::squared_distances;
use super::Points;

/// Picks `k` initial centroids (`k × d`, row-major) from `points`.
///
/// Panics if `points` is empty or `k` is 0.
pub fn kmeans_plus_plus(points: &Points, k: usize, rng: &mut impl Rng) -> Vec<f32> {
    let n = points.len();
    assert!(n > 0 && k > 0, "k-means++ needs points and k ≥ 1");
    let trials = 2 + (k as f64).ln() as usize;
    let mut centroids = points.row(rng.gen_range(0..n));
    let mut closest = vec![0f32; n];
    squared_distances(points, &centroids, &mut closest);
    let mut candidate = vec![0f32; n];
    let mut best_candidate = vec![0f32; n];
    let mut cumulative = vec![0f64; n];
    for _ in 1..k {
        let mut running = 0f64;
        for (c, &v) in cumulative.iter_mut().zip(&closest) {
            running += f64::from(v);
            *c = running;
        }
        let mut best: Option<(f64, usize)> = None;
        for _ in 0..trials {
            let target = rng.gen::<f64>() * running;
            let index = cumulative.partition_point(|&c| c <= target).min(n - 1);
            squared_distances(points, &points.row(index), &mut candidate);
            let potential: f64 = candidate.iter().zip(&closest).map(|(&a, &b)| f64::from(a.min(b))).sum();
            if best.is_none_or(|(p, _)| potential < p) {
                best = Some((potential, index));
                for ((o, &a), &b) in best_candidate.iter_mut().zip(&candidate).zip(&closest) {
                    *o = a.min(b);
                }
            }
        }
        let (_, index) = best.expect("at least two trials");
        centroids.extend(points.row(index));
        std::mem::swap(&mut closest, &mut best_candidate);
    }
    centroids
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_xoshiro::Xoshiro256PlusPlus;

    #[test]
    fn picks_one_centre_in_each_far_group() {
        let xs = vec![0.0, 0.1, 0.2, 50.0, 50.1, 50.2, 100.0, 100.1];
        let points = Points::from_columns(vec![xs]);
        for seed in 0..20 {
            let c = kmeans_plus_plus(&points, 3, &mut Xoshiro256PlusPlus::seed_from_u64(seed));
            let mut groups: Vec<i32> = c.iter().map(|&x| (x / 50.0).round() as i32).collect();
            groups.sort();
            assert_eq!(groups, [0, 1, 2], "seed {seed}: {c:?}");
        }
    }

    #[test]
    fn is_reproducible_from_the_seed() {
        let points = Points::from_columns(vec![(0..500).map(|i| ((i * 37) % 101) as f32).collect()]);
        let a = kmeans_plus_plus(&points, 5, &mut Xoshiro256PlusPlus::seed_from_u64(9));
        let b = kmeans_plus_plus(&points, 5, &mut Xoshiro256PlusPlus::seed_from_u64(9));
        assert_eq!(a, b);
    }
}
