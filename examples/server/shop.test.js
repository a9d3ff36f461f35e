// The merchant server of docs/server-kit.md (examples/server/shop.js), for real on loopback: an
// order, its signed parameters, a long-poll answered by the signed notification, duplicates,
// forgeries, a product the shop does not sell.
const { createPublicKey, verify } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { createNotification } = require('miniprogram-pay/server');
const { createShop } = require('./shop');
const { createOrderStore } = require('./orders');

const fixtures = path.join(__dirname, '../../test/fixtures');
const pem = (file) => readFileSync(path.join(fixtures, file), 'utf8');
const merchantKey = pem('vectors/wechatpay-doc-test-key.pem');
const platformKey = pem('server/wechatpay-public-key-private.pem');
const PUB_KEY_ID = 'PUB_KEY_ID_0114232024052300000011112222';
const keys = {
  appId: 'wxd678efh567hg6787',
  mchId: '1230000109',
  privateKey: merchantKey,
  apiV3Key: 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
  platformKeys: { [PUB_KEY_ID]: pem('server/wechatpay-public-key.pem') },
};

let server;
let url;
const orders = createOrderStore();
const wechatPay = {
  createJsapiOrder: jest.fn(async () => ({ prepay_id: 'wx201410272009395522657a690389285100' })),
};

beforeAll(async () => {
  const app = createShop({ orders, wechatPay, keys });
  await new Promise((resolve) => {
    server = app.listen(0, '127.0.0.1', resolve);
  });
  url = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const post = (route, body, headers = { 'content-type': 'application/json' }) =>
  fetch(`${url}${route}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

function notify(orderId, changes = {}) {
  const transaction = {
    appid: keys.appId,
    mchid: keys.mchId,
    out_trade_no: orderId,
    transaction_id: '4200000000000000000000000001',
    trade_state: 'SUCCESS',
    amount: { total: 6800, currency: 'CNY' },
    ...changes,
  };
  return createNotification({
    eventType: 'TRANSACTION.SUCCESS',
    resource: transaction,
    apiV3Key: keys.apiV3Key,
    privateKey: platformKey,
    serial: PUB_KEY_ID,
  });
}

test('pays: signed parameters, a long-poll answered by the notification, a duplicate taken once', async () => {
  const created = await post('/api/orders', { productId: 'coffee-beans', openid: 'oUser1' });
  expect(created.status).toBe(201);
  const { orderId, kind, params } = await created.json();
  expect(kind).toBe('payment');
  expect(wechatPay.createJsapiOrder).toHaveBeenCalledWith(
    expect.objectContaining({
      out_trade_no: orderId,
      description: 'Coffee beans, 250 g',
      amount: { total: 6800, currency: 'CNY' },
    }),
  );
  const message = `${keys.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
  expect(
    verify(
      'sha256',
      Buffer.from(message),
      createPublicKey(merchantKey),
      Buffer.from(params.paySign, 'base64'),
    ),
  ).toBe(true);

  const status = fetch(`${url}/api/orders/${orderId}?waitMs=10000`).then((response) =>
    response.json(),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  const { headers, body } = notify(orderId);
  expect((await post('/pay/notify', body, headers)).status).toBe(204);
  expect(await status).toMatchObject({
    orderId,
    state: 'paid',
    transactionId: '4200000000000000000000000001',
  });

  expect((await post('/pay/notify', body, headers)).status).toBe(204);
  expect((await orders.find(orderId)).state).toBe('paid');
});

test('refuses a product the shop does not sell, with a sentence naming it', async () => {
  const jsapiOrders = wechatPay.createJsapiOrder.mock.calls.length;
  const refused = await post('/api/orders', { productId: 'gift-card', openid: 'oUser4' });
  expect(refused.status).toBe(400);
  expect(await refused.json()).toEqual({
    error: { code: 'UNKNOWN_PRODUCT', message: 'no product "gift-card" in this shop' },
  });
  expect(wechatPay.createJsapiOrder).toHaveBeenCalledTimes(jsapiOrders);
});

test('refuses a forged or tampered notification, and a wrong amount, with { code: FAIL }', async () => {
  const { orderId } = await (
    await post('/api/orders', { productId: 'coffee-beans', openid: 'oUser2' })
  ).json();
  const { headers, body } = notify(orderId);
  const tampered = await post('/pay/notify', body.replace('"id":"', '"id":"X'), headers);
  expect(tampered.status).toBe(401);
  expect(await tampered.json()).toMatchObject({ code: 'FAIL' });
  const cheap = notify(orderId, { amount: { total: 1, currency: 'CNY' } });
  const refusedAmount = await post('/pay/notify', cheap.body, cheap.headers);
  expect(refusedAmount.status).toBe(400);
  expect(await refusedAmount.json()).toEqual({
    code: 'FAIL',
    message: 'paid 1 fen, the order is 6800',
  });
  const stranger = notify('MP-not-on-this-server');
  const refusedOrder = await post('/pay/notify', stranger.body, stranger.headers);
  expect(await refusedOrder.json()).toEqual({
    code: 'FAIL',
    message: 'no order MP-not-on-this-server on this server',
  });
  const answer = await fetch(`${url}/api/orders/${orderId}`);
  expect(await answer.json()).toMatchObject({ state: 'pending' });
});

test('answers 500 { code: FAIL } when the order cannot be updated, so that WeChat Pay retries', async () => {
  const { orderId } = await (
    await post('/api/orders', { productId: 'coffee-beans', openid: 'oUser3' })
  ).json();
  const markPaid = jest.spyOn(orders, 'markPaid').mockRejectedValueOnce(new Error('db down'));
  const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
  const { headers, body } = notify(orderId);
  const refused = await post('/pay/notify', body, headers);
  expect(refused.status).toBe(500);
  expect(await refused.json()).toEqual({ code: 'FAIL', message: 'try again later' });
  expect(logged).toHaveBeenCalled();
  markPaid.mockRestore();
  logged.mockRestore();
  expect((await post('/pay/notify', body, headers)).status).toBe(204);
  expect((await orders.find(orderId)).state).toBe('paid');
});
