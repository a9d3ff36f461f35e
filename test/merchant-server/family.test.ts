// The rest of the family against the simulator over HTTP: the login, virtual payment, B2b,
// merchant transfers, API v2 (WeChat Pay Global's institution mode), order and plugin payments.
import { createHash, createHmac } from 'node:crypto';
import type { MerchantServer } from '../../demo-miniprogram/merchant-server/src/server';
import type { Simulator } from '../../simulator/src/server';
import {
  call,
  cashier,
  createOrder,
  eventually,
  notificationsAbout,
  orderStatus,
  startTestMerchant,
  startTestSimulator,
} from './helpers/servers';

let simulator: Simulator;
let merchant: MerchantServer;
let notifyOnly: MerchantServer;

beforeAll(async () => {
  simulator = await startTestSimulator();
  merchant = await startTestMerchant(simulator);
});

afterAll(async () => {
  await merchant.close();
  await notifyOnly?.close();
  await simulator.close();
});

async function login(code: string): Promise<string> {
  const answer = await call(merchant, 'POST', '/api/login', { code });
  if (answer.status !== 200) throw new Error(`login: ${answer.status} ${answer.text}`);
  return answer.body.openid;
}

describe('POST /api/login: /sns/jscode2session at WeChat', () => {
  it('the same code gives the same openid; the session_key stays on the server', async () => {
    const first = await call(merchant, 'POST', '/api/login', { code: 'code-alice' });
    expect(Object.keys(first.body)).toEqual(['openid']);
    expect(await login('code-alice')).toBe(first.body.openid);
    expect(await login('code-bob')).not.toBe(first.body.openid);
    const { body } = await call(simulator, 'GET', '/sim/sessions');
    expect(JSON.stringify(body)).toContain(first.body.openid);
  });
});

describe('virtual payment', () => {
  it('a coin top-up: signed with the AppKey and the session_key, paid, pushed, PAID', async () => {
    const openid = await login('virtual-coins');
    const order = await createOrder(merchant, { productId: 'coins-60', quantity: 2, openid });
    expect(order).toMatchObject({ kind: 'virtual', amount: 1200 });
    const { params } = order;
    expect(JSON.parse(params.signData)).toMatchObject({
      buyQuantity: 120,
      env: 0,
      outTradeNo: order.orderId,
    });
    expect(params.paySig).toBe(
      createHmac('sha256', merchant.keys.material.virtualAppKeyProduction)
        .update(`requestVirtualPayment&${params.signData}`)
        .digest('hex'),
    );
    const paid = await cashier(simulator, params, {
      api: 'requestVirtualPayment',
      notifyDelayMs: 0,
    });
    expect(paid.errMsg).toBe('requestVirtualPayment:ok');
    expect(await orderStatus(merchant, order.orderId, 3000)).toMatchObject({
      state: 'paid',
      tradeState: 'PAID',
    });
    const [push] = await notificationsAbout(simulator, order.orderId);
    expect(push).toMatchObject({ eventType: 'xpay_coin_pay_notify', state: 'delivered' });
  });

  it('an item (tcmpp: paySign, buyQuantity a string): the acknowledged push delivers it', async () => {
    const openid = await login('virtual-item');
    const order = await createOrder(merchant, {
      productId: 'sword-skin',
      openid,
      profile: 'tcmpp',
    });
    expect(order.params.paySig).toBeUndefined();
    expect(JSON.parse(order.params.signData)).toMatchObject({
      buyQuantity: '1',
      productId: 'sword-skin',
    });
    await cashier(simulator, order.params, { api: 'requestVirtualPayment', notifyDelayMs: 0 });
    await eventually(
      async () => (await orderStatus(merchant, order.orderId)).tradeState === 'DELIVERED',
    );
  });

  it('a push that never arrives: the first status request asks /xpay/query_order', async () => {
    const openid = await login('virtual-dropped');
    const order = await createOrder(merchant, { productId: 'extra-life', openid });
    await cashier(simulator, order.params, { api: 'requestVirtualPayment', dropNotify: true });
    expect(await orderStatus(merchant, order.orderId)).toMatchObject({
      state: 'paid',
      tradeState: 'PAID',
    });
  });

  it('closes here (WeChat has no close of a virtual order); a late push then changes nothing', async () => {
    const openid = await login('virtual-close');
    const order = await createOrder(merchant, { productId: 'coins-300', openid });
    const closed = await call(merchant, 'POST', `/api/orders/${order.orderId}/close`);
    expect(closed.body).toMatchObject({ state: 'closed', tradeState: 'CLOSED' });
    await cashier(simulator, order.params, { api: 'requestVirtualPayment', notifyDelayMs: 0 });
    await eventually(
      async () => (await notificationsAbout(simulator, order.orderId))[0]?.state === 'delivered',
    );
    expect((await orderStatus(merchant, order.orderId)).state).toBe('closed');
  });
});

