import {
  type FailedOutcome,
  type PaymentHost,
  type PaymentOutcome,
  requestPayment,
  validatePaymentParams,
} from 'miniprogram-pay';
import { createFakeHost } from 'miniprogram-pay/testing';
import { mustBe, threw } from './helpers';

const params = {
  timeStamp: '1414561699',
  nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
  package: 'prepay_id=wx201410272009395522657a690389285100',
  signType: 'RSA' as const,
  paySign: 'oR9d8PuhnIc+YZ8cBHFCwfgpaK9gd7vaRvkYD7rthRAZ',
};

/** The outcome as a failure; fails the test when it is not one. */
function failed(outcome: PaymentOutcome): FailedOutcome {
  expect(outcome.status).toBe('failed');
  return outcome as FailedOutcome;
}

afterEach(() => {
  jest.useRealTimers();
  delete (globalThis as { wx?: unknown }).wx;
});

describe('Parameter shapes: what requestPayment sends to the host', () => {
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

  it("accepts a payment provider's metadata.wechatpay with pkg and sends it as package", async () => {
    const host = createFakeHost();
    const { package: prepay, ...rest } = params;
    await requestPayment({ ...rest, pkg: prepay }, { host });
    expect(host.calls[0]?.params).toEqual(params);
    expect(host.calls[0]?.params).not.toHaveProperty('pkg');
  });

  it('sends package when both package and pkg are given', async () => {
    const host = createFakeHost();
    await requestPayment({ ...params, pkg: 'prepay_id=other' }, { host });
    expect(host.calls[0]?.params.package).toBe(params.package);
  });

  it('leaves signType out when the server gave none (API v2 defaults)', async () => {
    const host = createFakeHost();
    const { signType: _omitted, ...v2WithoutSignType } = params;
    await requestPayment(v2WithoutSignType, { host });
    expect(host.calls[0]?.params).not.toHaveProperty('signType');
  });

  it.each(['MD5', 'HMAC-SHA256'] as const)('forwards the API v2 signType %s', async (signType) => {
    const host = createFakeHost();
    expect((await requestPayment({ ...params, signType }, { host })).status).toBe('ok');
    expect(host.calls[0]?.params.signType).toBe(signType);
  });
});

describe('Parameter shapes: bad parameters are named before the host is touched', () => {
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
    const outcome = failed(await requestPayment({ ...params, ...change } as never, { host }));
    expect(outcome.code).toBe('invalid_params');
    expect(outcome.issues?.map((issue) => issue.field)).toEqual([field]);
    expect(outcome.detail).toBe(`Invalid parameters: ${outcome.issues?.[0]?.message}.`);
    expect(outcome.detail).toContain(`${field} must be`);
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

  it.each([null, undefined, 'params', 42, [], () => params])(
    'refuses %p, naming every field',
    (value) => {
      expect(validatePaymentParams(value).map((issue) => issue.field)).toEqual([
        'timeStamp',
        'nonceStr',
        'package',
        'paySign',
      ]);
    },
  );

  it("says what the field must be and what it got: timeStamp 'soon'", () => {
    expect(validatePaymentParams({ ...params, timeStamp: 'soon' })).toEqual([
      {
        field: 'timeStamp',
        message: mustBe('timeStamp', '"soon"', 'seconds since 1970'),
      },
    ]);
  });
});

