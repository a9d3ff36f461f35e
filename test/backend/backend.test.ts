// npm run backend: the merchant server and the simulator on one port, the merchant reaching
// the simulator over HTTP; the dashboard's buttons keep the effect the merchant's API shows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type Backend, startBackend } from '../../scripts/lib/backend';
import {
  call,
  cashier,
  createOrder,
  eventually,
  orderStatus,
  TEST_KEYS,
  TEST_PLATFORM_KEYS,
} from '../merchant-server/helpers/servers';

let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({
    keys: TEST_KEYS,
    platformKeys: TEST_PLATFORM_KEYS,
    activeQueryAfterMs: -1,
  });
});

afterAll(async () => {
  await backend.close();
});

it('answers the merchant’s routes and the simulator’s on one port, each in its own shapes', async () => {
  expect((await call(backend, 'GET', '/health')).body).toEqual({ ok: true });
  expect((await call(backend, 'GET', '/api/products')).body.products.length).toBeGreaterThan(5);
  const page = await call(backend, 'GET', '/');
  expect(page.headers.get('content-type')).toMatch(/text\/html/);
  const merchants = (await call(backend, 'GET', '/sim/merchants')).body.merchants;
  expect(merchants).toEqual([expect.objectContaining({ mchid: backend.merchant.config.mchId })]);
  expect((await call(backend, 'GET', '/api/nothing')).body).toEqual({
    error: { code: 'NOT_FOUND', message: 'no route GET /api/nothing' },
  });
  const unsigned = await call(backend, 'GET', '/v3/pay/transactions/out-trade-no/X?mchid=1');
  expect([unsigned.status, unsigned.body.code]).toEqual([401, 'SIGN_ERROR']);
});

it('GET /sim/config says who the demo’s merchant is and how WeChat Pay treats it', async () => {
  const { body } = await call(backend, 'GET', '/sim/config');
  expect(body).toMatchObject({
    appId: backend.merchant.config.appId,
    mchId: backend.merchant.config.mchId,
    defaultOpenid: 'oMockDemoUser000000000000000',
    merchantSerial: backend.merchant.keys.merchantSerial,
    wechatpayPublicKeyId: expect.stringMatching(/^PUB_KEY_ID_/),
    activeQueryAfterMs: -1,
  });
  expect(body.notifyRetryDelaysMs.slice(0, 4)).toEqual([15_000, 15_000, 30_000, 180_000]);
});

it('pays an order at /sim/cashier on the same URL; WeChat Pay notifies the merchant', async () => {
  const order = await createOrder(backend, { productId: 'mug' });
  expect((await cashier(backend, order.params, { notifyDelayMs: 0 })).errMsg).toBe(
    'requestPayment:ok',
  );
  expect(await orderStatus(backend, order.orderId, 3000)).toMatchObject({
    state: 'paid',
    tradeState: 'SUCCESS',
  });
});

describe('the dashboard’s buttons', () => {
  it('Close closes the merchant’s order too, through its close route', async () => {
    const order = await createOrder(backend, { productId: 'mug' });
    const key = encodeURIComponent(`${backend.merchant.config.mchId}||${order.orderId}`);
    const closed = await call(backend, 'POST', `/dashboard/transactions/${key}/close`);
    expect(closed.status).toBe(200);
    expect(await orderStatus(backend, order.orderId)).toMatchObject({
      state: 'closed',
      tradeState: 'CLOSED',
    });
    const { body } = await call(backend, 'GET', '/sim/transactions');
    expect(body.transactions).toContainEqual(
      expect.objectContaining({ outTradeNo: order.orderId, tradeState: 'CLOSED' }),
    );
    const paid = await createOrder(backend, { productId: 'mug' });
    await cashier(backend, paid.params, { dropNotify: true });
    const refused = await call(
      backend,
      'POST',
      `/dashboard/transactions/${encodeURIComponent(`${backend.merchant.config.mchId}||${paid.orderId}`)}/close`,
    );
    expect([refused.status, refused.body.code]).toEqual([409, 'ORDER_ALREADY_PAID']);
  });

  it('Refund reaches the merchant as WeChat’s refund notification', async () => {
    const order = await createOrder(backend, { productId: 'mug' });
    await cashier(backend, order.params, { notifyDelayMs: 0 });
    expect((await orderStatus(backend, order.orderId, 3000)).state).toBe('paid');
    const key = encodeURIComponent(`${backend.merchant.config.mchId}||${order.orderId}`);
    expect((await call(backend, 'POST', `/dashboard/transactions/${key}/refund`)).status).toBe(200);
    await call(backend, 'POST', '/sim/clock/advance', { seconds: 2 });
    await eventually(async () => (await orderStatus(backend, order.orderId)).state === 'refunded');
  });
});

it('restarted on its port with its data directory, it knows its orders, at both', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'backend-'));
  try {
    const first = await startBackend({
      keys: TEST_KEYS,
      platformKeys: TEST_PLATFORM_KEYS,
      dataDir,
    });
    const order = await createOrder(first, { productId: 'mug' });
    await cashier(first, order.params, { dropNotify: true });
    await first.close();
    const second = await startBackend({
      keys: TEST_KEYS,
      platformKeys: TEST_PLATFORM_KEYS,
      dataDir,
      port: first.port,
    });
    try {
      // The notification was never sent: the merchant's query finds the payment at the simulator.
      expect(await orderStatus(second, order.orderId)).toMatchObject({
        state: 'paid',
        tradeState: 'SUCCESS',
      });
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
