// BENCHMARKS.md from target/bench/results.json: every figure comes from the
// harness's last run (bench/run.mjs), nothing is typed by hand. The prose
// about causes lives in bench/findings.md and is included as written.
//
//   node bench/report.mjs     # re-renders BENCHMARKS.md from the last results
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { count, kb, mb, ms, ratio, spread, table } from './lib/stats.mjs';
import { kmeansFitTable } from './kmeans_fit_times.mjs';

const root = new URL('../', import.meta.url).pathname;
const pct = (x) => `${(x * 100).toFixed(0)} %`;
const verdict = (met, how) => (met ? `**met** (${how})` : `**missed** (${how})`);
const s = (x) => (x / 1000).toFixed(2);

/** The targets of issue 7, each with its measured figure and verdict. */
function targets(r, headline, big) {
  const out = [];
  const file = (id) => r.files.find((f) => f.id === id);
  const page = (id) => r.browser?.runs[id];
  const nat = r.native;
  if (page(headline) && nat?.[headline]) {
    const e2e = spread(page(headline).map((x) => x.chosenToPainted));
    const theirs = nat[headline].pandasPipeline.inProcess;
    const q = e2e.median / theirs.median;
    out.push([`Chromium end to end, ${headline} rows, k auto ≤ ¼ of pandas + scikit-learn (RFM + K-means k = 2..10 + silhouette)`,
      `${s(e2e.median)} s vs ${s(theirs.median)} s: ratio ${q.toFixed(3)}`, verdict(q <= 0.25, q <= 0.25 ? `${(0.25 / q).toFixed(1)}× under the bar` : `${(q / 0.25).toFixed(2)}× the bar`)]);
    out.push(['… and under 2 s', `${s(e2e.median)} s (median of ${e2e.n}; slowest ${s(e2e.max)} s)`,
      verdict(e2e.median < 2000, e2e.median < 2000 ? `${s(2000 - e2e.median)} s to spare` : `${s(e2e.median - 2000)} s over`)]);
    const longest = Math.max(...page(headline).map((x) => x.longestTask));
    const gap = Math.max(...page(headline).map((x) => x.maxGap));
    out.push(['Main thread never blocked > 50 ms (during the run)', `longest long task ${longest.toFixed(0)} ms (0 = none over 50 ms); largest gap between 5 ms timers ${gap.toFixed(0)} ms`,
      verdict(longest <= 50, longest <= 50 ? 'no long task' : `${(longest - 50).toFixed(0)} ms over`)]);
  }
  if (nat?.[big]) {
    const ours = nat[big].endToEnd.median;
    const theirs = nat[big].pandasPipeline.inProcess.median;
    const q = ours / theirs;
    out.push([`Native CLI end to end, ${big} rows, ≥ 5× faster than pandas + scikit-learn`,
      `whole process ${s(ours)} s vs ${s(theirs)} s in-process (their whole process ${s(nat[big].pandasPipeline.wall.median)} s): ${(1 / q).toFixed(1)}× faster`,
      verdict(q <= 0.2, q <= 0.2 ? `${((1 / q) / 5).toFixed(1)}× the bar` : `needs ${(ours - theirs / 5) >= 0 ? s(ours - theirs / 5) : 0} s less, or ${(q / 0.2).toFixed(2)}× too slow`)]);
  }
  const fit = r.kmeans?.find((x) => x.n === 1_000_000 && x.k === 8);
  if (fit) {
    const lloyd = fit.sklearn.find((f) => f.algorithm === 'lloyd' && f.nInit === 1);
    const best = Math.min(lloyd.fit.median, fit.sklearnLloyd2T.fit.median);
    const q = fit.wasm.median / best;
    out.push(['K-means fit 1M × 3, k = 8, Chromium faster than scikit-learn lloyd n_init=1 (aim ≤ 0.5)',
      `${fit.wasm.median.toFixed(0)} ms vs ${best.toFixed(0)} ms (the faster of 1 and 2 threads): ratio ${q.toFixed(2)}`,
      verdict(q < 1, q <= 0.5 ? 'aim reached too' : q < 1 ? 'aim of 0.5 not reached' : `${q.toFixed(2)}× slower`)]);
  }
  const st = r.browser?.stages;
  if (st) {
    const rate = st.bytes / 1e6 / (st.ingest.median / 1000);
    out.push(['CSV parse + aggregate in wasm ≥ 300 MB/s', `${rate.toFixed(0)} MB/s on the ${st.file} file (${st.ingest.median.toFixed(0)} ms for ${mb(st.bytes)}, benchStages in Chromium); parse alone ${(st.bytes / 1e6 / (st.parse.median / 1000)).toFixed(0)} MB/s`,
      verdict(rate >= 300, rate >= 300 ? `${(rate / 300).toFixed(2)}× the bar` : `${(100 * (1 - rate / 300)).toFixed(0)} % short: ${(st.ingest.median - st.bytes / 300e3).toFixed(0)} ms over the budget of ${(st.bytes / 300e3).toFixed(0)} ms for this file`)]);
  }
  if (page(headline)) {
    const peak = Math.max(...page(headline).map((x) => x.rendererAnonPeak));
    const bytes = file(headline).bytes;
    out.push([`Peak tab memory on the ${headline}-row file < 2× file size (${mb(2 * bytes)})`,
      `${mb(peak)} = ${(peak / bytes).toFixed(2)}× the file (renderer process's private memory, page + worker + wasm; ${mb(Math.max(...page(headline).map((x) => x.rendererAnonBaseline)))} before the file)`,
      verdict(peak < 2 * bytes, peak < 2 * bytes ? `${mb(2 * bytes - peak)} to spare` : `${mb(peak - 2 * bytes)} over`)]);
  }
  if (page(big)) {
    const runs = page(big);
    out.push([`The ${big}-row file (${mb(file(big).bytes)}) completes in the page`, `${runs.length} of ${runs.length} runs completed, ${s(spread(runs.map((x) => x.chosenToPainted)).median)} s each (median); renderer peak ${mb(Math.max(...runs.map((x) => x.rendererAnonPeak)))}`, verdict(true, 'completes')]);
  }
  const w = r.browser?.weight;
  if (w) {
    out.push(['Page weight: wasm + JS < 600 KB gzip', `${kb(w.code.gzip)} gzip (${kb(w.code.raw)} raw); everything the page loads: ${kb(w.all.gzip)} gzip`, verdict(w.code.gzip < 600_000, `${kb(600_000 - w.code.gzip)} to spare`)]);
    const fcp = r.browser.firstRender.fcp;
    out.push(['First render < 500 ms from a local server', `first contentful paint ${ms(fcp)} ms (fresh browser each of ${fcp.n} loads); load event ${ms(r.browser.firstRender.load)} ms; engine (wasm) ready ${ms(r.browser.firstRender.ready)} ms`, verdict(fcp.median < 500, fcp.median < 500 ? `${(500 - fcp.median).toFixed(0)} ms to spare` : `${(fcp.median - 500).toFixed(0)} ms over`)]);
  }
  return table(['target', 'measured', 'verdict'], out);
}

