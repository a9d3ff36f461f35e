import { type PaymentOutcome, requestPayment, requestVirtualPayment } from 'miniprogram-pay';
import { createFakeHost } from 'miniprogram-pay/testing';
import { takeHost } from '../../src/core/host-lock';
import { paymentParams as params, virtualParams } from './helpers';

const BUSY = {
  status: 'failed',
  code: 'busy',
  detail: expect.stringMatching(/cashier is already open/i),
  errMsg: '',
  raw: undefined,
};

afterEach(() => jest.useRealTimers());

describe('One cashier per host: busy while a sheet is open', () => {
  it('refuses a second call while the cashier is open, then allows one after', async () => {
    const host = createFakeHost({ answerDelayMs: 5 });
    const first = requestPayment(params, { host });
    expect(await requestPayment(params, { host })).toEqual(BUSY);
    expect((await first).status).toBe('ok');
    expect(host.sheetsOpened).toBe(1);
    expect((await requestPayment(params, { host })).status).toBe('ok');
    expect(host.sheetsOpened).toBe(2);
  });

  it('a busy call does not free the host for the one still open', async () => {
    const host = createFakeHost({ cashier: ['lost', 'ok'] });
    const first = requestPayment(params, { host });
    expect(await requestPayment(params, { host })).toEqual(BUSY);
    expect(await requestPayment(params, { host })).toEqual(BUSY);
    host.deliverLost('cancel');
    expect((await first).status).toBe('cancelled');
    expect(host.sheetsOpened).toBe(1);
  });

  it('keeps separate hosts independent', async () => {
    const [a, b] = [createFakeHost({ answerDelayMs: 5 }), createFakeHost({ answerDelayMs: 5 })];
    const outcomes = await Promise.all([
      requestPayment(params, { host: a }),
      requestPayment(params, { host: b }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['ok', 'ok']);
  });

  it('requestPayment and requestVirtualPayment share the lock of a host', async () => {
    const host = createFakeHost({ cashier: ['lost', 'ok'] });
    const first = requestVirtualPayment(virtualParams, { host });
    expect(await requestPayment(params, { host })).toEqual(BUSY);
    expect(await requestVirtualPayment(virtualParams, { host })).toEqual(BUSY);
    host.deliverLost('ok');
    expect((await first).status).toBe('ok');
    expect((await requestPayment(params, { host })).status).toBe('ok');
  });

  it('a refused call never takes the host: bad parameters, no API, canIUse false', async () => {
    const host = createFakeHost({ apis: ['requestPayment'] });
    await requestPayment({ ...params, paySign: '' }, { host });
    await requestVirtualPayment(virtualParams, { host });
    expect(takeHost(host)).toEqual(expect.any(Function));
  });
});

describe('One cashier per host: the host is free again whatever ended its sheet', () => {
  it('after a timeout', async () => {
    jest.useFakeTimers();
    const host = createFakeHost({ cashier: ['lost', 'ok'] });
    const first = requestPayment(params, { host, timeoutMs: 50 });
    await jest.advanceTimersByTimeAsync(50);
    expect(await first).toMatchObject({ code: 'timeout' });
    const second = requestPayment(params, { host });
    await jest.advanceTimersByTimeAsync(0);
    expect((await second).status).toBe('ok');
    expect(host.sheetsOpened).toBe(2);
  });

  it('after the host threw', async () => {
    const host = createFakeHost({ cashier: ['throws', 'ok'] });
    expect(await requestPayment(params, { host })).toMatchObject({ code: 'host_error' });
    expect((await requestPayment(params, { host })).status).toBe('ok');
  });
});

describe('One cashier per host: an abort frees the caller, not the host', () => {
  /** Starts a call on a lost cashier and aborts it at once. */
  async function abortedCall(timeoutMs?: number) {
    const host = createFakeHost({ cashier: ['lost', 'ok'] });
    const controller = new AbortController();
    const call = requestPayment(params, { host, signal: controller.signal, timeoutMs });
    controller.abort();
    const outcome = await call;
    return { host, outcome, call };
  }

  it('the call settles aborted at once, and the host is busy while its sheet is on screen', async () => {
    const { host, outcome } = await abortedCall(60_000);
    expect(outcome).toMatchObject({ code: 'aborted' });
    expect(await requestPayment(params, { host })).toEqual(BUSY);
    expect(await requestVirtualPayment(virtualParams, { host })).toEqual(BUSY);
    expect(host.sheetsOpened).toBe(1);
    host.deliverLost('cancel');
  });

  it('the late answer frees the host, and does not change what the call resolved', async () => {
    const { host, outcome, call } = await abortedCall(60_000);
    host.deliverLost('ok');
    expect(await call).toBe(outcome);
    expect((await requestPayment(params, { host })).status).toBe('ok');
    expect(host.sheetsOpened).toBe(2);
  });

  it('without a late answer, the host is free once timeoutMs passes, and the timer is gone', async () => {
    jest.useFakeTimers();
    const { host } = await abortedCall(1000);
    expect(jest.getTimerCount()).toBe(1);
    await jest.advanceTimersByTimeAsync(999);
    expect(await requestPayment(params, { host })).toEqual(BUSY);
    await jest.advanceTimersByTimeAsync(1);
    expect(jest.getTimerCount()).toBe(0);
    const next = requestPayment(params, { host });
    await jest.advanceTimersByTimeAsync(0);
    expect((await next).status).toBe('ok');
    expect(host.sheetsOpened).toBe(2);
  });

  it('with the default timeoutMs, the host stays taken for 300000 ms after the abort', async () => {
    jest.useFakeTimers();
    const { host } = await abortedCall();
    await jest.advanceTimersByTimeAsync(299_999);
    expect(await requestPayment(params, { host })).toEqual(BUSY);
    await jest.advanceTimersByTimeAsync(1);
    const next: Promise<PaymentOutcome> = requestPayment(params, { host });
    await jest.advanceTimersByTimeAsync(0);
    expect((await next).status).toBe('ok');
  });

  it('an abort before the cashier opened never takes the host', async () => {
    const host = createFakeHost();
    const controller = new AbortController();
    controller.abort();
    await requestPayment(params, { host, signal: controller.signal });
    expect((await requestPayment(params, { host })).status).toBe('ok');
    expect(host.sheetsOpened).toBe(1);
  });
});

describe('One cashier per host: takeHost', () => {
  it('takes a host once; its release frees it once, never for someone who took it since', () => {
    const host = {};
    const release = takeHost(host);
    expect(release).toEqual(expect.any(Function));
    expect(takeHost(host)).toBeUndefined();
    release?.();
    const again = takeHost(host);
    expect(again).toEqual(expect.any(Function));
    release?.();
    expect(takeHost(host)).toBeUndefined();
    again?.();
    expect(takeHost(host)).toEqual(expect.any(Function));
  });
});
