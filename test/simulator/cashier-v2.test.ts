// The cashier's v2 paySign (MD5 or HMAC-SHA256 with the merchant's v2 key), for orders made by
// API v2: such an order is put in the order book directly here, as the v2 routes will.
import { signPaymentV2 } from 'miniprogram-pay/server';
import type { Simulator } from '../../simulator/src/server';
import { cashier, newOutTradeNo } from './helpers/flow';
import { API_V2_KEY, APPID, registerMerchant, startTestSimulator } from './helpers/simulator';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startTestSimulator();
  await registerMerchant(simulator, { mchid: '1900001101' });
});
afterAll(() => simulator.close());

async function v2Order(): Promise<string> {
  const outTradeNo = newOutTradeNo('V2');
  const { prepayId } = await simulator.app.sim.orders.create({
    api: 'v2',
    mode: 'direct',
    mchid: '1900001101',
    appid: APPID,
    outTradeNo,
    description: 'A v2 order',
    notifyUrl: 'http://127.0.0.1:9/pay/notify',
    total: 100,
    currency: 'CNY',
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    fingerprint: outTradeNo,
  });
  return prepayId;
}

it.each(['MD5', 'HMAC-SHA256'] as const)(
  'pays a v2 order whose paySign is %s with the v2 key',
  async (signType) => {
    const prepayId = await v2Order();
    const params = signPaymentV2({ appId: APPID, prepayId, key: API_V2_KEY, signType });
    expect(await cashier(simulator, params)).toEqual({ errMsg: 'requestPayment:ok' });
  },
);

it('refuses a v2 paySign made with another key, and an RSA signType on a v2 order', async () => {
  const prepayId = await v2Order();
  const otherKey = signPaymentV2({
    appId: APPID,
    prepayId,
    key: 'AnotherV2KeyOfSomeone01234567890',
    signType: 'MD5',
  });
  expect(await cashier(simulator, otherKey)).toMatchObject({
    errMsg: 'requestPayment:fail 支付验证签名失败',
  });
  const rsa = {
    ...signPaymentV2({ appId: APPID, prepayId, key: API_V2_KEY, signType: 'MD5' }),
    signType: 'RSA',
  };
  expect(await cashier(simulator, rsa)).toMatchObject({
    errMsg: 'requestPayment:fail 支付验证签名失败',
  });
});
