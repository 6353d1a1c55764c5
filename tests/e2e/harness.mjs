// What every browser test needs: headless Chromium (Debian's, launched the
// same way everywhere), the built dist/ served on localhost, a fresh page that
// records uncaught errors, and waiting for a run to finish.
import { after, before } from 'node:test';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const root = new URL('../../', import.meta.url).pathname;
export const dist = `${root}dist`;
export const shots = `${root}test-output`;
mkdirSync(shots, { recursive: true });

/** Debian's Chromium, headless, with nothing that calls home. */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A fresh page at `url` in a new context (en-US unless `locale` is given;
 * other options, such as colorScheme or bypassCSP, go to the context);
 * `errors` collects uncaught page errors.
 */
export async function openPage(browser, url, { locale = 'en-US', viewport, ...options } = {}) {
  const context = await browser.newContext({ locale, viewport, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, context, errors };
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
  return { open: (options) => openPage(browser, `http://127.0.0.1:${server.address().port}/`, options) };
}

/** Serves dist/ and launches Chromium; returns { base, browser, close }. */
export async function launch() {
  const server = await serve(dist, 0);
  const browser = await launchChromium();
  const base = `http://127.0.0.1:${server.address().port}/`;
  return { base, browser, close: async () => { await browser.close(); server.close(); } };
}

/** Waits until the page reports `done` or `error` and returns which. */
export async function settled(page, timeout = 30_000) {
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout });
  return page.evaluate(() => document.body.dataset.state);
}

/** The digits of a formatted number, as a number ("₩1,234" → 1234). */
export const digits = (text) => Number(text.replace(/[^0-9]/g, ''));
