import { createClient } from 'redis';
import type { RedisTarget } from '../../config/redis-url';
import { createRedisEvents, type RedisOrderEvents } from '../../server-kit';

type Client = ReturnType<typeof createClient>;

/**
 * One connection of the official `redis` package. The first connection must succeed (a clear
 * error otherwise); once connected, a lost connection is retried (up to every 2 s) and
 * reported once per outage, and commands fail at once meanwhile.
 */
async function connect(target: RedisTarget, shown: string): Promise<Client> {
  let connected = false;
  let reported = false;
  const client = createClient({
    ...target,
    // While disconnected a command fails at once rather than waiting for the connection.
    disableOfflineQueue: true,
    socket: {
      ...('socket' in target ? target.socket : {}),
      // false (not an Error, which jest's realms would not recognise) ends the first attempt.
      reconnectStrategy: (retries: number) =>
        connected ? Math.min(100 * 2 ** retries, 2000) : false,
    },
  });
  client.on('error', (error: Error) => {
    if (!connected || reported) return;
    reported = true;
    console.error(`[mock-backend] Redis at ${shown}: ${error.message}; reconnecting.`);
  });
  client.on('ready', () => {
    reported = false;
  });
  try {
    await client.connect();
  } catch (error) {
    const cause = (error as { cause?: Error }).cause ?? (error as Error);
    throw new Error(`[mock-backend] cannot connect to Redis at ${shown}: ${cause.message}`, {
      cause: error,
    });
  }
  connected = true;
  return client;
}

/** Order events over Redis, and what closes them. */
export interface RedisConnection {
  readonly events: RedisOrderEvents;
  /** Ends the subscription and both connections. */
  close(): Promise<void>;
}

/**
 * The server kit's `createRedisEvents` on two connections (a publisher and a subscriber), so
 * that the long-polls of every instance on this Redis hear each other's order changes.
 */
export async function connectRedisEvents(
  target: RedisTarget,
  shown: string,
): Promise<RedisConnection> {
  const publisher = await connect(target, shown);
  let subscriber: Client;
  try {
    subscriber = await connect(target, shown);
  } catch (error) {
    publisher.destroy();
    throw error;
  }
  const events = createRedisEvents({ publisher, subscriber });
  return {
    events,
    async close() {
      // A client that is not connected would hold its commands until it reconnects.
      if (subscriber.isReady) await events.close();
      for (const client of [subscriber, publisher]) {
        if (client.isReady) await client.close();
        else client.destroy();
      }
    },
  };
}
