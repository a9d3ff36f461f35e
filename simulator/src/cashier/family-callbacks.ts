import { type HostCallback, paymentCallbacksOf, wrongType } from './host-callbacks';

// What the rest of the family delivers, in these words: the ones seen in the wild
// are marked; the others are the simulator's choice (see its README).

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
  /** Seen in the wild. */
  badSignature: (): HostCallback => virtualFailure('SIGNATURE_INVALID', -15005),
  sessionExpired: (): HostCallback => virtualFailure('SESSION_KEY_EXPIRED', -15007),
  outTradeNoReused: (): HostCallback => virtualFailure('OUT_TRADE_NO_REUSED', -15002),
};

const B2B = 'requestCommonPayment';
const B2B_ORDER = `${B2B}:fail webapi_wxa_createmidasorder:fail`;

/** What wx.requestCommonPayment (B2b) delivers. */
export const commonCallbacks = {
  ok: (): HostCallback => ({ errMsg: `${B2B}:ok` }),
  cancel: (): HostCallback => ({ errMsg: `${B2B}:fail cancel` }),
  failed: (): HostCallback => ({ errMsg: `${B2B}:fail 支付失败`, errno: 700000 }),
  /** Seen in the wild. */
  signDataNotString: (): HostCallback => ({
    errMsg: `${B2B}:fail signData参数类型必须是string`,
    errno: 1001,
  }),
  wrongType: (name: string, value: unknown): HostCallback => wrongType(B2B, name, value, 1001),
  badMode: (): HostCallback => ({
    errMsg: `${B2B}:fail parameter error: mode must be retail_pay_goods, retail_pay_indirect_goods, retail_pay_combined_goods or retail_pay_goods_new`,
    errno: 1001,
  }),
  badSignData: (reason: string): HostCallback => ({
    errMsg: `${B2B_ORDER} invalid signData: ${reason}`,
    errno: 702001,
  }),
  /** Seen in the wild: the user signature (session_key) does not verify. */
  badSignature: (): HostCallback => ({ errMsg: `${B2B_ORDER} invalid signature`, errno: 702002 }),
  /** Seen in the wild: paySig (AppKey) does not verify. */
  badPaySig: (): HostCallback => ({ errMsg: `${B2B_ORDER} invalid pay signature`, errno: 702003 }),
  outTradeNoReused: (): HostCallback => ({
    errMsg: `${B2B_ORDER} out_trade_no already used with another signData`,
    errno: 702001,
  }),
  alreadyPaid: (): HostCallback => ({ errMsg: `${B2B}:fail 该订单已支付`, errno: 702005 }),
  closed: (): HostCallback => ({ errMsg: `${B2B}:fail 订单已关闭`, errno: 700000 }),
};

const PLUGIN = 'requestPluginPayment';

/**
 * What wx.requestPluginPayment delivers (through the host's payment functional page): the
 * outcomes of the requestPayment it makes, under its own name, and its own refusals.
 */
export const pluginCallbacks = {
  ...paymentCallbacksOf(PLUGIN),
  badParameter: (detail: string): HostCallback => ({
    errMsg: `${PLUGIN}:fail parameter error: ${detail}`,
    errno: 1001,
  }),
  /** version, fee, currencyType or the payer are not those of the order. */
  mismatch: (field: string): HostCallback => ({
    errMsg: `${PLUGIN}:fail ${field} does not match the order`,
    errno: 702001,
  }),
  unknownOrder: (): HostCallback => ({
    errMsg: `${PLUGIN}:fail paymentArgs.out_trade_no is not an order of this plugin`,
    errno: 702001,
  }),
};

/** requestOrderPayment's orderInfo given, and not the order of the prepay_id (the mock's words). */
export function badOrderInfo(api: string, field: string): HostCallback {
  return { errMsg: `${api}:fail 订单信息校验失败: ${field}`, errno: 702001 };
}
