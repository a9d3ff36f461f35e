import { createCheckout, HttpBackendError } from 'miniprogram-pay';
import { createFakeBackend, createFakeHost } from 'miniprogram-pay/testing';
import { settle, setup, track } from './helpers';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const KEY = 'miniprogram-pay:pending';
const TWO_HOURS = 2 * 60 * 60 * 1000;

/** The stored entries, read as the host holds them. */
const stored = (host: { storage: Map<string, unknown> }, key = KEY) => {
  const value = host.storage.get(key) ?? '[]';
  return typeof value === 'string' ? JSON.parse(value) : value;
};
const storedIds = (host: { storage: Map<string, unknown> }, key = KEY) =>
  stored(host, key).map((entry: string | { orderId: string }) =>
    typeof entry === 'string' ? entry : entry.orderId,
  );

describe('Resuming pending orders at app launch: what is stored', () => {
  test('a pending pay() keeps its orderId and when it was stored, as a JSON array', async () => {
    const { checkout, host } = setup({
      backend: { state: 'pending' },
      config: { confirm: { deadlineMs: 2000 } },
    });
    const before = Date.now();
    const result = await settle(checkout.pay({}));
    expect(result.status).toBe('pending');
    const [entry] = JSON.parse(host.storage.get(KEY) as string);
    expect(entry).toEqual({ orderId: 'fake-order-1', storedAt: expect.any(Number) });
    expect(entry.storedAt).toBeGreaterThan(before);
    expect(entry.storedAt).toBeLessThanOrEqual(Date.now());
  });

  test('an aborted pay() after the order existed is kept too', async () => {
    const { checkout, host } = setup({ host: { cashier: 'lost' } });
    const controller = new AbortController();
    const state = track(checkout.pay({}, { signal: controller.signal }));
    await jest.advanceTimersByTimeAsync(10);
    controller.abort();
    await jest.advanceTimersByTimeAsync(0);
    expect(state.result?.status).toBe('pending');
    expect(storedIds(host)).toEqual(['fake-order-1']);
  });

  test('settled orders are not stored; ids are not duplicated and keep their first time', async () => {
    const { checkout, host, backend } = setup({
      backend: { state: 'pending' },
      config: { confirm: { deadlineMs: 1000 } },
    });
    await settle(checkout.confirm('a'));
    const [first] = stored(host);
    await settle(checkout.confirm('a'));
    await settle(checkout.confirm('b'));
    expect(stored(host)).toEqual([first, { orderId: 'b', storedAt: expect.any(Number) }]);
    expect(stored(host)[1].storedAt).toBeGreaterThan(first.storedAt);
    backend.setState('paid', 'a');
    await settle(checkout.confirm('a'));
    expect(storedIds(host)).toEqual(['b']);
  });

  test('cancelled and failed results are not stored', async () => {
    const { checkout, host } = setup({
      host: { cashier: ['cancel', 'fail'] },
      backend: { state: 'pending' },
    });
    await settle(checkout.pay({}));
    await settle(checkout.pay({}));
    expect(host.storage.size).toBe(0);
  });

  test('persistPending: false stores nothing', async () => {
    const { checkout, host } = setup({
      backend: { state: 'pending' },
      config: { persistPending: false, confirm: { deadlineMs: 1000 } },
    });
    await settle(checkout.pay({}));
    expect(host.storage.size).toBe(0);
  });

  test('pendingKey: two checkouts on one app never resume each other’s orders', async () => {
    const host = createFakeHost();
    const tea = createCheckout({
      host,
      backend: createFakeBackend({ state: 'pending' }),
      pendingKey: 'tea:pending',
      confirm: { deadlineMs: 1000 },
    });
    const coffee = createCheckout({
      host,
      backend: createFakeBackend({ state: 'pending' }),
      pendingKey: 'coffee:pending',
      confirm: { deadlineMs: 1000 },
    });
    await settle(tea.confirm('tea-1'));
    await settle(coffee.confirm('coffee-1'));
    expect(storedIds(host, 'tea:pending')).toEqual(['tea-1']);
    expect(storedIds(host, 'coffee:pending')).toEqual(['coffee-1']);
    expect((await settle(tea.resumePending())).map((r) => r.orderId)).toEqual(['tea-1']);
    expect((await settle(coffee.resumePending())).map((r) => r.orderId)).toEqual(['coffee-1']);
    expect(host.storage.has(KEY)).toBe(false);
  });
});

