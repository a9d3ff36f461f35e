import { createHash, createHmac } from 'node:crypto';
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
let config: { appId: string; mchId: string };

beforeAll(async () => {
  backend = await startTestBackend({ activeQueryAfterMs: -1 });
  alice = (await call(backend, 'POST', '/api/login', { code: 'alice' })).body.openid;
  config = (await call(backend, 'GET', '/sim/config')).body;
});

afterAll(async () => {
  await backend.close();
});

const hmac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');

function commonPayment(params: object, action: 'pay' | 'cancel' | 'fail' = 'pay') {
  return cashier(backend, { api: 'requestCommonPayment', params, action });
}

describe('B2b goods: kind common, requestCommonPayment', () => {
  it('signs signData with the AppKey and the session_key; the cashier pays; the push confirms', async () => {
    const order = await createOrder(backend, { productId: 'b2b-beans-case', openid: alice });
    expect(order.kind).toBe('common');
    const { mode, signData, paySig, signature } = order.params;
    expect(mode).toBe('retail_pay_goods');
    expect(JSON.parse(signData)).toEqual({
      mchid: config.mchId,
      out_trade_no: order.orderId,
      description: 'Café supply: beans, case of 12 (B2b)',
      amount: { order_amount: 72000, currency: 'CNY' },
      attach: `order:${order.orderId}`,
      env: 0,
    });
    expect(paySig).toBe(
      hmac(backend.keys.virtualAppKeyProduction, `requestCommonPayment&${signData}`),
    );
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect((await orderStatus(backend, order.orderId)).tradeState).toBe('ORDER_INIT');
    expect(await commonPayment(order.params)).toEqual({ errMsg: 'requestCommonPayment:ok' });
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    const view = await orderStatus(backend, order.orderId);
    expect(view.tradeState).toBe('ORDER_PAY_SUCC');
    expect(view.transactionId).toMatch(/^\d{19}$/);
    const deliveries = (await call(backend, 'GET', `/sim/deliveries?orderId=${order.orderId}`))
      .body;
    expect(deliveries.deliveries).toEqual([
      expect.objectContaining({ kind: 'b2b', state: 'delivered' }),
    ]);
    expect(await commonPayment(order.params)).toEqual({
      errMsg: 'requestCommonPayment:fail 该订单已支付',
      errno: 702005,
    });
  });

  it('needs a user with a session, as virtual payment does', async () => {
    const answer = await call(backend, 'POST', '/api/orders', {
      productId: 'b2b-beans-case',
      openid: 'oNobodyLoggedIn',
    });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('NO_SESSION');
  });

  it('refuses with the errors seen in the wild', async () => {
    const order = await createOrder(backend, { productId: 'b2b-beans-case', openid: alice });
    const { params } = order;
    expect(await commonPayment({ ...params, signData: JSON.parse(params.signData) })).toEqual({
      errMsg: 'requestCommonPayment:fail signData参数类型必须是string',
      errno: 1001,
    });
    expect(await commonPayment({ ...params, paySig: 'a'.repeat(64) })).toEqual({
      errMsg: 'requestCommonPayment:fail webapi_wxa_createmidasorder:fail invalid pay signature',
      errno: 702003,
    });
    expect(await commonPayment({ ...params, signature: 'a'.repeat(64) })).toEqual({
      errMsg: 'requestCommonPayment:fail webapi_wxa_createmidasorder:fail invalid signature',
      errno: 702002,
    });
    // signData altered by one byte: the paySig no longer covers it.
    const altered = params.signData.replace('72000', '72001');
    expect((await commonPayment({ ...params, signData: altered })).errno).toBe(702003);
    // Signed with the sandbox AppKey for a production env: the pay signature fails.
    const sandboxSig = hmac(
      backend.keys.virtualAppKeySandbox,
      `requestCommonPayment&${params.signData}`,
    );
    expect((await commonPayment({ ...params, paySig: sandboxSig })).errno).toBe(702003);
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
  });

  it('refuses a signData for another merchant or without an amount, by what is wrong', async () => {
    const order = await createOrder(backend, { productId: 'b2b-beans-case', openid: alice });
    const data = JSON.parse(order.params.signData);
    const signed = (changed: object) => {
      const signData = JSON.stringify({ ...data, ...changed });
      return {
        ...order.params,
        signData,
        paySig: hmac(backend.keys.virtualAppKeyProduction, `requestCommonPayment&${signData}`),
      };
    };
    expect((await commonPayment(signed({ mchid: '1900000001' }))).errMsg).toBe(
      'requestCommonPayment:fail webapi_wxa_createmidasorder:fail invalid signData: mchid is not this merchant',
    );
    expect((await commonPayment(signed({ amount: {} }))).errMsg).toMatch(/order_amount/);
    expect((await commonPayment({ ...order.params, mode: 'retail_pay_nothing' })).errno).toBe(1001);
  });

  it('cancel leaves the order pending, a failure too (B2b has no failed pay_status)', async () => {
    const order = await createOrder(backend, { productId: 'b2b-beans-case', openid: alice });
    expect(await commonPayment(order.params, 'cancel')).toEqual({
      errMsg: 'requestCommonPayment:fail cancel',
    });
    expect(await commonPayment(order.params, 'fail')).toEqual({
      errMsg: 'requestCommonPayment:fail 支付失败',
      errno: 700000,
    });
    // The merchant has heard nothing (no active query here): pending.
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
    const closed = await call(backend, 'POST', `/api/orders/${order.orderId}/close`);
    expect(closed.body).toMatchObject({ state: 'closed', tradeState: 'ORDER_CLOSE' });
    expect(await commonPayment(order.params)).toEqual({
      errMsg: 'requestCommonPayment:fail 订单已关闭',
      errno: 700000,
    });
  });
});

