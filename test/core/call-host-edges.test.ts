import {
  normalizeOutcome,
  type PaymentHost,
  requestPayment,
  validatePaymentParams,
  validateVirtualPaymentParams,
} from 'miniprogram-pay';
import { createFakeHost } from 'miniprogram-pay/testing';

const params = {
  timeStamp: '1414561699',
  nonceStr: 'n0nce',
  package: 'prepay_id=wx2017',
  signType: 'RSA' as const,
  paySign: 'sig',
};

afterEach(() => jest.useRealTimers());

describe('odd parameters never throw', () => {
  it.each([
    ['an object without a prototype', Object.create(null)],
    [
      'an object whose toString throws',
      {
        toString() {
          throw new Error('no');
        },
      },
    ],
    ['a symbol', Symbol('ts')],
    ['null', null],
  ])('a timeStamp that is %s resolves invalid_params', async (_name, timeStamp) => {
    const host = createFakeHost();
    const outcome = await requestPayment({ ...params, timeStamp } as never, { host });
    expect(outcome).toMatchObject({ status: 'failed', code: 'invalid_params' });
    expect(outcome.status === 'failed' && outcome.issues?.map((issue) => issue.field)).toEqual([
      'timeStamp',
    ]);
    expect(host.sheetsOpened).toBe(0);
  });

  it('describes what it got: the text, the number, or the type', () => {
    const messages = validatePaymentParams({
      timeStamp: -1,
      nonceStr: 'x'.repeat(50),
      package: null,
      signType: 'SHA1',
      paySign: 7,
    }).map((issue) => issue.message);
    expect(messages).toEqual([
      'expected /^\\d{1,32}$/, got -1',
      `expected /^.{1,32}$/, got "${'x'.repeat(40)}"`,
      'expected /^prepay_id=\\S.{0,117}$/, got null',
      'expected /^(RSA|MD5|HMAC-SHA256)$/, got "SHA1"',
      'expected text, got 7',
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
    expect(
      validateVirtualPaymentParams({ ...base, signData }).map((issue) => issue.message),
    ).toEqual(['expected /^\\d{1,15}$/, got 1.5']);
    expect(
      validateVirtualPaymentParams({
        ...base,
        signData: { ...signData, goodsPrice: 600, env: '1' },
      }),
    ).toEqual([{ field: 'signData.env', message: 'expected /^[01]$/, got "1"' }]);
  });
});

describe('timeoutMs', () => {
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31])(
    'refuses timeoutMs %p',
    async (timeoutMs) => {
      const host = createFakeHost();
      const outcome = await requestPayment(params, { host, timeoutMs: timeoutMs as number });
      expect(outcome).toMatchObject({ code: 'invalid_params', issues: [{ field: 'timeoutMs' }] });
      expect(outcome.status === 'failed' && outcome.detail).toContain('timeoutMs');
    },
  );

  it('accepts the largest timeoutMs setTimeout can hold', async () => {
    jest.useFakeTimers();
    const host = createFakeHost({ cashier: 'lost' });
    const pending = requestPayment(params, { host, timeoutMs: 2 ** 31 - 1 });
    let settled = false;
    pending.then(() => {
      settled = true;
    });
    await jest.advanceTimersByTimeAsync(2 ** 31 - 2);
    expect(host.sheetsOpened).toBe(1);
    expect(settled).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ code: 'timeout' });
  });
});

describe('the host is released whatever ends the call', () => {
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

  it('after a hand-made signal threw while being listened to', async () => {
    const host = createFakeHost();
    const signal = {
      aborted: false,
      addEventListener() {
        throw new Error('cannot listen');
      },
    };
    expect(await requestPayment(params, { host, signal })).toMatchObject({
      code: 'host_error',
      detail: expect.stringContaining('cannot listen'),
    });
    expect((await requestPayment(params, { host })).status).toBe('ok');
  });

  it('but not by a refused call: busy leaves the open cashier in charge', async () => {
    const host = createFakeHost({ cashier: ['lost', 'ok'] });
    const controller = new AbortController();
    const first = requestPayment(params, { host, signal: controller.signal });
    expect(await requestPayment(params, { host })).toMatchObject({ code: 'busy' });
    expect(await requestPayment(params, { host })).toMatchObject({ code: 'busy' });
    controller.abort();
    expect(await first).toMatchObject({ code: 'aborted' });
    expect(host.sheetsOpened).toBe(1);
  });
});

describe('what the host returns', () => {
  it('reads a promisified host that resolves', async () => {
    const host = createFakeHost({ cashier: 'promise' });
    expect(await requestPayment(params, { host })).toMatchObject({ status: 'ok' });
  });

  it('ignores a returned value that is not a promise and waits for the callbacks', async () => {
    const host: PaymentHost = {
      requestPayment: (options) => {
        setTimeout(() => options.success?.({ errMsg: 'requestPayment:ok' }), 1);
        return { abort() {} };
      },
    };
    expect(await requestPayment(params, { host })).toMatchObject({ status: 'ok' });
  });

  it('reports a thrown non-Error without throwing itself', async () => {
    const host: PaymentHost = {
      requestPayment: () => {
        throw 'plain string';
      },
    };
    expect(await requestPayment(params, { host })).toMatchObject({
      code: 'host_error',
      raw: 'plain string',
    });
  });

  it('settles with an empty answer when no real one follows in the same turn', async () => {
    const host: PaymentHost = {
      requestPayment: (options) => {
        options.success?.(undefined);
        options.complete?.({});
      },
    };
    expect(await requestPayment(params, { host })).toMatchObject({
      status: 'failed',
      code: 'host_error',
      detail: expect.stringContaining('nothing usable'),
      raw: undefined,
    });
  });
});

describe('normalizeOutcome: answers without a verdict', () => {
  it('gives a non-empty answer without any text nothing usable as its detail on fail', () => {
    expect(normalizeOutcome({ resultCode: 9 }, 'fail')).toMatchObject({
      status: 'failed',
      code: 'host_error',
      detail: expect.stringContaining('nothing usable'),
      errMsg: '',
    });
  });

  it('does not count a success callback whose text carries a failure prefix as ok', () => {
    expect(normalizeOutcome({ errMsg: 'x:requestPayment:done' }, 'success')).toMatchObject({
      status: 'failed',
      detail: 'done',
    });
    expect(normalizeOutcome({ errMsg: 'requestPayment:done' }, 'success').status).toBe('ok');
  });

  it('lets an ok verdict win over a cancel code', () => {
    expect(normalizeOutcome({ errMsg: 'requestPayment:ok', errCode: -2 }, 'fail').status).toBe(
      'ok',
    );
  });

  it('reads padded numeric strings and ignores fractions', () => {
    expect(normalizeOutcome({ errMsg: 'x:fail', errCode: ' -2 ' }, 'fail').status).toBe(
      'cancelled',
    );
    expect(normalizeOutcome({ errMsg: 'x:fail y', errno: 1.5 }, 'fail')).toMatchObject({
      status: 'failed',
      errno: undefined,
    });
  });
});
