//! What the user chooses: columns, as-of date, k and seed.

use serde::{Deserialize, Serialize};

use crate::date::Day;
use crate::ingest::ColumnSpec;

/// Analysis settings. Every field has a default, so JavaScript can pass
/// `{ k: 5 }` and nothing else.
///
/// Defaults: k = 4, seed = 42, as-of = the day after the latest date in the
/// file, columns guessed from the header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Settings {
    /// Number of K-means clusters.
    pub k: usize,
    /// Seed for K-means: same file + same settings → same clusters.
    pub seed: u64,
    /// The date recency is counted to; rows after it are skipped.
    pub as_of: Option<Day>,
    /// Column choices; unset roles are guessed.
    pub columns: ColumnSpec,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { k: 4, seed: 42, as_of: None, columns: ColumnSpec::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_json_takes_defaults_for_the_rest() {
        let s: Settings = serde_json::from_str(r#"{"k": 6, "asOf": "2024-05-01"}"#).unwrap();
        assert_eq!(s.k, 6);
        assert_eq!(s.seed, 42);
        assert_eq!(s.as_of, Day::from_ymd(2024, 5, 1));
    }

    #[test]
    fn unknown_fields_and_bad_dates_are_refused() {
        assert!(serde_json::from_str::<Settings>(r#"{"kk": 6}"#).is_err());
        let err = serde_json::from_str::<Settings>(r#"{"asOf": "05/01/2024"}"#).unwrap_err();
        assert!(err.to_string().contains("`05/01/2024` is not a date"), "{err}");
    }
}
