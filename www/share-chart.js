// Each segment's share of customers beside its share of revenue: paired
// horizontal bars, one pair per segment, with a legend and tooltips.
import { chartFigure, label, svg } from './chart.js';

const COLORS = { customers: '#7a9cf0', revenue: '#e8904a' };

/**
 * `rows`: [{ name, customerShare, revenueShare }] (shares 0–1); `text`:
 * { title, customers, revenue, format(share) }. Returns a <figure>.
 */
export function shareChart(rows, text) {
  const bar = 9;
  const rowHeight = 2 * bar + 10;
  const left = 130;
  const width = 440;
  const top = 28;
  const height = top + rows.length * rowHeight + 24;
  const { figure, root } = chartFigure('shares', text.title, width, height);
  const max = Math.max(0.01, ...rows.flatMap((r) => [r.customerShare, r.revenueShare]));
  const scale = (v) => (v / max) * (width - left - 60);
  [['customers', text.customers], ['revenue', text.revenue]].forEach(([key, name], i) => {
    const x = left + i * 120;
    root.append(svg('rect', { class: 'legend', x, y: 6, width: 12, height: 12, fill: COLORS[key] }), label(x + 16, 16, name, 'start'));
  });
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    root.append(label(left - 8, y + bar + 4, row.name, 'end'));
    [['customers', row.customerShare], ['revenue', row.revenueShare]].forEach(([key, share], j) => {
      const rect = svg('rect', { class: `bar-${key}`, x: left, y: y + j * bar, width: Math.max(1, scale(share)), height: bar - 1, fill: COLORS[key] });
      rect.dataset.share = share;
      rect.append(svg('title', {}, `${row.name}: ${text.format(share)} ${key === 'customers' ? text.customers : text.revenue}`));
      root.append(rect, label(left + scale(share) + 4, y + j * bar + bar - 2, text.format(share), 'start', { 'font-size': 9 }));
    });
  });
  root.append(svg('line', { class: 'axis', x1: left, y1: top - 4, x2: left, y2: height - 20, stroke: '#5b6475' }));
  return figure;
}