describe('B2b payment (requestCommonPayment)', () => {
  it('paid at the cashier, told by the retail_pay_notify message push', async () => {
    const openid = await login('b2b-buyer');
    const order = await createOrder(merchant, { productId: 'b2b-beans-case', openid });
    expect(order.kind).toBe('common');
    expect(JSON.parse(order.params.signData)).toMatchObject({
      mchid: merchant.config.mchId,
      amount: { order_amount: 72000 },
    });
    const paid = await cashier(simulator, order.params, {
      api: 'requestCommonPayment',
      notifyDelayMs: 0,
    });
    expect(paid.errMsg).toBe('requestCommonPayment:ok');
    expect(await orderStatus(merchant, order.orderId, 3000)).toMatchObject({
      state: 'paid',
      tradeState: 'ORDER_PAY_SUCC',
    });
    await eventually(
      async () => (await notificationsAbout(simulator, order.orderId))[0]?.state === 'delivered',
    );
  });

  it('a push that never arrives: /retail/B2b/getorder; an unpaid order closes at WeChat', async () => {
    const openid = await login('b2b-dropped');
    const order = await createOrder(merchant, { productId: 'b2b-beans-case', openid });
    await cashier(simulator, order.params, { api: 'requestCommonPayment', dropNotify: true });
    expect((await orderStatus(merchant, order.orderId)).tradeState).toBe('ORDER_PAY_SUCC');
    const other = await createOrder(merchant, { productId: 'b2b-beans-case', openid });
    const closed = await call(merchant, 'POST', `/api/orders/${other.orderId}/close`);
    expect(closed.body).toMatchObject({ state: 'closed', tradeState: 'ORDER_CLOSE' });
    const refused = await cashier(simulator, other.params, { api: 'requestCommonPayment' });
    expect(refused.errMsg).toMatch(/^requestCommonPayment:fail/);
  });

  it('refuses a push signed more than 5 minutes ago (401 STALE_PUSH)', async () => {
    const token = merchant.keys.material.messagePushToken;
    const sign = (timestamp: string, nonce: string) =>
      createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
    const stale = String(Math.floor(Date.now() / 1000) - 301);
    const answer = await call(
      merchant,
      'POST',
      `/pay/b2b-notify?signature=${sign(stale, 'n')}&timestamp=${stale}&nonce=n`,
      '{}',
    );
    expect([answer.status, answer.body.error.code]).toEqual([401, 'STALE_PUSH']);
  });
});

