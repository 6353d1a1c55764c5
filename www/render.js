// Renders an analysis report into the page. User-supplied text (headers,
// ids, names) is only ever inserted with textContent, never as HTML.
import { el, headRow, rowHeader } from './dom.js';
import { formatCount, formatDate, formatDecimal, formatMoney, formatShare } from './format.js';
import { renderRfm } from './render-rfm.js';
import { renderClusters } from './render-clusters.js';
import { engineText, t } from './i18n.js';
import { renderCharts } from './render-charts.js';
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

/** Shows a whole report; `onError` gets failures of the chart downloads. */
export function renderReport(report, onError) {
  renderHeadline(document.getElementById('headline'), report);
  renderDataQuality(document.getElementById('data-quality'), report.data);
  renderGroups(document.getElementById('segments-table'), report.rfm.segments, 'segment');
  renderGroups(document.getElementById('tiers-table'), report.rfm.tiers, 'tier');
  renderRfm(report.rfm);
  renderClusters(report.clusters);
  renderCharts(report, onError);
  document.getElementById('results').hidden = false;
}
