// Privacy, provable: every request the page makes goes to its own origin,
// none is made once the page has loaded, and it works from a sub-path and
// offline once loaded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { launchChromium } from './harness.mjs';

const root = new URL('../../', import.meta.url).pathname;
const sample = `${root}dist/sample.csv`;

let server;
let browser;
let origin;

before(async () => {
  // Serve a folder in which the built page sits at a sub-path, as on a static host.
  const host = mkdtempSync(join(tmpdir(), 'segmenta-host-'));
  symlinkSync(`${root}dist`, join(host, 'tools'), 'dir');
  server = await serve(host, 0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function loaded() {
  const context = await browser.newContext({ locale: 'en-US' });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/tools/`);
  await page.waitForFunction(() => document.body.dataset.engine === 'ready', null, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  return { context, page, requests, errors };
}

async function analyseSample(page) {
  await page.setInputFiles('#file-input', sample);
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout: 30_000 });
  return page.evaluate(() => document.body.dataset.state);
}

test('every request stays on the page\'s origin and none is made after load', async () => {
  const { page, requests, errors } = await loaded();
  assert.ok(requests.some((u) => u.endsWith('.wasm')), `the engine was loaded at start: ${requests.join(', ')}`);
  const atLoad = requests.length;
  assert.equal(await analyseSample(page), 'done', await page.textContent('#error'));
  await page.selectOption('#k-input', '3');
  await page.waitForFunction(() => document.querySelectorAll('#clusters-table tbody tr').length === 3);
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`));
  assert.deepEqual(foreign, [], 'requests to another origin');
  assert.deepEqual(requests.slice(atLoad), [], 'requests after the page had loaded');
  assert.deepEqual(errors, []);
});

test('the page works from a sub-path and keeps working offline once loaded', async () => {
  const { context, page, errors } = await loaded();
  await context.setOffline(true);
  assert.equal(await analyseSample(page), 'done', await page.textContent('#error'));
  assert.ok(Number((await page.textContent('#headline [data-term="Customers"] dd')).replace(/\D/g, '')) > 0);
  assert.deepEqual(errors, []);
});

test('the page declares a strict Content-Security-Policy', async () => {
  const { page } = await loaded();
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  for (const directive of ["default-src 'self'", "connect-src 'self'", "object-src 'none'"]) {
    assert.ok(csp.includes(directive), `missing ${directive} in ${csp}`);
  }
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|https?:|\*/, csp);
  assert.equal(await page.$$eval('script:not([src])', (s) => s.length), 0, 'no inline scripts');
});
