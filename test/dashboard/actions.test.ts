import { WECHAT_NOTIFY_RETRY_SCHEDULE_MS } from '../../demo-miniprogram/mock-backend/src/config/options';
import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import {
  call,
  createOrder,
  payOrder,
  startTestBackend,
  waitForState,
} from '../mock-backend/helpers/backend';

let backend: MockBackend;
let openid: string;

beforeAll(async () => {
  backend = await startTestBackend({ activeQueryAfterMs: -1 });
  openid = (await call(backend, 'POST', '/api/login', { code: 'actions' })).body.openid;
});

afterAll(async () => {
  await backend.close();
});

const act = (orderId: string, action: string) =>
  call(backend, 'POST', `/dashboard/orders/${orderId}/${action}`);

async function deliveriesOf(orderId: string) {
  return (await call(backend, 'GET', `/sim/deliveries?orderId=${orderId}`)).body.deliveries;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const actionNames = (answer: { body: { item: { actions: { name: string }[] } } }) =>
  answer.body.item.actions.map((action) => action.name);

describe('Dashboard: POST /dashboard/orders/:orderId/<action>', () => {
  it('deliver-notification sends a notification held back by dropNotify; the order becomes paid', async () => {
    const order = await payOrder(backend, { productId: 'mug', openid }, { dropNotify: true });
    expect(await deliveriesOf(order.orderId)).toEqual([
      expect.objectContaining({ state: 'dropped' }),
    ]);
    const answer = await act(order.orderId, 'deliver-notification');
    expect(answer.status).toBe(200);
    expect(answer.body.item).toMatchObject({ id: order.orderId, kind: 'payment' });
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    const [delivery] = await until(
      () => deliveriesOf(order.orderId),
      ([record]) => record?.state === 'delivered',
    );
    expect(delivery).toMatchObject({
      state: 'delivered',
      attempts: [expect.objectContaining({ status: 204 })],
    });
    const again = await act(order.orderId, 'deliver-notification');
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      error: {
        code: 'NO_NOTIFICATION_OWED',
        message: `Order ${order.orderId} owes no notification.`,
      },
    });
  });

  it('deliver-notification sends one the platform gave up on after its last retry', async () => {
    // WeChat's schedule divided by a million: every retry within milliseconds.
    const retrying = await startTestBackend({
      activeQueryAfterMs: -1,
      notifyRetryFactor: 1_000_000,
    });
    try {
      const attempts = WECHAT_NOTIFY_RETRY_SCHEDULE_MS.length + 1;
      await call(retrying, 'POST', '/sim/merchant-faults', { failPayNotifies: attempts });
      const order = await payOrder(retrying, { productId: 'mug' }, { notifyDelayMs: 0 });
      const deliveries = async () =>
        (await call(retrying, 'GET', `/sim/deliveries?orderId=${order.orderId}`)).body.deliveries;
      const [gaveUp] = await until(deliveries, ([record]) => record?.state === 'gave-up');
      expect(gaveUp).toMatchObject({ state: 'gave-up', attempts: expect.any(Array) });
      expect(gaveUp.attempts).toHaveLength(attempts);
      const path = `/dashboard/orders/${order.orderId}/deliver-notification`;
      expect((await call(retrying, 'POST', path)).status).toBe(200);
      expect(await waitForState(retrying, order.orderId)).toBe('paid');
    } finally {
      await retrying.close();
    }
  });

  it('deliver-notification sends a scheduled one now instead of at its time', async () => {
    const order = await payOrder(backend, { productId: 'mug', openid }, { notifyDelayMs: 600_000 });
    expect((await act(order.orderId, 'deliver-notification')).status).toBe(200);
    expect(await waitForState(backend, order.orderId)).toBe('paid');
  });

  it('drop-notification stops a scheduled one: no attempt is made; Deliver can still send it', async () => {
    const order = await payOrder(backend, { productId: 'mug', openid }, { notifyDelayMs: 400 });
    const answer = await act(order.orderId, 'drop-notification');
    expect(answer.status).toBe(200);
    expect(actionNames(answer)).toEqual(['Deliver notification', 'Close']);
    // Past the time it was due.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await deliveriesOf(order.orderId)).toEqual([
      expect.objectContaining({ state: 'dropped', attempts: [] }),
    ]);
    expect((await call(backend, 'GET', `/api/orders/${order.orderId}`)).body.state).toBe('pending');
    const again = await act(order.orderId, 'drop-notification');
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({
      code: 'NO_NOTIFICATION_SCHEDULED',
      message: `Order ${order.orderId} has no notification scheduled.`,
    });
  });

  it('replay-notification sends the same notification again, as a new delivery the merchant takes as a duplicate', async () => {
    const order = await payOrder(backend, { productId: 'mug', openid });
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    const [first] = await until(
      () => deliveriesOf(order.orderId),
      ([record]) => record?.state === 'delivered',
    );
    expect((await act(order.orderId, 'replay-notification')).status).toBe(200);
    const records = await until(
      () => deliveriesOf(order.orderId),
      (list) => list[1]?.state === 'delivered',
    );
    expect(records[1]).toMatchObject({ replayOf: first.id, state: 'delivered' });
    const snapshot = (await call(backend, 'GET', '/dashboard/snapshot')).body;
    const timeline = snapshot.items.find(
      (item: { id: string }) => item.id === order.orderId,
    ).timeline;
    expect(
      timeline.filter((entry: { outcome?: string }) => entry.outcome === 'duplicate'),
    ).toHaveLength(1);
    expect((await call(backend, 'GET', `/api/orders/${order.orderId}`)).body.state).toBe('paid');
  });

  it('replay-notification before anything was delivered is refused', async () => {
    const order = await createOrder(backend, { productId: 'mug', openid });
    const answer = await act(order.orderId, 'replay-notification');
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('NO_NOTIFICATION_DELIVERED');
  });

  it('refund refunds a paid order on the platform (as /sim/refund does); refused while not paid', async () => {
    const pending = await createOrder(backend, { productId: 'mug', openid });
    const refused = await act(pending.orderId, 'refund');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'ORDER_NOT_PAID',
      message: `Order ${pending.orderId} is pending, not paid: there is nothing to refund.`,
    });
    const order = await payOrder(backend, { productId: 'coins-60', openid });
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    expect((await act(order.orderId, 'refund')).status).toBe(200);
    const view = await until(
      async () => (await call(backend, 'GET', `/api/orders/${order.orderId}`)).body,
      (body) => body.state === 'refunded',
    );
    expect(view).toMatchObject({ state: 'refunded', tradeState: 'REFUNDED' });
  });

  it('close closes a pending order (the merchant close); refused once paid', async () => {
    const order = await createOrder(backend, { productId: 'mug', openid });
    const answer = await act(order.orderId, 'close');
    expect(answer.status).toBe(200);
    expect(answer.body.item).toMatchObject({ state: 'closed', detail: 'CLOSED', actions: [] });
    const paid = await payOrder(backend, { productId: 'mug', openid });
    expect(await waitForState(backend, paid.orderId)).toBe('paid');
    const refused = await act(paid.orderId, 'close');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ORDER_ALREADY_PAID');
  });

  it('answers bad input with { error: { code, message } }', async () => {
    const missing = await act('MPnosuchorder', 'refund');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: { code: 'ORDER_NOT_FOUND', message: 'There is no order MPnosuchorder.' },
    });
    const order = await createOrder(backend, { productId: 'mug', openid });
    const unknownAction = await act(order.orderId, 'explode');
    expect(unknownAction.status).toBe(404);
    expect(unknownAction.body.error.code).toBe('NOT_FOUND');
    const wrongMethod = await call(backend, 'GET', `/dashboard/orders/${order.orderId}/refund`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.error.code).toBe('METHOD_NOT_ALLOWED');
    const tooLong = await act('M'.repeat(65), 'close');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('Dashboard: GET / and its assets', () => {
  it('serves the page and its modules from the backend itself, with a policy that allows nothing else', async () => {
    const page = await call(backend, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const sources = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map(
      (match) => match[1] ?? '',
    );
    expect(
      sources.filter((source) => !source.startsWith('/dashboard/assets/') && source !== 'data:,'),
    ).toEqual([]);
    const script = await call(backend, 'GET', '/dashboard/assets/dashboard.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    const missing = await call(backend, 'GET', '/dashboard/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const outside = await call(backend, 'GET', '/dashboard/assets/..%2f..%2fpackage.json');
    expect(outside.status).toBeGreaterThanOrEqual(400);
  });
});
