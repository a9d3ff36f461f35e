// The HTTP server under test of `npm run bench:server` (b, d), in a process of its own so that
// its memory is its own, driven over IPC by server.bench.mjs. `kit`: node:http with the kit's
// status route (the build in dist/); `merchant`: the demo's merchant server (fastify) on the
// kit's build, against the WeChat Pay simulator, see merchant-server-target.mjs.

import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createOrderStatusRoute, createOrderWatch } from '../dist/server.mjs';
import { probe, startMerchant } from './merchant-server-target.mjs';
import { paced } from './paced.mjs';

const now = () => performance.timeOrigin + performance.now();
let held = () => 0;
let change = async () => ({});
let stop = async () => {};

async function startKit(count) {
  let holding = 0;
  const orders = new Map();
  const orderIds = Array.from({ length: count }, (_, i) => `MP${String(i).padStart(8, '0')}`);
  for (const orderId of orderIds) orders.set(orderId, { orderId, state: 'pending', amount: 100 });
  const watch = createOrderWatch({ getOrder: async (orderId) => orders.get(orderId) });
  const route = createOrderStatusRoute({ watch });
  const server = createServer((req, res) => {
    holding++;
    res.once('close', () => holding--);
    if (!route.node(req, res)) res.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  held = () => holding;
  change = async (toChange, perMs) => {
    const ids = toChange.map(({ orderId }) => orderId);
    const at = {};
    await paced(ids, perMs, (orderId) => {
      orders.set(orderId, { orderId, state: 'paid', amount: 100 });
      at[orderId] = now();
      void watch.changed(orderId);
    });
    return at;
  };
  stop = () => new Promise((resolve) => server.close(resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    orders: orderIds.map((orderId) => ({ orderId })),
  };
}

async function start(message) {
  if (message.mode === 'kit') return startKit(message.orders);
  const merchant = await startMerchant(message);
  held = () => probe.held;
  change = (toPay, perMs) => merchant.change(toPay, perMs);
  stop = merchant.stop;
  return { url: merchant.url, orders: merchant.orders };
}

process.on('message', async (message) => {
  try {
    if (message.cmd === 'start') {
      process.send({ ok: true, ...(await start(message)) });
    } else if (message.cmd === 'memory') {
      globalThis.gc?.();
      process.send({ ok: true, heapUsed: process.memoryUsage().heapUsed, held: held() });
    } else if (message.cmd === 'change') {
      process.send({ ok: true, changedAt: await change(message.orders, message.perMs) });
    } else {
      await stop();
      process.send({ ok: true });
      process.disconnect();
    }
  } catch (error) {
    process.send({ ok: false, error: String(error?.stack ?? error) });
  }
});
