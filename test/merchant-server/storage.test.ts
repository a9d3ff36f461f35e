// Where orders live: in memory by default, across a restart with a data directory, and with
// Redis, shared by instances that are one merchant and answer each other's status requests.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startMerchantServer } from '../../demo-miniprogram/merchant-server/src/server';
import { startRedis } from '../../scripts/lib/redis-server.cjs';
import type { Simulator } from '../../simulator/src/server';
import {
  call,
  cashier,
  createOrder,
  orderStatus,
  startTestMerchant,
  startTestSimulator,
} from './helpers/servers';

let simulator: Simulator;

beforeAll(async () => {
  simulator = await startTestSimulator();
});

afterAll(async () => {
  await simulator.close();
});

it('in memory by default: a restarted server knows no order', async () => {
  const first = await startTestMerchant(simulator);
  const order = await createOrder(first, { productId: 'mug' });
  await first.close();
  const second = await startTestMerchant(simulator);
  try {
    expect((await call(second, 'GET', `/api/orders/${order.orderId}`)).status).toBe(404);
  } finally {
    await second.close();
  }
});

it('with a data directory: the keys made at the first start and the orders survive a restart', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'merchant-server-'));
  try {
    const first = await startMerchantServer({ simulatorUrl: simulator.url, dataDir });
    const order = await createOrder(first, { productId: 'mug' });
    await cashier(simulator, order.params, { notifyDelayMs: 0 });
    const paid = await orderStatus(first, order.orderId, 3000);
    expect(paid.state).toBe('paid');
    await first.close();
    const stored = JSON.parse(readFileSync(path.join(dataDir, 'merchant-server.json'), 'utf8'));
    expect(JSON.parse(stored['merchant-keys']).merchantPrivateKeyPem).toContain('PRIVATE KEY');
    expect(JSON.parse(stored[`orders:${order.orderId}`])).toMatchObject({ status: 'SUCCESS' });
    const second = await startMerchantServer({ simulatorUrl: simulator.url, dataDir });
    try {
      expect(second.keys.merchantPublicKeyPem).toBe(first.keys.merchantPublicKeyPem);
      expect(await orderStatus(second, order.orderId)).toEqual(paid);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it('refuses a data directory with Redis, and a Redis URL that is not one, naming them', async () => {
  await expect(
    startMerchantServer({
      simulatorUrl: simulator.url,
      dataDir: '/tmp/x',
      redisUrl: 'redis://127.0.0.1:1',
    }),
  ).rejects.toThrow(
    'options.dataDir (--data-dir) cannot go with options.redisUrl (--redis or REDIS_URL)',
  );
  await expect(
    startMerchantServer({ simulatorUrl: simulator.url, redisUrl: 'http://cache' }),
  ).rejects.toThrow(
    'options.redisUrl (--redis or REDIS_URL) must be a redis://host:port, rediss://host:port or unix:///path/to/redis.sock URL, got "http://cache" (protocol http:)',
  );
  await expect(startMerchantServer({ simulatorUrl: 'not a url' })).rejects.toThrow(
    'options.simulatorUrl (--simulator or SIMULATOR_URL) must be the http(s) URL of a WeChat Pay simulator',
  );
});

describe('two instances on one Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;

  beforeAll(async () => {
    redis = await startRedis();
  });

  afterAll(async () => {
    await redis.stop();
  });

  it('are one merchant: the first makes the keys, the second reads them; both see every order', async () => {
    const redisUrl = `unix://${redis.path}`;
    const a = await startMerchantServer({
      simulatorUrl: simulator.url,
      redisUrl,
      activeQueryAfterMs: -1,
    });
    const b = await startMerchantServer({
      simulatorUrl: simulator.url,
      redisUrl,
      activeQueryAfterMs: -1,
    });
    try {
      expect(b.keys.merchantPublicKeyPem).toBe(a.keys.merchantPublicKeyPem);
      expect(b.platformKeys).toEqual(a.platformKeys);
      const order = await createOrder(a, { productId: 'mug' });
      expect(await orderStatus(b, order.orderId)).toMatchObject({
        state: 'pending',
        tradeState: 'NOTPAY',
      });

      // Held on B; paid at the cashier; WeChat Pay notifies A (the order's notify_url): A's
      // change wakes B's request through Redis.
      const held = orderStatus(b, order.orderId, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const paidAt = Date.now();
      await cashier(simulator, order.params, { notifyDelayMs: 0 });
      const answer = await held;
      expect(answer.state).toBe('paid');
      expect(Date.now() - paidAt).toBeLessThan(2000);
      expect(await orderStatus(a, order.orderId)).toEqual(answer);

      const other = await createOrder(b, { productId: 'sticker' });
      expect((await call(a, 'POST', `/api/orders/${other.orderId}/close`)).body.state).toBe(
        'closed',
      );
      expect((await orderStatus(b, other.orderId)).state).toBe('closed');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a Redis that cannot be reached fails the start, saying where', async () => {
    await expect(
      startMerchantServer({
        simulatorUrl: simulator.url,
        redisUrl: 'unix:///nonexistent/redis.sock',
      }),
    ).rejects.toThrow(
      '[merchant-server] cannot connect to Redis at unix:///nonexistent/redis.sock',
    );
  });
});
