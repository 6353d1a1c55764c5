//! Summaries of customer groups (segments or clusters): size, revenue share
//! and the typical R, F and M.

mod groups;
mod stats;

pub use groups::{summarize, GroupSummary};
pub use stats::median;
