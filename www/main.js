// The page: file choice (drop, picker, sample), settings, and the run loop.
import { wireDownloads } from './downloads.js';
import { renderMapEditor } from './map-editor.js';
import { renderReport } from './render.js';
import { describeProgress, renderFileRead } from './render-data.js';
import { currentSettings, setCustomMap, wireSettings } from './settings-panel.js';
import { AnalysisWorker } from './worker-client.js';

const worker = new AnalysisWorker();
const $ = (id) => document.getElementById(id);
const STAGES = { starting: 'Starting the analysis engine…', analysing: 'Analysing…' };

let currentFile = null; // a Blob; kept so changing a setting re-runs without re-choosing
let controller = null;
let ingest = null; // how to read the current file, as chosen in "How the file was read" (null: as detected)

function setState(state, message = '') {
  document.body.dataset.state = state;
  $('status').textContent = message;
  $('error').hidden = state !== 'error';
}

function showError(error) {
  $('error').textContent = error.message;
  setState('error');
}

/** The form's settings, with how to read the file. */
function settings() {
  const form = currentSettings();
  return { ...form, ingest: ingest ?? form.ingest ?? {} };
}

const READING = { reading: 'Reading', rereading: 'Reading again for the segment movement' };

async function run() {
  if (!currentFile) return;
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  const name = currentFile.name ?? 'the file';
  setState('working', `Reading ${name}…`);
  const chosen = settings();
  const onIngestChange = (next) => {
    ingest = next;
    run();
  };
  try {
    const started = performance.now();
    const { report, version, timings } = await worker.analyze(currentFile, chosen, {
      signal,
      onProgress: (stage, info) => setState('working',
        READING[stage] ? `${READING[stage]} ${name}: ${describeProgress(info)}…` : STAGES[stage] ?? stage),
    });
    const analysed = performance.now();
    renderFileRead($('file-read'), { data: report.data }, chosen.ingest, onIngestChange);
    renderReport(report);
    renderMapEditor($('map-editor'), report.rfm.map, (map) => {
      setCustomMap(map);
      run();
    });
    $('version').textContent = version;
    const rendered = performance.now();
    // For the benchmark harness (bench/) and the curious: where the time went.
    // The file is read as it streams into the worker: its reading is in `ingest`.
    window.segmentaTimings = { read: 0, worker: analysed - started, render: rendered - analysed, ...timings };
    setState('done', `${currentFile.name}: analysed in ${Math.round(analysed - started)} ms.`);
  } catch (error) {
    if (error.name === 'AbortError') return;
    $('error').textContent = `${currentFile.name}: ${error.message}`;
    $('results').hidden = true;
    if (error.peek) renderFileRead($('file-read'), { peek: error.peek }, chosen.ingest, onIngestChange);
    else $('file-read').hidden = true;
    setState('error');
  }
}

function choose(file) {
  currentFile = file;
  ingest = null;
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
