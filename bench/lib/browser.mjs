// Segmenta's real page in headless Chromium: the file given through the real
// #file-input, timed from the input's change event to the page's `done`
// state and the frame after it, with the page's own stage timings, the main
// thread's longest tasks, the JS heap and the renderer process's memory.
import { chromium } from 'playwright-core';
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { memoryOf, rendererPids } from './procs.mjs';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'];

/** Launches the system Chromium as the browser tests do. */
export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Runs in the page before its own scripts: long tasks, a main-thread
// heartbeat (the largest gap between 5 ms timers), and the moments the file
// was chosen, the page said `done`, and the next frame was drawn.
function instrument() {
  const probe = { longTasks: [], maxGap: 0, chosen: null, done: null, painted: null, heartbeat: false };
  window.__probe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let last = performance.now();
  const beat = () => {
    const now = performance.now();
    if (probe.heartbeat) probe.maxGap = Math.max(probe.maxGap, now - last);
    last = now;
    setTimeout(beat, 5);
  };
  setTimeout(beat, 5);
  window.addEventListener('change', (e) => {
    if (e.target.id === 'file-input') {
      probe.chosen = performance.now();
      probe.heartbeat = true;
      last = probe.chosen;
    }
  }, true);
  new MutationObserver(() => {
    if (document.body?.dataset.state === 'done' && probe.chosen !== null && probe.done === null) {
      probe.done = performance.now();
      requestAnimationFrame(() => setTimeout(() => {
        probe.painted = performance.now();
        probe.heartbeat = false;
      }, 0));
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });
}

/**
 * One analysis of `file` through the page in a fresh browser (so the
 * renderer's peak memory is this run's). Returns times in ms and memory in
 * bytes.
 */
export async function pageRun(base, file, { timeoutMs = 600_000 } = {}) {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.addInitScript(instrument);
    await page.goto(base);
    await page.waitForLoadState('load');
    await engineReady(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const renderers = rendererPids();
    const baseline = Math.max(...renderers.map((pid) => memoryOf(pid).anon));
    const baselineRss = Math.max(...renderers.map((pid) => memoryOf(pid).rss));
    let peakAnon = baseline;
    let peakHeap = 0;
    let sampling = true;
    const sampleRss = setInterval(() => {
      for (const pid of renderers) peakAnon = Math.max(peakAnon, memoryOf(pid).anon);
    }, 20);
    const sampleHeap = (async () => {
      while (sampling) {
        try {
          const { metrics } = await cdp.send('Performance.getMetrics');
          peakHeap = Math.max(peakHeap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
        } catch { /* page closing */ }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await page.setInputFiles('#file-input', file);
    await page.waitForFunction(() => window.__probe?.painted != null || document.body.dataset.state === 'error',
      null, { timeout: timeoutMs, polling: 50 });
    sampling = false;
    clearInterval(sampleRss);
    await sampleHeap;
    const hwm = Math.max(...renderers.map((pid) => memoryOf(pid).hwm));
    const result = await page.evaluate(() => ({
      state: document.body.dataset.state,
      error: document.getElementById('error').textContent,
      probe: window.__probe,
      timings: window.segmentaTimings,
      customers: document.querySelector('#headline [data-term="Customers"] dd')?.textContent,
    }));
    if (result.state !== 'done') throw new Error(`the page ended in ${result.state}: ${result.error}`);
    const { probe } = result;
    const during = probe.longTasks.filter((t) => t.start + t.duration >= probe.chosen);
    return {
      chosenToDone: probe.done - probe.chosen,
      chosenToPainted: probe.painted - probe.chosen,
      timings: result.timings,
      longestTask: Math.max(0, ...during.map((t) => t.duration)),
      longTasks: during.length,
      maxGap: probe.maxGap,
      peakHeap,
      rendererAnonBaseline: baseline,
      rendererAnonPeak: peakAnon,
      rendererRssBaseline: baselineRss,
      rendererRssPeak: hwm,
      customers: result.customers,
    };
  } finally {
    await browser.close();
  }
}

/**
 * Waits until the page has loaded its engine (`data-engine="ready"` on the
 * body: a user picks a file after that) and returns when, in ms since
 * navigation (to within a frame).
 */
async function engineReady(page) {
  const handle = await page.waitForFunction(() => document.body.dataset.engine === 'ready' && performance.now(),
    null, { timeout: 60_000, polling: 'raf' });
  return handle.jsonValue();
}

/** First contentful paint, load event and engine ready, fresh browser each time (ms since navigation). */
export async function firstRender(base) {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(base);
    await page.waitForLoadState('load');
    const ready = await engineReady(page);
    return await page.evaluate((ready) => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      load: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? NaN,
      ready,
    }), ready);
  } finally {
    await browser.close();
  }
}

/** Raw and gzip (level 9) sizes of the page's wasm and JavaScript, and of everything else it loads. */
export function pageWeight(dist) {
  // Every file under dist/, folders (pkg/, i18n/) included, but the sample data and dot files.
  const under = (dir, prefix) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
    ? under(`${dir}/${e.name}`, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
  const files = under(dist, '').filter((f) => f !== 'sample.csv' && !f.split('/').pop().startsWith('.'));
  const rows = files.map((f) => {
    const bytes = readFileSync(`${dist}/${f}`);
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const code = rows.filter((r) => r.file.endsWith('.wasm') || r.file.endsWith('.js'));
  const sum = (rs, key) => rs.reduce((s, r) => s + r[key], 0);
  return { files: rows, code: { raw: sum(code, 'raw'), gzip: sum(code, 'gzip') }, all: { raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip') } };
}
