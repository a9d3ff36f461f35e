// createOrderWatch: answers at once when final, holds a pending order until changed, waitMs,
// maxWaitMs or the signal, and leaves no listener or timer behind.
import { createMemoryEvents, createOrderWatch, type OrderEvents } from 'miniprogram-pay/server';
import { countingEvents, createStore, track } from './helpers/orders';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());
// biome-ignore lint/suspicious/noExplicitAny: misuse on purpose
const any = (value: unknown): any => value;

function setup(orders: Record<string, 'pending' | 'paid'> = { A: 'pending' }, maxWaitMs?: number) {
  const store = createStore(orders);
  const events = countingEvents(createMemoryEvents());
  const watch = createOrderWatch({ getOrder: store.getOrder, events, maxWaitMs });
  return { store, events, watch };
}

/** Nothing left: no subscription, no timer. */
function expectNothingLeft(events: { subscribed: number }) {
  expect(events.subscribed).toBe(0);
  expect(jest.getTimerCount()).toBe(0);
}

describe('answers at once', () => {
  it('a final order, whatever the wait, with one read', async () => {
    const { store, events, watch } = setup({ A: 'paid' });
    const answer = track(watch.wait('A', { waitMs: 10_000 }));
    await jest.advanceTimersByTimeAsync(0);
    expect(answer).toEqual({ settled: true, value: { orderId: 'A', state: 'paid' } });
    expect(store.reads).toBe(1);
    expectNothingLeft(events);
  });

  it('undefined for an unknown order', async () => {
    const { events, watch } = setup({});
    await expect(watch.wait('nope', { waitMs: 10_000 })).resolves.toBeUndefined();
    expectNothingLeft(events);
  });

  it('a pending order when waitMs is 0, without subscribing', async () => {
    const { events, watch } = setup();
    const subscribe = jest.spyOn(events, 'subscribe');
    await expect(watch.wait('A', { waitMs: 0 })).resolves.toEqual({
      orderId: 'A',
      state: 'pending',
    });
    expect(subscribe).not.toHaveBeenCalled();
    expectNothingLeft(events);
  });

  it('with the first read when the signal is already aborted', async () => {
    const { store, events, watch } = setup();
    await expect(
      watch.wait('A', { waitMs: 10_000, signal: AbortSignal.abort() }),
    ).resolves.toMatchObject({
      state: 'pending',
    });
    expect(store.reads).toBe(1);
    expectNothingLeft(events);
  });
});

