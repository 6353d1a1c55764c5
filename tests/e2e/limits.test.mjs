// The page refuses a file beyond its size limit before reading it, with the
// limit and the file's size, and stays usable; a row beyond the row limit is
// reported with its line and column. Small limits from a settings file stand
// in for the 2 GB and 1 MiB defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { dist, servePage, settled } from './harness.mjs';

const { open } = servePage(dist);

async function loadSettings(page, settings) {
  await page.setInputFiles('#settings-file', {
    name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(settings)),
  });
}

test('a file above the size limit is refused with the limit and its size, then the page works on', async () => {
  const { page, errors } = await open();
  await page.waitForFunction(() => document.body.dataset.engine === 'ready');
  await loadSettings(page, { ingest: { limits: { fileBytes: 100000 } } });
  await page.setInputFiles('#file-input', `${dist}/sample.csv`);
  assert.equal(await settled(page), 'error');
  const size = statSync(`${dist}/sample.csv`).size.toLocaleString('en-US');
  const message = await page.textContent('#error');
  assert.ok(message.startsWith('sample.csv: the file is '), message);
  assert.ok(message.includes(`(${size} bytes), larger than the limit of 100 kB (100,000 bytes) for one file`), message);

  await loadSettings(page, {});
  // The new run starts once the file is read: wait for it to leave the error state first.
  await page.waitForFunction(() => document.body.dataset.state !== 'error');
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  assert.deepEqual(errors, []);
});

test('a row above the row limit is skipped and shown at its line and column', async () => {
  const { page, errors } = await open();
  await page.waitForFunction(() => document.body.dataset.engine === 'ready');
  await loadSettings(page, { ingest: { limits: { rowBytes: 64 } } });
  const csv = `customer_id,order_date,amount,note\na,2024-01-01,5,ok\nb,2024-01-02,6,${'z'.repeat(500)}\nc,2024-01-03,7,ok\n`;
  await page.setInputFiles('#file-input', { name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  const skips = await page.textContent('#data-quality .skips');
  assert.match(skips, /1 rows skipped: row longer than the row limit .* first at line 3, column “note”: “z{40}… \(longer than 64 bytes\)”/);
  assert.deepEqual(errors, []);
});
