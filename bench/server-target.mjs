// The HTTP server under test of `npm run bench:server` (b), in a process of its own so that its
// memory is its own, driven over IPC by server.bench.mjs. `kit`: node:http with the kit's
// status route (the build in dist/); `mock`: the mock backend (fastify), built by
// mock-backend-js.mjs, whose long-polls are counted and timed through its OrderWaiters.

import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createOrderStatusRoute, createOrderWatch } from '../dist/server.mjs';
import { paced } from './paced.mjs';

const require = createRequire(import.meta.url);
const now = () => performance.timeOrigin + performance.now();
let held = 0;
let change = async () => ({});
let stop = async () => {};

async function startKit(count) {
  const orders = new Map();
  const orderIds = Array.from({ length: count }, (_, i) => `MP${String(i).padStart(8, '0')}`);
  for (const orderId of orderIds) orders.set(orderId, { orderId, state: 'pending', amount: 100 });
  const watch = createOrderWatch({ getOrder: async (orderId) => orders.get(orderId) });
  const route = createOrderStatusRoute({ watch });
  const server = createServer((req, res) => {
    held++;
    res.once('close', () => held--);
    if (!route.node(req, res)) res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  change = async (ids, perMs) => {
    const at = {};
    await paced(ids, perMs, (orderId) => {
      orders.set(orderId, { orderId, state: 'paid', amount: 100 });
      at[orderId] = now();
      void watch.changed(orderId);
    });
    return at;
  };
  stop = () => new Promise((resolve) => server.close(resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, orderIds };
}

async function startMock(count, serverJs) {
  const { OrderWaiters } = require(serverJs.replace(/server\.js$/, 'merchant/orderWaiters.js'));
  const { startMockBackend } = require(serverJs);
  const changedAt = new Map();
  const { notifyChanged, wait } = OrderWaiters.prototype;
  OrderWaiters.prototype.notifyChanged = function (orderId) {
    changedAt.set(orderId, now());
    return notifyChanged.call(this, orderId);
  };
  OrderWaiters.prototype.wait = function (orderId, timeoutMs) {
    held++;
    return wait.call(this, orderId, timeoutMs).finally(() => held--);
  };
  const backend = await startMockBackend({ memory: true, activeQueryAfterMs: -1, port: 0 });
  const post = async (path, body) => {
    const response = await fetch(`${backend.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`POST ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  };
  const params = new Map();
  for (let i = 0; i < count; i++) {
    const order = await post('/api/orders', { productId: 'coffee-beans' });
    params.set(order.orderId, order.params);
  }
  change = async (ids) => {
    const cashier = { api: 'requestPayment', action: 'pay', notifyDelayMs: 0 };
    await Promise.all(
      ids.map((orderId) => post('/sim/cashier', { ...cashier, params: params.get(orderId) })),
    );
    // The signed notification lands after the cashier answered: wait until each was applied.
    while (!ids.every((orderId) => changedAt.has(orderId))) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return Object.fromEntries(ids.map((orderId) => [orderId, changedAt.get(orderId)]));
  };
  stop = () => backend.close();
  return { url: backend.url, orderIds: [...params.keys()] };
}

process.on('message', async (message) => {
  try {
    if (message.cmd === 'start') {
      const started =
        message.mode === 'kit'
          ? await startKit(message.orders)
          : await startMock(message.orders, message.serverJs);
      process.send({ ok: true, ...started });
    } else if (message.cmd === 'memory') {
      globalThis.gc?.();
      process.send({ ok: true, heapUsed: process.memoryUsage().heapUsed, held });
    } else if (message.cmd === 'change') {
      process.send({ ok: true, changedAt: await change(message.orderIds, message.perMs) });
    } else {
      await stop();
      process.send({ ok: true });
      process.disconnect();
    }
  } catch (error) {
    process.send({ ok: false, error: String(error?.stack ?? error) });
  }
});
