// How the file was read: what was detected (encoding, delimiter, sheet, date
// format, decimal mark, returns policy), each changeable; the column mapping
// over a preview of the first rows; and the data-quality report. User text
// (headers, cells, values) is only ever inserted with textContent.
import { t } from './i18n.js';
import { formatCount, formatDate, formatMoney } from './format.js';

// Encodings as [value, text key].
const ENCODINGS = [
  ['utf-8', 'encUtf8'], ['utf-16le', 'encUtf16le'], ['utf-16be', 'encUtf16be'],
  ['euc-kr', 'encEucKr'], ['windows-1252', 'encWindows1252'],
];
// Choices as [value, text key].
const DELIMITERS = [[',', 'delimComma'], [';', 'delimSemicolon'], ['\t', 'delimTab'], ['|', 'delimPipe']];
const DATE_FORMATS = ['YYYY-MM-DD', 'YYYY.MM.DD', 'YYYY/MM/DD', 'M/D/YYYY', 'D/M/YYYY', 'M-D-YYYY', 'D-M-YYYY',
  'D.M.YYYY', 'YYYYMMDD', 'YYYY년 M월 D일', 'excel serial', 'unix seconds'];
const DECIMALS = [['point', 'decimalPoint'], ['comma', 'decimalComma']];
const RETURNS = [['drop', 'returnsDrop']];
const translated = (choices) => choices.map(([value, key]) => [value, t(key)]);
// Column roles: [role, text key of its label].
const ROLES = [
  ['customer', 'roleCustomer'], ['date', 'roleDate'], ['amount', 'roleAmount'],
  ['order', 'roleOrder'], ['quantity', 'roleQuantity'], ['unitPrice', 'roleUnitPrice'],
];
const TABLE_ROLES = [['customer', 'roleCustomer'], ['date', 'roleLastPurchase'], ['recencyDays', 'recencyDays'],
  ['frequency', 'roleFrequency'], ['amount', 'monetaryShort']];

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A labelled select whose first option is "auto" (showing what was detected). */
function select(id, label, autoLabel, options, value) {
  const wrap = el('label', label);
  const s = el('select');
  s.id = id;
  s.append(new Option(autoLabel, 'auto'));
  for (const [v, text] of options) s.append(new Option(text, v));
  s.value = value ?? 'auto';
  wrap.append(s);
  return wrap;
}

const delimiterName = (d) => translated(DELIMITERS).find(([v]) => v === d)?.[1] ?? d;

/** The column names each role is read from, as the report says. */
function rolesOf(data) {
  if (!data) return {};
  const c = data.columns;
  if (c.customerTable) {
    const table = c.customerTable;
    return { customer: c.customer, [table.recencyInDays ? 'recencyDays' : 'date']: c.date, frequency: table.frequency, amount: c.amount.index };
  }
  const roles = { customer: c.customer, date: c.date };
  if (c.order !== null) roles.order = c.order;
  if (c.amount.kind === 'amount') roles.amount = c.amount.index;
  else Object.assign(roles, { quantity: c.amount.quantity, unitPrice: c.amount.unit_price ?? c.amount.unitPrice });
  return roles;
}

/**
 * Fills `box` with the file-reading panel. `data` is the report's `data`
 * section (after a successful read) or null; `peek` the header and first
 * rows (after a failed one). `ingest` holds the user's choices;
 * `onChange(newIngest)` is called when one changes.
 */
export function renderFileRead(box, { data = null, peek = null }, ingest, onChange) {
  box.replaceChildren();
  box.hidden = false;
  box.append(el('h2', t('fileRead')));
  const form = el('form', undefined, 'read-settings');
  form.id = 'read-form';
  const detected = data ?? peek;
  const isXlsx = data?.format === 'xlsx';
  if (!isXlsx) {
    form.append(select('read-encoding', t('encoding'), t('auto', detected.encoding), translated(ENCODINGS), ingest.encoding));
    form.append(select('read-delimiter', t('delimiter'), t('auto', delimiterName(detected.delimiter)), translated(DELIMITERS), ingest.delimiter));
  } else {
    form.append(select('read-sheet', t('sheet'), t('firstSheet', data.sheets[0]), data.sheets.map((s) => [s, s]), ingest.sheet));
  }
  if (data) {
    const formatName = (f) => t('dateFormatNames')[f] ?? f;
    form.append(select('read-date-format', t('dateFormat'), t('auto', formatName(data.dateFormat)), DATE_FORMATS.map((f) => [f, formatName(f)]), ingest.dateFormat));
    form.append(select('read-decimal', t('decimalMark'), t('auto', t('markName')[data.decimalMark] ?? data.decimalMark), translated(DECIMALS), ingest.decimalMark));
  }
  form.append(select('read-returns', t('returns'), t('returnsNet'), translated(RETURNS), ingest.returns));
  box.append(form);

  if (data?.dateFormatAmbiguousWith) {
    box.append(el('p', t('ambiguousDates', data.dateFormat, data.dateFormatAmbiguousWith), 'warning ambiguous'));
  }

  if (data?.decimalMarkAmbiguous && /[.,]\d{3}\b/.test(JSON.stringify(data.preview))) {
    const other = data.decimalMark === 'point' ? 'comma' : 'point';
    box.append(el('p', t('ambiguousDecimal', t('markName')[data.decimalMark], t('markName')[other]), 'warning decimal'));
  }

  const headers = data ? data.columns.headers : peek.headers;
  const roles = rolesOf(data);
  const mapping = el('form', undefined, 'read-settings');
  mapping.id = 'mapping-form';
  const columns = ingest.columns ?? {};
  const roleList = data?.columns.customerTable ? TABLE_ROLES : ROLES;
  for (const [role, key] of roleList) {
    const current = roles[role] !== undefined ? headers[roles[role]] : t('none');
    // The order column can also be turned off: every row is then an order.
    const none = role === 'order' ? [['', t('noOrder')]] : [];
    mapping.append(select(`map-${role}`, t(key), t('auto', current), [...none, ...headers.map((h) => [h, h])], columns[role]));
  }
  box.append(el('h3', t('columns')), mapping);

  const rows = data ? data.preview : peek.preview;
  box.append(el('h3', t('firstRows', rows.length)), previewTable(headers, rows, roles));

  const changed = () => {
    const next = {};
    const pick = (id, key, into = next) => {
      const s = box.querySelector(`#${id}`);
      if (s && s.value !== 'auto') into[key] = s.value;
    };
    pick('read-encoding', 'encoding');
    pick('read-delimiter', 'delimiter');
    pick('read-sheet', 'sheet');
    pick('read-date-format', 'dateFormat');
    pick('read-decimal', 'decimalMark');
    pick('read-returns', 'returns');
    next.columns = {};
    for (const [role] of roleList) pick(`map-${role}`, role, next.columns);
    // Keep choices the panel does not show (e.g. the date format while only peeking).
    for (const key of ['dateFormat', 'decimalMark']) if (!data && ingest[key]) next[key] = ingest[key];
    onChange(next);
  };
  for (const f of [form, mapping]) {
    f.addEventListener('change', changed);
    f.addEventListener('submit', (e) => e.preventDefault());
  }
}

