/** The object a host passes to success/fail/complete (domain notes, section 4). */
export interface HostCallback {
  readonly errMsg: string;
  readonly errCode?: number;
  readonly errno?: number;
}

/** `Undefined`, `Number`, ... as the base library names types in parameter errors. */
function typeName(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'Array';
  const type = typeof value;
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** What wx.requestPayment delivers. */
export const paymentCallbacks = {
  ok: (): HostCallback => ({ errMsg: 'requestPayment:ok' }),
  cancel: (): HostCallback => ({ errMsg: 'requestPayment:fail cancel' }),
  failed: (): HostCallback => ({ errMsg: 'requestPayment:fail 支付失败', errno: 700000 }),
  wrongType: (name: string, value: unknown): HostCallback => ({
    errMsg: `requestPayment:fail parameter error: parameter.${name} should be String instead of ${typeName(value)};`,
    errno: 702001,
  }),
  missing: (name: string): HostCallback => ({
    errMsg: `requestPayment:fail 调用支付JSAPI缺少参数:${name}`,
    errno: 702001,
  }),
  badSignType: (): HostCallback => ({
    errMsg: 'requestPayment:fail invalid signType',
    errno: 702001,
  }),
  badSignature: (): HostCallback => ({
    errMsg: 'requestPayment:fail 支付验证签名失败',
    errno: 702002,
  }),
  unknownPrepayId: (): HostCallback => ({
    errMsg: 'requestPayment:fail prepay_id 无效',
    errno: 702001,
  }),
  expired: (): HostCallback => ({ errMsg: 'requestPayment:fail 订单已过期', errno: 700000 }),
  alreadyPaid: (): HostCallback => ({ errMsg: 'requestPayment:fail 该订单已支付', errno: 702005 }),
  closed: (): HostCallback => ({ errMsg: 'requestPayment:fail 订单已关闭', errno: 700000 }),
  payerMismatch: (): HostCallback => ({
    errMsg: 'requestPayment:fail 下单账号与付款账号不一致',
    errno: 700000,
  }),
};

function virtualFailure(detail: string, code: number): HostCallback {
  return { errMsg: `requestVirtualPayment:fail ${detail}`, errCode: code, errno: code };
}

/** What wx.requestVirtualPayment delivers (errCode and errno are equal). */
export const virtualCallbacks = {
  ok: (): HostCallback => ({ errMsg: 'requestVirtualPayment:ok' }),
  cancel: (): HostCallback => virtualFailure('requestPayment:fail cancel', -2),
  failed: (): HostCallback => ({ errMsg: 'requestVirtualPayment:fail', errCode: -1, errno: -1 }),
  wrongType: (name: string, value: unknown): HostCallback =>
    virtualFailure(
      `parameter error: parameter.${name} should be String instead of ${typeName(value)};`,
      1001,
    ),
  badMode: (): HostCallback =>
    virtualFailure('parameter error: mode must be short_series_goods or short_series_coin', 1001),
  badSignData: (): HostCallback => virtualFailure('SIGNDATA_INVALID', -15016),
  badPaySig: (): HostCallback => virtualFailure('PAYSIG_INVALID', -15006),
  badSignature: (): HostCallback => virtualFailure('SIGNATURE_INVALID', -15005),
  sessionExpired: (): HostCallback => virtualFailure('SESSION_KEY_EXPIRED', -15007),
  outTradeNoReused: (): HostCallback => virtualFailure('OUT_TRADE_NO_REUSED', -15002),
};
