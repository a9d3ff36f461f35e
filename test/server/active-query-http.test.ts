// The status route's active query for real on loopback (node:http): a payment whose
// notification never arrives reads paid on the first status request, and twenty concurrent
// requests for one order make one query of the platform.
import {
  createOrderStatusRoute,
  createOrderWatch,
  type OrderStatusRoute,
} from 'miniprogram-pay/server';
import { FRAMEWORKS, type Mounted } from './helpers/frameworks';
import { createPlatform, createStore } from './helpers/orders';

const store = createStore();
const watch = createOrderWatch({ getOrder: store.getOrder });
const platform = createPlatform(store, watch);
/** Holds every query until `release()`: requests pile up while one is in flight. */
let gate: Promise<void> = Promise.resolve();
let release = () => {};
const onError = jest.fn();
const route = createOrderStatusRoute({
  watch,
  onError,
  activeQuery: {
    query: async (orderId) => {
      await gate;
      await platform.query(orderId);
    },
  },
});
let server: Mounted;

beforeAll(async () => {
  server = await (FRAMEWORKS['node:http'] as (route: OrderStatusRoute) => Promise<Mounted>)(route);
});
afterAll(() => server.close());
afterEach(() => expect(onError).not.toHaveBeenCalled());

const status = async (orderId: string, waitMs: number) => {
  const response = await fetch(`${server.url}/api/orders/${orderId}?waitMs=${waitMs}`);
  return { status: response.status, body: await response.json() };
};

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

it.each([0, 10_000])(
  'waitMs=%s: a payment whose notification never arrives reads paid on its first status request',
  async (waitMs) => {
    const orderId = `NEVER-NOTIFIED-${waitMs}`;
    store.set(orderId, 'pending');
    platform.pay(orderId);
    const calls = platform.query.mock.calls.length;
    expect(await status(orderId, waitMs)).toEqual({
      status: 200,
      body: { orderId, state: 'paid' },
    });
    expect(platform.query.mock.calls.length).toBe(calls + 1);
  },
);

it('twenty concurrent requests for one order make one query', async () => {
  store.set('BUSY', 'pending');
  platform.pay('BUSY');
  gate = new Promise((resolve) => {
    release = resolve;
  });
  const calls = platform.query.mock.calls.length;
  const reads = store.reads;
  const answers = Array.from({ length: 20 }, (_, i) => status('BUSY', i % 2 ? 10_000 : 0));
  // Each request has read the order pending, and one more read came before the query.
  await until(() => store.reads - reads >= 21);
  release();
  for (const answer of await Promise.all(answers)) {
    expect(answer).toEqual({ status: 200, body: { orderId: 'BUSY', state: 'paid' } });
  }
  expect(platform.query.mock.calls.length).toBe(calls + 1);
});
