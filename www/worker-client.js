// The page's side of the worker: one call per analysis, a promise per call.
// The worker starts lazily, and is discarded (and restarted on the next call)
// when it fails or when a call is cancelled through its AbortSignal.

/** Runs analyses in a module Web Worker. */
export class AnalysisWorker {
  #worker = null;
  #pending = new Map();
  #nextId = 1;
  #warming = null;
  #onReady = () => {};
  #onReadyFailed = () => {};

  /**
   * Analyses `file` (a File or Blob; the worker streams it) with `settings`.
   * Resolves to `{ report, version, timings }`; rejects with an Error whose
   * message is meant for the user (for an engine crash, `fatal` is set,
   * the message is the panic's and `version` the engine's) and whose `peek` holds the file's header
   * and first rows when they could be read. `onProgress(stage, { bytes,
   * total, rows })` is called while reading.
   */
  analyze(file, settings, { onProgress = () => {}, signal } = {}) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new DOMException('Cancelled', 'AbortError'));
      this.#pending.set(id, { resolve, reject, onProgress });
      signal?.addEventListener('abort', () => {
        // Only a call still running is cancelled (by stopping the worker).
        if (this.#pending.has(id)) this.#failAll(new DOMException('Cancelled', 'AbortError'));
      }, { once: true });
      this.#ensure().postMessage({ type: 'analyze', id, file, settings });
    });
  }

  /**
   * The text of a download of the latest analysis (`customers.csv`,
   * `segments.csv`, `summary.json`, `settings.json`).
   */
  download(name) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress: () => {} });
      this.#ensure().postMessage({ type: 'download', id, name });
    });
  }

  /** Starts the worker and loads the engine now; resolves to its version. */
  warm() {
    this.#warming ??= new Promise((resolve, reject) => {
      this.#onReady = resolve;
      this.#onReadyFailed = reject;
      this.#ensure().postMessage({ type: 'warm' });
    });
    return this.#warming;
  }

  #ensure() {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => this.#receive(data);
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(event.message || 'worker error');
      error.fatal = true;
      this.#failAll(error);
    };
    this.#worker = worker;
    return worker;
  }

  #receive(msg) {
    if (msg.type === 'ready') return this.#onReady(msg.version);
    const call = this.#pending.get(msg.id);
    if (!call) return;
    if (msg.type === 'progress') return call.onProgress(msg.stage, msg);
    this.#pending.delete(msg.id);
    if (msg.type === 'result') call.resolve({ report: msg.report, version: msg.version, timings: msg.timings });
    else if (msg.type === 'file') call.resolve(msg.text);
    else {
      call.reject(Object.assign(new Error(msg.message), {
        peek: msg.peek ?? null, fatal: Boolean(msg.fatal), code: msg.code, params: msg.params,
        version: msg.version ?? null,
      }));
      if (msg.fatal) this.#discard();
    }
  }

  /** Rejects every pending call and discards the worker. */
  #failAll(error) {
    this.#onReadyFailed(error);
    for (const call of this.#pending.values()) call.reject(error);
    this.#pending.clear();
    this.#discard();
  }

  #discard() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#warming = null;
  }
}