function nativeSection(r) {
  const rows = [];
  for (const f of r.files) {
    const n = r.native?.[f.id];
    if (!n) continue;
    const a = n.auto;
    const aggregate = a.ingest.median - a.parse.median;
    rows.push([f.id, ms(a.parse), aggregate.toFixed(0), `${ms(a.ingest)} (${(f.bytes / 1e6 / (a.ingest.median / 1000)).toFixed(0)} MB/s)`, ms(a.rfm),
      ms(a.features), ms(n.fixed.clusters), ms(a.clusters), ms(a.profiles), ms(a.total), ms(n.endToEnd), mb(n.peakRss), `${a.customers.toLocaleString('en')} / k ${a.k}`]);
  }
  return table(['file', 'parse only', 'aggregate (median ingest − median parse)', 'parse + aggregate', 'RFM + scores + segments', 'features', 'K-means k = 5', 'K-means k auto (2..10)',
    'profiles', 'in-process total (k auto)', 'whole process `analyze` (k auto)', 'peak RSS', 'customers / chosen k'], rows);
}

function versusPandas(r) {
  const rows = [];
  for (const f of r.files) {
    const n = r.native?.[f.id];
    if (!n) continue;
    const p = n.pandasPipeline;
    rows.push([f.id, ms(n.endToEnd), ms(p.inProcess), ms(p.wall), ratio(n.endToEnd.median, p.inProcess.median), `${mb(n.peakRss)} / ${mb(p.peakRss)}`,
      `${ms(p.steps.read_csv)} + ${ms(p.steps.to_datetime)} + ${ms(p.steps.groupby)} + ${ms(p.steps.qcut)}`, ms(p.steps.kmeans), ms(p.steps.silhouette), `${p.k} / ${n.auto.k}`]);
  }
  const rfm = [];
  for (const f of r.files) {
    const n = r.native?.[f.id];
    if (!n) continue;
    const ours = n.auto.ingest.median + n.auto.rfm.median;
    rfm.push([f.id, ms({ min: ours, median: ours, max: ours }), ms(n.pandasRfm.c.steps.total), ms(n.pandasRfm.pyarrow.steps.total),
      ratio(ours, n.pandasRfm.c.steps.total.median), ratio(ours, n.pandasRfm.pyarrow.steps.total.median),
      `${count(n.auto.customers)} / ${count(n.pandasRfm.c.customers)}`]);
  }
  const matched = r.files.filter((f) => r.native?.[f.id]?.matched).map((f) => {
    const m = r.native[f.id].matched;
    return [f.id, ms(r.native[f.id].auto.total), ms(m.steps.total), ratio(r.native[f.id].auto.total.median, m.steps.total.median),
      ms(m.steps.kmeans), ms(m.steps.silhouette), ms(m.steps.final_fit), `${m.k} / ${r.native[f.id].auto.k}`,
      m.steps.total.n ?? (f.rows >= 5_000_000 ? 1 : Math.min(3, f.repeat))];
  });
  return [
    '### Whole analysis: Segmenta CLI against the pandas + scikit-learn notebook',
    '',
    'The notebook: `read_csv`, `to_datetime`, `groupby` (R, F = distinct invoices, M = net spend), `qcut` scores, standardised log1p features,',
    'then for k = 2..10 `KMeans(k, n_init=1)` on every customer and `silhouette_score(sample_size=10000)`, best silhouette kept (bench/peers.py `pipeline`).',
    'Runs alternate (ours, theirs, ours, …). Ratio = our whole process ÷ their in-process time (imports excluded), i.e. the comparison least kind to us.',
    '',
    table(['file', 'Segmenta whole process', 'pandas + sklearn in-process', 'pandas + sklearn whole process', 'ratio', 'peak RSS ours / theirs',
      'their RFM: read_csv + to_datetime + groupby + qcut', 'their K-means ×9', 'their silhouette ×9', 'chosen k theirs / ours'], rows),
    '',
    '### CSV → scored RFM table only',
    '',
    'Ours: the ingest and RFM stages of `segmenta stages` (in-process medians). Theirs: bench/peers.py `rfm` with the C parser (default) and with `engine="pyarrow"` (two threads).',
    '',
    table(['file', 'Segmenta ingest + RFM', 'pandas (C engine)', 'pandas (pyarrow engine)', 'ratio vs C', 'ratio vs pyarrow', 'customers ours / theirs'], rfm),
    '',
    '### The same plan as Segmenta, in scikit-learn',
    '',
    'Segmenta does not fit every k on every customer: it fits each k (best of 3 k-means++ starts) on a 20,000-customer sample, scores the silhouette on 4,000 of them,',
    'then fits the chosen k (best of 3) on everyone. bench/peers.py `pipeline --variant matched` does exactly that with scikit-learn. In-process totals.',
    '',
    table(['file', 'Segmenta in-process', 'scikit-learn, same plan', 'ratio', 'their K-means', 'their silhouette', 'their final fit', 'chosen k theirs / ours', 'their runs'], matched),
  ].join('\n');
}

