import {
  type AbortSignalLike,
  type FailedOutcome,
  normalizeOutcome,
  type PaymentHost,
  type PaymentOutcome,
  requestPayment,
  requestVirtualPayment,
  validatePaymentParams,
  validateVirtualPaymentParams,
} from 'miniprogram-pay';
import { createFakeHost } from 'miniprogram-pay/testing';
import {
  DESCRIBED_THROWN,
  paymentParams as params,
  revokedProxy,
  THROWN_KINDS,
  threw,
  throwingProxy,
  thrownOf,
  unreadable,
  unreadableAnswer,
  virtualParams,
  withThrowingGetter,
} from './helpers';

/** The outcome as a failure without its `raw`, which may be a Proxy that throws when read. */
function failure(outcome: PaymentOutcome): Omit<FailedOutcome, 'raw'> {
  expect(outcome.status).toBe('failed');
  const { raw: _raw, ...rest } = outcome as FailedOutcome;
  return rest;
}

/** Calls `run` and reports how it ended: resolved (with the outcome), rejected, or threw. */
async function ending(run: () => Promise<PaymentOutcome>) {
  let call: Promise<PaymentOutcome>;
  try {
    call = run();
  } catch (error) {
    return { threwSynchronously: String(error) };
  }
  try {
    return { resolved: await call };
  } catch (error) {
    return { rejected: String(error) };
  }
}

describe('What a payment call resolves to: a thrown value is described, never undefined', () => {
  it.each(THROWN_KINDS)(
    'a host whose requestPayment throws %s: host_error naming it, raw = what was thrown',
    async (kind) => {
      const thrown = thrownOf(kind);
      const host: PaymentHost = {
        requestPayment: () => {
          throw thrown;
        },
      };
      const outcome = await requestPayment(params, { host });
      expect(failure(outcome)).toEqual({
        status: 'failed',
        code: 'host_error',
        detail: threw('Calling wx.requestPayment', DESCRIBED_THROWN[kind]),
        errMsg: '',
      });
      expect((outcome as FailedOutcome).raw === thrown).toBe(true);
    },
  );

  it('the host is free again after it threw', async () => {
    let throws = true;
    const fake = createFakeHost();
    const host: PaymentHost = {
      requestPayment: (options) => {
        if (throws) throw 'boom';
        return fake.requestPayment?.(options);
      },
    };
    await requestPayment(params, { host });
    throws = false;
    expect((await requestPayment(params, { host })).status).toBe('ok');
  });
});

