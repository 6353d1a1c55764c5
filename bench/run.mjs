// The benchmark harness: Segmenta side by side with what users would pick
// instead, on the same generated files, in one run. `make bench` runs it
// (after building dist/ and the release CLI); it installs the peers into
// target/, writes target/bench/results.json and regenerates BENCHMARKS.md.
//
//   make bench                      # the full run (about 15–25 minutes on 2 cores)
//   BENCH_QUICK=1 node bench/run.mjs  # 10k and 100k rows, 2 repeats: checks the harness itself
//
// Every figure in BENCHMARKS.md comes from this run; bench/report.mjs turns
// the results file into the markdown (`node bench/report.mjs` re-renders it).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { serve } from '../scripts/serve.mjs';
import { firstRender, launch, pageRun, pageWeight } from './lib/browser.mjs';
import { describeMachine } from './lib/machine.mjs';
import { baselineFits, baselinePipeline, installPeers, pandas, pandasJson, withBaselinePage } from './lib/peers.mjs';
import { cpuJiffies, json, ownJiffies, timed } from './lib/procs.mjs';
import { spread } from './lib/stats.mjs';
import { featuresFile, measureKmeansFits, writeKmeansFitTimes } from './kmeans_fit_times.mjs';
import { writeReport } from './report.mjs';

const root = new URL('../', import.meta.url).pathname;
const cli = `${root}target/release/segmenta`;
const dataDir = `${root}target/bench-data`;
const quick = process.env.BENCH_QUICK === '1';
const SEED = 7;

// The files: rows, customers (default one per ten rows; the 5M file has
// 1.1M customers, the shape of the research anchors' 5M file), repeats.
const FILES = [
  { id: '10k', rows: 10_000, repeat: 5 },
  { id: '100k', rows: 100_000, repeat: 5 },
  { id: '1m', rows: 1_000_000, repeat: 5 },
  { id: '5m', rows: 5_000_000, customers: 1_100_000, repeat: 3 },
].filter((f) => !quick || f.rows <= 100_000).map((f) => ({ ...f, repeat: quick ? 2 : f.repeat }));
const HEADLINE = quick ? '100k' : '1m';
const BIG = quick ? '100k' : '5m';

const log = (...a) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);
const results = { quick, seed: SEED, commands: {}, started: new Date().toISOString() };

/** Writes each file unless an identical one (same spec and generator source) is there. */
function generateFiles() {
  mkdirSync(dataDir, { recursive: true });
  const generator = createHash('sha256').update(readFileSync(`${root}src/generate.rs`)).digest('hex').slice(0, 16);
  for (const f of FILES) {
    f.path = `${dataDir}/tx-${f.id}.csv`;
    const args = ['generate', '--rows', String(f.rows), '--seed', String(SEED), ...(f.customers ? ['--customers', String(f.customers)] : []), '--out', f.path];
    f.command = `segmenta ${args.join(' ').replace(root, '')}`;
    const spec = JSON.stringify({ args: args.slice(0, -1), generator });
    const sidecar = `${f.path}.spec`;
    if (!existsSync(f.path) || !existsSync(sidecar) || readFileSync(sidecar, 'utf8') !== spec) {
      const run = timed(cli, args);
      writeFileSync(sidecar, spec);
      f.generatedMs = run.wallMs;
      log(`generated ${f.id} in ${Math.round(run.wallMs)} ms`);
    }
    f.bytes = statSync(f.path).size;
  }
  results.files = FILES.map(({ id, rows, customers, bytes, command, repeat }) => ({ id, rows, customers, bytes, command, repeat }));
}

