import { requestPayment } from 'miniprogram-pay';
import { createAbortController } from '../../src/core/abort-signal';
import { countingSignal, setup, track } from './helpers';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const PARAMS = { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', paySign: 's' };

/** "At once": the pending promise callbacks run, no fake time passes. */
const settledWithoutTime = () => jest.advanceTimersByTimeAsync(0);

describe('Aborting', () => {
  test('while creating the order: failed aborted at once, no orderId, host untouched', async () => {
    const { checkout, backend, host, stages } = setup({ backend: { createLatencyMs: 1000 } });
    const controller = countingSignal();
    const state = track(checkout.pay({}, { signal: controller.signal }));
    await jest.advanceTimersByTimeAsync(400);
    controller.abort();
    await settledWithoutTime();
    expect(state.result).toEqual({
      status: 'failed',
      code: 'aborted',
      detail: expect.any(String),
    });
    await jest.advanceTimersByTimeAsync(5000);
    expect(host.sheetsOpened).toBe(0);
    expect(backend.queries).toHaveLength(0);
    expect(stages.map(([stage]) => stage)).toEqual(['creating_order', 'settled']);
    expect(controller.listeners).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
  });

  test('while the cashier is open: pending with the orderId at once, no query; the host stays taken until its sheet answers', async () => {
    const { checkout, backend, host } = setup({ host: { cashier: 'lost' } });
    const controller = createAbortController();
    const state = track(checkout.pay({}, { signal: controller.signal }));
    await jest.advanceTimersByTimeAsync(10_000);
    controller.abort();
    await settledWithoutTime();
    expect(state.result).toEqual({
      kind: 'payment',
      status: 'pending',
      orderId: 'fake-order-1',
      detail: expect.stringMatching(/^Aborted after the order was created; the user may still pay/),
      outcome: expect.objectContaining({ code: 'aborted' }),
    });
    await jest.advanceTimersByTimeAsync(60_000);
    expect(backend.queries).toHaveLength(0);
    host.setCashier('ok');
    expect(await requestPayment(PARAMS, { host })).toMatchObject({
      status: 'failed',
      code: 'busy',
    });
    host.deliverLost('cancel');
    await settledWithoutTime();
    expect(host.appShowListeners).toHaveLength(0);
    expect(await requestPayment(PARAMS, { host })).toMatchObject({ status: 'ok' });
    expect(jest.getTimerCount()).toBe(0);
  });

  test('while the cashier is open and it never answers: the host is free after the host timeout', async () => {
    const { checkout, host } = setup({
      host: { cashier: 'lost' },
      config: { hostTimeoutMs: 90_000 },
    });
    const controller = createAbortController();
    track(checkout.pay({}, { signal: controller.signal }));
    await jest.advanceTimersByTimeAsync(10_000);
    controller.abort();
    await jest.advanceTimersByTimeAsync(79_999);
    host.setCashier('ok');
    expect(await requestPayment(PARAMS, { host })).toMatchObject({ code: 'busy' });
    await jest.advanceTimersByTimeAsync(1);
    expect(host.appShowListeners).toHaveLength(0);
    expect(jest.getTimerCount()).toBe(0);
    expect(await requestPayment(PARAMS, { host })).toMatchObject({ status: 'ok' });
  });

  test('while confirming: pending with the orderId and the outcome; polling stops', async () => {
    const { checkout, backend } = setup({ backend: { state: 'pending', longPoll: false } });
    const controller = countingSignal();
    const state = track(checkout.pay({}, { signal: controller.signal }));
    await jest.advanceTimersByTimeAsync(3000);
    const asked = backend.queries.length;
    expect(asked).toBeGreaterThan(2);
    controller.abort();
    await settledWithoutTime();
    expect(state.result).toMatchObject({
      status: 'pending',
      orderId: 'fake-order-1',
      outcome: { status: 'ok' },
    });
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(backend.queries).toHaveLength(asked);
    expect(controller.listeners).toBe(0);
  });

  test('a query in flight is aborted with it', async () => {
    const { checkout, backend } = setup({ backend: { state: 'pending' } });
    const controller = new AbortController();
    const state = track(checkout.pay({}, { signal: controller.signal }));
    await jest.advanceTimersByTimeAsync(2000);
    expect(backend.queries).toHaveLength(1);
    controller.abort();
    await settledWithoutTime();
    expect(state.result?.status).toBe('pending');
    expect(jest.getTimerCount()).toBe(0);
  });

  test('already aborted: failed aborted, nothing touched', async () => {
    const { checkout, backend, host, stages } = setup();
    const controller = new AbortController();
    controller.abort();
    expect(await checkout.pay({}, { signal: controller.signal })).toMatchObject({
      status: 'failed',
      code: 'aborted',
    });
    expect(backend.created).toHaveLength(0);
    expect(host.sheetsOpened).toBe(0);
    expect(stages).toEqual([['settled', undefined]]);
  });

  test('confirm() aborted: pending with the orderId', async () => {
    const { checkout, backend } = setup({ backend: { state: 'pending' } });
    const controller = countingSignal();
    const state = track(checkout.confirm('o-1', { signal: controller.signal }));
    await jest.advanceTimersByTimeAsync(100);
    controller.abort();
    await settledWithoutTime();
    expect(state.result).toMatchObject({ status: 'pending', orderId: 'o-1' });
    expect(controller.listeners).toBe(0);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(backend.queries).toHaveLength(1);
  });

  test('aborted by the page as the cashier is about to open (its onStage listener): no sheet, pending, the host free', async () => {
    const controller = countingSignal();
    const { checkout, backend, host } = setup({
      config: {
        onStage: (stage) => {
          if (stage === 'awaiting_payment') controller.abort();
        },
      },
    });
    const result = await checkout.pay({}, { signal: controller.signal });
    expect(result).toEqual({
      kind: 'payment',
      status: 'pending',
      orderId: 'fake-order-1',
      detail: expect.stringMatching(/^Aborted after the order was created/),
      outcome: expect.objectContaining({
        code: 'aborted',
        detail: expect.stringMatching(/^Aborted before the cashier opened/),
      }),
    });
    expect(host.sheetsOpened).toBe(0);
    expect(backend.queries).toHaveLength(0);
    expect(await requestPayment(PARAMS, { host })).toMatchObject({ status: 'ok' });
  });

  test('after an abort the checkout is free again, and pay() waits for the host only while its sheet is up', async () => {
    const { checkout, backend, host } = setup({ host: { cashier: ['lost', 'ok'] } });
    const controller = new AbortController();
    const first = track(checkout.pay({}, { signal: controller.signal }));
    await jest.advanceTimersByTimeAsync(10);
    controller.abort();
    await jest.advanceTimersByTimeAsync(0);
    expect(first.result?.status).toBe('pending');
    expect(await checkout.pay({})).toMatchObject({ status: 'failed', code: 'busy' });
    expect(backend.created).toHaveLength(1);
    host.deliverLost('cancel');
    const second = track(checkout.pay({}));
    await jest.advanceTimersByTimeAsync(0);
    expect(second.result).toMatchObject({ status: 'paid', orderId: 'fake-order-2' });
  });

  test('abort after settling changes nothing', async () => {
    const { checkout } = setup();
    const controller = countingSignal();
    const state = track(checkout.pay({}, { signal: controller.signal }));
    await jest.advanceTimersByTimeAsync(0);
    expect(state.result?.status).toBe('paid');
    expect(controller.listeners).toBe(0);
    controller.abort();
    expect(state.result?.status).toBe('paid');
  });
});