describe('What a payment call resolves to: hosts whose members throw when read', () => {
  it('a requestPayment getter that throws: host_error, no sheet, the host not taken', async () => {
    const fake = createFakeHost();
    let throws = true;
    const host: PaymentHost = {
      get requestPayment() {
        if (throws) throw new Error('no payment here');
        return fake.requestPayment;
      },
    };
    const outcome = await requestPayment(params, { host });
    expect(failure(outcome)).toMatchObject({
      code: 'host_error',
      detail: threw('wx.requestPayment', 'Error: no payment here'),
      errMsg: '',
    });
    expect(fake.sheetsOpened).toBe(0);
    throws = false;
    expect((await requestPayment(params, { host })).status).toBe('ok');
  });

  it('a requestVirtualPayment getter that throws names that API', async () => {
    const host = withThrowingGetter(createFakeHost(), 'requestVirtualPayment', 'nope');
    expect(failure(await requestVirtualPayment(virtualParams, { host }))).toMatchObject({
      code: 'host_error',
      detail: threw('wx.requestVirtualPayment', '"nope", not an Error'),
    });
  });

  it('a canIUse getter that throws, or a canIUse that throws when called: host_error, no sheet', async () => {
    const fake = createFakeHost();
    const getter: PaymentHost = {
      requestPayment: fake.requestPayment,
      get canIUse(): PaymentHost['canIUse'] {
        throw new Error('canIUse is gone');
      },
    };
    const caller: PaymentHost = {
      requestPayment: fake.requestPayment,
      canIUse: () => {
        throw new TypeError('bad schema');
      },
    };
    expect(failure(await requestPayment(params, { host: getter }))).toMatchObject({
      code: 'host_error',
      detail: threw('wx.canIUse', 'Error: canIUse is gone'),
    });
    expect(failure(await requestPayment(params, { host: caller }))).toMatchObject({
      code: 'host_error',
      detail: threw('wx.canIUse', 'TypeError: bad schema'),
    });
    expect(fake.sheetsOpened).toBe(0);
  });

  it('a Proxy host whose get trap throws: host_error, no sheet', async () => {
    const fake = createFakeHost();
    const host = throwingProxy(fake, new Error('trapped'), ['requestPayment']);
    expect(failure(await requestPayment(params, { host }))).toMatchObject({
      code: 'host_error',
      detail: threw('wx.requestPayment', 'Error: trapped'),
    });
    const everything = throwingProxy(fake, { code: 1 });
    expect(failure(await requestPayment(params, { host: everything }))).toMatchObject({
      code: 'host_error',
      detail: threw('wx.requestPayment', 'an object, not an Error: {"code":1}'),
    });
    expect(fake.sheetsOpened).toBe(0);
  });

  it('a transparent Proxy over a host works like the host', async () => {
    const fake = createFakeHost({ cashier: 'cancel' });
    expect((await requestPayment(params, { host: new Proxy(fake, {}) })).status).toBe('cancelled');
    expect(fake.sheetsOpened).toBe(1);
  });

  it('a returned value whose then getter throws: host_error naming the step', async () => {
    const fake = createFakeHost({ cashier: 'lost' });
    const host: PaymentHost = {
      requestPayment: (options) => {
        fake.requestPayment?.(options);
        return throwingProxy({}, new Error('no then'), ['then']);
      },
    };
    expect(failure(await requestPayment(params, { host }))).toMatchObject({
      code: 'host_error',
      detail: threw('what wx.requestPayment returned', 'Error: no then'),
    });
  });

  it('answers whose fields throw when read: host_error saying the answer could not be read', async () => {
    const host = createFakeHost({
      cashier: {
        answers: [
          { channel: 'fail', answer: withThrowingGetter({}, 'errMsg', new Error('unreadable')) },
        ],
      },
    });
    expect(failure(await requestPayment(params, { host }))).toMatchObject({
      code: 'host_error',
      detail: unreadableAnswer('Error: unreadable'),
      errMsg: '',
    });
  });
});

describe('What a payment call resolves to: normalizeOutcome never throws', () => {
  it.each(THROWN_KINDS)('an answer whose errMsg getter throws %s', (kind) => {
    const answer = withThrowingGetter({}, 'errMsg', thrownOf(kind));
    expect(failure(normalizeOutcome(answer, 'success'))).toEqual({
      status: 'failed',
      code: 'host_error',
      detail: unreadableAnswer(DESCRIBED_THROWN[kind]),
      errMsg: '',
    });
  });

  it('a Proxy answer whose traps throw, raw kept as delivered', () => {
    const answer = throwingProxy({ errMsg: 'requestPayment:ok' });
    const outcome = normalizeOutcome(answer, 'success');
    expect(failure(outcome)).toMatchObject({
      code: 'host_error',
      detail: unreadableAnswer('Error: trap'),
    });
    expect((outcome as FailedOutcome).raw === answer).toBe(true);
  });

  it('an answer that is a revoked Proxy', () => {
    const answer = revokedProxy();
    expect(() => normalizeOutcome(answer, 'fail')).not.toThrow();
  });
});

