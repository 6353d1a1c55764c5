//! The JavaScript boundary (wasm32 only): bytes and a settings object in, a
//! plain report object out. Every error becomes a `JsError` with one readable
//! message; nothing here unwraps.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::export::Download;
use crate::{analyze as run_analysis, Analysis, Settings};

thread_local! {
    /// The latest analysis, kept for its downloads.
    static LATEST: RefCell<Option<Analysis>> = const { RefCell::new(None) };
}

/// Installs the panic hook so a bug shows its message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Analyses a transactions CSV. `settings` is an object such as
/// `{ asOf: "2024-12-31", ingest: { columns: { customer: "id" } }, clusters: { k: 4, seed: 42 } }`;
/// `undefined` or `{}` take every default. Returns the report as a plain
/// object (see `Report` in the Rust docs).
#[wasm_bindgen]
pub fn analyze(bytes: &[u8], settings: JsValue) -> Result<JsValue, JsError> {
    let settings: Settings = if settings.is_undefined() || settings.is_null() {
        Settings::default()
    } else {
        serde_wasm_bindgen::from_value(settings).map_err(|e| JsError::new(&format!("invalid settings: {e}")))?
    };
    LATEST.with(|latest| latest.borrow_mut().take());
    let analysis = run_analysis(bytes, &settings)?;
    let report = to_js(&analysis.report);
    LATEST.with(|latest| *latest.borrow_mut() = Some(analysis));
    report
}

/// The text of a download of the latest analysis: `customers.csv`,
/// `segments.csv`, `summary.json` or `settings.json`.
#[wasm_bindgen]
pub fn download(name: &str) -> Result<String, JsError> {
    let kind = Download::named(name).ok_or_else(|| JsError::new(&format!("there is no download named {name}")))?;
    LATEST.with(|latest| match latest.borrow().as_ref() {
        Some(analysis) => Ok(kind.render(analysis)),
        None => Err(JsError::new("analyse a file first")),
    })
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

/// The one serializer used at the boundary: maps become plain objects.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not pass the result to the page: {e}")))
}
