import { describeCashier, describeNotification } from './describe.mjs';
import { element, formatAmount, formatShortDateTime } from './format.mjs';

/**
 * The transactions: one `<tbody>` per order (named "Transaction <out_trade_no>"), newest
 * first, its state with the cashier's last answer beside it, its notification, its buttons.
 * `onAction(row, action, button)` runs a button; `onSequence(key)` shows the order's sequence.
 */
export function createTransactions({ table, count, empty, onAction, onSequence }) {
  const groups = new Map();

  function render(group, row) {
    group.row = row;
    const cells = group.cells;
    cells.order.replaceChildren(element('code', {}, row.outTradeNo));
    if (row.mode === 'partner') cells.order.append(element('small', {}, ' partner'));
    cells.merchant.textContent = row.subMchid ? `${row.mchid} / ${row.subMchid}` : row.mchid;
    cells.amount.textContent = formatAmount(row.amount, row.currency);
    if (row.refunded > 0) {
      cells.amount.append(
        element('small', {}, ` refunded ${formatAmount(row.refunded, row.currency)}`),
      );
    }
    const cashier = describeCashier(row.cashier);
    cells.state.replaceChildren(
      element('span', { class: `state state-${row.tradeState}` }, row.tradeState),
    );
    if (cashier) {
      const outcome = row.cashier.outcome;
      cells.state.append(
        ' ',
        element(
          'span',
          { class: `cashier cashier-${outcome}`, title: row.cashier.errMsg },
          cashier,
        ),
      );
    }
    const notification = row.notification;
    cells.notification.textContent = notification
      ? `${notification.eventType} ${describeNotification(notification)}`
      : 'none';
    cells.notification.className = notification ? `notification-${notification.state}` : '';
    cells.created.textContent = formatShortDateTime(row.createdAt);
    const names = row.actions.map((action) => action.id).join(',');
    if (names !== group.shownActions) {
      // Rebuilt only when the set changes, so that a focused button stays put.
      group.shownActions = names;
      group.buttons.replaceChildren(
        ...row.actions.map((action) => {
          const button = element('button', { type: 'button', class: 'action' }, action.name);
          button.addEventListener('click', () => onAction(group.row, action, button));
          return button;
        }),
      );
    }
  }

  function create(row) {
    const body = element('tbody', { class: 'item', 'aria-label': `Transaction ${row.outTradeNo}` });
    const line = element('tr');
    const cells = {
      order: element('th', { scope: 'row' }),
      merchant: element('td', { class: 'merchant' }),
      amount: element('td', { class: 'amount' }),
      state: element('td', { class: 'state-cell' }),
      notification: element('td', { class: 'wrap' }),
      created: element('td', { class: 'time' }),
      actions: element('td'),
    };
    line.append(...Object.values(cells));
    body.append(line);
    const buttons = element('span', { class: 'buttons' });
    const sequence = element('button', { type: 'button' }, 'Sequence');
    sequence.addEventListener('click', () => onSequence(body.dataset.key));
    const actions = element('div', { class: 'actions' });
    actions.append(buttons, sequence);
    cells.actions.append(actions);
    body.dataset.key = row.key;
    return { body, cells, buttons, shownActions: undefined, row };
  }

  function upsert(row, onTop) {
    let group = groups.get(row.key);
    if (!group) {
      group = create(row);
      groups.set(row.key, group);
      table.insertBefore(group.body, onTop ? (table.tBodies[0] ?? null) : null);
    }
    render(group, row);
  }

  function refresh() {
    count.textContent = groups.size === 1 ? '1 transaction' : `${groups.size} transactions`;
    empty.hidden = groups.size > 0;
  }

  return {
    replace(rows) {
      for (const group of groups.values()) group.body.remove();
      groups.clear();
      for (const row of rows) upsert(row, false);
      refresh();
    },
    upsert(row) {
      upsert(row, true);
      refresh();
    },
    get: (key) => groups.get(key)?.row,
  };
}