function previewTable(headers, rows, roles) {
  const wrap = el('div', undefined, 'table-wrap');
  const table = el('table');
  table.id = 'preview-table';
  const roleOf = new Map(Object.entries(roles).map(([role, i]) => [i, [...ROLES, ...TABLE_ROLES].find(([r]) => r === role)[1]]).map(([i, key]) => [i, t(key)]));
  const head = el('thead');
  const tr = el('tr');
  tr.append(el('th', t('line')));
  headers.forEach((h, i) => {
    const th = el('th', h);
    th.scope = 'col';
    if (roleOf.has(i)) {
      th.className = 'mapped';
      th.append(el('span', roleOf.get(i), 'role'));
    }
    tr.append(th);
  });
  head.append(tr);
  const body = el('tbody');
  for (const row of rows) {
    const r = el('tr');
    r.append(el('td', String(row.line), 'num'));
    row.fields.forEach((f, i) => r.append(el('td', f, roleOf.has(i) ? 'mapped' : undefined)));
    body.append(r);
  }
  table.append(head, body);
  wrap.append(table);
  return wrap;
}

/** The data-quality report: columns used, every skip reason with its lines, returns, ragged rows. */
export function renderDataQuality(box, data) {
  box.replaceChildren();
  const cols = data.columns;
  const amount = cols.amount.name;
  const order = cols.order === null ? t('noOrderColumn') : cols.headers[cols.order];
  if (cols.customerTable) {
    const table = cols.customerTable;
    const recency = table.recencyInDays
      ? t('tableRecencyDays', cols.headers[cols.date], data.asOfHint ? formatDate(data.asOfHint) : null)
      : t('tableLastPurchase', cols.headers[cols.date]);
    box.append(el('p', t('customerTable', cols.headers[cols.customer], recency, cols.headers[table.frequency], amount)));
  } else {
    box.append(el('p', t('columnsUsed', cols.headers[cols.customer], cols.headers[cols.date], amount, order)));
  }
  if (cols.fromValues.length) {
    box.append(el('p', t('fromValues', cols.fromValues.map((role) => t('roleNames')[role] ?? role).join(', ')), 'hint'));
  }
  const list = el('ul', undefined, 'skips');
  for (const tally of data.skipped) {
    const [first, ...more] = tally.examples;
    // A row too long is found by its column too (the value is only its start).
    const at = (e) => (tally.reason === 'tooLong' && e.column ? t('firstAtColumn', e.line, e.column, e.value) : t('firstAt', e.line, e.value));
    let where = first ? at(first) : '';
    if (more.length) where += t('alsoLines', more.map((e) => e.line).join(', ') + (tally.count > tally.examples.length ? ', …' : ''));
    list.append(el('li', t('rowsSkippedBecause', formatCount(tally.count), t('skip')[tally.reason] ?? tally.reason, where)));
  }
  const r = data.returns;
  if (r.rows > 0) {
    list.append(el('li', t('returnsLine', formatCount(r.rows), formatMoney(r.amount), r.policy === 'net')));
  }
  if (data.ragged.count > 0) {
    const lines = data.ragged.examples.map((e) => `${e.line} (${e.fields})`).join(', ');
    list.append(el('li', t('raggedRows', formatCount(data.ragged.count), data.ragged.expectedFields, lines)));
  }
  if (list.children.length) box.append(list);
}

/** "12.3 MB of 45.0 MB (27 %), 123,456 rows" */
export function describeProgress(info) {
  const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
  const share = info.total ? ` (${Math.floor((100 * info.bytes) / info.total)} %)` : '';
  return t('progressDetail', mb(info.bytes), mb(info.total), share, formatCount(info.rows));
}
