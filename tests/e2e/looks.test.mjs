// The page's looks under the conditions people use it in: dark mode (chart
// and table text contrasts with its background), print (controls hidden,
// results shown in dark-on-light), 360 px wide (nothing overflows sideways)
// and a 4K screen (nothing overflows, the content stays centred and readable).
// Screenshots of each go to test-output/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dist, servePage, settled, shots } from './harness.mjs';

const { open } = servePage(dist);

async function sample(page) {
  await page.click('#sample-button');
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
}

/** WCAG contrast ratios of text against what is behind it, for `selector`'s elements. */
function contrasts(page, selector) {
  return page.$$eval(selector, (nodes) => {
    const parse = (c) => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m ? { rgb: [m[1], m[2], m[3]].map(Number), alpha: m[4] === undefined ? 1 : Number(m[4]) } : null;
    };
    const luminance = ([r, g, b]) => {
      const f = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (node) => {
      for (let n = node; n; n = n.parentElement) {
        const c = parse(getComputedStyle(n).backgroundColor);
        if (c && c.alpha > 0.5) return c.rgb;
      }
      return parse(getComputedStyle(document.documentElement).backgroundColor)?.rgb ?? [255, 255, 255];
    };
    return nodes.filter((n) => n.getClientRects().length && n.textContent.trim()).map((n) => {
      const style = getComputedStyle(n);
      const fg = parse(n instanceof SVGElement ? style.fill : style.color).rgb;
      const [a, b] = [luminance(fg), luminance(background(n))].sort((x, y) => y - x);
      return { text: n.textContent.trim().slice(0, 30), ratio: (a + 0.05) / (b + 0.05) };
    });
  });
}

test('dark mode: page, table and chart text contrast with their backgrounds', async () => {
  const { page, errors } = await open({ colorScheme: 'dark' });
  await sample(page);
  await page.screenshot({ path: `${shots}/dark-results.png`, fullPage: true });
  const bodyBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bodyBg, 'rgb(251, 251, 253)', 'the page is dark');
  // Axis labels, legends and titles of the charts (the counts in the grid sit on their cells, checked apart).
  const chartText = await contrasts(page, 'figure.chart text.tick, figure.chart figcaption');
  assert.ok(chartText.length > 10, `chart labels found: ${chartText.length}`);
  for (const { text, ratio } of chartText) assert.ok(ratio >= 4.5, `chart text “${text}” has contrast ${ratio.toFixed(2)}`);
  const tableText = await contrasts(page, '#segments-table td, #segments-table th, #headline dd, #definitions dd');
  assert.ok(tableText.length > 20);
  for (const { text, ratio } of tableText) assert.ok(ratio >= 4.5, `table text “${text}” has contrast ${ratio.toFixed(2)}`);
  // The grid's counts: each against its own cell's colour.
  const counts = await page.$$eval('#rf-grid svg rect.cell', (cells) => cells.map((rect) => {
    const hex = (c) => { const m = /^#(..)(..)(..)$/.exec(c); return m ? m.slice(1).map((x) => parseInt(x, 16)) : null; };
    const rgb = (c) => hex(c) ?? /(\d+),\s*(\d+),\s*(\d+)/.exec(c).slice(1).map(Number);
    const luminance = ([r, g, b]) => {
      const f = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const text = rect.nextElementSibling;
    const [a, b] = [luminance(rgb(getComputedStyle(text).fill)), luminance(rgb(getComputedStyle(rect).fill))].sort((x, y) => y - x);
    return { text: text.textContent, ratio: (a + 0.05) / (b + 0.05) };
  }));
  assert.ok(counts.length > 0, 'the grid has cells');
  console.log(`lowest contrast of a grid count on its cell: ${Math.min(...counts.map((c) => c.ratio)).toFixed(2)}`);
  for (const { text, ratio } of counts) assert.ok(ratio >= 4.5, `grid count “${text}” has contrast ${ratio.toFixed(2)}`);
  assert.deepEqual(errors, []);
});

test('print: controls are hidden, results show dark on light', async () => {
  const { page, errors } = await open({ colorScheme: 'dark' });
  await sample(page);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['#input', '#lang-switch', '#downloads', '.chart-downloads', '#map-editor-box', '#cancel-button']) {
    const shown = await page.$$eval(selector, (nodes) => nodes.some((n) => n.getClientRects().length > 0));
    assert.equal(shown, false, `${selector} is hidden in print`);
  }
  for (const selector of ['#segments-table', '#headline', '#share-chart svg', '#rf-grid svg', '#scatter svg']) {
    assert.ok(await page.isVisible(selector), `${selector} prints`);
  }
  const colours = await page.evaluate(() => ({
    body: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color,
  }));
  assert.deepEqual(colours, { body: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' }, 'print is black on white even in dark mode');
  await page.screenshot({ path: `${shots}/print-results.png`, fullPage: true });
  assert.deepEqual(errors, []);
});

for (const [label, viewport, locale] of [
  ['360 px, English', { width: 360, height: 740 }, 'en-US'],
  ['360 px, Korean', { width: 360, height: 740 }, 'ko-KR'],
  ['4K', { width: 3840, height: 2160 }, 'en-US'],
]) {
  test(`${label}: nothing overflows sideways, before and after an analysis`, async () => {
    const { page, errors } = await open({ viewport, locale });
    const overflow = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    let { scroll, inner } = await overflow();
    assert.ok(scroll <= inner, `start page: ${scroll} > ${inner}`);
    await sample(page);
    await page.$$eval('details', (all) => all.forEach((d) => { d.open = true; }));
    ({ scroll, inner } = await overflow());
    assert.ok(scroll <= inner, `results: ${scroll} > ${inner}`);
    const name = `width-${viewport.width}-${locale.slice(0, 2)}`;
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: viewport.width < 1000 });
    if (viewport.width >= 3840) {
      // Centred, with charts drawn at a readable size rather than stretched or tiny.
      const box = await page.$eval('main', (m) => m.getBoundingClientRect().toJSON());
      assert.ok(Math.abs(box.left - (inner - box.right)) <= 2, `main is centred: ${box.left} vs ${inner - box.right}`);
      const chart = await page.$eval('#share-chart svg', (s) => s.getBoundingClientRect().width);
      assert.ok(chart >= 300, `the share chart is ${chart} px wide`);
    }
    assert.deepEqual(errors, []);
  });
}
