// Shared set-up of the browser tests: the built dist/ served on localhost,
// headless Chromium, a page that records uncaught errors, and waiting for a run.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const root = new URL('../../', import.meta.url).pathname;
export const dist = `${root}dist`;
export const shots = `${root}test-output`;
mkdirSync(shots, { recursive: true });

/** Serves dist/ and launches Chromium; returns { base, browser, close }. */
export async function launch() {
  const server = await serve(dist, 0);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const base = `http://127.0.0.1:${server.address().port}/`;
  return { base, browser, close: async () => { await browser.close(); server.close(); } };
}

/** A fresh page at `base` in a new context; `errors` collects uncaught page errors. */
export async function openPage(browser, base, { locale = 'en-US', viewport, acceptDownloads = true } = {}) {
  const context = await browser.newContext({ locale, viewport, acceptDownloads });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  return { page, context, errors };
}

/** Waits until the page reports `done` or `error` and returns which. */
export async function settled(page, timeout = 30_000) {
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout });
  return page.evaluate(() => document.body.dataset.state);
}

/** The digits of a formatted number, as a number ("₩1,234" → 1234). */
export const digits = (text) => Number(text.replace(/[^0-9]/g, ''));
