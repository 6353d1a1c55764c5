// Number formatting for the tables, in the reader's locale.

const locale = navigator.language || 'en';
const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 1,234 */
export const formatCount = (n) => integer.format(n);
/** 1,234.50 */
export const formatMoney = (n) => money.format(n);
/** 12.3 */
export const formatDecimal = (n) => oneDecimal.format(n);
/** 12.3 % (from a 0–1 fraction) */
export const formatShare = (f) => percent.format(f);
