// createOrderStatusRoute's options, through route.answer: the active query of WeChat Pay when
// a notification is late, the path, toBody; and its TypeErrors.
import {
  createMemoryEvents,
  createOrderStatusRoute,
  createOrderWatch,
} from 'miniprogram-pay/server';
import { countingEvents, createStore, track } from './helpers/orders';

// biome-ignore lint/suspicious/noExplicitAny: misuse on purpose
const any = (value: unknown): any => value;

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

function setup(
  activeQuery: Record<string, unknown> | undefined,
  state: 'pending' | 'paid' = 'pending',
) {
  const store = createStore({ A: state });
  const events = countingEvents(createMemoryEvents());
  const watch = createOrderWatch({ getOrder: store.getOrder, events });
  const onError = jest.fn();
  /** WeChat Pay, as the query sees it: pending until `paidAtPlatform` is set. */
  const platform = { paid: false };
  const query = jest.fn(async (orderId: string) => {
    if (!platform.paid) return;
    store.set(orderId, 'paid');
    await watch.changed(orderId);
  });
  const route = createOrderStatusRoute({
    watch,
    onError,
    activeQuery: activeQuery && { query, ...activeQuery },
  });
  return { store, events, route, query, platform, onError };
}

describe('activeQuery', () => {
  it('queries once a request has held a pending order afterMs, then every intervalMs, until it answers', async () => {
    const { route, query, platform, events } = setup({ afterMs: 3000, intervalMs: 1000 });
    const answer = track(route.answer({ orderId: 'A', waitMs: '10000' }));
    await jest.advanceTimersByTimeAsync(2999);
    expect(query).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(query).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(2000);
    expect(query).toHaveBeenCalledTimes(3);
    platform.paid = true;
    await jest.advanceTimersByTimeAsync(1000);
    expect(query).toHaveBeenCalledTimes(4);
    expect(answer.value).toEqual({ status: 200, body: { orderId: 'A', state: 'paid' } });
    expect(jest.getTimerCount()).toBe(0);
    expect(events.subscribed).toBe(0);
  });

  it('defaults: 3000 ms, then every 1000 ms; none once the wait is over', async () => {
    const { route, query } = setup({});
    const answer = track(route.answer({ orderId: 'A', waitMs: '5500' }));
    await jest.advanceTimersByTimeAsync(5500);
    expect(query).toHaveBeenCalledTimes(3); // 3000, 4000, 5000
    expect(answer.value).toEqual({ status: 200, body: { orderId: 'A', state: 'pending' } });
    expect(jest.getTimerCount()).toBe(0);
  });

  it('never for a final order, nor for a request that does not hold', async () => {
    const final = setup({ afterMs: 10 }, 'paid');
    await final.route.answer({ orderId: 'A', waitMs: '10000' });
    const short = setup({ afterMs: 10 });
    await short.route.answer({ orderId: 'A', waitMs: '0' });
    await jest.advanceTimersByTimeAsync(100);
    expect(final.query).not.toHaveBeenCalled();
    expect(short.query).not.toHaveBeenCalled();
  });

  it('afterMs 0: every status request of a pending order queries first, long-poll or not', async () => {
    const { route, query, platform } = setup({ afterMs: 0, intervalMs: 500 });
    platform.paid = true;
    await expect(route.answer({ orderId: 'A' })).resolves.toEqual({
      status: 200,
      body: { orderId: 'A', state: 'paid' },
    });
    expect(query).toHaveBeenCalledTimes(1);
    await route.answer({ orderId: 'A' });
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('afterMs 0 with a long-poll: then every intervalMs', async () => {
    const { route, query, platform } = setup({ afterMs: 0, intervalMs: 500 });
    const answer = track(route.answer({ orderId: 'A', waitMs: '10000' }));
    await jest.advanceTimersByTimeAsync(0);
    expect(query).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(query).toHaveBeenCalledTimes(3);
    platform.paid = true;
    await jest.advanceTimersByTimeAsync(500);
    expect(answer.value).toMatchObject({ body: { state: 'paid' } });
    expect(jest.getTimerCount()).toBe(0);
  });

  it('a query that fails goes to onError, and the next one runs', async () => {
    const { route, query, onError } = setup({ afterMs: 100, intervalMs: 100 });
    query.mockRejectedValueOnce(new Error('WeChat Pay 502'));
    track(route.answer({ orderId: 'A', waitMs: '1000' }));
    await jest.advanceTimersByTimeAsync(250);
    expect(onError).toHaveBeenCalledWith(new Error('WeChat Pay 502'));
    expect(query).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['not an object', 5],
    ['no query', { afterMs: 1 }],
    ['afterMs negative', { query: async () => {}, afterMs: -1 }],
    ['intervalMs 0', { query: async () => {}, intervalMs: 0 }],
    ['intervalMs NaN', { query: async () => {}, intervalMs: Number.NaN }],
  ])('a TypeError for activeQuery %s', (_name, activeQuery) => {
    const watch = createOrderWatch({ getOrder: async () => undefined });
    expect(() => createOrderStatusRoute({ watch, activeQuery: any(activeQuery) })).toThrow(
      /^\[miniprogram-pay\/server\] createOrderStatusRoute: activeQuery(\.\w+)? must be/,
    );
  });
});

describe('answer', () => {
  const store = createStore({ A: 'paid' });
  const watch = createOrderWatch({ getOrder: store.getOrder });

  it('toBody shapes the JSON', async () => {
    const route = createOrderStatusRoute({
      watch,
      toBody: (order) => ({ id: order.orderId, paid: order.state === 'paid' }),
    });
    await expect(route.answer({ orderId: 'A' })).resolves.toEqual({
      status: 200,
      body: { id: 'A', paid: true },
    });
  });

  it('404 for an empty order id', async () => {
    const route = createOrderStatusRoute({ watch });
    await expect(route.answer({ orderId: '' })).resolves.toMatchObject({ status: 404 });
  });

  it('a path of its own', () => {
    const route = createOrderStatusRoute({ watch, path: '/pay/v1/orders/:orderId/status' });
    expect(route.path).toBe('/pay/v1/orders/:orderId/status');
  });

  it.each([
    ['no options', undefined, 'its options'],
    ['no watch', {}, 'watch'],
    ['a path without :orderId', { watch, path: '/api/orders' }, 'path'],
    ['a path with two :orderId', { watch, path: '/:orderId/:orderId' }, 'path'],
    ['a relative path', { watch, path: 'api/:orderId' }, 'path'],
    ['toBody not a function', { watch, toBody: 1 }, 'toBody'],
    ['onError not a function', { watch, onError: 'log' }, 'onError'],
  ])('a TypeError for %s', (_name, options, argument) => {
    expect(() => createOrderStatusRoute(any(options))).toThrow(
      new RegExp(`^\\[miniprogram-pay/server\\] createOrderStatusRoute: ${argument} must be`),
    );
  });

  it('onError defaults to console.error', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    const pending = createStore({ A: 'pending' });
    const route = createOrderStatusRoute({
      watch: createOrderWatch({ getOrder: pending.getOrder }),
      activeQuery: { afterMs: 0, query: async () => Promise.reject(new Error('boom')) },
    });
    await route.answer({ orderId: 'A' });
    expect(error).toHaveBeenCalledWith(
      '[miniprogram-pay/server] order status route:',
      new Error('boom'),
    );
    error.mockRestore();
  });
});
