// The charts: segment shares, the R × F grid and the customer scatter, each
// drawn with the report's numbers, and each downloadable as SVG and PNG.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { digits, launch, openPage, settled, shots } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

async function withSample(options) {
  const opened = await openPage(env.browser, env.base, options);
  await opened.page.click('#sample-button');
  assert.equal(await settled(opened.page), 'done', await opened.page.textContent('#error'));
  return opened;
}

test('the charts carry the report: shares, the R × F grid counts, a sampled scatter', async () => {
  const { page, errors } = await withSample();
  const customers = digits(await page.textContent('#headline [data-term="Customers"] dd'));

  const shares = await page.$$eval('[data-chart="shares"] rect.bar-customers', (r) => r.map((x) => Number(x.dataset.share)));
  const segments = await page.$$eval('#segments-table tbody tr', (rows) => rows.length);
  assert.equal(shares.length, segments);
  assert.ok(Math.abs(shares.reduce((a, b) => a + b, 0) - 1) < 1e-9, 'customer shares sum to 1');
  const revenue = await page.$$eval('[data-chart="shares"] rect.bar-revenue', (r) => r.length);
  assert.equal(revenue, segments);

  const cells = await page.$$eval('[data-chart="rf-grid"] rect.cell', (r) => r.map((x) => Number(x.dataset.customers)));
  assert.equal(cells.length, 25);
  assert.equal(cells.reduce((a, b) => a + b, 0), customers, 'the grid counts sum to the customers');
  const shown = await page.$$eval('[data-chart="rf-grid"] rect.cell', (r) => r.map((x) => x.nextSibling.textContent));
  assert.deepEqual(shown.map(digits), cells);

  const points = await page.$$eval('[data-chart="scatter"] circle.point', (c) => c.length);
  assert.equal(points, Math.min(customers, 5000));
  const clusters = await page.$$eval('#clusters-table tbody tr', (rows) => rows.length);
  const colours = await page.$$eval('[data-chart="scatter"] circle.point', (c) => new Set(c.map((x) => x.getAttribute('fill'))).size);
  assert.equal(colours, clusters, 'one colour per cluster');
  await page.locator('#rfm-charts').screenshot({ path: `${shots}/charts-shares-grid.png` });
  await page.locator('#scatter').screenshot({ path: `${shots}/charts-scatter.png` });
  assert.deepEqual(errors, []);
});

test('each chart downloads as SVG (the chart itself) and as PNG', async () => {
  const { page, errors } = await withSample();
  for (const chart of ['shares', 'rf-grid', 'scatter']) {
    const [svgFile] = await Promise.all([page.waitForEvent('download'),
      page.click(`[data-chart="${chart}"] button[data-chart-download="svg"]`)]);
    assert.equal(svgFile.suggestedFilename(), `segmenta-${chart}.svg`);
    const svg = readFileSync(await svgFile.path(), 'utf8');
    assert.match(svg, /^<\?xml[^>]*>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svg.includes('</svg>'));
    if (chart === 'rf-grid') assert.equal((svg.match(/<rect class="cell"/g) ?? []).length, 25);
    if (chart === 'shares') assert.ok(svg.includes('Champions'));

    const [pngFile] = await Promise.all([page.waitForEvent('download'),
      page.click(`[data-chart="${chart}"] button[data-chart-download="png"]`)]);
    assert.equal(pngFile.suggestedFilename(), `segmenta-${chart}.png`);
    const png = readFileSync(await pngFile.path());
    assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG signature');
    assert.ok(png.length > 2000, `PNG of ${png.length} bytes`);
  }
  assert.deepEqual(errors, []);
});
