import {
  type PaymentHost,
  type PaymentOutcome,
  requestPayment,
  validatePaymentParams,
  validateVirtualPaymentParams,
} from 'miniprogram-pay';
import { createFakeHost } from 'miniprogram-pay/testing';
import { mustBe, paymentParams as params } from './helpers';

const NOTHING_SAID = 'The host answered without an errMsg, errCode or errno saying what happened.';

afterEach(() => jest.useRealTimers());

/** Tracks a call on fake timers: whether it settled yet, and with what. */
function track(call: Promise<PaymentOutcome>) {
  const state: { outcome?: PaymentOutcome; rejected: boolean } = { rejected: false };
  call.then(
    (outcome) => {
      state.outcome = outcome;
    },
    () => {
      state.rejected = true;
    },
  );
  return state;
}

describe('Parameter shapes: odd values are named, never thrown', () => {
  it.each([
    ['an object without a prototype', Object.create(null), 'an object'],
    [
      'an object whose toString throws',
      {
        toString() {
          throw new Error('no');
        },
      },
      'an object',
    ],
    ['a symbol', Symbol('ts'), 'Symbol(ts)'],
    ['null', null, 'null'],
    ['an array', ['1'], 'an array'],
    ['a function', () => '1', 'a function'],
  ])(
    'a timeStamp that is %s resolves invalid_params, saying what it got',
    async (_name, timeStamp, got) => {
      const host = createFakeHost();
      const outcome = await requestPayment({ ...params, timeStamp } as never, { host });
      expect(outcome).toMatchObject({ status: 'failed', code: 'invalid_params' });
      expect(outcome.status === 'failed' && outcome.issues).toEqual([
        { field: 'timeStamp', message: mustBe('timeStamp', got, 'seconds since 1970') },
      ]);
      expect(host.sheetsOpened).toBe(0);
    },
  );

  it('each message names the field, what it must be, and the value it got (text cut at 40)', () => {
    expect(
      validatePaymentParams({
        timeStamp: -1,
        nonceStr: 'x'.repeat(50),
        package: null,
        signType: 'SHA1',
        paySign: 7,
      }),
    ).toEqual([
      { field: 'timeStamp', message: mustBe('timeStamp', '-1', 'digits') },
      { field: 'nonceStr', message: mustBe('nonceStr', `"${'x'.repeat(40)}…"`, '1 to 32') },
      { field: 'package', message: mustBe('package', 'null', "'prepay_id='") },
      { field: 'signType', message: mustBe('signType', '"SHA1"', 'RSA, MD5, HMAC-SHA256') },
      { field: 'paySign', message: mustBe('paySign', '7', 'non-empty string') },
    ]);
  });

  it('checks a number field by its digits and refuses a string where a number is due', () => {
    const signData = {
      offerId: '1',
      buyQuantity: 1,
      currencyType: 'CNY',
      outTradeNo: 'abcdefgh',
      attach: '',
      productId: 'p',
      goodsPrice: 1.5,
    };
    const base = { mode: 'short_series_goods', paySig: 'p', signature: 's' };
    expect(validateVirtualPaymentParams({ ...base, signData }).map((issue) => issue.field)).toEqual(
      ['signData.goodsPrice'],
    );
    const issues = validateVirtualPaymentParams({
      ...base,
      signData: { ...signData, goodsPrice: '600' },
    });
    expect(issues.map((issue) => issue.message)).toEqual([
      mustBe('signData.goodsPrice', '"600"', 'a whole number'),
    ]);
  });
});

