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

beforeAll(async () => {
  backend = await startTestBackend({ activeQueryAfterMs: -1 });
  alice = (await call(backend, 'POST', '/api/login', { code: 'alice' })).body.openid;
});

afterAll(async () => {
  await backend.close();
});

function orderPayment(params: object, action: 'pay' | 'cancel' | 'fail' = 'pay') {
  return cashier(backend, { api: 'requestOrderPayment', params, action });
}

describe('Trade-component goods: kind order, requestOrderPayment', () => {
  it.each([
    ['wechat-v3', 'RSA'],
    ['wechat-v2-md5', 'MD5'],
    ['wechat-v2-hmac', 'HMAC-SHA256'],
  ])(
    '%s: requestPayment params signed for the prepay_id, plus orderInfo; paid',
    async (profile, signType) => {
      const order = await createOrder(backend, { productId: 'shop-tote', profile, openid: alice });
      expect(order.kind).toBe('order');
      expect(order.params.signType).toBe(signType);
      expect(order.params.package).toMatch(/^prepay_id=wx/);
      const prepayId = order.params.package.slice('prepay_id='.length);
      expect(order.params.orderInfo).toMatchObject({
        out_order_id: order.orderId,
        openid: alice,
        order_detail: {
          product_infos: [{ out_product_id: 'shop-tote', product_cnt: 1, sale_price: 4500 }],
          pay_info: { prepay_id: prepayId },
        },
      });
      expect(await orderPayment(order.params)).toEqual({ errMsg: 'requestOrderPayment:ok' });
      expect(await waitForState(backend, order.orderId)).toBe('paid');
      expect((await orderStatus(backend, order.orderId)).tradeState).toBe('SUCCESS');
    },
  );

  it('pays without orderInfo too (it is checked only when given)', async () => {
    const order = await createOrder(backend, { productId: 'shop-tote', openid: alice });
    const { orderInfo: _left, ...params } = order.params;
    expect(await orderPayment(params)).toEqual({ errMsg: 'requestOrderPayment:ok' });
  });

  it.each([
    ['out_order_id', { out_order_id: 'MP00000000000000000000000000' }, 'orderInfo.out_order_id'],
    ['openid', { openid: 'oSomeoneElse' }, 'orderInfo.openid'],
    [
      'the prepay_id',
      { order_detail: { product_infos: [], pay_info: { prepay_id: 'wx1' } } },
      'orderInfo.order_detail.pay_info.prepay_id',
    ],
  ])('refuses an orderInfo whose %s is not the order', async (_name, change, field) => {
    const order = await createOrder(backend, { productId: 'shop-tote', openid: alice });
    const answer = await orderPayment({
      ...order.params,
      orderInfo: { ...order.params.orderInfo, ...change },
    });
    expect(answer).toEqual({
      errMsg: `requestOrderPayment:fail 订单信息校验失败: ${field}`,
      errno: 702001,
    });
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
  });

  it('refuses products that do not add up to the total', async () => {
    const order = await createOrder(backend, { productId: 'shop-tote', openid: alice });
    const { orderInfo } = order.params;
    const cheaper = {
      ...orderInfo,
      order_detail: {
        ...orderInfo.order_detail,
        product_infos: [{ ...orderInfo.order_detail.product_infos[0], sale_price: 1 }],
      },
    };
    expect((await orderPayment({ ...order.params, orderInfo: cheaper })).errMsg).toBe(
      'requestOrderPayment:fail 订单信息校验失败: orderInfo.order_detail.product_infos (total)',
    );
  });

  it("answers requestPayment's refusals under its own name", async () => {
    const order = await createOrder(backend, { productId: 'shop-tote', openid: alice });
    expect(await orderPayment({ ...order.params, paySign: 'AAAA' })).toEqual({
      errMsg: 'requestOrderPayment:fail 支付验证签名失败',
      errno: 702002,
    });
    expect(await orderPayment({ ...order.params, extUserUin: 7 })).toMatchObject({
      errMsg: expect.stringContaining('parameter.extUserUin should be String instead of Number'),
    });
    expect(await orderPayment(order.params, 'cancel')).toEqual({
      errMsg: 'requestOrderPayment:fail cancel',
    });
    expect(await orderPayment(order.params)).toEqual({ errMsg: 'requestOrderPayment:ok' });
    expect(await orderPayment(order.params)).toEqual({
      errMsg: 'requestOrderPayment:fail 该订单已支付',
      errno: 702005,
    });
  });
});

describe('A plugin product: kind plugin, requestPluginPayment', () => {
  it('answers { version, fee, paymentArgs, currencyType }, refuses other profiles', async () => {
    const order = await createOrder(backend, { productId: 'plugin-guide', openid: alice });
    expect(order).toMatchObject({
      kind: 'plugin',
      amount: 990,
      params: {
        version: 'release',
        fee: 990,
        paymentArgs: { out_trade_no: order.orderId, product: 'plugin-guide' },
        currencyType: 'CNY',
      },
    });
    const refused = await call(backend, 'POST', '/api/orders', {
      productId: 'plugin-guide',
      profile: 'wechat-v2-md5',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('PROFILE_NOT_APPLICABLE');
  });

  it('checks version, fee and paymentArgs against the order, then pays its prepay_id', async () => {
    const order = await createOrder(backend, { productId: 'plugin-guide', openid: alice });
    const pay = (params: object) =>
      cashier(backend, { api: 'requestPluginPayment', params, action: 'pay' });
    const { params } = order;
    expect(await pay({ ...params, version: 'develop' })).toEqual({
      errMsg: 'requestPluginPayment:fail version does not match the order',
      errno: 702001,
    });
    expect((await pay({ ...params, version: 'beta' })).errno).toBe(1001);
    expect((await pay({ ...params, fee: 1 })).errMsg).toBe(
      'requestPluginPayment:fail fee does not match the order',
    );
    expect((await pay({ ...params, paymentArgs: { ...params.paymentArgs, x: 1 } })).errMsg).toBe(
      'requestPluginPayment:fail paymentArgs does not match the order',
    );
    expect((await pay({ ...params, paymentArgs: { out_trade_no: 'nope' } })).errMsg).toBe(
      'requestPluginPayment:fail paymentArgs.out_trade_no is not an order of this plugin',
    );
    expect((await orderStatus(backend, order.orderId)).state).toBe('pending');
    expect(await pay(params)).toEqual({ errMsg: 'requestPluginPayment:ok' });
    expect(await waitForState(backend, order.orderId)).toBe('paid');
    expect((await pay(params)).errMsg).toBe('requestPluginPayment:fail 该订单已支付');
  });

  it('an ordinary order is not a plugin order', async () => {
    const goods = await createOrder(backend, { productId: 'mug', openid: alice });
    const answer = await cashier(backend, {
      api: 'requestPluginPayment',
      params: { version: 'release', fee: 3900, paymentArgs: { out_trade_no: goods.orderId } },
      action: 'pay',
    });
    expect(answer.errMsg).toBe(
      'requestPluginPayment:fail paymentArgs.out_trade_no is not an order of this plugin',
    );
  });
});