describe('holds a pending order', () => {
  it('until changed(orderId), then answers the new read', async () => {
    const { store, events, watch } = setup();
    const answer = track(watch.wait('A', { waitMs: 10_000 }));
    await jest.advanceTimersByTimeAsync(5_000);
    expect(answer.settled).toBe(false);
    expect(events.subscribed).toBe(1);
    store.set('A', 'paid', { paidAt: 't' });
    await watch.changed('A');
    await jest.advanceTimersByTimeAsync(0);
    expect(answer).toEqual({ settled: true, value: { orderId: 'A', state: 'paid', paidAt: 't' } });
    expect(store.reads).toBe(2);
    expectNothingLeft(events);
  });

  it('on after a change that left it pending, then answers pending at waitMs', async () => {
    const { store, events, watch } = setup();
    const answer = track(watch.wait('A', { waitMs: 10_000 }));
    await jest.advanceTimersByTimeAsync(3_000);
    await watch.changed('A');
    await jest.advanceTimersByTimeAsync(6_999);
    expect(answer.settled).toBe(false);
    expect(store.reads).toBe(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(answer).toEqual({ settled: true, value: { orderId: 'A', state: 'pending' } });
    expectNothingLeft(events);
  });

  it('never longer than maxWaitMs', async () => {
    const { events, watch } = setup({ A: 'pending' }, 5_000);
    const answer = track(watch.wait('A', { waitMs: 60_000 }));
    await jest.advanceTimersByTimeAsync(4_999);
    expect(answer.settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(answer.value).toMatchObject({ state: 'pending' });
    expectNothingLeft(events);
  });

  it('25 s at most by default, even for waitMs Infinity', async () => {
    const { events, watch } = setup();
    const answer = track(watch.wait('A', { waitMs: Number.POSITIVE_INFINITY }));
    await jest.advanceTimersByTimeAsync(24_999);
    expect(answer.settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(answer.settled).toBe(true);
    expectNothingLeft(events);
  });

  it('until the signal aborts: answers the last read', async () => {
    const { events, watch } = setup();
    const controller = new AbortController();
    const answer = track(watch.wait('A', { waitMs: 10_000, signal: controller.signal }));
    await jest.advanceTimersByTimeAsync(1_000);
    controller.abort();
    await jest.advanceTimersByTimeAsync(0);
    expect(answer).toEqual({ settled: true, value: { orderId: 'A', state: 'pending' } });
    expectNothingLeft(events);
  });

  it('subscribed before its first read: a change during that read is not missed', async () => {
    const { store, events, watch } = setup();
    let release: () => void = () => {};
    const slowFirstRead = jest.fn(async (orderId: string) => {
      if (slowFirstRead.mock.calls.length === 1)
        await new Promise<void>((resolve) => (release = resolve));
      return store.getOrder(orderId);
    });
    const slow = createOrderWatch({ getOrder: slowFirstRead, events });
    const answer = track(slow.wait('A', { waitMs: 10_000 }));
    await jest.advanceTimersByTimeAsync(0);
    store.set('A', 'paid');
    await watch.changed('A');
    release();
    await jest.advanceTimersByTimeAsync(0);
    expect(answer.value).toMatchObject({ state: 'paid' });
    expectNothingLeft(events);
  });

  it('answers when the time is up during the first read, with that read', async () => {
    const { events } = setup();
    let release: () => void = () => {};
    const watch = createOrderWatch({
      getOrder: () =>
        new Promise((resolve) => (release = () => resolve({ orderId: 'A', state: 'pending' }))),
      events,
    });
    const answer = track(watch.wait('A', { waitMs: 100 }));
    await jest.advanceTimersByTimeAsync(200);
    expect(answer.settled).toBe(false);
    release();
    await jest.advanceTimersByTimeAsync(0);
    expect(answer.value).toMatchObject({ state: 'pending' });
    expectNothingLeft(events);
  });

  it('many waits of one order all answer on one change', async () => {
    const { store, events, watch } = setup();
    const answers = Array.from({ length: 50 }, () => track(watch.wait('A', { waitMs: 10_000 })));
    await jest.advanceTimersByTimeAsync(10);
    expect(events.subscribed).toBe(50);
    store.set('A', 'paid');
    await watch.changed('A');
    await jest.advanceTimersByTimeAsync(0);
    expect(answers.every((answer) => answer.value?.state === 'paid')).toBe(true);
    expectNothingLeft(events);
  });
});

describe('changed', () => {
  it('through shared events: a change on one watch answers a wait held by another', async () => {
    const store = createStore({ A: 'pending' });
    const events = countingEvents(createMemoryEvents());
    const first = createOrderWatch({ getOrder: store.getOrder, events });
    const second = createOrderWatch({ getOrder: store.getOrder, events });
    const answer = track(second.wait('A', { waitMs: 10_000 }));
    await jest.advanceTimersByTimeAsync(100);
    store.set('A', 'paid');
    await first.changed('A');
    await jest.advanceTimersByTimeAsync(0);
    expect(answer.value).toMatchObject({ state: 'paid' });
    expectNothingLeft(events);
  });

  it('wakes a local wait exactly once when the events also deliver here', async () => {
    const { store, watch } = setup();
    const answer = track(watch.wait('A', { waitMs: 10_000 }));
    await jest.advanceTimersByTimeAsync(10);
    expect(store.reads).toBe(1);
    await watch.changed('A');
    await jest.advanceTimersByTimeAsync(10);
    expect(store.reads).toBe(2);
    expect(answer.settled).toBe(false);
  });

  it('wakes a local wait once with events that never deliver here', async () => {
    const store = createStore({ A: 'pending' });
    const deaf: OrderEvents = { publish: jest.fn(async () => {}), subscribe: () => () => {} };
    const watch = createOrderWatch({ getOrder: store.getOrder, events: deaf });
    const answer = track(watch.wait('A', { waitMs: 10_000 }));
    await jest.advanceTimersByTimeAsync(10);
    store.set('A', 'paid');
    await watch.changed('A');
    await jest.advanceTimersByTimeAsync(0);
    expect(answer.value).toMatchObject({ state: 'paid' });
    expect(store.reads).toBe(2);
    expect(deaf.publish).toHaveBeenCalledWith('A');
  });

  it('a change of another order wakes nothing', async () => {
    const { store, watch } = setup({ A: 'pending', B: 'pending' });
    track(watch.wait('A', { waitMs: 10_000 }));
    await jest.advanceTimersByTimeAsync(10);
    await watch.changed('B');
    await jest.advanceTimersByTimeAsync(10);
    expect(store.reads).toBe(1);
  });

  it('wakes local waits even when publishing fails, and rejects with the reason', async () => {
    const store = createStore({ A: 'pending' });
    const events: OrderEvents = {
      publish: async () => {
        throw new Error('redis is down');
      },
      subscribe: () => () => {},
    };
    const watch = createOrderWatch({ getOrder: store.getOrder, events });
    const answer = track(watch.wait('A', { waitMs: 10_000 }));
    await jest.advanceTimersByTimeAsync(10);
    store.set('A', 'paid');
    await expect(watch.changed('A')).rejects.toThrow(
      '[miniprogram-pay/server] OrderWatch.changed("A"): events.publish failed: Error: redis is down',
    );
    await jest.advanceTimersByTimeAsync(0);
    expect(answer.value).toMatchObject({ state: 'paid' });
    const throwing = createOrderWatch({
      getOrder: store.getOrder,
      events: {
        ...events,
        publish: any(() => {
          throw 'sync';
        }),
      },
    });
    await expect(throwing.changed('A')).rejects.toThrow(
      'events.publish failed: "sync", not an Error',
    );
  });
});

describe('a getOrder that fails rejects the wait with its error (a bug of the server)', () => {
  it('on the first read, rejected or thrown', async () => {
    const events = countingEvents(createMemoryEvents());
    const failure = new Error('db down');
    for (const getOrder of [
      async () => Promise.reject(failure),
      () => {
        throw failure;
      },
    ]) {
      const watch = createOrderWatch({ getOrder: any(getOrder), events });
      await expect(watch.wait('A', { waitMs: 10_000 })).rejects.toBe(failure);
      await expect(watch.wait('A', { waitMs: 0 })).rejects.toBe(failure);
    }
    expectNothingLeft(events);
  });

  it('on a read after a change', async () => {
    const store = createStore({ A: 'pending' });
    const events = countingEvents(createMemoryEvents());
    const getOrder = jest.fn(store.getOrder);
    const watch = createOrderWatch({ getOrder, events });
    const answer = track(watch.wait('A', { waitMs: 10_000 }));
    await jest.advanceTimersByTimeAsync(10);
    getOrder.mockRejectedValueOnce(new Error('db down'));
    await watch.changed('A');
    await jest.advanceTimersByTimeAsync(0);
    expect(answer.error).toEqual(new Error('db down'));
    expectNothingLeft(events);
  });
});

const noOrder = async (): Promise<undefined> => undefined;

describe('bad arguments', () => {
  const { watch } = setup();
  it.each([
    ['waitMs negative', () => watch.wait('A', { waitMs: -1 }), 'waitMs'],
    ['waitMs NaN', () => watch.wait('A', { waitMs: Number.NaN }), 'waitMs'],
    ['waitMs a string', () => watch.wait('A', { waitMs: any('5') }), 'waitMs'],
    ['no options', () => watch.wait('A', any(undefined)), 'its options'],
    ['a signal that is not one', () => watch.wait('A', { waitMs: 5, signal: any({}) }), 'signal'],
    ['orderId empty', () => watch.wait('', { waitMs: 5 }), 'orderId'],
    ['changed without orderId', () => watch.changed(any(undefined)), 'orderId'],
  ])('%s rejects with a TypeError', async (_name, call, argument) => {
    await expect(call()).rejects.toThrow(TypeError);
    await expect(call()).rejects.toThrow(
      new RegExp(`^\\[miniprogram-pay/server\\] OrderWatch\\.\\w+: ${argument} must be`),
    );
  });

  it.each([
    ['no options', undefined, 'its options'],
    ['no getOrder', {}, 'getOrder'],
    [
      'events without subscribe',
      { getOrder: noOrder, events: { publish: async () => {} } },
      'events',
    ],
    ['maxWaitMs negative', { getOrder: noOrder, maxWaitMs: -1 }, 'maxWaitMs'],
    ['maxWaitMs past a timer', { getOrder: noOrder, maxWaitMs: 2 ** 31 }, 'maxWaitMs'],
  ])('createOrderWatch throws a TypeError for %s', (_name, options, argument) => {
    expect(() => createOrderWatch(any(options))).toThrow(
      new RegExp(`^\\[miniprogram-pay/server\\] createOrderWatch: ${argument} must be`),
    );
  });
});
