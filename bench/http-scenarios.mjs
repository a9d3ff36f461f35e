// The HTTP scenarios of `npm run bench:server`: (b) long-polls against one server process of
// server-target.mjs, the kit's node:http route or the mock backend; (d) long-polls held by one
// mock backend and paid through another, sharing a data directory and Redis.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** (b): `polls` long-polls against the kit's node:http route or the mock backend (`build`). */
export async function overHttpOne({ mode, polls, build, perMs }) {
  const server = await target({ mode, orders: polls, build });
  try {
    const scenario =
      mode === 'kit'
        ? `(b) ${polls} HTTP long-polls on loopback: node:http + createOrderStatusRoute`
        : `(b) ${polls} HTTP long-polls on loopback: the mock backend (fastify, on the kit's createOrderWatch; changed by its signed notification)`;
    return await overHttp(scenario, perMs, server);
  } finally {
    await stopTarget(server);
  }
}

/** (d): `polls` long-polls held by mock backend A, paid through B; a redis-server of its own. */
export async function sharedMockBackends({ polls, build, perMs, startRedis }) {
  const redis = await startRedis();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-mock-backend-'));
  const shared = { mode: 'mock', build, dataDir, redisUrl: `unix://${redis.path}` };
  const started = [];
  try {
    // A first: it writes the keys both use; B reads them.
    started.push(await target({ ...shared, orders: polls }));
    started.push(await target(shared));
    const scenario = `(d) ${polls} HTTP long-polls held by mock backend A, paid through mock backend B (one data directory, Redis on a unix socket)`;
    return await overHttp(scenario, perMs, started[0], started[1]);
  } finally {
    for (const server of started) await stopTarget(server);
    await redis.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
