import { createClient } from 'redis';
import type { RedisTarget } from '../config/redis-url';
import { createRedisEvents } from '../kit';
import type { Order } from '../orders/order';
import type { Store } from './store';

type Client = ReturnType<typeof createClient>;

const PREFIX = 'miniprogram-pay-demo:';
/** Sets KEYS[1] to ARGV[2] only if it still holds ARGV[1]: an update made on what was read. */
const COMPARE_AND_SET = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2]) return 1 end return 0`;

/**
 * The store of instances that are one merchant: orders, session keys and the merchant's keys
 * as JSON strings in Redis, an order updated by compare-and-set (retried on what another
 * instance wrote), and the kit's `createRedisEvents` so that a change made by any instance
 * wakes the status requests held by all.
 */
export async function openRedisStore(target: RedisTarget, shown: string): Promise<Store> {
  const client = await connect(target, shown);
  let subscriber: Client;
  try {
    subscriber = await connect(target, shown);
  } catch (error) {
    client.destroy();
    throw error;
  }
  const events = createRedisEvents({ publisher: client, subscriber, channel: `${PREFIX}orders` });
  const orderKey = (orderId: string) => `${PREFIX}orders:${orderId}`;
  const read = async (orderId: string) => {
    const text = await client.get(orderKey(orderId));
    return text === null ? undefined : { text, order: JSON.parse(text) as Order };
  };
  return {
    async keys(create) {
      const key = `${PREFIX}merchant-keys`;
      const stored = await client.get(key);
      if (stored !== null) return JSON.parse(stored);
      await client.set(key, JSON.stringify(await create()), { condition: 'NX' });
      // Another instance may have stored its keys first: theirs are the merchant's.
      return JSON.parse((await client.get(key)) as string);
    },
    getOrder: async (orderId) => (await read(orderId))?.order,
    async addOrder(order) {
      await client.set(orderKey(order.orderId), JSON.stringify(order), { condition: 'NX' });
    },
    async updateOrder(orderId, change) {
      for (;;) {
        const current = await read(orderId);
        if (!current) return undefined;
        const after = change(current.order);
        if (!after) return { before: current.order, after: current.order };
        const stored = await client.eval(COMPARE_AND_SET, {
          keys: [orderKey(orderId)],
          arguments: [current.text, JSON.stringify(after)],
        });
        if (stored === 1) return { before: current.order, after };
      }
    },
    getSessionKey: async (openid) => (await client.get(`${PREFIX}sessions:${openid}`)) ?? undefined,
    async setSessionKey(openid, sessionKey) {
      await client.set(`${PREFIX}sessions:${openid}`, sessionKey);
    },
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
 * One connection of the official `redis` package. The first connection must succeed (a clear
 * error otherwise); a connection lost later is retried (up to every 2 s) and reported once per
 * outage, and commands fail at once meanwhile.
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
    throw new Error(`[merchant-server] cannot connect to Redis at ${shown}: ${cause.message}`, {
      cause: error,
    });
  }
  connected = true;
  return client;
}
