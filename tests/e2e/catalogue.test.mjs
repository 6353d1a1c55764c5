// The bad-input catalogue (tests/catalogue/) through the wasm build in
// Chromium: every case must give the outcome pinned for the native build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { servePage } from './harness.mjs';

const root = new URL('../../', import.meta.url).pathname;
const cases = JSON.parse(readFileSync(`${root}tests/catalogue/cases.json`, 'utf8'));
const expected = JSON.parse(readFileSync(`${root}tests/catalogue/expected.json`, 'utf8'));
const { open } = servePage(`${root}dist`);

function bytesOf(c) {
  return c.text !== undefined ? [...Buffer.from(c.text, 'utf8')] : [...readFileSync(`${root}tests/fixtures/${c.fixture}`)];
}

test('every catalogue case gives the same outcome in the browser as natively', async () => {
  const { page, errors } = await open();
  const inputs = cases.map((c) => ({ name: c.name, bytes: bytesOf(c), settings: c.settings ?? {} }));
  const outcomes = await page.evaluate(async (inputs) => {
    const engine = await import('./pkg/segmenta.js');
    await engine.default();
    const out = {};
    for (const { name, bytes, settings } of inputs) {
      try {
        const r = engine.analyze(new Uint8Array(bytes), settings);
        const skipped = r.data.skipped.reduce((sum, t) => sum + t.count, 0);
        out[name] = {
          customers: r.customers, rowsRead: r.data.rowsRead, rowsSkipped: skipped, k: r.clusters.k,
          clusterNote: r.clusters.note?.text ?? null, clippedMonetary: r.clusters.clippedMonetary,
          skipped: r.data.skipped.map((t) => {
            const first = t.examples[0];
            return [t.reason, t.count, first?.line ?? null, first?.column ?? null, first?.value ?? null];
          }),
        };
      } catch (error) {
        out[name] = { error: error.message };
      }
    }
    return out;
  }, inputs);
  assert.ok(cases.length >= 30);
  for (const c of cases) assert.deepEqual(outcomes[c.name], expected[c.name], c.name);
  assert.deepEqual(errors, []);
});
