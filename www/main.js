// The page: file choice (drop, picker, sample), settings, and the run loop.
import { renderCrash } from './crash-panel.js';
import { wireDownloads } from './downloads.js';
import { renderMapEditor } from './map-editor.js';
import { renderReport, renderReportInSteps } from './render.js';
import { describeProgress, renderFileRead } from './render-data.js';
import { currentSettings, setCustomMap, wireSettings } from './settings-panel.js';
import { AnalysisWorker } from './worker-client.js';
import { applyStatic, lang, onLangChange, setLang, t } from './i18n.js';
import { formatShare } from './format.js';
import { messageText } from './messages.js';

const worker = new AnalysisWorker();
const $ = (id) => document.getElementById(id);
const STAGES = ['starting', 'analysing'];

let currentFile = null; // a Blob; kept so changing a setting re-runs without re-choosing
let controller = null;
let lastReport = null; // drawn again when the language changes
let lastFileRead = null; // the arguments of the file-reading panel, to draw it again in another language
let ingest = null; // how to read the current file, as chosen in "How the file was read" (null: as detected)

function setState(state, message = '') {
  document.body.dataset.state = state;
  $('status').textContent = message;
  $('error').hidden = state !== 'error';
  $('progress').hidden = state !== 'working';
}

/** The working state with a stage and, when known, how far it is (0–1). */
function showProgress(message, fraction) {
  setState('working', message);
  const bar = $('progress-bar');
  if (fraction === undefined || fraction === null) bar.removeAttribute('value');
  else bar.value = fraction;
  $('progress-percent').textContent = fraction == null ? '' : formatShare(fraction);
}

/** An error for the user, in the page's language. */
function errorText(error) {
  return error.code ? messageText({ code: error.code, params: error.params, text: error.message }) : error.message;
}

let lastError = null; // { error, prefix }: worded again when the language changes

/**
 * Shows an error for the user in the error panel, in the page's language;
 * an engine crash (fatal) gets the crash panel, which says what to report.
 */
function showError(error, prefix = '') {
  lastError = { error, prefix };
  const box = $('error');
  delete box.dataset.kind;
  if (error.fatal) renderCrash(box, error, currentFile?.name ?? t('theFile'));
  else box.textContent = prefix + errorText(error);
  setState('error');
}

/** The form's settings, with how to read the file. */
function settings() {
  const form = currentSettings();
  return { ...form, ingest: ingest ?? form.ingest ?? {} };
}

const READING = { reading: 'readingStage' };

/** Draws the file-reading panel (and remembers how, for a language switch). */
function showFileRead(...args) {
  lastFileRead = args;
  renderFileRead($('file-read'), ...args);
}

/** The segment map editor for `report`'s map, in the current language. */
function showMapEditor(report) {
  renderMapEditor($('map-editor'), report.rfm.map, (map) => {
    setCustomMap(map);
    run();
  }, report.rfm.segments);
}

async function run() {
  if (!currentFile) return;
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  const name = currentFile.name ?? t('theFile');
  showProgress(t('reading', name), 0);
  const chosen = settings();
  const onIngestChange = (next) => {
    ingest = next;
    run();
  };
  try {
    const started = performance.now();
    const { report, version, timings } = await worker.analyze(currentFile, chosen, {
      signal,
      onProgress: (stage, info) => (READING[stage]
        ? showProgress(`${t(READING[stage])} ${name}: ${describeProgress(info)}…`, info.total ? info.bytes / info.total : null)
        : showProgress(STAGES.includes(stage) ? t(stage) : stage)),
    });
    const analysed = performance.now();
    lastReport = report;
    showFileRead({ data: report.data }, chosen.ingest, onIngestChange);
    await renderReportInSteps(report, showError);
    if (signal.aborted) return;
    showMapEditor(report);
    $('version').textContent = version;
    const rendered = performance.now();
    // For the benchmark harness (bench/) and the curious: where the time went.
    // The file is read as it streams into the worker: its reading is in `ingest`.
    window.segmentaTimings = { read: 0, worker: analysed - started, render: rendered - analysed, ...timings };
    setState('done', t('analysedIn', currentFile.name, Math.round(analysed - started)));
  } catch (error) {
    if (error.name === 'AbortError') return;
    $('results').hidden = true;
    if (error.peek) showFileRead({ peek: error.peek }, chosen.ingest, onIngestChange);
    else $('file-read').hidden = true;
    showError(error, `${currentFile.name}: `);
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

$('sample-button').addEventListener('click', async () => {
  showProgress(t('loadingSample'));
  try {
    const response = await fetch('./sample.csv');
    if (!response.ok) throw new Error(t('sampleMissing', response.status));
    const blob = await response.blob();
    choose(new File([blob], 'sample.csv', { type: 'text/csv' }));
  } catch (error) {
    showError(new Error(t('sampleFailed', error.message)));
  }
});

$('settings').addEventListener('change', () => run());

// Cancel stops the worker at once; the next analysis starts a new one.
$('cancel-button').addEventListener('click', () => {
  controller?.abort();
  controller = null;
  setState('cancelled', t('cancelled'));
});

worker.warm().then(
  (version) => {
    $('version').textContent = version;
    document.body.dataset.engine = 'ready';
  },
  (error) => {
    showError(new Error(t('couldNotStart', error.message)));
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
  if (lastReport) {
    renderReport(lastReport, showError);
    showMapEditor(lastReport);
  }
  if (lastFileRead && !$('file-read').hidden) renderFileRead($('file-read'), ...lastFileRead);
  if (document.body.dataset.state === 'done') $('status').textContent = '';
  if (document.body.dataset.state === 'error' && lastError) showError(lastError.error, lastError.prefix);
});
applyStatic();
showLang();
