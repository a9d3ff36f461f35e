/** The object a host passes to success / fail / complete. */
export interface HostCallback {
  readonly errMsg: string;
  readonly errCode?: number;
  readonly errno?: number;
}

/** `Undefined`, `Number`, … as the base library names types in parameter errors. */
export function typeName(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'Array';
  const type = typeof value;
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** `parameter error: parameter.x should be String instead of Number;`, as the base library says. */
export function wrongType(api: string, name: string, value: unknown, errno: number): HostCallback {
  return {
    errMsg: `${api}:fail parameter error: parameter.${name} should be String instead of ${typeName(value)};`,
    errno,
  };
}

/**
 * What wx.requestPayment delivers (and wx.requestOrderPayment, under its own name): the
 * texts and errno of real hosts, collected from reports.
 */
export function paymentCallbacksOf(api: string) {
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
    appidNotBound: (): HostCallback => ({
      errMsg: `${api}:fail 商户号mch_id与appid不匹配`,
      errno: 702001,
    }),
    expired: (): HostCallback => ({ errMsg: `${api}:fail 订单已过期`, errno: 700000 }),
    alreadyPaid: (): HostCallback => ({ errMsg: `${api}:fail 该订单已支付`, errno: 702005 }),
    closed: (): HostCallback => ({ errMsg: `${api}:fail 订单已关闭`, errno: 700000 }),
    payerMismatch: (): HostCallback => ({
      errMsg: `${api}:fail 下单账号与付款账号不一致`,
      errno: 700000,
    }),
  };
}

export type PaymentCallbacks = ReturnType<typeof paymentCallbacksOf>;
