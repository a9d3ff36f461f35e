// B2b payment: wx.requestCommonPayment at the cashier (the mock backend's checks and the errors
// seen in the wild), the retail_pay_notify message push signed with the Token, and the server
// APIs getorder and closeb2border (pay_sig with the production AppKey).
import { signCommonPayment } from 'miniprogram-pay/server';
import type { Simulator } from '../../simulator/src/server';
import {
  accessToken,
  B2B_KEYS,
  cashierOf,
  hmac,
  login,
  PUSH_TOKEN,
  pushSignature,
  registerFamilyMerchant,
  serverApi,
} from './helpers/family';
import { newOutTradeNo } from './helpers/flow';
import { type Receiver, startReceiver } from './helpers/receiver';
import { APPID, startTestSimulator } from './helpers/simulator';

const MCHID = '1900001001';
let simulator: Simulator;
let receiver: Receiver;
let alice: { openid: string; session_key: string };
let token: string;
beforeAll(async () => {
  simulator = await startTestSimulator();
  receiver = await startReceiver(() => ({ status: 200, body: 'success' }));
  const pushUrl = receiver.url.replace('/pay/notify', '/pay/b2b-notify');
  await registerFamilyMerchant(simulator, { mchid: MCHID, pushUrl });
  alice = await login(simulator, 'alice');
  token = await accessToken(simulator);
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});
beforeEach(() => {
  receiver.received.length = 0;
});

function params(changes: object = {}, env: 0 | 1 = 0) {
  const outTradeNo = newOutTradeNo('B2B');
  const signData = {
    mchid: MCHID,
    out_trade_no: outTradeNo,
    description: 'Beans, case of 12',
    amount: { order_amount: 72000, currency: 'CNY' },
    attach: `order:${outTradeNo}`,
    env,
    ...changes,
  };
  const appKey = env === 0 ? B2B_KEYS.production : B2B_KEYS.sandbox;
  const signed = signCommonPayment({
    mode: 'retail_pay_goods',
    signData,
    appKey,
    sessionKey: alice.session_key,
  });
  return { outTradeNo, params: { ...signed } as Record<string, unknown> };
}

function pay(body: unknown, action: 'pay' | 'cancel' | 'fail' = 'pay') {
  return cashierOf(simulator, { api: 'requestCommonPayment', params: body, action });
}

function b2bApi(uri: string, body: object, appKey = B2B_KEYS.production) {
  return serverApi(simulator, { uri, body, appKey, token });
}

it('pays; pushes retail_pay_notify signed with the Token; getorder answers it paid', async () => {
  const { outTradeNo, params: body } = params();
  expect(await pay(body)).toEqual({ errMsg: 'requestCommonPayment:ok' });
  const [received] = await receiver.waitFor(1);
  if (!received) throw new Error('no push');
  const query = new URL(received.url, 'http://merchant').searchParams;
  const timestamp = query.get('timestamp') ?? '';
  expect(query.get('signature')).toBe(
    pushSignature(PUSH_TOKEN, timestamp, query.get('nonce') ?? ''),
  );
  const push = JSON.parse(received.body);
  expect(push).toEqual({
    ToUserName: expect.stringMatching(/^gh_/),
    FromUserName: alice.openid,
    CreateTime: Number(timestamp),
    MsgType: 'event',
    Event: 'retail_pay_notify',
    appid: APPID,
    mchid: MCHID,
    out_trade_no: outTradeNo,
    order_id: expect.stringMatching(/^o\d{24}$/),
    pay_status: 'ORDER_PAY_SUCC',
    pay_time: expect.any(Number),
    attach: `order:${outTradeNo}`,
    payer_openid: alice.openid,
    amount: { order_amount: 72000, payer_amount: 72000, currency: 'CNY' },
    wxpay_transaction_id: expect.stringMatching(/^42000/),
    env: 0,
  });
  const order = await b2bApi('/retail/B2b/getorder', { mchid: MCHID, order_id: push.order_id });
  expect(order).toMatchObject({
    errcode: 0,
    out_trade_no: outTradeNo,
    pay_status: 'ORDER_PAY_SUCC',
  });
  expect(await pay(body)).toEqual({
    errMsg: 'requestCommonPayment:fail 该订单已支付',
    errno: 702005,
  });
});

