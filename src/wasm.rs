//! The JavaScript boundary (wasm32 only): bytes (at once or in chunks) and a
//! settings object in, a plain report object out. Every error becomes a JS
//! `Error` with one readable message and, for the engine's own errors, the
//! message's `code` and `params` (the page translates them); nothing here unwraps.

use std::cell::RefCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::analysis::{analyze_ingested_timed, check_settings, stream_for};
use crate::export::Download;
use crate::ingest::IngestStream;
use crate::message::{Code, Message};
use crate::{analyze as run_analysis, Analysis, Settings};

thread_local! {
    /// The latest analysis, kept for its downloads.
    static LATEST: RefCell<Option<Analysis>> = const { RefCell::new(None) };
}

/// Installs the panic hook: a bug's message (`panicked at src/…:12:5:` and
/// what went wrong) goes to the console and, before the module traps, to
/// `globalThis.segmentaPanicked(message)` when the page's worker defines it,
/// so the page can show it in its error panel.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        #[cfg(feature = "console_error_panic_hook")]
        console_error_panic_hook::hook(info);
        // Where no one listens (the function is not defined), nothing is lost:
        // the message is in the console.
        let _ = panicked(&info.to_string());
    }));
}

#[wasm_bindgen]
extern "C" {
    /// `globalThis.segmentaPanicked(message)`; `catch`: an error (not defined)
    /// is returned, not thrown, so the panic still ends in the trap.
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = segmentaPanicked)]
    fn panicked(message: &str) -> Result<(), JsValue>;
}

/// Panics on purpose. It exists for the page's crash test
/// (`tests/e2e/crash.test.mjs`): the worker calls it instead of reading the
/// file when the settings hold `crashForTest: true`, so the test can check
/// that a bug in the engine shows the error panel and that the page then
/// analyses another file with a fresh worker. Harmless to ship: it stops only
/// the worker it runs in, which the page then discards.
#[wasm_bindgen(js_name = crashForTest)]
pub fn crash_for_test() {
    panic!("deliberate panic for the crash test (crashForTest in the settings)");
}

/// Analyses a transactions CSV. `settings` is an object such as
/// `{ asOf: "2024-12-31", ingest: { columns: { customer: "id" } }, clusters: { k: 4, seed: 42 } }`;
/// `undefined` or `{}` take every default. Returns the report as a plain
/// object (see `Report` in the Rust docs).
#[wasm_bindgen]
pub fn analyze(bytes: &[u8], settings: JsValue) -> Result<JsValue, JsValue> {
    let settings = settings_from(settings)?;
    LATEST.with(|latest| latest.borrow_mut().take());
    keep_latest(run_analysis(bytes, &settings).map_err(engine_error)?, |analysis| to_js(&analysis.report))
}

/// A file analysed as it streams in, so memory holds the customers, not
/// the file:
///
/// ```js
/// const reader = new Reader(settings);
/// for await (const chunk of file.stream()) reader.push(chunk);
/// const { report, stages } = reader.finish();
/// ```
///
/// The file is read once: the segment movement's earlier customers are
/// gathered in the same reading.
#[wasm_bindgen]
pub struct Reader {
    settings: Settings,
    stream: Option<IngestStream>,
}

#[wasm_bindgen]
impl Reader {
    /// A reader with these settings (checked now, before any byte is read).
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Result<Reader, JsValue> {
        let settings = settings_from(settings)?;
        check_settings(&settings).map_err(engine_error)?;
        let stream = stream_for(&settings);
        Ok(Reader { stream: Some(stream), settings })
    }

    /// Refuses a file of `size` bytes before any is read, when it is larger
    /// than the limit (`ingest.limits.fileBytes`); call it with `file.size`.
    #[wasm_bindgen(js_name = expectBytes)]
    pub fn expect_bytes(&mut self, size: f64) -> Result<(), JsValue> {
        self.stream.as_mut().ok_or_else(|| misuse("expectBytes"))?.expect_len(size as u64).map_err(engine_error)?;
        Ok(())
    }

    /// Reads the next chunk.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), JsValue> {
        self.stream.as_mut().ok_or_else(|| misuse("push"))?.push(chunk).map_err(engine_error)?;
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

    /// Runs the analysis; returns `{ report, stages }` as `analyzeTimed`
    /// does (`stages.ingest` is 0: the reading was the pushes).
    pub fn finish(&mut self) -> Result<JsValue, JsValue> {
        let ingested = self.stream.take().ok_or_else(|| misuse("finish"))?.finish().map_err(engine_error)?;
        LATEST.with(|latest| latest.borrow_mut().take());
        let (analysis, stages) = analyze_ingested_timed(ingested, &self.settings, &performance::now).map_err(engine_error)?;
        keep_latest(analysis, |analysis| to_js(&Timed { report: &analysis.report, stages }))
    }
}

