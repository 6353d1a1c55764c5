// Measures the wasm build's ingest throughput (decode, split, parse and
// aggregate: the push loop, before RFM and K-means) in Node's V8, the engine
// of Chromium:  node scripts/bench-wasm.mjs FILE [CHUNK_KIB]
import { readFileSync } from 'node:fs';
import init, { Reader } from '../pkg/segmenta.js';

const [file, chunkKiB = '64'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/bench-wasm.mjs FILE [CHUNK_KIB]');
  process.exit(2);
}
await init({ module_or_path: readFileSync(new URL('../pkg/segmenta_bg.wasm', import.meta.url)) });
const bytes = readFileSync(file);
const chunk = Number(chunkKiB) * 1024;
let best = Infinity;
for (let run = 0; run < 5; run++) {
  const reader = new Reader({});
  const started = performance.now();
  for (let at = 0; at < bytes.length; at += chunk) reader.push(bytes.subarray(at, at + chunk));
  best = Math.min(best, performance.now() - started);
  reader.free();
}
const mb = bytes.length / 1e6;
console.log(`${file}: ${mb.toFixed(1)} MB pushed in ${best.toFixed(0)} ms: ${(mb / (best / 1000)).toFixed(0)} MB/s (wasm, best of 5, ${chunkKiB} KiB chunks)`);
