import { element, formatAmount, formatDateTime, formatShortDateTime } from './format.mjs';
import { createKeyedRows } from './keyed-rows.mjs';

const titleOf = (name) =>
  name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase());

/**
 * The records of collections without a view of their own (transfer bills, and whatever a
 * later part of the simulator keeps): a section each, made when its first record arrives.
 */
export function createCollections({ container }) {
  const sections = new Map();

  function sectionOf(name) {
    let section = sections.get(name);
    if (section) return section;
    const id = `collection-${name}`;
    const root = element('section', { 'aria-labelledby': `${id}-heading` });
    const heading = element('h2', { id: `${id}-heading` }, titleOf(name));
    const table = element('table', { class: 'records', 'aria-labelledby': `${id}-heading` });
    const header = element('tr');
    for (const title of ['Id', 'State', 'Amount', 'Created', 'Fields']) {
      header.append(element('th', { scope: 'col' }, title));
    }
    const head = element('thead');
    head.append(header);
    const body = element('tbody');
    table.append(head, body);
    root.append(heading, table);
    container.append(root);
    const rows = createKeyedRows({
      body,
      keyOf: (row) => row.id,
      cells: (row) => [
        element('th', { scope: 'row' }, row.id),
        element('td', {}, row.state ?? '—'),
        element(
          'td',
          { class: 'amount' },
          row.amount === undefined ? '—' : formatAmount(row.amount, 'CNY'),
        ),
        element(
          'td',
          { class: 'time' },
          row.createdAt === undefined ? '—' : formatShortDateTime(row.createdAt),
        ),
        element(
          'td',
          { class: 'fields' },
          Object.entries(row.fields)
            .map(([key, value]) => `${key}=${fieldText(key, value)}`)
            .join(' · '),
        ),
      ],
    });
    section = { root, rows };
    sections.set(name, section);
    return section;
  }

  return {
    replace(collections) {
      for (const section of sections.values()) section.root.remove();
      sections.clear();
      for (const [name, rows] of Object.entries(collections)) sectionOf(name).rows.replace(rows);
    },
    upsert(row) {
      sectionOf(row.collection).rows.upsert(row);
    },
  };
}

/** A field's value as a person reads it: times (`…At`, ms) in the dashboard's one time zone. */
function fieldText(key, value) {
  return /At$/.test(key) && typeof value === 'number' ? formatDateTime(value) : String(value);
}
