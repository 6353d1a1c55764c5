// The engine's sentences in the page's language. The engine reports each as
// { code, params, text }: `text` is English; `messages[code]` in i18n/*.js,
// when present, words it for the current language from the parameters, which
// arrive formatted for the locale (numbers, dates) beside the raw ones.
import { lang, table } from './i18n.js';
import { formatCount, formatDate, formatNumber } from './format.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function formatValue(name, value) {
  if (typeof value === 'number') return Number.isInteger(value) ? formatCount(value) : formatNumber(value);
  if (typeof value === 'string' && /date$/i.test(name) && ISO_DATE.test(value)) return formatDate(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return value.map((v) => formatValue(name, v)).join(', ');
  return value;
}

/** The parameters of `m`, formatted for the current locale. */
export function formattedParams(m) {
  return Object.fromEntries(Object.entries(m.params ?? {}).map(([name, value]) => [name, formatValue(name, value)]));
}

/**
 * The sentence `m` (a message of the engine, or a plain string) in the
 * current language; the English text when the language has no wording for it.
 */
export function messageText(m) {
  if (m == null || typeof m === 'string') return m;
  const wording = table(lang()).messages?.[m.code];
  if (wording === undefined) return m.text;
  return typeof wording === 'function' ? wording(formattedParams(m), m.params ?? {}) : wording;
}
