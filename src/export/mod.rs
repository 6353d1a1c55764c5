//! What the user downloads: the per-customer CSV, the per-segment summary
//! as CSV and JSON, and the settings file. The page and the CLI call the
//! same functions, so the same file and settings give the same bytes.

mod cell;
mod customers;
mod segments;

pub use cell::{neutralise, Cell};
pub use customers::customers_csv;
pub use segments::{segments_csv, summary_json};

use crate::{Analysis, Settings};

/// The settings that reproduce an analysis, as a JSON file: the user's
/// settings with the segment map written out in full, so that next month's
/// file is segmented by identical rules even if a preset changes.
///
/// ```
/// use segmenta::{analyze, export::settings_json, Settings};
/// let csv = "customer,date,amount\na,2024-01-02,10\nb,2024-03-01,50\n";
/// let a = analyze(csv.as_bytes(), &Settings::default()).unwrap();
/// let back: Settings = serde_json::from_str(&settings_json(&a)).unwrap();
/// assert_eq!(back.rfm.map.unwrap().segments.len(), 11);
/// ```
pub fn settings_json(analysis: &Analysis) -> String {
    let mut settings: Settings = analysis.settings.clone();
    settings.rfm.map = Some(analysis.stage.map.clone());
    serde_json::to_string_pretty(&settings).unwrap_or_default() + "\n"
}

/// One of the downloads, by the name the page and the CLI use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    /// `customers.csv`
    Customers,
    /// `segments.csv`
    SegmentsCsv,
    /// `summary.json`
    SummaryJson,
    /// `settings.json`
    Settings,
}

impl Download {
    /// The download named `name` (`customers.csv`, `segments.csv`, `summary.json`, `settings.json`).
    pub fn named(name: &str) -> Option<Download> {
        match name {
            "customers.csv" => Some(Download::Customers),
            "segments.csv" => Some(Download::SegmentsCsv),
            "summary.json" => Some(Download::SummaryJson),
            "settings.json" => Some(Download::Settings),
            _ => None,
        }
    }

    /// The file's text.
    pub fn render(self, analysis: &Analysis) -> String {
        match self {
            Download::Customers => customers_csv(analysis),
            Download::SegmentsCsv => segments_csv(&analysis.report.rfm),
            Download::SummaryJson => summary_json(&analysis.report),
            Download::Settings => settings_json(analysis),
        }
    }
}