function browserSection(r) {
  const rows = [];
  for (const f of r.files) {
    const runs = r.browser?.runs[f.id];
    if (!runs) continue;
    const t = (key) => spread(runs.map((x) => x.timings[key]));
    const transfer = spread(runs.map((x) => x.timings.worker - x.timings.call));
    rows.push([f.id, ms(spread(runs.map((x) => x.chosenToPainted))), ms(t('read')), ms(t('ingest')), ms(t('rfm')), ms(t('features')),
      ms(t('clusters')), ms(t('profiles')), ms(t('call')), ms(transfer), ms(t('render')),
      `${(f.bytes / 1e6 / (t('ingest').median / 1000)).toFixed(0)} MB/s`, runs.length]);
  }
  const mem = [];
  for (const f of r.files) {
    const runs = r.browser?.runs[f.id];
    if (!runs) continue;
    const peak = Math.max(...runs.map((x) => x.rendererAnonPeak));
    mem.push([f.id, mb(f.bytes), mb(Math.max(...runs.map((x) => x.rendererAnonBaseline))), mb(peak), `${(peak / f.bytes).toFixed(2)}×`,
      mb(Math.max(...runs.map((x) => x.rendererRssPeak))), mb(Math.max(...runs.map((x) => x.timings.wasmMemory))), mb(Math.max(...runs.map((x) => x.peakHeap))),
      `${Math.max(...runs.map((x) => x.longestTask)).toFixed(0)} / ${Math.max(...runs.map((x) => x.maxGap)).toFixed(0)}`]);
  }
  const st = r.browser?.stages;
  const stages = st ? table(['stage (wasm, main thread, no worker)', 'ms', 'MB/s'], [
    ['parse only (the ingest\'s splitter, every record)', ms(st.parse), (st.bytes / 1e6 / (st.parse.median / 1000)).toFixed(0)],
    ['parse + aggregate (ingest)', ms(st.ingest), (st.bytes / 1e6 / (st.ingest.median / 1000)).toFixed(0)],
    ['RFM + scores + segments', ms(st.rfm), ''], ['features', ms(st.features), ''], ['K-means k auto', ms(st.clusters), ''],
    ['profiles', ms(st.profiles), ''], ['total', ms(st.total), ''],
  ]) : '';
  return [
    `Chromium ${r.browser?.version ?? ''}, headless, a fresh browser per run; dist/ served on 127.0.0.1; the file given to the real \`#file-input\`.`,
    'End to end = from the input\'s `change` event to the frame after `document.body.dataset.state === "done"`. The stage columns come from the page',
    '(`window.segmentaTimings`: reading the file, the worker\'s wasm call split by stage, rendering); "transfer" = worker round trip − wasm call',
    '(posting the bytes and the report, structured clone). K auto (2..10), the page\'s default.',
    '',
    table(['file', 'end to end', 'read file', 'ingest', 'RFM', 'features', 'K-means', 'profiles', 'wasm call', 'transfer', 'render', 'ingest MB/s', 'runs'], rows),
    '',
    'Memory: the renderer process (page, its worker and the wasm memory live there) sampled every 20 ms from /proc: private anonymous memory',
    '(RssAnon; the mapped Chromium binary excluded) before the file and at peak, and its full peak RSS (VmHWM). Wasm memory is the worker\'s',
    '`memory.buffer.byteLength` after the analysis (it never shrinks, so it is its peak). Page JS heap: CDP `Performance.getMetrics` `JSHeapUsedSize`',
    '(the page only; the file\'s bytes are an ArrayBuffer outside it). Main thread: the longest `longtask` entry (0 = none over 50 ms) and the largest gap between 5 ms timers.',
    '',
    table(['file', 'file size', 'renderer private before', 'renderer private peak', 'peak ÷ file', 'renderer peak RSS', 'wasm memory', 'page JS heap peak', 'longest task / largest timer gap (ms)'], mem),
    '',
    st ? `Wasm stages without the page around them (\`benchStages\` on the ${st.file} file in the page's main thread, ${st.repeat} analyses):` : '',
    '',
    stages,
  ].join('\n');
}

