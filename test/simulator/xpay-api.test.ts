// Virtual payment's server APIs refuse as WeChat's do: HTTP 200 { errcode, errmsg } with the
// access_token checked (41001, 40001, 42001), pay_sig over the exact body with the AppKey of
// its env (268490003), orders of another user or env not found (268490002), refunds that do
// not match what is left (268490016), a refund_order_id reused for another amount (268490004).
import { signVirtualPayment } from 'miniprogram-pay/server';
import type { Simulator } from '../../simulator/src/server';
import {
  accessToken,
  cashierOf,
  hmac,
  login,
  OFFER_ID,
  registerFamilyMerchant,
  serverApi,
  VIRTUAL_KEYS,
} from './helpers/family';
import { advance, newOutTradeNo } from './helpers/flow';
import { registerMerchant, startTestSimulator } from './helpers/simulator';

let simulator: Simulator;
let alice: { openid: string; session_key: string };
let token: string;
beforeAll(async () => {
  simulator = await startTestSimulator();
  await registerFamilyMerchant(simulator, { mchid: '1900000901' });
  alice = await login(simulator, 'alice');
  token = await accessToken(simulator);
});
afterAll(async () => {
  await simulator.close();
});

async function paidOrder(): Promise<string> {
  const outTradeNo = newOutTradeNo('VP');
  const signData = { offerId: OFFER_ID, buyQuantity: 10, env: 0, currencyType: 'CNY', outTradeNo };
  const params = signVirtualPayment({
    mode: 'short_series_coin',
    signData,
    appKey: VIRTUAL_KEYS.production,
    sessionKey: alice.session_key,
  });
  await cashierOf(simulator, { api: 'requestVirtualPayment', params });
  return outTradeNo;
}

function call(uri: string, body: object, options: { appKey?: string; token?: string } = {}) {
  const appKey = options.appKey ?? VIRTUAL_KEYS.production;
  return serverApi(simulator, { uri, body, appKey, token: options.token ?? token });
}

const refusal = (errcode: number, words: string) => ({
  errcode,
  errmsg: expect.stringMatching(new RegExp(`^${words}.* rid: [0-9a-f]+-[0-9a-f]{8}-[0-9a-f]{8}$`)),
});

describe('/xpay/query_order', () => {
  it('answers the order by order_id or wx_order_id, as the user and env it was made for', async () => {
    const orderId = await paidOrder();
    const byOrderId = await call('/xpay/query_order', {
      openid: alice.openid,
      env: 0,
      order_id: orderId,
    });
    expect(byOrderId).toMatchObject({
      errcode: 0,
      errmsg: 'ok',
      order: {
        order_id: orderId,
        status: 2,
        order_fee: 100,
        paid_fee: 100,
        left_fee: 100,
        env_type: 1,
      },
    });
    const wxOrderId = (byOrderId.order as { wx_order_id: string }).wx_order_id;
    const byWxId = await call('/xpay/query_order', {
      openid: alice.openid,
      env: 0,
      wx_order_id: wxOrderId,
    });
    expect(byWxId.order).toEqual(byOrderId.order);
    expect(
      await call('/xpay/query_order', { openid: 'oSomeoneElse', env: 0, order_id: orderId }),
    ).toEqual(refusal(268490002, '数据不存在'));
    const sandbox = { openid: alice.openid, env: 1, order_id: orderId };
    expect(await call('/xpay/query_order', sandbox, { appKey: VIRTUAL_KEYS.sandbox })).toEqual(
      refusal(268490002, '数据不存在'),
    );
    const both = { openid: alice.openid, env: 0, order_id: orderId, wx_order_id: wxOrderId };
    expect(await call('/xpay/query_order', both)).toEqual(refusal(40097, 'invalid args'));
  });

  it('refuses a pay_sig not made with the AppKey of the env over the exact body', async () => {
    const body = { openid: alice.openid, env: 0, order_id: 'VP00000000' };
    expect(await call('/xpay/query_order', body, { appKey: VIRTUAL_KEYS.sandbox })).toEqual(
      refusal(268490003, '支付签名\\(pay_sig\\)校验失败'),
    );
    const text = JSON.stringify(body);
    const paySig = hmac(VIRTUAL_KEYS.production, `/xpay/query_order&${text}`);
    const respaced = await fetch(
      `${simulator.url}/xpay/query_order?access_token=${token}&pay_sig=${paySig}`,
      { method: 'POST', body: JSON.stringify(body, null, 1) },
    );
    expect(await respaced.json()).toEqual(refusal(268490003, '支付签名'));
    const unsigned = await fetch(`${simulator.url}/xpay/query_order?access_token=${token}`, {
      method: 'POST',
      body: text,
    });
    expect(await unsigned.json()).toEqual(refusal(268490003, '签名字段\\[pay_sig\\]为空'));
    const notJson = await fetch(
      `${simulator.url}/xpay/query_order?access_token=${token}&pay_sig=${paySig}`,
      { method: 'POST', body: 'openid=x' },
    );
    expect(await notJson.json()).toEqual(refusal(47001, 'data format error'));
  });

  it('refuses a missing or unknown access_token, and an app without virtual payment', async () => {
    const body = { openid: alice.openid, env: 0, order_id: 'VP00000000' };
    const missing = await fetch(`${simulator.url}/xpay/query_order`, {
      method: 'POST',
      body: '{}',
    });
    expect(await missing.json()).toEqual(refusal(41001, 'access_token missing'));
    expect(await call('/xpay/query_order', body, { token: 'not-a-token' })).toEqual(
      refusal(40001, 'invalid credential'),
    );
    await registerMerchant(simulator, {
      mchid: '1900000902',
      extra: { appids: ['wx6666666666666666'] },
    });
    const other = await fetch(
      `${simulator.url}/cgi-bin/token?grant_type=client_credential&appid=wx6666666666666666&secret=any`,
    );
    const otherToken = ((await other.json()) as { access_token: string }).access_token;
    expect(await call('/xpay/query_order', body, { token: otherToken })).toEqual(
      refusal(48001, 'api unauthorized'),
    );
  });
});

