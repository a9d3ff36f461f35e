/** Callbacks every host API takes. Answers are `unknown`: superapps shape them their own way. */
export interface HostCallbacks {
  success?(result: unknown): void;
  fail?(result: unknown): void;
  complete?(result: unknown): void;
}

/** What `wx.requestPayment` receives from the library. */
export interface HostPaymentOptions extends HostCallbacks {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType?: 'RSA' | 'MD5' | 'HMAC-SHA256';
  paySign: string;
}

/** What `wx.requestVirtualPayment` receives from the library. */
export interface HostVirtualPaymentOptions extends HostCallbacks {
  mode: 'short_series_goods' | 'short_series_coin';
  // The host wants the JSON string exactly as signed; miniprogram-api-typings declares an
  // object here, so the type stays open for `wx` to remain assignable.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  signData: any;
  paySig: string;
  paySign?: string;
  signature: string;
}

/** What `wx.requestOrderPayment` (custom transaction component) receives: `requestPayment`'s fields and two more. */
export interface HostOrderPaymentOptions extends HostPaymentOptions {
  /** The order, only where the transaction component must check it. */
  orderInfo?: Record<string, unknown>;
  /** The user's id in the outside app. */
  extUserUin?: string;
}

/** What `wx.requestCommonPayment` (B2b payment) receives from the library. */
export interface HostCommonPaymentOptions extends HostCallbacks {
  mode:
    | 'retail_pay_goods'
    | 'retail_pay_indirect_goods'
    | 'retail_pay_combined_goods'
    | 'retail_pay_goods_new';
  // The JSON string exactly as signed; the typings declare an object (see virtual payment).
  // biome-ignore lint/suspicious/noExplicitAny: see above
  signData: any;
  paySig: string;
  signature: string;
}

/** What `wx.requestPluginPayment` (payment from a plugin) receives from the library. */
export interface HostPluginPaymentOptions extends HostCallbacks {
  version: 'release' | 'trial' | 'develop';
  fee: number;
  // Any data for the plugin's functional page; the typings declare an object.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  paymentArgs: any;
  currencyType?: string;
}

/** What `wx.requestMerchantTransfer` (the user confirms receipt of a transfer) receives. */
export interface HostMerchantTransferOptions extends HostCallbacks {
  mchId: string;
  package: string;
  appId?: string;
  subMchId?: string;
  subAppId?: string;
  openId?: string;
}