describe('B2b: the retail_pay_notify message push at /pay/b2b-notify', () => {
  const push = async (body: object, options: { token?: string; timestamp?: number } = {}) => {
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = '12345';
    const token = options.token ?? backend.keys.messagePushToken;
    const signature = createHash('sha1')
      .update([token, timestamp, nonce].sort().join(''))
      .digest('hex');
    return call(
      backend,
      'POST',
      `/pay/b2b-notify?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`,
      body,
    );
  };
  const paidPush = (order: { orderId: string }, changes: object = {}) => ({
    ToUserName: 'gh_mockminiprogram',
    FromUserName: alice,
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    Event: 'retail_pay_notify',
    appid: config.appId,
    mchid: config.mchId,
    out_trade_no: order.orderId,
    order_id: '1234567890123456789',
    pay_status: 'ORDER_PAY_SUCC',
    pay_time: Math.floor(Date.now() / 1000),
    attach: '',
    payer_openid: alice,
    amount: { order_amount: 72000, payer_amount: 72000, currency: 'CNY' },
    env: 0,
    ...changes,
  });

  it('verifies sha1(sort(token, timestamp, nonce)), answers success, applies it once', async () => {
    const order = await createOrder(backend, { productId: 'b2b-beans-case', openid: alice });
    const forged = await push(paidPush(order), { token: 'not-the-token' });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('BAD_SIGNATURE');
    const stale = await push(paidPush(order), { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.status).toBe(401);
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
    const taken = await push(paidPush(order));
    expect([taken.status, taken.text]).toEqual([200, 'success']);
    expect((await orderStatus(backend, order.orderId)).state).toBe('paid');
    const again = await push(paidPush(order));
    expect([again.status, again.text]).toEqual([200, 'success']);
  });

  it('rejects a push that is not the order: amount, payer, env', async () => {
    const order = await createOrder(backend, { productId: 'b2b-beans-case', openid: alice });
    for (const change of [
      { amount: { order_amount: 1, payer_amount: 1, currency: 'CNY' } },
      { payer_openid: 'oSomeoneElse' },
      { env: 1 },
    ]) {
      const answer = await push(paidPush(order, change));
      expect(answer.status).toBe(400);
      expect(answer.body.error).toEqual({ code: 'PUSH_REJECTED', message: expect.any(String) });
    }
    const unsigned = await call(backend, 'POST', '/pay/b2b-notify', paidPush(order));
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.error.code).toBe('VALIDATION_FAILED');
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
  });
});
