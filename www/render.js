// Renders an analysis report into the page. User-supplied text (headers,
// ids, names) is only ever inserted with textContent, never as HTML.
import { formatCount, formatDecimal, formatMoney, formatShare } from './format.js';
import { renderClusters } from './render-clusters.js';
import { renderDataQuality } from './render-data.js';

const GROUP_COLUMNS = [
  ['customers', 'Customers', formatCount],
  ['customerShare', '% of customers', formatShare],
  ['revenue', 'Revenue', formatMoney],
  ['revenueShare', '% of revenue', formatShare],
  ['meanRecency', 'Mean recency (days)', formatDecimal],
  ['meanFrequency', 'Mean frequency', formatDecimal],
  ['meanMonetary', 'Mean monetary', formatMoney],
];


function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Fills `table` with one row per group (segment or cluster). */
export function renderGroups(table, groups, firstHeader) {
  table.replaceChildren();
  const head = el('thead');
  const headRow = el('tr');
  for (const label of [firstHeader, ...GROUP_COLUMNS.map(([, l]) => l), 'Recommended action']) {
    const th = el('th', label);
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  const body = el('tbody');
  for (const group of groups) {
    const row = el('tr');
    const name = el('th', group.name);
    name.scope = 'row';
    row.append(name);
    for (const [key, , format] of GROUP_COLUMNS) row.append(el('td', format(group[key]), 'num'));
    row.append(el('td', group.action, 'action'));
    body.append(row);
  }
  table.append(head, body);
}

function renderHeadline(dl, report) {
  const d = report.data;
  const items = [
    ['Customers', formatCount(report.customers)],
    ['Revenue', formatMoney(report.revenue)],
    ['Dates', `${d.firstDate} to ${d.lastDate}`],
    ['As-of date', report.asOf + (report.asOfIsDefault ? ' (the day after the latest order)' : '')],
    ['Rows read', formatCount(d.rowsRead)],
    ['Rows used', formatCount(d.rowsUsed)],
    ['Rows skipped', formatCount(d.skipped.reduce((sum, t) => sum + t.count, 0))],
  ];
  dl.replaceChildren();
  for (const [term, value] of items) {
    const item = el('div');
    item.dataset.term = term;
    item.append(el('dt', term), el('dd', value));
    dl.append(item);
  }
}

/** Shows a whole report. */
export function renderReport(report) {
  renderHeadline(document.getElementById('headline'), report);
  renderDataQuality(document.getElementById('data-quality'), report.data);
  renderGroups(document.getElementById('segments-table'), report.rfm.segments, 'Segment');
  renderClusters(report.clusters);
  document.getElementById('results').hidden = false;
}
