// K-means fit times: Segmenta natively (CLI), Segmenta in headless Chromium
// (the page's own wasm build) and scikit-learn (lloyd and elkan, n_init 1
// and 10, one thread; lloyd n_init=1 also on two) on the same generated
// customers' features. Medians of 5 fits with min and max.
//
//   make dist && python3 bench/venv_setup.py   # once: builds the CLI and the Python venv
//   node bench/kmeans_fit_times.mjs            # writes bench/results/kmeans-fit-times.md
//
// `make bench` (bench/run.mjs) runs the same measurement through
// measureKmeansFits and puts it in BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/serve.mjs';
import { launch } from './lib/browser.mjs';
import { ms, ratio, table } from './lib/stats.mjs';

const root = new URL('../', import.meta.url).pathname;
const cli = `${root}target/release/segmenta`;
const python = `${root}target/bench-venv/bin/python`;
export const SIZES = [100_000, 1_000_000];
export const KS = [5, 8];

const fromRust = (r) => ({ min: r.fitMsMin, median: r.fitMsMedian, max: r.fitMsMax });

/** The features file of `n` generated customers (written by the CLI). */
export const featuresFile = (n) => `${root}target/bench-data/features-${n}.csv`;

/**
 * Fits every size × k `repeat` times natively, in `page` (any page of the
 * served dist/) and with scikit-learn; `repeatN10(n)` is the repeat count for
 * scikit-learn's n_init=10 fits. Returns one row per size × k.
 */
export async function measureKmeansFits(page, { repeat = 5, repeatN10 = () => 3, log = console.log } = {}) {
  mkdirSync(`${root}target/bench-data`, { recursive: true });
  const rows = [];
  for (const n of SIZES) {
    for (const k of KS) {
      const native = JSON.parse(execFileSync(cli, ['kmeans-eval', '--generated', String(n), '--k-min', String(k), '--k-max', String(k),
        '--runs', '1', '--repeat', String(repeat), '--features-out', featuresFile(n)]).toString());
      const wasm = await page.evaluate(async ([n, k, repeat]) => {
        const m = await import('./pkg/segmenta.js');
        await m.default();
        return m.benchKmeans(n, k, k, 1, repeat)[0];
      }, [n, k, repeat]);
      const sklearn = (threads) => JSON.parse(execFileSync(python, [`${root}bench/peers.py`, '--threads', String(threads), 'kmeans',
        featuresFile(n), '--k', String(k), '--repeat', String(repeat), '--repeat-n10', String(threads === 1 ? repeatN10(n) : 0)]).toString());
      const one = sklearn(1);
      const two = sklearn(2).fits.find((f) => f.algorithm === 'lloyd' && f.nInit === 1);
      rows.push({ n, k, native: { ...fromRust(native), iterations: native.iterations, inertia: native.inertia },
        wasm: { ...fromRust(wasm), iterations: wasm.iterations, inertia: wasm.inertia }, sklearn: one.fits, sklearnLloyd2T: two,
        versions: one.versions });
      log(`  K-means fit ${n} × 3, k = ${k}: native ${ms(fromRust(native))}, Chromium ${ms(fromRust(wasm))}, scikit-learn lloyd ${ms(one.fits[0].fit)} ms`);
    }
  }
  return rows;
}

const lloyd1 = (r) => r.sklearn.find((f) => f.algorithm === 'lloyd' && f.nInit === 1);

/**
 * The markdown table of `rows` (see measureKmeansFits); with an ml-kmeans
 * column when the rows carry `mlKmeans` (bench/run.mjs adds it).
 */
export function kmeansFitTable(rows) {
  const variant = (r, algorithm, nInit) => r.sklearn.find((f) => f.algorithm === algorithm && f.nInit === nInit);
  const ml = rows.some((r) => r.mlKmeans);
  const n10 = (r, algorithm) => `${ms(variant(r, algorithm, 10).fit)} (${variant(r, algorithm, 10).repeat})`;
  return table(
    ['customers × 3', 'k', 'Segmenta native', 'Segmenta in Chromium', ...(ml ? ['ml-kmeans in Chromium'] : []), 'sklearn lloyd n_init=1',
      'sklearn lloyd n_init=1, 2 threads', 'sklearn elkan n_init=1', 'sklearn lloyd n_init=10 (runs)', 'sklearn elkan n_init=10 (runs)',
      'Chromium ÷ lloyd n_init=1', 'iterations (ours / lloyd)', 'inertia ratio (ours ÷ lloyd n_init=1)'],
    rows.map((r) => [r.n.toLocaleString('en'), r.k, ms(r.native), ms(r.wasm), ...(ml ? [r.mlKmeans ? ms(r.mlKmeans) : 'n/a'] : []),
      ms(lloyd1(r).fit), ms(r.sklearnLloyd2T.fit), ms(variant(r, 'elkan', 1).fit), n10(r, 'lloyd'), n10(r, 'elkan'),
      ratio(r.wasm.median, Math.min(lloyd1(r).fit.median, r.sklearnLloyd2T.fit.median)),
      `${r.wasm.iterations} / ${lloyd1(r).iterations}`, (r.wasm.inertia / lloyd1(r).inertia).toFixed(4)]),
  );
}

/** Writes bench/results/kmeans-fit-times.md from `rows`, naming the `command` that measured them. */
export function writeKmeansFitTimes(rows, command) {
  const report = [
    '# K-means fit times',
    '',
    `Run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0].model}, by \`${command}\`.`,
    'Generated customers (`segmenta kmeans-eval --generated N`), standardised log1p R/F/M, one k-means++ start (n_init = 1) for Segmenta.',
    'Times in ms: median (min–max) of the fits (5 unless the column says). Chromium runs the page\'s own wasm build (simd128 kernels) on the main thread of a headless tab.',
    'scikit-learn runs on one thread (threadpoolctl) unless the column says two. Ratio = Chromium ÷ the faster scikit-learn lloyd n_init=1.',
    '',
    kmeansFitTable(rows),
    '',
  ];
  writeFileSync(`${root}bench/results/kmeans-fit-times.md`, report.join('\n'));
}

async function main() {
  const server = await serve(`${root}dist`, 0);
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const rows = await measureKmeansFits(page);
  await browser.close();
  server.close();
  writeKmeansFitTimes(rows, 'node bench/kmeans_fit_times.mjs');
  console.log('wrote bench/results/kmeans-fit-times.md');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
