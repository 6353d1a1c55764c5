// The RFM settings: method, bins, measures, map, thresholds and movement;
// loading a settings file into the form. The segment map editor hands its
// edited map here (customMap), which then replaces the preset.
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

let customMap = null; // a map object of the user's own, or null for the preset
let loaded = {}; // the last settings file, for the sections the form does not show

const numbers = (text) => text.split(/[\s,;]+/).filter(Boolean).map(Number);

/** The settings object the form describes (the same JSON as a settings file). */
export function currentSettings() {
  const k = $('k-input').value;
  const asOf = $('as-of-input').value;
  const rfm = {
    bins: Number($('bins-input').value),
    frequency: $('frequency-input').value,
    monetary: $('monetary-input').value,
    method: $('method-input').value,
    preset: $('map-input').value === 'custom' ? (loaded.rfm?.preset ?? 'default') : $('map-input').value,
    movementDays: Math.max(0, Number($('movement-input').value) || 0),
  };
  if (rfm.method === 'fixed') {
    rfm.thresholds = {
      recency: numbers($('t-recency').value),
      frequency: numbers($('t-frequency').value),
      monetary: numbers($('t-monetary').value),
    };
  }
  if (customMap) rfm.map = customMap;
  return {
    ...loaded,
    ...(asOf ? { asOf } : { asOf: null }),
    clusters: { ...(loaded.clusters ?? {}), k: k === 'auto' ? 'auto' : Number(k), features: clusterFeatures() },
    rfm,
  };
}

const EXTRA = ['extra-tenure', 'extra-aov'];

/** The K-means feature choices of the form. */
function clusterFeatures() {
  const extra = EXTRA.map($).filter((box) => box.checked).map((box) => box.value);
  return { ...(loaded.clusters?.features ?? {}), transform: $('transform-input').value, scaling: $('scaling-input').value, extra };
}

/** Uses `map` (edited in the map editor) instead of the preset. */
export function setCustomMap(map) {
  customMap = map;
  $('custom-map-option').disabled = !map;
  $('map-input').value = map ? 'custom' : (loaded.rfm?.preset ?? 'default');
}

/** Fills the form from a settings file's JSON object. */
export function applySettings(settings) {
  loaded = settings;
  const rfm = settings.rfm ?? {};
  $('as-of-input').value = settings.asOf ?? '';
  if (settings.clusters?.k) $('k-input').value = String(settings.clusters.k);
  const features = settings.clusters?.features ?? {};
  $('transform-input').value = features.transform ?? 'log1p';
  $('scaling-input').value = features.scaling ?? 'standard';
  for (const box of EXTRA.map($)) box.checked = (features.extra ?? []).includes(box.value);
  $('bins-input').value = String(rfm.bins ?? 5);
  $('frequency-input').value = rfm.frequency ?? 'orders';
  $('monetary-input').value = rfm.monetary ?? 'total';
  $('method-input').value = rfm.method ?? 'quantiles';
  $('movement-input').value = rfm.movementDays ?? 90;
  const t = rfm.thresholds ?? {};
  $('t-recency').value = (t.recency ?? []).join(', ');
  $('t-frequency').value = (t.frequency ?? []).join(', ');
  $('t-monetary').value = (t.monetary ?? []).join(', ');
  $('map-input').value = rfm.preset ?? 'default';
  setCustomMap(rfm.map ?? null);
  showThresholds();
}

function showThresholds() {
  $('thresholds').hidden = $('method-input').value !== 'fixed';
}

/** Wires the form: the method shows or hides the thresholds; a new preset drops the edited map; `onLoad` runs after a settings file is read. */
export function wireSettings(onLoad, onError) {
  $('method-input').addEventListener('change', showThresholds);
  $('map-input').addEventListener('change', () => {
    if ($('map-input').value !== 'custom') {
      customMap = null;
      $('custom-map-option').disabled = true;
    }
  });
  $('settings-file').addEventListener('change', async (event) => {
    event.stopPropagation(); // the form's own change listener would run before the file is read
    const file = event.target.files[0];
    event.target.value = '';
    if (!file) return;
    try {
      applySettings(JSON.parse(await file.text()));
      onLoad();
    } catch (error) {
      onError(new Error(t('notSettingsFile', file.name, error.message)));
    }
  });
}
