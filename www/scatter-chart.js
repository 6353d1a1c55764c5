// A scatter of customers: recency (days) against monetary value, both on log
// scales, coloured by cluster, from the report's seeded sample.
import { chartFigure, label, svg } from './chart.js';

/** Colours of clusters 0, 1, …, repeating. */
export const CLUSTER_COLORS = ['#2454d6', '#e8590c', '#2b8a3e', '#c2255c', '#7048e8', '#0b7285', '#e67700', '#5c940d', '#862e9c', '#495057'];

/** Points drawn per batch: a batch is one short task on the main thread. */
export const POINTS_PER_BATCH = 1000;

/**
 * `points`: [{ recency, monetary, cluster }]; `names`: cluster names by number;
 * `text`: { title, recency, monetary, point(name, days, money) }. Returns
 * { figure, batches }: the <figure> with its axes and legend, and the
 * functions that draw the points into it, POINTS_PER_BATCH at a time (call
 * them in turn, in separate tasks, so that a large sample never blocks the page).
 */
export function scatterChart(points, names, text) {
  const pad = { left: 56, right: 16, top: 12, bottom: 40 };
  const width = 620;
  const plotHeight = 340;
  const height = plotHeight + 12 + names.length * 18;
  const { figure, root } = chartFigure('scatter', text.title, width, height);
  figure.dataset.points = points.length;
  const lg = (v) => Math.log10(1 + Math.max(0, v));
  const xMax = Math.max(1, ...points.map((p) => lg(p.recency)));
  const yMax = Math.max(1, ...points.map((p) => lg(p.monetary)));
  const sx = (v) => pad.left + (lg(v) / xMax) * (width - pad.left - pad.right);
  const sy = (v) => plotHeight - pad.bottom - (lg(v) / yMax) * (plotHeight - pad.top - pad.bottom);
  const axis = { class: 'axis', stroke: '#5b6475' };
  root.append(svg('line', { ...axis, x1: pad.left, y1: plotHeight - pad.bottom, x2: width - pad.right, y2: plotHeight - pad.bottom }),
    svg('line', { ...axis, x1: pad.left, y1: pad.top, x2: pad.left, y2: plotHeight - pad.bottom }));
  for (let p = 0; 10 ** p <= 10 ** xMax; p += 1) root.append(label(sx(10 ** p), plotHeight - pad.bottom + 14, (10 ** p).toLocaleString()));
  for (let p = 0; 10 ** p <= 10 ** yMax; p += 1) root.append(label(pad.left - 6, sy(10 ** p) + 4, (10 ** p).toLocaleString(), 'end'));
  root.append(label((pad.left + width - pad.right) / 2, plotHeight - 6, text.recency));
  root.append(label(12, (pad.top + plotHeight - pad.bottom) / 2, text.monetary, 'middle', { transform: `rotate(-90 12 ${(pad.top + plotHeight - pad.bottom) / 2})` }));
  const dots = svg('g', { class: 'points' });
  root.append(dots);
  const draw = (batch) => {
    for (const p of batch) {
      const dot = svg('circle', { class: 'point', cx: sx(p.recency).toFixed(1), cy: sy(p.monetary).toFixed(1), r: 2, fill: CLUSTER_COLORS[p.cluster % CLUSTER_COLORS.length], 'fill-opacity': 0.55 });
      if (points.length <= 1500) dot.append(svg('title', {}, text.point(names[p.cluster], p.recency, p.monetary)));
      dots.append(dot);
    }
  };
  const batches = [];
  for (let from = 0; from < points.length; from += POINTS_PER_BATCH) {
    batches.push(() => draw(points.slice(from, from + POINTS_PER_BATCH)));
  }
  names.forEach((name, i) => {
    const y = plotHeight + 10 + i * 18;
    const x = pad.left + 6;
    root.append(svg('circle', { cx: x, cy: y, r: 5, fill: CLUSTER_COLORS[i % CLUSTER_COLORS.length] }), label(x + 10, y + 4, name, 'start'));
  });
  return { figure, batches };
}
