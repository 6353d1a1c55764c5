// Number formatting for the tables, in the page's language: Korean shows
// money in won without decimals, English with two decimals.
import { lang, locale } from './i18n.js';

const cache = new Map();
function formatter(kind) {
  const key = `${lang()}:${kind}`;
  if (!cache.has(key)) {
    const ko = lang() === 'ko';
    const options = {
      integer: { maximumFractionDigits: 0 },
      money: ko ? { style: 'currency', currency: 'KRW', maximumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 },
      decimal: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
      percent: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
    }[kind];
    cache.set(key, new Intl.NumberFormat(locale(), options));
  }
  return cache.get(key);
}

/** 1,234 */
export const formatCount = (n) => formatter('integer').format(n);
/** 1,234.50, or ₩1,235 in Korean */
export const formatMoney = (n) => formatter('money').format(n);
/** 12.3 */
export const formatDecimal = (n) => formatter('decimal').format(n);
/** 12.3 % (from a 0–1 fraction) */
export const formatShare = (f) => formatter('percent').format(f);
