//! Summaries of customer groups (segments, tiers or clusters): size, orders,
//! revenue share and the typical R, F and M; revenue concentration; and
//! movement between segments over time.

mod concentration;
mod groups;
mod movement;
mod rf_grid;
mod scatter;
mod stats;
mod tiers;

pub use concentration::{concentration, TopShare};
pub use groups::{summarize, GroupSummary, GroupText};
pub use movement::{movement, Movement, NEW_ROW};
pub use rf_grid::{rf_grid, GridCell};
pub use scatter::{scatter_sample, ScatterPoint, SCATTER_MAX};
pub use stats::median;
pub use tiers::{value_tiers, ValueTier};