/// The header and first rows of the start of a file, without choosing
/// columns (so the page can offer the mapping when columns were not found);
/// `null` for workbooks and files without text rows.
#[wasm_bindgen]
pub fn peek(head: &[u8], settings: JsValue) -> Result<JsValue, JsValue> {
    let settings = settings_from(settings)?;
    to_js(&crate::ingest::peek(head, &settings.ingest))
}

fn misuse(call: &str) -> JsValue {
    JsError::new(&format!("Reader.{call} was called out of order: start a new Reader")).into()
}

#[wasm_bindgen]
extern "C" {
    /// `Reflect.set(target, key, value)`.
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    fn reflect_set(target: &JsValue, key: &JsValue, value: &JsValue) -> bool;
}

/// An engine error as a JS `Error` whose message is the English sentence,
/// with the message's `code` and `params` for the page to translate.
fn engine_error(error: impl Into<crate::Error>) -> JsValue {
    message_error(&error.into().message())
}

fn message_error(message: &Message) -> JsValue {
    let error: JsValue = JsError::new(&message.text).into();
    reflect_set(&error, &"code".into(), &message.code.as_str().into());
    if let Ok(params) = to_js(&message.params) {
        reflect_set(&error, &"params".into(), &params);
    }
    error
}

/// The text of a download of the latest analysis: `customers.csv`,
/// `segments.csv`, `summary.json` or `settings.json`.
#[wasm_bindgen]
pub fn download(name: &str) -> Result<String, JsValue> {
    let kind = Download::named(name).ok_or_else(|| JsValue::from(JsError::new(&format!("there is no download named {name}"))))?;
    LATEST.with(|latest| match latest.borrow().as_ref() {
        Some(analysis) => Ok(kind.render(analysis)),
        None => Err(JsError::new("analyse a file first").into()),
    })
}

/// [`analyze`], timed: returns `{ report, stages }`, `stages` holding each
/// stage's milliseconds (`ingest`, `rfm`, `features`, `clusters`,
/// `profiles`). The page's worker calls this one.
#[wasm_bindgen(js_name = analyzeTimed)]
pub fn analyze_timed(bytes: &[u8], settings: JsValue) -> Result<JsValue, JsValue> {
    let settings = settings_from(settings)?;
    LATEST.with(|latest| latest.borrow_mut().take());
    let (analysis, stages) = crate::analysis::analyze_timed(bytes, &settings, &performance::now).map_err(engine_error)?;
    keep_latest(analysis, |analysis| to_js(&Timed { report: &analysis.report, stages }))
}

/// Converts `analysis` for JavaScript with `convert`, then keeps it as the
/// latest one (for its downloads).
fn keep_latest(analysis: Analysis, convert: impl FnOnce(&Analysis) -> Result<JsValue, JsValue>) -> Result<JsValue, JsValue> {
    let value = convert(&analysis);
    LATEST.with(|latest| *latest.borrow_mut() = Some(analysis));
    value
}

#[derive(Serialize)]
struct Timed<'a> {
    report: &'a crate::Report,
    stages: crate::analysis::StageTimes,
}

/// Analyses `bytes` `repeat` times and scans them as often, returning each
/// stage's fastest, median and slowest time (the same work as
/// `segmenta stages`), for the benchmark harness.
#[wasm_bindgen(js_name = benchStages)]
pub fn bench_stages(bytes: &[u8], settings: JsValue, repeat: usize) -> Result<JsValue, JsValue> {
    let timing = crate::bench::time_stages(bytes, &settings_from(settings)?, repeat, &performance::now).map_err(engine_error)?;
    to_js(&timing)
}

/// Settings from JavaScript: `undefined` or `null` take every default.
fn settings_from(settings: JsValue) -> Result<Settings, JsValue> {
    if settings.is_undefined() || settings.is_null() {
        Ok(Settings::default())
    } else {
        serde_wasm_bindgen::from_value(settings).map_err(|e| {
            message_error(&Message::new(Code::InvalidSettings, format!("invalid settings: {e}")).with("detail", e.to_string()))
        })
    }
}

/// Times K-means on `customers` generated customers for each k in
/// `kMin..=kMax` (the same work as `segmenta kmeans-eval --generated`), for
/// the benchmark harness. Returns one timing object per k.
#[wasm_bindgen(js_name = benchKmeans)]
pub fn bench_kmeans(customers: usize, k_min: usize, k_max: usize, n_runs: usize, repeat: usize) -> Result<JsValue, JsValue> {
    let rfm = crate::sample::rfm_table(&crate::sample::SampleSpec { customers, ..Default::default() });
    let features = crate::cluster::Features::from_rfm(&rfm);
    let rows = crate::bench::time_kmeans(&features, k_min..=k_max, Some(n_runs), repeat, &performance::now).map_err(engine_error)?;
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
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not pass the result to the page: {e}")).into())
}
