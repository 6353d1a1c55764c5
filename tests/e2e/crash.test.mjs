// A bug in the engine (a panic, triggered on purpose by `crashForTest` in a
// settings file) shows the crash panel — the panic's message, the engine's
// version, and to report it without the customer file —, discards the broken
// worker, and the same page then analyses the sample with a fresh one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dist, servePage, settled, shots } from './harness.mjs';

const { open } = servePage(dist);

/** Loads a settings file holding `settings` through the page's settings input. */
async function loadSettings(page, settings) {
  await page.setInputFiles('#settings-file', {
    name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(settings)),
  });
}

for (const { locale, lang, title, report } of [
  { locale: 'en-US', lang: 'en', title: /a bug in Segmenta, not a problem with your file/, report: /Do not attach the customer file/ },
  { locale: 'ko-KR', lang: 'ko', title: /Segmenta의 버그입니다/, report: /고객 파일은 첨부하지 마세요/ },
]) {
  test(`an engine panic shows what to report, and the page analyses another file after it (${lang})`, async () => {
    const { page, errors } = await open({ locale });
    await page.waitForFunction(() => document.body.dataset.engine === 'ready');
    const version = (await page.textContent('#version')).trim();
    assert.match(version, /^\d+\.\d+\.\d+/);

    const [first] = page.workers();
    assert.equal(page.workers().length, 1, 'one worker, warmed at load');

    await loadSettings(page, { crashForTest: true });
    await page.setInputFiles('#file-input', `${dist}/sample.csv`);
    assert.equal(await settled(page), 'error');
    const panel = page.locator('#error');
    assert.ok(await panel.isVisible());
    assert.equal(await panel.getAttribute('data-kind'), 'crash');
    const text = await panel.textContent();
    assert.match(text, title);
    assert.match(text, report);
    assert.ok(text.includes(`(${version})`), `the version ${version} is in: ${text}`);
    // The panic hook's own message, readable: where and what.
    const message = await page.textContent('#error .crash-message');
    assert.match(message, /^panicked at src\/wasm\.rs:\d+:\d+:\ndeliberate panic for the crash test/);
    assert.ok(await page.isHidden('#results'));
    await page.screenshot({ path: `${shots}/crash-${lang}-desktop.png`, fullPage: true });

    // Settings without the trigger re-run the same file in a new worker, without a reload.
    await loadSettings(page, {});
    // The new run starts once the file is read: wait for it to leave the error state first.
    await page.waitForFunction(() => document.body.dataset.state !== 'error');
    assert.equal(await settled(page), 'done', await panel.textContent());
    assert.ok(await panel.isHidden());
    assert.match(await page.textContent('#headline [data-term="Customers"] dd'), /^2,000/);
    // The crashed worker was discarded: the run had a new one, and only it is left.
    assert.equal(page.workers().length, 1);
    assert.notEqual(page.workers()[0], first, 'a fresh worker ran the second analysis');
    assert.deepEqual(errors, []);
  });
}
