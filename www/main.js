// The page: file choice (drop, picker, sample), settings, and the run loop.
import { wireDownloads } from './downloads.js';
import { renderMapEditor } from './map-editor.js';
import { renderReport } from './render.js';
import { currentSettings, setCustomMap, wireSettings } from './settings-panel.js';
import { AnalysisWorker } from './worker-client.js';
import { applyStatic, lang, onLangChange, setLang, t } from './i18n.js';

const worker = new AnalysisWorker();
const $ = (id) => document.getElementById(id);
const STAGES = ['starting', 'analysing'];

let currentFile = null; // a Blob; kept so changing a setting re-runs without re-choosing
let controller = null;
let lastReport = null; // drawn again when the language changes

function setState(state, message = '') {
  document.body.dataset.state = state;
  $('status').textContent = message;
  $('error').hidden = state !== 'error';
}

function showError(error) {
  $('error').textContent = error.message;
  setState('error');
}

async function run() {
  if (!currentFile) return;
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  setState('working', t('reading', currentFile.name ?? t('theFile')));
  try {
    const chosen = performance.now();
    const bytes = await currentFile.arrayBuffer();
    const started = performance.now();
    const { report, version, timings } = await worker.analyze(bytes, currentSettings(), {
      signal,
      onProgress: (stage) => setState('working', STAGES.includes(stage) ? t(stage) : stage),
    });
    const analysed = performance.now();
    lastReport = report;
    renderReport(report, showError);
    renderMapEditor($('map-editor'), report.rfm.map, (map) => {
      setCustomMap(map);
      run();
    });
    $('version').textContent = version;
    const rendered = performance.now();
    // For the benchmark harness (bench/) and the curious: where the time went.
    window.segmentaTimings = { read: started - chosen, worker: analysed - started, render: rendered - analysed, ...timings };
    setState('done', t('analysedIn', currentFile.name, Math.round(analysed - started)));
  } catch (error) {
    if (error.name === 'AbortError') return;
    $('error').textContent = `${currentFile.name}: ${error.message}`;
    setState('error');
  }
}

function choose(file) {
  currentFile = file;
  run();
}

$('file-input').addEventListener('change', (e) => {
  if (e.target.files.length) choose(e.target.files[0]);
});

const zone = $('drop-zone');
zone.addEventListener('dragover', (e) => {
  e.preventDefault();
  zone.classList.add('over');
});
zone.addEventListener('dragleave', () => zone.classList.remove('over'));
zone.addEventListener('drop', (e) => {
  e.preventDefault();
  zone.classList.remove('over');
  if (e.dataTransfer.files.length) choose(e.dataTransfer.files[0]);
});
zone.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    $('file-input').click();
  }
});

$('sample-button').addEventListener('click', async () => {
  setState('working', t('loadingSample'));
  try {
    const response = await fetch('./sample.csv');
    if (!response.ok) throw new Error(t('sampleMissing', response.status));
    const blob = await response.blob();
    choose(new File([blob], 'sample.csv', { type: 'text/csv' }));
  } catch (error) {
    $('error').textContent = t('sampleFailed', error.message);
    setState('error');
  }
});

$('settings').addEventListener('change', () => run());

worker.warm().then(
  (version) => {
    $('version').textContent = version;
    document.body.dataset.engine = 'ready';
  },
  (error) => {
    $('error').textContent = error.message;
    setState('error');
  },
);
$('settings').addEventListener('submit', (e) => e.preventDefault());

wireSettings(() => run(), showError);
wireDownloads($('downloads'), worker, showError);

/** Marks the current language's button pressed. */
function showLang() {
  for (const b of document.querySelectorAll('#lang-switch button')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang()));
}
$('lang-switch').addEventListener('click', (e) => {
  const button = e.target.closest('button[data-lang]');
  if (button) setLang(button.dataset.lang);
});
onLangChange(() => {
  showLang();
  if (lastReport) renderReport(lastReport, showError);
  if (document.body.dataset.state === 'done') $('status').textContent = '';
});
applyStatic();
showLang();