describe('What a payment call resolves to: every host quirk settles once, never rejects', () => {
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

  it('reports a throwing host as host_error: the step, what was thrown, and the thrown value', async () => {
    const host = createFakeHost({ cashier: 'throws' });
    const outcome = failed(await requestPayment(params, { host }));
    expect(outcome).toMatchObject({
      code: 'host_error',
      detail: threw('Calling wx.requestPayment', 'Error: requestPayment:fail the fake host threw'),
      errMsg: '',
    });
    expect(outcome.raw).toBeInstanceOf(Error);
    expect((outcome.raw as Error).message).toBe('requestPayment:fail the fake host threw');
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

  it('reads a promisified host that ignores callbacks and rejects', async () => {
    const host: PaymentHost = {
      requestPayment: () => Promise.reject({ errMsg: 'requestPayment:fail cancel' }),
    };
    expect((await requestPayment(params, { host })).status).toBe('cancelled');
  });

  it('keeps what the host delivered: errMsg, errno and raw', async () => {
    const host = createFakeHost({ cashier: 'no-permission' });
    const outcome = failed(await requestPayment(params, { host }));
    expect(outcome.errMsg).toMatch(/^requestPayment:fail jsapi has no permission/);
    expect(outcome.errno).toBe(102);
    expect(outcome.raw).toEqual({ errMsg: outcome.errMsg, errno: 102 });
  });
});

describe('What a payment call resolves to: errMsg and raw are only what a host delivered', () => {
  /** Refusals: the library answered, no host did. */
  const refusals: Array<[string, () => Promise<PaymentOutcome>]> = [
    [
      'invalid_params',
      () => requestPayment({ ...params, paySign: '' }, { host: createFakeHost() }),
    ],
    ['unsupported (no host)', () => requestPayment(params)],
    ['unsupported (no API)', () => requestPayment(params, { host: {} })],
    [
      'unsupported (canIUse false)',
      () => requestPayment(params, { host: createFakeHost({ canIUse: () => false }) }),
    ],
    [
      'busy',
      async () => {
        const host = createFakeHost({ answerDelayMs: 1 });
        const first = requestPayment(params, { host });
        const busy = await requestPayment(params, { host });
        await first;
        return busy;
      },
    ],
    [
      'timeout',
      async () => {
        const host = createFakeHost({ cashier: 'lost' });
        const outcome = await requestPayment(params, { host, timeoutMs: 1 });
        host.deliverLost('ok');
        return outcome;
      },
    ],
    [
      'aborted',
      () => requestPayment(params, { host: createFakeHost(), signal: AbortSignal.abort() }),
    ],
  ];

  it.each(refusals)('%s: errMsg is empty and raw undefined', async (name, run) => {
    const outcome = failed(await run());
    expect(outcome.code).toBe(name.split(' ')[0]);
    expect(outcome.errMsg).toBe('');
    expect(outcome.raw).toBeUndefined();
  });

  it.each([
    ['not-supported', 'unsupported', 'requestPayment:fail :not supported'],
    ['fail', 'host_error', 'requestPayment:fail system error'],
  ] as const)(
    'a host answer (%s) keeps its errMsg and raw, whatever the code',
    async (cashier, code, errMsg) => {
      const outcome = failed(await requestPayment(params, { host: createFakeHost({ cashier }) }));
      expect(outcome).toMatchObject({ code, errMsg, raw: expect.objectContaining({ errMsg }) });
    },
  );
});

describe('What a payment call resolves to: unsupported', () => {
  it('without a host: no global wx and no host option', async () => {
    expect(await requestPayment(params)).toEqual({
      status: 'failed',
      code: 'unsupported',
      detail: expect.stringMatching(/^No host\b.*wx/),
      errMsg: '',
      raw: undefined,
    });
  });

  it('on a host without the API, naming it', async () => {
    expect(await requestPayment(params, { host: {} })).toMatchObject({
      code: 'unsupported',
      detail: expect.stringContaining('no wx.requestPayment'),
      errMsg: '',
    });
  });

  it('when canIUse answers false, without opening a sheet', async () => {
    const old = createFakeHost({ canIUse: () => false });
    expect(await requestPayment(params, { host: old })).toMatchObject({
      code: 'unsupported',
      detail: expect.stringMatching(/wx\.canIUse\('requestPayment'\).*false/),
    });
    expect(old.sheetsOpened).toBe(0);
  });

  it('counts only an explicit false from canIUse as unsupported', async () => {
    const host = createFakeHost({ canIUse: () => undefined as never });
    expect((await requestPayment(params, { host })).status).toBe('ok');
    expect(host.sheetsOpened).toBe(1);
  });
});

describe('Options of a payment call: host', () => {
  it('uses the global wx when no host is injected', async () => {
    const host = createFakeHost({ cashier: 'cancel' });
    (globalThis as { wx?: unknown }).wx = host;
    expect((await requestPayment(params)).status).toBe('cancelled');
    expect(host.sheetsOpened).toBe(1);
  });

  it('prefers the injected host over the global wx', async () => {
    const global = createFakeHost();
    const injected = createFakeHost();
    (globalThis as { wx?: unknown }).wx = global;
    await requestPayment(params, { host: injected });
    expect([global.sheetsOpened, injected.sheetsOpened]).toEqual([0, 1]);
  });
});

describe('Options of a payment call: timeoutMs', () => {
  it('times out a lost callback, ignores the late one and leaves no timer', async () => {
    jest.useFakeTimers();
    const host = createFakeHost({ cashier: 'lost' });
    const pending = requestPayment(params, { host, timeoutMs: 1000 });
    await jest.advanceTimersByTimeAsync(999);
    expect(jest.getTimerCount()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    const outcome = await pending;
    expect(outcome).toEqual({
      status: 'failed',
      code: 'timeout',
      detail: expect.stringMatching(/^No callback within 1000 ms\b.*confirm the order/),
      errMsg: '',
      raw: undefined,
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

  it('refuses a bad timeoutMs as invalid_params, without opening a sheet', async () => {
    const host = createFakeHost();
    const outcome = failed(await requestPayment(params, { host, timeoutMs: -5 }));
    expect(outcome).toMatchObject({ code: 'invalid_params', errMsg: '', raw: undefined });
    expect(outcome.issues).toEqual([
      { field: 'timeoutMs', message: mustBe('timeoutMs', '-5', 'from 1 to 2147483647') },
    ]);
    expect(host.sheetsOpened).toBe(0);
  });
});

describe('Options of a payment call: signal', () => {
  it('aborted before: no cashier, errMsg empty', async () => {
    const host = createFakeHost();
    const controller = new AbortController();
    controller.abort();
    expect(await requestPayment(params, { host, signal: controller.signal })).toEqual({
      status: 'failed',
      code: 'aborted',
      detail: expect.stringMatching(/^Aborted before the cashier opened/),
      errMsg: '',
      raw: undefined,
    });
    expect(host.sheetsOpened).toBe(0);
  });

  it('aborted during: settles at once and stops listening; the late answer changes nothing', async () => {
    const host = createFakeHost({ cashier: 'lost' });
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
    const outcome = await pending;
    expect(outcome).toMatchObject({
      status: 'failed',
      code: 'aborted',
      detail: expect.stringMatching(/^Aborted with the cashier open\b.*confirm the order/),
      errMsg: '',
    });
    expect(listeners.size).toBe(0);
    host.deliverLost('ok');
    expect(await pending).toBe(outcome);
  });
});
