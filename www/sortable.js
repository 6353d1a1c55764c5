// Sortable tables: each column header becomes a button; a click sorts the
// body rows by that column (numbers by their data-value), a second click reverses.

function value(row, column) {
  const cell = row.cells[column];
  const number = cell?.dataset.value;
  return number !== undefined ? Number(number) : (cell?.textContent ?? '');
}

/** Makes `table`'s header cells sort its body; the original order is restored by the first column. */
export function makeSortable(table) {
  const headers = [...table.querySelectorAll('thead th')];
  const body = table.tBodies[0];
  [...body.rows].forEach((row, i) => { row.dataset.order = i; });
  headers.forEach((th, column) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent;
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of headers) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const key = column === 0 ? (row) => Number(row.dataset.order) : (row) => value(row, column);
      const rows = [...body.rows].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
        return ascending ? order : -order;
      });
      body.append(...rows);
    });
  });
}
