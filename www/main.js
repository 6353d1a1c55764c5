// The page: file choice (drop, picker, sample), settings, and the run loop.
import { wireDownloads } from './downloads.js';
import { renderMapEditor } from './map-editor.js';
import { renderReport } from './render.js';
import { currentSettings, setCustomMap, wireSettings } from './settings-panel.js';
import { AnalysisWorker } from './worker-client.js';

const worker = new AnalysisWorker();
const $ = (id) => document.getElementById(id);
const STAGES = { starting: 'Starting the analysis engine…', analysing: 'Analysing…' };

let currentFile = null; // a Blob; kept so changing a setting re-runs without re-choosing
let controller = null;

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
  setState('working', `Reading ${currentFile.name ?? 'the file'}…`);
  try {
    const chosen = performance.now();
    const bytes = await currentFile.arrayBuffer();
    const started = performance.now();
    const { report, version, timings } = await worker.analyze(bytes, currentSettings(), {
      signal,
      onProgress: (stage) => setState('working', STAGES[stage] ?? stage),
    });
    const analysed = performance.now();
    renderReport(report);
    renderMapEditor($('map-editor'), report.rfm.map, (map) => {
      setCustomMap(map);
      run();
    });
    $('version').textContent = version;
    const rendered = performance.now();
    // For the benchmark harness (bench/) and the curious: where the time went.
    window.segmentaTimings = { read: started - chosen, worker: analysed - started, render: rendered - analysed, ...timings };
    setState('done', `${currentFile.name}: analysed in ${Math.round(analysed - started)} ms.`);
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
  setState('working', 'Loading the sample…');
  try {
    const response = await fetch('./sample.csv');
    if (!response.ok) throw new Error(`the sample is missing (${response.status})`);
    const blob = await response.blob();
    choose(new File([blob], 'sample.csv', { type: 'text/csv' }));
  } catch (error) {
    $('error').textContent = `Could not load the sample: ${error.message}`;
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
