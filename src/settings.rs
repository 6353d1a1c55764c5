//! What the user chooses, in one serialisable value: the same JSON drives the
//! page, the CLI and a saved settings file.

use serde::{Deserialize, Serialize};

use crate::cluster::ClusterOptions;
use crate::date::Day;
use crate::ingest::IngestOptions;
use crate::rfm::RfmOptions;

/// Analysis settings, one section per stage. Every field has a default, so
/// JavaScript can pass `{ clusters: { k: 5 } }` and nothing else.
///
/// Defaults: as-of = the day after the latest date in the file; see each
/// section for its own.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Settings {
    /// The date recency is counted to; rows after it are skipped.
    pub as_of: Option<Day>,
    /// How the file is read.
    pub ingest: IngestOptions,
    /// How customers are measured, scored and segmented.
    pub rfm: RfmOptions,
    /// How customers are clustered.
    pub clusters: ClusterOptions,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::KSetting;

    #[test]
    fn partial_json_takes_defaults_for_the_rest() {
        let s: Settings = serde_json::from_str(r#"{"clusters": {"k": 6}, "asOf": "2024-05-01"}"#).unwrap();
        assert_eq!(s.clusters.k, KSetting::Fixed(6));
        assert_eq!(s.clusters.seed, ClusterOptions::default().seed);
        assert_eq!(s.as_of, Day::from_ymd(2024, 5, 1));
        assert_eq!(s.rfm, RfmOptions::default());
    }

    #[test]
    fn unknown_fields_and_bad_dates_are_refused() {
        assert!(serde_json::from_str::<Settings>(r#"{"kk": 6}"#).is_err());
        let err = serde_json::from_str::<Settings>(r#"{"asOf": "05/01/2024"}"#).unwrap_err();
        assert!(err.to_string().contains("`05/01/2024` is not a date"), "{err}");
    }

    #[test]
    fn round_trips_through_json() {
        let mut s = Settings::default();
        s.clusters.k = KSetting::Fixed(7);
        s.ingest.columns.customer = Some("고객번호".into());
        let back: Settings = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
    }
}
