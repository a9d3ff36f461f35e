import { createCheckout, DEFAULT_CONFIRM, type PaymentBackend } from 'miniprogram-pay';
import { createFakeBackend, createFakeHost } from 'miniprogram-pay/testing';
import { settle, setup, track } from './helpers';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** Query times relative to `from`. */
const timesOf = (backend: { queries: Array<{ at: number }> }, from: number) =>
  backend.queries.map((query) => query.at - from);

describe('When the checkout asks the backend: until a final state or the deadline', () => {
  test('the schedule: first delay, growth, cap, deadline, from when the cashier answered', async () => {
    // Queries at +100, +300, +700, +1200 (capped), ... +2700; the next one (+3200) would come
    // after the deadline (+3000), so the result is pending right after the last answer.
    const { checkout, backend } = setup({
      host: { answerDelayMs: 1000 },
      backend: { state: 'pending', longPoll: false },
      config: {
        confirm: {
          firstDelayMs: 100,
          intervalMs: 200,
          growth: 2,
          maxIntervalMs: 500,
          deadlineMs: 3000,
          waitMs: 0,
        },
      },
    });
    const start = Date.now();
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(3699);
    expect(state.settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(state.result).toMatchObject({ status: 'pending' });
    expect(state.at).toBe(start + 3700);
    expect(timesOf(backend, start + 1000)).toEqual([100, 300, 700, 1200, 1700, 2200, 2700]);
    expect(backend.queries.every((query) => query.waitMs === 0)).toBe(true);
  });

  test('the default schedule against a backend that answers at once', async () => {
    const { checkout, backend } = setup({ backend: { state: 'pending', longPoll: false } });
    const start = Date.now();
    const result = await settle(checkout.pay({}));
    expect(result.status).toBe('pending');
    const times = timesOf(backend, start);
    expect(times.slice(0, 8)).toEqual([0, 500, 1250, 2375, 3875, 5375, 6875, 8375]);
    expect(Math.max(...times)).toBeLessThan(DEFAULT_CONFIRM.deadlineMs);
    expect(backend.queries.length).toBeLessThanOrEqual(22);
  });

  test('long-poll: one held query answers as soon as the order is paid', async () => {
    const { checkout, backend } = setup({ backend: { pendingMs: 4321 } });
    const start = Date.now();
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(4320);
    expect(state.settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(state.result?.status).toBe('paid');
    expect(state.at).toBe(start + 4321);
    expect(backend.queries).toEqual([
      expect.objectContaining({ waitMs: DEFAULT_CONFIRM.waitMs, at: start }),
    ]);
  });

  test('waitMs never asks the backend to hold past the deadline (minus a second)', async () => {
    const { checkout, backend } = setup({
      backend: { state: 'pending' },
      config: { confirm: { deadlineMs: 25_000, waitMs: 10_000 } },
    });
    const start = Date.now();
    await settle(checkout.pay({}));
    const queries = backend.queries.map((query) => [query.at - start, query.waitMs] as const);
    expect(queries.slice(0, 3)).toEqual([
      [0, 10_000],
      [10_000, 10_000],
      [20_000, 4000],
    ]);
    for (const [at, waitMs] of queries) expect(at + waitMs).toBeLessThanOrEqual(24_000);
  });

  test('errors, rejections and garbage are retried within the deadline', async () => {
    const { checkout, backend } = setup({
      backend: {
        longPoll: false,
        script: [{ reject: new Error('HTTP 502') }, { resolve: 'garbage' }, { throw: 'sync' }],
      },
    });
    expect((await settle(checkout.pay({}))).status).toBe('paid');
    expect(backend.queries).toHaveLength(4);
  });

  test('the pending detail names the deadline and the last answer', async () => {
    const { checkout } = setup({
      backend: { state: 'pending', script: [], latencyMs: 0, longPoll: false },
      config: { confirm: { deadlineMs: 2000 } },
    });
    const backendError = setup({
      backend: { script: Array(99).fill({ reject: new Error('HTTP 503') }) },
      config: { confirm: { deadlineMs: 2000 } },
    });
    expect(await settle(checkout.pay({}))).toMatchObject({
      detail:
        'The backend did not confirm the order within 2000 ms (its last answer was pending); the payment may still complete: confirm it later.',
    });
    expect(await settle(backendError.checkout.pay({}))).toMatchObject({
      detail: expect.stringContaining(
        '(the last query failed: backend.queryOrder rejected: Error: HTTP 503)',
      ),
    });
  });

  test('a pending answer followed by failures stays pending (a failure is not a state)', async () => {
    const { checkout } = setup({
      backend: {
        state: 'pending',
        longPoll: false,
        script: ['pending', ...Array(99).fill({ reject: new Error('HTTP 503') })],
      },
      config: { confirm: { deadlineMs: 2000 } },
    });
    expect(await settle(checkout.pay({}))).toEqual({
      kind: 'payment',
      status: 'pending',
      orderId: 'fake-order-1',
      detail: expect.stringContaining(
        'within 2000 ms (the last query failed: backend.queryOrder rejected: Error: HTTP 503)',
      ),
      outcome: expect.objectContaining({ status: 'ok' }),
    });
    expect(await settle(checkout.confirm('fake-order-1'))).toMatchObject({ status: 'pending' });
  });

  test('a hung query is abandoned at the deadline; its signal is aborted', async () => {
    const signals: Array<{ aborted: boolean }> = [];
    const backend: PaymentBackend = {
      ...createFakeBackend(),
      queryOrder: (_orderId, ctx) => {
        signals.push(ctx.signal as { aborted: boolean });
        return new Promise(() => {});
      },
    };
    const checkout = createCheckout({
      backend,
      host: createFakeHost(),
      confirm: { deadlineMs: 5000 },
    });
    const start = Date.now();
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(4999);
    expect(state.settled).toBe(false);
    expect(signals[0]?.aborted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(state.result).toMatchObject({ status: 'pending' });
    expect(state.at).toBe(start + 5000);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('a slow answer arriving after the deadline is not awaited', async () => {
    const { checkout, backend } = setup({
      backend: { latencyMs: 9000 },
      config: { confirm: { deadlineMs: 4000 } },
    });
    const result = await settle(checkout.pay({}));
    expect(result.status).toBe('pending');
    expect(backend.queries[0]?.answered).toBeUndefined();
    expect(jest.getTimerCount()).toBe(0);
  });

  test('a late paid within the deadline is caught', async () => {
    const { checkout, backend } = setup({
      backend: { state: 'pending', longPoll: false },
      config: { confirm: { deadlineMs: 20_000 } },
    });
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(12_000);
    backend.setState('paid');
    await jest.advanceTimersByTimeAsync(3000);
    expect(state.result?.status).toBe('paid');
  });
});

describe('The flow: confirm(orderId)', () => {
  test('queries an existing order until paid', async () => {
    const { checkout, backend, stages } = setup({
      backend: { pendingQueries: 2, longPoll: false },
    });
    expect(await settle(checkout.confirm('o-9'))).toEqual({
      status: 'paid',
      orderId: 'o-9',
      order: { orderId: 'o-9', state: 'paid' },
    });
    expect(backend.queries.map((query) => query.orderId)).toEqual(['o-9', 'o-9', 'o-9']);
    expect(stages).toEqual([
      ['confirming', 'o-9'],
      ['settled', 'o-9'],
    ]);
  });

  test('final states map as in pay()', async () => {
    const { checkout } = setup({ backend: { state: 'refunded' } });
    expect(await settle(checkout.confirm('o-1'))).toMatchObject({
      status: 'failed',
      code: 'order_refunded',
      order: { state: 'refunded' },
    });
  });

  test('a bad orderId: failed invalid_params, no query', async () => {
    const { checkout, backend } = setup();
    for (const orderId of ['', undefined, 42]) {
      expect(await checkout.confirm(orderId as never)).toMatchObject({
        status: 'failed',
        code: 'invalid_params',
      });
    }
    expect(backend.queries).toHaveLength(0);
  });

  test('confirm() calls may run side by side', async () => {
    const { checkout } = setup({ backend: { pendingMs: 500 } });
    const results = await Promise.all([
      settle(checkout.confirm('a')),
      settle(checkout.confirm('b')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['paid', 'paid']);
  });
});
