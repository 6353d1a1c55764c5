// The segment map editor: rename segments, move codes between them, or
// write rules as score ranges ("R3-5 F1-3 M2-5; …", first match wins).
import { el } from './dom.js';

const range = ([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`);
const formatRanges = (ranges = []) => ranges.map((g) => `R${range(g.r)} F${range(g.f)} M${range(g.m)}`).join('; ');

function parseRange(text, letter) {
  const match = new RegExp(`${letter}(\\d)(?:-(\\d))?`, 'i').exec(text);
  if (!match) throw new Error(`“${text.trim()}” has no ${letter} range (write e.g. R3-5 F1-3 M2-5)`);
  return [Number(match[1]), Number(match[2] ?? match[1])];
}

function parseRanges(text) {
  return text.split(';').filter((part) => part.trim()).map((part) => ({
    r: parseRange(part, 'R'), f: parseRange(part, 'F'), m: parseRange(part, 'M'),
  }));
}

function parseCodes(text) {
  return text.split(/[\s,]+/).filter(Boolean).map((code) => {
    if (!/^\d{3}$/.test(code)) throw new Error(`“${code}” is not a three-digit code such as 545`);
    return Number(code);
  });
}

/** Shows `map` for editing in `box`; `onApply(map)` receives the edited map. */
export function renderMapEditor(box, map, onApply) {
  box.replaceChildren();
  const rows = [];
  const list = el('div', undefined, 'map-rows');
  map.segments.forEach((segment, i) => {
    const row = el('div', undefined, 'map-row');
    const name = el('input');
    name.value = segment.name;
    name.setAttribute('aria-label', `Name of segment ${i + 1}`);
    const codes = el('input');
    codes.value = (segment.codes ?? []).join(' ');
    codes.setAttribute('aria-label', `Codes of ${segment.name}`);
    codes.placeholder = 'codes, e.g. 555 554';
    const ranges = el('input');
    ranges.value = formatRanges(segment.ranges);
    ranges.setAttribute('aria-label', `Score ranges of ${segment.name}`);
    ranges.placeholder = 'ranges, e.g. R4-5 F4-5 M4-5';
    row.append(el('span', `${i + 1}.`, 'map-order'), name, codes, ranges);
    list.append(row);
    rows.push({ segment, name, codes, ranges });
  });

  const move = el('div', undefined, 'map-move');
  const code = el('input');
  code.placeholder = '545';
  code.size = 4;
  code.setAttribute('aria-label', 'Code to move');
  const target = el('select');
  target.setAttribute('aria-label', 'Segment to move it to');
  rows.forEach((r, i) => target.append(new Option(r.segment.name, String(i))));
  const moveButton = el('button', 'Move code');
  moveButton.type = 'button';
  move.append(el('span', 'Move code'), code, el('span', 'to'), target, moveButton);

  const status = el('p', '', 'hint');
  const apply = el('button', 'Apply the edited map');
  apply.type = 'button';
  apply.id = 'apply-map';

  moveButton.addEventListener('click', () => {
    const c = code.value.trim();
    if (!/^\d{3}$/.test(c)) return void (status.textContent = 'Type a three-digit code such as 545.');
    for (const r of rows) r.codes.value = r.codes.value.split(/\s+/).filter((x) => x && x !== c).join(' ');
    const to = rows[Number(target.value)];
    to.codes.value = `${to.codes.value} ${c}`.trim();
    status.textContent = `Code ${c} moved to ${to.name.value}; apply the map to see the result.`;
  });
  apply.addEventListener('click', () => {
    try {
      const segments = rows.map(({ segment, name, codes, ranges }) => {
        const edited = { ...segment, name: name.value.trim(), codes: parseCodes(codes.value), ranges: parseRanges(ranges.value) };
        if (!edited.codes.length) delete edited.codes;
        if (!edited.ranges.length) delete edited.ranges;
        return edited;
      });
      status.textContent = '';
      onApply({ segments });
    } catch (error) {
      status.textContent = error.message;
    }
  });
  box.append(
    el('p', 'Segments are tested from the top; the first whose codes or score ranges match wins. Customers no segment matches are shown as Others.', 'hint'),
    list, move, apply, status,
  );
}
