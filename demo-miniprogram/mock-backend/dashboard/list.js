import { createRowGroup } from './row.js';
import { timelineEntry } from './timeline.js';

/**
 * The list of items: one `<tbody>` each, newest first, filtered by state and kind.
 * `replace(snapshot)` starts over (every connection sends one); `add(event)` applies one entry.
 */
export function createList({ table, stateFilter, kindFilter, count, empty, loose, handlers }) {
  const rows = new Map();
  const timelines = new Map();
  const openTimelines = new Set();
  const rowHandlers = {
    ...handlers,
    onToggle: (id, open) => (open ? openTimelines.add(id) : openTimelines.delete(id)),
  };

  function matches(item) {
    return (
      (!stateFilter.value || item.state === stateFilter.value) &&
      (!kindFilter.value || item.kind === kindFilter.value)
    );
  }

  function refresh() {
    let shown = 0;
    for (const row of rows.values()) {
      row.body.hidden = !matches(row.item);
      if (!row.body.hidden) shown += 1;
    }
    count.textContent = `${shown} of ${rows.size} shown`;
    empty.hidden = rows.size > 0;
  }

  function knowKind(kind) {
    if ([...kindFilter.options].some((option) => option.value === kind)) return;
    kindFilter.append(new Option(kind, kind));
  }

  /** Snapshot items come newest first and are appended; a new item goes on top. */
  function insert(item, timeline, onTop) {
    knowKind(item.kind);
    const row = createRowGroup(item, timeline, openTimelines.has(item.id), rowHandlers);
    table.insertBefore(row.body, onTop ? (table.tBodies[0] ?? null) : null);
    rows.set(item.id, row);
    timelines.set(item.id, [...timeline]);
    return row;
  }

  function showLoose(entries) {
    loose.list.replaceChildren(...entries.map(timelineEntry));
    loose.section.hidden = entries.length === 0;
  }

  stateFilter.addEventListener('change', refresh);
  kindFilter.addEventListener('change', refresh);

  return {
    replace(snapshot) {
      for (const row of rows.values()) row.body.remove();
      rows.clear();
      timelines.clear();
      for (const item of snapshot.items) insert(item, item.timeline, false);
      showLoose(snapshot.loose);
      refresh();
    },
    add({ entry, item }) {
      if (!item) {
        loose.list.append(timelineEntry(entry));
        loose.section.hidden = false;
        return;
      }
      const row = rows.get(item.id);
      if (!row) insert(item, [entry], true);
      else {
        row.update(item);
        row.addEntry(entry);
        timelines.get(item.id)?.push(entry);
      }
      refresh();
    },
    /** The item and its timeline, for the sequence view. */
    get(id) {
      const row = rows.get(id);
      return row ? { item: row.item, timeline: timelines.get(id) ?? [] } : undefined;
    },
  };
}
