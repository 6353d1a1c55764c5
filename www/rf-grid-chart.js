// The R × F grid, as the R `rfm` package's heatmap: one square per pair of
// recency and frequency scores, coloured by mean monetary value, showing its customers.
import { chartFigure, label, svg } from './chart.js';

/** A blue from light (low) to dark (high) for t in 0–1, as [r, g, b]. */
function heatRgb(t) {
  const mix = (a, b) => Math.round(a + (b - a) * t);
  return [mix(235, 24), mix(242, 72), mix(255, 170)];
}
const heat = (t) => `rgb(${heatRgb(t).join(',')})`;

/** WCAG relative luminance of [r, g, b]. */
function luminance(rgb) {
  const [r, g, b] = rgb.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever contrasts more with `rgb` (always at least 4.5 : 1). */
function inkOn(rgb) {
  const l = luminance(rgb);
  return (1.05 / (l + 0.05)) > ((l + 0.05) / 0.05) ? '#ffffff' : '#000000';
}

/**
 * `cells`: [{ r, f, customers, meanMonetary }]; `bins`; `text`: { title, recency,
 * frequency, legend, cell(r, f, customers, mean), money(v), count(n) }. Returns a <figure>.
 */
export function rfGridChart(cells, bins, text) {
  const size = 56;
  const left = 56;
  const top = 12;
  const width = left + bins * size + 130;
  const height = top + bins * size + 44;
  const { figure, root } = chartFigure('rf-grid', text.title, width, height);
  const filled = cells.filter((c) => c.customers > 0).map((c) => c.meanMonetary);
  const lo = Math.min(...filled, 0);
  const hi = Math.max(...filled, lo + 1);
  const t = (v) => (v - lo) / (hi - lo);
  for (const c of cells) {
    const x = left + (c.r - 1) * size;
    const y = top + (bins - c.f) * size;
    const rgb = c.customers ? heatRgb(t(c.meanMonetary)) : [244, 244, 244];
    const fill = `rgb(${rgb.join(',')})`;
    const rect = svg('rect', { class: 'cell', x, y, width: size - 2, height: size - 2, fill });
    rect.dataset.r = c.r;
    rect.dataset.f = c.f;
    rect.dataset.customers = c.customers;
    rect.append(svg('title', {}, text.cell(c.r, c.f, text.count(c.customers), text.money(c.meanMonetary))));
    root.append(rect, svg('text', { x: x + size / 2 - 1, y: y + size / 2 + 4, 'text-anchor': 'middle', fill: inkOn(rgb), 'pointer-events': 'none' }, text.count(c.customers)));
  }
  for (let i = 1; i <= bins; i += 1) {
    root.append(label(left + (i - 1) * size + size / 2, top + bins * size + 14, String(i)));
    root.append(label(left - 8, top + (bins - i) * size + size / 2 + 4, String(i), 'end'));
  }
  root.append(label(left + (bins * size) / 2, height - 8, text.recency));
  root.append(label(14, top + (bins * size) / 2, text.frequency, 'middle', { transform: `rotate(-90 14 ${top + (bins * size) / 2})` }));
  const lx = left + bins * size + 20;
  root.append(label(lx, top + 10, text.legend, 'start'));
  for (let i = 0; i <= 4; i += 1) {
    const y = top + 20 + i * 22;
    root.append(svg('rect', { x: lx, y, width: 18, height: 18, fill: heat(1 - i / 4) }), label(lx + 24, y + 13, text.money(hi - ((hi - lo) * i) / 4), 'start'));
  }
  return figure;
}
