import { describeThrown, describeValue } from '../core/describe';

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

/** What each parameter of `requestVirtualPayment` must be. */
export const VIRTUAL_MUST_BE = {
  mode: 'short_series_goods or short_series_coin',
  paySig: 'a non-empty string',
  signature: 'a non-empty string',
  signData: 'a JSON object (the string your server signed, or an object)',
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
    ? `${mustBeMessage('signData', VIRTUAL_MUST_BE.signData, signData)}, which is not JSON (${describeThrown(thrown)})`
    : `signData could not be turned into JSON (${describeThrown(thrown)}): pass the string your server signed`;
}
