// Small, dependency-free SVG line charts with labelled axes. Built with DOM
// calls (no innerHTML), styled by style.css so they follow dark mode and print.

const SVG = 'http://www.w3.org/2000/svg';

/** A new SVG element with attributes and optional text. */
export function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A line chart of `ys` against `xs` (nulls skipped), with the point at
 * x = `mark` highlighted. Returns a <figure>.
 */
export function lineChart({ title, xs, ys, mark, xLabel, width = 320, height = 180 }) {
  const pad = { left: 48, right: 12, top: 12, bottom: 34 };
  const points = xs.map((x, i) => [x, ys[i]]).filter(([, y]) => y != null && Number.isFinite(y));
  const figure = document.createElement('figure');
  figure.className = 'chart';
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  figure.append(caption, root);
  if (points.length === 0) return figure;
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[1]))];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const sx = (x) => pad.left + ((x - x0) / Math.max(1, x1 - x0)) * (width - pad.left - pad.right);
  const sy = (y) => height - pad.bottom - ((y - y0) / (y1 - y0)) * (height - pad.top - pad.bottom);
  root.append(svg('line', { class: 'axis', x1: pad.left, y1: height - pad.bottom, x2: width - pad.right, y2: height - pad.bottom }));
  root.append(svg('line', { class: 'axis', x1: pad.left, y1: pad.top, x2: pad.left, y2: height - pad.bottom }));
  for (const x of xs) {
    root.append(svg('text', { class: 'tick', x: sx(x), y: height - pad.bottom + 14, 'text-anchor': 'middle' }, String(x)));
  }
  for (const y of [y0, (y0 + y1) / 2, y1]) {
    const label = Math.abs(y1 - y0) < 10 ? y.toFixed(2) : Math.round(y).toLocaleString();
    root.append(svg('text', { class: 'tick', x: pad.left - 6, y: sy(y) + 4, 'text-anchor': 'end' }, label));
  }
  root.append(svg('text', { class: 'tick', x: (pad.left + width - pad.right) / 2, y: height - 4, 'text-anchor': 'middle' }, xLabel));
  root.append(svg('polyline', { class: 'line', points: points.map(([x, y]) => `${sx(x)},${sy(y)}`).join(' ') }));
  for (const [x, y] of points) {
    const dot = svg('circle', { class: x === mark ? 'dot chosen' : 'dot', cx: sx(x), cy: sy(y), r: x === mark ? 5 : 3 });
    dot.append(svg('title', {}, `k = ${x}: ${y.toFixed(3)}`));
    root.append(dot);
  }
  return figure;
}

/**
 * A chart's <figure>: caption and an <svg> with a viewBox of `width` × `height`,
 * named `name` (data-chart) for downloads and tests. Returns { figure, root }.
 */
export function chartFigure(name, title, width, height) {
  const figure = document.createElement('figure');
  figure.className = 'chart wide';
  figure.dataset.chart = name;
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  const root = svg('svg', { xmlns: SVG, viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title,
    'font-family': 'system-ui, sans-serif', 'font-size': 11 });
  root.append(svg('title', {}, title));
  figure.append(caption, root);
  return { figure, root };
}

/** A text label (with light-mode fill as an attribute so a downloaded SVG keeps it). */
export const label = (x, y, text, anchor = 'middle', extra = {}) =>
  svg('text', { class: 'tick', x, y, 'text-anchor': anchor, fill: '#5b6475', ...extra }, text);
