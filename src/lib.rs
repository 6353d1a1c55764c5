//! Segmenta: customer segmentation that runs where the data is.
//!
//! A transactions export goes in as bytes; out come, per customer, recency,
//! frequency and monetary value, their 1–5 scores, a named RFM segment with a
//! recommended action, and a K-means cluster with a plain-language name, plus
//! summary tables of both.
//!
//! The data flow, one module per step:
//!
//! CSV bytes → [`ingest`] ([`ingest::Customers`] and a data-quality
//! [`ingest::IngestReport`]) → [`rfm`] ([`rfm::RfmTable`], [`rfm::Scores`],
//! [`rfm::SegmentMap`], in [`segmentation`]) → [`cluster`] ([`cluster::Clustering`]) → [`summary`] →
//! [`Report`].
//!
//! [`analyze`] runs all of it. The core is plain Rust: the WebAssembly
//! bindings live in one module compiled only for `wasm32`, and the `segmenta`
//! command-line tool uses the same core.
//!
//! ```
//! use segmenta::{analyze, Settings};
//! let csv = "customer_id,order_date,revenue\nann,2024-01-05,120\nbob,2024-02-01,15\nann,2024-02-03,80\n";
//! let report = analyze(csv.as_bytes(), &Settings::default()).unwrap().report;
//! assert_eq!(report.customers, 2);
//! assert_eq!(report.data.rows_used, 3);
//! ```

pub mod analysis;
pub mod bench;
pub mod cluster;
pub mod cluster_profile;
pub mod date;
pub mod error;
pub mod export;
pub mod generate;
pub mod ingest;
pub mod message;
pub mod report;
pub mod rfm;
pub mod sample;
pub mod segmentation;
pub mod settings;
pub mod summary;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::{analyze, Analysis};
pub use error::{Error, Result};
pub use report::Report;
pub use settings::Settings;
