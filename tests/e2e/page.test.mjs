// End-to-end tests of the real page in headless Chromium: the built dist/
// folder served on localhost, files given through the real file input.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const root = new URL('../../', import.meta.url).pathname;
const dist = `${root}dist`;
const sample = `${dist}/sample.csv`;
const shots = `${root}test-output`;
mkdirSync(shots, { recursive: true });

let server;
let browser;
let base;

before(async () => {
  server = await serve(dist, 0);
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A fresh page; fails the test on any uncaught page error. */
async function open() {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  return { page, errors };
}

/** Waits until the page reports `done` or `error` and returns which. */
async function settled(page) {
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout: 30_000 });
  return page.evaluate(() => document.body.dataset.state);
}

const digits = (text) => Number(text.replace(/[^0-9]/g, ''));

/** The rows of a result table as { name, customers }. */
function tableRows(page, id) {
  return page.$$eval(`#${id} tbody tr`, (rows) =>
    rows.map((r) => ({ name: r.cells[0].textContent, customers: r.cells[1].textContent })));
}

async function headline(page, term) {
  return page.textContent(`#headline [data-term="${term}"] dd`);
}

function cli(file) {
  const out = execFileSync(`${root}target/release/segmenta`, ['analyze', file, '--format', 'json']);
  return JSON.parse(out.toString());
}

test('the sample through the file input gives the same segments and clusters as the CLI', async () => {
  const { page, errors } = await open();
  await page.setInputFiles('#file-input', sample);
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  await page.screenshot({ path: `${shots}/sample-results.png`, fullPage: true });

  const expected = cli(sample);
  const customers = digits(await headline(page, 'Customers'));
  assert.equal(customers, expected.customers);
  assert.equal(digits(await headline(page, 'Rows read')), expected.data.rowsRead);
  assert.equal(await page.textContent('#headline [data-term="As-of date"] dd'),
    `${expected.asOf} (the day after the latest order)`);

  const segments = await tableRows(page, 'segments-table');
  assert.ok(segments.length >= 5, `only ${segments.length} segments`);
  assert.equal(segments.reduce((sum, s) => sum + digits(s.customers), 0), customers);
  assert.deepEqual(
    segments.map((s) => [s.name, digits(s.customers)]),
    expected.rfm.segments.map((s) => [s.name, s.customers]),
  );

  const clusters = await tableRows(page, 'clusters-table');
  assert.equal(clusters.length, expected.clusters.k);
  const kRows = await page.$$eval('#k-table tbody tr', (rows) => rows.length);
  assert.equal(kRows, expected.clusters.selection.candidates.length);
  assert.match(await page.textContent('#cluster-note'), /has the best silhouette of k = 2…10/);
  const cross = await page.$$eval('#cross-table tbody tr', (rows) =>
    rows.map((r) => [...r.cells].slice(1).map((c) => Number(c.textContent.split(' ')[0].replace(/[^0-9]/g, '')))));
  assert.equal(cross.flat().reduce((a, b) => a + b, 0), customers);
  assert.equal(clusters.reduce((sum, c) => sum + digits(c.customers), 0), customers);
  assert.deepEqual(
    clusters.map((c) => [c.name, digits(c.customers)]),
    expected.clusters.groups.map((c) => [c.name, c.customers]),
  );
  assert.deepEqual(errors, []);
});

test('"Try the sample data" analyses the shipped sample, and k can be changed', async () => {
  const { page, errors } = await open();
  await page.click('#sample-button');
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  assert.equal(digits(await headline(page, 'Customers')), cli(sample).customers);

  await page.selectOption('#k-input', '3');
  await page.waitForFunction(() => document.querySelectorAll('#clusters-table tbody tr').length === 3);
  assert.equal(await settled(page), 'done');
  assert.equal(await page.$$eval('#k-table', (t) => t.length), 0, 'no k curves for a k the user chose');

  await page.click('#cluster-options summary');
  await page.selectOption('#scaling-input', 'robust');
  await page.check('#extra-tenure');
  await page.waitForFunction(() => document.body.dataset.state === 'done' && document.querySelectorAll('#clusters-table tbody tr').length === 3);
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  assert.deepEqual(errors, []);
});

test('a file without a customer column gets a clear message, and the page still works after it', async () => {
  const { page, errors } = await open();
  await page.setInputFiles('#file-input', `${root}tests/fixtures/no_customer_column.csv`);
  assert.equal(await settled(page), 'error');
  const message = await page.textContent('#error');
  assert.match(message, /could not find a customer id column; the header has: who, when, amount/);
  assert.ok(await page.isVisible('#error'));
  await page.screenshot({ path: `${shots}/error-message.png` });

  await page.setInputFiles('#file-input', `${root}tests/fixtures/dirty.csv`);
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  assert.equal(digits(await headline(page, 'Rows read')), 8);
  assert.equal(digits(await headline(page, 'Rows used')), 4);
  assert.equal(digits(await headline(page, 'Rows skipped')), 4);
  assert.match(await page.textContent('#data-quality'), /1 rows skipped: no customer id — first at line 4/);
  assert.ok(await page.isHidden('#error'));
  assert.deepEqual(errors, []);
});

test('HTML in a file is shown as text and never runs', async () => {
  const { page, errors } = await open();
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.setInputFiles('#file-input', `${root}tests/fixtures/hostile_html.csv`);
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  const quality = await page.textContent('#data-quality');
  assert.match(quality, /first at line 3: “<script>alert\(2\)<\/script>”/);
  assert.match(quality, /first at line 4: “<b>bold<\/b>”/);
  assert.equal(await page.$$eval('#data-quality img, #data-quality script, #data-quality b', (n) => n.length), 0);
  assert.equal(digits(await headline(page, 'Customers')), 2);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
});
