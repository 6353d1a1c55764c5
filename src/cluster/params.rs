//! Checked K-means hyperparameters, in the style of linfa's `ParamGuard`.

use super::ClusterParamsError;

/// The largest k the page and CLI offer.
pub const MAX_K: usize = 20;

/// Unchecked K-means hyperparameters. Build with [`ClusterParams::new`],
/// adjust with the setters, then [`check`](ClusterParams::check).
///
/// Defaults: 4 restarts (best inertia wins), at most 100 iterations,
/// tolerance 1e-4 on the standardised features, seed 42.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterParams(ValidClusterParams);

/// Hyperparameters that passed [`ClusterParams::check`].
#[derive(Debug, Clone, PartialEq)]
pub struct ValidClusterParams {
    k: usize,
    n_runs: usize,
    max_iterations: u64,
    tolerance: f64,
    seed: u64,
}

impl ClusterParams {
    /// Parameters for `k` clusters with the defaults above.
    pub fn new(k: usize) -> ClusterParams {
        ClusterParams(ValidClusterParams { k, n_runs: 4, max_iterations: 100, tolerance: 1e-4, seed: 42 })
    }

    /// Number of restarts from different k-means++ seeds.
    pub fn n_runs(mut self, n_runs: usize) -> Self {
        self.0.n_runs = n_runs;
        self
    }

    /// Iteration cap per run.
    pub fn max_iterations(mut self, max_iterations: u64) -> Self {
        self.0.max_iterations = max_iterations;
        self
    }

    /// Convergence tolerance on centroid movement.
    pub fn tolerance(mut self, tolerance: f64) -> Self {
        self.0.tolerance = tolerance;
        self
    }

    /// Seed of the random number generator: same data + same seed → same labels.
    pub fn seed(mut self, seed: u64) -> Self {
        self.0.seed = seed;
        self
    }

    /// Validates every parameter.
    ///
    /// ```
    /// use segmenta::cluster::{ClusterParams, ClusterParamsError};
    /// assert_eq!(ClusterParams::new(0).check().unwrap_err(), ClusterParamsError::KIsZero);
    /// assert_eq!(ClusterParams::new(4).check().unwrap().k(), 4);
    /// ```
    pub fn check(self) -> Result<ValidClusterParams, ClusterParamsError> {
        let p = self.0;
        if p.k == 0 {
            Err(ClusterParamsError::KIsZero)
        } else if p.k > MAX_K {
            Err(ClusterParamsError::KTooLarge { k: p.k, max: MAX_K })
        } else if p.n_runs == 0 {
            Err(ClusterParamsError::NRunsIsZero)
        } else if p.max_iterations == 0 {
            Err(ClusterParamsError::MaxIterationsIsZero)
        } else if !(p.tolerance > 0.0 && p.tolerance.is_finite()) {
            Err(ClusterParamsError::ToleranceNotPositive(p.tolerance))
        } else {
            Ok(p)
        }
    }
}

impl ValidClusterParams {
    /// Number of clusters asked for.
    pub fn k(&self) -> usize {
        self.k
    }
    /// Number of restarts.
    pub fn n_runs(&self) -> usize {
        self.n_runs
    }
    /// Iteration cap per run.
    pub fn max_iterations(&self) -> u64 {
        self.max_iterations
    }
    /// Convergence tolerance.
    pub fn tolerance(&self) -> f64 {
        self.tolerance
    }
    /// Random seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn k_cannot_be_zero() {
        assert_eq!(ClusterParams::new(0).check(), Err(ClusterParamsError::KIsZero));
    }

    #[test]
    fn k_cannot_exceed_the_maximum() {
        assert_eq!(ClusterParams::new(MAX_K + 1).check(), Err(ClusterParamsError::KTooLarge { k: MAX_K + 1, max: MAX_K }));
    }

    #[test]
    fn n_runs_cannot_be_zero() {
        assert_eq!(ClusterParams::new(3).n_runs(0).check(), Err(ClusterParamsError::NRunsIsZero));
    }

    #[test]
    fn max_iterations_cannot_be_zero() {
        assert_eq!(ClusterParams::new(3).max_iterations(0).check(), Err(ClusterParamsError::MaxIterationsIsZero));
    }

    #[test]
    fn tolerance_must_be_positive_and_finite() {
        for t in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert!(ClusterParams::new(3).tolerance(t).check().is_err(), "{t}");
        }
    }
}
