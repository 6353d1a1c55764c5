// A long run on a large generated file shows its progress and stops at once
// on Cancel; the next analysis starts a fresh engine and works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dist, launch, openPage, root, settled, shots } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('Cancel stops a long analysis at once, and a new analysis works after it', async () => {
  const big = join(mkdtempSync(join(tmpdir(), 'segmenta-big-')), 'big.csv');
  execFileSync(`${root}target/release/segmenta`, ['sample', '--customers', '200000', '--out', big]);
  const { page, errors } = await openPage(env.browser, env.base);
  await page.waitForFunction(() => document.body.dataset.engine === 'ready');

  await page.setInputFiles('#file-input', big);
  await page.waitForFunction(() => document.body.dataset.state === 'working');
  assert.ok(await page.isVisible('#progress'), 'the progress bar shows');
  assert.ok(await page.isVisible('#cancel-button'));
  // While the file streams in: the stage, bytes and rows read, and a percentage on the bar.
  await page.waitForFunction(() => /^Reading big\.csv: .* MB of .* MB/.test(document.getElementById('status').textContent)
    && document.getElementById('progress-bar').value > 0 && /%/.test(document.getElementById('progress-percent').textContent));
  const fraction = await page.$eval('#progress-bar', (bar) => bar.value);
  assert.ok(fraction > 0 && fraction <= 1, `bar at ${fraction}`);
  await page.screenshot({ path: `${shots}/progress-en-desktop.png` });

  // The main thread stays responsive during the run: a timer fires while the
  // analysis is still working (were the engine on the main thread, it could
  // only fire after the run). The lag is printed as a figure, not asserted.
  const timer = await page.evaluate(() => new Promise((resolve) => {
    const start = performance.now();
    setTimeout(() => resolve({ lag: performance.now() - start - 50, state: document.body.dataset.state }), 50);
  }));
  console.log(`main-thread timer lag during analysis: ${timer.lag.toFixed(1)} ms`);
  assert.equal(timer.state, 'working', 'the timer fired while the analysis was still running');

  // Cancel takes effect synchronously, in the same task as the click.
  const cancelled = await page.evaluate(async () => {
    const start = performance.now();
    document.getElementById('cancel-button').click();
    return { state: document.body.dataset.state, ms: performance.now() - start };
  });
  console.log(`cancel took ${cancelled.ms.toFixed(1)} ms`);
  assert.equal(cancelled.state, 'cancelled');
  assert.ok(!(await page.isVisible('#progress')), 'the progress bar is gone');
  assert.match(await page.textContent('#status'), /^Cancelled/);
  // Nothing from the cancelled run arrives later.
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.body.dataset.state), 'cancelled');

  await page.setInputFiles('#file-input', `${dist}/sample.csv`);
  assert.equal(await settled(page), 'done', await page.textContent('#error'));
  assert.equal(await page.textContent('#headline [data-term="Customers"] dd'), '2,000');
  assert.deepEqual(errors, []);
});
