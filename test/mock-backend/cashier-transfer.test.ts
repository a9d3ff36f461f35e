import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import {
  call,
  cashier,
  createOrder,
  orderStatus,
  startTestBackend,
  waitForState,
} from './helpers/backend';

let backend: MockBackend;
let alice: string;
let bob: string;
let config: { appId: string; mchId: string };

beforeAll(async () => {
  backend = await startTestBackend({ activeQueryAfterMs: -1, notifySigning: 'migration' });
  alice = (await call(backend, 'POST', '/api/login', { code: 'alice' })).body.openid;
  bob = (await call(backend, 'POST', '/api/login', { code: 'bob' })).body.openid;
  config = (await call(backend, 'GET', '/sim/config')).body;
});

afterAll(async () => {
  await backend.close();
});

function receive(params: object, action: 'pay' | 'cancel' | 'fail' = 'pay', openid?: string) {
  return cashier(backend, {
    api: 'requestMerchantTransfer',
    params,
    action,
    ...(openid ? { openid } : {}),
  });
}

const deliveriesOf = async (orderId: string) =>
  (await call(backend, 'GET', `/sim/deliveries?orderId=${orderId}`)).body.deliveries;

describe('A cash-out: kind transfer, a bill waiting for the user, requestMerchantTransfer', () => {
  it("answers the kit's merchantTransferParams of a WAIT_USER_CONFIRM bill", async () => {
    const order = await createOrder(backend, { productId: 'cash-out', openid: alice });
    expect(order).toMatchObject({ kind: 'transfer', amount: 100 });
    expect(order.params).toEqual({
      mchId: config.mchId,
      package: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
      appId: config.appId,
      openId: alice,
    });
    expect(await orderStatus(backend, order.orderId)).toMatchObject({
      state: 'pending',
      tradeState: 'WAIT_USER_CONFIRM',
    });
  });

  it('"Confirm receipt": SUCCESS, a signed and encrypted MCHTRANSFER.BILL.FINISHED, received', async () => {
    const order = await createOrder(backend, { productId: 'cash-out', openid: alice });
    expect(await receive(order.params)).toEqual({ errMsg: 'requestMerchantTransfer:ok' });
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    const view = await orderStatus(backend, order.orderId);
    expect(view.tradeState).toBe('SUCCESS');
    expect(view.transactionId).toMatch(/^1330\d{30}$/);
    expect(await deliveriesOf(order.orderId)).toEqual([
      expect.objectContaining({ kind: 'transfer', state: 'delivered' }),
    ]);
    // The bill no longer waits: its package is refused.
    expect(await receive(order.params)).toEqual({
      errMsg: 'requestMerchantTransfer:fail package_info信息有误',
    });
  });

  it('"Not now" leaves the bill waiting; it can be received afterwards', async () => {
    const order = await createOrder(backend, { productId: 'cash-out', openid: alice });
    expect(await receive(order.params, 'cancel')).toEqual({
      errMsg: 'requestMerchantTransfer:fail cancel',
    });
    expect((await orderStatus(backend, order.orderId)).tradeState).toBe('WAIT_USER_CONFIRM');
    expect(await deliveriesOf(order.orderId)).toEqual([]);
    expect(await receive(order.params)).toEqual({ errMsg: 'requestMerchantTransfer:ok' });
    expect(await waitForState(backend, order.orderId)).toBe('paid');
  });

  it('a failed transfer ends FAIL, notified: the order is failed', async () => {
    const order = await createOrder(backend, { productId: 'cash-out', openid: alice });
    expect(await receive(order.params, 'fail')).toEqual({
      errMsg: 'requestMerchantTransfer:fail 转账失败',
    });
    expect(await waitForState(backend, order.orderId)).toBe('failed');
    expect((await orderStatus(backend, order.orderId)).tradeState).toBe('FAIL');
  });

  it.each([
    ['an altered package', (p: Record<string, string>) => ({ ...p, package: `${p.package}x` })],
    ['another mchId', (p: Record<string, string>) => ({ ...p, mchId: '1900000001' })],
    ['another appId', (p: Record<string, string>) => ({ ...p, appId: 'wx0000000000000000' })],
    ['another openId', (p: Record<string, string>) => ({ ...p, openId: 'oSomeoneElse' })],
  ])('refuses %s with package_info信息有误', async (_name, change) => {
    const order = await createOrder(backend, { productId: 'cash-out', openid: alice });
    expect(await receive(change(order.params))).toEqual({
      errMsg: 'requestMerchantTransfer:fail package_info信息有误',
    });
    expect((await orderStatus(backend, order.orderId)).tradeState).toBe('WAIT_USER_CONFIRM');
  });

  it("refuses a bill waiting for another user's confirmation", async () => {
    const order = await createOrder(backend, { productId: 'cash-out', openid: alice });
    expect((await receive(order.params, 'pay', bob)).errMsg).toBe(
      'requestMerchantTransfer:fail package_info信息有误',
    );
    expect((await receive({ ...order.params, mchId: 1 })).errno).toBe(1001);
  });

  it('Close cancels a waiting bill (CANCELLED: closed); its package is refused after', async () => {
    const order = await createOrder(backend, { productId: 'cash-out', openid: alice });
    const closed = await call(backend, 'POST', `/api/orders/${order.orderId}/close`);
    expect(closed.body).toMatchObject({ state: 'closed', tradeState: 'CANCELLED' });
    expect((await receive(order.params)).errMsg).toBe(
      'requestMerchantTransfer:fail package_info信息有误',
    );
    const received = await createOrder(backend, { productId: 'cash-out', openid: alice });
    await receive(received.params);
    await waitForState(backend, received.orderId);
    const late = await call(backend, 'POST', `/api/orders/${received.orderId}/close`);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/received/);
  });

  it('is never refunded', async () => {
    const order = await createOrder(backend, { productId: 'cash-out', openid: alice });
    await receive(order.params);
    await waitForState(backend, order.orderId);
    const refund = await call(backend, 'POST', '/sim/refund', { orderId: order.orderId });
    expect(refund.status).toBe(409);
    expect(refund.body.error.code).toBe('REFUND_NOT_APPLICABLE');
  });

  it('a late notification is replaced by the bill query (active query)', async () => {
    const quick = await startTestBackend({ activeQueryAfterMs: 0 });
    try {
      const order = await createOrder(quick, { productId: 'cash-out' });
      await cashier(quick, {
        api: 'requestMerchantTransfer',
        params: order.params,
        action: 'pay',
        dropNotify: true,
      });
      expect((await orderStatus(quick, order.orderId)).state).toBe('paid');
    } finally {
      await quick.close();
    }
  });
});

describe('/pay/transfer-notify verifies with the kit before it reads anything', () => {
  it('refuses an unsigned notification (401 FAIL) and journals the refusal', async () => {
    const answer = await call(backend, 'POST', '/pay/transfer-notify', {
      id: 'forged',
      event_type: 'MCHTRANSFER.BILL.FINISHED',
      resource: {},
    });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ code: 'FAIL', message: expect.stringContaining('Wechatpay-') });
    const snapshot = (await call(backend, 'GET', '/dashboard/snapshot')).body;
    expect(snapshot.loose).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'refused', route: '/pay/transfer-notify', status: 401 }),
      ]),
    );
  });
});
