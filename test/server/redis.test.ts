// Two instances over a real redis-server (a unix socket in a temp directory): a change on one
// answers a wait held on the other; one subscription per process; the message is the order id.
import { createOrderWatch, createRedisEvents, type RedisOrderEvents } from 'miniprogram-pay/server';
import { createClient } from 'redis';
import { startRedis, type TestRedis } from '../../scripts/lib/redis-server.cjs';
import { createStore } from './helpers/orders';

type Client = ReturnType<typeof createClient>;
const CHANNEL = 'miniprogram-pay:orders';

let redis: TestRedis;
const clients: Client[] = [];
const closers: RedisOrderEvents[] = [];

async function connect(): Promise<Client> {
  const client = createClient({ socket: { path: redis.path, tls: false } });
  client.on('error', () => {});
  clients.push(client);
  await client.connect();
  return client;
}

/** One server instance: its own two connections, its own events and watch, a shared store. */
async function instance(store: ReturnType<typeof createStore>) {
  const publisher = await connect();
  const subscriber = await connect();
  const events = createRedisEvents({ publisher, subscriber });
  closers.push(events);
  return { events, watch: createOrderWatch({ getOrder: store.getOrder, events }), publisher };
}

async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500 && !(await condition()); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(await condition()).toBe(true);
}

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  for (const events of closers) await events.close();
  for (const client of clients) if (client.isOpen) await client.close();
  await redis?.stop();
});

it('a change on one instance answers a wait held on the other', async () => {
  const store = createStore({ A: 'pending' });
  const one = await instance(store);
  const two = await instance(store);
  const answer = two.watch.wait('A', { waitMs: 15_000 });
  // The first read, then the read once the subscription is made: from then on it listens.
  await until(() => store.reads >= 2);
  store.set('A', 'paid', { paidAt: '2024-01-01T12:00:00+08:00' });
  await one.watch.changed('A');
  await expect(answer).resolves.toEqual({
    orderId: 'A',
    state: 'paid',
    paidAt: '2024-01-01T12:00:00+08:00',
  });
  expect(store.reads).toBe(3);
});

it('one subscription per process, whatever the number of waits, and the message is the order id', async () => {
  const store = createStore({ B: 'pending', C: 'pending' });
  const one = await instance(store);
  const two = await instance(store);
  const before = (await one.publisher.pubSubNumSub(CHANNEL))[CHANNEL] ?? 0;
  const waits = ['B', 'C', 'B', 'C', 'B'].map((orderId) =>
    two.watch.wait(orderId, { waitMs: 15_000 }),
  );
  waits.push(one.watch.wait('B', { waitMs: 15_000 }));
  await until(() => store.reads >= 12);
  expect((await one.publisher.pubSubNumSub(CHANNEL))[CHANNEL]).toBe(before + 2);

  const heard: string[] = [];
  const spy = await connect();
  await spy.subscribe(CHANNEL, (message) => void heard.push(message));
  store.set('B', 'paid');
  store.set('C', 'closed');
  await two.watch.changed('B');
  await one.watch.changed('C');
  const answers = await Promise.all(waits);
  expect(answers.map((order) => order?.state)).toEqual([
    'paid',
    'closed',
    'paid',
    'closed',
    'paid',
    'paid',
  ]);
  await until(() => heard.length === 2);
  expect(heard).toEqual(['B', 'C']);
});

it('a local wait wakes once: the echo of its own change from Redis is dropped', async () => {
  const store = createStore({ D: 'pending' });
  const one = await instance(store);
  const answer = one.watch.wait('D', { waitMs: 15_000 });
  await until(() => store.reads >= 2);
  await one.watch.changed('D');
  // A message published after the change arrives after its echo: once it is heard, the echo was too.
  const sentinel = jest.fn();
  one.events.subscribe('SENTINEL', sentinel);
  await one.publisher.publish(CHANNEL, 'SENTINEL');
  await until(() => sentinel.mock.calls.length > 0);
  expect(store.reads).toBe(3);
  store.set('D', 'paid');
  await one.publisher.publish(CHANNEL, 'D'); // as another instance would
  await expect(answer).resolves.toMatchObject({ state: 'paid' });
});
