import { createFakeBackend } from 'miniprogram-pay/testing';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('Testing your checkout: createFakeBackend', () => {
  test('creates valid orders and records inputs', async () => {
    const backend = createFakeBackend();
    const first = await backend.createOrder({ a: 1 }, {});
    const second = await backend.createOrder('b', {});
    expect(first).toMatchObject({ orderId: 'fake-order-1', kind: 'payment' });
    expect(second.orderId).toBe('fake-order-2');
    expect(backend.created).toEqual([{ a: 1 }, 'b']);
  });

  test('pending for pendingQueries queries, then the state; queries recorded', async () => {
    const backend = createFakeBackend({ pendingQueries: 2, state: 'closed' });
    const states = [];
    for (let i = 0; i < 3; i++) states.push((await backend.queryOrder('o', { waitMs: 0 }))?.state);
    expect(states).toEqual(['pending', 'pending', 'closed']);
    expect(backend.queries).toEqual([
      { orderId: 'o', waitMs: 0, at: expect.any(Number), answered: 'pending' },
      { orderId: 'o', waitMs: 0, at: expect.any(Number), answered: 'pending' },
      { orderId: 'o', waitMs: 0, at: expect.any(Number), answered: 'closed' },
    ]);
  });

  test('pendingMs from createOrder; a long-poll is held until the state changes', async () => {
    const backend = createFakeBackend({ pendingMs: 3000 });
    const { orderId } = await backend.createOrder({}, {});
    const start = Date.now();
    let answer: unknown;
    backend.queryOrder(orderId, { waitMs: 10_000 }).then((value) => {
      answer = value;
    });
    await jest.advanceTimersByTimeAsync(2999);
    expect(answer).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(answer).toEqual({ orderId, state: 'paid' });
    expect(Date.now() - start).toBe(3000);
  });

  test('a long-poll answers pending after waitMs; without longPoll at once', async () => {
    const backend = createFakeBackend({ state: 'pending' });
    let answer: unknown;
    backend.queryOrder('o', { waitMs: 500 }).then((value) => {
      answer = value;
    });
    await jest.advanceTimersByTimeAsync(499);
    expect(answer).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(answer).toEqual({ orderId: 'o', state: 'pending' });
    const quick = createFakeBackend({ state: 'pending', longPoll: false });
    await expect(quick.queryOrder('o', { waitMs: 500 })).resolves.toMatchObject({
      state: 'pending',
    });
  });

  test('setState wakes a held long-poll, per order or for all', async () => {
    const backend = createFakeBackend({ state: 'pending' });
    const answers: unknown[] = [];
    backend.queryOrder('a', { waitMs: 10_000 }).then((value) => answers.push(value));
    backend.queryOrder('b', { waitMs: 10_000 }).then((value) => answers.push(value));
    await jest.advanceTimersByTimeAsync(100);
    backend.setState('refunded', 'b');
    await jest.advanceTimersByTimeAsync(0);
    expect(answers).toEqual([{ orderId: 'b', state: 'refunded' }]);
    backend.setState('paid');
    await jest.advanceTimersByTimeAsync(0);
    expect(answers).toEqual([
      { orderId: 'b', state: 'refunded' },
      { orderId: 'a', state: 'paid' },
    ]);
  });

  test('script: rejections, sync throws, raw values, garbage and hangs', async () => {
    const error = new Error('502');
    const backend = createFakeBackend({
      script: [{ reject: error }, { throw: 'sync' }, { return: 7 }, { resolve: 'junk' }, 'hang'],
    });
    const ask = () => backend.queryOrder('o', { waitMs: 0 });
    await expect(ask()).rejects.toBe(error);
    expect(ask).toThrow('sync');
    expect(ask()).toBe(7);
    await expect(ask()).resolves.toBe('junk');
    let settled = false;
    ask().then(
      () => (settled = true),
      () => (settled = true),
    );
    await jest.advanceTimersByTimeAsync(60_000);
    expect(settled).toBe(false);
    await expect(ask()).resolves.toEqual({ orderId: 'o', state: 'paid' });
  });

  test('createOrder scripts: an order, a function, a fault', async () => {
    const order = { orderId: 'x', kind: 'virtual', params: {} } as never;
    await expect(createFakeBackend({ order }).createOrder({}, {})).resolves.toBe(order);
    const made = createFakeBackend({ order: (input, index) => ({ input, index }) });
    await expect(made.createOrder('in', {})).resolves.toEqual({ input: 'in', index: 0 });
    await expect(
      createFakeBackend({ order: { reject: new Error('no') } }).createOrder({}, {}),
    ).rejects.toThrow('no');
  });

  test('latency is driven by fake timers; an abort clears the timer and rejects', async () => {
    const backend = createFakeBackend({ latencyMs: 1000, createLatencyMs: 500 });
    const controller = new AbortController();
    const query = backend.queryOrder('o', { waitMs: 0, signal: controller.signal });
    const created = backend.createOrder({}, { signal: controller.signal });
    expect(jest.getTimerCount()).toBe(2);
    controller.abort();
    await expect(query).rejects.toThrow(/aborted/);
    await expect(created).rejects.toThrow(/aborted/);
    expect(jest.getTimerCount()).toBe(0);
    expect(backend.queries[0]?.answered).toBeUndefined();
  });

  test('takes a hand-made signal that cannot stop listening, as mini programs have', async () => {
    const listeners: Array<() => void> = [];
    const signal = {
      aborted: false,
      addEventListener: (_type: 'abort', listener: () => void) => void listeners.push(listener),
    };
    const backend = createFakeBackend({ latencyMs: 100 });
    const answer = backend.queryOrder('o', { waitMs: 0, signal });
    await jest.advanceTimersByTimeAsync(100);
    expect(await answer).toEqual({ orderId: 'o', state: 'paid' });
    for (const listener of listeners) listener();
    expect(jest.getTimerCount()).toBe(0);
  });
});
