import { requestVirtualPayment, validateVirtualPaymentParams } from 'miniprogram-pay';
import { createFakeHost } from 'miniprogram-pay/testing';
import { mustBe, threw } from './helpers';

// Spacing and key order as a server might sign them: must reach the host unchanged.
const signData =
  '{"offerId":"123", "buyQuantity":1,"env":0,"currencyType":"CNY","productId":"gem_60","goodsPrice":600,"outTradeNo":"ORDER-2026-0001","attach":"pack=60"}';
const params = {
  mode: 'short_series_goods' as const,
  signData,
  paySig: 'd0b8bbccbe109b11549bcfd6602b08711f46600965253a949cd6a2b895152f9d',
  signature: '654571f79995b2ce1e149e53c0a33dc39c0a74090db514261454e8dbe432aa0b',
};

describe('Parameter shapes: virtual payment (WeChat and TCMPP)', () => {
  it('passes a string signData byte for byte and answers ok', async () => {
    const host = createFakeHost();
    const outcome = await requestVirtualPayment(params, { host });
    expect(outcome.status).toBe('ok');
    expect(host.calls[0]).toMatchObject({ api: 'requestVirtualPayment', params });
    expect(host.calls[0]?.params.signData).toBe(signData);
  });

  it('serialises an object signData once', async () => {
    const host = createFakeHost();
    const fields = JSON.parse(signData);
    await requestVirtualPayment({ ...params, signData: fields }, { host });
    expect(host.calls[0]?.params.signData).toBe(JSON.stringify(fields));
  });

  it("accepts TCMPP's paySign and sends both names", async () => {
    const host = createFakeHost();
    const { paySig, ...rest } = params;
    await requestVirtualPayment({ ...rest, paySign: paySig }, { host });
    expect(host.calls[0]?.params).toMatchObject({ paySig, paySign: paySig });
  });

  it('sends only paySig when the caller used that name', async () => {
    const host = createFakeHost();
    await requestVirtualPayment(params, { host });
    expect(host.calls[0]?.params).not.toHaveProperty('paySign');
  });
});

describe('What a payment call resolves to: requestVirtualPayment', () => {
  it('resolves the PC nested cancel as cancelled with its codes', async () => {
    const host = createFakeHost({ cashier: 'nested-virtual-cancel' });
    expect(await requestVirtualPayment(params, { host })).toMatchObject({
      status: 'cancelled',
      errCode: -2,
      errno: -2,
    });
  });

  it('resolves SIGNATURE_INVALID as failed with errCode -15005', async () => {
    const host = createFakeHost({ cashier: 'signature-invalid' });
    expect(await requestVirtualPayment(params, { host })).toMatchObject({
      status: 'failed',
      code: 'host_error',
      detail: 'SIGNATURE_INVALID',
      errCode: -15005,
      errMsg: 'requestVirtualPayment:fail SIGNATURE_INVALID',
    });
  });

  it('answers unsupported on a host without the API, naming it', async () => {
    const host = createFakeHost({ apis: ['requestPayment'] });
    expect(await requestVirtualPayment(params, { host })).toMatchObject({
      code: 'unsupported',
      detail: expect.stringContaining('wx.requestVirtualPayment'),
      errMsg: '',
    });
  });

  it('reports a throwing host with the API it called', async () => {
    const host = createFakeHost({ cashier: 'throws' });
    expect(await requestVirtualPayment(params, { host })).toMatchObject({
      code: 'host_error',
      detail: threw(
        'Calling wx.requestVirtualPayment',
        'Error: requestVirtualPayment:fail the fake host threw',
      ),
    });
  });
});

