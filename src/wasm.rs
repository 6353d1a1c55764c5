//! The JavaScript boundary (wasm32 only): bytes (at once or in chunks) and a
//! settings object in, a plain report object out. Every error becomes a
//! `JsError` with one readable message; nothing here unwraps.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::analysis::{analyze_ingested, check_settings};
use crate::ingest::IngestStream;
use crate::{analyze as run_analysis, Settings};

/// Installs the panic hook so a bug shows its message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Analyses a whole transactions file. `settings` is an object such as
/// `{ asOf: "2024-12-31", ingest: { columns: { customer: "id" } }, clusters: { k: 4, seed: 42 } }`;
/// `undefined` or `{}` take every default. Returns the report as a plain
/// object (see `Report` in the Rust docs).
#[wasm_bindgen]
pub fn analyze(bytes: &[u8], settings: JsValue) -> Result<JsValue, JsError> {
    let analysis = run_analysis(bytes, &settings_from(settings)?)?;
    to_js(&analysis.report)
}

/// A file analysed as it streams in: `new Reader(settings)`, then
/// `push(chunk)` for each `Uint8Array` chunk, then `finish()` for the
/// report. Memory holds the customers, not the file.
#[wasm_bindgen]
pub struct Reader {
    stream: Option<IngestStream>,
    settings: Settings,
}

#[wasm_bindgen]
impl Reader {
    /// A reader with these settings (checked now, before any byte is read).
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Result<Reader, JsError> {
        let settings = settings_from(settings)?;
        check_settings(&settings)?;
        let stream = IngestStream::new(&settings.ingest, settings.as_of);
        Ok(Reader { stream: Some(stream), settings })
    }

    /// Reads the next chunk.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsError> {
        let stream = self.stream.as_mut().ok_or_else(finished)?;
        stream.push(chunk)?;
        Ok(())
    }

    /// Bytes read so far.
    #[wasm_bindgen(js_name = bytesRead)]
    pub fn bytes_read(&self) -> f64 {
        self.stream.as_ref().map_or(0.0, |s| s.bytes_read() as f64)
    }

    /// Data rows read so far.
    #[wasm_bindgen(js_name = rowsRead)]
    pub fn rows_read(&self) -> f64 {
        self.stream.as_ref().map_or(0.0, |s| s.rows_read() as f64)
    }

    /// Ends the input and runs the analysis; returns the report.
    pub fn finish(&mut self) -> Result<JsValue, JsError> {
        let stream = self.stream.take().ok_or_else(finished)?;
        let analysis = analyze_ingested(stream.finish()?, &self.settings)?;
        to_js(&analysis.report)
    }
}

/// The header and first rows of the start of a file, without choosing
/// columns (so the page can offer the mapping when columns were not found);
/// `null` for workbooks and files without text rows.
#[wasm_bindgen]
pub fn peek(head: &[u8], settings: JsValue) -> Result<JsValue, JsError> {
    let settings = settings_from(settings)?;
    to_js(&crate::ingest::peek(head, &settings.ingest))
}

/// Times K-means on `customers` generated customers for each k in
/// `kMin..=kMax` (the same work as `segmenta kmeans-eval --generated`), for
/// the benchmark harness. Returns one timing object per k.
#[wasm_bindgen(js_name = benchKmeans)]
pub fn bench_kmeans(customers: usize, k_min: usize, k_max: usize, n_runs: usize, repeat: usize) -> Result<JsValue, JsError> {
    let rfm = crate::sample::rfm_table(&crate::sample::SampleSpec { customers, ..Default::default() });
    let features = crate::cluster::Features::from_rfm(&rfm);
    let rows = crate::bench::time_kmeans(&features, k_min..=k_max, n_runs, repeat, &performance::now)?;
    to_js(&rows)
}

mod performance {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// `performance.now()`: milliseconds, in windows, workers and node.
        #[wasm_bindgen(js_namespace = performance)]
        pub fn now() -> f64;
    }
}

/// The crate version, for the page's footer and bug reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

fn settings_from(settings: JsValue) -> Result<Settings, JsError> {
    if settings.is_undefined() || settings.is_null() {
        return Ok(Settings::default());
    }
    serde_wasm_bindgen::from_value(settings).map_err(|e| JsError::new(&format!("invalid settings: {e}")))
}

fn finished() -> JsError {
    JsError::new("this reader has already finished: start a new one")
}

/// The one serializer used at the boundary: maps become plain objects.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not pass the result to the page: {e}")))
}
