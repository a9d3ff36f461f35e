import {
  type PaymentApi,
  requestCommonPayment,
  requestMerchantTransfer,
  requestOrderPayment,
  requestPayment,
  requestPluginPayment,
  requestVirtualPayment,
  validateCommonPaymentParams,
  validateMerchantTransferParams,
  validateOrderPaymentParams,
  validatePluginPaymentParams,
} from 'miniprogram-pay';
import { createFakeHost } from 'miniprogram-pay/testing';
import { paymentParams, virtualParams } from './helpers';

afterEach(() => jest.useRealTimers());

const b2bSignData =
  '{"mchid":"1230000109","out_trade_no":"b2b-order-0001","description":"茶叶 500 g","amount":{"order_amount":6800,"currency":"CNY"},"attach":"","env":0}';
const commonParams = {
  mode: 'retail_pay_goods' as const,
  signData: b2bSignData,
  paySig: 'p',
  signature: 's',
};
const pluginParams = { version: 'release' as const, fee: 100, paymentArgs: { orderId: 'o-1' } };
const transferParams = {
  mchId: '1230000109',
  appId: 'wxapp',
  package: 'ABBQO+oYAAABAAAAAAAk+yPZGrv1',
  openId: 'oUser',
};
const orderParams = { ...paymentParams, orderInfo: { order_id: 'o-1' }, extUserUin: 'u-7' };

/** Each API of the family, called with valid parameters. */
const CALLS: {
  [api in PaymentApi]: (
    options: Parameters<typeof requestPayment>[1],
  ) => ReturnType<typeof requestPayment>;
} = {
  requestPayment: (options) => requestPayment(paymentParams, options),
  requestVirtualPayment: (options) => requestVirtualPayment(virtualParams, options),
  requestOrderPayment: (options) => requestOrderPayment(orderParams, options),
  requestCommonPayment: (options) => requestCommonPayment(commonParams, options),
  requestPluginPayment: (options) => requestPluginPayment(pluginParams, options),
  requestMerchantTransfer: (options) => requestMerchantTransfer(transferParams, options),
};
const APIS = Object.keys(CALLS) as PaymentApi[];

describe('The whole payment family: what each call sends', () => {
  test('requestOrderPayment sends requestPayment’s fields with orderInfo and extUserUin, and pkg as package', async () => {
    const host = createFakeHost();
    const { package: prepay, ...rest } = orderParams;
    await requestOrderPayment({ ...rest, pkg: prepay, extra: 'dropped' } as never, { host });
    expect(host.calls).toStrictEqual([
      { api: 'requestOrderPayment', params: orderParams, step: 'ok' },
    ]);
  });

  test('requestCommonPayment sends signData byte for byte, or an object serialised once', async () => {
    const host = createFakeHost();
    const spaced = b2bSignData.replace(/,/g, ', ');
    await requestCommonPayment({ ...commonParams, signData: spaced }, { host });
    await requestCommonPayment({ ...commonParams, signData: JSON.parse(b2bSignData) }, { host });
    expect(host.calls.map((call) => call.params.signData)).toEqual([spaced, b2bSignData]);
    expect(host.calls[0]).toEqual({
      api: 'requestCommonPayment',
      params: { ...commonParams, signData: spaced },
      step: 'ok',
    });
  });

  test('requestPluginPayment sends version, fee, paymentArgs and currencyType only when given', async () => {
    const host = createFakeHost();
    await requestPluginPayment(pluginParams, { host });
    await requestPluginPayment({ ...pluginParams, currencyType: 'USD' }, { host });
    expect(host.calls.map((call) => call.params)).toStrictEqual([
      pluginParams,
      { ...pluginParams, currencyType: 'USD' },
    ]);
  });

  test('requestMerchantTransfer sends the merchant fields, or a service provider’s', async () => {
    const host = createFakeHost();
    await requestMerchantTransfer({ ...transferParams, extra: 1 } as never, { host });
    const provider = { mchId: 'sp-1', subMchId: 'sub-1', subAppId: 'wxsub', package: 'pkg' };
    await requestMerchantTransfer(provider, { host });
    expect(host.calls.map((call) => call.params)).toStrictEqual([transferParams, provider]);
  });

  test.each(APIS)('%s resolves ok, and a transfer’s ok is still only a hint', async (api) => {
    const host = createFakeHost();
    expect(await CALLS[api]({ host })).toEqual({
      status: 'ok',
      errMsg: `${api}:ok`,
      raw: { errMsg: `${api}:ok` },
    });
  });
});

