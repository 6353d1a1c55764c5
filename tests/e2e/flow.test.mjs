// The page's flow as people use it: a sortable segment table, and the main
// states at 360 px and on a desktop, in English and Korean, as screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { digits, launch, openPage, settled, shots } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const customersColumn = (page) => page.$$eval('#segments-table tbody tr', (rows) => rows.map((r) => r.cells[1].textContent));

test('a click on a segment table header sorts by it, a second click reverses, by keyboard too', async () => {
  const { page, errors } = await openPage(env.browser, env.base);
  await page.click('#sample-button');
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  const original = await page.$$eval('#segments-table tbody th', (c) => c.map((x) => x.textContent));

  await page.click('#segments-table thead th:nth-child(2) button');
  const up = (await customersColumn(page)).map(digits);
  assert.deepEqual(up, [...up].sort((a, b) => a - b));
  assert.equal(await page.getAttribute('#segments-table thead th:nth-child(2)', 'aria-sort'), 'ascending');

  await page.focus('#segments-table thead th:nth-child(2) button');
  await page.keyboard.press('Enter');
  const down = (await customersColumn(page)).map(digits);
  assert.deepEqual(down, [...up].reverse());

  await page.click('#segments-table thead th:nth-child(1) button');
  assert.deepEqual(await page.$$eval('#segments-table tbody th', (c) => c.map((x) => x.textContent)), original, 'the first column restores the map order');
  assert.deepEqual(errors, []);
});

for (const [lang, locale] of [['en', 'en-US'], ['ko', 'ko-KR']]) {
  for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['360px', { width: 360, height: 740 }]]) {
    test(`screenshots, ${lang}, ${device}: start, results, error; nothing wider than the screen`, async () => {
      const { page, errors } = await openPage(env.browser, env.base, { locale, viewport });
      await page.screenshot({ path: `${shots}/start-${lang}-${device}.png`, fullPage: true });
      await page.click('#sample-button');
      assert.equal(await settled(page), 'done', await page.textContent('#error'));
      await page.screenshot({ path: `${shots}/results-${lang}-${device}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
      await page.setInputFiles('#file-input', { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('who,when\nx,y\n') });
      assert.equal(await settled(page), 'error');
      await page.locator('#error').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/error-${lang}-${device}.png` });
      assert.deepEqual(errors, []);
    });
  }
}
