// POST /sim/cashier, api requestPayment: what the host's cashier checks of the mini program's
// parameters, with the callback objects a host delivers, then what the user chose.
import type { Simulator } from '../../simulator/src/server';
import { cashier, createOrder, newOutTradeNo, paymentParams } from './helpers/flow';
import {
  get,
  post,
  registerMerchant,
  startTestSimulator,
  type TestMerchant,
  v3,
} from './helpers/simulator';

let simulator: Simulator;
let merchant: TestMerchant;
const NOTIFY_URL = 'http://127.0.0.1:9/pay/notify';
beforeAll(async () => {
  simulator = await startTestSimulator();
  merchant = await registerMerchant(simulator, { mchid: '1900000601' });
});
afterAll(() => simulator.close());

async function newPrepay(): Promise<{ outTradeNo: string; prepayId: string }> {
  const outTradeNo = newOutTradeNo();
  return { outTradeNo, prepayId: await createOrder(merchant, outTradeNo, NOTIFY_URL) };
}

async function tradeState(outTradeNo: string): Promise<unknown> {
  const path = `v3/pay/transactions/out-trade-no/${outTradeNo}`;
  return (await v3(merchant, 'get', path, { query: { mchid: merchant.mchid } })).data.trade_state;
}

describe('refusals before the sheet opens', () => {
  it.each([
    [
      'a paySign of another key',
      (p: Record<string, string>) => ({
        ...p,
        paySign: paymentParams(p.package?.slice(10) ?? '', 1).paySign,
      }),
      'requestPayment:fail 支付验证签名失败',
      702002,
    ],
    [
      'a paySign of other fields',
      (p: Record<string, string>) => ({ ...p, timeStamp: '1' }),
      'requestPayment:fail 支付验证签名失败',
      702002,
    ],
    [
      'an unknown prepay_id',
      (p: Record<string, string>) => ({
        ...p,
        package: 'prepay_id=wx00000000000000000000000000000000000',
      }),
      'requestPayment:fail prepay_id 无效',
      702001,
    ],
    [
      'a signType of neither version',
      (p: Record<string, string>) => ({ ...p, signType: 'SHA1' }),
      'requestPayment:fail invalid signType',
      702001,
    ],
    [
      'an MD5 signType on a v3 order',
      (p: Record<string, string>) => ({ ...p, signType: 'MD5' }),
      'requestPayment:fail 支付验证签名失败',
      702002,
    ],
    [
      'a number timeStamp',
      (p: Record<string, string>) => ({ ...p, timeStamp: 1 }),
      'requestPayment:fail parameter error: parameter.timeStamp should be String instead of Number;',
      702001,
    ],
    [
      'an empty nonceStr',
      (p: Record<string, string>) => ({ ...p, nonceStr: '' }),
      'requestPayment:fail 调用支付JSAPI缺少参数:nonceStr',
      702001,
    ],
  ])('%s', async (_name, change, errMsg, errno) => {
    const { outTradeNo, prepayId } = await newPrepay();
    const params = { ...paymentParams(prepayId) } as Record<string, string>;
    expect(await cashier(simulator, change(params))).toEqual({ errMsg, errno });
    expect(await tradeState(outTradeNo)).toBe('NOTPAY');
  });

  it('refuses a mini program whose AppID is not bound to the merchant', async () => {
    const { prepayId } = await newPrepay();
    const answer = await cashier(simulator, paymentParams(prepayId), 'pay', {
      appId: 'wx0000000000000001',
    });
    expect(answer).toEqual({
      errMsg: 'requestPayment:fail 商户号mch_id与appid不匹配',
      errno: 702001,
    });
  });

  it('refuses another user than the order was made for', async () => {
    const { prepayId } = await newPrepay();
    const answer = await cashier(simulator, paymentParams(prepayId), 'pay', {
      openid: 'oSomeoneElse',
    });
    expect(answer).toEqual({
      errMsg: 'requestPayment:fail 下单账号与付款账号不一致',
      errno: 700000,
    });
  });
});

describe('the user at the sheet', () => {
  it('cancel leaves the order unpaid and notes the answer on the order', async () => {
    const { outTradeNo, prepayId } = await newPrepay();
    expect(await cashier(simulator, paymentParams(prepayId), 'cancel')).toEqual({
      errMsg: 'requestPayment:fail cancel',
    });
    expect(await tradeState(outTradeNo)).toBe('NOTPAY');
    const { body } = await get(simulator, '/sim/transactions');
    const order = (
      body as { transactions: { outTradeNo: string; lastCashier?: unknown }[] }
    ).transactions.find((item) => item.outTradeNo === outTradeNo);
    expect(order?.lastCashier).toMatchObject({
      api: 'requestPayment',
      action: 'cancel',
      errMsg: 'requestPayment:fail cancel',
    });
  });

  it('fail makes it PAYERROR, and a later pay is refused as closed', async () => {
    const { outTradeNo, prepayId } = await newPrepay();
    expect(await cashier(simulator, paymentParams(prepayId), 'fail')).toEqual({
      errMsg: 'requestPayment:fail 支付失败',
      errno: 700000,
    });
    expect(await tradeState(outTradeNo)).toBe('PAYERROR');
    expect(await cashier(simulator, paymentParams(prepayId))).toEqual({
      errMsg: 'requestPayment:fail 订单已关闭',
      errno: 700000,
    });
  });

  it('pay once; a second pay is refused as paid; a closed order cannot be paid', async () => {
    const { prepayId } = await newPrepay();
    expect(await cashier(simulator, paymentParams(prepayId))).toEqual({
      errMsg: 'requestPayment:ok',
    });
    expect(await cashier(simulator, paymentParams(prepayId))).toEqual({
      errMsg: 'requestPayment:fail 该订单已支付',
      errno: 702005,
    });
    const closed = await newPrepay();
    await v3(merchant, 'post', `v3/pay/transactions/out-trade-no/${closed.outTradeNo}/close`, {
      body: { mchid: merchant.mchid },
    });
    expect(await cashier(simulator, paymentParams(closed.prepayId))).toEqual({
      errMsg: 'requestPayment:fail 订单已关闭',
      errno: 700000,
    });
  });
});

describe('the route itself', () => {
  it.each([
    ['an api it does not play', { api: 'requestSomething', params: {}, action: 'pay' }, 'api'],
    ['an unknown action', { api: 'requestPayment', params: {}, action: 'dance' }, 'action'],
    [
      'params that are not an object',
      { api: 'requestPayment', params: 'x', action: 'pay' },
      'params',
    ],
    [
      'a negative notifyDelayMs',
      { api: 'requestPayment', params: {}, action: 'pay', notifyDelayMs: -1 },
      'notifyDelayMs',
    ],
    ['an unknown field', { api: 'requestPayment', params: {}, action: 'pay', extra: 1 }, 'extra'],
  ])('refuses %s with 400 PARAM_ERROR naming it', async (_name, body, field) => {
    const answer = await post(simulator, '/sim/cashier', body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'PARAM_ERROR', detail: { field } });
  });
});
