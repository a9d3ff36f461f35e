import { describeThrown, describeValue } from '../shared/values';

/*
 * Every validation message, worded for the developer who reads it in a log:
 * "<field> must be <what it must be>, got <what it was>".
 */

/** What each parameter of `requestPayment` must be. */
export const PAYMENT_MUST_BE = {
  timeStamp: 'the seconds since 1970 as a string of digits',
  nonceStr: '1 to 32 characters',
  package: "'prepay_id=' and the prepay id, at most 128 characters",
  signType: 'RSA, MD5, HMAC-SHA256 or left out',
  paySign: 'a non-empty string',
};

/** What `signData` must be, for virtual payment and B2b payment alike. */
export const SIGN_DATA_MUST_BE = 'a JSON object (the string your server signed, or an object)';

/** What each parameter of `requestVirtualPayment` must be. */
export const VIRTUAL_MUST_BE = {
  mode: 'short_series_goods or short_series_coin',
  paySig: 'a non-empty string',
  signature: 'a non-empty string',
  offerId: 'a non-empty string',
  buyQuantity: 'a whole number from 1',
  currencyType: 'a 3-letter currency code such as CNY',
  outTradeNo: '8 to 32 of 0-9 A-Z a-z _ - | * @, not starting with _',
  attach: 'a string',
  env: '0 (production), 1 (sandbox) or left out',
  productId: 'a non-empty string (required for short_series_goods)',
  goodsPrice: 'the unit price in fen, a whole number (required for short_series_goods)',
};

export function mustBeMessage(field: string, mustBe: string, value: unknown): string {
  return `${field} must be ${mustBe}, got ${describeValue(value)}`;
}

/** A field whose getter (or Proxy trap) threw. */
export function unreadableMessage(field: string, thrown: unknown): string {
  return `${field} could not be read: reading it threw ${describeThrown(thrown)}`;
}

/** A signData string that is not JSON, or an object JSON.stringify refused. */
export function signDataMessage(signData: unknown, thrown: unknown): string {
  return typeof signData === 'string'
    ? `${mustBeMessage('signData', SIGN_DATA_MUST_BE, signData)}, which is not JSON (${describeThrown(thrown)})`
    : `signData could not be turned into JSON (${describeThrown(thrown)}): pass the string your server signed`;
}

/** What each parameter of `requestOrderPayment` must be, beyond those of `requestPayment`. */
export const ORDER_PAYMENT_MUST_BE = {
  orderInfo: 'the order as an object, or left out (only where the transaction component checks it)',
  extUserUin: 'the user id in the outside app, a non-empty string, or left out',
};

/** What each parameter of `requestCommonPayment` (B2b payment) must be. */
export const COMMON_PAYMENT_MUST_BE = {
  mode: 'retail_pay_goods, retail_pay_indirect_goods, retail_pay_combined_goods or retail_pay_goods_new',
  paySig: 'a non-empty string',
  signature: 'a non-empty string',
  mchid: 'the merchant id, a non-empty string',
  out_trade_no: '6 to 32 of 0-9 A-Z a-z _ - *',
  description: 'a non-empty string',
  amount: 'an object with order_amount',
  order_amount: 'the amount to pay in fen, a whole number',
  currency: 'CNY, or left out',
  attach: 'a string, or left out',
  env: '0 (production), 1 (sandbox) or left out',
};

/** What each parameter of `requestPluginPayment` must be. */
export const PLUGIN_PAYMENT_MUST_BE = {
  version: 'release, trial or develop (the plugin version)',
  fee: 'the amount shown, in fen, a whole number',
  paymentArgs: 'the data for the payment functional page, not left out',
  currencyType: 'CNY, USD, JPY, EUR, HKD, GBP, AUD, MOP, KRW, or left out',
};

/** What each parameter of `requestMerchantTransfer` must be. */
export const MERCHANT_TRANSFER_MUST_BE = {
  mchId: 'the merchant id, a non-empty string',
  package: "the transfer bill's package_info, a non-empty string",
  appId:
    'the AppID the openId belongs to, a non-empty string (required but for service providers with subAppId)',
  subMchId: 'the sub-merchant id, a non-empty string, or left out',
  subAppId: 'the sub-merchant AppID, a non-empty string, or left out',
  openId: "the receiving user's openId, a non-empty string, or left out",
};
