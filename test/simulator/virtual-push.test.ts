// Virtual payment's pushes to the merchant's registered URL, as the mock backend sends them:
// the delivery push of a paid order (pay_sig with the AppKey of its env, and the message push
// signature with the Token), retried on WeChat's schedule; delivered once acknowledged; the
// refund push after /xpay/refund_order; notify_provide_goods when a push was lost.
import { signVirtualPayment } from 'miniprogram-pay/server';
import type { Simulator } from '../../simulator/src/server';
import {
  accessToken,
  cashierOf,
  getJson,
  hmac,
  login,
  OFFER_ID,
  PUSH_TOKEN,
  pushSignature,
  registerFamilyMerchant,
  serverApi,
  until,
  VIRTUAL_KEYS,
} from './helpers/family';
import { advance, newOutTradeNo } from './helpers/flow';
import { type Received, type Receiver, startReceiver } from './helpers/receiver';
import { startTestSimulator } from './helpers/simulator';

const ACK = { status: 200, body: JSON.stringify({ ErrCode: 0, ErrMsg: 'success' }) };

let simulator: Simulator;
let receiver: Receiver;
let alice: { openid: string; session_key: string };
let token: string;
beforeAll(async () => {
  simulator = await startTestSimulator();
  receiver = await startReceiver(() => ACK);
  const pushUrl = receiver.url.replace('/pay/notify', '/pay/virtual-notify');
  await registerFamilyMerchant(simulator, { mchid: '1900000801', pushUrl });
  alice = await login(simulator, 'alice');
  token = await accessToken(simulator);
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  receiver.answer = () => ACK;
});

/** A paid order of alice's; answers its outTradeNo. */
async function paidOrder(
  mode: 'short_series_goods' | 'short_series_coin',
  options: { env?: 0 | 1; extra?: Record<string, unknown> } = {},
): Promise<string> {
  const env = options.env ?? 0;
  const outTradeNo = newOutTradeNo('VP');
  const item = mode === 'short_series_goods' ? { productId: 'sword-skin', goodsPrice: 600 } : {};
  const signData = {
    offerId: OFFER_ID,
    buyQuantity: mode === 'short_series_goods' ? 2 : 60,
    env,
    currencyType: 'CNY',
    ...item,
    outTradeNo,
    attach: 'attach-of-the-order',
  };
  const appKey = env === 0 ? VIRTUAL_KEYS.production : VIRTUAL_KEYS.sandbox;
  const params = signVirtualPayment({ mode, signData, appKey, sessionKey: alice.session_key });
  const answer = await cashierOf(simulator, {
    api: 'requestVirtualPayment',
    params,
    ...options.extra,
  });
  expect(answer).toEqual({ errMsg: 'requestVirtualPayment:ok' });
  return outTradeNo;
}

/** The merchant's checks of a push: pay_sig over path & body, and the Token signature. */
function verifyPush(received: Received, appKey: string): Record<string, unknown> {
  const url = new URL(received.url, 'http://merchant');
  expect(url.pathname).toBe('/pay/virtual-notify');
  const query = url.searchParams;
  expect(query.get('pay_sig')).toBe(hmac(appKey, `/pay/virtual-notify&${received.body}`));
  const timestamp = query.get('timestamp') ?? '';
  expect(query.get('signature')).toBe(
    pushSignature(PUSH_TOKEN, timestamp, query.get('nonce') ?? ''),
  );
  expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(300);
  return JSON.parse(received.body);
}

function queryOrder(orderId: string, env: 0 | 1 = 0) {
  const appKey = env === 0 ? VIRTUAL_KEYS.production : VIRTUAL_KEYS.sandbox;
  const body = { openid: alice.openid, env, order_id: orderId };
  return serverApi(simulator, { uri: '/xpay/query_order', body, appKey, token });
}

const statusOf = async (outTradeNo: string, env: 0 | 1 = 0) =>
  ((await queryOrder(outTradeNo, env)).order as { status: number }).status;

