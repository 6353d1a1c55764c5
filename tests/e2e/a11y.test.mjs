// Accessibility: axe-core (a dev dependency, injected into pages of a context
// that bypasses the page's CSP, which forbids inline script) runs on the main
// states — start, results (English and Korean, light and dark), the map
// editor open, the file-reading panel after a failed read, an error — and
// any serious or critical violation fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dist, root, servePage, settled } from './harness.mjs';

const { open } = servePage(dist);
const AXE = readFileSync(`${root}node_modules/axe-core/axe.min.js`, 'utf8');

/** Serious and critical violations on the page as it is now, one line each. */
async function violations(page) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary.split('\n')[1]?.trim()}`));
}

async function check(state, options, prepare) {
  const { page, errors } = await open({ bypassCSP: true, ...options });
  await page.waitForFunction(() => document.body.dataset.engine === 'ready');
  await prepare(page);
  const found = await violations(page);
  assert.deepEqual(found, [], `${state}: serious or critical accessibility violations`);
  assert.deepEqual(errors, []);
}

const sample = async (page) => {
  await page.click('#sample-button');
  assert.equal(await settled(page), 'done');
  await page.$$eval('details', (all) => all.forEach((d) => { d.open = true; }));
};

test('axe: the start page', () => check('start', {}, async () => {}));

test('axe: results with the map editor open, English', () => check('results', {}, sample));

test('axe: results in Korean, dark mode', () => check('results ko dark', { locale: 'ko-KR', colorScheme: 'dark' }, sample));

test('axe: an unreadable file (error and the file-reading panel)', () => check('error', {}, async (page) => {
  await page.setInputFiles('#file-input', `${root}tests/fixtures/no_customer_column.csv`);
  assert.equal(await settled(page), 'error');
}));

test('keyboard: Tab visits the language switch, the file input, the sample and the settings in reading order, each visibly focused', async () => {
  const { page, errors } = await open();
  await page.waitForFunction(() => document.body.dataset.engine === 'ready');
  const stops = [];
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(() => {
      const node = document.activeElement;
      // The file input is invisible: its label shows the focus instead.
      const shown = node.id === 'file-input' ? document.querySelector('label[for="file-input"]') : node;
      const style = getComputedStyle(shown);
      return { id: node.id || node.dataset.lang || node.tagName, outlined: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
    }));
  }
  console.log(`focus order: ${stops.map((s) => `${s.id}${s.outlined ? "" : " (no outline)"}`).join(" → ")}`);
  const order = stops.map((s) => s.id);
  const at = (id) => order.indexOf(id);
  for (const id of ['en', 'file-input', 'sample-button', 'k-input']) assert.ok(at(id) >= 0, `${id} is reached: ${order}`);
  assert.ok(at('en') < at('file-input') && at('file-input') < at('sample-button') && at('sample-button') < at('k-input'), `order: ${order}`);
  for (const stop of stops) assert.ok(stop.outlined, `${stop.id} shows its focus`);
  assert.deepEqual(errors, []);
});
