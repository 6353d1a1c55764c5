// The ingest fixture suite through the wasm build in headless Chromium: each
// file of tests/fixtures/formats/ through the real file input must give what
// the native CLI gives; each bad input its message; the detected formats
// are shown and can be changed; a large real file streams with progress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { servePage } from './harness.mjs';

const root = new URL('../../', import.meta.url).pathname;
const fixtures = `${root}tests/fixtures/formats`;
const cliPath = `${root}target/release/segmenta`;
const shots = `${root}test-output`;
mkdirSync(shots, { recursive: true });

const { open } = servePage(`${root}dist`);

/** Gives the page a file and waits until it reports `done` or `error`. */
async function drop(page, path) {
  await page.evaluate(() => { document.body.dataset.state = 'idle'; });
  await page.setInputFiles('#file-input', path);
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout: 60_000 });
  return page.evaluate(() => document.body.dataset.state);
}

/** Waits for the run that a settings change starts. */
async function rerun(page, selector, value) {
  await page.evaluate(() => { document.body.dataset.state = 'idle'; });
  await page.selectOption(selector, value);
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout: 60_000 });
  return page.evaluate(() => document.body.dataset.state);
}

const digits = (text) => Number(text.replace(/[^0-9]/g, ''));
const headline = (page, term) => page.textContent(`#headline [data-term="${term}"] dd`);

/** The CLI's JSON report, or its error sentence. */
function cli(path, ...args) {
  const out = spawnSync(cliPath, ['analyze', path, '--format', 'json', ...args]);
  if (out.status === 0) return { report: JSON.parse(out.stdout.toString()) };
  return { error: out.stderr.toString().trim().replace(/^segmenta: [^:]+: /, '') };
}

const files = readdirSync(fixtures).sort();

test('every good fixture gives the same customers and rows in the page (wasm) as in the CLI (native)', async () => {
  const { page, errors } = await open();
  const good = files.filter((f) => !f.startsWith('bad_'));
  assert.ok(good.length >= 13, `${good.length} fixtures`);
  for (const file of good) {
    const expected = cli(`${fixtures}/${file}`).report;
    assert.ok(expected, file);
    assert.equal(await drop(page, `${fixtures}/${file}`), 'done', `${file}: ${await page.textContent('#error')}`);
    const d = expected.data;
    assert.equal(digits(await headline(page, 'Customers')), expected.customers, file);
    assert.equal(digits(await headline(page, 'Rows read')), d.rowsRead, file);
    assert.equal(digits(await headline(page, 'Rows used')), d.rowsUsed, file);
    assert.equal(digits(await headline(page, 'Rows skipped')), d.rowsRead - d.rowsUsed, file);
    const skipped = d.skipped.reduce((sum, t) => sum + t.count, 0);
    assert.equal(d.rowsRead, d.rowsUsed + skipped, `${file}: rows read = used + skipped`);
    if (d.format === 'csv') {
      assert.match(await page.textContent('#read-encoding option[value="auto"]'), new RegExp(`\\(${d.encoding}\\)`), file);
    }
    assert.match(await page.textContent('#read-date-format option[value="auto"]'), new RegExp(d.dateFormat.replace(/[.$/]/g, '\\$&')), file);
    const previewRows = await page.$$eval('#preview-table tbody tr', (rows) => rows.length);
    assert.equal(previewRows, d.preview.length, file);
  }
  assert.deepEqual(errors, []);
});

test('the Korean CP949 file shows its Korean headers, detected encoding and won revenue', async () => {
  const { page } = await open();
  assert.equal(await drop(page, `${fixtures}/cp949_korean.csv`), 'done');
  const headers = await page.$$eval('#preview-table thead th', (ths) => ths.map((th) => th.firstChild.textContent));
  assert.deepEqual(headers, ['Line', '주문번호', '고객번호', '주문일자', '결제금액', '배송지']);
  assert.equal(digits(await headline(page, 'Revenue')), 6350000);
  assert.match(await page.textContent('#read-encoding option[value="auto"]'), /EUC-KR/);
  // ￦12,000 could be twelve thousand or twelve: the page says which was taken.
  assert.match(await page.textContent('#file-read .decimal'), /read with a decimal point/);
  await page.screenshot({ path: `${shots}/cp949-file-read.png`, fullPage: true });
});

test('each bad input shows the CLI’s sentence, and the page still works after it', async () => {
  const { page, errors } = await open();
  for (const file of files.filter((f) => f.startsWith('bad_'))) {
    const expected = cli(`${fixtures}/${file}`).error;
    assert.ok(expected, file);
    assert.equal(await drop(page, `${fixtures}/${file}`), 'error', file);
    assert.equal(await page.textContent('#error'), `${file}: ${expected}`);
    assert.ok(await page.isHidden('#results'), file);
  }
  assert.equal(await drop(page, `${fixtures}/utf8_iso.csv`), 'done');
  assert.deepEqual(errors, []);
});