describe('Parameter shapes: fields that throw when read are named, never thrown', () => {
  it('validatePaymentParams names a field whose getter throws, and what it threw', () => {
    const input = withThrowingGetter(params, 'timeStamp', new Error('clock broke'));
    expect(validatePaymentParams(input)).toEqual([
      {
        field: 'timeStamp',
        message: unreadable('timeStamp', 'Error: clock broke'),
      },
    ]);
  });

  it('requestPayment resolves invalid_params naming it, without opening a sheet', async () => {
    const host = createFakeHost();
    const input = withThrowingGetter(params, 'paySign', 'secret');
    const outcome = failure(await requestPayment(input, { host }));
    expect(outcome).toMatchObject({ code: 'invalid_params', errMsg: '' });
    expect(outcome.issues).toEqual([
      {
        field: 'paySign',
        message: unreadable('paySign', '"secret", not an Error'),
      },
    ]);
    expect(host.sheetsOpened).toBe(0);
  });

  it('a Proxy params object whose trap throws on one field names that field', async () => {
    const input = throwingProxy({ ...params }, new Error('trapped'), ['nonceStr']);
    const issues = [{ field: 'nonceStr', message: unreadable('nonceStr', 'Error: trapped') }];
    expect(validatePaymentParams(input)).toEqual(issues);
    const host = createFakeHost();
    expect(failure(await requestPayment(input, { host })).issues).toEqual(issues);
    expect(host.sheetsOpened).toBe(0);
  });

  it('a Proxy params object whose trap always throws names every field', () => {
    expect(validatePaymentParams(throwingProxy({ ...params })).map((issue) => issue.field)).toEqual(
      ['timeStamp', 'nonceStr', 'package', 'signType', 'paySign'],
    );
  });

  it('a throwing package getter is named even when pkg is given', () => {
    const input = withThrowingGetter({ ...params, pkg: params.package }, 'package', 'no');
    expect(validatePaymentParams(input).map((issue) => issue.field)).toEqual(['package']);
  });

  it('each field is read once: the host receives the value that was validated', async () => {
    const host = createFakeHost();
    let reads = 0;
    const input = {
      ...params,
      get timeStamp() {
        reads++;
        return reads === 1 ? '1414561699' : 'not digits';
      },
    };
    expect((await requestPayment(input, { host })).status).toBe('ok');
    expect(host.calls[0]?.params.timeStamp).toBe('1414561699');
  });

  it('validateVirtualPaymentParams names a throwing signData, paySig, or signData field', async () => {
    const signData = withThrowingGetter(virtualParams, 'signData', new Error('no'));
    expect(validateVirtualPaymentParams(signData)).toEqual([
      { field: 'signData', message: unreadable('signData', 'Error: no') },
    ]);
    expect(validateVirtualPaymentParams(withThrowingGetter(virtualParams, 'paySig', null))).toEqual(
      [{ field: 'paySig', message: unreadable('paySig', 'null, not an Error') }],
    );
    // An object signData is serialised first, so its throwing field is named through signData.
    const fields = withThrowingGetter(JSON.parse(virtualParams.signData), 'outTradeNo', 'no');
    expect(validateVirtualPaymentParams({ ...virtualParams, signData: fields })).toEqual([
      {
        field: 'signData',
        message: expect.stringMatching(
          /^signData could not be turned into JSON \("no", not an Error\)/,
        ),
      },
    ]);
  });

  it('requestVirtualPayment resolves invalid_params for a Proxy params object, naming the field', async () => {
    const host = createFakeHost();
    const input = throwingProxy({ ...virtualParams }, new Error('trapped'), ['signature']);
    const outcome = failure(await requestVirtualPayment(input, { host }));
    expect(outcome.code).toBe('invalid_params');
    expect(outcome.issues).toEqual([
      {
        field: 'signature',
        message: unreadable('signature', 'Error: trapped'),
      },
    ]);
    expect(host.sheetsOpened).toBe(0);
  });

  it('a Proxy signData object whose trap throws names signData', () => {
    const signData = throwingProxy(JSON.parse(virtualParams.signData), new Error('trapped'));
    const issues = validateVirtualPaymentParams({ ...virtualParams, signData });
    expect(issues.map((issue) => issue.field)).toEqual(['signData']);
    expect(issues[0]?.message).toContain('Error: trapped');
  });
});

describe('Parameter shapes: revoked Proxies', () => {
  it('requestPayment with a revoked Proxy as params resolves invalid_params (no throw, no rejection)', async () => {
    const host = createFakeHost();
    const result = await ending(() => requestPayment(revokedProxy() as never, { host }));
    expect(result).toEqual({ resolved: expect.objectContaining({ code: 'invalid_params' }) });
    expect(host.sheetsOpened).toBe(0);
  });

  it('validatePaymentParams and validateVirtualPaymentParams do not throw on a revoked Proxy', () => {
    expect(() => validatePaymentParams(revokedProxy())).not.toThrow();
    expect(() => validateVirtualPaymentParams(revokedProxy())).not.toThrow();
  });

  it('a field whose getter throws a revoked Proxy is named, not thrown', () => {
    const input = withThrowingGetter(params, 'nonceStr', revokedProxy());
    expect(() => validatePaymentParams(input)).not.toThrow();
  });
});

