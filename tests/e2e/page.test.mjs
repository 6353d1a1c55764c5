// End-to-end tests of the real page in headless Chromium: the built dist/
// folder served on localhost, files given through the real file input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { servePage } from './harness.mjs';

const root = new URL('../../', import.meta.url).pathname;
const dist = `${root}dist`;
const sample = `${dist}/sample.csv`;
const shots = `${root}test-output`;
mkdirSync(shots, { recursive: true });

const { open } = servePage(dist);

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

function cli(file, ...args) {
  const out = execFileSync(`${root}target/release/segmenta`, ['analyze', file, '--format', 'json', ...args]);
  return JSON.parse(out.toString());
}

/** Clicks a download button and returns the downloaded file's text. */
async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-download="${name}"]`)]);
  return readFileSync(await file.path(), 'utf8');
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
  // Shown as people write dates in English (the downloads keep ISO dates).
  const asOf = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${expected.asOf}T00:00:00Z`));
  assert.match(asOf, /^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  assert.equal(await page.textContent('#headline [data-term="As-of date"] dd'), `${asOf} (the day after the latest order)`);

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

test('a settings file saved by the CLI gives the page the same numbers, byte for byte, in every download', async () => {
  const dir = mkdtempSync(`${tmpdir()}/segmenta-e2e-`);
  // Non-default choices everywhere: NTILE, 4 bins, purchase days, average order value, R rfm rules, 60-day movement.
  cli(sample, '--method', 'ntile', '--bins', '4', '--frequency', 'days', '--monetary', 'average-order', '--map', 'r-rfm',
    '--movement-days', '60', '--k', '3', '--save-settings', `${dir}/settings.json`);
  const expected = cli(sample, '--settings', `${dir}/settings.json`, '--customers-out', `${dir}/customers.csv`,
    '--summary-out', `${dir}/segments.csv`);
  cli(sample, '--settings', `${dir}/settings.json`, '--summary-out', `${dir}/summary.json`);

  const { page, errors } = await open();
  await page.setInputFiles('#settings-file', `${dir}/settings.json`);
  // The file is read asynchronously: wait for the panel to show it.
  await page.waitForFunction(() => document.getElementById('method-input').value === 'ntile');
  assert.equal(await page.inputValue('#bins-input'), '4');
  await page.setInputFiles('#file-input', sample);
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  await page.screenshot({ path: `${shots}/settings-file-results.png`, fullPage: true });

  for (const name of ['customers.csv', 'segments.csv', 'summary.json', 'settings.json']) {
    assert.equal(await download(page, name), readFileSync(`${dir}/${name}`, 'utf8'), name);
  }
  const segments = await tableRows(page, 'segments-table');
  assert.deepEqual(segments.map((s) => [s.name, digits(s.customers)]), expected.rfm.segments.map((s) => [s.name, s.customers]));
  assert.equal(await page.locator('#coverage table.grid').count(), 4);
  assert.match(await page.textContent('#definitions'), /distinct purchase days/);
  const english = (iso) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  assert.match(await page.textContent('#movement'), new RegExp(`From ${english(expected.rfm.movement.fromAsOf)} to ${english(expected.asOf)}`));
  assert.deepEqual(errors, []);
});

test('ties that leave scores empty are flagged with a suggestion, and the cut points are shown', async () => {
  const { page, errors } = await open();
  await page.setInputFiles('#file-input', `${root}tests/fixtures/one_time_buyers.csv`);
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  assert.match(await page.textContent('#hints'), /Frequency: no customer has scores 2, 3, 4 of 5.*fewer bins or fixed thresholds/);
  assert.match(await page.textContent('#scales-table tr[data-measure="frequency"]'), /1 \| 1 \| 1 \| 1\.2/);

  await page.selectOption('#method-input', 'fixed');
  await page.fill('#t-recency', '60, 120, 180, 240');
  await page.fill('#t-frequency', '2, 3, 4, 5');
  await page.fill('#t-monetary', '20, 40, 60, 80');
  await page.dispatchEvent('#settings', 'change');
  await page.waitForFunction(() => document.querySelector('#definitions').textContent.includes('fixed cut points'));
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  assert.match(await page.textContent('#scales-table tr[data-measure="frequency"]'), /2 \| 3 \| 4 \| 5/);
  assert.deepEqual(errors, []);
});

test('the map editor renames a segment and moves a code, and every customer stays in one segment', async () => {
  const { page, errors } = await open();
  await page.click('#sample-button');
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  const total = digits(await headline(page, 'Customers'));
  const before = await tableRows(page, 'segments-table');
  const champions = digits(before.find((s) => s.name === 'Champions').customers);
  const at555 = digits(await page.textContent('#coverage td[data-code="555"]'));

  await page.click('#map-editor-box summary');
  await page.fill('[aria-label="Name of segment 1"]', 'VIP');
  await page.fill('.map-move input', '555');
  await page.selectOption('.map-move select', { label: 'Loyal' });
  await page.click('.map-move button');
  await page.click('#apply-map');
  await page.waitForFunction(() => [...document.querySelectorAll('#segments-table tbody th')].some((th) => th.textContent === 'VIP'));
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  await page.screenshot({ path: `${shots}/map-editor.png`, fullPage: true });

  const after = await tableRows(page, 'segments-table');
  assert.equal(digits(after.find((s) => s.name === 'VIP').customers), champions - at555);
  assert.equal(after.reduce((sum, s) => sum + digits(s.customers), 0), total);
  assert.equal(await page.inputValue('#map-input'), 'custom');
  assert.match(await download(page, 'settings.json'), /"name": "VIP",\s*"playbook": "champions"/);
  assert.deepEqual(errors, []);
});

test('a segment written as score ranges, added to the R rfm legacy rules, takes in the Others', async () => {
  const { page, errors } = await open();
  await page.selectOption('#map-input', 'rRfmLegacy');
  await page.click('#sample-button');
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  const before = await tableRows(page, 'segments-table');
  const others = digits(before.find((s) => s.name === 'Others').customers);
  assert.ok(others > 0);

  await page.click('#map-editor-box summary');
  await page.click('text=Add a segment');
  await page.fill('[aria-label="Name of segment 11"]', 'Everyone else');
  await page.fill('[aria-label="Score ranges of Segment 11"]', 'R1-5 F1-5 M1-5');
  await page.click('#apply-map');
  await page.waitForFunction(() => [...document.querySelectorAll('#segments-table tbody th')].some((th) => th.textContent === 'Everyone else'));
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  const after = await tableRows(page, 'segments-table');
  assert.equal(digits(after.find((s) => s.name === 'Everyone else').customers), others);
  assert.equal(after.find((s) => s.name === 'Others'), undefined);
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