describe('Resuming pending orders at app launch: resumePending()', () => {
  test('queries each once, returns the results and forgets the settled ones', async () => {
    const host = createFakeHost({ storage: { [KEY]: '["p1","p2","p3","p4"]' } });
    const backend = createFakeBackend({ state: 'pending' });
    backend.setState('paid', 'p1');
    backend.setState('closed', 'p3');
    const onStage = jest.fn();
    const checkout = createCheckout({ host, backend, onStage });
    const results = await settle(checkout.resumePending());
    expect(results).toEqual([
      { status: 'paid', orderId: 'p1', order: { orderId: 'p1', state: 'paid' } },
      {
        status: 'pending',
        orderId: 'p2',
        detail: expect.stringMatching(/no final state.*its last answer was pending/),
      },
      expect.objectContaining({ status: 'failed', code: 'order_closed', orderId: 'p3' }),
      { status: 'pending', orderId: 'p4', detail: expect.stringMatching(/pending/) },
    ]);
    expect(backend.queries.map(({ orderId, waitMs }) => [orderId, waitMs])).toEqual([
      ['p1', 0],
      ['p2', 0],
      ['p3', 0],
      ['p4', 0],
    ]);
    expect(storedIds(host)).toEqual(['p2', 'p4']);
    expect(onStage).not.toHaveBeenCalled();
  });

  test('keeps orders whose query failed; a hung query ends at the deadline', async () => {
    const host = createFakeHost({ storage: { [KEY]: ['x', 'y'] } });
    const backend = createFakeBackend({ script: ['hang'] });
    const checkout = createCheckout({ host, backend, confirm: { deadlineMs: 3000 } });
    const state = track(checkout.resumePending() as never);
    await jest.advanceTimersByTimeAsync(3000);
    expect(state.result).toEqual([
      expect.objectContaining({ status: 'pending', orderId: 'x' }),
      expect.objectContaining({ status: 'pending', orderId: 'y' }),
    ]);
    expect(storedIds(host)).toEqual(['x', 'y']);
  });

  test('does not block pay()', async () => {
    const host = createFakeHost({ storage: { [KEY]: '["old"]' } });
    const checkout = createCheckout({ host, backend: createFakeBackend({ state: 'pending' }) });
    const resuming = track(checkout.resumePending() as never);
    const paying = track(checkout.pay({}));
    expect(resuming.settled).toBe(false);
    await jest.advanceTimersByTimeAsync(40_000);
    expect(paying.result).toMatchObject({ status: 'pending', orderId: 'fake-order-1' });
    expect(resuming.result).toMatchObject([{ status: 'pending', orderId: 'old' }]);
  });

  test.each([
    ['not JSON', '{nope'],
    ['an object', { a: 1 }],
    ['a number', 7],
    ['an empty string (wx for a missing key)', ''],
  ])('garbage in storage (%s) reads as nothing', async (_name, value) => {
    const host = createFakeHost({ storage: { [KEY]: value } });
    const checkout = createCheckout({ host, backend: createFakeBackend() });
    expect(await checkout.resumePending()).toEqual([]);
  });

  test('entries that are not orders are skipped, and kept as they are', async () => {
    const host = createFakeHost({ storage: { [KEY]: '[1, null, "", "ok-1", {}]' } });
    const checkout = createCheckout({ host, backend: createFakeBackend() });
    const results = await settle(checkout.resumePending());
    expect(results).toEqual([expect.objectContaining({ orderId: 'ok-1', status: 'paid' })]);
    expect(stored(host)).toEqual([1, null, '', {}]);
  });

  test('a storage that throws never breaks pay() or resumePending()', async () => {
    const { checkout } = setup({
      host: { storageThrows: true },
      backend: { state: 'pending' },
      config: { confirm: { deadlineMs: 1000 } },
    });
    expect((await settle(checkout.pay({}))).status).toBe('pending');
    expect(await settle(checkout.resumePending())).toEqual([
      expect.objectContaining({ status: 'pending', orderId: 'fake-order-1' }),
    ]);
  });

  test('a host without storage: nothing stored, nothing breaks', async () => {
    const { checkout, host } = setup({
      backend: { state: 'pending' },
      config: { confirm: { deadlineMs: 1000, waitMs: 0 } },
    });
    delete (host as { setStorageSync?: unknown }).setStorageSync;
    delete (host as { getStorageSync?: unknown }).getStorageSync;
    expect((await settle(checkout.pay({}))).status).toBe('pending');
    expect(host.storage.size).toBe(0);
  });
});