/** Native CLI: in-process stages (k auto and k = 5), then whole processes alternated with pandas + scikit-learn. */
function native() {
  results.native = {};
  for (const f of FILES) {
    const stages = (k) => json(cli, ['stages', f.path, '--k', k, '--repeat', String(f.repeat)]);
    const auto = stages('auto');
    const fixed = stages('5');
    const ours = [];
    const theirs = [];
    for (let i = 0; i < f.repeat; i++) {
      ours.push(timed(cli, ['analyze', f.path, '--format', 'json']));
      theirs.push(pandas(python, root, ['pipeline', f.path, '--repeat', '1']));
    }
    const rfmC = pandas(python, root, ['rfm', f.path, '--repeat', String(f.repeat)]);
    const rfmArrow = pandasJson(python, root, ['rfm', f.path, '--repeat', String(f.repeat), '--engine', 'pyarrow']);
    const matched = f.rows >= 1_000_000 || quick
      ? pandasJson(python, root, ['pipeline', f.path, '--variant', 'matched', '--repeat', String(matchedRepeat(f))])
      : null;
    results.native[f.id] = {
      auto, fixed,
      endToEnd: spread(ours.map((r) => r.wallMs)),
      peakRss: Math.max(...ours.map((r) => r.peakRssBytes)),
      pandasPipeline: {
        inProcess: spread(theirs.map((r) => r.steps.total.median)),
        steps: Object.fromEntries(Object.keys(theirs[0].steps).map((s) => [s, spread(theirs.map((r) => r.steps[s].median))])),
        wall: spread(theirs.map((r) => r.wallMs)),
        peakRss: Math.max(...theirs.map((r) => r.peakRssBytes)),
        k: theirs[0].k,
        customers: theirs[0].customers,
      },
      pandasRfm: { c: rfmC, pyarrow: rfmArrow },
      matched,
      versions: theirs[0].versions,
    };
    log(`native ${f.id}: stages total ${Math.round(auto.total.median)} ms, whole process ${Math.round(results.native[f.id].endToEnd.median)} ms; pandas + scikit-learn ${Math.round(results.native[f.id].pandasPipeline.inProcess.median)} ms`);
  }
  results.commands.native = ['segmenta stages FILE --k auto|5 --repeat N', 'segmenta analyze FILE --format json (under /usr/bin/time)',
    'target/bench-venv/bin/python bench/peers.py --threads 1 pipeline|rfm FILE …'];
}

/** Runs of the scikit-learn pipeline with Segmenta's own plan (see report.mjs). */
const matchedRepeat = (f) => (f.rows >= 5_000_000 ? 1 : Math.min(3, f.repeat));

