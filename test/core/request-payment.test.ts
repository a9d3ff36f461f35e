import {
  type PaymentHost,
  type PaymentOutcome,
  requestPayment,
  validatePaymentParams,
} from 'miniprogram-pay';
import { createFakeHost } from 'miniprogram-pay/testing';

const params = {
  timeStamp: '1414561699',
  nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
  package: 'prepay_id=wx201410272009395522657a690389285100',
  signType: 'RSA' as const,
  paySign: 'oR9d8PuhnIc+YZ8cBHFCwfgpaK9gd7vaRvkYD7rthRAZ',
};

afterEach(() => {
  jest.useRealTimers();
  delete (globalThis as { wx?: unknown }).wx;
});

describe('requestPayment: forwarding', () => {
  it('resolves ok and forwards exactly the known keys', async () => {
    const host = createFakeHost();
    const outcome = await requestPayment({ ...params, extra: 'dropped' } as typeof params, {
      host,
    });
    expect(outcome).toEqual({
      status: 'ok',
      errMsg: 'requestPayment:ok',
      raw: { errMsg: 'requestPayment:ok' },
    });
    expect(host.calls).toEqual([{ api: 'requestPayment', params, step: 'ok' }]);
  });

  it('sends a numeric timeStamp as its digits', async () => {
    const host = createFakeHost();
    await requestPayment({ ...params, timeStamp: 1414561699 }, { host });
    expect(host.calls[0]?.params.timeStamp).toBe('1414561699');
  });

  it('accepts a PSP metadata.wechatpay with pkg and sends it as package', async () => {
    const host = createFakeHost();
    const { package: prepay, ...rest } = params;
    await requestPayment({ ...rest, pkg: prepay }, { host });
    expect(host.calls[0]?.params).toEqual(params);
    expect(host.calls[0]?.params).not.toHaveProperty('pkg');
  });

  it('leaves signType out when the server gave none', async () => {
    const host = createFakeHost();
    const { signType: _omitted, ...v2WithoutSignType } = params;
    await requestPayment(v2WithoutSignType, { host });
    expect(host.calls[0]?.params).not.toHaveProperty('signType');
  });

  it('uses the global wx when no host is injected', async () => {
    const host = createFakeHost({ cashier: 'cancel' });
    (globalThis as { wx?: unknown }).wx = host;
    expect((await requestPayment(params)).status).toBe('cancelled');
    expect(host.sheetsOpened).toBe(1);
  });
});

describe('requestPayment: validation before the host is touched', () => {
  it.each([
    [{ timeStamp: 'abc' }, 'timeStamp'],
    [{ timeStamp: -1 }, 'timeStamp'],
    [{ timeStamp: undefined }, 'timeStamp'],
    [{ nonceStr: '' }, 'nonceStr'],
    [{ nonceStr: 'x'.repeat(33) }, 'nonceStr'],
    [{ package: 'prepay=1' }, 'package'],
    [{ package: `prepay_id=${'x'.repeat(119)}` }, 'package'],
    [{ signType: 'SHA1' }, 'signType'],
    [{ paySign: '' }, 'paySign'],
    [{ paySign: 42 }, 'paySign'],
  ])('%j is refused naming %s', async (change, field) => {
    const host = createFakeHost();
    const outcome = await requestPayment({ ...params, ...change } as never, { host });
    expect(outcome).toMatchObject({ status: 'failed', code: 'invalid_params' });
    expect(outcome.status === 'failed' && outcome.issues?.map((issue) => issue.field)).toEqual([
      field,
    ]);
    expect(outcome.status === 'failed' && outcome.detail).toContain(field);
    expect(host.sheetsOpened).toBe(0);
  });

  it('names every bad field at once, and the key the caller used', () => {
    expect(validatePaymentParams({ pkg: 'nope', paySign: '' }).map((issue) => issue.field)).toEqual(
      ['timeStamp', 'nonceStr', 'pkg', 'paySign'],
    );
  });

  it('accepts a package of exactly 128 characters and returns [] for valid params', () => {
    expect(validatePaymentParams({ ...params, package: `prepay_id=${'x'.repeat(118)}` })).toEqual(
      [],
    );
    expect(validatePaymentParams(params)).toEqual([]);
  });

  it.each([null, undefined, 'params', 42, []])('refuses %p without throwing', (value) => {
    expect(validatePaymentParams(value).length).toBeGreaterThan(0);
  });

  it('describes the bad value in the message', () => {
    expect(validatePaymentParams({ ...params, timeStamp: 'soon' })[0]?.message).toMatch(
      /got "soon"/,
    );
  });

  it('refuses a bad timeoutMs as invalid_params', async () => {
    const host = createFakeHost();
    const outcome = await requestPayment(params, { host, timeoutMs: -5 });
    expect(outcome).toMatchObject({
      status: 'failed',
      code: 'invalid_params',
      issues: [{ field: 'timeoutMs' }],
    });
    expect(host.sheetsOpened).toBe(0);
  });
});

