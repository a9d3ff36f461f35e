import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import {
  call,
  cashier,
  createOrder,
  startTestBackend,
  waitForState,
} from '../mock-backend/helpers/backend';

let backend: MockBackend;

beforeAll(async () => {
  backend = await startTestBackend({ activeQueryAfterMs: -1 });
});

afterAll(async () => {
  await backend.close();
});

// biome-ignore lint/suspicious/noExplicitAny: snapshot items are read freely
async function itemOf(orderId: string): Promise<any> {
  const snapshot = (await call(backend, 'GET', '/dashboard/snapshot')).body;
  return snapshot.items.find((item: { id: string }) => item.id === orderId);
}

describe('The dashboard lists the family by kind, with the buttons that apply', () => {
  it('a transfer: Close is "Cancel transfer" while it waits; never a Refund', async () => {
    const waiting = await createOrder(backend, { productId: 'cash-out' });
    const row = await itemOf(waiting.orderId);
    expect(row).toMatchObject({ kind: 'transfer', state: 'pending', detail: 'WAIT_USER_CONFIRM' });
    expect(row.actions.map((action: { name: string }) => action.name)).toEqual(['Cancel transfer']);
    expect(row.timeline[0].summary).toContain('Order created: cash-out');
    // Refused as a transfer, not as an order that is not paid yet.
    const early = await call(backend, 'POST', `/dashboard/orders/${waiting.orderId}/refund`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('REFUND_NOT_APPLICABLE');

    const cancelled = await call(backend, 'POST', `/dashboard/orders/${waiting.orderId}/close`);
    expect(cancelled.body.item).toMatchObject({ state: 'closed', detail: 'CANCELLED' });

    const received = await createOrder(backend, { productId: 'cash-out' });
    await cashier(backend, {
      api: 'requestMerchantTransfer',
      params: received.params,
      action: 'pay',
    });
    expect(await waitForState(backend, received.orderId)).toBe('paid');
    const done = await itemOf(received.orderId);
    expect(done.actions.map((action: { id: string }) => action.id)).toEqual([
      'replay-notification',
    ]);
    const summaries = done.timeline.map((entry: { summary: string }) => entry.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Cashier: pay (requestMerchantTransfer); notification in 20 ms.',
        'The cashier answered requestMerchantTransfer:ok.',
        expect.stringMatching(/^Transfer notification #\d+, attempt 1: the merchant answered 204/),
        'The merchant applied the notification: the order is paid.',
      ]),
    );
    const refund = await call(backend, 'POST', `/dashboard/orders/${received.orderId}/refund`);
    expect(refund.status).toBe(409);
    expect(refund.body.error.code).toBe('REFUND_NOT_APPLICABLE');
  });

  it('a refused cashier call is journalled with its reason, e.g. a stale package', async () => {
    const order = await createOrder(backend, { productId: 'cash-out' });
    await call(backend, 'POST', `/api/orders/${order.orderId}/close`);
    await cashier(backend, { api: 'requestMerchantTransfer', params: order.params, action: 'pay' });
    const row = await itemOf(order.orderId);
    const refusal = row.timeline.find((entry: { refusal: boolean }) => entry.refusal);
    expect(refusal.summary).toBe(
      "Refused: the package is not a bill waiting for this user's confirmation (requestMerchantTransfer:fail package_info信息有误).",
    );
  });

  it('B2b, trade-component and plugin orders are rows of their own kind', async () => {
    await call(backend, 'POST', '/api/login', { code: 'shop' });
    const kinds = [];
    for (const productId of ['b2b-beans-case', 'shop-tote', 'plugin-guide']) {
      const order = await createOrder(backend, { productId });
      kinds.push((await itemOf(order.orderId)).kind);
    }
    expect(kinds).toEqual(['common', 'order', 'plugin']);
    const b2b = await createOrder(backend, { productId: 'b2b-beans-case' });
    await cashier(backend, { api: 'requestCommonPayment', params: b2b.params, action: 'pay' });
    expect(await waitForState(backend, b2b.orderId)).toBe('paid');
    const row = await itemOf(b2b.orderId);
    expect(row.detail).toBe('ORDER_PAY_SUCC');
    expect(row.actions.map((action: { id: string }) => action.id)).not.toContain('refund');
    const refund = await call(backend, 'POST', `/dashboard/orders/${b2b.orderId}/refund`);
    expect(refund.body.error).toMatchObject({
      code: 'REFUND_NOT_APPLICABLE',
      message: expect.stringContaining('this mock does not simulate B2b refunds'),
    });
    expect(await waitForState(backend, b2b.orderId)).toBe('paid');
    expect(row.timeline.map((entry: { summary: string }) => entry.summary)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^B2b payment push #\d+, attempt 1: the merchant answered 200; delivered\.$/,
        ),
      ]),
    );
  });
});
