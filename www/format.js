// Number and date formatting for the page, in its language (Intl): Korean
// shows money in won without decimals, English with two decimals; dates as
// "2011년 12월 10일" or "Dec 10, 2011". Downloads keep machine formats.
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
      number: { maximumFractionDigits: 2 },
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
/** 1,234.57: up to two decimals */
export const formatNumber = (n) => formatter('number').format(n);

const dateCache = new Map();
/** "2011-12-10" as "Dec 10, 2011" or "2011년 12월 10일"; anything else unchanged. */
export function formatDate(iso) {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  if (!dateCache.has(lang())) {
    dateCache.set(lang(), new Intl.DateTimeFormat(locale(), { dateStyle: lang() === 'ko' ? 'long' : 'medium', timeZone: 'UTC' }));
  }
  return dateCache.get(lang()).format(new Date(`${iso}T00:00:00Z`));
}
