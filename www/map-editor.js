// The segment map editor: rename segments, edit their description and
// recommended action, move codes between them, write rules as score ranges
// ("R3-5 F1-3 M2-5; …"), add, remove and reorder segments (the first match wins).
import { el } from './dom.js';
import { engineText, t } from './i18n.js';

const range = ([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`);
const formatRanges = (ranges = []) => ranges.map((g) => `R${range(g.r)} F${range(g.f)} M${range(g.m)}`).join('; ');
const codeList = (text) => text.split(/[\s,]+/).filter(Boolean);

function parseRange(text, letter) {
  const match = new RegExp(`${letter}(\\d)(?:-(\\d))?`, 'i').exec(text);
  if (!match) throw new Error(t('mapNoRange', text.trim(), letter));
  return [Number(match[1]), Number(match[2] ?? match[1])];
}

function parseRanges(text) {
  return text.split(';').filter((part) => part.trim()).map((part) => ({
    r: parseRange(part, 'R'), f: parseRange(part, 'F'), m: parseRange(part, 'M'),
  }));
}

function parseCodes(text) {
  return codeList(text).map((code) => {
    if (!/^\d{3}$/.test(code)) throw new Error(t('mapBadCode', code));
    return Number(code);
  });
}

function input(value, label, placeholder) {
  const node = el('input');
  node.value = value;
  node.setAttribute('aria-label', label);
  if (placeholder) node.placeholder = placeholder;
  return node;
}

function button(text, label) {
  const node = el('button', text);
  node.type = 'button';
  if (label) node.setAttribute('aria-label', label);
  return node;
}

/**
 * Shows `map` for editing in `box`; `onApply(map)` receives the edited map.
 * `shown` are the report's segment rows: their description and action (the
 * standard ones, in the page's language) fill a segment's fields until edited.
 */
export function renderMapEditor(box, map, onApply, shown = []) {
  const standard = new Map(shown.map((g) => [g.name, g]));
  // The draft: one entry per segment, with the texts being edited; `shownText`
  // remembers what a field showed, so an untouched field keeps the standard text.
  let draft = map.segments.map((segment) => {
    const row = standard.get(segment.name);
    const description = segment.description ?? engineText(row?.description ?? '');
    const action = segment.action ?? engineText(row?.action ?? '');
    const name = engineText(segment.name);
    return {
      segment, name, codes: (segment.codes ?? []).join(' '), ranges: formatRanges(segment.ranges),
      description, action, shownText: { name, description, action },
    };
  });
  const list = el('div', undefined, 'map-rows');
  const target = el('select');
  target.setAttribute('aria-label', t('mapMoveTarget'));
  const status = el('p', '', 'hint');

  const sync = () => {
    for (const [i, row] of [...list.children].entries()) {
      const [name, codes, ranges, description, action] = row.querySelectorAll('input');
      Object.assign(draft[i], {
        name: name.value, codes: codes.value, ranges: ranges.value, description: description.value, action: action.value,
      });
    }
  };
  const redraw = () => {
    list.replaceChildren();
    target.replaceChildren();
    draft.forEach((d, i) => {
      const row = el('div', undefined, 'map-row');
      const up = button('↑', t('mapUp', d.name));
      up.disabled = i === 0;
      up.addEventListener('click', () => {
        sync();
        [draft[i - 1], draft[i]] = [draft[i], draft[i - 1]];
        redraw();
      });
      const remove = button('✕', t('mapRemove', d.name));
      remove.addEventListener('click', () => {
        sync();
        draft = draft.filter((_, j) => j !== i);
        redraw();
      });
      row.append(
        el('span', `${i + 1}.`, 'map-order'),
        input(d.name, t('mapName', i + 1)),
        input(d.codes, t('mapCodes', d.name), t('mapCodesHint')),
        input(d.ranges, t('mapRanges', d.name), t('mapRangesHint')),
        up, remove,
        input(d.description, t('mapDescription', d.name), t('mapDescriptionHint')),
        input(d.action, t('mapAction', d.name), t('mapActionHint')),
      );
      row.lastElementChild.previousElementSibling.classList.add('map-text');
      row.lastElementChild.classList.add('map-text');
      list.append(row);
      target.append(new Option(d.name, String(i)));
    });
  };
  redraw();

  const code = input('', t('mapCodeToMove'), '545');
  code.size = 4;
  const move = button(t('mapMoveCode'));
  move.addEventListener('click', () => {
    sync();
    const c = code.value.trim();
    if (!/^\d{3}$/.test(c)) return void (status.textContent = t('mapTypeCode'));
    for (const d of draft) d.codes = codeList(d.codes).filter((x) => x !== c).join(' ');
    const to = draft[Number(target.value)];
    to.codes = `${to.codes} ${c}`.trim();
    redraw();
    status.textContent = t('mapMoved', c, to.name);
  });
  const add = button(t('mapAdd'));
  add.addEventListener('click', () => {
    sync();
    draft.push({
      segment: { name: '' }, name: t('mapNewName', draft.length + 1), codes: '', ranges: '',
      description: '', action: '', shownText: { name: '', description: '', action: '' },
    });
    redraw();
  });
  const apply = button(t('mapApply'));
  apply.id = 'apply-map';
  apply.addEventListener('click', () => {
    sync();
    try {
      const segments = draft.map((d) => {
        // A name shown translated and left as it was keeps the map's own (English) name.
        const name = d.name.trim() === d.shownText.name ? d.segment.name : d.name.trim();
        const edited = { ...d.segment, name, codes: parseCodes(d.codes), ranges: parseRanges(d.ranges) };
        if (!edited.codes.length) delete edited.codes;
        if (!edited.ranges.length) delete edited.ranges;
        for (const field of ['description', 'action']) {
          const text = d[field].trim();
          if (text && text !== d.shownText[field]) edited[field] = text;
          else if (!text) delete edited[field];
        }
        return edited;
      });
      status.textContent = '';
      onApply({ segments });
    } catch (error) {
      status.textContent = error.message;
    }
  });

  const moveRow = el('div', undefined, 'map-move');
  moveRow.append(el('span', t('mapMoveCode')), code, el('span', t('mapTo')), target, move);
  const actions = el('div', undefined, 'map-move');
  actions.append(add, apply);
  box.replaceChildren(
    el('p', t('mapHint'), 'hint'),
    list, moveRow, actions, status,
  );
}
