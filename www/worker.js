// The module worker that runs the wasm core, so the page never freezes.
// It reads the file itself, PIECE_BYTES at a time, always into the same
// buffer (a BYOB reader of File.stream(); slices where Blob.stream() is not
// a byte stream), and pushes each piece into the core: memory holds the
// customers and that one buffer, not the file nor a trail of chunks waiting
// for the collector, and reading waits for the core. The file is read once:
// the customers at the segment movement's earlier date are gathered on the way.
//
// In:  { type: 'analyze', id, file: Blob, settings } | { type: 'download', id, name }
//      { type: 'warm' } loads the engine ahead of time
// Out: { type: 'ready', version } after 'warm'
//    | { type: 'progress', id, stage, bytes?, total?, rows? }   (at least every 100 ms while reading)
//    | { type: 'result', id, report, version, timings } | { type: 'file', id, text }
//    | { type: 'error', id, message, code?, params?, fatal, version, peek }
//      (code, params: the engine's message code and parameters, for the page to translate;
//      fatal: the engine stopped on a bug (a panic) and cannot be trusted any more, the message is
//      the panic's; version: the engine's; peek: the header and first rows, when readable)
// Settings with `crashForTest: true` make the engine panic on purpose (tests/e2e/crash.test.mjs).
// timings: milliseconds of reading the file into customers (ingest), of each
// later wasm stage (rfm, features, clusters, profiles), of the whole (call),
// and the wasm memory's size in bytes.
import init, { Reader, crashForTest, download, peek, version } from './pkg/segmenta.js';

// The engine's panic hook hands its message here before the module traps.
let panicMessage = null;
globalThis.segmentaPanicked = (message) => { panicMessage = message; };
let engineVersion = null; // read while the engine is sound, for crash reports
const ready = init().then((wasm) => {
  engineVersion = version();
  return wasm;
});
const PROGRESS_EVERY_MS = 100;
const PEEK_BYTES = 64 * 1024;
// Read and pushed a piece at a time: few awaits and crossings, little held.
const PIECE_BYTES = 256 * 1024;

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
  const { id, file } = data;
  const { crashForTest: crash = false, ...settings } = data.settings ?? {};
  let reader = null;
  let fatal = false;
  try {
    if (data.type === 'download') {
      await ready;
      self.postMessage({ type: 'file', id, text: download(data.name) });
      return;
    }
    self.postMessage({ type: 'progress', id, stage: 'starting' });
    const wasm = await ready;
    if (crash) crashForTest();
    reader = new Reader(settings);
    reader.expectBytes(file.size);
    const started = performance.now();
    await stream(id, file, reader);
    const read = performance.now();
    self.postMessage({ type: 'progress', id, stage: 'analysing' });
    const { report, stages } = reader.finish();
    const timings = {
      ...stages, ingest: read - started, call: performance.now() - started,
      wasmMemory: wasm.memory.buffer.byteLength,
    };
    self.postMessage({ type: 'result', id, report, version: version(), timings });
  } catch (error) {
    fatal = error instanceof WebAssembly.RuntimeError;
    // The page words a fatal error (what to report), in the reader's language.
    const message = fatal && panicMessage ? panicMessage : String(error?.message ?? error);
    // The engine's own errors carry a message code and its parameters, for the page to translate.
    const code = typeof error?.code === 'string' ? error.code : undefined;
    const params = code ? error.params : undefined;
    const head = fatal || data.type !== 'analyze' ? null : await peekAt(file, settings);
    self.postMessage({ type: 'error', id, message, code, params, fatal, version: engineVersion, peek: head });
  } finally {
    // After a trap the module is not touched again (the page discards this worker).
    if (!fatal) reader?.free();
  }
};

/** Reads `file` into `reader`, posting progress at least every 100 ms. */
async function stream(id, file, reader) {
  const stage = 'reading';
  const total = file.size;
  const progress = () => self.postMessage({
    type: 'progress', id, stage, bytes: reader.bytesRead(), total, rows: reader.rowsRead(),
  });
  progress();
  let last = performance.now();
  for await (const piece of pieces(file)) {
    reader.push(piece);
    const now = performance.now();
    if (now - last >= PROGRESS_EVERY_MS) {
      last = now;
      progress();
    }
  }
  progress();
}

/**
 * The bytes of `file` in pieces of PIECE_BYTES (the last one shorter),
 * each in the same buffer, valid until the next is asked for.
 */
async function* pieces(file) {
  let chunks;
  try {
    chunks = file.stream().getReader({ mode: 'byob' });
  } catch {
    // Blob.stream() is not a byte stream here: slices, a new buffer each.
    for (let offset = 0; offset < file.size; offset += PIECE_BYTES) {
      yield new Uint8Array(await file.slice(offset, offset + PIECE_BYTES).arrayBuffer());
    }
    return;
  }
  let buffer = new ArrayBuffer(PIECE_BYTES);
  try {
    for (let done = false; !done;) {
      let filled = 0;
      while (filled < buffer.byteLength) {
        const read = await chunks.read(new Uint8Array(buffer, filled));
        // Each read hands the same memory back in a new ArrayBuffer (moved, not copied).
        if (read.value) buffer = read.value.buffer;
        if (read.done) {
          done = true;
          break;
        }
        filled += read.value.byteLength;
      }
      if (filled > 0) yield new Uint8Array(buffer, 0, filled);
    }
  } finally {
    // Stops reading the file when the core refused a piece.
    chunks.cancel().catch(() => {});
  }
}

/** The header and first rows of the file, so the page can offer the column mapping. */
async function peekAt(file, settings) {
  try {
    const head = new Uint8Array(await file.slice(0, PEEK_BYTES).arrayBuffer());
    return peek(head, settings) ?? null;
  } catch {
    return null;
  }
}
