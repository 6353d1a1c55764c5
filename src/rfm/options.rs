//! How customers are measured, scored and segmented: the RFM section of the
//! settings.

use serde::{Deserialize, Serialize};

/// RFM settings. Defaults: 5 score bins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct RfmOptions {
    /// Number of score bins (5 is the only one the default segment map covers).
    pub bins: u8,
}

impl Default for RfmOptions {
    fn default() -> RfmOptions {
        RfmOptions { bins: 5 }
    }
}
