// wx.requestOrderPayment (requestPayment's checks, then orderInfo) and wx.requestPluginPayment
// (the payment functional page: version, fee and paymentArgs against a JSAPI order) at the
// simulator's cashier, ported from the mock backend's tests.
import type { Simulator } from '../../simulator/src/server';
import { cashierOf } from './helpers/family';
import { advance, createOrder, newOutTradeNo, paymentParams } from './helpers/flow';
import { registerMerchant, startTestSimulator } from './helpers/simulator';

const PAYER = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
let simulator: Simulator;
let merchant: Awaited<ReturnType<typeof registerMerchant>>;
beforeAll(async () => {
  simulator = await startTestSimulator();
  merchant = await registerMerchant(simulator, { mchid: '1900001101' });
});
afterAll(async () => {
  await simulator.close();
});

/** A JSAPI order of 100 fen, and requestOrderPayment's parameters for it. */
async function componentOrder() {
  const outTradeNo = newOutTradeNo('OP');
  const prepayId = await createOrder(merchant, outTradeNo, 'http://127.0.0.1:9/notify', 100);
  const orderInfo = {
    out_order_id: outTradeNo,
    openid: PAYER,
    path: `pages/orders/index?orderId=${outTradeNo}`,
    order_detail: {
      product_infos: [{ out_product_id: 'tote', product_cnt: 2, sale_price: 50, title: 'Tote' }],
      pay_info: { pay_method: '微信支付', prepay_id: prepayId },
    },
  };
  return { outTradeNo, params: { ...paymentParams(prepayId), orderInfo } };
}

function orderPayment(params: object, action: 'pay' | 'cancel' | 'fail' = 'pay') {
  return cashierOf(simulator, { api: 'requestOrderPayment', params, action });
}

describe('requestOrderPayment', () => {
  it('pays with orderInfo, and without it (checked only when given)', async () => {
    expect(await orderPayment((await componentOrder()).params)).toEqual({
      errMsg: 'requestOrderPayment:ok',
    });
    const { orderInfo: _left, ...params } = (await componentOrder()).params;
    expect(await orderPayment(params)).toEqual({ errMsg: 'requestOrderPayment:ok' });
  });

  it.each([
    [{ out_order_id: 'OP0000000000' }, 'orderInfo.out_order_id'],
    [{ openid: 'oSomeoneElse' }, 'orderInfo.openid'],
    [
      { order_detail: { product_infos: [], pay_info: { prepay_id: 'wx1' } } },
      'orderInfo.order_detail.pay_info.prepay_id',
    ],
  ])('refuses an orderInfo with %j', async (change, field) => {
    const { params } = await componentOrder();
    expect(
      await orderPayment({ ...params, orderInfo: { ...params.orderInfo, ...change } }),
    ).toEqual({ errMsg: `requestOrderPayment:fail 订单信息校验失败: ${field}`, errno: 702001 });
  });

  it('refuses products that do not add up to the total', async () => {
    const { params } = await componentOrder();
    const detail = params.orderInfo.order_detail;
    const cheaper = {
      ...params.orderInfo,
      order_detail: { ...detail, product_infos: [{ ...detail.product_infos[0], sale_price: 1 }] },
    };
    expect((await orderPayment({ ...params, orderInfo: cheaper })).errMsg).toBe(
      'requestOrderPayment:fail 订单信息校验失败: orderInfo.order_detail.product_infos (total)',
    );
  });

  it("answers requestPayment's refusals under its own name", async () => {
    const { params } = await componentOrder();
    expect(await orderPayment({ ...params, paySign: 'AAAA' })).toEqual({
      errMsg: 'requestOrderPayment:fail 支付验证签名失败',
      errno: 702002,
    });
    expect(await orderPayment({ ...params, extUserUin: 7 })).toEqual({
      errMsg:
        'requestOrderPayment:fail parameter error: parameter.extUserUin should be String instead of Number;',
      errno: 702001,
    });
    expect(await orderPayment(params, 'cancel')).toEqual({
      errMsg: 'requestOrderPayment:fail cancel',
    });
    expect(await orderPayment(params)).toEqual({ errMsg: 'requestOrderPayment:ok' });
    expect(await orderPayment(params)).toEqual({
      errMsg: 'requestOrderPayment:fail 该订单已支付',
      errno: 702005,
    });
  });
});

describe('requestPluginPayment', () => {
  async function pluginOrder() {
    const outTradeNo = newOutTradeNo('PL');
    await createOrder(merchant, outTradeNo, 'http://127.0.0.1:9/notify', 990);
    const paymentArgs = { out_trade_no: outTradeNo, product: 'plugin-guide' };
    return { version: 'release', fee: 990, paymentArgs, currencyType: 'CNY' };
  }
  const pay = (params: object, extra: Record<string, unknown> = {}) =>
    cashierOf(simulator, { api: 'requestPluginPayment', params, ...extra });

  it('checks version, fee, currency and payer against the order, then pays it', async () => {
    const params = await pluginOrder();
    expect(await pay({ ...params, version: 'beta' })).toEqual({
      errMsg:
        'requestPluginPayment:fail parameter error: parameter.version should be release, trial or develop instead of String;',
      errno: 1001,
    });
    expect((await pay({ ...params, fee: '990' })).errno).toBe(1001);
    expect(await pay({ ...params, fee: 1 })).toEqual({
      errMsg: 'requestPluginPayment:fail fee does not match the order',
      errno: 702001,
    });
    expect((await pay({ ...params, currencyType: 'USD' })).errMsg).toBe(
      'requestPluginPayment:fail currencyType does not match the order',
    );
    expect((await pay(params, { openid: 'oSomeoneElse' })).errMsg).toBe(
      'requestPluginPayment:fail the payer does not match the order',
    );
    expect(await pay(params, { action: 'cancel' })).toEqual({
      errMsg: 'requestPluginPayment:fail cancel',
    });
    expect(await pay(params)).toEqual({ errMsg: 'requestPluginPayment:ok' });
    expect(await pay(params)).toEqual({
      errMsg: 'requestPluginPayment:fail 该订单已支付',
      errno: 702005,
    });
  });

  it('refuses paymentArgs naming no order (of the mini program calling)', async () => {
    const params = await pluginOrder();
    const unknown = { ...params, paymentArgs: { out_trade_no: 'nope' } };
    const refusal = {
      errMsg: 'requestPluginPayment:fail paymentArgs.out_trade_no is not an order of this plugin',
      errno: 702001,
    };
    expect(await pay(unknown)).toEqual(refusal);
    expect(await pay(params, { appId: 'wx0000000000000000' })).toEqual(refusal);
  });

  it('a failed payment closes the order; an order past its 2 hours has expired', async () => {
    const failed = await pluginOrder();
    expect(await pay(failed, { action: 'fail' })).toEqual({
      errMsg: 'requestPluginPayment:fail 支付失败',
      errno: 700000,
    });
    expect((await pay(failed)).errMsg).toBe('requestPluginPayment:fail 订单已关闭');
    const late = await pluginOrder();
    await advance(simulator, 2 * 60 * 60);
    expect(await pay(late)).toEqual({
      errMsg: 'requestPluginPayment:fail 订单已过期',
      errno: 700000,
    });
  });
});
