import { createPoster } from './actions.mjs';
import { createClock } from './clock.mjs';
import { createCollections } from './collections.mjs';
import { connect } from './connection.mjs';
import { createSequence } from './sequence.mjs';
import { createNotifications, createRefunds, createRequests } from './tables.mjs';
import { createTransactions } from './transactions.mjs';

const byId = (id) => document.getElementById(id);
const post = createPoster(byId('action-error'));

/** What the page holds, for the sequence view: the latest of each kind of row. */
const held = {
  requests: new Map(),
  cashier: [],
  notifications: new Map(),
  refunds: new Map(),
};

const clock = createClock({
  now: byId('clock-now'),
  offset: byId('clock-offset'),
  buttons: byId('clock-buttons'),
  post,
});

const transactions = createTransactions({
  table: byId('transactions'),
  count: byId('transactions-count'),
  empty: byId('transactions-empty'),
  onAction: (row, action, button) =>
    post(
      `/dashboard/transactions/${encodeURIComponent(row.key)}/${action.id}`,
      undefined,
      `${action.name} on ${row.outTradeNo}`,
      button,
    ),
  onSequence: (key) => sequence.show(key),
});

const sequence = createSequence({
  section: byId('sequence'),
  heading: byId('sequence-heading'),
  body: byId('sequence-body'),
  hide: byId('sequence-hide'),
  data: () => ({
    transaction: transactions.get,
    requests: [...held.requests.values()],
    cashier: held.cashier,
    notifications: [...held.notifications.values()],
    refunds: [...held.refunds.values()],
  }),
});

const refunds = createRefunds({ body: byId('refunds-body'), empty: byId('refunds-empty') });
const notifications = createNotifications({
  body: byId('notifications-body'),
  empty: byId('notifications-empty'),
});
const requests = createRequests({
  body: byId('requests-body'),
  empty: byId('requests-empty'),
  limit: 200,
});
const collections = createCollections({ container: byId('collections') });

const keep = (map, key, row) => map.set(key, row);

const onChange = {
  transaction: (row) => transactions.upsert(row),
  refund: (row) => {
    keep(held.refunds, row.key, row);
    refunds.upsert(row);
  },
  notification: (row) => {
    keep(held.notifications, row.id, row);
    notifications.upsert(row);
  },
  request: (row) => {
    keep(held.requests, row.requestId, row);
    requests.upsert(row);
  },
  cashier: (row) => held.cashier.push(row),
  record: (row) => collections.upsert(row),
  clock: (row) => clock.update(row),
};

const status = byId('connection');

connect({
  onSnapshot(snapshot) {
    clock.update(snapshot.clock);
    transactions.replace(snapshot.transactions);
    held.refunds = new Map(snapshot.refunds.map((row) => [row.key, row]));
    refunds.replace(snapshot.refunds);
    held.notifications = new Map(snapshot.notifications.map((row) => [row.id, row]));
    notifications.replace(snapshot.notifications);
    held.requests = new Map(snapshot.requests.map((row) => [row.requestId, row]));
    requests.replace([...snapshot.requests].reverse());
    held.cashier = [...snapshot.cashier];
    collections.replace(snapshot.collections);
    sequence.refresh();
  },
  onChange(event) {
    onChange[event.type]?.(event.row);
    if (event.type !== 'clock') sequence.refresh();
  },
  onStatus(text, kind) {
    status.textContent = text;
    status.dataset.state = kind;
  },
});