describe('Options of a payment call: options that throw when read', () => {
  it('host_error naming the call options, the sheet never opened', async () => {
    const host = createFakeHost();
    const options = throwingProxy({ host }, new RangeError('options gone'));
    const result = await ending(() => requestPayment(params, options));
    expect(result).toEqual({
      resolved: {
        status: 'failed',
        code: 'host_error',
        detail: 'Reading the call options threw RangeError: options gone.',
        errMsg: '',
        raw: expect.any(RangeError),
      },
    });
    expect(host.sheetsOpened).toBe(0);
  });
});

describe('Options of a payment call: signal, when it is not a usable signal', () => {
  const cases: Array<[string, () => unknown, string]> = [
    ['has no addEventListener', () => ({ aborted: false }), 'it has no addEventListener function'],
    [
      'has an addEventListener that is not a function',
      () => ({ aborted: false, addEventListener: 'yes' }),
      'it has no addEventListener function',
    ],
    [
      'throws from addEventListener',
      () => ({
        aborted: false,
        addEventListener() {
          throw new Error('cannot listen');
        },
      }),
      'using it threw Error: cannot listen',
    ],
    [
      'throws from its aborted getter',
      () => ({
        get aborted(): boolean {
          throw 'no state';
        },
        addEventListener() {},
      }),
      'using it threw "no state", not an Error',
    ],
    [
      'is a Proxy whose trap throws',
      () => throwingProxy({ aborted: false, addEventListener() {} }, new RangeError('trapped')),
      'using it threw RangeError: trapped',
    ],
    ['is a string', () => 'abort', 'it has no addEventListener function'],
  ];

  it.each(cases)(
    'a signal that %s: invalid_params naming signal and what is wrong',
    async (_name, make, why) => {
      const host = createFakeHost();
      const outcome = failure(
        await requestPayment(params, { host, signal: make() as AbortSignalLike }),
      );
      expect(outcome).toMatchObject({ code: 'invalid_params', errMsg: '' });
      expect(outcome.issues).toEqual([
        { field: 'signal', message: expect.stringMatching(/^signal must be an AbortSignal\b/) },
      ]);
      expect(outcome.issues?.[0]?.message).toContain(why);
      expect(outcome.detail).toBe(`Invalid parameters: ${outcome.issues?.[0]?.message}.`);
      expect(host.sheetsOpened).toBe(0);
    },
  );

  it('the host stays free after a signal was refused', async () => {
    const host = createFakeHost();
    await requestPayment(params, { host, signal: { aborted: false } as AbortSignalLike });
    expect((await requestPayment(params, { host })).status).toBe('ok');
  });

  it('a signal whose removeEventListener throws still settles, once', async () => {
    const host = createFakeHost();
    const signal = {
      aborted: false,
      addEventListener() {},
      removeEventListener() {
        throw new Error('cannot stop');
      },
    };
    expect((await requestPayment(params, { host, signal })).status).toBe('ok');
  });

  it('a hand-made signal that aborts later settles aborted', async () => {
    const host = createFakeHost({ cashier: 'lost' });
    let listener = () => {};
    const signal = {
      aborted: false,
      addEventListener: (_type: 'abort', heard: () => void) => {
        listener = heard;
      },
    };
    const call = requestPayment(params, { host, signal });
    listener();
    expect(await call).toMatchObject({ code: 'aborted' });
    host.deliverLost('ok');
  });

  it('a signal whose aborted getter throws a revoked Proxy is refused naming signal', async () => {
    const signal = {
      get aborted(): boolean {
        throw revokedProxy();
      },
      addEventListener() {},
    };
    const result = await ending(() => requestPayment(params, { host: createFakeHost(), signal }));
    expect(result).toEqual({
      resolved: expect.objectContaining({
        code: 'invalid_params',
        issues: [
          { field: 'signal', message: expect.stringMatching(/^signal must be an AbortSignal/) },
        ],
      }),
    });
  });
});
