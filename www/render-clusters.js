// Renders the K-means section: why k was chosen (curves), the cluster
// profiles, and the segment × cluster cross-table.
import { el, headRow, rowHeader } from './dom.js';
import { formatCount, formatDecimal, formatMoney, formatShare } from './format.js';
import { lineChart } from './chart.js';
import { engineText, lang, t } from './i18n.js';
import { messageText } from './messages.js';

/** k, inertia, silhouette and Davies–Bouldin per k tried, with two charts. */
function renderSelection(box, clusters) {
  box.replaceChildren();
  const s = clusters.selection;
  if (!s) return;
  const charts = el('div', undefined, 'charts');
  const ks = s.candidates.map((c) => c.k);
  charts.append(
    lineChart({ title: t('silhouetteTitle'), xs: ks, ys: s.candidates.map((c) => c.silhouette), mark: s.chosen, xLabel: 'k' }),
    lineChart({ title: t('inertiaTitle'), xs: ks, ys: s.candidates.map((c) => c.inertia), mark: s.chosen, xLabel: 'k' }),
  );
  box.append(charts);
  const table = el('table');
  table.id = 'k-table';
  table.append(headRow(['k', t('silhouette'), t('inertia'), t('daviesBouldin')]));
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
  box.append(el('p', t('fittedOn', formatCount(s.sampleSize), formatCount(s.silhouetteSampleSize)), 'hint'), table);
}

/** One row per cluster, in original units, compared with the average customer. */
function renderProfiles(table, clusters) {
  table.replaceChildren();
  table.append(headRow(['cluster', 'customers', 'customerShare', 'revenue', 'revenueShare',
    'medianRecencyDays', 'medianOrders', 'medianSpend', 'vsTypical', 'recommendedAction'].map((k) => t(k))));
  const all = clusters.overall;
  const ratio = (v, base) => (base > 0 ? v / base : NaN);
  const body = el('tbody');
  for (const g of clusters.groups) {
    const tr = el('tr');
    const ko = lang() === 'ko';
    const name = rowHeader(ko ? g.nameKo : g.name);
    const spend = ratio(g.medianMonetary, all.medianMonetary);
    const orders = ratio(g.medianFrequency, all.medianFrequency);
    const days = Math.round(g.medianRecency - all.medianRecency);
    const recency = days === 0 ? t('asRecent') : days < 0 ? t('daysMoreRecent', formatCount(-days)) : t('daysLonger', formatCount(days));
    const vs = [
      Number.isFinite(spend) ? t('timesSpend', spend.toFixed(1)) : null,
      Number.isFinite(orders) ? t('timesOrders', orders.toFixed(1)) : null,
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
      el('td', engineText(g.action), 'action'));
    body.append(tr);
  }
  table.append(body);
}

/** Customers per segment (rows) and cluster (columns), with row percentages. */
function renderCrossTable(table, cross, clusters) {
  table.replaceChildren();
  const ko = lang() === 'ko';
  const columns = cross.columns.map((c, i) => (ko ? clusters.groups[i]?.nameKo ?? c : c));
  table.append(headRow([t('segment'), ...columns]));
  const body = el('tbody');
  cross.rows.forEach((segment, r) => {
    const tr = el('tr');
    tr.append(rowHeader(engineText(segment)));
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
    ? t('clipped', formatCount(clusters.clippedMonetary))
    : '';
  document.getElementById('cluster-note').textContent = (messageText(clusters.note) ?? `k = ${clusters.k}`) + '.' + clipped;
  renderSelection(document.getElementById('k-selection'), clusters);
  renderProfiles(document.getElementById('clusters-table'), clusters);
  renderCrossTable(document.getElementById('cross-table'), clusters.crossTable, clusters);
}