test('a wrong encoding chosen by the user gets the mostly-unreadable message, and auto brings it back', async () => {
  const { page } = await open();
  assert.equal(await drop(page, `${fixtures}/cp949_korean.csv`), 'done');
  assert.equal(await rerun(page, '#read-encoding', 'utf-8'), 'error');
  assert.match(await page.textContent('#error'), /reading the file as UTF-8 turns \d+% of its non-ASCII characters into unreadable ones/);
  assert.equal(await rerun(page, '#read-encoding', 'auto'), 'done');
  assert.equal(digits(await headline(page, 'Customers')), 3);
});

test('an ambiguous date column is flagged and switching to D/M/YYYY re-reads the dates', async () => {
  const { page } = await open();
  assert.equal(await drop(page, `${fixtures}/ambiguous_day_month.csv`), 'done');
  assert.match(await page.textContent('#file-read .ambiguous'), /fit both M\/D\/YYYY and D\/M\/YYYY/);
  assert.equal(await headline(page, 'Dates'), 'Jan 2, 2024 to Nov 12, 2024');
  assert.equal(await rerun(page, '#read-date-format', 'D/M/YYYY'), 'done');
  assert.equal(await headline(page, 'Dates'), 'Feb 1, 2024 to Dec 11, 2024');
  assert.equal(await page.$('#file-read .ambiguous'), null);
});

test('the returns policy and the sheet can be changed; every row is still accounted for', async () => {
  const { page } = await open();
  assert.equal(await drop(page, `${fixtures}/yyyymmdd_quantity_price_returns.csv`), 'done');
  assert.match(await page.textContent('#data-quality'), /2 returns or cancellations \(-13\.70\): netted/);
  assert.match(await page.textContent('#data-quality'), /1 rows skipped: exact duplicate of an earlier line — first at line 4/);
  assert.equal(await rerun(page, '#read-returns', 'drop'), 'done');
  assert.equal(digits(await headline(page, 'Rows used')), 4);
  assert.equal(digits(await headline(page, 'Rows skipped')), 4);
  assert.equal(await rerun(page, '#map-order', ''), 'done');
  assert.match(await page.textContent('#data-quality'), /order “none \(every row counts as an order\)”/);

  assert.equal(await drop(page, `${fixtures}/workbook.xlsx`), 'done');
  assert.equal(digits(await headline(page, 'Customers')), 2);
  assert.equal(await rerun(page, '#read-sheet', 'Other'), 'done');
  assert.equal(digits(await headline(page, 'Customers')), 3);
});

test('when no column is recognised the page shows the header and lets the user map the columns', async () => {
  const { page } = await open();
  assert.equal(await drop(page, `${fixtures}/bad_no_columns.csv`), 'error');
  assert.ok(await page.isVisible('#mapping-form'));
  const headers = await page.$$eval('#preview-table thead th', (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(headers, ['Line', 'who', 'when', 'how much']);
  assert.equal(await rerun(page, '#map-customer', 'who'), 'error');
  assert.match(await page.textContent('#error'), /could not find order date or amount columns/);
  assert.equal(await rerun(page, '#map-date', 'when'), 'error');
  assert.match(await page.textContent('#error'), /could not find an amount column/);
  assert.equal(await rerun(page, '#map-amount', 'how much'), 'error');
  // Mapped, the rows are read and their values are what is wrong.
  assert.match(await page.textContent('#error'), /none of the 2 data rows could be used \(2 no customer id \(first at line 2\)\)/);
});

test('a large real file streams through the worker with progress as it reads', async () => {
  const gz = `${root}../shared/data/online_retail.csv.gz`;
  const csv = `${shots}/online_retail.csv`;
  if (!existsSync(csv)) writeFileSync(csv, gunzipSync(readFileSync(gz)));
  const expected = cli(csv).report;
  const { page, errors } = await open();
  await page.evaluate(() => {
    window.progressTimes = [];
    window.progressRows = [];
    new MutationObserver(() => {
      if (document.getElementById('status').textContent.startsWith('Reading online_retail.csv:')) {
        window.progressTimes.push(performance.now());
        window.progressRows.push(Number((document.getElementById('status').textContent.match(/([\d,]+) rows/) || ['', '0'])[1].replace(/,/g, '')));
      }
    }).observe(document.getElementById('status'), { childList: true, characterData: true, subtree: true });
  });
  const started = Date.now();
  assert.equal(await drop(page, csv), 'done', await page.textContent('#error'));
  const seconds = (Date.now() - started) / 1000;
  assert.equal(digits(await headline(page, 'Customers')), expected.customers);
  assert.equal(digits(await headline(page, 'Rows read')), expected.data.rowsRead);
  const times = await page.evaluate(() => window.progressTimes);
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  const maxGap = Math.max(...gaps);
  console.log(`online_retail.csv (47 MB) in the page: ${seconds.toFixed(2)} s end to end, `
    + `${times.length} progress updates, largest gap ${maxGap.toFixed(0)} ms`);
  // How often is printed, not asserted (the machine may be loaded): the
  // updates must come while reading, each with more rows than the last.
  assert.ok(times.length >= 3, `${times.length} progress updates`);
  const rows = await page.evaluate(() => window.progressRows);
  assert.ok(rows.every((r, i) => i === 0 || r >= rows[i - 1]) && rows.at(-1) > rows[0], `rows read: ${rows.join(', ')}`);
  assert.deepEqual(errors, []);
});
