// The shop's routes against a real simulator over HTTP: orders created at WeChat Pay through
// wechatpay-axios-plugin, their parameters signed with the kit, closed, refused.
import { createPublicKey, verify } from 'node:crypto';
import type { MerchantServer } from '../../demo-miniprogram/merchant-server/src/server';
import type { Simulator } from '../../simulator/src/server';
import {
  call,
  cashier,
  createOrder,
  orderStatus,
  requestsAbout,
  startTestMerchant,
  startTestSimulator,
} from './helpers/servers';

let simulator: Simulator;
let merchant: MerchantServer;

beforeAll(async () => {
  simulator = await startTestSimulator();
  merchant = await startTestMerchant(simulator, { activeQueryAfterMs: -1 });
});

afterAll(async () => {
  await merchant.close();
  await simulator.close();
});

/** SHA256withRSA over `appId\ntimeStamp\nnonceStr\npackage\n` with the merchant's public key. */
function paySignVerifies(params: Record<string, string>, packageValue: string): boolean {
  const message = `${merchant.config.appId}\n${params.timeStamp}\n${params.nonceStr}\n${packageValue}\n`;
  return verify(
    'sha256',
    Buffer.from(message),
    createPublicKey(merchant.keys.merchantPublicKeyPem),
    Buffer.from(params.paySign ?? '', 'base64'),
  );
}

describe('the demo part: health, products', () => {
  it('GET /health answers { ok: true }', async () => {
    expect((await call(merchant, 'GET', '/health')).body).toEqual({ ok: true });
  });

  it('GET /api/products lists a product of each kind with its host API, prices in fen', async () => {
    const { body } = await call(merchant, 'GET', '/api/products');
    const apis = Object.fromEntries(
      body.products.map((product: { kind: string; api: string }) => [product.kind, product.api]),
    );
    expect(apis).toEqual({
      goods: 'requestPayment',
      coins: 'requestVirtualPayment',
      item: 'requestVirtualPayment',
      'component-goods': 'requestOrderPayment',
      'b2b-goods': 'requestCommonPayment',
      'plugin-goods': 'requestPluginPayment',
      'cash-out': 'requestMerchantTransfer',
    });
    expect(body.products.find((p: { id: string }) => p.id === 'coins-60')).toMatchObject({
      mode: 'short_series_coin',
      coins: 60,
      price: 600,
    });
  });
});