function jsSection(r) {
  const rows = [];
  for (const f of r.files) {
    const j = r.jsBaseline?.[f.id];
    const page = r.browser?.runs[f.id];
    if (!j) continue;
    if (j.error) {
      rows.push([f.id, `failed: ${j.error}`, '', '', '', '', '', '', '']);
      continue;
    }
    const oursIngestRfm = page ? spread(page.map((x) => x.timings.ingest + x.timings.rfm)).median : NaN;
    const ourE2e = page ? spread(page.map((x) => x.chosenToPainted)).median : NaN;
    rows.push([f.id, ms(j.parse), ms(j.rfm), ms(j.features), ms(j.kmeans), ms(j.total), ratio(oursIngestRfm, j.rfm.median), ratio(ourE2e, j.total.median), j.repeat]);
  }
  return [
    'papaparse 5.7.1 (`header: false`, chunked from the File) + a `Map` of customers (same rules) + ml-kmeans 7.0.1 (k-means++, k = 5 fixed: choosing k would',
    'multiply its K-means time by nine) in the same Chromium, on the main thread of a bench-only page (target/bench-js, bundled by esbuild from bench/js-baseline/).',
    '"total" = parse + RFM + features + K-means (the parse-only pass is timed separately and not in the total).',
    'Ratios: ours (the page\'s ingest + RFM stages; the page end to end with k auto) ÷ theirs.',
    '',
    table(['file', 'papaparse parse only', 'parse + RFM (Map)', 'features', 'ml-kmeans k = 5', 'total', 'ratio RFM (ours ÷ theirs)', 'ratio end to end (ours, k auto ÷ theirs, k = 5)', 'runs'], rows),
  ].join('\n');
}

