import { createCheckout } from 'miniprogram-pay';
import { createFakeBackend, createFakeHost } from 'miniprogram-pay/testing';
import { settle, setup, track } from './helpers';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const KEY = 'miniprogram-pay:pending';
const stored = (host: { storage: Map<string, unknown> }) => {
  const value = host.storage.get(KEY) ?? '[]';
  return typeof value === 'string' ? JSON.parse(value) : value;
};

describe('rule 10: pending orders survive', () => {
  test('a pending pay() keeps its orderId in storage as a JSON array', async () => {
    const { checkout, host } = setup({
      backend: { state: 'pending' },
      config: { confirm: { deadlineMs: 2000 } },
    });
    expect((await settle(checkout.pay({}))).status).toBe('pending');
    expect(host.storage.get(KEY)).toBe('["fake-order-1"]');
  });

  test('an aborted pay() after the order existed is kept too', async () => {
    const { checkout, host } = setup({ host: { cashier: 'lost' } });
    const controller = new AbortController();
    const state = track(checkout.pay({}, { signal: controller.signal }));
    await jest.advanceTimersByTimeAsync(10);
    controller.abort();
    await jest.advanceTimersByTimeAsync(0);
    expect(state.result?.status).toBe('pending');
    expect(stored(host)).toEqual(['fake-order-1']);
  });

  test('settled orders are not stored; ids are not duplicated', async () => {
    const { checkout, host, backend } = setup({
      backend: { state: 'pending' },
      config: { confirm: { deadlineMs: 1000 } },
    });
    await settle(checkout.confirm('a'));
    await settle(checkout.confirm('a'));
    await settle(checkout.confirm('b'));
    expect(stored(host)).toEqual(['a', 'b']);
    backend.setState('paid', 'a');
    await settle(checkout.confirm('a'));
    expect(stored(host)).toEqual(['b']);
  });

  test('resumePending() queries each once, returns the results and forgets the settled ones', async () => {
    const host = createFakeHost({ storage: { [KEY]: '["p1","p2","p3","p4"]' } });
    const backend = createFakeBackend({ state: 'pending' });
    backend.setState('paid', 'p1');
    backend.setState('closed', 'p3');
    const onStage = jest.fn();
    const checkout = createCheckout({ host, backend, onStage });
    const results = await settle(checkout.resumePending() as never);
    expect(results).toEqual([
      { status: 'paid', orderId: 'p1', order: { orderId: 'p1', state: 'paid' } },
      { status: 'pending', orderId: 'p2', detail: expect.stringMatching(/pending/) },
      expect.objectContaining({ status: 'failed', code: 'order_closed', orderId: 'p3' }),
      { status: 'pending', orderId: 'p4', detail: expect.stringMatching(/pending/) },
    ]);
    expect(backend.queries.map(({ orderId, waitMs }) => [orderId, waitMs])).toEqual([
      ['p1', 0],
      ['p2', 0],
      ['p3', 0],
      ['p4', 0],
    ]);
    expect(stored(host)).toEqual(['p2', 'p4']);
    expect(onStage).not.toHaveBeenCalled();
  });

  test('resumePending() keeps orders whose query failed; a hung query ends at the deadline', async () => {
    const host = createFakeHost({ storage: { [KEY]: ['x', 'y'] } });
    const backend = createFakeBackend({ script: ['hang'] });
    const checkout = createCheckout({ host, backend, confirm: { deadlineMs: 3000 } });
    const state = track(checkout.resumePending() as never);
    await jest.advanceTimersByTimeAsync(3000);
    expect(state.result).toEqual([
      expect.objectContaining({ status: 'pending', orderId: 'x' }),
      expect.objectContaining({ status: 'pending', orderId: 'y' }),
    ]);
    expect(stored(host)).toEqual(['x', 'y']);
  });

  test('resumePending() does not block pay()', async () => {
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

  test('non-string ids in storage are skipped', async () => {
    const host = createFakeHost({ storage: { [KEY]: '[1, null, "", "ok-1", {}]' } });
    const checkout = createCheckout({ host, backend: createFakeBackend() });
    const results = await settle(checkout.resumePending() as never);
    expect(results).toEqual([expect.objectContaining({ orderId: 'ok-1', status: 'paid' })]);
  });

  test('a storage that throws never breaks pay() or resumePending()', async () => {
    const { checkout } = setup({
      host: { storageThrows: true },
      backend: { state: 'pending' },
      config: { confirm: { deadlineMs: 1000 } },
    });
    expect((await settle(checkout.pay({}))).status).toBe('pending');
    expect(await checkout.resumePending()).toEqual([]);
  });

  test('persistPending: false stores nothing', async () => {
    const { checkout, host } = setup({
      backend: { state: 'pending' },
      config: { persistPending: false, confirm: { deadlineMs: 1000 } },
    });
    await settle(checkout.pay({}));
    expect(host.storage.size).toBe(0);
  });

  test('a host without storage: nothing stored, nothing breaks', async () => {
    const { checkout, host } = setup({
      backend: { state: 'pending' },
      config: { confirm: { deadlineMs: 1000 } },
    });
    delete (host as { setStorageSync?: unknown }).setStorageSync;
    expect((await settle(checkout.pay({}))).status).toBe('pending');
    expect(host.storage.size).toBe(0);
    expect(await checkout.resumePending()).toEqual([]);
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
});
