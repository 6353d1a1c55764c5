// The module worker that runs the wasm core, so the page never freezes.
//
// In:  { type: 'analyze', id, bytes: ArrayBuffer, settings } | { type: 'download', id, name }
//      { type: 'warm' } loads the engine ahead of time
// Out: { type: 'ready', version } after 'warm'
//    | { type: 'progress', id, stage, fraction? }   (fraction: 0–1 when known) | { type: 'result', id, report, version, timings } | { type: 'file', id, text }
//    | { type: 'error', id, message, fatal }   (fatal: the module cannot be trusted any more)
// timings: milliseconds of each wasm stage (ingest, rfm, features, clusters,
// profiles), of the whole wasm call (call), and the wasm memory's size in bytes.
import init, { analyzeTimed, download, version } from './pkg/segmenta.js';

const ready = init();

self.onmessage = async ({ data }) => {
  if (data.type === 'warm') {
    // Load the engine now, so no request is made once a file is chosen.
    try {
      await ready;
      self.postMessage({ type: 'ready', version: version() });
    } catch (error) {
      self.postMessage({ type: 'error', id: 0, message: String(error?.message ?? error), fatal: true });
    }
    return;
  }
  const { id, bytes, settings } = data;
  try {
    if (data.type === 'download') {
      await ready;
      self.postMessage({ type: 'file', id, text: download(data.name) });
      return;
    }
    self.postMessage({ type: 'progress', id, stage: 'starting' });
    const wasm = await ready;
    self.postMessage({ type: 'progress', id, stage: 'analysing' });
    const started = performance.now();
    const { report, stages } = analyzeTimed(new Uint8Array(bytes), settings);
    const timings = { ...stages, call: performance.now() - started, wasmMemory: wasm.memory.buffer.byteLength };
    self.postMessage({ type: 'result', id, report, version: version(), timings });
  } catch (error) {
    const fatal = error instanceof WebAssembly.RuntimeError;
    const message = String(error?.message ?? error);
    self.postMessage({ type: 'error', id, message, fatal });
  }
};
