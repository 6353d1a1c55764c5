// English and Korean: chosen from the browser's language, switchable with a
// visible toggle, remembered across reloads, and applied to the engine's texts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { digits, dist, launch, openPage, root, settled, shots } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const segmentNames = (page) => page.$$eval('#segments-table tbody tr th', (cells) => cells.map((c) => c.textContent));

test('a Korean browser gets the Korean page, with won amounts without decimals', async () => {
  const { page, errors } = await openPage(env.browser, env.base, { locale: 'ko-KR' });
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  assert.equal(await page.textContent('#sample-button'), '예시 데이터로 해 보기');
  await page.click('#sample-button');
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  const revenue = await page.textContent('#headline [data-term="Revenue"] dd');
  assert.match(revenue, /^₩[\d,]+$/, revenue);
  assert.equal(await page.textContent('#headline [data-term="Customers"] dt'), '고객 수');
  await page.screenshot({ path: `${shots}/language-ko-results.png`, fullPage: true });
  assert.deepEqual(errors, []);
});

test('the EN/한국어 toggle switches labels, segment names and actions, and is remembered', async () => {
  const { page, errors } = await openPage(env.browser, env.base, { locale: 'en-US' });
  assert.equal(await page.textContent('#drop-zone .drop-title'), 'Drop a transactions file here (CSV or Excel .xlsx)');
  await page.click('#sample-button');
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  const english = await segmentNames(page);
  assert.ok(english.includes('Champions'), english.join(', '));
  const customers = digits(await page.textContent('#headline [data-term="Customers"] dd'));

  await page.click('#lang-switch button[data-lang="ko"]');
  assert.equal(await page.getAttribute('#lang-switch button[data-lang="ko"]', 'aria-pressed'), 'true');
  assert.equal(await page.textContent('#drop-zone .drop-title'), '거래 파일을 여기에 놓으세요 (CSV 또는 Excel .xlsx)');
  assert.equal(await page.textContent('label[for="file-input"]'), '파일 선택');
  assert.equal(await page.textContent('#file-read h2'), '파일을 읽은 방식', 'the file-reading panel is drawn again');
  assert.match(await page.textContent('#data-quality'), /^사용한 열: 고객/);
  const korean = await segmentNames(page);
  assert.equal(korean.length, english.length);
  assert.equal(korean[english.indexOf('Champions')], '챔피언');
  const champions = await page.$eval('#segments-table tr[data-name="Champions"]', (r) => [...r.cells].at(-1).textContent);
  assert.match(champions, /^유지: 보상하고/);
  assert.equal(await page.textContent('#segments-table thead th:nth-child(2)'), '고객 수');
  assert.equal(digits(await page.textContent('#headline [data-term="Customers"] dd')), customers, 'the same numbers');
  assert.match(await page.textContent('#headline [data-term="Revenue"] dd'), /^₩[\d,]+$/);
  // Dates as Korean readers write them, in the headline and in the engine's definitions.
  assert.match(await page.textContent('#headline [data-term="Dates"] dd'), /^\d{4}년 \d{1,2}월 \d{1,2}일 ~ \d{4}년 \d{1,2}월 \d{1,2}일$/);
  assert.match(await page.textContent('#headline [data-term="As-of date"] dd'), /^\d{4}년 \d{1,2}월 \d{1,2}일 /);
  assert.match(await page.textContent('#definitions [data-term="As-of date"] dd'), /^\d{4}년 \d{1,2}월 \d{1,2}일 \(파일의 마지막 거래일 다음 날\)$/);
  assert.equal(await page.textContent('#definitions [data-term="Recency"] dt'), '최근성 (R)');

  await page.reload();
  assert.equal(await page.textContent('#sample-button'), '예시 데이터로 해 보기', 'the choice survives a reload');
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  await page.click('#lang-switch button[data-lang="en"]');
  assert.equal(await page.textContent('#sample-button'), 'Try the sample data');
  await page.reload();
  assert.equal(await page.textContent('#sample-button'), 'Try the sample data');
  assert.deepEqual(errors, []);
});

test('every segment and tier text the engine writes has a Korean translation', async () => {
  const { default: ko } = await import('../../www/i18n/ko.js');
  for (const map of ['default', 'r-rfm', 'r-rfm-legacy']) {
    const report = JSON.parse(execFileSync(`${root}target/release/segmenta`,
      ['analyze', `${dist}/sample.csv`, '--format', 'json', '--map', map]).toString());
    assert.ok(report.rfm.segments.length > 3);
    for (const g of [...report.rfm.segments, ...report.rfm.tiers]) {
      for (const text of [g.name, g.description, g.action].filter(Boolean)) {
        assert.ok(text in ko.engine, `${map}: no Korean for “${text}”`);
      }
    }
  }
});
