// What a payment call tells the developer, read through the public API: how it describes the
// values it refused and the throws it met, how it listens to the caller's signal, and how its
// parameter checks read the fields they are given.
import {
  type PaymentHost,
  requestPayment,
  validatePaymentParams,
  validateVirtualPaymentParams,
} from 'miniprogram-pay';
import { createFakeHost } from 'miniprogram-pay/testing';
import {
  mustBe,
  paymentParams as params,
  revokedProxy,
  unreadable,
  withThrowingGetter,
} from './helpers';

/** The issues of `requestPayment` parameters whose `field` is `value`. */
const issuesWith = (field: string, value: unknown) =>
  validatePaymentParams({ ...params, [field]: value });

describe('What a payment call resolves to: an issue describes the value it refused', () => {
  it.each([
    ['a string, as JSON', 'abc', '"abc"'],
    ['a string of 40 characters, whole', 'x'.repeat(40), `"${'x'.repeat(40)}"`],
    ['a longer string, cut at 40 with …', 'x'.repeat(50), `"${'x'.repeat(40)}…"`],
    ['a line break, escaped: the message stays one line', 'a\nb', '"a\\nb"'],
    ['null', null, 'null'],
    ['a number', 42, '42'],
    ['a boolean', true, 'true'],
    ['an object', {}, 'an object'],
    ['an object without a prototype', Object.create(null), 'an object'],
    ['an array', [1], 'an array'],
    ['a function', () => 1, 'a function'],
    ['a symbol', Symbol('s'), 'Symbol(s)'],
    ['a revoked Proxy', revokedProxy(), 'an object'],
  ])('%s: %s', (_name, value, described) => {
    expect(issuesWith('signType', value)).toEqual([
      { field: 'signType', message: mustBe('signType', described, 'RSA, MD5') },
    ]);
  });

  it('a required field left out: undefined', () => {
    expect(issuesWith('paySign', undefined)).toEqual([
      { field: 'paySign', message: mustBe('paySign', 'undefined', 'a non-empty string') },
    ]);
  });
});

describe('What a payment call resolves to: a host_error describes what was thrown', () => {
  const circular: { self?: object } = {};
  circular.self = circular;

  it.each([
    ['a TypeError', new TypeError('bad'), 'TypeError: bad'],
    ['an Error-like object', { name: 'HostError', message: 'sheet gone' }, 'HostError: sheet gone'],
    ['a number', 7, '7, not an Error'],
    ['a long string, cut', 'y'.repeat(60), `"${'y'.repeat(40)}…", not an Error`],
    ['an object, with its JSON', { errMsg: 'x' }, 'an object, not an Error: {"errMsg":"x"}'],
    ['an array, with its JSON', [1, 2], 'an array, not an Error: [1,2]'],
    ['an object JSON cannot write', circular, 'an object, not an Error'],
  ])('%s: %s', async (_name, thrown, described) => {
    const host: PaymentHost = {
      requestPayment: () => {
        throw thrown;
      },
    };
    expect(await requestPayment(params, { host })).toMatchObject({
      code: 'host_error',
      detail: `Calling wx.requestPayment threw ${described}.`,
    });
  });
});

describe("Options of a payment call: signal, as the library reads the caller's", () => {
  it('an aborted signal is reported at once and never listened to', async () => {
    const signal = { aborted: true, addEventListener: jest.fn() };
    const host = createFakeHost();
    expect(await requestPayment(params, { host, signal })).toMatchObject({ code: 'aborted' });
    expect(signal.addEventListener).not.toHaveBeenCalled();
    expect(host.sheetsOpened).toBe(0);
  });

  it('a live signal is listened to until the call settles, then the same listener is removed', async () => {
    const controller = new AbortController();
    const add = jest.spyOn(controller.signal, 'addEventListener');
    const remove = jest.spyOn(controller.signal, 'removeEventListener');
    const outcome = await requestPayment(params, {
      host: createFakeHost(),
      signal: controller.signal,
    });
    expect(outcome.status).toBe('ok');
    expect(add).toHaveBeenCalledTimes(1);
    expect(remove).toHaveBeenCalledWith('abort', add.mock.calls[0]?.[1]);
  });

  it.each([
    ['has no addEventListener', { aborted: false }, 'but it has no addEventListener function'],
    [
      'throws from its aborted getter',
      withThrowingGetter({ addEventListener() {} }, 'aborted', new Error('x')),
      'but using it threw Error: x',
    ],
    [
      'is a Proxy whose trap throws',
      new Proxy(
        {},
        {
          get: () => {
            throw 'trapped';
          },
        },
      ),
      'but using it threw "trapped", not an Error',
    ],
  ])('a signal that %s: invalid_params saying why', async (_name, signal, why) => {
    const outcome = await requestPayment(params, {
      host: createFakeHost(),
      signal: signal as never,
    });
    expect(outcome).toMatchObject({
      code: 'invalid_params',
      issues: [
        {
          field: 'signal',
          message: expect.stringMatching(
            new RegExp(`^signal must be an AbortSignal.*${why.replace(/[()]/g, '\\$&')}$`),
          ),
        },
      ],
    });
  });
});

describe('Parameter shapes: how the checks read the fields', () => {
  it('each field is read once, and the host receives the value that was read', async () => {
    let reads = 0;
    const counted = {
      ...params,
      get nonceStr() {
        reads++;
        return `n${reads}`;
      },
    };
    const host = createFakeHost();
    expect((await requestPayment(counted, { host })).status).toBe('ok');
    expect(reads).toBe(1);
    expect(host.calls[0]?.params.nonceStr).toBe('n1');
  });

  it('a field inside signData is named by its path', () => {
    const signData = {
      offerId: 'o',
      buyQuantity: 1,
      currencyType: 'CNY',
      outTradeNo: 'short',
      attach: '',
    };
    expect(
      validateVirtualPaymentParams({
        mode: 'short_series_coin',
        signData,
        paySig: 'p',
        signature: 's',
      }),
    ).toEqual([
      {
        field: 'signData.outTradeNo',
        message: mustBe('signData.outTradeNo', '"short"', '8 to 32'),
      },
    ]);
  });

  it('a number is checked by its digits; an optional field may be left out', () => {
    expect(issuesWith('timeStamp', 1.5).map((issue) => issue.field)).toEqual(['timeStamp']);
    expect(issuesWith('timeStamp', 1700000000)).toEqual([]);
    expect(issuesWith('signType', undefined)).toEqual([]);
  });

  it('a package that cannot be read counts as given: pkg does not stand in for it', () => {
    const { package: _package, ...rest } = params;
    const input = withThrowingGetter(
      { ...rest, pkg: 'prepay_id=wx2' },
      'package',
      new RangeError('gone'),
    );
    expect(validatePaymentParams(input)).toEqual([
      { field: 'package', message: unreadable('package', 'RangeError: gone') },
    ]);
    expect(validatePaymentParams({ ...rest, pkg: 'prepay_id=wx2' })).toEqual([]);
  });

  it('an object without a prototype has fields like any other', () => {
    expect(validatePaymentParams(Object.assign(Object.create(null), params))).toEqual([]);
  });
});
