//! Clustering errors: invalid hyperparameters, and failures of the fit.

/// A hyperparameter is out of range.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClusterParamsError {
    /// k must be at least 1.
    #[error("the number of clusters k must be at least 1")]
    KIsZero,
    /// k above the supported maximum.
    #[error("the number of clusters k must be at most {max}, not {k}")]
    KTooLarge {
        /// The k asked for.
        k: usize,
        /// The largest k supported.
        max: usize,
    },
    /// The automatic range must be 2 ≤ min ≤ max ≤ limit.
    #[error("the automatic choice of k needs 2 ≤ min ≤ max ≤ {limit}, not {min}..{max}")]
    BadAutoRange {
        /// Smallest k tried.
        min: usize,
        /// Largest k tried.
        max: usize,
        /// The largest k supported.
        limit: usize,
    },
    /// At least one run is needed.
    #[error("the number of K-means runs must be at least 1")]
    NRunsIsZero,
    /// At least one iteration is needed.
    #[error("the maximum number of K-means iterations must be at least 1")]
    MaxIterationsIsZero,
    /// The tolerance must be a finite number ≥ 0.
    #[error("the K-means tolerance must be a number ≥ 0, not {0}")]
    ToleranceNotPositive(f64),
}

/// Why clustering failed.
#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    /// The hyperparameters are invalid.
    #[error(transparent)]
    Params(#[from] ClusterParamsError),
    /// There are no customers to cluster.
    #[error("there are no customers to cluster")]
    NoCustomers,
    /// The points have no features.
    #[error("there are no features to cluster on")]
    NoFeatures,
    /// linfa reported an error about the dataset.
    #[error("K-means failed: {0}")]
    Linfa(#[from] linfa::Error),
}

impl ClusterError {
    /// The error as a [`Message`](crate::message::Message): its code, the
    /// values it names, and this English sentence.
    pub fn message(&self) -> crate::message::Message {
        use crate::message::{Code, Message};
        let text = self.to_string();
        match self {
            ClusterError::Params(p) => match p {
                ClusterParamsError::KIsZero => Message::new(Code::KIsZero, text),
                ClusterParamsError::KTooLarge { k, max } => Message::new(Code::KTooLarge, text).with("k", k).with("max", max),
                ClusterParamsError::BadAutoRange { min, max, limit } => {
                    Message::new(Code::BadAutoRange, text).with("min", min).with("max", max).with("limit", limit)
                }
                ClusterParamsError::NRunsIsZero => Message::new(Code::NRunsIsZero, text),
                ClusterParamsError::MaxIterationsIsZero => Message::new(Code::MaxIterationsIsZero, text),
                ClusterParamsError::ToleranceNotPositive(t) => Message::new(Code::ToleranceNotPositive, text).with("tolerance", t),
            },
            ClusterError::NoCustomers => Message::new(Code::NoCustomers, text),
            ClusterError::NoFeatures => Message::new(Code::NoFeatures, text),
            ClusterError::Linfa(e) => Message::new(Code::KmeansFailed, text).with("detail", e.to_string()),
        }
    }
}