describe('POST /api/orders: a JSAPI order at WeChat Pay, its parameters signed', () => {
  it('wechat-v3 (default): created by the SDK, paySign over appId, timeStamp, nonceStr, package', async () => {
    const order = await createOrder(merchant, { productId: 'mug', quantity: 2 });
    expect(order).toMatchObject({ kind: 'payment', amount: 7800 });
    expect(order.orderId).toMatch(/^MP[0-9]{14}[0-9A-Za-z]{10}$/);
    expect(Object.keys(order.params).sort()).toEqual([
      'nonceStr',
      'package',
      'paySign',
      'signType',
      'timeStamp',
    ]);
    expect(order.params.package).toMatch(/^prepay_id=wx/);
    expect(paySignVerifies(order.params, order.params.package)).toBe(true);
    // The merchant's request, signed by the SDK, was verified by the simulator.
    const { body: journal } = await call(simulator, 'GET', '/sim/requests');
    expect(journal.requests.at(-1)).toMatchObject({
      method: 'POST',
      url: '/v3/pay/transactions/jsapi',
      mchid: merchant.config.mchId,
      verdict: { verified: true },
      status: 200,
    });
    const { body } = await call(simulator, 'GET', '/sim/transactions');
    expect(body.transactions).toContainEqual(
      expect.objectContaining({ outTradeNo: order.orderId, total: 7800, tradeState: 'NOTPAY' }),
    );
  });

  it('psp: the package under pkg; order (requestOrderPayment): orderInfo for its prepay_id', async () => {
    const psp = await createOrder(merchant, { productId: 'sticker', profile: 'psp' });
    expect(psp.params.package).toBeUndefined();
    expect(paySignVerifies(psp.params, psp.params.pkg)).toBe(true);
    const component = await createOrder(merchant, { productId: 'shop-tote' });
    expect(component.kind).toBe('order');
    expect(component.params.orderInfo).toMatchObject({
      out_order_id: component.orderId,
      order_detail: {
        pay_info: { prepay_id: component.params.package.slice('prepay_id='.length) },
        product_infos: [{ out_product_id: 'shop-tote', product_cnt: 1, sale_price: 4500 }],
      },
    });
  });

  it('plugin: the JSAPI order, and what the plugin hands its payment page', async () => {
    const plugin = await createOrder(merchant, { productId: 'plugin-guide' });
    expect(plugin).toMatchObject({
      kind: 'plugin',
      params: {
        version: 'release',
        fee: 990,
        paymentArgs: { out_trade_no: plugin.orderId, product: 'plugin-guide' },
        currencyType: 'CNY',
      },
    });
  });

  it('refuses an unknown product, a profile of another kind, a virtual order without a session', async () => {
    const unknown = await call(merchant, 'POST', '/api/orders', { productId: 'unicorn' });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'PRODUCT_NOT_FOUND']);
    expect(unknown.body.error.message).toBe(
      'no product "unicorn" in this shop; GET /api/products lists them',
    );
    const profile = await call(merchant, 'POST', '/api/orders', {
      productId: 'mug',
      profile: 'tcmpp',
    });
    expect(profile.status).toBe(400);
    expect(profile.body.error).toEqual({
      code: 'PROFILE_NOT_APPLICABLE',
      message:
        'profile tcmpp does not apply to mug; use one of wechat-v3, wechat-v2-md5, wechat-v2-hmac, psp',
    });
    const noSession = await call(merchant, 'POST', '/api/orders', {
      productId: 'coins-60',
      openid: 'oNobody',
    });
    expect([noSession.status, noSession.body.error.code]).toEqual([401, 'NO_SESSION']);
  });
});

describe('GET /api/orders/:orderId and POST /api/orders/:orderId/close', () => {
  it('a new order is pending, with its trade state and amount', async () => {
    const order = await createOrder(merchant, { productId: 'mug' });
    expect(await orderStatus(merchant, order.orderId)).toEqual({
      orderId: order.orderId,
      state: 'pending',
      tradeState: 'NOTPAY',
      amount: 3900,
    });
  });

  it('closes an unpaid order at WeChat Pay (after one last query); the cashier refuses it then', async () => {
    const order = await createOrder(merchant, { productId: 'mug' });
    const closed = await call(merchant, 'POST', `/api/orders/${order.orderId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', tradeState: 'CLOSED' });
    expect(
      (await requestsAbout(simulator, order.orderId)).map((r) => [r.method, r.status]),
    ).toEqual([
      ['GET', 200],
      ['POST', 204],
    ]);
    expect((await cashier(simulator, order.params)).errMsg).toBe('requestPayment:fail 订单已关闭');
    expect((await call(merchant, 'POST', `/api/orders/${order.orderId}/close`)).body.state).toBe(
      'closed',
    );
  });

  it('refuses to close a paid order, even when its notification never came', async () => {
    const order = await createOrder(merchant, { productId: 'mug' });
    await cashier(simulator, order.params, { dropNotify: true });
    const answer = await call(merchant, 'POST', `/api/orders/${order.orderId}/close`);
    expect([answer.status, answer.body.error.code]).toEqual([409, 'ORDER_ALREADY_PAID']);
    expect((await orderStatus(merchant, order.orderId)).state).toBe('paid');
  });

  it('answers 404 ORDER_NOT_FOUND for an unknown order', async () => {
    for (const [method, path] of [
      ['GET', '/api/orders/MPnope'],
      ['POST', '/api/orders/MPnope/close'],
      ['POST', '/api/orders/MPnope/refund'],
    ] as const) {
      const answer = await call(merchant, method, path);
      expect([answer.status, answer.body.error.code]).toEqual([404, 'ORDER_NOT_FOUND']);
      expect(answer.body.error.message).toContain('MPnope');
    }
    // What a developer who restarted an in-memory server needs to hear.
    const close = await call(merchant, 'POST', '/api/orders/MPnope/close');
    expect(close.body.error.message).toContain('--data-dir or --redis keeps them');
  });
});
