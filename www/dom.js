// Small DOM helpers. User-supplied text only ever goes in through textContent.

/** A new element with optional text and class. */
export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A table head row of column headers. */
export function headRow(labels) {
  const head = el('thead');
  const row = el('tr');
  for (const label of labels) {
    const th = el('th', label);
    th.scope = 'col';
    row.append(th);
  }
  head.append(row);
  return head;
}

/** A row header cell. */
export function rowHeader(text) {
  const th = el('th', text);
  th.scope = 'row';
  return th;
}
