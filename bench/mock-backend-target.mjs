// The mock backend under test of `npm run bench:server`, in the process of server-target.mjs:
// built by mock-backend-js.mjs on the kit's build, its order watch instrumented (through the
// mutable server-kit.js) to count the waits it holds and to time each order's change.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const now = () => performance.timeOrigin + performance.now();

/** Waits held by the mock's watch; when each order's change reached `watch.changed`. */
export const probe = { held: 0, changedAt: new Map() };

function instrument(serverKitJs) {
  const kit = require(serverKitJs);
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
 * Starts a mock backend (memory, or `dataDir` and `redisUrl` to share with another) and, with
 * `orders`, creates that many pending orders on it. Answers its URL, the orders and their
 * signed parameters, and `change(orders)`, which pays them through this backend's cashier.
 */
export async function startMock({ build, orders = 0, dataDir, redisUrl }) {
  instrument(build.serverKitJs);
  const { startMockBackend } = require(build.serverJs);
  const backend = await startMockBackend({
    ...(dataDir ? { dataDir, redisUrl } : { memory: true }),
    activeQueryAfterMs: -1,
    port: 0,
  });
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
  const created = [];
  for (let i = 0; i < orders; i++) {
    const order = await post('/api/orders', { productId: 'coffee-beans' });
    created.push({ orderId: order.orderId, params: order.params });
  }
  const change = async (toPay) => {
    const cashier = { api: 'requestPayment', action: 'pay', notifyDelayMs: 0 };
    await Promise.all(toPay.map(({ params }) => post('/sim/cashier', { ...cashier, params })));
    // The signed notification lands after the cashier answered: wait until each was applied.
    while (!toPay.every(({ orderId }) => probe.changedAt.has(orderId))) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return Object.fromEntries(toPay.map(({ orderId }) => [orderId, probe.changedAt.get(orderId)]));
  };
  return { url: backend.url, orders: created, change, stop: () => backend.close() };
}
