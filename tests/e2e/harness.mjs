// What every browser test needs: headless Chromium (Debian's, launched the
// same way everywhere) and a fresh page that records uncaught errors.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

/** Debian's Chromium, headless, with nothing that calls home. */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh page at `url` (en-US); `errors` collects uncaught page errors. */
export async function openPage(browser, url) {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

/**
 * Serves `dir` on a free port and starts Chromium for the calling test file
 * (stopped after it); returns `open()`, a fresh page of the served folder.
 */
export function servePage(dir) {
  let server;
  let browser;
  before(async () => {
    server = await serve(dir, 0);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
  return { open: () => openPage(browser, `http://127.0.0.1:${server.address().port}/`) };
}
