//! The RFM flags of `segmenta analyze`, the settings file, and writing outputs.

use std::path::Path;

use clap::{Args, ValueEnum};
use segmenta::rfm::{FrequencyMeasure, MapPreset, MonetaryMeasure, RfmOptions, ScoringMethod};
use segmenta::Settings;

/// Flags that override the RFM section of the settings.
#[derive(Args)]
pub struct RfmFlags {
    /// Scoring method [default: quantiles].
    #[arg(long, value_enum)]
    method: Option<Method>,
    /// Number of score bins, 3 to 5 [default: 5].
    #[arg(long)]
    bins: Option<u8>,
    /// What frequency counts [default: orders].
    #[arg(long, value_enum)]
    frequency: Option<Frequency>,
    /// What monetary value is [default: total].
    #[arg(long, value_enum)]
    monetary: Option<Monetary>,
    /// Built-in segment map (replaces a map from the settings file) [default: default].
    #[arg(long, value_enum)]
    map: Option<Map>,
    /// Measure segment movement from this many days before the as-of date; 0 turns it off [default: 90].
    #[arg(long)]
    movement_days: Option<u32>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Method {
    Quantiles,
    RRfm,
    Ntile,
    RankFirst,
    Fixed,
}

#[derive(Clone, Copy, ValueEnum)]
enum Frequency {
    Orders,
    Days,
    Rows,
}

#[derive(Clone, Copy, ValueEnum)]
enum Monetary {
    Total,
    AverageOrder,
}

#[derive(Clone, Copy, ValueEnum)]
enum Map {
    Default,
    RRfm,
    RRfmLegacy,
}

impl RfmFlags {
    /// Overrides `rfm` with the flags given.
    pub fn apply(&self, rfm: &mut RfmOptions) {
        if let Some(m) = self.method {
            rfm.method = match m {
                Method::Quantiles => ScoringMethod::Quantiles,
                Method::RRfm => ScoringMethod::RRfm,
                Method::Ntile => ScoringMethod::Ntile,
                Method::RankFirst => ScoringMethod::RankFirst,
                Method::Fixed => ScoringMethod::Fixed,
            };
        }
        if let Some(f) = self.frequency {
            rfm.frequency = match f {
                Frequency::Orders => FrequencyMeasure::Orders,
                Frequency::Days => FrequencyMeasure::Days,
                Frequency::Rows => FrequencyMeasure::Rows,
            };
        }
        if let Some(m) = self.monetary {
            rfm.monetary = match m {
                Monetary::Total => MonetaryMeasure::Total,
                Monetary::AverageOrder => MonetaryMeasure::AverageOrder,
            };
        }
        if let Some(map) = self.map {
            rfm.map = None;
            rfm.preset = match map {
                Map::Default => MapPreset::Default,
                Map::RRfm => MapPreset::RRfm,
                Map::RRfmLegacy => MapPreset::RRfmLegacy,
            };
        }
        rfm.bins = self.bins.unwrap_or(rfm.bins);
        rfm.movement_days = self.movement_days.unwrap_or(rfm.movement_days);
    }
}

/// Reads a settings file.
pub fn load(path: &Path) -> Result<Settings, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: not a valid settings file: {e}", path.display()))
}

/// Writes an output file.
pub fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
