// createOrderStatusRoute's activeQuery, through route.answer on jest's fake clock: a pending
// order is queried at its first status request, then while a request holds it every
// intervalMs; per order one query in flight at most and none sooner than intervalMs after the
// last, whichever requests ask; never for an order that is not pending; a query that rejects
// goes to onError and the request answers as it would have without it.
import {
  type ActiveQueryOptions,
  createMemoryEvents,
  createOrderStatusRoute,
  createOrderWatch,
} from 'miniprogram-pay/server';
import { countingEvents, createPlatform, createStore, track } from './helpers/orders';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

function setup(activeQuery: Partial<ActiveQueryOptions>, { latencyMs = 0 } = {}) {
  const store = createStore({ A: 'pending', PAID: 'paid', CLOSED: 'closed' });
  const events = countingEvents(createMemoryEvents());
  const watch = createOrderWatch({ getOrder: (orderId) => store.getOrder(orderId), events });
  const platform = createPlatform(store, watch, latencyMs);
  const onError = jest.fn();
  const route = createOrderStatusRoute({
    watch,
    onError,
    activeQuery: { query: platform.query, ...activeQuery },
  });
  return { store, events, route, platform, onError };
}

/** The gaps (ms) between the starts of consecutive queries. */
const gaps = (started: number[]) => started.slice(1).map((at, i) => at - (started[i] as number));