describe('/xpay/refund_order', () => {
  const refund = (orderId: string, changes: object = {}) => ({
    openid: alice.openid,
    env: 0,
    order_id: orderId,
    refund_order_id: `R${orderId}`,
    left_fee: 100,
    refund_fee: 40,
    refund_reason: '1',
    req_from: '1',
    ...changes,
  });

  it('refunds part, then the rest; a retry answers the same; another fee is 268490004', async () => {
    const orderId = await paidOrder();
    const first = await call('/xpay/refund_order', refund(orderId));
    expect(first).toMatchObject({ errcode: 0, refund_order_id: `R${orderId}` });
    expect(await call('/xpay/refund_order', refund(orderId))).toEqual(first);
    expect(await call('/xpay/refund_order', refund(orderId, { refund_fee: 50 }))).toEqual(
      refusal(268490004, '重复操作'),
    );
    expect(
      await call('/xpay/refund_order', refund(orderId, { refund_order_id: `S${orderId}` })),
    ).toEqual(refusal(268490016, '退款的left_fee字段与实际不符'));
    const rest = refund(orderId, { refund_order_id: `S${orderId}`, left_fee: 60, refund_fee: 70 });
    expect(await call('/xpay/refund_order', rest)).toEqual(refusal(40097, 'invalid args'));
    expect(await call('/xpay/refund_order', { ...rest, refund_fee: 60 })).toMatchObject({
      errcode: 0,
    });
    const query = { openid: alice.openid, env: 0, order_id: orderId };
    expect((await call('/xpay/query_order', query)).order).toMatchObject({
      status: 5,
      left_fee: 0,
    });
  });

  it('refuses a refund without refund_reason, naming it', async () => {
    const orderId = await paidOrder();
    const { refund_reason: _left, ...body } = refund(orderId);
    const answer = await call('/xpay/refund_order', body);
    expect(answer).toEqual(refusal(40097, 'invalid args, hint: \\[refund_reason is required.\\]'));
  });
});

it('an access_token expires after 7200 s of the test clock (42001)', async () => {
  const fresh = await accessToken(simulator);
  await advance(simulator, 7200);
  const body = { openid: alice.openid, env: 0, order_id: 'VP00000000' };
  expect(await call('/xpay/query_order', body, { token: fresh })).toEqual(
    refusal(42001, 'access_token expired'),
  );
});
