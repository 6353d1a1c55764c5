// K-means fit times: Segmenta natively (CLI), Segmenta in headless Chromium
// (the page's own wasm build) and scikit-learn (lloyd, n_init=1) on the same
// generated customers' features. Medians of 5 fits with min and max.
//
//   make dist && python3 bench/kmeans_vs_sklearn.py   # once: builds the CLI and the Python venv
//   node bench/kmeans_fit_times.mjs                    # writes bench/results/kmeans-fit-times.md
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

const root = new URL('../', import.meta.url).pathname;
const cli = `${root}target/release/segmenta`;
const python = `${root}target/bench-venv/bin/python`;
const SIZES = [100_000, 1_000_000];
const KS = [5, 8];
const REPEAT = 5;

const SKLEARN = `
import json, sys, time
import numpy as np
from sklearn.cluster import KMeans
x = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
k, repeat = int(sys.argv[2]), int(sys.argv[3])
times = []
for _ in range(repeat):
    t = time.perf_counter()
    m = KMeans(n_clusters=k, n_init=1, algorithm="lloyd", random_state=0).fit(x)
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(json.dumps({"min": times[0], "median": times[len(times) // 2], "max": times[-1], "inertia": float(m.inertia_), "iterations": int(m.n_iter_)}))
`;

const fmt = (t) => `${t.median.toFixed(0)} (${t.min.toFixed(0)}–${t.max.toFixed(0)})`;

const server = await serve(`${root}dist`, 0);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);

const rows = [];
for (const n of SIZES) {
  const features = `${root}target/bench-data/features-${n}.csv`;
  for (const k of KS) {
    const native = JSON.parse(execFileSync(cli, ['kmeans-eval', '--generated', String(n), '--k-min', String(k), '--k-max', String(k),
      '--runs', '1', '--repeat', String(REPEAT), '--features-out', features]).toString());
    const wasm = await page.evaluate(async ([n, k, repeat]) => {
      const m = await import('./pkg/segmenta.js');
      await m.default();
      return m.benchKmeans(n, k, k, 1, repeat)[0];
    }, [n, k, REPEAT]);
    const sk = JSON.parse(execFileSync(python, ['-c', SKLEARN, features, String(k), String(REPEAT)]).toString());
    const t = (r) => ({ min: r.fitMsMin, median: r.fitMsMedian, max: r.fitMsMax });
    rows.push(`| ${n.toLocaleString('en')} | ${k} | ${fmt(t(native))} | ${fmt(t(wasm))} | ${fmt(sk)} | ${(wasm.fitMsMedian / sk.median).toFixed(2)} | ${native.iterations} / ${sk.iterations} | ${(native.inertia / sk.inertia).toFixed(4)} |`);
    console.log(rows.at(-1));
  }
}
await browser.close();
server.close();

const report = [
  '# K-means fit times',
  '',
  `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0].model}, by \`node bench/kmeans_fit_times.mjs\`.`,
  'Generated customers (`segmenta kmeans-eval --generated N`), standardised log1p R/F/M, one k-means++ start (n_init = 1).',
  `Times in ms: median (min–max) of ${REPEAT} fits. Chromium runs the page's own wasm build (simd128 kernels) on the main thread of a headless tab.`,
  'Ratio = Chromium ÷ scikit-learn. Iterations: Segmenta / scikit-learn. Inertia ratio: Segmenta native ÷ scikit-learn (single starts, so either may win).',
  '',
  '| customers | k | Segmenta native | Segmenta in Chromium | scikit-learn lloyd | ratio | iterations | inertia ratio |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
];
writeFileSync(`${root}bench/results/kmeans-fit-times.md`, report.join('\n'));
console.log('wrote bench/results/kmeans-fit-times.md');
