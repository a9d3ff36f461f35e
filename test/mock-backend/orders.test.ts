import { createHmac } from 'node:crypto';
import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import {
  call,
  cashier,
  createOrder,
  orderStatus,
  payOrder,
  startTestBackend,
} from './helpers/backend';

let backend: MockBackend;

beforeAll(async () => {
  backend = await startTestBackend({ activeQueryAfterMs: -1 });
});

afterAll(async () => {
  await backend.close();
});

describe('POST /api/orders, virtual profiles', () => {
  it('wechat (default): signData string, paySig with the AppKey, signature with the session_key', async () => {
    const { body: login } = await call(backend, 'POST', '/api/login', { code: 'virtual-user' });
    const order = await createOrder(backend, {
      productId: 'sword-skin',
      quantity: 3,
      openid: login.openid,
    });
    expect(order).toMatchObject({ kind: 'virtual', amount: 5400 });
    const { params } = order;
    expect(Object.keys(params).sort()).toEqual(['mode', 'paySig', 'signData', 'signature']);
    expect(params.mode).toBe('short_series_goods');
    expect(typeof params.signData).toBe('string');
    const data = JSON.parse(params.signData);
    expect(data).toMatchObject({
      offerId: backend.offerId,
      buyQuantity: 3,
      env: 0,
      currencyType: 'CNY',
      productId: 'sword-skin',
      goodsPrice: 1800,
      outTradeNo: order.orderId,
    });
    expect(typeof data.attach).toBe('string');
    const appKey = backend.keys.virtualAppKeyProduction;
    expect(params.paySig).toBe(
      createHmac('sha256', appKey).update(`requestVirtualPayment&${params.signData}`).digest('hex'),
    );
    // The user signature is checked by the cashier, which knows the session_key.
    const paid = await cashier(backend, { api: 'requestVirtualPayment', params, action: 'cancel' });
    expect(paid.errCode).toBe(-2);
  });

  it('tcmpp: paySign instead of paySig, buyQuantity as a string (seed 000 table)', async () => {
    const order = await createOrder(backend, {
      productId: 'coins-60',
      quantity: 2,
      profile: 'tcmpp',
    });
    expect(order.amount).toBe(1200);
    expect(order.params.paySig).toBeUndefined();
    expect(order.params.paySign).toMatch(/^[0-9a-f]{64}$/);
    expect(order.params.mode).toBe('short_series_coin');
    const data = JSON.parse(order.params.signData);
    expect(data.buyQuantity).toBe('120');
    expect(data.productId).toBeUndefined();
  });

  it('without openid, uses the demo user and gives it a session', async () => {
    const order = await createOrder(backend, { productId: 'extra-life' });
    const callback = await cashier(backend, {
      api: 'requestVirtualPayment',
      params: order.params,
      openid: backend.defaultOpenid,
      action: 'cancel',
    });
    expect(callback.errMsg).toBe('requestVirtualPayment:fail requestPayment:fail cancel');
  });

  it('refuses an openid that never logged in (no session_key to sign with)', async () => {
    const answer = await call(backend, 'POST', '/api/orders', {
      productId: 'extra-life',
      openid: 'oNobody',
    });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('NO_SESSION');
  });

  it('refuses a profile that does not fit the product', async () => {
    const goods = await call(backend, 'POST', '/api/orders', {
      productId: 'mug',
      profile: 'tcmpp',
    });
    expect(goods.status).toBe(400);
    expect(goods.body.error.code).toBe('PROFILE_NOT_APPLICABLE');
    const virtual = await call(backend, 'POST', '/api/orders', {
      productId: 'coins-60',
      profile: 'psp',
    });
    expect(virtual.body.error.code).toBe('PROFILE_NOT_APPLICABLE');
  });
});

describe('GET /api/orders/:orderId and POST /api/orders/:orderId/close', () => {
  it('reports a new order as pending with its trade state and amount', async () => {
    const order = await createOrder(backend, { productId: 'mug' });
    expect(await orderStatus(backend, order.orderId)).toEqual({
      orderId: order.orderId,
      state: 'pending',
      tradeState: 'NOTPAY',
      amount: 3900,
    });
    const virtual = await createOrder(backend, { productId: 'coins-300' });
    expect(await orderStatus(backend, virtual.orderId)).toMatchObject({
      state: 'pending',
      tradeState: 'INIT',
    });
  });

  it('closes an unpaid order; the cashier then refuses it; closing again is harmless', async () => {
    const order = await createOrder(backend, { productId: 'mug' });
    const closed = await call(backend, 'POST', `/api/orders/${order.orderId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', tradeState: 'CLOSED' });
    const callback = await cashier(backend, {
      api: 'requestPayment',
      params: order.params,
      action: 'pay',
    });
    expect(callback.errMsg).toBe('requestPayment:fail 订单已关闭');
    expect((await call(backend, 'POST', `/api/orders/${order.orderId}/close`)).status).toBe(200);
  });

  it('closes a virtual order; the cashier then refuses its outTradeNo', async () => {
    const order = await createOrder(backend, { productId: 'extra-life' });
    const closed = await call(backend, 'POST', `/api/orders/${order.orderId}/close`);
    expect(closed.body).toMatchObject({ state: 'closed', tradeState: 'CLOSED' });
    const callback = await cashier(backend, {
      api: 'requestVirtualPayment',
      params: order.params,
      action: 'pay',
    });
    expect(callback).toEqual({
      errMsg: 'requestVirtualPayment:fail OUT_TRADE_NO_REUSED',
      errCode: -15002,
      errno: -15002,
    });
  });

  it('refuses to close a paid order, even when its notification never came', async () => {
    const order = await payOrder(backend, { productId: 'mug' }, { dropNotify: true });
    const answer = await call(backend, 'POST', `/api/orders/${order.orderId}/close`);
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('ORDER_ALREADY_PAID');
    expect((await orderStatus(backend, order.orderId)).state).toBe('paid');
  });

  it('answers 404 for an unknown order', async () => {
    const status = await call(backend, 'GET', '/api/orders/MPnope');
    expect(status.status).toBe(404);
    expect(status.body.error.code).toBe('ORDER_NOT_FOUND');
    expect((await call(backend, 'POST', '/api/orders/MPnope/close')).status).toBe(404);
  });
});
