// Renders the RFM part of a report: definitions, cut points and empty-score
// hints, the coverage grid, concentration and tiers, and segment movement.
import { el, headRow, rowHeader } from './dom.js';
import { formatCount, formatDate, formatDecimal, formatShare } from './format.js';
import { messageText } from './messages.js';
import { engineText, t } from './i18n.js';

const MEASURES = [['recency', 'recencyDays'], ['frequency', 'frequency'], ['monetary', 'monetaryShort']];
const $ = (id) => document.getElementById(id);
const short = (x) => (Number.isInteger(x) ? formatCount(x) : formatDecimal(x));

function renderDefinitions(dl, definitions) {
  dl.replaceChildren();
  for (const { term, text } of definitions) {
    const item = el('div');
    item.dataset.term = term.text;
    item.append(el('dt', messageText(term)), el('dd', messageText(text)));
    dl.append(item);
  }
}

function renderScales(table, scales, bins) {
  table.replaceChildren();
  const labels = [t('measure'), t('cutPoints'), ...Array.from({ length: bins }, (_, i) => t('score', i + 1))];
  const body = el('tbody');
  for (const [key, label] of MEASURES) {
    const s = scales[key];
    const row = el('tr');
    row.dataset.measure = key;
    row.append(rowHeader(t(label)));
    const cuts = el('td', s.cuts.map(short).join(' | ') || '—', 'num');
    cuts.title = messageText(s.boundaryText);
    row.append(cuts);
    for (const b of s.scores) {
      const range = b.customers ? ` (${short(b.min)}–${short(b.max)})` : '';
      row.append(el('td', `${formatCount(b.customers)}${range}`, b.customers ? 'num' : 'num empty'));
    }
    body.append(row);
  }
  table.append(headRow(labels), body);
}

function renderHints(list, hints) {
  list.replaceChildren(...hints.map((h) => el('li', messageText(h))));
  list.hidden = hints.length === 0;
}

/** One F × M grid per R score, each cell the code's segment and customers. */
function renderCoverage(box, coverage, bins) {
  box.replaceChildren();
  const cells = new Map(coverage.cells.map((c) => [c.code, c]));
  const others = coverage.segments.length - 1;
  const legend = el('ul', undefined, 'legend');
  coverage.segments.forEach((name, i) => {
    const item = el('li', t('codesCount', engineText(name), coverage.codesPerSegment[i]), `seg seg-${i === others ? 'others' : i % 12}`);
    legend.append(item);
  });
  box.append(legend);
  const grids = el('div', undefined, 'grids');
  for (let r = bins; r >= 1; r -= 1) {
    const table = el('table', undefined, 'grid');
    table.append(el('caption', `R = ${r}`));
    const labels = ['F \\ M', ...Array.from({ length: bins }, (_, i) => `${i + 1}`)];
    const body = el('tbody');
    for (let f = bins; f >= 1; f -= 1) {
      const row = el('tr');
      row.append(rowHeader(`${f}`));
      for (let m = 1; m <= bins; m += 1) {
        const cell = cells.get(r * 100 + f * 10 + m);
        const name = engineText(coverage.segments[cell.segment]);
        const td = el('td', formatCount(cell.customers), `seg seg-${cell.segment === others ? 'others' : cell.segment % 12}`);
        td.title = t('cellTitle', cell.code, name, formatCount(cell.customers));
        td.dataset.code = cell.code;
        row.append(td);
      }
      body.append(row);
    }
    table.append(headRow(labels), body);
    grids.append(table);
  }
  box.append(grids);
}

function renderConcentration(list, concentration) {
  list.replaceChildren(...concentration.map((c) => el('li',
    t('topShare', c.percent, formatCount(c.customers), formatShare(c.share)))));
}

function renderMovement(box, movement, note) {
  box.replaceChildren();
  if (!movement) {
    if (note) box.append(el('p', messageText(note)));
    return;
  }
  box.append(el('p', t('movementText', formatDate(movement.fromAsOf), formatDate(movement.toAsOf), formatCount(movement.moved), formatCount(movement.stayed))));
  const table = el('table', undefined, 'movement');
  const body = el('tbody');
  [...movement.segments, movement.newRow].forEach((from, i) => {
    const row = el('tr');
    row.append(rowHeader(engineText(from)));
    movement.counts[i].forEach((n, j) => row.append(el('td', n ? formatCount(n) : '·', i === j ? 'num same' : 'num')));
    body.append(row);
  });
  table.append(headRow([t('fromTo'), ...movement.segments.map(engineText)]), body);
  const wrap = el('div', undefined, 'table-wrap');
  wrap.append(table);
  box.append(wrap);
}

/** Shows the RFM part of a report (the segment and tier tables are drawn by render.js). */
export function renderRfm(rfm) {
  renderDefinitions($('definitions'), rfm.definitions);
  renderScales($('scales-table'), rfm.scales, rfm.bins);
  renderHints($('hints'), rfm.hints);
  renderCoverage($('coverage'), rfm.coverage, rfm.bins);
  renderConcentration($('concentration'), rfm.concentration);
  renderMovement($('movement'), rfm.movement, rfm.movementNote);
}