describe('The whole payment family: validation names every bad field before the host is touched', () => {
  test.each<
    [string, (params: unknown) => Array<{ field: string; message: string }>, unknown, string[]]
  >([
    [
      'order payment: orderInfo not an object',
      validateOrderPaymentParams,
      { ...orderParams, orderInfo: 'o-1' },
      ['orderInfo'],
    ],
    [
      'order payment: requestPayment’s own rules',
      validateOrderPaymentParams,
      { ...orderParams, timeStamp: 'soon', extUserUin: '' },
      ['timeStamp', 'extUserUin'],
    ],
    [
      'B2b: an unknown mode',
      validateCommonPaymentParams,
      { ...commonParams, mode: 'short_series_coin' },
      ['mode'],
    ],
    [
      'B2b: no signatures',
      validateCommonPaymentParams,
      { mode: 'retail_pay_goods', signData: b2bSignData },
      ['paySig', 'signature'],
    ],
    [
      'B2b: signData fields',
      validateCommonPaymentParams,
      {
        ...commonParams,
        signData: {
          mchid: '',
          out_trade_no: 'x',
          description: 'd',
          amount: { order_amount: 1.5, currency: 'USD' },
          env: 2,
        },
      },
      [
        'signData.mchid',
        'signData.out_trade_no',
        'signData.env',
        'signData.amount.order_amount',
        'signData.amount.currency',
      ],
    ],
    [
      'B2b: amount missing',
      validateCommonPaymentParams,
      { ...commonParams, signData: { mchid: 'm', out_trade_no: 'abcdef', description: 'd' } },
      ['signData.amount'],
    ],
    [
      'B2b: signData not JSON',
      validateCommonPaymentParams,
      { ...commonParams, signData: '{"mchid":' },
      ['signData'],
    ],
    [
      'plugin: a bad version and fee',
      validatePluginPaymentParams,
      { ...pluginParams, version: 'beta', fee: -1 },
      ['version', 'fee'],
    ],
    [
      'plugin: no paymentArgs',
      validatePluginPaymentParams,
      { version: 'trial', fee: 0 },
      ['paymentArgs'],
    ],
    [
      'plugin: an unknown currency',
      validatePluginPaymentParams,
      { ...pluginParams, currencyType: 'BTC' },
      ['currencyType'],
    ],
    [
      'transfer: a merchant without appId',
      validateMerchantTransferParams,
      { mchId: 'm', package: 'p' },
      ['appId'],
    ],
    [
      'transfer: a service provider without any AppID',
      validateMerchantTransferParams,
      { mchId: 'm', subMchId: 's', package: 'p' },
      ['appId'],
    ],
    [
      'transfer: no package, empty openId',
      validateMerchantTransferParams,
      { mchId: 'm', appId: 'a', openId: '' },
      ['package', 'openId'],
    ],
  ])('%s', (_name, validate, params, fields) => {
    const issues = validate(params);
    expect(issues.map((issue) => issue.field)).toEqual(fields);
    for (const issue of issues)
      expect(issue.message).toMatch(
        new RegExp(`^${issue.field.replace(/\./g, '\\.')} (must be|could not)`),
      );
  });

  test('the message says what the field must be and what it got', () => {
    expect(validateMerchantTransferParams({ mchId: 'm', appId: 'a', package: 7 })).toEqual([
      {
        field: 'package',
        message: "package must be the transfer bill's package_info, a non-empty string, got 7",
      },
    ]);
    expect(validatePluginPaymentParams({ ...pluginParams, fee: 0.5 })[0]?.message).toBe(
      'fee must be the amount shown, in fen, a whole number, got 0.5',
    );
  });

  test.each([
    [
      'requestOrderPayment',
      () => requestOrderPayment({ ...orderParams, paySign: '' }, { host: createFakeHost() }),
    ],
    [
      'requestCommonPayment',
      () => requestCommonPayment({ ...commonParams, paySig: '' }, { host: createFakeHost() }),
    ],
    [
      'requestPluginPayment',
      () =>
        requestPluginPayment({ ...pluginParams, fee: '1' as never }, { host: createFakeHost() }),
    ],
    [
      'requestMerchantTransfer',
      () => requestMerchantTransfer({ ...transferParams, mchId: '' }, { host: createFakeHost() }),
    ],
  ])('%s with a bad field resolves invalid_params and opens nothing', async (_api, call) => {
    expect(await call()).toMatchObject({
      status: 'failed',
      code: 'invalid_params',
      errMsg: '',
      issues: [expect.any(Object)],
    });
  });

  test.each([undefined, null, 'params', 42, []])(
    'every validator refuses %p without throwing',
    (value) => {
      for (const validate of [
        validateOrderPaymentParams,
        validateCommonPaymentParams,
        validatePluginPaymentParams,
        validateMerchantTransferParams,
      ]) {
        expect(validate(value).length).toBeGreaterThan(0);
      }
    },
  );
});

