//! Summaries of customer groups (segments, tiers or clusters): size, orders,
//! revenue share and the typical R, F and M; revenue concentration; and
//! movement between segments over time.

mod concentration;
mod groups;
mod movement;
mod stats;
mod tiers;

pub use concentration::{concentration, TopShare};
pub use groups::{summarize, GroupSummary, GroupText};
pub use movement::{movement, Movement, NEW_ROW};
pub use stats::median;
pub use tiers::{value_tiers, ValueTier};
