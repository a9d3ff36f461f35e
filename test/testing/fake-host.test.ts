import { normalizeOutcome, requestPayment, requestVirtualPayment } from 'miniprogram-pay';
import { CASHIER_BEHAVIOURS, type CashierBehaviour, createFakeHost } from 'miniprogram-pay/testing';

const params = { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1', paySign: 's' };
const virtualParams = {
  mode: 'short_series_coin' as const,
  signData:
    '{"offerId":"1","buyQuantity":1,"currencyType":"CNY","outTradeNo":"abcdefgh","attach":""}',
  paySig: 'p',
  signature: 's',
};

afterEach(() => jest.useRealTimers());

describe('Testing your checkout: createFakeHost plays each named quirk like the real hosts', () => {
  const expected: Array<[CashierBehaviour, string, string | null]> = [
    ['ok', 'ok', null],
    ['ok-misspelt-api', 'ok', null],
    ['sync-ok', 'ok', null],
    ['promise', 'ok', null],
    ['cancel', 'cancelled', null],
    ['legacy-complete-cancel', 'cancelled', null],
    ['nested-virtual-cancel', 'cancelled', null],
    ['fail', 'failed', 'host_error'],
    ['legacy-err-desc', 'failed', 'host_error'],
    ['colon-fail', 'failed', 'host_error'],
    ['no-permission', 'failed', 'host_error'],
    ['not-supported', 'failed', 'unsupported'],
    ['signature-invalid', 'failed', 'host_error'],
    ['b2b-invalid-signature', 'failed', 'host_error'],
    ['transfer-package-invalid', 'failed', 'host_error'],
    ['double-callback', 'ok', null],
    ['throws', 'failed', 'host_error'],
    ['garbage', 'failed', 'host_error'],
  ];

  it('CASHIER_BEHAVIOURS lists every named behaviour: these, and lost (which never answers)', () => {
    const checked = [...expected.map(([name]) => name), 'lost'];
    expect([...CASHIER_BEHAVIOURS].sort()).toEqual(checked.sort());
  });

  it.each(expected)('%s -> %s (%s)', async (cashier, status, code) => {
    const host = createFakeHost({ cashier });
    const outcome = await requestPayment(params, { host });
    expect(outcome.status).toBe(status);
    if (code) expect(outcome).toMatchObject({ code });
    expect(host.pendingAnswers).toBe(0);
  });

  it('double-callback really calls back more than once', async () => {
    const host = createFakeHost({ cashier: 'double-callback' });
    const success = jest.fn();
    const fail = jest.fn();
    host.requestPayment?.({ ...params, success, fail });
    await Promise.resolve();
    expect([success.mock.calls.length, fail.mock.calls.length]).toEqual([2, 1]);
  });

  it('sync-ok answers inside the call, before it returns', () => {
    const host = createFakeHost({ cashier: 'sync-ok' });
    const success = jest.fn();
    host.requestPayment?.({ ...params, success });
    expect(success).toHaveBeenCalledWith({ errMsg: 'requestPayment:ok' });
  });

  it('throws: the API throws synchronously, after the sheet was counted', () => {
    const host = createFakeHost({ cashier: 'throws' });
    expect(() => host.requestPayment?.({ ...params })).toThrow(
      new Error('requestPayment:fail the fake host threw'),
    );
    expect(host.sheetsOpened).toBe(1);
  });

  it('promise: ignores the callbacks and returns a promise of ok', async () => {
    const host = createFakeHost({ cashier: 'promise' });
    const callbacks = { success: jest.fn(), fail: jest.fn(), complete: jest.fn() };
    const returned = host.requestPayment?.({ ...params, ...callbacks });
    await expect(returned).resolves.toEqual({ errMsg: 'requestPayment:ok' });
    expect(Object.values(callbacks).flatMap((callback) => callback.mock.calls)).toEqual([]);
  });

  it('garbage: fail with undefined, then complete with undefined', async () => {
    const host = createFakeHost({ cashier: 'garbage' });
    const fail = jest.fn();
    const complete = jest.fn();
    host.requestPayment?.({ ...params, fail, complete });
    await Promise.resolve();
    expect([fail.mock.calls, complete.mock.calls]).toEqual([[[undefined]], [[undefined]]]);
  });

  it('failDetail is the reason of fail steps', async () => {
    const host = createFakeHost({ cashier: 'fail', failDetail: 'risk control' });
    expect(await requestPayment(params, { host })).toMatchObject({
      code: 'host_error',
      detail: 'risk control',
      errMsg: 'requestPayment:fail risk control',
    });
  });

  it('cancel on a virtual payment carries errCode -2', async () => {
    const host = createFakeHost({ cashier: 'cancel' });
    expect(await requestVirtualPayment(virtualParams, { host })).toMatchObject({
      status: 'cancelled',
      errCode: -2,
    });
  });
});

describe('Testing your checkout: createFakeHost scripts, time and records', () => {
  it('plays the script in order and repeats the last step', async () => {
    const host = createFakeHost({ cashier: ['cancel', 'ok'] });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await requestPayment(params, { host })).status);
    expect(statuses).toEqual(['cancelled', 'ok', 'ok']);
    host.setCashier('fail');
    expect((await requestPayment(params, { host })).status).toBe('failed');
    expect(host.calls.map((call) => call.step)).toEqual(['cancel', 'ok', 'ok', 'fail']);
  });

  it('records exactly what the cashier received, without the callbacks', async () => {
    const host = createFakeHost();
    await requestPayment(params, { host });
    expect(host.calls).toEqual([{ api: 'requestPayment', params, step: 'ok' }]);
    expect(host.sheetsOpened).toBe(1);
  });

  it('answers after answerDelayMs, or a step’s own delay, on fake timers', async () => {
    jest.useFakeTimers();
    const host = createFakeHost({
      answerDelayMs: 1000,
      cashier: ['ok', { behaviour: 'cancel', delayMs: 50 }],
    });
    const first = requestPayment(params, { host });
    await jest.advanceTimersByTimeAsync(999);
    expect(host.pendingAnswers).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect((await first).status).toBe('ok');
    const second = requestPayment(params, { host });
    await jest.advanceTimersByTimeAsync(50);
    expect((await second).status).toBe('cancelled');
    expect(host.pendingAnswers).toBe(0);
  });

  it('custom answers, with their own channel', async () => {
    const host = createFakeHost({
      cashier: {
        answers: [{ channel: 'complete', answer: { errMsg: 'requestPayment:fail risk' } }],
      },
    });
    expect(await requestPayment(params, { host })).toMatchObject({ detail: 'risk' });
  });

  it('lost: no answer until deliverLost', async () => {
    const host = createFakeHost({ cashier: 'lost' });
    const success = jest.fn();
    host.requestPayment?.({ ...params, success });
    await Promise.resolve();
    expect(success).not.toHaveBeenCalled();
    host.deliverLost();
    expect(normalizeOutcome(success.mock.calls[0]?.[0], 'success').status).toBe('ok');
  });

  it('fires onAppShow listeners and lets them go', () => {
    const host = createFakeHost();
    const listener = jest.fn();
    host.onAppShow?.(listener);
    host.showApp();
    host.offAppShow?.(listener);
    host.showApp();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(host.appShowListeners).toHaveLength(0);
  });

  it('keeps storage in memory, or throws like a full storage', () => {
    const host = createFakeHost({ storage: { a: 1 } });
    expect(host.getStorageSync?.('a')).toBe(1);
    host.setStorageSync?.('b', 'two');
    host.removeStorageSync?.('a');
    expect([...host.storage.entries()]).toEqual([['b', 'two']]);
    expect(host.getStorageSync?.('missing')).toBe('');
    const live = { ids: ['a'] };
    host.setStorageSync?.('live', live);
    live.ids.push('b');
    expect(host.getStorageSync?.('live')).toEqual({ ids: ['a'] });
    const full = createFakeHost({ storageThrows: true });
    expect(() => full.setStorageSync?.('a', 1)).toThrow(/storage/);
  });

  it('reports its APIs through canIUse and lacks the ones left out', () => {
    const host = createFakeHost({ apis: ['requestPayment'] });
    expect([host.canIUse?.('requestPayment'), host.canIUse?.('requestVirtualPayment')]).toEqual([
      true,
      false,
    ]);
    expect(host.requestVirtualPayment).toBeUndefined();
  });

  it('records requests and answers them with the handler, or a network failure', async () => {
    const handled = createFakeHost({
      request: (request) => request.success?.({ statusCode: 200, data: {} }),
    });
    const success = jest.fn();
    handled.request?.({ url: 'https://x/y', success });
    expect(success).toHaveBeenCalledWith({ statusCode: 200, data: {} });
    expect(handled.requests.map((request) => request.url)).toEqual(['https://x/y']);

    const offline = createFakeHost();
    const fail = jest.fn();
    offline.request?.({ url: 'https://x/y', fail });
    await Promise.resolve();
    expect(fail).toHaveBeenCalledWith({ errMsg: expect.stringContaining('request:fail') });
  });

  it('logs in with a fake code, on a later microtask like the real host', async () => {
    const host = createFakeHost();
    const success = jest.fn();
    host.login({ success });
    expect(success).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(success).toHaveBeenCalledWith({ code: 'fake-code', errMsg: 'login:ok' });
  });
});
