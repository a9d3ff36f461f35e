// Mock backend README "Several instances": two backends sharing one data directory and one
// redis-server (a unix socket in a temp directory) answer each other's long-polls.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createClient } from 'redis';
import type { MockBackend } from '../../demo-miniprogram/mock-backend/src/server';
import { startRedis, type TestRedis } from '../../scripts/lib/redis-server.cjs';
import { call, cashier, createOrder, orderStatus, startTestBackend } from './helpers/backend';
import { killBackend, spawnBackend, stopBackend, waitForListening } from './helpers/cli-process';

let redis: TestRedis;
let dataDir: string;
const running: MockBackend[] = [];

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await redis?.stop();
});

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mock-backend-shared-'));
});

afterEach(async () => {
  for (const backend of running.splice(0)) await backend.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** A backend on port 0 over the shared data directory; with the shared Redis unless `alone`. */
async function instance(alone = false): Promise<MockBackend> {
  const backend = await startTestBackend({
    memory: false,
    dataDir,
    activeQueryAfterMs: -1,
    ...(alone ? {} : { redisUrl: `unix://${redis.path}` }),
  });
  running.push(backend);
  return backend;
}

/** Holds `GET /api/orders/:id?waitMs=N` on `backend`; its answer and when it came. */
function hold(backend: { url: string }, orderId: string, waitMs: number) {
  const started = Date.now();
  let answered = false;
  const answer = orderStatus(backend, orderId, waitMs).then((view) => {
    answered = true;
    return { view, ms: Date.now() - started };
  });
  return { answer, isAnswered: () => answered };
}

const moment = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pays the order at B's cashier; B's platform notifies B's /pay/notify at once. */
async function payThrough(backend: MockBackend, params: object): Promise<void> {
  const callback = await cashier(backend, {
    api: 'requestPayment',
    params,
    action: 'pay',
    notifyDelayMs: 0,
  });
  expect(callback).toEqual({ errMsg: 'requestPayment:ok' });
}

it('a long-poll held by A answers paid when B applies the notification', async () => {
  const a = await instance();
  const b = await instance();
  const order = await createOrder(a, { productId: 'mug' });
  const held = hold(a, order.orderId, 5000);
  await moment(200);
  expect(held.isAnswered()).toBe(false);

  // B knows A's order and its prepay_id (the state file), and takes the notification itself.
  await payThrough(b, order.params);
  const { view, ms } = await held.answer;
  expect(view).toMatchObject({ orderId: order.orderId, state: 'paid', tradeState: 'SUCCESS' });
  // Answered by the change, well before the 5 s wait would have ended (a generous bound).
  expect(ms).toBeLessThan(4000);
  const deliveries = async (backend: MockBackend) =>
    (await call(backend, 'GET', `/sim/deliveries?orderId=${order.orderId}`)).body.deliveries;
  expect(await deliveries(b)).toEqual([
    expect.objectContaining({
      state: 'delivered',
      attempts: [expect.objectContaining({ status: 204 })],
    }),
  ]);
  expect(await deliveries(a)).toEqual([]);
});

it('each instance holds two connections (publisher, subscriber) and close() ends them', async () => {
  const observer = createClient({ socket: { path: redis.path, tls: false } });
  await observer.connect();
  try {
    const clients = async () =>
      (await observer.sendCommand(['CLIENT', 'LIST'])).toString().trim().split('\n').length;
    const before = await clients();
    const backend = await instance();
    expect(await clients()).toBe(before + 2);
    running.splice(running.indexOf(backend), 1);
    await backend.close();
    for (let i = 0; i < 50 && (await clients()) > before; i++) await moment(10);
    expect(await clients()).toBe(before);
  } finally {
    await observer.close();
  }
});

it('without Redis the same state is shared, but A’s long-poll is not woken by B', async () => {
  const a = await instance(true);
  const b = await instance(true);
  const order = await createOrder(a, { productId: 'mug' });
  const held = hold(a, order.orderId, 1500);
  await moment(200);
  await payThrough(b, order.params);
  for (let i = 0; i < 100 && (await orderStatus(b, order.orderId)).state !== 'paid'; i++) {
    await moment(10);
  }
  const { view, ms } = await held.answer;
  expect(view.state).toBe('pending');
  expect(ms).toBeGreaterThanOrEqual(1400);
  // A new request reads the state file B wrote.
  expect((await orderStatus(a, order.orderId)).state).toBe('paid');
});

it('npm run backend -- --redis <url> --data-dir <dir> answers a long-poll held by another instance', async () => {
  const a = await instance();
  const child = await spawnBackend([
    '--data-dir',
    dataDir,
    '--redis',
    `unix://${redis.path}`,
    '--active-query-after-ms=-1',
  ]);
  try {
    const { url, banner } = await waitForListening(child);
    expect(banner).toBe(
      `mock backend listening on ${url} (data in ${dataDir}, long-polls shared over Redis at unix://${redis.path})`,
    );
    const b = { url };
    const order = await createOrder(a, { productId: 'mug' });
    const held = hold(a, order.orderId, 8000);
    await moment(200);
    expect(held.isAnswered()).toBe(false);
    await payThrough(b as MockBackend, order.params);
    const { view, ms } = await held.answer;
    expect(view.state).toBe('paid');
    expect(ms).toBeLessThan(7000);
    expect(await stopBackend(child)).toBe(0);
  } finally {
    killBackend(child);
  }
});

it('a Redis lost after the start: notifications are still taken, the lost wake is reported, close() does not wait for it', async () => {
  const own = await startRedis();
  const errors: string[] = [];
  const spy = jest.spyOn(console, 'error').mockImplementation((message: unknown) => {
    errors.push(String(message));
  });
  try {
    const options = {
      memory: false,
      dataDir,
      activeQueryAfterMs: -1,
      redisUrl: `unix://${own.path}`,
    };
    const a = await startTestBackend(options);
    running.push(a);
    const b = await startTestBackend(options);
    running.push(b);
    const order = await createOrder(a, { productId: 'mug' });
    await own.stop();
    await payThrough(b, order.params);
    for (let i = 0; i < 100 && (await orderStatus(a, order.orderId)).state !== 'paid'; i++) {
      await moment(10);
    }
    expect((await orderStatus(a, order.orderId)).state).toBe('paid');
    const delivered = (await call(b, 'GET', `/sim/deliveries?orderId=${order.orderId}`)).body;
    expect(delivered.deliveries[0].attempts).toEqual([expect.objectContaining({ status: 204 })]);
    expect(errors).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^\\[mock-backend\\] the other instances' status requests for ${order.orderId} were not woken: `,
        ),
      ),
    );
    expect(errors.filter((message) => message.includes('reconnecting')).length).toBeLessThanOrEqual(
      4,
    );
    for (const backend of running.splice(0)) await backend.close();
  } finally {
    spy.mockRestore();
    await own.stop();
  }
});