function kmeansSection(r) {
  if (!r.kmeans) return '';
  return [
    'Generated customers\' standardised log1p R/F/M (`segmenta kmeans-eval --generated N --features-out F`), the same points for every tool; one k-means++ start',
    'for Segmenta (native, and the page\'s wasm build in Chromium via `benchKmeans`) and ml-kmeans. scikit-learn on one thread unless marked; n_init=10 columns',
    'show their run count in brackets. Ratio = Segmenta in Chromium ÷ the faster of scikit-learn lloyd n_init=1 on 1 or 2 threads. Inertia ratio: ours ÷ scikit-learn',
    'lloyd n_init=1 (single starts, so either may win; the bar below is against n_init=10). This table is also written to bench/results/kmeans-fit-times.md.',
    '',
    kmeansFitTable(r.kmeans),
  ].join('\n');
}

function machine(r) {
  const m = r.machine;
  const shared = m.foreignCpuShare > 0.05;
  return [
    `- Machine: ${m.nproc} × ${m.cpu}, ${m.memoryGiB.toFixed(1)} GiB memory, ${m.os}, Linux ${m.kernel}.`,
    `- Tools: ${m.rustc}; node ${m.node}; Chromium ${r.browser?.version ?? '?'}; Python ${r.native ? Object.values(r.native)[0].versions.python : '?'}, pandas ${r.native ? Object.values(r.native)[0].versions.pandas : '?'},`
      + ` scikit-learn ${r.native ? Object.values(r.native)[0].versions['scikit-learn'] : '?'}, numpy ${r.native ? Object.values(r.native)[0].versions.numpy : '?'}, pyarrow 26.0.1; papaparse 5.7.1, ml-kmeans 7.0.1.`,
    `- Code: commit ${m.commit}${m.dirty ? ' with uncommitted changes' : ''}.`,
    `- Load: ${m.loadAtStart.map((x) => x.toFixed(1)).join(' / ')} at the start, ${m.loadAtEnd.map((x) => x.toFixed(1)).join(' / ')} at the end (1 / 5 / 15 min);`
      + ` other processes used ${pct(m.foreignCpuShare)} of the machine's CPU during the run.`
      + (shared ? ' **The machine was shared** (other engineers were compiling): single figures are noisy; medians, min–max and the alternated ratios are the ones to read.' : ''),
    '- Everything single-threaded: Segmenta (native and wasm) runs on one thread; scikit-learn, numpy and pandas are limited to one thread with threadpoolctl',
    '  except where a column says otherwise (pandas\' pyarrow engine reads on two).',
  ].join('\n');
}

