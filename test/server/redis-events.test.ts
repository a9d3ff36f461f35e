// createRedisEvents against a fake client: one subscription per process, fan-out by order id,
// local delivery at publish with its echo dropped, listeners added early called once subscribed.
import {
  createRedisEvents,
  type RedisLike,
  type RedisMessageListener,
} from 'miniprogram-pay/server';

// biome-ignore lint/suspicious/noExplicitAny: misuse on purpose
const any = (value: unknown): any => value;

/** A fake Redis: subscribe resolves when `confirm()` is called; `deliver` plays a message. */
function fakeRedis() {
  const listeners: RedisMessageListener[] = [];
  const confirmations: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  const fake = {
    published: [] as Array<[string, string]>,
    subscribeCalls: 0,
    unsubscribed: [] as string[],
    publish: jest.fn(async (channel: string, message: string) => {
      fake.published.push([channel, message]);
      return 1;
    }),
    subscribe: (channel: string, listener: RedisMessageListener) => {
      fake.subscribeCalls++;
      return new Promise<void>((resolve, reject) => {
        confirmations.push({
          resolve: () => {
            listeners.push((message) => listener(message, channel));
            resolve();
          },
          reject,
        });
      });
    },
    unsubscribe: jest.fn(async (channel: string) => {
      fake.unsubscribed.push(channel);
      listeners.length = 0;
    }),
    confirm: () => confirmations.shift()?.resolve(),
    refuse: (error: Error) => confirmations.shift()?.reject(error),
    deliver: (message: string) => {
      for (const listener of listeners) listener(message, 'channel');
    },
  };
  return fake;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup() {
  const redis = fakeRedis();
  const onError = jest.fn();
  const events = createRedisEvents({ publisher: redis, subscriber: redis, onError });
  return { redis, events, onError };
}

it('subscribes once, lazily, for every order, on the default channel', async () => {
  const { redis, events } = setup();
  expect(redis.subscribeCalls).toBe(0);
  const a = jest.fn();
  const b = jest.fn();
  events.subscribe('A', a);
  events.subscribe('B', b);
  events.subscribe('A', a);
  redis.confirm();
  await flush();
  expect(redis.subscribeCalls).toBe(1);
  a.mockClear();
  b.mockClear();
  redis.deliver('A');
  expect(a).toHaveBeenCalledTimes(2);
  expect(b).not.toHaveBeenCalled();
  await events.publish('B');
  expect(redis.published).toEqual([['miniprogram-pay:orders', 'B']]);
});

it('calls listeners added before the subscription was made once it is (they read again)', async () => {
  const { redis, events } = setup();
  const early = jest.fn();
  events.subscribe('A', early);
  await flush();
  expect(early).not.toHaveBeenCalled();
  redis.confirm();
  await flush();
  expect(early).toHaveBeenCalledTimes(1);
  const late = jest.fn();
  events.subscribe('A', late);
  await flush();
  expect(late).not.toHaveBeenCalled();
});

it('publish calls the listeners here at once, and drops their echo from Redis', async () => {
  const { redis, events } = setup();
  const listener = jest.fn();
  events.subscribe('A', listener);
  redis.confirm();
  await flush();
  listener.mockClear();
  const publishing = events.publish('A');
  expect(listener).toHaveBeenCalledTimes(1);
  await publishing;
  redis.deliver('A');
  expect(listener).toHaveBeenCalledTimes(1);
  redis.deliver('A'); // another instance's change
  expect(listener).toHaveBeenCalledTimes(2);
});

it('counts each own publish: two publishes, two echoes dropped', async () => {
  const { redis, events } = setup();
  const listener = jest.fn();
  events.subscribe('A', listener);
  redis.confirm();
  await flush();
  listener.mockClear();
  await events.publish('A');
  await events.publish('A');
  redis.deliver('A');
  redis.deliver('A');
  expect(listener).toHaveBeenCalledTimes(2);
  redis.deliver('A');
  expect(listener).toHaveBeenCalledTimes(3);
});

it('expects no echo for an order without listeners here, and forgets echoes when they leave', async () => {
  const { redis, events } = setup();
  const unsubscribe = events.subscribe('A', () => {});
  redis.confirm();
  await flush();
  await events.publish('B');
  await events.publish('A');
  unsubscribe();
  const later = jest.fn();
  events.subscribe('A', later);
  redis.deliver('A');
  expect(later).toHaveBeenCalledTimes(1);
});

it('a failed publish rejects and expects no echo', async () => {
  const { redis, events } = setup();
  const listener = jest.fn();
  events.subscribe('A', listener);
  redis.confirm();
  await flush();
  listener.mockClear();
  redis.publish.mockRejectedValueOnce(new Error('connection lost'));
  await expect(events.publish('A')).rejects.toThrow('connection lost');
  redis.deliver('A');
  expect(listener).toHaveBeenCalledTimes(2);
});

it('a listener that throws: reported for a message, rejected by publish; the others still run', async () => {
  const { redis, events, onError } = setup();
  const other = jest.fn();
  events.subscribe('A', () => {
    throw new Error('listener bug');
  });
  events.subscribe('A', other);
  redis.confirm();
  await flush();
  expect(onError).toHaveBeenCalledWith(new Error('listener bug'));
  redis.deliver('A');
  expect(other).toHaveBeenCalledTimes(2);
  expect(onError).toHaveBeenCalledTimes(2);
  await expect(events.publish('A')).rejects.toThrow('listener bug');
  expect(other).toHaveBeenCalledTimes(3);
});

it('a failed subscription is reported, wakes the early listeners, and is tried again later', async () => {
  const { redis, events, onError } = setup();
  const early = jest.fn();
  events.subscribe('A', early);
  redis.refuse(new Error('NOAUTH'));
  await flush();
  expect(early).toHaveBeenCalledTimes(1);
  expect(onError.mock.calls[0]?.[0].message).toBe(
    '[miniprogram-pay/server] could not subscribe to miniprogram-pay:orders: Error: NOAUTH',
  );
  events.subscribe('B', () => {});
  expect(redis.subscribeCalls).toBe(2);
  redis.confirm();
  await flush();
  redis.deliver('A');
  expect(early).toHaveBeenCalledTimes(2);
});

it('close() unsubscribes its own listener from the channel; a later listener subscribes again', async () => {
  const { redis, events } = setup();
  await events.close();
  expect(redis.unsubscribe).not.toHaveBeenCalled();
  events.subscribe('A', () => {});
  redis.confirm();
  await flush();
  await events.close();
  expect(redis.unsubscribed).toEqual(['miniprogram-pay:orders']);
  events.subscribe('A', () => {});
  expect(redis.subscribeCalls).toBe(2);
});

it('close() while subscribing waits for it, then unsubscribes', async () => {
  const { redis, events } = setup();
  events.subscribe('A', () => {});
  const closing = events.close();
  redis.confirm();
  await closing;
  expect(redis.unsubscribed).toEqual(['miniprogram-pay:orders']);
  events.subscribe('A', () => {});
  expect(redis.subscribeCalls).toBe(2);
});

it('a channel of its own, and console.error by default', async () => {
  const redis = fakeRedis();
  const events = createRedisEvents({ publisher: redis, subscriber: redis, channel: 'shop:orders' });
  const error = jest.spyOn(console, 'error').mockImplementation(() => {});
  events.subscribe('A', () => {});
  redis.refuse(new Error('down'));
  await flush();
  expect(error).toHaveBeenCalledWith(
    '[miniprogram-pay/server] createRedisEvents (shop:orders):',
    expect.any(Error),
  );
  error.mockRestore();
  await events.publish('A');
  expect(redis.published).toEqual([['shop:orders', 'A']]);
});

it.each([
  ['no options', undefined, 'its options'],
  ['no publisher', { subscriber: fakeRedis() }, 'publisher'],
  [
    'a subscriber without unsubscribe',
    { publisher: fakeRedis(), subscriber: { subscribe() {} } },
    'subscriber',
  ],
  ['an empty channel', { publisher: fakeRedis(), subscriber: fakeRedis(), channel: '' }, 'channel'],
  [
    'onError not a function',
    { publisher: fakeRedis(), subscriber: fakeRedis(), onError: 1 },
    'onError',
  ],
])('throws a TypeError for %s', (_name, options, argument) => {
  expect(() => createRedisEvents(any(options))).toThrow(
    new RegExp(`^\\[miniprogram-pay/server\\] createRedisEvents: ${argument} must be`),
  );
});

it('is typed for the clients of the redis package', () => {
  type NodeRedis = ReturnType<typeof import('redis').createClient>;
  const fits = (client: NodeRedis): RedisLike => client;
  expect(fits).toBeInstanceOf(Function);
});
