/** The object a host passes to success/fail/complete (domain notes, section 4). */
export interface HostCallback {
  readonly errMsg: string;
  readonly errCode?: number;
  readonly errno?: number;
}

/** `Undefined`, `Number`, ... as the base library names types in parameter errors. */
export function typeName(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'Array';
  const type = typeof value;
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/**
 * What wx.requestPayment delivers, and wx.requestOrderPayment (its parameters and answers are
 * requestPayment's, under its own name).
 */
export function paymentCallbacksOf(api: 'requestPayment' | 'requestOrderPayment') {
  return {
    ok: (): HostCallback => ({ errMsg: `${api}:ok` }),
    cancel: (): HostCallback => ({ errMsg: `${api}:fail cancel` }),
    failed: (): HostCallback => ({ errMsg: `${api}:fail 支付失败`, errno: 700000 }),
    wrongType: (name: string, value: unknown): HostCallback => wrongType(api, name, value, 702001),
    missing: (name: string): HostCallback => ({
      errMsg: `${api}:fail 调用支付JSAPI缺少参数:${name}`,
      errno: 702001,
    }),
    badSignType: (): HostCallback => ({ errMsg: `${api}:fail invalid signType`, errno: 702001 }),
    badSignature: (): HostCallback => ({ errMsg: `${api}:fail 支付验证签名失败`, errno: 702002 }),
    unknownPrepayId: (): HostCallback => ({ errMsg: `${api}:fail prepay_id 无效`, errno: 702001 }),
    expired: (): HostCallback => ({ errMsg: `${api}:fail 订单已过期`, errno: 700000 }),
    alreadyPaid: (): HostCallback => ({ errMsg: `${api}:fail 该订单已支付`, errno: 702005 }),
    closed: (): HostCallback => ({ errMsg: `${api}:fail 订单已关闭`, errno: 700000 }),
    payerMismatch: (): HostCallback => ({
      errMsg: `${api}:fail 下单账号与付款账号不一致`,
      errno: 700000,
    }),
    /** orderInfo given, and not the order of the prepay_id (this mock's words). */
    badOrderInfo: (field: string): HostCallback => ({
      errMsg: `${api}:fail 订单信息校验失败: ${field}`,
      errno: 702001,
    }),
  };
}

export type PaymentCallbacks = ReturnType<typeof paymentCallbacksOf>;

export const paymentCallbacks: PaymentCallbacks = paymentCallbacksOf('requestPayment');

/** `parameter error: parameter.x should be String instead of Number;`, as the base library says. */
export function wrongType(api: string, name: string, value: unknown, errno: number): HostCallback {
  return {
    errMsg: `${api}:fail parameter error: parameter.${name} should be String instead of ${typeName(value)};`,
    errno,
  };
}

function virtualFailure(detail: string, code: number): HostCallback {
  return { errMsg: `requestVirtualPayment:fail ${detail}`, errCode: code, errno: code };
}

/** What wx.requestVirtualPayment delivers (errCode and errno are equal). */
export const virtualCallbacks = {
  ok: (): HostCallback => ({ errMsg: 'requestVirtualPayment:ok' }),
  cancel: (): HostCallback => virtualFailure('requestPayment:fail cancel', -2),
  failed: (): HostCallback => ({ errMsg: 'requestVirtualPayment:fail', errCode: -1, errno: -1 }),
  wrongType: (name: string, value: unknown): HostCallback => ({
    ...wrongType('requestVirtualPayment', name, value, 1001),
    errCode: 1001,
  }),
  badMode: (): HostCallback =>
    virtualFailure('parameter error: mode must be short_series_goods or short_series_coin', 1001),
  badSignData: (): HostCallback => virtualFailure('SIGNDATA_INVALID', -15016),
  badPaySig: (): HostCallback => virtualFailure('PAYSIG_INVALID', -15006),
  badSignature: (): HostCallback => virtualFailure('SIGNATURE_INVALID', -15005),
  sessionExpired: (): HostCallback => virtualFailure('SESSION_KEY_EXPIRED', -15007),
  outTradeNoReused: (): HostCallback => virtualFailure('OUT_TRADE_NO_REUSED', -15002),
};
