//! Recency, frequency and monetary value per customer, their 1–5 scores and
//! the named segments they fall in.
//!
//! [`RfmTable::from_customers`] measures, [`score`] turns each measure into
//! scores by tie-aware quantiles, and [`Segment::of`] names a score code.

mod measures;
mod options;
mod scoring;
mod segments;

pub use measures::RfmTable;
pub use options::RfmOptions;
pub use scoring::{cut_points, quantile_type7, score, score_ascending, score_descending, Scores};
pub use segments::Segment;