describe('activeQuery, by default', () => {
  it.each([
    ['no long-poll', undefined],
    ['a long-poll', '10000'],
  ])(
    '%s: a payment whose notification never arrives reads paid on its first status request',
    async (_name, waitMs) => {
      const { route, platform } = setup({});
      platform.pay('A');
      const answer = track(route.answer({ orderId: 'A', waitMs }));
      await jest.advanceTimersByTimeAsync(0);
      expect(answer.value).toEqual({ status: 200, body: { orderId: 'A', state: 'paid' } });
      expect(platform.query).toHaveBeenCalledTimes(1);
      expect(jest.getTimerCount()).toBe(0);
    },
  );

  it('a held request asks again every 1000 ms, and leaves no timer once it answers', async () => {
    const { route, platform, events } = setup({});
    const start = Date.now();
    const answer = track(route.answer({ orderId: 'A', waitMs: '5500' }));
    await jest.advanceTimersByTimeAsync(5500);
    expect(platform.started).toEqual([0, 1000, 2000, 3000, 4000, 5000].map((ms) => ms + start));
    expect(answer.value).toEqual({ status: 200, body: { orderId: 'A', state: 'pending' } });
    expect(jest.getTimerCount()).toBe(0);
    expect(events.subscribed).toBe(0);
  });

  it('twenty concurrent requests for one order make one query', async () => {
    const { route, platform } = setup({}, { latencyMs: 90 });
    platform.pay('A');
    const answers = Array.from({ length: 20 }, (_, i) =>
      track(route.answer({ orderId: 'A', waitMs: i % 2 ? '10000' : '0' })),
    );
    await jest.advanceTimersByTimeAsync(90);
    expect(platform.query).toHaveBeenCalledTimes(1);
    for (const answer of answers) expect(answer.value).toMatchObject({ body: { state: 'paid' } });
  });

  it('twenty requests holding one order still make one query per interval', async () => {
    const { route, platform } = setup({}, { latencyMs: 90 });
    for (let i = 0; i < 20; i++) track(route.answer({ orderId: 'A', waitMs: '10000' }));
    await jest.advanceTimersByTimeAsync(5000);
    // 0-90, then 1000 ms after each query ended: 1090, 2180, 3270, 4360.
    expect(gaps(platform.started)).toEqual([1090, 1090, 1090, 1090]);
  });

  it('a client polling every 100 ms makes about one query a second', async () => {
    const { route, platform } = setup({}, { latencyMs: 90 });
    const answers = [];
    for (let poll = 0; poll < 100; poll++) {
      answers.push(track(route.answer({ orderId: 'A' })));
      await jest.advanceTimersByTimeAsync(100);
    }
    // 100 requests in 10 s; a query every 1100 ms (90 ms of query, then 1000 ms, rounded up to
    // the next poll).
    expect(platform.query).toHaveBeenCalledTimes(10);
    expect(gaps(platform.started).every((gap) => gap === 1100)).toBe(true);
    for (const answer of answers)
      expect(answer.value).toMatchObject({ body: { state: 'pending' } });
  });

  it('never queries an order that is not pending, nor an unknown one', async () => {
    const { route, platform } = setup({});
    for (const orderId of ['PAID', 'CLOSED', 'NOPE']) {
      for (const waitMs of ['0', '10000']) await route.answer({ orderId, waitMs });
    }
    await jest.advanceTimersByTimeAsync(10_000);
    expect(platform.query).not.toHaveBeenCalled();
  });

  it('reads the order just before each query: one paid meanwhile is not queried', async () => {
    const { route, platform, store } = setup({});
    track(route.answer({ orderId: 'A', waitMs: '10000' }));
    await jest.advanceTimersByTimeAsync(0);
    expect(platform.query).toHaveBeenCalledTimes(1);
    store.set('A', 'paid'); // by another instance, whose wake has not reached this one yet
    await jest.advanceTimersByTimeAsync(5000);
    expect(platform.query).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['no long-poll', '0'],
    ['a long-poll', '1500'],
  ])(
    '%s: a query that rejects goes to onError and the request answers as without it',
    async (_name, waitMs) => {
      const { route, platform, onError } = setup({});
      platform.query.mockRejectedValue(new Error('WeChat Pay answered 502'));
      const answer = track(route.answer({ orderId: 'A', waitMs }));
      await jest.advanceTimersByTimeAsync(1500);
      expect(answer.value).toEqual({ status: 200, body: { orderId: 'A', state: 'pending' } });
      expect(onError).toHaveBeenCalledWith(new Error('WeChat Pay answered 502'));
      // Held, it tried again 1000 ms later.
      expect(platform.query).toHaveBeenCalledTimes(waitMs === '0' ? 1 : 2);
    },
  );

  it('a query that never settles: held requests answer when their wait ends, with no second query', async () => {
    const { route, platform } = setup({});
    platform.query.mockReturnValue(new Promise(() => {}));
    const answers = [track(route.answer({ orderId: 'A', waitMs: '1000' }))];
    await jest.advanceTimersByTimeAsync(500);
    answers.push(track(route.answer({ orderId: 'A', waitMs: '1000' })));
    await jest.advanceTimersByTimeAsync(1000);
    for (const answer of answers)
      expect(answer.value).toMatchObject({ body: { state: 'pending' } });
    expect(platform.query).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('a read before a query that rejects goes to onError too; the request still answers', async () => {
    const { route, platform, store, onError } = setup({});
    const answer = track(route.answer({ orderId: 'A', waitMs: '1500' }));
    await jest.advanceTimersByTimeAsync(0);
    const read = store.getOrder;
    store.getOrder = jest.fn(async () => Promise.reject(new Error('database restarting')));
    await jest.advanceTimersByTimeAsync(1000);
    store.getOrder = read;
    await jest.advanceTimersByTimeAsync(500);
    expect(onError).toHaveBeenCalledWith(new Error('database restarting'));
    expect(platform.query).toHaveBeenCalledTimes(1);
    expect(answer.value).toMatchObject({ status: 200, body: { state: 'pending' } });
  });
});

describe('activeQuery with afterMs (3000: the rule before queries at once)', () => {
  it('queries once a request has held a pending order afterMs, then every intervalMs', async () => {
    const { route, platform, events } = setup({ afterMs: 3000, intervalMs: 1000 });
    const answer = track(route.answer({ orderId: 'A', waitMs: '10000' }));
    await jest.advanceTimersByTimeAsync(2999);
    expect(platform.query).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(platform.query).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(2000);
    expect(platform.query).toHaveBeenCalledTimes(3);
    platform.pay('A');
    await jest.advanceTimersByTimeAsync(1000);
    expect(platform.query).toHaveBeenCalledTimes(4);
    expect(answer.value).toEqual({ status: 200, body: { orderId: 'A', state: 'paid' } });
    expect(jest.getTimerCount()).toBe(0);
    expect(events.subscribed).toBe(0);
  });

  it('never for a request that does not hold', async () => {
    const { route, platform } = setup({ afterMs: 3000 });
    platform.pay('A');
    for (let poll = 0; poll < 50; poll++) {
      await route.answer({ orderId: 'A' });
      await jest.advanceTimersByTimeAsync(100);
    }
    expect(platform.query).not.toHaveBeenCalled();
  });
});
