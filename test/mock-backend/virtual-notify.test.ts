import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import {
  call,
  createOrder,
  orderStatus,
  payOrder,
  startTestBackend,
  waitForState,
} from './helpers/backend';
import { forgeVirtualPush } from './helpers/notifications';

let backend: MockBackend;
let alice: string;

beforeAll(async () => {
  backend = await startTestBackend({ activeQueryAfterMs: -1 });
  alice = (await call(backend, 'POST', '/api/login', { code: 'alice' })).body.openid;
});

afterAll(async () => {
  await backend.close();
});

describe('POST /pay/virtual-notify (virtual payment push)', () => {
  async function pendingVirtual() {
    const order = await createOrder(backend, { productId: 'extra-life', openid: alice });
    const push = {
      ToUserName: 'gh_test',
      FromUserName: alice,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'event',
      Event: 'xpay_goods_deliver_notify',
      OpenId: alice,
      OutTradeNo: order.orderId,
      Env: 0,
      WeChatPayInfo: {
        MchOrderNo: 'xpay1',
        TransactionId: '4200000000000000000000000042',
        PaidTime: 1_700_000_000,
      },
      GoodsInfo: {
        ProductId: 'extra-life',
        Quantity: 1,
        OrigPrice: 600,
        ActualPrice: 600,
        Attach: '',
      },
    };
    return { order, push };
  }

  it('accepts a push signed with the AppKey and answers ErrCode 0; a duplicate too', async () => {
    const { order, push } = await pendingVirtual();
    const signed = forgeVirtualPush(backend.keys, push);
    const answer = await call(backend, 'POST', signed.path, signed.body);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ErrCode: 0, ErrMsg: 'success' });
    const paid = await orderStatus(backend, order.orderId);
    expect(paid).toMatchObject({
      state: 'paid',
      tradeState: 'DELIVERED',
      transactionId: '4200000000000000000000000042',
    });
    expect((await call(backend, 'POST', signed.path, signed.body)).body).toEqual({
      ErrCode: 0,
      ErrMsg: 'success',
    });
    expect(await orderStatus(backend, order.orderId)).toEqual(paid);
  });

  it('refuses a bad pay_sig, a sandbox key for a production push, a stale push, a wrong price', async () => {
    const { order, push } = await pendingVirtual();
    const signed = forgeVirtualPush(backend.keys, push);
    const flipped = signed.path.replace(
      /pay_sig=(.)/,
      (_m, c: string) => `pay_sig=${c === '0' ? '1' : '0'}`,
    );
    expect((await call(backend, 'POST', flipped, signed.body)).status).toBe(401);
    expect(
      (
        await call(
          backend,
          'POST',
          signed.path,
          signed.body.replace('"Quantity":1', '"Quantity":2'),
        )
      ).status,
    ).toBe(401);
    const sandboxSigned = forgeVirtualPush(backend.keys, { ...push, Env: 1 });
    const wrongEnv = await call(
      backend,
      'POST',
      sandboxSigned.path.replace(/pay_sig=.*/, signed.path.split('pay_sig=')[1] ?? ''),
      sandboxSigned.body,
    );
    expect(wrongEnv.status).toBeGreaterThanOrEqual(400);
    const stale = forgeVirtualPush(backend.keys, { ...push, CreateTime: push.CreateTime - 600 });
    expect((await call(backend, 'POST', stale.path, stale.body)).body).toEqual({
      ErrCode: -1,
      ErrMsg: 'CreateTime is more than 5 minutes away from now',
    });
    const cheap = forgeVirtualPush(backend.keys, {
      ...push,
      GoodsInfo: { ...push.GoodsInfo, ActualPrice: 1 },
    });
    expect((await call(backend, 'POST', cheap.path, cheap.body)).status).toBe(400);
    expect((await call(backend, 'POST', '/pay/virtual-notify', signed.body)).status).toBe(400);
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
  });

  // domain notes, section 10: a push must match its order's env, product and mode.
  it('refuses a push whose Env is not the order env, even signed with that env AppKey', async () => {
    const { order, push } = await pendingVirtual();
    const sandbox = forgeVirtualPush(backend.keys, { ...push, Env: 1 });
    const answer = await call(backend, 'POST', sandbox.path, sandbox.body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      ErrCode: -1,
      ErrMsg: `Env 1 (sandbox) does not match order ${order.orderId}, made for env 0 (production)`,
    });
    expect(await orderStatus(backend, order.orderId)).toMatchObject({
      state: 'pending',
      tradeState: 'INIT',
    });
  });

  it('refuses a coin push for an item order and an item push for a coin order', async () => {
    const { order: itemOrder, push } = await pendingVirtual();
    const { GoodsInfo, ...common } = push;
    const coinPush = forgeVirtualPush(backend.keys, {
      ...common,
      Event: 'xpay_coin_pay_notify',
      CoinInfo: { Quantity: 60, OrigPrice: 600, ActualPrice: 600, Attach: '' },
    });
    const coinAnswer = await call(backend, 'POST', coinPush.path, coinPush.body);
    expect(coinAnswer.status).toBe(400);
    expect(coinAnswer.body).toEqual({
      ErrCode: -1,
      ErrMsg: `xpay_coin_pay_notify is a coin top-up push; order ${itemOrder.orderId} is an item purchase (short_series_goods)`,
    });
    expect((await orderStatus(backend, itemOrder.orderId)).state).toBe('pending');

    const coinOrder = await createOrder(backend, { productId: 'coins-60', openid: alice });
    const itemPush = forgeVirtualPush(backend.keys, {
      ...push,
      OutTradeNo: coinOrder.orderId,
      GoodsInfo: { ...GoodsInfo, ProductId: 'coins-60' },
    });
    const itemAnswer = await call(backend, 'POST', itemPush.path, itemPush.body);
    expect(itemAnswer.status).toBe(400);
    expect(itemAnswer.body).toEqual({
      ErrCode: -1,
      ErrMsg: `xpay_goods_deliver_notify is an item purchase push; order ${coinOrder.orderId} is a coin top-up (short_series_coin)`,
    });
    expect((await orderStatus(backend, coinOrder.orderId)).state).toBe('pending');
  });

  it('the platform retries its push after a 500, then the merchant delivers', async () => {
    await call(backend, 'POST', '/sim/merchant-faults', { failVirtualNotifies: 1 });
    const order = await payOrder(
      backend,
      { productId: 'coins-60', openid: alice },
      { notifyDelayMs: 0 },
    );
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    const { body } = await call(backend, 'GET', `/sim/deliveries?orderId=${order.orderId}`);
    expect(
      body.deliveries[0].attempts.map((attempt: { status: number }) => attempt.status),
    ).toEqual([500, 200]);
    expect((await orderStatus(backend, order.orderId)).tradeState).toBe('PAID');
  });

  it('refunds a virtual order through xpay_refund_notify', async () => {
    const order = await payOrder(
      backend,
      { productId: 'extra-life', openid: alice },
      { notifyDelayMs: 0 },
    );
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    await call(backend, 'POST', '/sim/refund', { orderId: order.orderId, notifyDelayMs: 0 });
    for (let i = 0; i < 50 && (await orderStatus(backend, order.orderId)).state === 'paid'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await orderStatus(backend, order.orderId)).toMatchObject({
      state: 'refunded',
      tradeState: 'REFUNDED',
    });
  });
});
