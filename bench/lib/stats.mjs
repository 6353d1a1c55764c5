// Summaries of repeated timings and the formatting used in BENCHMARKS.md.

/** { min, median, max } of numbers (the upper median for an even count). */
export function spread(values) {
  const v = [...values].sort((a, b) => a - b);
  return { min: v[0], median: v[Math.floor(v.length / 2)], max: v[v.length - 1], n: v.length };
}

/** Milliseconds as "1,234 (1,200–1,300)": median (min–max). */
export function ms(s, digits = 0) {
  if (!s) return 'n/a';
  const f = (x) => x.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

/** A ratio with two decimals, or n/a. */
export function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : 'n/a';
}

/** Bytes as MB (10^6) with one decimal. */
export const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Bytes as KB (10^3), whole. */
export const kb = (bytes) => `${Math.round(bytes / 1e3).toLocaleString('en')} KB`;

/** A count with thousands separators. */
export const count = (n) => Number(n).toLocaleString('en');

/** Rows of a markdown table. */
export function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