describe('The whole payment family: every host quirk, unsupported, timeoutMs, signal', () => {
  test.each(APIS)('%s: no such API, or canIUse false, is unsupported', async (api) => {
    const others = APIS.filter((other) => other !== api);
    expect(await CALLS[api]({ host: createFakeHost({ apis: others }) })).toMatchObject({
      code: 'unsupported',
    });
    expect(
      await CALLS[api]({ host: createFakeHost({ canIUse: (schema) => schema !== api }) }),
    ).toMatchObject({
      code: 'unsupported',
      detail: `wx.canIUse('${api}') answered false.`,
    });
  });

  test.each(APIS)('%s: cancel, host failure, a throwing host', async (api) => {
    expect((await CALLS[api]({ host: createFakeHost({ cashier: 'cancel' }) })).status).toBe(
      'cancelled',
    );
    expect(
      await CALLS[api]({ host: createFakeHost({ cashier: 'fail', failDetail: 'risk control' }) }),
    ).toMatchObject({
      code: 'host_error',
      detail: 'risk control',
    });
    expect(await CALLS[api]({ host: createFakeHost({ cashier: 'throws' }) })).toMatchObject({
      code: 'host_error',
      detail: expect.stringMatching(new RegExp(`^Calling wx\\.${api} threw Error: `)),
    });
  });

  test.each(APIS)(
    '%s: a lost callback times out at timeoutMs; an abort settles at once',
    async (api) => {
      jest.useFakeTimers();
      const timedOut = CALLS[api]({ host: createFakeHost({ cashier: 'lost' }), timeoutMs: 1000 });
      await jest.advanceTimersByTimeAsync(1000);
      expect(await timedOut).toMatchObject({ code: 'timeout' });
      const controller = new AbortController();
      const aborted = CALLS[api]({
        host: createFakeHost({ cashier: 'lost' }),
        signal: controller.signal,
      });
      controller.abort();
      expect(await aborted).toMatchObject({ code: 'aborted' });
    },
  );

  test('B2b and transfer quirks of their own', async () => {
    expect(
      await requestCommonPayment(commonParams, {
        host: createFakeHost({ cashier: 'b2b-invalid-signature' }),
      }),
    ).toMatchObject({
      code: 'host_error',
      errno: 702002,
      detail: 'webapi_wxa_createmidasorder:fail invalid signature',
    });
    expect(
      await requestMerchantTransfer(transferParams, {
        host: createFakeHost({ cashier: 'transfer-package-invalid' }),
      }),
    ).toMatchObject({
      code: 'host_error',
      detail: 'package_info信息有误',
    });
  });
});

describe('One cashier per host: across the whole family', () => {
  const pairs = APIS.flatMap((open) => APIS.map((second) => [open, second] as const));
  test.each(pairs)(
    'while %s is open, %s on the same host is busy; after it answers, it opens',
    async (open, second) => {
      const host = createFakeHost({ cashier: 'lost' });
      const first = CALLS[open]({ host });
      expect(await CALLS[second]({ host })).toMatchObject({ status: 'failed', code: 'busy' });
      host.deliverLost('ok');
      expect((await first).status).toBe('ok');
      host.setCashier('ok');
      expect((await CALLS[second]({ host })).status).toBe('ok');
      expect(host.sheetsOpened).toBe(2);
    },
  );
});
