//! How good a clustering is: the silhouette coefficient (on a sample: it is
//! quadratic) and the Davies–Bouldin index.

use super::kernels::distance_sum;
use super::Points;

/// Mean silhouette coefficient of `labels` (clusters `0..k`) over `points`,
/// or `None` when fewer than two clusters have points. A point alone in its
/// cluster scores 0, as in scikit-learn.
///
/// Cost is quadratic in the number of points: pass a sample.
pub fn silhouette(points: &Points, labels: &[u32], k: usize) -> Option<f64> {
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by_key(|&i| (labels[i], i));
    let sorted = points.select(&order);
    let mut ranges = vec![0..0; k];
    let mut start = 0;
    for c in 0..k {
        let size = order[start..].iter().take_while(|&&i| labels[i] as usize == c).count();
        ranges[c] = start..start + size;
        start += size;
    }
    if ranges.iter().filter(|r| !r.is_empty()).count() < 2 {
        return None;
    }
    let mut total = 0f64;
    for (position, &i) in order.iter().enumerate() {
        let own = labels[i] as usize;
        let own_size = ranges[own].len();
        if own_size == 1 {
            continue;
        }
        let point = sorted.row(position);
        let a = distance_sum(&sorted, &point, ranges[own].clone()) / (own_size - 1) as f64;
        let b = ranges
            .iter()
            .enumerate()
            .filter(|(c, r)| *c != own && !r.is_empty())
            .map(|(_, r)| distance_sum(&sorted, &point, r.clone()) / r.len() as f64)
            .fold(f64::INFINITY, f64::min);
        let scale = a.max(b);
        if scale > 0.0 {
            total += (b - a) / scale;
        }
    }
    Some(total / points.len() as f64)
}

/// The Davies–Bouldin index (lower is better) of `labels` with `centroids`
/// (`k × d`, row-major), or `None` when fewer than two clusters have points.
pub fn davies_bouldin(points: &Points, labels: &[u32], centroids: &[f32]) -> Option<f64> {
    let d = points.dims();
    let k = centroids.len() / d;
    let mut spread = vec![0f64; k];
    let mut counts = vec![0usize; k];
    for (i, &l) in labels.iter().enumerate() {
        let c = &centroids[l as usize * d..(l as usize + 1) * d];
        let sq: f64 = (0..d).map(|f| f64::from(points.column(f)[i] - c[f]).powi(2)).sum();
        spread[l as usize] += sq.sqrt();
        counts[l as usize] += 1;
    }
    let live: Vec<usize> = (0..k).filter(|&c| counts[c] > 0).collect();
    if live.len() < 2 {
        return None;
    }
    for &c in &live {
        spread[c] /= counts[c] as f64;
    }
    let centre = |c: usize| &centroids[c * d..(c + 1) * d];
    let worst = |c: usize| {
        live.iter()
            .filter(|&&o| o != c)
            .map(|&o| {
                let gap: f64 = centre(c).iter().zip(centre(o)).map(|(a, b)| f64::from(a - b).powi(2)).sum::<f64>().sqrt();
                if gap > 0.0 { (spread[c] + spread[o]) / gap } else { f64::INFINITY }
            })
            .fold(0.0, f64::max)
    };
    Some(live.iter().map(|&c| worst(c)).sum::<f64>() / live.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plain O(n²) silhouette, straight from the definition.
    fn reference(xs: &[f32], labels: &[u32]) -> f64 {
        let n = xs.len();
        let mut total = 0.0;
        for i in 0..n {
            let mut sums = std::collections::BTreeMap::<u32, (f64, usize)>::new();
            for j in 0..n {
                let e = sums.entry(labels[j]).or_default();
                e.0 += f64::from((xs[i] - xs[j]).abs());
                e.1 += 1;
            }
            let (own_sum, own_n) = sums[&labels[i]];
            if own_n == 1 {
                continue;
            }
            let a = own_sum / (own_n - 1) as f64;
            let b = sums.iter().filter(|(c, _)| **c != labels[i]).map(|(_, (s, m))| s / *m as f64).fold(f64::INFINITY, f64::min);
            total += (b - a) / a.max(b);
        }
        total / n as f64
    }

    #[test]
    fn silhouette_matches_the_definition() {
        let xs = vec![0.0, 0.5, 1.0, 4.0, 4.2, 9.0, 9.5, 3.0];
        let labels = vec![0, 0, 0, 1, 1, 2, 2, 1];
        let fast = silhouette(&Points::from_columns(vec![xs.clone()]), &labels, 3).unwrap();
        assert!((fast - reference(&xs, &labels)).abs() < 1e-6, "{fast}");
    }

    #[test]
    fn silhouette_needs_two_clusters() {
        assert_eq!(silhouette(&Points::from_columns(vec![vec![1.0, 2.0]]), &[0, 0], 2), None);
    }

    #[test]
    fn well_separated_clusters_score_near_one_and_low_davies_bouldin() {
        let xs = vec![0.0, 0.01, 0.02, 100.0, 100.01, 100.02];
        let labels = [0, 0, 0, 1, 1, 1];
        let p = Points::from_columns(vec![xs]);
        assert!(silhouette(&p, &labels, 2).unwrap() > 0.99);
        assert!(davies_bouldin(&p, &labels, &[0.01, 100.01]).unwrap() < 0.01);
    }

    #[test]
    fn davies_bouldin_by_hand() {
        // Spreads 1 and 2, centres 10 apart: (1 + 2) / 10 for both clusters.
        let p = Points::from_columns(vec![vec![-1.0, 1.0, 8.0, 12.0]]);
        let db = davies_bouldin(&p, &[0, 0, 1, 1], &[0.0, 10.0]).unwrap();
        assert!((db - 0.3).abs() < 1e-9, "{db}");
    }
}