describe('requestPayment: host quirks settle once and never reject', () => {
  it.each([
    ['ok', 'ok'],
    ['ok-misspelt-api', 'ok'],
    ['sync-ok', 'ok'],
    ['cancel', 'cancelled'],
    ['legacy-complete-cancel', 'cancelled'],
    ['fail', 'failed'],
    ['legacy-err-desc', 'failed'],
    ['colon-fail', 'failed'],
    ['no-permission', 'failed'],
    ['not-supported', 'failed'],
    ['double-callback', 'ok'],
    ['throws', 'failed'],
    ['garbage', 'failed'],
  ] as const)('%s resolves %s', async (cashier, status) => {
    const host = createFakeHost({ cashier });
    const outcome = await requestPayment(params, { host });
    expect(outcome.status).toBe(status);
    expect(host.sheetsOpened).toBe(1);
  });

  it('reports a throwing host with its message', async () => {
    const host = createFakeHost({ cashier: 'throws' });
    expect(await requestPayment(params, { host })).toMatchObject({
      code: 'host_error',
      detail: expect.stringContaining('the fake host threw'),
    });
  });

  it('settles from the first callback: a success then a fail stays ok', async () => {
    const host = createFakeHost({
      cashier: {
        answers: [
          { channel: 'success', answer: { errMsg: 'requestPayment:ok' } },
          { channel: 'fail', answer: { errMsg: 'requestPayment:fail cancel' } },
        ],
      },
    });
    expect((await requestPayment(params, { host })).status).toBe('ok');
  });

  it('prefers a real answer that follows an empty one in the same turn', async () => {
    const host = createFakeHost({
      cashier: {
        answers: [
          { channel: 'success', answer: undefined },
          { channel: 'complete', answer: { errMsg: 'requestPayment:ok' } },
        ],
      },
    });
    expect((await requestPayment(params, { host })).status).toBe('ok');
  });

  it('reads a promisified host that ignores callbacks', async () => {
    const host: PaymentHost = {
      requestPayment: () => Promise.reject({ errMsg: 'requestPayment:fail cancel' }),
    };
    expect((await requestPayment(params, { host })).status).toBe('cancelled');
  });

  it('answers unsupported when there is no host or no API', async () => {
    expect(await requestPayment(params)).toMatchObject({
      status: 'failed',
      code: 'unsupported',
      detail: expect.stringContaining('no host'),
    });
    expect(await requestPayment(params, { host: {} })).toMatchObject({
      code: 'unsupported',
      detail: expect.stringContaining('requestPayment'),
    });
    const old = createFakeHost({ canIUse: () => false });
    expect(await requestPayment(params, { host: old })).toMatchObject({ code: 'unsupported' });
    expect(old.sheetsOpened).toBe(0);
  });
});

describe('requestPayment: busy, timeout, abort', () => {
  it('refuses a second call while the cashier is open, then allows one after', async () => {
    const host = createFakeHost({ answerDelayMs: 5 });
    const first = requestPayment(params, { host });
    const second = await requestPayment(params, { host });
    expect(second).toMatchObject({ status: 'failed', code: 'busy' });
    expect((await first).status).toBe('ok');
    expect(host.sheetsOpened).toBe(1);
    expect((await requestPayment(params, { host })).status).toBe('ok');
  });

  it('keeps separate hosts independent', async () => {
    const [a, b] = [createFakeHost({ answerDelayMs: 5 }), createFakeHost({ answerDelayMs: 5 })];
    const outcomes = await Promise.all([
      requestPayment(params, { host: a }),
      requestPayment(params, { host: b }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['ok', 'ok']);
  });

  it('times out a lost callback, ignores the late one and leaves no timer', async () => {
    jest.useFakeTimers();
    const host = createFakeHost({ cashier: 'lost' });
    const pending = requestPayment(params, { host, timeoutMs: 1000 });
    await jest.advanceTimersByTimeAsync(999);
    expect(jest.getTimerCount()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    const outcome = await pending;
    expect(outcome).toMatchObject({
      status: 'failed',
      code: 'timeout',
      detail: expect.stringContaining('1000'),
    });
    host.deliverLost('ok');
    await jest.advanceTimersByTimeAsync(0);
    expect(await pending).toBe(outcome);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('clears the timer when the host answers first', async () => {
    jest.useFakeTimers();
    const host = createFakeHost();
    const outcome = await requestPayment(params, { host, timeoutMs: 60_000 });
    expect(outcome.status).toBe('ok');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('aborts before: no cashier', async () => {
    const host = createFakeHost();
    const controller = new AbortController();
    controller.abort();
    expect(await requestPayment(params, { host, signal: controller.signal })).toMatchObject({
      code: 'aborted',
    });
    expect(host.sheetsOpened).toBe(0);
  });

  it('aborts during: settles at once, removes its listener, releases the host', async () => {
    const host = createFakeHost({ cashier: ['lost', 'ok'] });
    const listeners = new Set<() => void>();
    let aborted = false;
    const signal = {
      get aborted() {
        return aborted;
      },
      addEventListener: (_type: 'abort', listener: () => void) => listeners.add(listener),
      removeEventListener: (_type: 'abort', listener: () => void) => listeners.delete(listener),
    };
    const pending = requestPayment(params, { host, signal });
    expect(listeners.size).toBe(1);
    aborted = true;
    for (const listener of [...listeners]) listener();
    expect(await pending).toMatchObject({ status: 'failed', code: 'aborted' });
    expect(listeners.size).toBe(0);
    expect((await requestPayment(params, { host })).status).toBe('ok');
  });
});

describe('requestPayment: outcomes narrow on status', () => {
  it('exposes code only on failed outcomes', async () => {
    const outcome: PaymentOutcome = await requestPayment(params, {
      host: createFakeHost({ cashier: 'fail', failDetail: 'risk' }),
    });
    const summary =
      outcome.status === 'failed' ? `${outcome.code}: ${outcome.detail}` : outcome.status;
    expect(summary).toBe('host_error: risk');
  });
});
