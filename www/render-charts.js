// Puts the report's charts on the page: segment shares, the R × F grid and
// the customer scatter, each with SVG and PNG downloads.
import { addChartDownloads } from './chart-download.js';
import { formatCount, formatMoney, formatShare } from './format.js';
import { engineText, lang, t } from './i18n.js';
import { rfGridChart } from './rf-grid-chart.js';
import { scatterChart } from './scatter-chart.js';
import { shareChart } from './share-chart.js';

const $ = (id) => document.getElementById(id);
const buttons = () => ({ svg: t('downloadSvg'), png: t('downloadPng') });

/**
 * Draws the three charts of `report` into their boxes, one function per chart
 * and per batch of scatter points (run them in turn, each may be its own
 * task); `onError` gets download failures.
 */
export function* chartSteps(report, onError) {
  yield () => drawShares(report, onError);
  yield () => drawGrid(report, onError);
  const clusters = report.clusters;
  const names = clusters.groups.map((g) => (lang() === 'ko' ? g.nameKo : g.name));
  const { figure, batches } = scatterChart(clusters.scatter, names, {
    title: t('scatterTitle'), recency: t('scatterRecency'), monetary: t('scatterMonetary'),
    point: (name, days, money) => t('scatterPoint', name, formatCount(days), formatMoney(money)),
  });
  yield () => {
    const note = document.createElement('p');
    note.className = 'hint';
    note.textContent = t('scatterSampled', formatCount(clusters.scatter.length), formatCount(report.customers));
    $('scatter').replaceChildren(addChartDownloads(figure, buttons(), onError), note);
  };
  yield* batches;
}

function drawShares(report, onError) {
  const shares = shareChart(report.rfm.segments.map((s) => ({ ...s, name: engineText(s.name) })), {
    title: t('shareChartTitle'), customers: t('shareCustomers'), revenue: t('shareRevenue'), format: formatShare,
  });
  $('share-chart').replaceChildren(addChartDownloads(shares, buttons(), onError));
}

function drawGrid(report, onError) {
  const grid = rfGridChart(report.rfm.grid, report.rfm.bins, {
    title: t('gridTitle'), recency: t('recencyScore'), frequency: t('frequencyScore'), legend: t('meanMonetaryLegend'),
    cell: (r, f, n, mean) => t('gridCell', r, f, n, mean), money: formatMoney, count: formatCount,
  });
  $('rf-grid').replaceChildren(addChartDownloads(grid, buttons(), onError));
}
