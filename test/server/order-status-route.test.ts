// The status route GET /api/orders/:orderId?waitMs=N on node:http, express, koa and fastify,
// each for real on loopback: the order as JSON, 404 and 400 answers, long-polls, disconnects.
import {
  createMemoryEvents,
  createOrderStatusRoute,
  createOrderWatch,
  type OrderStatusRoute,
} from 'miniprogram-pay/server';
import { FRAMEWORKS, type Mounted, OTHER, PREFIX } from './helpers/frameworks';
import { countingEvents, createStore } from './helpers/orders';

async function get(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text.startsWith('{') ? JSON.parse(text) : undefined,
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}

describe.each(Object.keys(FRAMEWORKS))('%s', (framework) => {
  const store = createStore({ PAID: 'paid', WAIT: 'pending', 'MP 1/x': 'closed' });
  const events = countingEvents(createMemoryEvents());
  const watch = createOrderWatch({ getOrder: store.getOrder, events });
  const onError = jest.fn();
  let route: OrderStatusRoute;
  let server: Mounted;
  let base: string;

  beforeAll(async () => {
    route = createOrderStatusRoute({ watch, onError });
    server = await (FRAMEWORKS[framework] as (route: OrderStatusRoute) => Promise<Mounted>)(route);
    base = `${server.url}${PREFIX[framework] ?? ''}/api/orders`;
  });
  afterAll(() => server.close());

  it('answers a final order at once as JSON, not to be cached', async () => {
    const answer = await get(`${base}/PAID?waitMs=10000`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ orderId: 'PAID', state: 'paid' });
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('decodes the order id', async () => {
    expect((await get(`${base}/${encodeURIComponent('MP 1/x')}`)).body).toEqual({
      orderId: 'MP 1/x',
      state: 'closed',
    });
  });

  it('404 { error: { code, message } } for an unknown order', async () => {
    const answer = await get(`${base}/NOPE?waitMs=0`);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ error: { code: 'ORDER_NOT_FOUND', message: 'no order "NOPE"' } });
  });

  it.each(['-1', 'abc', '1e3', '9999999999', '5&waitMs=6', ''])(
    '400 for waitMs=%s',
    async (waitMs) => {
      const answer = await get(`${base}/PAID?waitMs=${waitMs}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('INVALID_WAIT_MS');
    },
  );

  it('holds a pending order until it changes (long-poll)', async () => {
    store.set('WAIT', 'pending');
    const reads = store.reads;
    const answer = get(`${base}/WAIT?waitMs=10000`);
    await until(() => store.reads > reads && events.subscribed === 1);
    store.set('WAIT', 'paid', { amount: 100 });
    await watch.changed('WAIT');
    expect((await answer).body).toEqual({ orderId: 'WAIT', state: 'paid', amount: 100 });
    expect(events.subscribed).toBe(0);
  });

  it('answers pending when the wait ends first', async () => {
    store.set('WAIT', 'pending');
    expect((await get(`${base}/WAIT?waitMs=50`)).body).toEqual({
      orderId: 'WAIT',
      state: 'pending',
    });
    expect((await get(`${base}/WAIT`)).body).toEqual({ orderId: 'WAIT', state: 'pending' });
  });

  it('stops holding when the client goes away', async () => {
    store.set('WAIT', 'pending');
    const controller = new AbortController();
    const answer = get(`${base}/WAIT?waitMs=20000`, { signal: controller.signal }).catch(
      (error) => error,
    );
    await until(() => events.subscribed === 1);
    controller.abort();
    await answer;
    await until(() => events.subscribed === 0);
  });

  it('leaves other requests to the rest of the app', async () => {
    for (const [path, method] of [
      ['/api/other', 'GET'],
      ['/api/orders/PAID', 'POST'],
      ['/api/orders/PAID/close', 'GET'],
      ['/api/orders/', 'GET'],
    ]) {
      const answer = await get(`${server.url}${PREFIX[framework] ?? ''}${path}`, { method });
      expect(answer.status).toBe(OTHER.status);
    }
  });
});

describe('a getOrder that fails: each framework answers 500', () => {
  it.each(Object.keys(FRAMEWORKS))('%s', async (framework) => {
    const failure = new Error('db down');
    const watch = createOrderWatch({ getOrder: async () => Promise.reject(failure) });
    const onError = jest.fn();
    const route = createOrderStatusRoute({ watch, onError });
    const server = await (FRAMEWORKS[framework] as (route: OrderStatusRoute) => Promise<Mounted>)(
      route,
    );
    try {
      const answer = await get(`${server.url}${PREFIX[framework] ?? ''}/api/orders/A?waitMs=100`);
      expect(answer.status).toBe(500);
      if (framework === 'node:http') {
        expect(answer.text).not.toContain('db down');
        expect(answer.body).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
        expect(onError).toHaveBeenCalledWith(failure);
      } else {
        expect(onError).not.toHaveBeenCalled(); // the framework's own error handler has it
      }
    } finally {
      await server.close();
    }
  });
});
