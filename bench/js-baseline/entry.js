// The plain-JavaScript way to do what Segmenta does, for the benchmarks:
// papaparse reads the file, a Map folds rows into customers (same rules as
// Segmenta), ml-kmeans clusters the standardised log1p R/F/M features.
// Bundled by esbuild into target/bench-js/baseline.js (never into www/).
import Papa from 'papaparse';
import { kmeans } from 'ml-kmeans';

const DAY = 86_400_000;

/** Reads every row of `file` and does nothing with it: the parse alone. */
function parseOnly(file) {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(file, {
      header: false,
      skipEmptyLines: true,
      chunk: (results) => { rows += results.data.length; },
      complete: () => resolve(rows - 1),
      error: reject,
    });
  });
}

/** Folds the file's rows into per-customer last day, distinct invoices and net spend. */
function rfm(file) {
  return new Promise((resolve, reject) => {
    const customers = new Map();
    let col = null;
    let rows = 0;
    let lastDay = -Infinity;
    Papa.parse(file, {
      header: false,
      skipEmptyLines: true,
      chunk: (results) => {
        for (const row of results.data) {
          if (!col) {
            col = Object.fromEntries(row.map((name, i) => [name, i]));
            continue;
          }
          rows += 1;
          const id = row[col.CustomerID];
          if (!id) continue;
          const date = row[col.InvoiceDate];
          const day = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY;
          const amount = Number(row[col.Quantity]) * Number(row[col.UnitPrice]);
          let c = customers.get(id);
          if (!c) customers.set(id, (c = { last: day, invoices: new Set(), monetary: 0 }));
          if (day > c.last) c.last = day;
          c.invoices.add(row[col.InvoiceNo]);
          c.monetary += amount;
          if (day > lastDay) lastDay = day;
        }
      },
      complete: () => {
        const asOf = lastDay + 1;
        const table = [...customers.values()].map((c) => [asOf - c.last, c.invoices.size, c.monetary]);
        resolve({ rows, table });
      },
      error: reject,
    });
  });
}

/** Standardised log1p(R, F, max(M, 0)), one array per customer. */
function features(table) {
  const x = table.map(([r, f, m]) => [Math.log1p(r), Math.log1p(f), Math.log1p(Math.max(m, 0))]);
  for (let j = 0; j < 3; j++) {
    const mean = x.reduce((s, p) => s + p[j], 0) / x.length;
    const sd = Math.sqrt(x.reduce((s, p) => s + (p[j] - mean) ** 2, 0) / x.length) || 1;
    for (const p of x) p[j] = (p[j] - mean) / sd;
  }
  return x;
}

function fit(points, k) {
  const model = kmeans(points, k, { initialization: 'kmeans++', seed: 42 });
  const inertia = points.reduce((s, p, i) => {
    const c = model.centroids[model.clusters[i]];
    return s + (p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2 + (p[2] - c[2]) ** 2;
  }, 0);
  return { iterations: model.iterations, inertia };
}

/** Parse alone, then parse + RFM + features + one K-means fit: milliseconds of each. */
async function pipeline(file, k) {
  const t0 = performance.now();
  await parseOnly(file);
  const t1 = performance.now();
  const { rows, table } = await rfm(file);
  const t2 = performance.now();
  const points = features(table);
  const t3 = performance.now();
  const model = fit(points, k);
  const t4 = performance.now();
  return {
    rows, customers: table.length, parse: t1 - t0, rfm: t2 - t1, features: t3 - t2, kmeans: t4 - t3,
    total: t4 - t1, iterations: model.iterations,
  };
}

/** One ml-kmeans fit on a points CSV (header, then x,y,z rows) served at `url`. */
async function fitFile(url, k, repeat) {
  const text = await (await fetch(url)).text();
  const points = text.trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
  const times = [];
  let model;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    model = fit(points, k);
    times.push(performance.now() - t);
  }
  return { points: points.length, times, ...model };
}

window.baseline = { pipeline, fitFile, versions: { papaparse: Papa.PAPA_VERSION ?? 'unknown' } };
