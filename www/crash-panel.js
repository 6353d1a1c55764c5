// The error panel for an engine crash (a panic in the wasm core, which is a
// bug): what happened, that the engine was restarted, and what to report —
// the panic's message and the engine's version, never the customer file.
import { t } from './i18n.js';

/**
 * Fills `box` with the crash panel for `error` (an Error with `fatal` set,
 * its message the panic's, `version` the engine's) met while reading `name`.
 */
export function renderCrash(box, error, name) {
  const p = (text, className) => Object.assign(document.createElement('p'), { textContent: text, className: className ?? '' });
  const label = p(t('crashMessage'), 'crash-label');
  const message = Object.assign(document.createElement('pre'), { className: 'crash-message', textContent: error.message });
  box.replaceChildren(
    p(t('crashTitle', name)),
    p(t('crashRestarted')),
    p(t('crashReport', error.version ?? t('crashUnknownVersion')), 'crash-report'),
    label,
    message,
  );
  box.dataset.kind = 'crash';
}