describe('Parameter shapes: validateVirtualPaymentParams', () => {
  const fieldsOf = (
    changes: Record<string, unknown>,
    signDataChanges: Record<string, unknown> = {},
  ) =>
    validateVirtualPaymentParams({
      ...params,
      signData: { ...JSON.parse(signData), ...signDataChanges },
      ...changes,
    }).map((issue) => issue.field);

  it('is [] for valid params, goods and coins', () => {
    expect(validateVirtualPaymentParams(params)).toEqual([]);
    expect(
      fieldsOf({ mode: 'short_series_coin' }, { productId: undefined, goodsPrice: undefined }),
    ).toEqual([]);
  });

  it.each([
    [{ mode: 'long_series' }, {}, 'mode'],
    [{ paySig: '' }, {}, 'paySig'],
    [{ signature: undefined }, {}, 'signature'],
    [{}, { offerId: '' }, 'signData.offerId'],
    [{}, { buyQuantity: 0 }, 'signData.buyQuantity'],
    [{}, { buyQuantity: 1.5 }, 'signData.buyQuantity'],
    [{}, { currencyType: 'yuan' }, 'signData.currencyType'],
    [{}, { outTradeNo: 'short' }, 'signData.outTradeNo'],
    [{}, { outTradeNo: '_starts_with_underscore' }, 'signData.outTradeNo'],
    [{}, { outTradeNo: 'has space in it' }, 'signData.outTradeNo'],
    [{}, { outTradeNo: 'x'.repeat(33) }, 'signData.outTradeNo'],
    [{}, { attach: undefined }, 'signData.attach'],
    [{}, { env: 2 }, 'signData.env'],
    [{}, { productId: undefined }, 'signData.productId'],
    [{}, { goodsPrice: -1 }, 'signData.goodsPrice'],
    [{}, { goodsPrice: '600' }, 'signData.goodsPrice'],
  ])('%j %j names %s', (changes, signDataChanges, field) => {
    expect(fieldsOf(changes, signDataChanges)).toEqual([field]);
  });

  it('accepts TCMPP string quantities and every allowed outTradeNo character', () => {
    expect(fieldsOf({}, { buyQuantity: '2', outTradeNo: 'aZ09_-|*@x' })).toEqual([]);
  });

  it('names paySign when the caller used that name', () => {
    const { paySig: _omitted, ...rest } = params;
    expect(
      validateVirtualPaymentParams({ ...rest, paySign: '' }).map((issue) => issue.field),
    ).toEqual(['paySign']);
  });

  it('says what a signData field must be and what it got, a number field by its digits', () => {
    const base = { mode: 'short_series_goods', paySig: 'p', signature: 's' };
    const fields = JSON.parse(signData);
    expect(
      validateVirtualPaymentParams({ ...base, signData: { ...fields, goodsPrice: 1.5 } }),
    ).toEqual([
      { field: 'signData.goodsPrice', message: mustBe('signData.goodsPrice', '1.5', 'fen') },
    ]);
    expect(validateVirtualPaymentParams({ ...base, signData: { ...fields, env: '1' } })).toEqual([
      {
        field: 'signData.env',
        message: mustBe('signData.env', '"1"', '0 (production), 1 (sandbox)'),
      },
    ]);
  });

  it.each([
    ['not JSON', '{offerId:', 'got "{offerId:", which is not JSON (SyntaxError: '],
    ['a JSON array', '[1,2]', 'got "[1,2]"'],
    ['a number', 42, 'got 42'],
  ])('refuses a signData that is %s, saying what it got', (_name, value, got) => {
    const issues = validateVirtualPaymentParams({ ...params, signData: value });
    expect(issues).toEqual([{ field: 'signData', message: expect.any(String) }]);
    expect(issues[0]?.message).toMatch(/^signData must be a JSON object/);
    expect(issues[0]?.message).toContain(got);
  });

  it('refuses an object signData that cannot be serialised, without throwing', () => {
    const issues = validateVirtualPaymentParams({
      ...params,
      signData: { ...JSON.parse(signData), big: 1n },
    });
    expect(issues).toEqual([{ field: 'signData', message: expect.any(String) }]);
    expect(issues[0]?.message).toMatch(
      /^signData could not be turned into JSON \(TypeError: .*BigInt.*\): pass the string your server signed$/,
    );
  });
});