describe('merchant transfers (requestMerchantTransfer)', () => {
  it('the bill at WeChat Pay, its package for the client; received: MCHTRANSFER.BILL.FINISHED', async () => {
    const order = await createOrder(merchant, { productId: 'cash-out' });
    expect(order).toMatchObject({
      kind: 'transfer',
      amount: 100,
      params: {
        mchId: merchant.config.mchId,
        appId: merchant.config.appId,
        package: expect.any(String),
      },
    });
    expect((await orderStatus(merchant, order.orderId)).tradeState).toBe('WAIT_USER_CONFIRM');
    const confirmed = await cashier(simulator, order.params, {
      api: 'requestMerchantTransfer',
      notifyDelayMs: 0,
    });
    expect(confirmed.errMsg).toBe('requestMerchantTransfer:ok');
    expect(await orderStatus(merchant, order.orderId, 3000)).toMatchObject({
      state: 'paid',
      tradeState: 'SUCCESS',
      transactionId: expect.any(String),
    });
  });

  it('closing a bill waiting for the user cancels it: CANCELING, then CANCELLED a second later', async () => {
    const order = await createOrder(merchant, { productId: 'cash-out' });
    const closing = await call(merchant, 'POST', `/api/orders/${order.orderId}/close`);
    expect(closing.body).toMatchObject({ state: 'pending', tradeState: 'CANCELING' });
    await call(simulator, 'POST', '/sim/clock/advance', { seconds: 2 });
    await eventually(async () => (await orderStatus(merchant, order.orderId)).state === 'closed');
    expect((await orderStatus(merchant, order.orderId)).tradeState).toBe('CANCELLED');
  });
});

describe('API v2 (WeChat Pay Global, institution mode)', () => {
  it.each([
    ['wechat-v2-md5', 'MD5'],
    ['wechat-v2-hmac', 'HMAC-SHA256'],
  ])(
    '%s: /pay/unifiedorder, paySign %s with the v2 key, the XML notification verified',
    async (profile, signType) => {
      const order = await createOrder(merchant, { productId: 'sticker', profile });
      const { params } = order;
      const signed = `appId=${merchant.config.appId}&nonceStr=${params.nonceStr}&package=${params.package}&signType=${signType}&timeStamp=${params.timeStamp}&key=${merchant.keys.material.v2ApiKey}`;
      const key = merchant.keys.material.v2ApiKey;
      const expected =
        signType === 'MD5'
          ? createHash('md5').update(signed)
          : createHmac('sha256', key).update(signed);
      expect(params.paySign).toBe(expected.digest('hex').toUpperCase());
      expect((await cashier(simulator, params, { notifyDelayMs: 0 })).errMsg).toBe(
        'requestPayment:ok',
      );
      expect(await orderStatus(merchant, order.orderId, 3000)).toMatchObject({
        state: 'paid',
        tradeState: 'SUCCESS',
      });
      const [notification] = await notificationsAbout(simulator, order.orderId);
      expect(notification).toMatchObject({ state: 'delivered' });
    },
  );

  it('a notification that never arrives: /pay/orderquery; an unpaid order: /pay/closeorder', async () => {
    const order = await createOrder(merchant, { productId: 'sticker', profile: 'wechat-v2-md5' });
    await cashier(simulator, order.params, { dropNotify: true });
    expect((await orderStatus(merchant, order.orderId)).state).toBe('paid');
    const unpaid = await createOrder(merchant, { productId: 'sticker', profile: 'wechat-v2-hmac' });
    const closed = await call(merchant, 'POST', `/api/orders/${unpaid.orderId}/close`);
    expect(closed.body).toMatchObject({ state: 'closed', tradeState: 'CLOSED' });
    expect((await cashier(simulator, unpaid.params)).errMsg).toBe('requestPayment:fail 订单已关闭');
  });
});

describe('order and plugin payments (JSAPI orders)', () => {
  it('requestOrderPayment with its orderInfo, and requestPluginPayment, paid and notified', async () => {
    notifyOnly = await startTestMerchant(simulator, { activeQueryAfterMs: -1 });
    for (const [productId, api] of [
      ['shop-tote', 'requestOrderPayment'],
      ['plugin-guide', 'requestPluginPayment'],
    ]) {
      const order = await createOrder(notifyOnly, { productId });
      const paid = await cashier(simulator, order.params, { api, notifyDelayMs: 0 });
      expect(paid.errMsg).toBe(`${api}:ok`);
      expect((await orderStatus(notifyOnly, order.orderId, 3000)).state).toBe('paid');
    }
  });
});
