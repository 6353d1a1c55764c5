// The page's language: English or Korean, from the browser's language unless
// the reader chose one (remembered in localStorage). Texts live in i18n/*.js.
import en from './i18n/en.js';
import ko from './i18n/ko.js';

const TABLES = { en, ko };
const KEY = 'segmenta.lang';

function initial() {
  let saved = null;
  try { saved = localStorage.getItem(KEY); } catch { /* storage may be off */ }
  if (saved in TABLES) return saved;
  return (navigator.language || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

let current = initial();
const listeners = [];

/** Every text of the language `code` (for modules that word their own, such as messages.js). */
export const table = (code) => TABLES[code];

/** The current language code: 'en' or 'ko'. */
export const lang = () => current;

/** The BCP 47 locale numbers and dates are formatted for. */
export const locale = () => (current === 'ko' ? 'ko-KR' : 'en-US');

/** The text for `key` in the current language; functions get `args`. */
export function t(key, ...args) {
  const value = TABLES[current][key] ?? en[key];
  if (value === undefined) throw new Error(`no text for ${key}`);
  return typeof value === 'function' ? value(...args) : value;
}

/** A text of the Rust report (segment name, description, action) in the current language; unknown (user) texts unchanged. */
export function engineText(text) {
  if (text == null || current === 'en') return text;
  return TABLES[current].engine?.[text] ?? text;
}

/** Fills every `[data-i18n]` element's text (and `[data-i18n-label]`'s aria-label) under `root`. */
export function applyStatic(root = document) {
  document.documentElement.lang = current;
  document.title = t('title');
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(node.dataset.i18nLabel));
}

/** Switches the language, remembers it, and tells every listener. */
export function setLang(code) {
  if (!(code in TABLES) || code === current) return;
  current = code;
  try { localStorage.setItem(KEY, code); } catch { /* storage may be off */ }
  applyStatic();
  for (const listener of listeners) listener(code);
}

/** Calls `listener(code)` after each language switch. */
export const onLangChange = (listener) => listeners.push(listener);
