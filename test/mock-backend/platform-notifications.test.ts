import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import {
  call,
  cashier,
  createOrder,
  orderStatus,
  payOrder,
  startTestBackend,
  waitForState,
} from './helpers/backend';
import { forgePayNotification, paidTransaction } from './helpers/notifications';

let backend: MockBackend;
let alice: string;

beforeAll(async () => {
  backend = await startTestBackend({ activeQueryAfterMs: -1 });
  alice = (await call(backend, 'POST', '/api/login', { code: 'alice' })).body.openid;
});

afterAll(async () => {
  await backend.close();
});

function postNotify(notification: { body: string; headers: Record<string, string> }) {
  return call(backend, 'POST', '/pay/notify', notification.body, notification.headers);
}

describe('notifications sent by the simulated platform', () => {
  it('retries after a 500 on the compressed schedule, then the order is paid', async () => {
    await call(backend, 'POST', '/sim/merchant-faults', { failPayNotifies: 2 });
    const order = await payOrder(
      backend,
      { productId: 'mug', openid: alice },
      { notifyDelayMs: 0 },
    );
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    const { body } = await call(backend, 'GET', `/sim/deliveries?orderId=${order.orderId}`);
    expect(body.deliveries).toHaveLength(1);
    expect(body.deliveries[0].state).toBe('delivered');
    expect(
      body.deliveries[0].attempts.map((attempt: { status: number }) => attempt.status),
    ).toEqual([500, 500, 204]);
    const [first, second, third] = body.deliveries[0].attempts;
    expect(second.at - first.at).toBeGreaterThanOrEqual(14);
    expect(third.at - second.at).toBeGreaterThanOrEqual(14);
    // Each failed attempt says when the next is due (15 ms, then 15 ms: factor 1000).
    expect(first.retryAt - first.at).toBeGreaterThanOrEqual(15);
    expect(second.retryAt).toBeLessThanOrEqual(third.at + 1);
    expect(third.retryAt).toBeUndefined();
  });

  it('sends the notification after notifyDelayMs, not before', async () => {
    const order = await createOrder(backend, { productId: 'mug', openid: alice });
    const started = Date.now();
    await cashier(backend, {
      api: 'requestPayment',
      params: order.params,
      action: 'pay',
      notifyDelayMs: 80,
    });
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
    expect((await orderStatus(backend, order.orderId, 2000)).state).toBe('paid');
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('dropNotify never sends it (with active query off the order stays pending)', async () => {
    const order = await payOrder(
      backend,
      { productId: 'mug', openid: alice },
      { dropNotify: true, notifyDelayMs: 0 },
    );
    expect((await orderStatus(backend, order.orderId, 80)).state).toBe('pending');
    const { body } = await call(backend, 'GET', `/sim/deliveries?orderId=${order.orderId}`);
    expect(body.deliveries).toEqual([expect.objectContaining({ state: 'dropped', attempts: [] })]);
  });

  it('refunds: /sim/refund sends REFUND.SUCCESS and the order becomes refunded', async () => {
    const order = await payOrder(
      backend,
      { productId: 'mug', openid: alice },
      { notifyDelayMs: 0 },
    );
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    const refund = await call(backend, 'POST', '/sim/refund', {
      orderId: order.orderId,
      notifyDelayMs: 0,
    });
    expect(refund.body).toEqual({ orderId: order.orderId, refunded: true });
    for (let i = 0; i < 50 && (await orderStatus(backend, order.orderId)).state === 'paid'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await orderStatus(backend, order.orderId)).toMatchObject({
      state: 'refunded',
      tradeState: 'REFUND',
    });
    // A (replayed or forged) success notification cannot undo the refund.
    const view = await orderStatus(backend, order.orderId);
    const success = paidTransaction({
      appId: backend.appId,
      mchId: backend.mchId,
      orderId: order.orderId,
      total: order.amount,
      openid: alice,
      transactionId: view.transactionId,
    });
    expect((await postNotify(forgePayNotification(backend.keys, success))).status).toBe(204);
    expect(await orderStatus(backend, order.orderId)).toEqual(view);
    expect((await call(backend, 'POST', '/sim/refund', { orderId: order.orderId })).status).toBe(
      409,
    );
    expect((await call(backend, 'POST', '/sim/refund', { orderId: 'MPnothing' })).status).toBe(404);
  });
});
