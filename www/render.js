// Renders an analysis report into the page. User-supplied text (headers,
// ids, names) is only ever inserted with textContent, never as HTML.
import { el, headRow, rowHeader } from './dom.js';
import { formatCount, formatDate, formatDecimal, formatMoney, formatShare } from './format.js';
import { renderRfm } from './render-rfm.js';
import { renderClusters } from './render-clusters.js';
import { engineText, t } from './i18n.js';
import { chartSteps } from './render-charts.js';
import { makeSortable } from './sortable.js';
import { renderDataQuality } from './render-data.js';

const GROUP_COLUMNS = [
  ['customers', 'customers', formatCount],
  ['customerShare', 'customerShare', formatShare],
  ['orders', 'orders', formatCount],
  ['revenue', 'revenue', formatMoney],
  ['revenueShare', 'revenueShare', formatShare],
  ['averageOrderValue', 'aov', formatMoney],
  ['meanRecency', 'meanRecency', formatDecimal],
  ['medianRecency', 'medianRecency', formatDecimal],
  ['meanFrequency', 'meanFrequency', formatDecimal],
  ['medianFrequency', 'medianFrequency', formatDecimal],
  ['meanMonetary', 'meanMonetary', formatMoney],
  ['medianMonetary', 'medianMonetary', formatMoney],
];

/** Fills `table` with one row per group (segment or tier); `firstHeader` is a text key. */
export function renderGroups(table, groups, firstHeader) {
  table.replaceChildren();
  const described = groups.some((g) => g.description);
  const labels = [t(firstHeader), ...GROUP_COLUMNS.map(([, l]) => t(l)), ...(described ? [t('whoTheyAre')] : []), t('recommendedAction')];
  const body = el('tbody');
  for (const group of groups) {
    const row = el('tr');
    row.dataset.name = group.name;
    row.append(rowHeader(engineText(group.name)));
    for (const [key, , format] of GROUP_COLUMNS) {
      const cell = el('td', format(group[key]), 'num');
      cell.dataset.value = group[key];
      row.append(cell);
    }
    if (described) row.append(el('td', engineText(group.description ?? ''), 'action'));
    row.append(el('td', engineText(group.action), 'action'));
    body.append(row);
  }
  table.append(headRow(labels), body);
  makeSortable(table);
}

function renderHeadline(dl, report) {
  const d = report.data;
  const items = [
    ['Customers', 'customers', formatCount(report.customers)],
    ['Revenue', 'revenue', formatMoney(report.revenue)],
    ['Dates', 'dates', t('dateRange', formatDate(d.firstDate), formatDate(d.lastDate))],
    ['As-of date', 'asOfDate', formatDate(report.asOf) + (report.asOfIsDefault ? t('asOfDefault') : '')],
    ['Rows read', 'rowsRead', formatCount(d.rowsRead)],
    ['Rows used', 'rowsUsed', formatCount(d.rowsUsed)],
    ['Rows skipped', 'rowsSkipped', formatCount(d.skipped.reduce((sum, s) => sum + s.count, 0))],
  ];
  dl.replaceChildren();
  for (const [term, key, value] of items) {
    const item = el('div');
    item.dataset.term = term;
    item.append(el('dt', t(key)), el('dd', value));
    dl.append(item);
  }
}

/** The parts of a report's rendering, in page order, each a short piece of work. */
function* reportSteps(report, onError) {
  yield () => {
    renderHeadline(document.getElementById('headline'), report);
    renderDataQuality(document.getElementById('data-quality'), report.data);
    renderGroups(document.getElementById('segments-table'), report.rfm.segments, 'segment');
    renderGroups(document.getElementById('tiers-table'), report.rfm.tiers, 'tier');
    document.getElementById('results').hidden = false;
  };
  yield () => renderRfm(report.rfm);
  yield () => renderClusters(report.clusters);
  yield* chartSteps(report, onError);
}

/** Shows a whole report at once (a language switch); `onError` gets failures of the chart downloads. */
export function renderReport(report, onError) {
  for (const step of reportSteps(report, onError)) step();
}

/** A new task: lets the browser paint and handle input (not throttled in background tabs, unlike setTimeout). */
const nextTask = () => new Promise((resolve) => {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => { port1.close(); resolve(); };
  port2.postMessage(null);
});

/**
 * Shows a new report one part per task, so that no task blocks the page for
 * long (below-the-fold blocks are laid out only when they come into view: see
 * style.css); resolves when everything is in place.
 */
export async function renderReportInSteps(report, onError) {
  for (const step of reportSteps(report, onError)) {
    step();
    await nextTask();
  }
}
