import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import { call, orderStatus, payOrder, startTestBackend } from './helpers/backend';

// The mock backend's status route with its default active query (the kit's rule): a pending
// order is queried at the platform at its first status request, at most once per
// activeQueryIntervalMs whatever the requests; the query and the notification update the order
// alike, paid once, whichever comes first. What happened is read from the dashboard's journal.

/** The journal of one order, as the dashboard shows it. */
async function journalOf(
  backend: MockBackend,
  orderId: string,
): Promise<{ type: string; outcome?: string; changed?: boolean }[]> {
  const snapshot = (await call(backend, 'GET', '/dashboard/snapshot')).body;
  return snapshot.items.find((item: { id: string }) => item.id === orderId).timeline;
}

/** The journal's entries that moved the order: a notification applied, a query that changed it. */
async function changesOf(backend: MockBackend, orderId: string) {
  return (await journalOf(backend, orderId)).filter(
    (entry) =>
      (entry.type === 'applied' && entry.outcome === 'applied') ||
      (entry.type === 'active-query' && entry.changed),
  );
}

/** A payment whose notification was delivered before any status request. */
async function notifiedPayment(backend: MockBackend) {
  const order = await payOrder(backend, { productId: 'mug' }, { notifyDelayMs: 0 });
  const path = `/sim/deliveries?orderId=${order.orderId}`;
  for (let i = 0; i < 100; i++) {
    const [delivery] = (await call(backend, 'GET', path)).body.deliveries;
    if (delivery?.state === 'delivered') return order;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`the notification of ${order.orderId} was not delivered`);
}

const queriesOf = async (backend: MockBackend, orderId: string) =>
  (await journalOf(backend, orderId)).filter((entry) => entry.type === 'active-query').length;

describe('with the default activeQueryAfterMs (0)', () => {
  let backend: MockBackend;

  beforeAll(async () => {
    // An interval longer than any test: each order is queried once at most.
    backend = await startTestBackend({ activeQueryIntervalMs: 60_000 });
  });

  afterAll(async () => {
    await backend.close();
  });

  it.each([0, 10_000])(
    'waitMs=%s: a payment whose notification never arrives reads paid on its first status request',
    async (waitMs) => {
      const order = await payOrder(backend, { productId: 'mug' }, { dropNotify: true });
      expect(await orderStatus(backend, order.orderId, waitMs)).toMatchObject({
        state: 'paid',
        tradeState: 'SUCCESS',
        transactionId: expect.any(String),
        paidAt: expect.any(String),
      });
      expect(await queriesOf(backend, order.orderId)).toBe(1);
    },
  );

  it('twenty concurrent status requests, then ten more, make one query of the platform', async () => {
    const order = await payOrder(backend, { productId: 'mug' }, { notifyDelayMs: 600_000 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => orderStatus(backend, order.orderId, i % 2 ? 5000 : 0)),
    );
    for (const answer of answers) expect(answer.state).toBe('paid');
    for (let i = 0; i < 10; i++) await orderStatus(backend, order.orderId);
    expect(await queriesOf(backend, order.orderId)).toBe(1);
  });

  it('an order still pending at the platform is queried once however often it is asked', async () => {
    const unpaid = (await call(backend, 'POST', '/api/orders', { productId: 'mug' })).body;
    for (let i = 0; i < 10; i++) {
      expect((await orderStatus(backend, unpaid.orderId)).state).toBe('pending');
    }
    expect(await queriesOf(backend, unpaid.orderId)).toBe(1);
  });

  it('an order paid by its notification is never queried', async () => {
    const order = await notifiedPayment(backend);
    for (let i = 0; i < 10; i++) {
      expect((await orderStatus(backend, order.orderId, i % 2 ? 5000 : 0)).state).toBe('paid');
    }
    expect(await queriesOf(backend, order.orderId)).toBe(0);
  });

  it('query first, then the notification: paid once, the notification changes nothing', async () => {
    const order = await payOrder(backend, { productId: 'mug' }, { dropNotify: true });
    const byQuery = await orderStatus(backend, order.orderId);
    expect(byQuery.state).toBe('paid');
    const path = `/dashboard/orders/${order.orderId}/deliver-notification`;
    expect((await call(backend, 'POST', path)).status).toBe(200);
    const journal = async () => (await journalOf(backend, order.orderId)).map((e) => e.type);
    for (let i = 0; i < 100 && !(await journal()).includes('applied'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await journalOf(backend, order.orderId)).toContainEqual(
      expect.objectContaining({ type: 'applied', outcome: 'unchanged' }),
    );
    expect(await orderStatus(backend, order.orderId)).toEqual(byQuery);
    expect(await changesOf(backend, order.orderId)).toEqual([
      expect.objectContaining({ type: 'active-query', changed: true }),
    ]);
  });

  it('the notification first, then a query: paid once, the query changes nothing', async () => {
    const order = await notifiedPayment(backend);
    const byNotification = await orderStatus(backend, order.orderId);
    // A paid order is never queried by the status route; closing it queries one last time.
    const close = await call(backend, 'POST', `/api/orders/${order.orderId}/close`);
    expect(close.body.error.code).toBe('ORDER_ALREADY_PAID');
    expect(await journalOf(backend, order.orderId)).toContainEqual(
      expect.objectContaining({ type: 'active-query', changed: false }),
    );
    expect(await orderStatus(backend, order.orderId)).toEqual(byNotification);
    expect(await changesOf(backend, order.orderId)).toEqual([
      expect.objectContaining({ type: 'applied', outcome: 'applied' }),
    ]);
  });
});
