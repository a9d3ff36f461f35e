// The HTTP scenarios of `npm run bench:server`: (b) long-polls against one server process of
// server-target.mjs, the kit's node:http route or the demo's merchant server; (d) long-polls
// held by one merchant server and paid through another, two instances of one merchant on Redis.
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

const now = () => performance.timeOrigin + performance.now();

/** Sends a command to the target process and awaits its answer. */
function ask(child, message) {
  return new Promise((resolve, reject) => {
    child.once('message', (answer) =>
      answer.ok ? resolve(answer) : reject(new Error(answer.error)),
    );
    child.send(message);
  });
}

/** Opens a long-poll; resolves the time its answer arrived (it must say paid). */
function longPoll(url, agent) {
  return new Promise((resolve, reject) => {
    request(url, { agent }, (response) => {
      let text = '';
      response.on('data', (chunk) => {
        text += chunk;
      });
      response.on('end', () => {
        const at = now();
        if (JSON.parse(text).state === 'paid') resolve(at);
        else reject(new Error(`${url} answered ${text}`));
      });
    })
      .on('error', reject)
      .end();
  });
}

/** A server process of server-target.mjs, started with `message`. */
async function target(message) {
  const child = fork(new URL('./server-target.mjs', import.meta.url), [], {
    execArgv: ['--expose-gc'],
  });
  try {
    return { child, ...(await ask(child, { cmd: 'start', ...message })) };
  } catch (error) {
    child.kill();
    throw error;
  }
}

async function stopTarget({ child }) {
  await ask(child, { cmd: 'stop' }).catch(() => {});
  child.kill();
}

/** Long-polls every order of `holder`; once all are held, `changer` (or the holder) changes them. */
async function overHttp(scenario, perMs, holder, changer = holder) {
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  try {
    const { child, url, orders } = holder;
    const before = await ask(child, { cmd: 'memory' });
    const polls = orders.map(({ orderId }) =>
      longPoll(`${url}/api/orders/${orderId}?waitMs=25000`, agent),
    );
    let held = 0;
    while (held < orders.length) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      ({ held } = await ask(child, { cmd: 'memory' }));
    }
    const after = await ask(child, { cmd: 'memory' });
    const { changedAt } = await ask(changer.child, { cmd: 'change', orders, perMs });
    const answeredAt = await Promise.all(polls);
    return {
      scenario,
      held,
      bytesPerWait: (after.heapUsed - before.heapUsed) / orders.length,
      latenciesMs: orders.map(({ orderId }, i) => answeredAt[i] - changedAt[orderId]),
    };
  } finally {
    agent.destroy();
  }
}

/** (b): `polls` long-polls against the kit's node:http route or the merchant server (`build`). */
export async function overHttpOne({ mode, polls, build, perMs, simulatorUrl }) {
  const server = await target({ mode, orders: polls, build, simulatorUrl });
  try {
    const scenario =
      mode === 'kit'
        ? `(b) ${polls} HTTP long-polls on loopback: node:http + createOrderStatusRoute`
        : `(b) ${polls} HTTP long-polls on loopback: the demo's merchant server (fastify, the kit's status route; changed by the simulator's signed notification)`;
    return await overHttp(scenario, perMs, server);
  } finally {
    await stopTarget(server);
  }
}

/**
 * (d): `polls` long-polls held by merchant server A on orders made through merchant server B,
 * two instances of one merchant on Redis (a redis-server of its own): the simulator notifies B
 * (the orders' notify_url), B's change answers A's requests through Redis.
 */
export async function sharedMerchantServers({ polls, build, perMs, startRedis, simulatorUrl }) {
  const redis = await startRedis();
  const shared = { mode: 'merchant', build, simulatorUrl, redisUrl: `unix://${redis.path}` };
  const started = [];
  try {
    // A first: it makes the merchant's keys in Redis; B reads them.
    started.push(await target(shared));
    started.push(await target({ ...shared, orders: polls }));
    const [a, b] = started;
    const scenario = `(d) ${polls} HTTP long-polls held by merchant server A, the orders made and paid through merchant server B (one merchant on Redis, a unix socket)`;
    return await overHttp(scenario, perMs, { ...a, orders: b.orders }, b);
  } finally {
    for (const server of started) await stopTarget(server);
    await redis.stop();
  }
}
