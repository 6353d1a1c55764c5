// The peers, installed by the harness into target/ (never committed):
// pandas + scikit-learn from PyPI (target/bench-venv, bench/venv_setup.py)
// and papaparse + ml-kmeans from npm (target/bench-node), bundled with
// esbuild into a bench-only page (target/bench-js), never into www/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { json, timed } from './procs.mjs';
import { serve } from '../../scripts/serve.mjs';
import { launch } from './browser.mjs';

export const NPM_PEERS = { papaparse: '5.7.1', 'ml-kmeans': '7.0.1', esbuild: '0.28.2' };

/** Installs both peers (when missing) and builds the JS baseline page; returns the venv's python. */
export function installPeers(root) {
  const python = execFileSync('python3', [`${root}bench/venv_setup.py`], { encoding: 'utf8' }).trim();
  const node = `${root}target/bench-node`;
  mkdirSync(node, { recursive: true });
  const wanted = Object.entries(NPM_PEERS).map(([name, version]) => `${name}@${version}`);
  const installed = Object.entries(NPM_PEERS).every(([name, version]) => {
    try {
      return JSON.parse(readFileSync(`${node}/node_modules/${name}/package.json`, 'utf8')).version === version;
    } catch {
      return false;
    }
  });
  if (!installed) {
    if (!existsSync(`${node}/package.json`)) writeFileSync(`${node}/package.json`, '{ "private": true }\n');
    execFileSync('npm', ['install', '--prefix', node, '--no-audit', '--no-fund', '--silent', ...wanted], { stdio: 'inherit' });
  }
  const page = `${root}target/bench-js`;
  mkdirSync(page, { recursive: true });
  execFileSync(`${node}/node_modules/.bin/esbuild`, [`${root}bench/js-baseline/entry.js`, '--bundle', '--format=iife', '--minify',
    '--log-level=warning', `--outfile=${page}/baseline.js`], { env: { ...process.env, NODE_PATH: `${node}/node_modules` } });
  copyFileSync(`${root}bench/js-baseline/index.html`, `${page}/index.html`);
  if (!existsSync(`${page}/data`)) symlinkSync('../bench-data', `${page}/data`);
  return python;
}

/** pandas + scikit-learn: `peers.py --threads 1 ARGS…` in-process figures, plus the process's wall time and peak RSS. */
export function pandas(python, root, args) {
  const run = timed(python, [`${root}bench/peers.py`, '--threads', '1', ...args], { capture: true });
  return { ...JSON.parse(run.stdout), wallMs: run.wallMs, peakRssBytes: run.peakRssBytes };
}

/** pandas + scikit-learn in-process only (no /usr/bin/time). */
export const pandasJson = (python, root, args) => json(python, [`${root}bench/peers.py`, '--threads', '1', ...args]);

/** The JavaScript baseline page in a fresh Chromium: run `fn(page)` in it. */
export async function withBaselinePage(root, fn) {
  const server = await serve(`${root}target/bench-js`, 0);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    return await fn(page);
  } finally {
    await browser.close();
    server.close();
  }
}

/** papaparse + Map + ml-kmeans (fixed k) on `file`, chosen through the baseline page's file input. */
export async function baselinePipeline(page, file, k) {
  await page.setInputFiles('#file', file);
  return page.evaluate(([k]) => window.baseline.pipeline(document.getElementById('file').files[0], k), [k]);
}

/** ml-kmeans fits on a features CSV under target/bench-data (served as data/). */
export function baselineFits(page, name, k, repeat) {
  return page.evaluate(([name, k, repeat]) => window.baseline.fitFile(`./data/${name}`, k, repeat), [name, k, repeat]);
}
