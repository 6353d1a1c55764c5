// Renders the K-means section: why k was chosen (curves), the cluster
// profiles, and the segment × cluster cross-table.
import { el, headRow, rowHeader } from './dom.js';
import { formatCount, formatDecimal, formatMoney, formatShare } from './format.js';
import { lineChart } from './chart.js';

/** k, inertia, silhouette and Davies–Bouldin per k tried, with two charts. */
function renderSelection(box, clusters) {
  box.replaceChildren();
  const s = clusters.selection;
  if (!s) return;
  const charts = el('div', undefined, 'charts');
  const ks = s.candidates.map((c) => c.k);
  charts.append(
    lineChart({ title: 'Silhouette (higher is better)', xs: ks, ys: s.candidates.map((c) => c.silhouette), mark: s.chosen, xLabel: 'k' }),
    lineChart({ title: 'Inertia (the elbow)', xs: ks, ys: s.candidates.map((c) => c.inertia), mark: s.chosen, xLabel: 'k' }),
  );
  box.append(charts);
  const table = el('table');
  table.id = 'k-table';
  table.append(headRow(['k', 'Silhouette', 'Inertia', 'Davies–Bouldin']));
  const body = el('tbody');
  for (const c of s.candidates) {
    const tr = el('tr');
    if (c.k === s.chosen) tr.className = 'chosen';
    tr.append(rowHeader(String(c.k) + (c.k === s.chosen ? ' ✓' : '')),
      el('td', c.silhouette == null ? '–' : c.silhouette.toFixed(3), 'num'),
      el('td', formatDecimal(c.inertia), 'num'),
      el('td', c.daviesBouldin == null ? '–' : c.daviesBouldin.toFixed(3), 'num'));
    body.append(tr);
  }
  table.append(body);
  box.append(el('p', `Each k was fitted on ${formatCount(s.sampleSize)} customers; the silhouette was measured on ${formatCount(s.silhouetteSampleSize)} of them.`, 'hint'), table);
}

/** One row per cluster, in original units, compared with the average customer. */
function renderProfiles(table, clusters) {
  table.replaceChildren();
  table.append(headRow(['Cluster', 'Customers', '% of customers', 'Revenue', '% of revenue',
    'Median recency (days)', 'Median orders', 'Median spend', 'vs. typical customer', 'Recommended action']));
  const all = clusters.overall;
  const ratio = (v, base) => (base > 0 ? v / base : NaN);
  const body = el('tbody');
  for (const g of clusters.groups) {
    const tr = el('tr');
    const name = rowHeader(g.name);
    name.title = g.nameKo;
    const spend = ratio(g.medianMonetary, all.medianMonetary);
    const orders = ratio(g.medianFrequency, all.medianFrequency);
    const days = Math.round(g.medianRecency - all.medianRecency);
    const recency = days === 0 ? 'as recent' : days < 0 ? `${formatCount(-days)} days more recent` : `${formatCount(days)} days longer ago`;
    const vs = [
      Number.isFinite(spend) ? `${spend.toFixed(1)}× the spend` : null,
      Number.isFinite(orders) ? `${orders.toFixed(1)}× the orders` : null,
      recency,
    ].filter(Boolean).join(', ');
    tr.append(name,
      el('td', formatCount(g.customers), 'num'),
      el('td', formatShare(g.customerShare), 'num'),
      el('td', formatMoney(g.revenue), 'num'),
      el('td', formatShare(g.revenueShare), 'num'),
      el('td', formatDecimal(g.medianRecency), 'num'),
      el('td', formatDecimal(g.medianFrequency), 'num'),
      el('td', formatMoney(g.medianMonetary), 'num'),
      el('td', vs),
      el('td', g.action, 'action'));
    body.append(tr);
  }
  table.append(body);
}

/** Customers per segment (rows) and cluster (columns), with row percentages. */
function renderCrossTable(table, cross) {
  table.replaceChildren();
  table.append(headRow(['Segment', ...cross.columns]));
  const body = el('tbody');
  cross.rows.forEach((segment, r) => {
    const tr = el('tr');
    tr.append(rowHeader(segment));
    const total = cross.counts[r].reduce((a, b) => a + b, 0);
    for (const n of cross.counts[r]) {
      tr.append(el('td', `${formatCount(n)} (${formatShare(total ? n / total : 0)})`, 'num'));
    }
    body.append(tr);
  });
  table.append(body);
}

/** Shows the whole K-means section of a report. */
export function renderClusters(clusters) {
  const clipped = clusters.clippedMonetary
    ? ` ${formatCount(clusters.clippedMonetary)} customers with net spend ≤ 0 (returns) count as 0 spend for clustering.`
    : '';
  document.getElementById('cluster-note').textContent = (clusters.note ?? `k = ${clusters.k}`) + '.' + clipped;
  renderSelection(document.getElementById('k-selection'), clusters);
  renderProfiles(document.getElementById('clusters-table'), clusters);
  renderCrossTable(document.getElementById('cross-table'), clusters.crossTable);
}
