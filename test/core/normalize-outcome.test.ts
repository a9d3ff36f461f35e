import { normalizeOutcome } from 'miniprogram-pay';

const NOTHING_SAID = 'The host answered without an errMsg, errCode or errno saying what happened.';

describe('What a payment call resolves to: normalizeOutcome reads every answer shape the hosts send', () => {
  it.each([
    ['requestPayment:ok', { errMsg: 'requestPayment:ok' }],
    ['requestVirtualPayment:ok', { errMsg: 'requestVirtualPayment:ok' }],
    ['TCMPP misspelt api name', { errMsg: 'resquestPayment:ok' }],
    ['a superapp naming its own api', { errMsg: 'tradePay:ok' }],
    ['upper-case and spaces', { errMsg: 'requestPayment: OK ' }],
  ])('%s is ok', (_name, raw) => {
    expect(normalizeOutcome(raw, 'success')).toEqual({ status: 'ok', errMsg: raw.errMsg, raw });
  });

  it.each([
    ['fail cancel', { errMsg: 'requestPayment:fail cancel' }, undefined, undefined],
    ['legacy complete-only cancel', { errMsg: 'requestPayment:cancel' }, undefined, undefined],
    ['colon form', { errMsg: 'requestPayment:fail:cancel' }, undefined, undefined],
    [
      'nested virtual cancel',
      { errMsg: 'requestVirtualPayment:fail requestPayment:fail cancel', errCode: -2, errno: -2 },
      -2,
      -2,
    ],
    ['errCode -2 alone', { errMsg: 'requestVirtualPayment:fail', errCode: -2 }, -2, undefined],
    ['errno -2 alone', { errMsg: 'requestVirtualPayment:fail x', errno: -2 }, undefined, -2],
    [
      'errno 1 (cancel in newer base libraries)',
      { errMsg: 'requestPayment:fail', errno: 1 },
      undefined,
      1,
    ],
    ['string errCode "-2"', { errMsg: 'requestVirtualPayment:fail', errCode: '-2' }, -2, undefined],
  ])('%s is cancelled', (_name, raw, errCode, errno) => {
    const outcome = normalizeOutcome(raw, 'fail');
    expect(outcome).toMatchObject({ status: 'cancelled', errMsg: raw.errMsg, raw });
    expect(outcome.status === 'cancelled' && [outcome.errCode, outcome.errno]).toEqual([
      errCode,
      errno,
    ]);
  });

  it.each([
    [
      'legacy err_code / err_desc',
      { errMsg: 'requestPayment:fail', err_code: '-1', err_desc: '支付验证签名失败' },
      { code: 'host_error', detail: '支付验证签名失败', errCode: -1 },
    ],
    [
      'colon form with a reason',
      { errMsg: 'requestPayment:fail:调用支付JSAPI缺少参数: total_fee' },
      { code: 'host_error', detail: '调用支付JSAPI缺少参数: total_fee' },
    ],
    [
      'access denied, errno 102',
      { errMsg: 'requestPayment:fail :access denied, appId=x', errno: 102 },
      { code: 'host_error', detail: 'access denied, appId=x', errno: 102 },
    ],
    [
      'jsapi banned, errno 102',
      {
        errMsg:
          'requestPayment:fail jsapi has no permission, event=requestPayment, detail=jsapi has been banned',
        errno: 102,
      },
      {
        code: 'host_error',
        detail: 'jsapi has no permission, event=requestPayment, detail=jsapi has been banned',
      },
    ],
    [
      'HarmonyOS not supported, errno 100',
      { errMsg: 'requestPayment:fail :not supported', errno: 100 },
      { code: 'unsupported', detail: 'not supported', errno: 100 },
    ],
    [
      'not supported text without errno',
      { errMsg: 'requestPayment:fail not supported' },
      { code: 'unsupported' },
    ],
    [
      'iOS virtual payment not supported, errno 701001',
      { errMsg: 'requestVirtualPayment:fail', errno: 701001 },
      { code: 'unsupported', errno: 701001 },
    ],
    [
      'parameter error',
      {
        errMsg:
          'requestPayment:fail parameter error: parameter.timeStamp should be String instead of Undefined;',
      },
      { detail: 'parameter error: parameter.timeStamp should be String instead of Undefined;' },
    ],
    [
      'tourist appid system error',
      { errMsg: 'requestPayment:fail 系统错误,错误码:1,[payment-errcode]' },
      { detail: '系统错误,错误码:1,[payment-errcode]' },
    ],
    [
      'virtual signature invalid',
      { errMsg: 'requestVirtualPayment:fail SIGNATURE_INVALID', errCode: -15005, errno: -15005 },
      { code: 'host_error', detail: 'SIGNATURE_INVALID', errCode: -15005, errno: -15005 },
    ],
    [
      'nested virtual failure keeps the inner reason',
      { errMsg: 'requestVirtualPayment:fail requestPayment:fail risk control', errCode: -4 },
      { detail: 'risk control', errCode: -4 },
    ],
    [
      'a bare fail with a code',
      { errMsg: 'requestPayment:fail', errno: 702002 },
      { detail: 'requestPayment:fail', errno: 702002 },
    ],
    [
      'a failed word in the reason is kept',
      { errMsg: 'x:fail failed to pay' },
      { detail: 'failed to pay' },
    ],
  ])('%s is failed', (_name, raw, expected) => {
    expect(normalizeOutcome(raw, 'fail')).toMatchObject({
      status: 'failed',
      code: 'host_error',
      errMsg: raw.errMsg,
      raw,
      ...expected,
    });
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'requestPayment:ok'],
    ['a number', 0],
    ['an empty object', {}],
  ])('%s is failed host_error, saying the host answered nothing usable', (_name, raw) => {
    expect(normalizeOutcome(raw, 'success')).toEqual({
      status: 'failed',
      code: 'host_error',
      detail: NOTHING_SAID,
      errMsg: '',
      errCode: undefined,
      errno: undefined,
      raw,
    });
  });

  it('uses the channel only when the text carries no verdict', () => {
    expect(normalizeOutcome({ resultCode: 0 }, 'success').status).toBe('ok');
    expect(normalizeOutcome({ resultCode: 0 }, 'fail').status).toBe('failed');
    expect(normalizeOutcome({ errMsg: 'requestPayment:fail x' }, 'success').status).toBe('failed');
    expect(normalizeOutcome({ errMsg: 'requestPayment:cancel' }, 'success').status).toBe(
      'cancelled',
    );
    expect(normalizeOutcome({ errMsg: 'requestPayment:done', errCode: 5 }, 'success').status).toBe(
      'failed',
    );
    expect(normalizeOutcome({ errMsg: 'requestPayment:done' }).status).toBe('failed');
  });

  it('ignores codes that are not integers and never throws on odd field types', () => {
    const raw = { errMsg: 42, errCode: Symbol('x'), errno: { valueOf: () => -2 }, err_desc: 7 };
    expect(normalizeOutcome(raw, 'fail')).toMatchObject({
      status: 'failed',
      errMsg: '',
      errCode: undefined,
      errno: undefined,
    });
  });
});

describe('What a payment call resolves to: normalizeOutcome on answers without a verdict', () => {
  it('gives a non-empty answer without any text the nothing-said detail on fail', () => {
    expect(normalizeOutcome({ resultCode: 9 }, 'fail')).toMatchObject({
      status: 'failed',
      code: 'host_error',
      detail: NOTHING_SAID,
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
