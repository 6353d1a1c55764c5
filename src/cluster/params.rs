//! Checked K-means hyperparameters, in the style of linfa's `ParamGuard`.

use super::{ClusterParamsError, KChoice};

/// The largest k the page and CLI offer.
pub const MAX_K: usize = 20;

/// Restarts by default, and for every fit of the automatic choice of k.
pub const DEFAULT_RUNS: usize = 3;

/// Restarts of the final fit by default when the data are small (see
/// [`SMALL_DATA_WORK`]): as scikit-learn's `n_init=10`, at no visible cost.
pub const SMALL_DATA_RUNS: usize = 10;

/// Customers × k at or below which the final fit gets [`SMALL_DATA_RUNS`]:
/// ten runs of such a fit take a few milliseconds, and a few thousand
/// customers are where a single unlucky k-means++ seeding shows most.
pub const SMALL_DATA_WORK: usize = 150_000;

/// Unchecked K-means hyperparameters. Build with [`ClusterParams::new`],
/// adjust with the setters, then [`check`](ClusterParams::check).
///
/// Defaults: 3 restarts from k-means++ (the lowest inertia wins; 10 for the
/// final fit of small data, see [`ValidClusterParams::runs_for`]), at most 300
/// iterations, tolerance 1e-4 relative to the mean feature variance (as
/// scikit-learn), seed 42.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterParams(ValidClusterParams);

/// Hyperparameters that passed [`ClusterParams::check`].
#[derive(Debug, Clone, PartialEq)]
pub struct ValidClusterParams {
    k: KChoice,
    /// `None`: the defaults of [`ValidClusterParams::runs_for`].
    n_runs: Option<usize>,
    max_iterations: u32,
    tolerance: f64,
    seed: u64,
}

impl ClusterParams {
    /// Parameters for a k given or chosen automatically, with the defaults above.
    pub fn new(k: KChoice) -> ClusterParams {
        ClusterParams(ValidClusterParams { k, n_runs: None, max_iterations: 300, tolerance: 1e-4, seed: 42 })
    }

    /// Number of restarts from different k-means++ seeds, for every fit
    /// (instead of the size-dependent default).
    pub fn n_runs(mut self, n_runs: usize) -> Self {
        self.0.n_runs = Some(n_runs);
        self
    }

    /// Iteration cap per run.
    pub fn max_iterations(mut self, max_iterations: u32) -> Self {
        self.0.max_iterations = max_iterations;
        self
    }

    /// Convergence tolerance, relative to the mean variance of the features.
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
    /// use segmenta::cluster::{ClusterParams, ClusterParamsError, KChoice};
    /// assert_eq!(ClusterParams::new(KChoice::Fixed(0)).check().unwrap_err(), ClusterParamsError::KIsZero);
    /// assert_eq!(ClusterParams::new(KChoice::Fixed(4)).check().unwrap().k(), KChoice::Fixed(4));
    /// ```
    pub fn check(self) -> Result<ValidClusterParams, ClusterParamsError> {
        let p = self.0;
        match p.k {
            KChoice::Fixed(0) => return Err(ClusterParamsError::KIsZero),
            KChoice::Fixed(k) if k > MAX_K => return Err(ClusterParamsError::KTooLarge { k, max: MAX_K }),
            KChoice::Auto { min, max } if min < 2 || max < min || max > MAX_K => {
                return Err(ClusterParamsError::BadAutoRange { min, max, limit: MAX_K })
            }
            _ => {}
        }
        if p.n_runs == Some(0) {
            Err(ClusterParamsError::NRunsIsZero)
        } else if p.max_iterations == 0 {
            Err(ClusterParamsError::MaxIterationsIsZero)
        } else if !(p.tolerance >= 0.0 && p.tolerance.is_finite()) {
            Err(ClusterParamsError::ToleranceNotPositive(p.tolerance))
        } else {
            Ok(p)
        }
    }
}

impl ValidClusterParams {
    /// The k asked for, or the range to choose it from.
    pub fn k(&self) -> KChoice {
        self.k
    }
    /// Restarts of each fit made to choose k: the number set, or
    /// [`DEFAULT_RUNS`].
    pub fn n_runs(&self) -> usize {
        self.n_runs.unwrap_or(DEFAULT_RUNS)
    }
    /// Restarts of the final fit of `points` customers into `k` clusters: the
    /// number set, or [`SMALL_DATA_RUNS`] when `points × k` ≤
    /// [`SMALL_DATA_WORK`], else [`DEFAULT_RUNS`].
    ///
    /// ```
    /// use segmenta::cluster::{ClusterParams, KChoice};
    /// let auto = ClusterParams::new(KChoice::Fixed(6)).check().unwrap();
    /// assert_eq!(auto.runs_for(4_372, 6), 10);
    /// assert_eq!(auto.runs_for(100_000, 6), 3);
    /// let set = ClusterParams::new(KChoice::Fixed(6)).n_runs(1).check().unwrap();
    /// assert_eq!(set.runs_for(4_372, 6), 1);
    /// ```
    pub fn runs_for(&self, points: usize, k: usize) -> usize {
        match self.n_runs {
            Some(runs) => runs,
            None if points.saturating_mul(k) <= SMALL_DATA_WORK => SMALL_DATA_RUNS,
            None => DEFAULT_RUNS,
        }
    }
    /// Iteration cap per run.
    pub fn max_iterations(&self) -> u32 {
        self.max_iterations
    }
    /// Relative convergence tolerance.
    pub fn tolerance(&self) -> f64 {
        self.tolerance
    }
    /// Random seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }
    /// The same parameters with a fixed k.
    pub fn with_k(&self, k: usize) -> ValidClusterParams {
        ValidClusterParams { k: KChoice::Fixed(k), ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(k: usize) -> ClusterParams {
        ClusterParams::new(KChoice::Fixed(k))
    }

    #[test]
    fn k_cannot_be_zero() {
        assert_eq!(fixed(0).check(), Err(ClusterParamsError::KIsZero));
    }

    #[test]
    fn k_cannot_exceed_the_maximum() {
        assert_eq!(fixed(MAX_K + 1).check(), Err(ClusterParamsError::KTooLarge { k: MAX_K + 1, max: MAX_K }));
    }

    #[test]
    fn an_auto_range_starts_at_two_and_is_not_empty() {
        for (min, max) in [(1, 5), (6, 5), (2, MAX_K + 1)] {
            assert!(ClusterParams::new(KChoice::Auto { min, max }).check().is_err(), "{min}..{max}");
        }
        assert!(ClusterParams::new(KChoice::Auto { min: 2, max: 10 }).check().is_ok());
    }

    #[test]
    fn n_runs_cannot_be_zero() {
        assert_eq!(fixed(3).n_runs(0).check(), Err(ClusterParamsError::NRunsIsZero));
    }

    #[test]
    fn max_iterations_cannot_be_zero() {
        assert_eq!(fixed(3).max_iterations(0).check(), Err(ClusterParamsError::MaxIterationsIsZero));
    }

    #[test]
    fn tolerance_must_be_non_negative_and_finite() {
        for t in [-1.0, f64::NAN, f64::INFINITY] {
            assert!(fixed(3).tolerance(t).check().is_err(), "{t}");
        }
        assert!(fixed(3).tolerance(0.0).check().is_ok());
    }
}