/** The real page in Chromium, a fresh browser per run. */
async function browser() {
  const server = await serve(`${root}dist`, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  results.browser = { runs: {} };
  try {
    for (const f of FILES) {
      const runs = [];
      for (let i = 0; i < f.repeat; i++) runs.push(await pageRun(base, f.path));
      results.browser.runs[f.id] = runs;
      log(`page ${f.id}: chosen → done ${spread(runs.map((r) => r.chosenToDone)).median.toFixed(0)} ms, longest task ${Math.max(...runs.map((r) => r.longestTask)).toFixed(0)} ms`);
    }
    results.browser.stages = await wasmStages(base, FILES.find((f) => f.id === HEADLINE));
    const renders = [];
    for (let i = 0; i < 5; i++) renders.push(await firstRender(base));
    results.browser.firstRender = Object.fromEntries(['fcp', 'load', 'ready'].map((key) => [key, spread(renders.map((r) => r[key]))]));
    results.browser.weight = pageWeight(`${root}dist`);
    const b = await launch();
    results.browser.version = b.version();
    await b.close();
  } finally {
    server.close();
  }
}

/** benchStages in the page (main thread, no worker): parse alone and each stage, in wasm. */
async function wasmStages(base, f) {
  const b = await launch();
  try {
    const page = await b.newPage();
    await page.goto(base);
    await page.evaluate(() => {
      const input = Object.assign(document.createElement('input'), { type: 'file', id: 'bench-input' });
      document.body.append(input);
    });
    await page.setInputFiles('#bench-input', f.path);
    const timing = await page.evaluate(async ([repeat]) => {
      const m = await import('./pkg/segmenta.js');
      await m.default();
      const bytes = new Uint8Array(await document.getElementById('bench-input').files[0].arrayBuffer());
      return m.benchStages(bytes, { clusters: { k: 'auto' } }, repeat);
    }, [f.repeat]);
    log(`wasm stages ${f.id}: parse ${timing.parse.median.toFixed(0)} ms, ingest ${timing.ingest.median.toFixed(0)} ms`);
    return { file: f.id, ...timing };
  } finally {
    await b.close();
  }
}

/** K-means fit alone: Segmenta native and in Chromium, scikit-learn, and ml-kmeans in Chromium. */
async function kmeansFits() {
  const server = await serve(`${root}dist`, 0);
  const b = await launch();
  try {
    const page = await b.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    results.kmeans = await measureKmeansFits(page, { repeat: quick ? 2 : 5, repeatN10: (n) => (n >= 1_000_000 ? 1 : 3), log });
  } finally {
    await b.close();
    server.close();
  }
  await withBaselinePage(root, async (page) => {
    for (const row of results.kmeans) {
      const repeat = quick ? 1 : row.n >= 1_000_000 ? 2 : 3;
      const fits = await baselineFits(page, featuresFile(row.n).split('/').pop(), row.k, repeat);
      row.mlKmeans = { ...spread(fits.times), iterations: fits.iterations, inertia: fits.inertia };
      log(`  ml-kmeans ${row.n} k=${row.k}: ${row.mlKmeans.median.toFixed(0)} ms`);
    }
  });
  if (!quick) writeKmeansFitTimes(results.kmeans, 'make bench');
  results.commands.kmeans = ['segmenta kmeans-eval --generated N --k-min K --k-max K --runs 1 --repeat 5 --features-out F',
    'benchKmeans(N, K, K, 1, 5) in the page', 'bench/peers.py kmeans F --k K', 'ml-kmeans kmeans(points, K, { initialization: "kmeans++" })'];
}

/** papaparse + Map + ml-kmeans (k = 5) in the same Chromium. */
async function jsBaseline() {
  results.jsBaseline = {};
  await withBaselinePage(root, async (page) => {
    for (const f of FILES) {
      const repeat = f.rows >= 5_000_000 ? 1 : Math.min(3, f.repeat);
      const runs = [];
      try {
        for (let i = 0; i < repeat; i++) runs.push(await baselinePipeline(page, f.path, 5));
      } catch (e) {
        results.jsBaseline[f.id] = { error: String(e.message ?? e).slice(0, 300) };
        log(`JS baseline ${f.id} failed: ${e.message}`);
        continue;
      }
      results.jsBaseline[f.id] = {
        repeat, customers: runs[0].customers,
        ...Object.fromEntries(['parse', 'rfm', 'features', 'kmeans', 'total'].map((s) => [s, spread(runs.map((r) => r[s]))])),
      };
      log(`JS baseline ${f.id}: ${results.jsBaseline[f.id].total.median.toFixed(0)} ms`);
    }
  });
}

/** A flat profile of the native CLI on the headline file (perf), when perf works here. */
function profile() {
  const f = FILES.find((x) => x.id === HEADLINE);
  const data = `${root}target/bench/perf.data`;
  try {
    execFileSync('perf', ['record', '-F', '2000', '-o', data, '--', cli, 'stages', f.path, '--k', 'auto', '--repeat', '2'], { stdio: 'ignore' });
    const text = execFileSync('perf', ['report', '-i', data, '--no-children', '--sort', 'symbol', '--percent-limit', '1.5', '--stdio'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    results.profile = { file: f.id, command: `perf record -F 2000 -- segmenta stages ${f.id} --k auto --repeat 2`,
      top: text.split('\n').filter((l) => /^\s+\d/.test(l)).map((l) => l.trim().replace(/[\s-]+$/, '').replace(/\s+/g, ' ')).slice(0, 20) };
  } catch (e) {
    results.profile = { error: String(e.message).slice(0, 200) };
  }
}

/** The inertia comparison with scikit-learn (bench/kmeans_vs_sklearn.py, its own results file). */
function inertia() {
  try {
    // One thread for scikit-learn here too: OpenMP spinning on a shared 2-core machine makes its times erratic.
    execFileSync('python3', [`${root}bench/kmeans_vs_sklearn.py`], { stdio: 'ignore', env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' } });
    results.inertia = { ok: true };
  } catch (e) {
    results.inertia = { ok: false, status: e.status };
  }
}

mkdirSync(`${root}target/bench`, { recursive: true });
const python = (log('installing the peers (PyPI, npm) into target/ when missing'), installPeers(root));
results.machine = describeMachine(root);
const cpu0 = cpuJiffies();
const own0 = ownJiffies();
generateFiles();
for (const [name, step] of [['native', native], ['browser', browser], ['kmeans', kmeansFits], ['jsBaseline', jsBaseline], ['profile', profile], ['inertia', inertia]]) {
  log(`— ${name}`);
  await step();
}
const cpu1 = cpuJiffies();
results.machine.loadAtEnd = loadavg();
results.machine.foreignCpuShare = Math.max(0, (cpu1.busy - cpu0.busy) - (ownJiffies() - own0)) / (cpu1.total - cpu0.total);
results.finished = new Date().toISOString();
writeFileSync(`${root}target/bench/results.json`, JSON.stringify(results, null, 1));
writeReport(results, `${root}BENCHMARKS.md`, { headline: HEADLINE, big: BIG });
log('wrote target/bench/results.json and BENCHMARKS.md');
