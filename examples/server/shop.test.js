// The merchant server of docs/server-kit.md (examples/server/shop.js), for real on loopback,
// against the WeChat Pay simulator: its JSAPI order made by wechatpay-axios-plugin, its signed
// parameters paid at the simulator's cashier, a long-poll answered by the simulator's signed
// notification, a duplicate, forgeries, a product the shop does not sell.
const { createPublicKey, verify } = require('node:crypto');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { createNotification } = require('miniprogram-pay/server');
const { Wechatpay } = require('wechatpay-axios-plugin');
const { startSimulator } = require('../../simulator/src/server');
const { createShop } = require('./shop');
const { createOrderStore } = require('./orders');

const fixtures = path.join(__dirname, '../../test/fixtures');
const pem = (file) => readFileSync(path.join(fixtures, file), 'utf8');
const merchantKey = pem('vectors/wechatpay-doc-test-key.pem');
const platformKey = pem('server/wechatpay-public-key-private.pem');
const MERCHANT_SERIAL = '3775B6A45ACD588826D15E583A95F5DD00000001';
const keys = {
  appId: 'wxd678efh567hg6787',
  mchId: '1230000109',
  privateKey: merchantKey,
  apiV3Key: 'a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb',
};

let simulator;
let server;
let url;
let publicKeyId;
const orders = createOrderStore();

const post = (base, route, body, headers = { 'content-type': 'application/json' }) =>
  fetch(`${base}${route}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  simulator = await startSimulator({
    platformKeys: {
      certificatePrivateKey: pem('server/platform-cert-key.pem'),
      publicKeyPrivateKey: platformKey,
    },
  });
  // The merchant as WeChat Pay's merchant platform knows it; it answers the platform's keys.
  const registered = await (
    await post(simulator.url, '/sim/merchants', {
      mchid: keys.mchId,
      appids: [keys.appId],
      merchantSerial: MERCHANT_SERIAL,
      merchantPublicKey: createPublicKey(merchantKey).export({ type: 'spki', format: 'pem' }),
      apiV3Key: keys.apiV3Key,
    })
  ).json();
  publicKeyId = registered.publicKey.id;
  keys.platformKeys = { [publicKeyId]: registered.publicKey.pem };
  const wechatpay = new Wechatpay({
    mchid: keys.mchId,
    serial: MERCHANT_SERIAL,
    privateKey: merchantKey,
    certs: keys.platformKeys,
    baseURL: `${simulator.url}/`,
  });
  await new Promise((resolve) => {
    server = require('node:http').createServer();
    server.listen(0, '127.0.0.1', resolve);
  });
  url = `http://127.0.0.1:${server.address().port}`;
  server.on('request', createShop({ orders, wechatpay, keys, notifyUrl: `${url}/pay/notify` }));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await simulator.close();
});

/** The user pays at the simulator's cashier. */
const pay = (params, extra = {}) =>
  post(simulator.url, '/sim/cashier', { api: 'requestPayment', params, action: 'pay', ...extra });

/** The simulator's notifications of the order, with their attempts. */
async function notificationsOf(orderId) {
  const { notifications } = await (await fetch(`${simulator.url}/sim/notifications`)).json();
  return notifications.filter((notification) => notification.subject === orderId);
}

const notificationOf = async (orderId) => (await notificationsOf(orderId))[0];

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

/** A notification forged with the platform's key (a test fixture) for a transaction. */
function forged(orderId, changes = {}) {
  return createNotification({
    eventType: 'TRANSACTION.SUCCESS',
    resource: {
      appid: keys.appId,
      mchid: keys.mchId,
      out_trade_no: orderId,
      transaction_id: '4200000000000000000000000001',
      trade_state: 'SUCCESS',
      amount: { total: 6800, currency: 'CNY' },
      ...changes,
    },
    apiV3Key: keys.apiV3Key,
    privateKey: platformKey,
    serial: publicKeyId,
  });
}

