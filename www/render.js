// Renders an analysis report into the page. User-supplied text (headers,
// ids, names) is only ever inserted with textContent, never as HTML.
import { el, headRow, rowHeader } from './dom.js';
import { formatCount, formatDecimal, formatMoney, formatShare } from './format.js';
import { renderRfm } from './render-rfm.js';
import { renderClusters } from './render-clusters.js';

const GROUP_COLUMNS = [
  ['customers', 'Customers', formatCount],
  ['customerShare', '% of customers', formatShare],
  ['orders', 'Orders', formatCount],
  ['revenue', 'Revenue', formatMoney],
  ['revenueShare', '% of revenue', formatShare],
  ['averageOrderValue', 'Average order value', formatMoney],
  ['meanRecency', 'Mean recency (days)', formatDecimal],
  ['medianRecency', 'Median recency', formatDecimal],
  ['meanFrequency', 'Mean frequency', formatDecimal],
  ['medianFrequency', 'Median frequency', formatDecimal],
  ['meanMonetary', 'Mean monetary', formatMoney],
  ['medianMonetary', 'Median monetary', formatMoney],
];

const SKIP_REASONS = {
  missingCustomer: 'no customer id',
  badDate: 'date missing or not a date',
  badAmount: 'amount missing or not a number',
  tooFewFields: 'too few fields',
  afterAsOf: 'dated after the as-of date',
};

/** Fills `table` with one row per group (segment or cluster). */
export function renderGroups(table, groups, firstHeader) {
  table.replaceChildren();
  const described = groups.some((g) => g.description);
  const labels = [firstHeader, ...GROUP_COLUMNS.map(([, l]) => l), ...(described ? ['Who they are'] : []), 'Recommended action'];
  const body = el('tbody');
  for (const group of groups) {
    const row = el('tr');
    row.append(rowHeader(group.name));
    for (const [key, , format] of GROUP_COLUMNS) row.append(el('td', format(group[key]), 'num'));
    if (described) row.append(el('td', group.description ?? '', 'action'));
    row.append(el('td', group.action, 'action'));
    body.append(row);
  }
  table.append(headRow(labels), body);
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

function renderDataQuality(box, data) {
  box.replaceChildren();
  const cols = data.columns;
  const amount = cols.amount.name;
  const order = cols.order === null ? 'none (every row counts as an order)' : cols.headers[cols.order];
  box.append(el('p', `Columns used: customer “${cols.headers[cols.customer]}”, date “${cols.headers[cols.date]}”, amount “${amount}”, order “${order}”.`));
  if (data.skipped.length === 0) return;
  const list = el('ul', undefined, 'skips');
  for (const tally of data.skipped) {
    const first = tally.examples[0];
    const where = first ? ` — first at line ${first.line}${first.value ? `: “${first.value}”` : ''}` : '';
    list.append(el('li', `${formatCount(tally.count)} rows skipped: ${SKIP_REASONS[tally.reason] ?? tally.reason}${where}`));
  }
  box.append(list);
}

/** Shows a whole report. */
export function renderReport(report) {
  renderHeadline(document.getElementById('headline'), report);
  renderDataQuality(document.getElementById('data-quality'), report.data);
  renderGroups(document.getElementById('segments-table'), report.rfm.segments, 'Segment');
  renderGroups(document.getElementById('tiers-table'), report.rfm.tiers, 'Tier');
  renderRfm(report.rfm);
  renderClusters(report.clusters);
  document.getElementById('results').hidden = false;
}