it('refuses with the errors seen in the wild', async () => {
  const { params: body } = params();
  const signData = String(body.signData);
  expect(await pay({ ...body, signData: JSON.parse(signData) })).toEqual({
    errMsg: 'requestCommonPayment:fail signData参数类型必须是string',
    errno: 1001,
  });
  const badPaySig = {
    errMsg: 'requestCommonPayment:fail webapi_wxa_createmidasorder:fail invalid pay signature',
    errno: 702003,
  };
  expect(await pay({ ...body, paySig: 'a'.repeat(64) })).toEqual(badPaySig);
  expect(await pay({ ...body, signData: signData.replace('72000', '72001') })).toEqual(badPaySig);
  const sandboxSig = hmac(B2B_KEYS.sandbox, `requestCommonPayment&${signData}`);
  expect(await pay({ ...body, paySig: sandboxSig })).toEqual(badPaySig);
  expect(await pay({ ...body, signature: 'a'.repeat(64) })).toEqual({
    errMsg: 'requestCommonPayment:fail webapi_wxa_createmidasorder:fail invalid signature',
    errno: 702002,
  });
  expect(receiver.received).toEqual([]);
});

it('refuses a signData by what is wrong with it, and an unknown mode', async () => {
  const wrong = async (changes: object) => (await pay(params(changes).params)).errMsg;
  const prefix = 'requestCommonPayment:fail webapi_wxa_createmidasorder:fail invalid signData:';
  expect(await wrong({ mchid: '1900000001' })).toBe(`${prefix} mchid is not this merchant`);
  expect(await wrong({ amount: {} })).toMatch(/order_amount must be a positive integer/);
  expect(await wrong({ out_trade_no: 'abc' })).toMatch(/out_trade_no must be 6-32/);
  expect(await wrong({ env: 3 })).toBe(`${prefix} env must be 0 or 1`);
  expect((await pay({ ...params().params, mode: 'retail_pay_nothing' })).errno).toBe(1001);
});

it('cancel and fail leave the order waiting; closeb2border closes it; the cashier refuses then', async () => {
  const { outTradeNo, params: body } = params();
  expect(await pay(body, 'cancel')).toEqual({ errMsg: 'requestCommonPayment:fail cancel' });
  expect(await pay(body, 'fail')).toEqual({
    errMsg: 'requestCommonPayment:fail 支付失败',
    errno: 700000,
  });
  const get = { mchid: MCHID, out_trade_no: outTradeNo };
  expect(await b2bApi('/retail/B2b/getorder', get)).toMatchObject({ pay_status: 'ORDER_PRE_PAY' });
  expect(await b2bApi('/retail/B2b/closeb2border', get)).toEqual({ errcode: 0, errmsg: 'ok' });
  expect(await pay(body)).toEqual({
    errMsg: 'requestCommonPayment:fail 订单已关闭',
    errno: 700000,
  });
  const unopened = params();
  const close = { mchid: MCHID, out_trade_no: unopened.outTradeNo };
  expect(await b2bApi('/retail/B2b/closeb2border', close)).toMatchObject({ errcode: 0 });
  expect((await pay(unopened.params)).errMsg).toBe('requestCommonPayment:fail 订单已关闭');
});

it("B2b's server APIs refuse a paid close, a sandbox pay_sig and a merchant without B2b", async () => {
  const { outTradeNo, params: body } = params();
  await pay(body);
  const order = { mchid: MCHID, out_trade_no: outTradeNo };
  expect(await b2bApi('/retail/B2b/closeb2border', order)).toMatchObject({
    errcode: 9403200,
    errmsg: expect.stringMatching(/^参数为空或非法 detail:\[订单已支付,不能关闭\] rid: /),
  });
  expect(await b2bApi('/retail/B2b/getorder', order, B2B_KEYS.sandbox)).toMatchObject({
    errcode: 9403200,
    errmsg: expect.stringMatching(/^参数为空或非法 detail:\[支付签名\[pay_sig\]校验失败\]/),
  });
  expect(
    await b2bApi('/retail/B2b/getorder', { mchid: MCHID, out_trade_no: 'NOSUCH01' }),
  ).toMatchObject({
    errcode: 9403200,
    errmsg: expect.stringContaining('订单不存在'),
  });
  expect(await b2bApi('/retail/B2b/getorder', { ...order, mchid: '1900000001' })).toMatchObject({
    errcode: 9403203,
  });
});
