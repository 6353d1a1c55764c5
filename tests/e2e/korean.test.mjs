// The Korean page shows no English sentence: after analysing the sample and
// messy files (skipped rows, returns, ragged rows, ties that empty scores,
// ambiguous dates, a customer table, columns found from values) and files
// that cannot be read, every visible text is scanned for runs of English
// words, the choices of the selects included. User-supplied text (quoted
// names and values, the preview table, the column and sheet choices) is left out. The same scan of the English page must
// find sentences, so the scan itself is shown to work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dist, root, servePage, settled, shots } from './harness.mjs';

const { open } = servePage(dist);
const formats = `${root}tests/fixtures/formats`;

const FILES = [
  [`${dist}/sample.csv`, 'done'],
  [`${root}tests/fixtures/dirty.csv`, 'done'],
  [`${root}tests/fixtures/one_time_buyers.csv`, 'done'],
  [`${formats}/ambiguous_day_month.csv`, 'done'],
  [`${formats}/quoted_ragged.csv`, 'done'],
  [`${formats}/customer_table_recency_days.csv`, 'done'],
  [`${formats}/unnamed_columns_by_values.csv`, 'done'],
  [`${formats}/yyyymmdd_quantity_price_returns.csv`, 'done'],
  [`${formats}/workbook.xlsx`, 'done'],
  [`${root}tests/fixtures/no_customer_column.csv`, 'error'],
  [`${formats}/bad_binary.png`, 'error'],
  [`${formats}/bad_empty.csv`, 'error'],
  [`${formats}/bad_header_only.csv`, 'error'],
  [`${formats}/bad_archive.zip`, 'error'],
];

/** Three or more English words in a row (names, codes and units aside). */
const SENTENCE = /[A-Za-z]{2,}(?:[ ,;:'’()-]+[A-Za-z]+){2,}/g;

/** Visible page text that is ours to translate, as lines. */
function pageText(page) {
  return page.evaluate(() => {
    const skip = 'script, style, select, #preview-table, #version, .lang-switch, [hidden]';
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(skip) || !parent.getClientRects().length) continue;
      out.push(node.textContent);
    }
    // Choices of the selects, but not those that are the file's own names (columns, sheets).
    for (const option of document.querySelectorAll('select:not(#mapping-form select):not(#read-sheet) option')) {
      if (option.closest('[hidden]')) continue;
      out.push(option.textContent);
    }
    for (const node of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
      if (node.closest(skip) || !node.getClientRects().length) continue;
      out.push(node.getAttribute('title') ?? '', node.getAttribute('aria-label') ?? '', node.getAttribute('placeholder') ?? '');
    }
    return out;
  });
}

/** The English sentences among `lines`, user-supplied (quoted) text removed. */
function englishSentences(lines) {
  const found = [];
  for (const line of lines) {
    // Quoted text is the user's; date patterns (YYYY-MM-DD) are notation, not English.
    const ours = line.replace(/“[^”]*”|"[^"]*"|`[^`]*`/g, ' ').replace(/\b[YMD]+(?:[-./][YMD]+)+\b/g, ' ');
    for (const match of ours.matchAll(SENTENCE)) found.push(match[0]);
  }
  return found;
}

async function analyse(page, file, expected) {
  await page.setInputFiles('#file-input', file);
  assert.equal(await settled(page), expected, `${file}: ${await page.textContent('#error')}`);
  // Open every closed section so its text is visible too.
  await page.$$eval('details', (all) => all.forEach((d) => { d.open = true; }));
}

test('the Korean page shows no English sentence after analysing good and messy files', async () => {
  const { page, errors } = await open({ locale: 'ko-KR' });
  await page.waitForFunction(() => document.body.dataset.engine === 'ready');
  const untranslated = [];
  for (const [file, expected] of FILES) {
    await analyse(page, file, expected);
    for (const sentence of englishSentences(await pageText(page))) untranslated.push(`${file.split('/').pop()}: ${sentence}`);
  }
  await page.screenshot({ path: `${shots}/korean-messy-last.png`, fullPage: true });
  assert.deepEqual([...new Set(untranslated)], [], 'English sentences on the Korean page');
  assert.deepEqual(errors, []);
});

test('the same scan finds the English sentences of the English page', async () => {
  const { page, errors } = await open({ locale: 'en-US' });
  await page.waitForFunction(() => document.body.dataset.engine === 'ready');
  await analyse(page, `${root}tests/fixtures/one_time_buyers.csv`, 'done');
  const found = englishSentences(await pageText(page));
  assert.ok(found.some((s) => /no customer has score/.test(s)), `the empty-score hint is found: ${found.slice(0, 5)}`);
  assert.ok(found.some((s) => /day after the latest transaction/.test(s)), 'the as-of definition is found');
  await analyse(page, `${formats}/bad_binary.png`, 'error');
  const onError = englishSentences(await pageText(page));
  assert.ok(onError.some((s) => /not a text file/.test(s)), `the error sentence is found: ${onError}`);
  assert.deepEqual(errors, []);
});
