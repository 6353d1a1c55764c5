// Downloads of a chart as SVG (the element serialised) or PNG (the SVG drawn
// on a canvas through a data: URL, which the page's CSP allows for images).
import { save } from './downloads.js';
import { t } from './i18n.js';

/** The chart's SVG as a standalone document. */
export function svgText(root) {
  const clone = root.cloneNode(true);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** A PNG Blob of the chart at twice its size, on a white background. */
export async function pngBlob(root) {
  const [, , width, height] = root.getAttribute('viewBox').split(' ').map(Number);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(root))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(t('pngFailed')))), 'image/png'));
}

/** Adds SVG and PNG download buttons (labels from `text`) to a chart figure. */
export function addChartDownloads(figure, text, onError) {
  const root = figure.querySelector('svg');
  const name = `segmenta-${figure.dataset.chart}`;
  const row = document.createElement('div');
  row.className = 'chart-downloads';
  for (const kind of ['svg', 'png']) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.chartDownload = kind;
    button.textContent = text[kind];
    button.addEventListener('click', async () => {
      try {
        save(`${name}.${kind}`, kind === 'svg' ? svgText(root) : await pngBlob(root));
      } catch (error) {
        onError(error);
      }
    });
    row.append(button);
  }
  figure.append(row);
  return figure;
}
