// createOrderStatusRoute's options, through route.answer: the path, toBody; and its TypeErrors
// (the active query's rule is in active-query.test.ts).
import { createOrderStatusRoute, createOrderWatch } from 'miniprogram-pay/server';
import { createStore } from './helpers/orders';

// biome-ignore lint/suspicious/noExplicitAny: misuse on purpose
const any = (value: unknown): any => value;

describe('activeQuery', () => {
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
