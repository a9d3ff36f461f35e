import { element } from './format.mjs';

/**
 * Rows of a table body kept by key: `replace(items)` starts over (in the order given),
 * `upsert(item)` updates a row in place or adds it on top. `cells(item)` answers the row's
 * cells; `limit` keeps the newest rows only.
 */
export function createKeyedRows({ body, keyOf, cells, limit = Number.POSITIVE_INFINITY, onCount }) {
  const rows = new Map();

  function fill(row, item) {
    row.replaceChildren(...cells(item));
  }

  function trim() {
    while (rows.size > limit) {
      const last = body.lastElementChild;
      if (!last) break;
      rows.delete(last.dataset.key);
      last.remove();
    }
    onCount?.(rows.size);
  }

  return {
    replace(items) {
      body.replaceChildren();
      rows.clear();
      for (const item of items) {
        const row = element('tr', { 'data-key': keyOf(item) });
        fill(row, item);
        rows.set(keyOf(item), row);
        body.append(row);
      }
      trim();
    },
    upsert(item) {
      const key = keyOf(item);
      let row = rows.get(key);
      if (!row) {
        row = element('tr', { 'data-key': key });
        rows.set(key, row);
        body.prepend(row);
      }
      fill(row, item);
      trim();
    },
    get size() {
      return rows.size;
    },
  };
}