describe('Resuming pending orders at app launch: nothing lost, nothing delivered twice', () => {
  test('a read that fails once never leads to a write that drops what it could not read', async () => {
    const host = createFakeHost({ storage: { [KEY]: '["A","B"]' } });
    const getStorageSync = host.getStorageSync;
    let failures = 1;
    host.getStorageSync = (key) => {
      if (failures-- > 0) throw new Error('getStorageSync:fail storage busy');
      return getStorageSync?.(key);
    };
    const checkout = createCheckout({
      host,
      backend: createFakeBackend({ state: 'pending' }),
      confirm: { deadlineMs: 1000 },
    });
    expect((await settle(checkout.pay({}))).status).toBe('pending');
    expect(storedIds(host)).toEqual(['A', 'B']);
    await settle(checkout.confirm('C'));
    expect(storedIds(host)).toEqual(['A', 'B', 'fake-order-1', 'C']);
  });

  test.each([
    ['resumePending() asked first, confirm() answers first', 'resume-first'],
    ['confirm() asked first, resumePending() answers last', 'confirm-first'],
  ])('a paid order never comes back as pending: %s', async (_name, order) => {
    const host = createFakeHost({ storage: { [KEY]: '["X"]' } });
    const backend = createFakeBackend({ state: 'pending', longPoll: false });
    // The resume query takes 3 s to answer "pending"; meanwhile confirm() finds X paid.
    const queryOrder = backend.queryOrder;
    backend.queryOrder = (orderId, ctx) => {
      const answer = queryOrder(orderId, ctx);
      if (ctx.waitMs > 0) return answer;
      return new Promise((resolve) => setTimeout(() => resolve(answer), 3000));
    };
    const checkout = createCheckout({ host, backend, confirm: { waitMs: 1000 } });
    let resuming: Promise<unknown>;
    let confirming: Promise<unknown>;
    if (order === 'resume-first') {
      resuming = checkout.resumePending();
      confirming = checkout.confirm('X');
    } else {
      confirming = checkout.confirm('X');
      resuming = checkout.resumePending();
    }
    await jest.advanceTimersByTimeAsync(500);
    backend.setState('paid', 'X');
    expect(await settle(confirming)).toMatchObject({ status: 'paid', orderId: 'X' });
    expect(storedIds(host)).toEqual([]);
    const resumed = await settle(resuming);
    expect(resumed).toEqual([expect.objectContaining({ orderId: 'X' })]);
    expect(storedIds(host)).toEqual([]);
    // The next launch reports nothing: deliver() runs once.
    const nextLaunch = createCheckout({ host, backend: createFakeBackend() });
    expect(await nextLaunch.resumePending()).toEqual([]);
  });

  test('an order the backend does not know (HTTP 404) is reported order_unknown and forgotten', async () => {
    const host = createFakeHost({ storage: { [KEY]: '["gone","kept"]' } });
    const backend = createFakeBackend({ state: 'pending' });
    const queryOrder = backend.queryOrder;
    backend.queryOrder = (orderId, ctx) =>
      orderId === 'gone'
        ? Promise.reject(
            new HttpBackendError('GET /api/orders/gone answered HTTP 404 Not Found', {
              method: 'GET',
              url: '/api/orders/gone',
              status: 404,
            }),
          )
        : queryOrder(orderId, ctx);
    const checkout = createCheckout({ host, backend });
    expect(await settle(checkout.resumePending())).toEqual([
      {
        status: 'failed',
        code: 'order_unknown',
        detail: 'The backend does not know this order.',
        orderId: 'gone',
        order: undefined,
        outcome: undefined,
      },
      expect.objectContaining({ status: 'pending', orderId: 'kept' }),
    ]);
    expect(storedIds(host)).toEqual(['kept']);
  });

  test('an order the backend answers nothing for is unknown too', async () => {
    const host = createFakeHost({ storage: { [KEY]: '["gone"]' } });
    const checkout = createCheckout({
      host,
      backend: createFakeBackend({ script: [{ resolve: undefined }] }),
    });
    expect(await settle(checkout.resumePending())).toEqual([
      expect.objectContaining({ code: 'order_unknown' }),
    ]);
    expect(storedIds(host)).toEqual([]);
  });

  test('an entry is asked one last time 2 hours after it was stored, then forgotten', async () => {
    const now = Date.now();
    const host = createFakeHost({
      storage: {
        [KEY]: JSON.stringify([
          { orderId: 'old', storedAt: now - TWO_HOURS },
          { orderId: 'young', storedAt: now - TWO_HOURS + 1 },
        ]),
      },
    });
    const checkout = createCheckout({ host, backend: createFakeBackend({ state: 'pending' }) });
    const results = await settle(checkout.resumePending());
    expect(results).toEqual([
      {
        status: 'pending',
        orderId: 'old',
        detail: expect.stringMatching(
          /Kept 2 hours, as long as a prepay_id lives: now forgotten\./,
        ),
        outcome: undefined,
      },
      {
        status: 'pending',
        orderId: 'young',
        detail: expect.not.stringMatching(/forgotten/),
        outcome: undefined,
      },
    ]);
    expect(storedIds(host)).toEqual(['young']);
  });

  test('ids stored by an older version get their time at the first write, then expire like the others', async () => {
    const host = createFakeHost({ storage: { [KEY]: '["legacy"]' } });
    const backend = createFakeBackend({ state: 'pending' });
    const checkout = createCheckout({ host, backend });
    const before = Date.now();
    await settle(checkout.resumePending());
    const [entry] = stored(host);
    expect(entry).toEqual({ orderId: 'legacy', storedAt: expect.any(Number) });
    expect(entry.storedAt).toBeGreaterThanOrEqual(before);
    jest.setSystemTime(Date.now() + TWO_HOURS);
    const later = createCheckout({ host, backend });
    expect(await settle(later.resumePending())).toEqual([
      expect.objectContaining({ detail: expect.stringMatching(/forgotten/) }),
    ]);
    expect(stored(host)).toEqual([]);
  });
});
