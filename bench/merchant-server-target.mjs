// The demo's merchant server under test of `npm run bench:server`, in the process of
// server-target.mjs: built by merchant-server-js.mjs on the kit's build, its order watch
// instrumented (through the mutable kit.js) to count the waits it holds and to time each
// order's change. WeChat Pay is the simulator at `simulatorUrl`, over HTTP.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { paced } from './paced.mjs';

const require = createRequire(import.meta.url);
const now = () => performance.timeOrigin + performance.now();

/** Waits held by the merchant's watch; when each order's change reached `watch.changed`. */
export const probe = { held: 0, changedAt: new Map() };

function instrument(kitJs) {
  const kit = require(kitJs);
  const { createOrderWatch } = kit;
  kit.createOrderWatch = (options) => {
    const watch = createOrderWatch(options);
    return {
      wait(orderId, waitOptions) {
        probe.held++;
        return watch.wait(orderId, waitOptions).finally(() => probe.held--);
      },
      changed(orderId) {
        probe.changedAt.set(orderId, now());
        return watch.changed(orderId);
      },
    };
  };
}

/**
 * Starts a merchant server against the simulator (in memory, or `redisUrl` to be one merchant
 * with another instance) and, with `orders`, creates that many pending orders on it. Answers
 * its URL, the orders and their signed parameters, and `change(orders, perMs)`, which pays them
 * at the simulator's cashier, `perMs` a millisecond, and waits until their notifications
 * reached this server.
 */
export async function startMerchant({ build, simulatorUrl, orders = 0, redisUrl }) {
  instrument(build.kitJs);
  const { startMerchantServer } = require(build.serverJs);
  const server = await startMerchantServer({
    simulatorUrl,
    ...(redisUrl ? { redisUrl } : {}),
    activeQueryAfterMs: -1,
  });
  const post = async (url, body) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`POST ${url}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  };
  const created = [];
  for (let i = 0; i < orders; i++) {
    const order = await post(`${server.url}/api/orders`, { productId: 'coffee-beans' });
    created.push({ orderId: order.orderId, params: order.params });
  }
  const change = async (toPay, perMs) => {
    const cashier = { api: 'requestPayment', action: 'pay', notifyDelayMs: 0 };
    const paying = [];
    // Paid at the rate changes are made in every scenario.
    await paced(toPay, perMs, ({ params }) => {
      paying.push(post(`${simulatorUrl}/sim/cashier`, { ...cashier, params }));
    });
    await Promise.all(paying);
    // The signed notification lands after the cashier answered: wait until each was applied.
    while (!toPay.every(({ orderId }) => probe.changedAt.has(orderId))) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return Object.fromEntries(toPay.map(({ orderId }) => [orderId, probe.changedAt.get(orderId)]));
  };
  return { url: server.url, orders: created, change, stop: () => server.close() };
}
