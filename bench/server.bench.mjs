// npm run bench:server: how the server kit holds long-polls. Per scenario: the waits held, the
// memory per held wait (heap after a full GC, held minus before) and the latency from the
// change to the answer (p50, p99, max):
//   (a) waits held in one process on the kit (memory events);
//   (b) concurrent HTTP long-polls on loopback against node:http with the kit's status route,
//       then the same against the demo's merchant server, built on the kit (each server in a
//       process of its own; WeChat Pay is the simulator, in a process of its own too);
//   (c) two instances over Redis (a real redis-server on a unix socket): waits held on one,
//       changes made on the other;
//   (d) two merchant servers, one merchant on Redis: long-polls held by A, orders made and paid
//       through B (the simulator's cashier, its notification to B).
// Plain node on the build in dist/ (the npm script builds first). Prints figures; never
// fails on them.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createClient } from 'redis';
import { createOrderWatch, createRedisEvents } from '../dist/server.mjs';
import { overHttpOne, sharedMerchantServers } from './http-scenarios.mjs';
import { buildMerchantServer } from './merchant-server-js.mjs';
import { paced } from './paced.mjs';

const { startRedis } = createRequire(import.meta.url)('../scripts/lib/redis-server.cjs');

const IN_PROCESS = Number(process.env.BENCH_WAITS ?? 10_000);
const HTTP_POLLS = Number(process.env.BENCH_POLLS ?? 1_000);
const REDIS_WAITS = Number(process.env.BENCH_REDIS_WAITS ?? 10_000);
const SHARED_POLLS = Number(process.env.BENCH_SHARED_POLLS ?? 1_000);
/** Changes are made this many per millisecond (a timer tick), in every scenario. */
const PER_MS = Number(process.env.BENCH_CHANGES_PER_MS ?? 2);

const now = () => performance.timeOrigin + performance.now();
const turn = () => new Promise((resolve) => setImmediate(resolve));
const heap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};
/** The value at quantile `q` (0..1), nearest rank. */
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};

function report({ scenario, held, bytesPerWait, latenciesMs }) {
  const ms = (value) => `${value.toFixed(value < 1 ? 3 : 1)} ms`;
  console.log(scenario);
  console.log(
    `  held waits: ${held}, memory per held wait: ${(bytesPerWait / 1024).toFixed(2)} KiB`,
  );
  console.log(
    `  change -> answer: p50 ${ms(quantile(latenciesMs, 0.5))}, p99 ${ms(quantile(latenciesMs, 0.99))}, max ${ms(Math.max(...latenciesMs))}\n`,
  );
}

/** `count` pending orders in a Map, as a store that counts reads. */
function memoryStore(count, prefix) {
  const orders = new Map();
  const orderIds = Array.from(
    { length: count },
    (_, i) => `${prefix}${String(i).padStart(8, '0')}`,
  );
  for (const orderId of orderIds) orders.set(orderId, { orderId, state: 'pending', amount: 100 });
  const store = {
    orderIds,
    reads: 0,
    getOrder: async (orderId) => {
      store.reads++;
      return orders.get(orderId);
    },
    pay: (orderId) => void orders.set(orderId, { orderId, state: 'paid', amount: 100 }),
  };
  return store;
}

/** Holds a wait per order on `holder` until `reads` reads were made, then changes each on `changer`. */
async function holdAndChange(scenario, store, holder, changer, reads) {
  const before = heap();
  const answeredAt = new Map();
  const answers = store.orderIds.map((orderId) =>
    holder.wait(orderId, { waitMs: 120_000 }).then((order) => {
      if (order?.state !== 'paid') throw new Error(`${orderId} answered ${order?.state}`);
      answeredAt.set(orderId, now());
    }),
  );
  while (store.reads < reads) await turn();
  const bytesPerWait = (heap() - before) / store.orderIds.length;
  const changedAt = new Map();
  await paced(store.orderIds, PER_MS, (orderId) => {
    store.pay(orderId);
    changedAt.set(orderId, now());
    void changer.changed(orderId);
  });
  await Promise.all(answers);
  const latenciesMs = store.orderIds.map((id) => answeredAt.get(id) - changedAt.get(id));
  return { scenario, held: store.orderIds.length, bytesPerWait, latenciesMs };
}

function inProcess() {
  const store = memoryStore(IN_PROCESS, 'A');
  const watch = createOrderWatch({ getOrder: store.getOrder, maxWaitMs: 120_000 });
  const scenario = `(a) ${IN_PROCESS} waits held in one process, memory events`;
  return holdAndChange(scenario, store, watch, watch, IN_PROCESS);
}

async function overRedis() {
  const redis = await startRedis();
  const connect = () => createClient({ socket: { path: redis.path, tls: false } }).connect();
  const [publisherA, subscriberA, publisherB, subscriberB] = await Promise.all([
    connect(),
    connect(),
    connect(),
    connect(),
  ]);
  const store = memoryStore(REDIS_WAITS, 'C');
  const eventsA = createRedisEvents({ publisher: publisherA, subscriber: subscriberA });
  const eventsB = createRedisEvents({ publisher: publisherB, subscriber: subscriberB });
  const a = createOrderWatch({ getOrder: store.getOrder, events: eventsA, maxWaitMs: 120_000 });
  const b = createOrderWatch({ getOrder: store.getOrder, events: eventsB, maxWaitMs: 120_000 });
  try {
    // Each wait reads once, and once more when this process's one subscription is made.
    const scenario = `(c) ${REDIS_WAITS} waits held on instance B, changed on instance A, over Redis (unix socket)`;
    return await holdAndChange(scenario, store, b, a, 2 * REDIS_WAITS);
  } finally {
    await Promise.all([eventsA.close(), eventsB.close()]);
    for (const client of [publisherA, subscriberA, publisherB, subscriberB]) await client.close();
    await redis.stop();
  }
}

/** The WeChat Pay simulator in a process of its own (its bin); resolves its URL and its stop. */
function startSimulator() {
  const bin = new URL('../simulator/bin/wechatpay-simulator.mjs', import.meta.url);
  const child = spawn(process.execPath, [bin.pathname], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ url, stop: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${code}: ${output}`)));
  });
}

if (!globalThis.gc) console.log('(run with node --expose-gc for memory figures)\n');
console.log(
  `Node ${process.version}; ${PER_MS} changes per ms in every scenario (BENCH_CHANGES_PER_MS)\n`,
);
const build = buildMerchantServer();
const simulator = await startSimulator();
try {
  report(await inProcess());
  const http = { perMs: PER_MS, startRedis, simulatorUrl: simulator.url };
  report(await overHttpOne({ ...http, mode: 'kit', polls: HTTP_POLLS }));
  report(await overHttpOne({ ...http, mode: 'merchant', polls: HTTP_POLLS, build }));
  report(await overRedis());
  report(await sharedMerchantServers({ ...http, polls: SHARED_POLLS, build }));
} finally {
  simulator.stop();
}
