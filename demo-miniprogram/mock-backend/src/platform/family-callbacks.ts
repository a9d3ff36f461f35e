import { type HostCallback, wrongType } from './host-callbacks';

// What the rest of the family delivers: wx.requestCommonPayment (B2b), wx.requestPluginPayment
// and wx.requestMerchantTransfer. The words seen in the wild are marked; the rest are this
// mock's (see the mock backend's README).

const B2B = 'requestCommonPayment';
const B2B_ORDER = `${B2B}:fail webapi_wxa_createmidasorder:fail`;

/** What wx.requestCommonPayment delivers. */
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

/** What wx.requestPluginPayment delivers (through the host's payment functional page). */
export const pluginCallbacks = {
  ok: (): HostCallback => ({ errMsg: `${PLUGIN}:ok` }),
  cancel: (): HostCallback => ({ errMsg: `${PLUGIN}:fail cancel` }),
  failed: (): HostCallback => ({ errMsg: `${PLUGIN}:fail 支付失败`, errno: 700000 }),
  badParameter: (detail: string): HostCallback => ({
    errMsg: `${PLUGIN}:fail parameter error: ${detail}`,
    errno: 1001,
  }),
  /** version, fee or paymentArgs are not those of the plugin order. */
  mismatch: (field: string): HostCallback => ({
    errMsg: `${PLUGIN}:fail ${field} does not match the order`,
    errno: 702001,
  }),
  unknownOrder: (): HostCallback => ({
    errMsg: `${PLUGIN}:fail paymentArgs.out_trade_no is not an order of this plugin`,
    errno: 702001,
  }),
  alreadyPaid: (): HostCallback => ({ errMsg: `${PLUGIN}:fail 该订单已支付`, errno: 702005 }),
  closed: (): HostCallback => ({ errMsg: `${PLUGIN}:fail 订单已关闭`, errno: 700000 }),
};

const TRANSFER = 'requestMerchantTransfer';

/** What wx.requestMerchantTransfer delivers: its ok means the page was shown and confirmed. */
export const transferCallbacks = {
  ok: (): HostCallback => ({ errMsg: `${TRANSFER}:ok` }),
  cancel: (): HostCallback => ({ errMsg: `${TRANSFER}:fail cancel` }),
  failed: (): HostCallback => ({ errMsg: `${TRANSFER}:fail 转账失败` }),
  wrongType: (name: string, value: unknown): HostCallback => wrongType(TRANSFER, name, value, 1001),
  /** Seen in the wild: a package that is not a bill waiting for this user. */
  badPackage: (): HostCallback => ({ errMsg: `${TRANSFER}:fail package_info信息有误` }),
};
