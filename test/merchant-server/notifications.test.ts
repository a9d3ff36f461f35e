// What the merchant refuses of what WeChat sends: notifications and pushes forged here with
// node:crypto alone (not the kit that verifies them), signed with the keys WeChat holds (the
// simulator's fixture platform key, the merchant's AppKeys and Token), that do not fit the order.
import { createCipheriv, createHash, createHmac, randomBytes, randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { MerchantServer } from '../../demo-miniprogram/merchant-server/src/server';
import type { Simulator } from '../../simulator/src/server';
import {
  call,
  createOrder,
  orderStatus,
  startTestMerchant,
  startTestSimulator,
  TEST_KEYS,
} from './helpers/servers';

const PLATFORM_KEY = readFileSync(
  path.join(__dirname, '../fixtures/server/wechatpay-public-key-private.pem'),
  'utf8',
);

let simulator: Simulator;
let merchant: MerchantServer;
let openid: string;

beforeAll(async () => {
  simulator = await startTestSimulator();
  merchant = await startTestMerchant(simulator, { activeQueryAfterMs: -1 });
  openid = (await call(merchant, 'POST', '/api/login', { code: 'refusals' })).body.openid;
});

afterAll(async () => {
  await merchant.close();
  await simulator.close();
});

/** A v3 notification as WeChat Pay sends it: the resource sealed with the APIv3 key, signed. */
function v3Notification(
  resource: object,
  options: { timestamp?: number; eventType?: string } = {},
) {
  const nonce = randomBytes(6).toString('hex');
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(TEST_KEYS.apiV3Key), Buffer.from(nonce));
  cipher.setAAD(Buffer.from('transaction'));
  const sealed = Buffer.concat([
    cipher.update(JSON.stringify(resource)),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const body = JSON.stringify({
    id: randomUUID(),
    create_time: '2024-01-01T12:00:00+08:00',
    event_type: options.eventType ?? 'TRANSACTION.SUCCESS',
    resource_type: 'encrypt-resource',
    summary: '支付成功',
    resource: {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: sealed.toString('base64'),
      associated_data: 'transaction',
      nonce,
    },
  });
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const headerNonce = randomUUID();
  const signature = sign(
    'sha256',
    Buffer.from(`${timestamp}\n${headerNonce}\n${body}\n`),
    PLATFORM_KEY,
  );
  return call(merchant, 'POST', '/pay/notify', body, {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': headerNonce,
    'wechatpay-signature': signature.toString('base64'),
    'wechatpay-serial': merchant.platformKeys.publicKey.id,
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
  });
}

const transaction = (orderId: string, changes: object = {}) => ({
  appid: merchant.config.appId,
  mchid: merchant.config.mchId,
  out_trade_no: orderId,
  transaction_id: '4200000000000000000000000001',
  trade_type: 'JSAPI',
  trade_state: 'SUCCESS',
  trade_state_desc: '支付成功',
  success_time: '2024-01-01T12:00:00+08:00',
  payer: { openid: 'oMockDemoUser000000000000000' },
  amount: { total: 3900, currency: 'CNY' },
  ...changes,
});

describe('/pay/notify (v3)', () => {
  it('takes a genuine one, and refuses what does not fit the order, saying what', async () => {
    const order = await createOrder(merchant, { productId: 'mug' });
    const refusals = [
      [{ amount: { total: 1, currency: 'CNY' } }, 400, 'amount.total does not match the order'],
      [{ payer: { openid: 'oSomeoneElse' } }, 400, 'payer.openid does not match the order'],
      [{ mchid: '1900000000' }, 400, 'mchid does not match the order'],
      [{ out_trade_no: 'MPnope' }, 404, 'no order MPnope of this merchant'],
    ] as const;
    for (const [changes, status, message] of refusals) {
      const answer = await v3Notification(transaction(order.orderId, changes));
      expect([answer.status, answer.body]).toEqual([status, { code: 'FAIL', message }]);
    }
    expect((await orderStatus(merchant, order.orderId)).state).toBe('pending');
    expect((await v3Notification(transaction(order.orderId))).status).toBe(204);
    expect(await orderStatus(merchant, order.orderId)).toMatchObject({
      state: 'paid',
      transactionId: '4200000000000000000000000001',
      paidAt: '2024-01-01T12:00:00+08:00',
    });
  });

  it('refuses a timestamp 301 s old; acknowledges an event it does not handle', async () => {
    const order = await createOrder(merchant, { productId: 'mug' });
    const stale = await v3Notification(transaction(order.orderId), {
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect(stale.status).toBe(401);
    expect(stale.body.message).toMatch(/is 301 s old/);
    expect(
      (await v3Notification({ any: 'thing' }, { eventType: 'PROFITSHARING.FINISHED' })).status,
    ).toBe(204);
  });

  it('a late success never reopens a closed order', async () => {
    const order = await createOrder(merchant, { productId: 'mug' });
    await call(merchant, 'POST', `/api/orders/${order.orderId}/close`);
    expect((await v3Notification(transaction(order.orderId))).status).toBe(204);
    expect((await orderStatus(merchant, order.orderId)).state).toBe('closed');
  });
});

/** A virtual payment push as the simulator sends it: `pay_sig` with the AppKey of its Env. */
function virtualPush(body: Record<string, unknown>, appKey = TEST_KEYS.virtualAppKeyProduction) {
  const text = JSON.stringify({
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'event',
    ...body,
  });
  const paySig = createHmac('sha256', appKey).update(`/pay/virtual-notify&${text}`).digest('hex');
  return call(merchant, 'POST', `/pay/virtual-notify?pay_sig=${paySig}`, text);
}

describe('/pay/virtual-notify', () => {
  const goodsPush = (orderId: string, changes: object = {}) => ({
    Event: 'xpay_goods_deliver_notify',
    OpenId: openid,
    OutTradeNo: orderId,
    Env: 0,
    WeChatPayInfo: {
      MchOrderNo: 'x1',
      TransactionId: '4200000000000000000000000042',
      PaidTime: 1_700_000_000,
    },
    GoodsInfo: {
      ProductId: 'extra-life',
      Quantity: 1,
      OrigPrice: 600,
      ActualPrice: 600,
      Attach: '',
    },
    ...changes,
  });

  it('settles only the order it was made for: its env, its mode, its price', async () => {
    const order = await createOrder(merchant, { productId: 'extra-life', openid });
    const sandbox = await virtualPush(
      { ...goodsPush(order.orderId), Env: 1 },
      TEST_KEYS.virtualAppKeySandbox,
    );
    expect([sandbox.status, sandbox.body.ErrMsg]).toEqual([
      400,
      `Env 1 (sandbox) does not match order ${order.orderId}, made for env 0 (production)`,
    ]);
    const coins = await virtualPush({
      ...goodsPush(order.orderId),
      Event: 'xpay_coin_pay_notify',
      CoinInfo: { ActualPrice: 600 },
    });
    expect(coins.body.ErrMsg).toBe(
      `xpay_coin_pay_notify is a coin top-up push; order ${order.orderId} is an item purchase (short_series_goods)`,
    );
    const cheap = await virtualPush(
      goodsPush(order.orderId, { GoodsInfo: { ProductId: 'extra-life', ActualPrice: 1 } }),
    );
    expect(cheap.body.ErrMsg).toBe('the price does not match the order');
    const stale = await virtualPush({
      ...goodsPush(order.orderId),
      CreateTime: Math.floor(Date.now() / 1000) - 301,
    });
    expect([stale.status, stale.body.ErrMsg]).toEqual([
      401,
      'CreateTime is more than 5 minutes away from now',
    ]);
    expect((await orderStatus(merchant, order.orderId)).state).toBe('pending');
    expect((await virtualPush(goodsPush(order.orderId))).body).toEqual({
      ErrCode: 0,
      ErrMsg: 'success',
    });
    expect((await orderStatus(merchant, order.orderId)).tradeState).toBe('DELIVERED');
  });
});

describe('/pay/b2b-notify', () => {
  const push = (body: object) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = '12345';
    const signature = createHash('sha1')
      .update([TEST_KEYS.messagePushToken, timestamp, nonce].sort().join(''))
      .digest('hex');
    return call(
      merchant,
      'POST',
      `/pay/b2b-notify?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`,
      JSON.stringify(body),
    );
  };

  it('refuses another mini program’s push and one that is not the order’s', async () => {
    const order = await createOrder(merchant, { productId: 'b2b-beans-case', openid });
    const base = {
      MsgType: 'event',
      Event: 'retail_pay_notify',
      appid: merchant.config.appId,
      mchid: merchant.config.mchId,
      out_trade_no: order.orderId,
      order_id: '1000000000000000001',
      pay_status: 'ORDER_PAY_SUCC',
      pay_time: 1_700_000_000,
      payer_openid: openid,
      amount: { order_amount: 72000 },
      env: 0,
    };
    const other = await push({ ...base, appid: 'wxanother' });
    expect([other.status, other.body.error]).toEqual([
      400,
      { code: 'BAD_PUSH', message: 'appid is not this mini program' },
    ]);
    const payer = await push({ ...base, payer_openid: 'oSomeoneElse' });
    expect([payer.status, payer.body.error.code]).toEqual([400, 'PUSH_REJECTED']);
    const taken = await push(base);
    expect([taken.status, taken.text]).toEqual([200, 'success']);
    expect(await orderStatus(merchant, order.orderId)).toMatchObject({
      state: 'paid',
      transactionId: '1000000000000000001',
    });
  });
});
