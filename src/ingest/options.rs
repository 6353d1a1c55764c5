//! How a file is read: the ingest section of the settings.

use serde::{Deserialize, Serialize};

use super::ColumnSpec;

/// Ingest settings. Defaults: every column guessed from the header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct IngestOptions {
    /// Column choices; unset roles are guessed.
    pub columns: ColumnSpec,
}