test('pays: the order at WeChat Pay, signed parameters, a long-poll answered by the notification, a duplicate taken once', async () => {
  const created = await post(url, '/api/orders', { productId: 'coffee-beans', openid: 'oUser1' });
  expect(created.status).toBe(201);
  const { orderId, kind, params } = await created.json();
  expect(kind).toBe('payment');
  const { body: transactions } = {
    body: await (await fetch(`${simulator.url}/sim/transactions`)).json(),
  };
  expect(transactions.transactions).toContainEqual(
    expect.objectContaining({
      outTradeNo: orderId,
      total: 6800,
      description: 'Coffee beans, 250 g',
    }),
  );
  const message = `${keys.appId}\n${params.timeStamp}\n${params.nonceStr}\n${params.package}\n`;
  const publicKey = createPublicKey(merchantKey);
  expect(
    verify('sha256', Buffer.from(message), publicKey, Buffer.from(params.paySign, 'base64')),
  ).toBe(true);

  const status = fetch(`${url}/api/orders/${orderId}?waitMs=10000`).then((response) =>
    response.json(),
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect((await (await pay(params)).json()).errMsg).toBe('requestPayment:ok');
  const paid = await status;
  expect(paid).toMatchObject({
    orderId,
    state: 'paid',
    transactionId: expect.stringMatching(/^42000/),
  });

  // WeChat Pay sends the same notification again: taken once.
  while ((await notificationOf(orderId))?.state !== 'delivered') await tick();
  const key = encodeURIComponent(`${keys.mchId}||${orderId}`);
  const replay = `${simulator.url}/dashboard/transactions/${key}/replay-notification`;
  expect((await fetch(replay, { method: 'POST' })).status).toBe(200);
  const delivered = async () =>
    (await notificationsOf(orderId)).filter((notification) => notification.state === 'delivered');
  while ((await delivered()).length !== 2) await tick();
  expect(await (await fetch(`${url}/api/orders/${orderId}`)).json()).toEqual(paid);
});

test('refuses a product the shop does not sell, with a sentence naming it, and orders nothing', async () => {
  const before = (await (await fetch(`${simulator.url}/sim/transactions`)).json()).transactions
    .length;
  const refused = await post(url, '/api/orders', { productId: 'gift-card', openid: 'oUser4' });
  expect(refused.status).toBe(400);
  expect(await refused.json()).toEqual({
    error: { code: 'UNKNOWN_PRODUCT', message: 'no product "gift-card" in this shop' },
  });
  expect(
    (await (await fetch(`${simulator.url}/sim/transactions`)).json()).transactions,
  ).toHaveLength(before);
});

test('refuses a forged or tampered notification, and a wrong amount, with { code: FAIL }', async () => {
  const { orderId } = await (
    await post(url, '/api/orders', { productId: 'coffee-beans', openid: 'oUser2' })
  ).json();
  const { headers, body } = forged(orderId);
  const tampered = await post(url, '/pay/notify', body.replace('"id":"', '"id":"X'), headers);
  expect(tampered.status).toBe(401);
  expect(await tampered.json()).toMatchObject({ code: 'FAIL' });
  const probe = await post(simulator.url, '/sim/notifications/probe', {
    mchid: keys.mchId,
    url: `${url}/pay/notify`,
  });
  expect(await probe.json()).toMatchObject({ refused: true, status: 401 });
  const cheap = forged(orderId, { amount: { total: 1, currency: 'CNY' } });
  const refusedAmount = await post(url, '/pay/notify', cheap.body, cheap.headers);
  expect(refusedAmount.status).toBe(400);
  expect(await refusedAmount.json()).toEqual({
    code: 'FAIL',
    message: 'paid 1 fen, the order is 6800',
  });
  const stranger = forged('MP-not-on-this-server');
  const refusedOrder = await post(url, '/pay/notify', stranger.body, stranger.headers);
  expect(await refusedOrder.json()).toEqual({
    code: 'FAIL',
    message: 'no order MP-not-on-this-server on this server',
  });
  expect(await (await fetch(`${url}/api/orders/${orderId}`)).json()).toMatchObject({
    state: 'pending',
  });
});

test('answers 500 { code: FAIL } when the order cannot be updated; WeChat Pay retries, it is taken', async () => {
  const { orderId, params } = await (
    await post(url, '/api/orders', { productId: 'coffee-beans', openid: 'oUser3' })
  ).json();
  const markPaid = jest.spyOn(orders, 'markPaid').mockRejectedValueOnce(new Error('db down'));
  const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
  await pay(params, { notifyDelayMs: 0 });
  const attempts = async () => (await notificationOf(orderId))?.attempts ?? [];
  while ((await attempts()).length === 0) await tick();
  expect((await attempts())[0].status).toBe(500);
  expect(logged).toHaveBeenCalled();
  markPaid.mockRestore();
  logged.mockRestore();
  // WeChat Pay's first retry is 15 s later: the simulator's test clock jumps there.
  await post(simulator.url, '/sim/clock/advance', { seconds: 16 });
  while ((await orders.find(orderId)).state !== 'paid') await tick();
  expect((await attempts()).map((attempt) => attempt.status)).toEqual([500, 204]);
});
