import { element, formatAmount, formatTime } from './format.js';
import { fillTimeline, timelineEntry } from './timeline.js';

const COLUMNS = 8;

/**
 * One item of the list as a `<tbody>` named "Order <id>": a row of its fields and buttons,
 * and a row with its timeline (shown by the Timeline button).
 * `handlers`: `onAction(item, action, button)`, `onSequence(id)`, `onToggle(id, open)`.
 */
export function createRowGroup(item, timeline, open, handlers) {
  const body = element('tbody', { 'aria-label': `Order ${item.id}`, class: 'item' });
  const summary = element('tr');
  const cells = {
    id: element('th', { scope: 'row' }),
    kind: element('td'),
    profile: element('td'),
    product: element('td'),
    amount: element('td', { class: 'amount' }),
    state: element('td'),
    created: element('td'),
    actions: element('td'),
  };
  summary.append(...Object.values(cells));
  const timelineId = `timeline-${item.id}`;
  const detailRow = element('tr', { class: 'detail' });
  const detailCell = element('td', { colspan: String(COLUMNS) });
  const note = element('p', { class: 'note' });
  const list = element('ol', { class: 'timeline', id: timelineId, 'aria-label': 'Timeline' });
  detailCell.append(note, list);
  detailRow.append(detailCell);
  body.append(summary, detailRow);

  const toggle = element('button', { type: 'button', 'aria-controls': timelineId }, 'Timeline');
  const sequence = element('button', { type: 'button' }, 'Sequence');
  const buttons = element('span', { class: 'buttons' });
  const actions = element('div', { class: 'actions' });
  actions.append(buttons, toggle, sequence);
  cells.actions.append(actions);
  sequence.addEventListener('click', () => handlers.onSequence(item.id));
  toggle.addEventListener('click', () => setOpen(detailRow.hidden));

  let current = item;
  let shownActions = '';
  function setOpen(value) {
    detailRow.hidden = !value;
    toggle.setAttribute('aria-expanded', String(value));
    handlers.onToggle(current.id, value);
  }

  function update(next) {
    current = next;
    cells.id.replaceChildren(element('code', {}, next.id));
    cells.kind.textContent = next.kind;
    cells.profile.textContent = next.profile;
    cells.product.textContent = next.product;
    cells.amount.textContent = formatAmount(next.amount, next.currency);
    cells.state.replaceChildren(
      element('span', { class: `state state-${next.state}`, title: next.detail }, next.state),
    );
    cells.created.textContent = formatTime(next.createdAt);
    note.textContent = next.completeHistory
      ? ''
      : 'Its earlier history is not in the journal: the backend restarted since it was created.';
    note.hidden = next.completeHistory;
    // Buttons are rebuilt only when the set changes, so a focused button stays put.
    const names = next.actions.map((action) => action.id).join(',');
    if (names === shownActions) return;
    shownActions = names;
    buttons.replaceChildren(
      ...next.actions.map((action) => {
        const button = element('button', { type: 'button', class: 'action' }, action.name);
        button.addEventListener('click', () => handlers.onAction(current, action, button));
        return button;
      }),
    );
  }

  update(item);
  fillTimeline(list, timeline);
  setOpen(open);
  return {
    body,
    get item() {
      return current;
    },
    update,
    addEntry(entry) {
      list.append(timelineEntry(entry));
    },
  };
}