describe('Options of a payment call: timeoutMs', () => {
  it('defaults to 300000 ms (5 minutes): a lost callback settles timeout then, not before', async () => {
    jest.useFakeTimers();
    const host = createFakeHost({ cashier: 'lost' });
    const call = track(requestPayment(params, { host }));
    await jest.advanceTimersByTimeAsync(299_999);
    expect(call.outcome).toBeUndefined();
    expect(host.sheetsOpened).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(call.outcome).toEqual({
      status: 'failed',
      code: 'timeout',
      detail: expect.stringMatching(/^No callback within 300000 ms\b.*confirm the order/),
      errMsg: '',
      raw: undefined,
    });
    expect(jest.getTimerCount()).toBe(0);
  });

  it.each([
    [0, '0'],
    [-1, '-1'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [2 ** 31, '2147483648'],
    ['5000', '"5000"'],
    [null, 'null'],
  ])('refuses timeoutMs %p, saying what it got', async (timeoutMs, got) => {
    const host = createFakeHost();
    const outcome = await requestPayment(params, { host, timeoutMs: timeoutMs as number });
    expect(outcome).toMatchObject({
      code: 'invalid_params',
      errMsg: '',
      issues: [{ field: 'timeoutMs', message: mustBe('timeoutMs', got, 'from 1 to 2147483647') }],
    });
    expect(host.sheetsOpened).toBe(0);
  });

  // The range is 1..2147483647: below 1 is refused like 0, whatever setTimeout would do with it.
  it('refuses a timeoutMs below 1 that is not a whole millisecond (0.5)', async () => {
    const host = createFakeHost();
    const outcome = await requestPayment(params, { host, timeoutMs: 0.5 });
    expect(outcome).toMatchObject({ code: 'invalid_params', issues: [{ field: 'timeoutMs' }] });
    expect(host.sheetsOpened).toBe(0);
  });

  it('names a bad timeoutMs together with the bad parameters', async () => {
    const outcome = await requestPayment({ ...params, paySign: '' }, { timeoutMs: 0 });
    expect(outcome.status === 'failed' && outcome.issues?.map((issue) => issue.field)).toEqual([
      'paySign',
      'timeoutMs',
    ]);
  });

  it('accepts 1 ms, the smallest', async () => {
    jest.useFakeTimers();
    const host = createFakeHost({ cashier: 'lost' });
    const call = track(requestPayment(params, { host, timeoutMs: 1 }));
    await jest.advanceTimersByTimeAsync(1);
    expect(call.outcome).toMatchObject({ code: 'timeout' });
    expect(host.sheetsOpened).toBe(1);
  });

  it('accepts the largest timeoutMs setTimeout can hold', async () => {
    jest.useFakeTimers();
    const host = createFakeHost({ cashier: 'lost' });
    const call = track(requestPayment(params, { host, timeoutMs: 2 ** 31 - 1 }));
    await jest.advanceTimersByTimeAsync(2 ** 31 - 2);
    expect(host.sheetsOpened).toBe(1);
    expect(call.outcome).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(call.outcome).toMatchObject({ code: 'timeout' });
  });
});

describe('What a payment call resolves to: what the host returns', () => {
  it('reads a promisified host that resolves', async () => {
    const host = createFakeHost({ cashier: 'promise' });
    expect(await requestPayment(params, { host })).toMatchObject({ status: 'ok' });
  });

  it('ignores a returned value that is not a promise and waits for the callbacks', async () => {
    jest.useFakeTimers();
    const host: PaymentHost = {
      requestPayment: (options) => {
        setTimeout(() => options.success?.({ errMsg: 'requestPayment:ok' }), 10);
        return { abort() {} };
      },
    };
    const call = track(requestPayment(params, { host }));
    await jest.advanceTimersByTimeAsync(9);
    expect(call.outcome).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(call.outcome).toMatchObject({ status: 'ok' });
  });

  it('settles with an empty answer when no real one follows in the same turn', async () => {
    const host: PaymentHost = {
      requestPayment: (options) => {
        options.success?.(undefined);
        options.complete?.({});
      },
    };
    expect(await requestPayment(params, { host })).toEqual({
      status: 'failed',
      code: 'host_error',
      detail: NOTHING_SAID,
      errMsg: '',
      errCode: undefined,
      errno: undefined,
      raw: undefined,
    });
  });
});
