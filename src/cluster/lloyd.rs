//! Lloyd's algorithm from given initial centroids.
//!
//! Differences from linfa-clustering 0.8 (each would suit an upstream patch):
//! the convergence test is relative, as scikit-learn's (the summed squared
//! centroid shift against `tolerance × mean feature variance`), and it also
//! stops as soon as no label changes; the centroid update is the plain mean
//! (linfa counts the old centroid as one more member); an empty cluster is
//! moved to the point farthest from its centroid instead of staying put.

use super::kernels::{assign_block, BLOCK};
use super::Points;

/// The outcome of one Lloyd run.
#[derive(Debug, Clone, PartialEq)]
pub struct LloydRun {
    /// Cluster of each point.
    pub labels: Vec<u32>,
    /// Final centroids, `k × d` row-major.
    pub centroids: Vec<f32>,
    /// Sum of squared distances of points to their centroid.
    pub inertia: f64,
    /// Iterations run (assignment steps).
    pub iterations: u32,
    /// False when the iteration cap stopped it.
    pub converged: bool,
}

/// Runs Lloyd iterations from `centroids` (`k × d`, row-major) until no
/// label changes, the summed squared centroid shift is at most `shift_limit`,
/// or `max_iterations` assignment steps have run. Labels and inertia always
/// belong to the returned centroids.
pub fn lloyd(points: &Points, mut centroids: Vec<f32>, max_iterations: u32, shift_limit: f64) -> LloydRun {
    let n = points.len();
    let mut labels = vec![u32::MAX; n];
    let mut best = vec![0f32; n];
    let mut iterations = 0;
    loop {
        let (inertia, changed) = assign_all(points, &centroids, &mut labels, &mut best);
        iterations += 1;
        if changed == 0 {
            return LloydRun { labels, centroids, inertia, iterations, converged: true };
        }
        if iterations >= max_iterations {
            return LloydRun { labels, centroids, inertia, iterations, converged: false };
        }
        let updated = update_centroids(points, &labels, &best, &centroids);
        let shift: f64 = updated.iter().zip(&centroids).map(|(a, b)| f64::from(a - b).powi(2)).sum();
        centroids = updated;
        if shift <= shift_limit {
            let (inertia, _) = assign_all(points, &centroids, &mut labels, &mut best);
            return LloydRun { labels, centroids, inertia, iterations: iterations + 1, converged: true };
        }
    }
}

/// Assigns every point; returns the inertia and how many labels changed.
pub fn assign_all(points: &Points, centroids: &[f32], labels: &mut [u32], best: &mut [f32]) -> (f64, usize) {
    let mut block_labels = [0u32; BLOCK];
    let mut inertia = 0f64;
    let mut changed = 0;
    for start in (0..points.len()).step_by(BLOCK) {
        let end = (start + BLOCK).min(points.len());
        let fresh = &mut block_labels[..end - start];
        assign_block(points, start, centroids, fresh, &mut best[start..end]);
        for (old, &new) in labels[start..end].iter_mut().zip(fresh.iter()) {
            changed += usize::from(*old != new);
            *old = new;
        }
        inertia += best[start..end].iter().map(|&v| f64::from(v)).sum::<f64>();
    }
    (inertia, changed)
}

/// The mean of each cluster's points; an empty cluster takes the point
/// farthest from its own centroid (each such point used once).
fn update_centroids(points: &Points, labels: &[u32], best: &[f32], old: &[f32]) -> Vec<f32> {
    let d = points.dims();
    let k = old.len() / d;
    // Four interleaved sets of sums break the chain of dependent additions
    // when neighbouring points share a cluster (the usual case).
    const SETS: usize = 4;
    let mut partial = vec![0f64; SETS * k * d];
    let mut counts = vec![0usize; k];
    for &l in labels {
        counts[l as usize] += 1;
    }
    for f in 0..d {
        let column = points.column(f);
        for (i, (&l, &x)) in labels.iter().zip(column).enumerate() {
            partial[(i % SETS) * k * d + l as usize * d + f] += f64::from(x);
        }
    }
    let sums: Vec<f64> = (0..k * d).map(|c| (0..SETS).map(|set| partial[set * k * d + c]).sum()).collect();
    let mut centroids: Vec<f32> = sums
        .chunks_exact(d)
        .zip(&counts)
        .flat_map(|(s, &c)| s.iter().map(move |v| if c > 0 { (v / c as f64) as f32 } else { 0.0 }))
        .collect();
    let empty: Vec<usize> = (0..k).filter(|&j| counts[j] == 0).collect();
    if !empty.is_empty() {
        let mut order: Vec<usize> = (0..labels.len()).collect();
        order.sort_by(|&a, &b| best[b].total_cmp(&best[a]).then(a.cmp(&b)));
        for (j, &i) in empty.iter().zip(&order) {
            centroids[j * d..(j + 1) * d].copy_from_slice(&points.row(i));
        }
    }
    centroids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line() -> Points {
        Points::from_columns(vec![vec![0.0, 1.0, 2.0, 10.0, 11.0, 12.0]])
    }

    #[test]
    fn converges_to_the_two_groups_of_a_line() {
        let run = lloyd(&line(), vec![0.0, 1.0], 100, 0.0);
        assert_eq!(run.labels, [0, 0, 0, 1, 1, 1]);
        assert_eq!(run.centroids, [1.0, 11.0]);
        assert_eq!(run.inertia, 4.0);
        assert!(run.converged);
    }

    #[test]
    fn the_iteration_cap_is_reported() {
        let run = lloyd(&line(), vec![0.0, 1.0], 1, 0.0);
        assert_eq!(run.iterations, 1);
        assert!(!run.converged);
    }

    #[test]
    fn an_empty_cluster_moves_to_the_farthest_point() {
        // The third centroid is far from everything and gets no points first.
        let run = lloyd(&line(), vec![1.0, 11.0, 100.0], 100, 0.0);
        let mut sizes = [0; 3];
        for &l in &run.labels {
            sizes[l as usize] += 1;
        }
        assert!(sizes.iter().all(|&s| s > 0), "{sizes:?}");
    }
}
