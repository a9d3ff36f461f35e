import { requestPayment } from 'miniprogram-pay';
import { setup, track } from './helpers';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const PARAMS = { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', paySign: 's' };

describe('The flow, awaiting_payment: a lost callback', () => {
  test('app back in the foreground, no callback within resumeGraceMs: confirm as after ok', async () => {
    const { checkout, host, backend } = setup({
      host: { cashier: 'lost' },
      config: { resumeGraceMs: 1500 },
    });
    const start = Date.now();
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(60_000);
    expect(state.settled).toBe(false);
    expect(host.appShowListeners).toHaveLength(1);
    host.showApp();
    await jest.advanceTimersByTimeAsync(1499);
    expect(backend.queries).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(backend.queries[0]?.at).toBe(start + 61_500);
    expect(backend.queries[0]?.waitMs).toBeGreaterThan(0);
    expect(state.result).toMatchObject({
      status: 'paid',
      outcome: {
        status: 'failed',
        code: 'timeout',
        detail: 'The callback was lost: the app came back and no callback followed within 1500 ms.',
      },
    });
    expect(host.appShowListeners).toHaveLength(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('the default grace is 2 s', async () => {
    const { checkout, host, backend } = setup({ host: { cashier: 'lost' } });
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(100);
    host.showApp();
    await jest.advanceTimersByTimeAsync(1999);
    expect(backend.queries).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(backend.queries).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(0);
    expect(state.result?.status).toBe('paid');
  });

  test('a callback within the grace is used as usual', async () => {
    const { checkout, host, backend } = setup({
      host: { cashier: 'lost' },
      backend: { state: 'pending' },
    });
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(100);
    host.showApp();
    await jest.advanceTimersByTimeAsync(500);
    host.deliverLost('cancel');
    await jest.advanceTimersByTimeAsync(0);
    expect(state.result).toMatchObject({ status: 'cancelled' });
    expect(backend.queries).toHaveLength(1);
  });

  test('repeated app shows start one grace period, from the first show', async () => {
    const { checkout, host, backend } = setup({ host: { cashier: 'lost' } });
    const start = Date.now();
    track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(100);
    host.showApp();
    await jest.advanceTimersByTimeAsync(1000);
    host.showApp();
    await jest.advanceTimersByTimeAsync(1000);
    expect(backend.queries.map((query) => query.at - start)).toEqual([2100]);
  });

  test('hostTimeoutMs without an app show: confirm as after ok', async () => {
    const { checkout, backend, host } = setup({
      host: { cashier: 'lost' },
      config: { hostTimeoutMs: 90_000 },
    });
    const start = Date.now();
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(89_999);
    expect(backend.queries).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(backend.queries[0]?.at).toBe(start + 90_000);
    await jest.advanceTimersByTimeAsync(0);
    expect(state.result).toMatchObject({
      status: 'paid',
      outcome: { code: 'timeout', detail: expect.stringContaining('90000 ms') },
    });
    expect(host.appShowListeners).toHaveLength(0);
  });

  test('a late callback after giving up is ignored', async () => {
    const { checkout, host, backend } = setup({
      host: { cashier: 'lost' },
      backend: { state: 'pending', longPoll: false },
      config: { hostTimeoutMs: 1000, confirm: { deadlineMs: 10_000 } },
    });
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(2000);
    host.deliverLost('cancel');
    backend.setState('paid');
    await jest.advanceTimersByTimeAsync(2000);
    expect(state.result).toMatchObject({ status: 'paid', outcome: { code: 'timeout' } });
  });

  test('giving up releases the host for the next cashier', async () => {
    const { checkout, host } = setup({
      host: { cashier: 'lost' },
      config: { hostTimeoutMs: 1000 },
    });
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(1000);
    expect(state.result?.status).toBe('paid');
    host.setCashier('ok');
    expect(await requestPayment(PARAMS, { host })).toMatchObject({ status: 'ok' });
  });

  test('the listener lives only while the cashier is open', async () => {
    const { checkout, host } = setup({
      host: { answerDelayMs: 3000 },
      backend: { pendingMs: 5000 },
    });
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(0);
    expect(host.appShowListeners).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(3000);
    expect(host.appShowListeners).toHaveLength(0);
    host.showApp();
    await jest.advanceTimersByTimeAsync(5000);
    expect(state.result?.status).toBe('paid');
    expect(jest.getTimerCount()).toBe(0);
  });

  test('a host without onAppShow / offAppShow still pays (hostTimeoutMs covers it)', async () => {
    const { checkout, host } = setup({
      host: { cashier: 'lost' },
      config: { hostTimeoutMs: 5000 },
    });
    delete (host as { offAppShow?: unknown }).offAppShow;
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(5000);
    expect(state.result?.status).toBe('paid');
    expect(host.appShowListeners).toHaveLength(0);
  });

  test('a host whose onAppShow throws still pays', async () => {
    const { checkout, host } = setup();
    host.onAppShow = () => {
      throw new Error('no');
    };
    const state = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(0);
    expect(state.result?.status).toBe('paid');
  });
});
