// The segment map editor edits each segment's description and recommended
// action: the edited texts show in the segment table and in the downloads
// (per-segment CSV, summary JSON, settings), while untouched segments keep
// their standard texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { servePage, settled, shots } from './harness.mjs';

const { open } = servePage(new URL('../../dist', import.meta.url).pathname);

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-download="${name}"]`)]);
  return readFileSync(await file.path(), 'utf8');
}

/** The segment table's rows as { name, who, action }: the last two cells. */
const segmentRows = (page) => page.$$eval('#segments-table tbody tr', (rows) => rows.map((r) => ({
  name: r.cells[0].textContent, who: r.cells[r.cells.length - 2].textContent, action: r.cells[r.cells.length - 1].textContent,
})));

test('an edited description and action show in the segment table and every download', async () => {
  const { page, errors } = await open();
  await page.click('#sample-button');
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  const before = await segmentRows(page);
  const loyal = before.find((s) => s.name === 'Loyal');
  assert.ok(loyal.action.length > 0, 'the standard action shows before editing');

  await page.click('#map-editor-box summary');
  // The fields start with the standard texts.
  assert.equal(await page.inputValue('[aria-label="Recommended action for Champions"]'), before.find((s) => s.name === 'Champions').action);
  const action = 'Send a handwritten thank-you card & a <b>gift</b>.';
  const who = 'Our very best buyers.';
  await page.fill('[aria-label="Recommended action for Champions"]', action);
  await page.fill('[aria-label="Description of Champions"]', who);
  await page.click('#apply-map');
  await page.waitForFunction((text) => [...document.querySelectorAll('#segments-table tbody td')].some((td) => td.textContent === text), action);
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  await page.screenshot({ path: `${shots}/map-editor-texts.png`, fullPage: true });

  const after = await segmentRows(page);
  const champions = after.find((s) => s.name === 'Champions');
  assert.equal(champions.action, action);
  assert.equal(champions.who, who);
  assert.deepEqual(after.find((s) => s.name === 'Loyal'), loyal, 'an untouched segment keeps its texts');
  assert.equal(await page.$$eval('#segments-table b', (n) => n.length), 0, 'the action is text, not HTML');

  const csv = await download(page, 'segments.csv');
  const line = csv.split('\n').find((l) => l.startsWith('Champions,'));
  assert.ok(line?.includes(action), `segments.csv has the edited action: ${line}`);
  assert.ok(line.includes(who));
  assert.ok(csv.split('\n').find((l) => l.startsWith('Loyal,')).includes(loyal.action));
  const summary = JSON.parse(await download(page, 'summary.json'));
  const row = summary.rfm.segments.find((s) => s.name === 'Champions');
  assert.deepEqual([row.action, row.description], [action, who]);
  const settings = JSON.parse(await download(page, 'settings.json'));
  const rule = settings.rfm.map.segments.find((s) => s.name === 'Champions');
  assert.deepEqual([rule.action, rule.description], [action, who]);
  assert.equal(settings.rfm.map.segments.find((s) => s.name === 'Loyal').action, undefined, 'untouched texts stay the standard ones');
  assert.deepEqual(errors, []);
});