/** Renders the whole file. */
export function render(r, { headline, big }) {
  const date = r.started.slice(0, 10);
  const findings = existsSync(`${root}bench/findings.md`) ? readFileSync(`${root}bench/findings.md`, 'utf8').trim() : '';
  const inertia = existsSync(`${root}bench/results/kmeans-vs-sklearn.md`)
    ? readFileSync(`${root}bench/results/kmeans-vs-sklearn.md`, 'utf8').replace(/^# .*\n/, '').replace(/^## /gm, '#### ').trim() : '';
  const files = table(['file', 'rows', 'customers (with an id)', 'size', 'command'], r.files.map((f) => {
    const n = r.native?.[f.id];
    return [f.id, count(f.rows), n ? count(n.auto.customers) : '', mb(f.bytes), `\`${f.command}\``];
  }));
  const profile = r.profile?.top ? ['```', ...r.profile.top, '```'].join('\n') : `(no profile: ${r.profile?.error ?? 'not run'})`;
  return `# Benchmarks: Segmenta side by side with what users would pick instead

Generated by \`make bench\` (bench/run.mjs) on ${date}${r.quick ? ' — **a quick run (BENCH_QUICK=1: small files, 2 repeats), not the full one**' : ''}; run from ${r.started} to ${r.finished}.
Do not edit by hand: rerun \`make bench\` (or \`node bench/report.mjs\` to re-render target/bench/results.json).
Times are milliseconds, **median (min–max)** of the runs shown (5 unless stated; 3 on the 5M-row file).

${machine(r)}

## Targets (issue 7), ratios from this one run

${targets(r, headline, big)}

## The files

Invoice lines in the shape of the UCI Online Retail export (\`InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\`), written by
\`segmenta generate\` (src/generate.rs; seed ${r.seed}): heavy-tailed invoices per customer (Pareto 1.3 weights), two years of dates, geometric lines per invoice,
log-normal prices, ~1.5 % return invoices (\`C\` prefix, negative quantities), ~1 % lines without a customer id, ~5 % quoted descriptions with a comma.
Kept in target/bench-data/ (never committed) and regenerated only when the generator or its arguments change.

${files}

## Native CLI (\`target/release/segmenta\`)

In-process stages from \`segmenta stages FILE --k auto|5 --repeat N\` (each stage timed inside one process; "parse only" splits every record with the ingest's
own splitter over csv-core and does nothing else). Whole process: \`segmenta analyze FILE --format json > /dev/null\` under \`/usr/bin/time\` (peak RSS from it).

${nativeSection(r)}

${versusPandas(r)}

## In the browser: the real page and worker

${browserSection(r)}

## The JavaScript baseline: papaparse + ml-kmeans, same Chromium

${jsSection(r)}

## K-means fit alone

${kmeansSection(r)}

### K-means inertia against scikit-learn (bench/kmeans_vs_sklearn.py, rerun by this harness)

${inertia}

## Where the time goes: native profile of the ${r.profile?.file ?? ''} file

\`${r.profile?.command ?? ''}\`, flat profile (self time, symbols over 1.5 %):

${profile}

## Findings (why the misses happen; written by hand, without figures)

${findings}
`;
}

/** Writes BENCHMARKS.md. */
export function writeReport(results, path, options) {
  writeFileSync(path, render(results, options));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = JSON.parse(readFileSync(`${root}target/bench/results.json`, 'utf8'));
  const ids = results.files.map((f) => f.id);
  writeReport(results, `${root}BENCHMARKS.md`, { headline: ids.includes('1m') ? '1m' : ids.at(-1), big: ids.at(-1) });
  console.log('wrote BENCHMARKS.md');
}