it('pushes xpay_goods_deliver_notify, signed; acknowledged, the order is delivered (4)', async () => {
  const outTradeNo = await paidOrder('short_series_goods');
  const [received] = await receiver.waitFor(1);
  if (!received) throw new Error('no push');
  expect(verifyPush(received, VIRTUAL_KEYS.production)).toEqual({
    ToUserName: expect.stringMatching(/^gh_[0-9a-f]{12}$/),
    FromUserName: alice.openid,
    CreateTime: expect.any(Number),
    MsgType: 'event',
    Event: 'xpay_goods_deliver_notify',
    OpenId: alice.openid,
    Env: 0,
    OutTradeNo: outTradeNo,
    WeChatPayInfo: {
      MchOrderNo: expect.stringMatching(/^xpay\d{24}$/),
      TransactionId: expect.stringMatching(/^42000\d{23}$/),
      PaidTime: expect.any(Number),
    },
    GoodsInfo: {
      ProductId: 'sword-skin',
      Quantity: 2,
      OrigPrice: 1200,
      ActualPrice: 1200,
      Attach: 'attach-of-the-order',
    },
  });
  expect(
    await until(
      () => statusOf(outTradeNo),
      (status) => status === 4,
    ),
  ).toBe(4);
});

it('pushes xpay_coin_pay_notify for a top-up, signed with the sandbox AppKey in env 1', async () => {
  const outTradeNo = await paidOrder('short_series_coin', { env: 1 });
  const [received] = await receiver.waitFor(1);
  if (!received) throw new Error('no push');
  expect(verifyPush(received, VIRTUAL_KEYS.sandbox)).toMatchObject({
    Event: 'xpay_coin_pay_notify',
    Env: 1,
    OutTradeNo: outTradeNo,
    CoinInfo: { Quantity: 60, OrigPrice: 600, ActualPrice: 600 },
  });
  expect(await statusOf(outTradeNo, 1)).toBe(2);
});

it('retries a push the merchant did not acknowledge, 15 s later on the test clock', async () => {
  receiver.answer = () => ({ status: 200, body: JSON.stringify({ ErrCode: -1, ErrMsg: 'busy' }) });
  const outTradeNo = await paidOrder('short_series_goods');
  await receiver.waitFor(1);
  receiver.answer = () => ACK;
  await advance(simulator, 15);
  await receiver.waitFor(2);
  const { body } = await getJson(simulator, '/sim/notifications');
  const push = (
    body.notifications as { subject: string; attempts: { status: number }[]; state: string }[]
  ).find((item) => item.subject === outTradeNo);
  expect(push?.attempts.map((attempt) => attempt.status)).toEqual([200, 200]);
  expect(push?.state).toBe('delivered');
  expect(
    await until(
      () => statusOf(outTradeNo),
      (status) => status === 4,
    ),
  ).toBe(4);
});

it('refund_order refunds it (5) and pushes xpay_refund_notify', async () => {
  const outTradeNo = await paidOrder('short_series_goods');
  await receiver.waitFor(1);
  const refund = {
    openid: alice.openid,
    env: 0,
    order_id: outTradeNo,
    refund_order_id: `R${outTradeNo}`,
    left_fee: 1200,
    refund_fee: 1200,
    refund_reason: '3',
    req_from: '2',
  };
  const appKey = VIRTUAL_KEYS.production;
  const answer = await serverApi(simulator, {
    uri: '/xpay/refund_order',
    body: refund,
    appKey,
    token,
  });
  expect(answer).toEqual({
    errcode: 0,
    errmsg: 'ok',
    refund_order_id: `R${outTradeNo}`,
    refund_wx_order_id: expect.stringMatching(/^46\d{26}$/),
    pay_order_id: outTradeNo,
    pay_wx_order_id: expect.stringMatching(/^45\d{26}$/),
  });
  const [, pushed] = await receiver.waitFor(2);
  if (!pushed) throw new Error('no refund push');
  expect(verifyPush(pushed, appKey)).toMatchObject({
    Event: 'xpay_refund_notify',
    MchOrderId: outTradeNo,
    MchRefundId: `R${outTradeNo}`,
    WxRefundId: answer.refund_wx_order_id,
    RefundFee: 1200,
    RetCode: 0,
  });
  expect((await queryOrder(outTradeNo)).order).toMatchObject({ status: 5, left_fee: 0 });
  expect((await queryOrder(`R${outTradeNo}`)).order).toMatchObject({
    order_type: 1,
    refund_fee: 1200,
  });
});

it('notify_provide_goods marks delivered an order whose push was held back', async () => {
  const outTradeNo = await paidOrder('short_series_goods', { extra: { dropNotify: true } });
  expect(await statusOf(outTradeNo)).toBe(2);
  const body = { order_id: outTradeNo, env: 0 };
  const appKey = VIRTUAL_KEYS.production;
  expect(
    await serverApi(simulator, { uri: '/xpay/notify_provide_goods', body, appKey, token }),
  ).toEqual({ errcode: 0, errmsg: 'ok' });
  expect(await statusOf(outTradeNo)).toBe(4);
  expect(receiver.received).toEqual([]);
});
