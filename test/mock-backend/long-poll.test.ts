import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import {
  call,
  cashier,
  createOrder,
  orderStatus,
  payOrder,
  startTestBackend,
} from './helpers/backend';

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

async function paidWithoutNotify(backend: MockBackend): Promise<string> {
  const order = await payOrder(backend, { productId: 'mug' }, { dropNotify: true });
  return order.orderId;
}

describe('GET /api/orders/:orderId?waitMs=N (notify-only mode)', () => {
  let backend: MockBackend;

  beforeAll(async () => {
    backend = await startTestBackend({ activeQueryAfterMs: -1 });
  });

  afterAll(async () => {
    await backend.close();
  });

  it('holds the answer until the notification arrives', async () => {
    const order = await payOrder(backend, { productId: 'mug' }, { notifyDelayMs: 120 });
    const { value, ms } = await timed(() => orderStatus(backend, order.orderId, 5000));
    expect(value.state).toBe('paid');
    expect(ms).toBeGreaterThanOrEqual(80);
    expect(ms).toBeLessThan(2000);
  });

  it('answers pending when the wait ends first', async () => {
    const order = await createOrder(backend, { productId: 'mug' });
    const { value, ms } = await timed(() => orderStatus(backend, order.orderId, 100));
    expect(value.state).toBe('pending');
    expect(ms).toBeGreaterThanOrEqual(95);
  });

  it('answers a final order at once, whatever the wait', async () => {
    const order = await createOrder(backend, { productId: 'mug' });
    await call(backend, 'POST', `/api/orders/${order.orderId}/close`);
    const { value, ms } = await timed(() => orderStatus(backend, order.orderId, 10_000));
    expect(value.state).toBe('closed');
    expect(ms).toBeLessThan(5000);
  });

  it('never queries the platform: a dropped notification leaves the order pending', async () => {
    const orderId = await paidWithoutNotify(backend);
    expect((await orderStatus(backend, orderId, 100)).state).toBe('pending');
  });

  it('refuses a waitMs that is not a plain number', async () => {
    for (const waitMs of ['-1', 'abc', '1e3', '9999999999']) {
      const answer = await call(backend, 'GET', `/api/orders/MPx?waitMs=${waitMs}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('active query of the platform when a notification is late', () => {
  describe('activeQueryAfterMs 0 (query at every status request)', () => {
    let backend: MockBackend;

    beforeAll(async () => {
      backend = await startTestBackend({ activeQueryAfterMs: 0, activeQueryIntervalMs: 50 });
    });

    afterAll(async () => {
      await backend.close();
    });

    it('the first status request finds a payment whose notification was dropped', async () => {
      const orderId = await paidWithoutNotify(backend);
      expect(await orderStatus(backend, orderId)).toMatchObject({
        state: 'paid',
        tradeState: 'SUCCESS',
      });
    });

    it('keeps querying during a long wait for a payment made after the first query', async () => {
      const order = await createOrder(backend, { productId: 'mug' });
      const waiting = orderStatus(backend, order.orderId, 5000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await cashier(backend, {
        api: 'requestPayment',
        params: order.params,
        action: 'pay',
        dropNotify: true,
      });
      const { value, ms } = await timed(() => waiting);
      expect(value.state).toBe('paid');
      expect(ms).toBeLessThan(2500);
    });

    it('finds a virtual payment whose push was dropped', async () => {
      const order = await payOrder(backend, { productId: 'coins-60' }, { dropNotify: true });
      expect(await orderStatus(backend, order.orderId)).toMatchObject({
        state: 'paid',
        tradeState: 'PAID',
      });
    });
  });

  it('activeQueryAfterMs 200: pending at first, paid by query 200 ms after the first request', async () => {
    const backend = await startTestBackend({ activeQueryAfterMs: 200 });
    try {
      const orderId = await paidWithoutNotify(backend);
      const firstAsked = Date.now();
      expect((await orderStatus(backend, orderId)).state).toBe('pending');
      const { value } = await timed(() => orderStatus(backend, orderId, 5000));
      expect(value.state).toBe('paid');
      const elapsed = Date.now() - firstAsked;
      expect(elapsed).toBeGreaterThanOrEqual(190);
      expect(elapsed).toBeLessThan(4000);
    } finally {
      await backend.close();
    }
  });
});

describe('closing the server', () => {
  it('answers waiting long-polls at once (a notification still owed does not hold it open)', async () => {
    const backend = await startTestBackend({ activeQueryAfterMs: -1 });
    const order = await payOrder(backend, { productId: 'mug' }, { notifyDelayMs: 60_000 });
    const waiting = timed(() => orderStatus(backend, order.orderId, 20_000));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await backend.close();
    const { value, ms } = await waiting;
    expect(value.state).toBe('pending');
    expect(ms).toBeLessThan(10_000);
    await backend.close();
  });
});
