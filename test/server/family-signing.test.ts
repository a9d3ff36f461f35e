// The server kit's part of the payment family: B2b parameters signed, a transfer bill's params.
import { createHmac } from 'node:crypto';
import { validateCommonPaymentParams, validateMerchantTransferParams } from 'miniprogram-pay';
import { merchantTransferParams, signCommonPayment } from 'miniprogram-pay/server';

const hmac = (key: string, message: string) =>
  createHmac('sha256', key).update(message, 'utf8').digest('hex');
const signData =
  '{"mchid":"1230000109","out_trade_no":"b2b-0001","description":"茶","amount":{"order_amount":6800},"env":0}';

describe('Your server: signCommonPayment (B2b)', () => {
  test('signs a string signData byte for byte, under the B2b API name', () => {
    const params = signCommonPayment({
      mode: 'retail_pay_goods',
      signData,
      appKey: 'app-key',
      sessionKey: 'session',
    });
    expect(params).toEqual({
      mode: 'retail_pay_goods',
      signData,
      paySig: hmac('app-key', `requestCommonPayment&${signData}`),
      signature: hmac('session', signData),
    });
    expect(validateCommonPaymentParams(params)).toEqual([]);
  });

  test('serialises an object once and signs that exact string', () => {
    const params = signCommonPayment({
      mode: 'retail_pay_goods_new',
      signData: JSON.parse(signData),
      appKey: 'k',
      sessionKey: 's',
    });
    expect(params.signData).toBe(JSON.stringify(JSON.parse(signData)));
    expect(params.paySig).toBe(hmac('k', `requestCommonPayment&${params.signData}`));
  });

  test.each([
    [
      { mode: 'short_series_coin', signData, appKey: 'k', sessionKey: 's' },
      /signCommonPayment: mode must be "retail_pay_goods", /,
    ],
    [
      { mode: 'retail_pay_goods', signData: '{"mchid":', appKey: 'k', sessionKey: 's' },
      /signCommonPayment: signData must be a JSON object/,
    ],
    [
      { mode: 'retail_pay_goods', signData, appKey: '', sessionKey: 's' },
      /signCommonPayment: appKey must be the AppKey of the environment, a non-empty string; got a string of 0 characters\./,
    ],
  ])('a bad argument throws a TypeError naming it', (options, message) => {
    expect(() => signCommonPayment(options as never)).toThrow(TypeError);
    expect(() => signCommonPayment(options as never)).toThrow(message);
  });
});

describe('Your server: merchantTransferParams', () => {
  const bill = {
    out_bill_no: 'bill-1',
    transfer_bill_no: '1330000',
    state: 'WAIT_USER_CONFIRM',
    package_info: 'ABBQO+oYAAABAAAAAAAk+yPZ',
  };

  test('gives the client the bill’s package_info as package, and nothing it was not given', () => {
    const params = merchantTransferParams({
      mchId: '1230000109',
      appId: 'wxapp',
      openId: 'oUser',
      bill,
    });
    expect(params).toEqual({
      mchId: '1230000109',
      appId: 'wxapp',
      openId: 'oUser',
      package: bill.package_info,
    });
    expect(validateMerchantTransferParams(params)).toEqual([]);
    expect(
      merchantTransferParams({ mchId: 'sp', subMchId: 'sub', subAppId: 'wxsub', bill }),
    ).toEqual({
      mchId: 'sp',
      subMchId: 'sub',
      subAppId: 'wxsub',
      package: bill.package_info,
    });
  });

  test.each(['SUCCESS', 'FAIL', 'CANCELLED', 'ACCEPTED'])(
    'a bill that is %s has no package to open: TypeError saying so',
    (state) => {
      expect(() =>
        merchantTransferParams({ mchId: 'm', appId: 'a', bill: { ...bill, state } }),
      ).toThrow(
        `[miniprogram-pay/server] merchantTransferParams: bill.state must be WAIT_USER_CONFIRM: only a bill waiting for the user has a package the client can open; got "${state}".`,
      );
    },
  );

  test.each([
    [{ mchId: 'm', bill }, /appId must be your AppID/],
    [
      { mchId: 'm', appId: 'a', bill: { state: 'WAIT_USER_CONFIRM' } },
      /bill\.package_info must be the bill's package_info/,
    ],
    [
      { mchId: 'm', appId: 'a', bill: 'bill' },
      /bill must be WeChat Pay's answer for the transfer bill/,
    ],
    [{ appId: 'a', bill }, /mchId must be your merchant id/],
  ])('a missing or bad argument throws a TypeError naming it', (options, message) => {
    expect(() => merchantTransferParams(options as never)).toThrow(message);
  });
});
