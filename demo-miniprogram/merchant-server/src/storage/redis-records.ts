import { createClient } from 'redis';
import type { RedisTarget } from '../config/redis-url';
import { createRedisEvents } from '../kit';
import type { Records } from './store';

type Client = ReturnType<typeof createClient>;

const PREFIX = 'miniprogram-pay-demo:';
const REPLACE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2]) return 1 end return 0`;

/**
 * Records in Redis, shared by the instances that are one merchant: strings under a prefix, a
 * replace by compare-and-set (a Lua script), and the kit's `createRedisEvents` on a second
 * connection, so that a change made by any instance wakes the status requests held by all.
 */
export async function openRedisRecords(target: RedisTarget, shown: string): Promise<Records> {
  const client = await connect(target, shown);
  const subscriber = await connect(target, shown).catch((error: unknown) => {
    client.destroy();
    throw error;
  });
  const events = createRedisEvents({ publisher: client, subscriber, channel: `${PREFIX}orders` });
  return {
    get: async (key) => (await client.get(PREFIX + key)) ?? undefined,
    async set(key, value) {
      await client.set(PREFIX + key, value);
    },
    async add(key, value) {
      await client.set(PREFIX + key, value, { condition: 'NX' });
    },
    replace: async (key, expected, value) =>
      (await client.eval(REPLACE, { keys: [PREFIX + key], arguments: [expected, value] })) === 1,
    events,
    async close() {
      // A client that is not connected would hold its commands until it reconnects.
      if (subscriber.isReady) await events.close();
      for (const each of [subscriber, client]) {
        if (each.isReady) await each.close();
        else each.destroy();
      }
    },
  };
}

/**
 * A connection of the official `redis` package: the first must succeed (a clear error
 * otherwise); one lost later is retried (up to every 2 s) and reported once per outage, and
 * commands fail at once meanwhile.
 */
async function connect(target: RedisTarget, shown: string): Promise<Client> {
  let connected = false;
  let reported = false;
  const client = createClient({
    ...target,
    disableOfflineQueue: true,
    socket: {
      ...('socket' in target ? target.socket : {}),
      reconnectStrategy: (retries: number) =>
        connected ? Math.min(100 * 2 ** retries, 2000) : false,
    },
  });
  client.on('error', (error: Error) => {
    if (!connected || reported) return;
    reported = true;
    console.error(`[merchant-server] Redis at ${shown}: ${error.message}; reconnecting.`);
  });
  client.on('ready', () => {
    reported = false;
  });
  try {
    await client.connect();
  } catch (error) {
    const cause = (error as { cause?: Error }).cause ?? (error as Error);
    throw new Error(`[merchant-server] cannot connect to Redis at ${shown}: ${cause.message}`);
  }
  connected = true;
  return client;
}
