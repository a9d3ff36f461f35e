import { invalidArgument } from './messages';
import { optionsOf, requireSecret, requireToken } from './sign-fields';
import { hmacSha256Hex, jsonText } from './sign-json';

/** The modes of `wx.requestVirtualPayment`. */
export type VirtualPaymentMode = 'short_series_goods' | 'short_series_coin';

/** Options of {@link signVirtualPayment}. */
export interface SignVirtualPaymentOptions {
  /** `short_series_goods` (items) or `short_series_coin` (tokens). */
  readonly mode: VirtualPaymentMode;
  /**
   * The order's `signData`: a JSON string, signed and returned byte for byte, or an object,
   * serialised once with `JSON.stringify` (that exact string is signed and returned).
   */
  readonly signData: string | object;
  /** The AppKey of the environment (`env`) in signData: production and sandbox differ. */
  readonly appKey: string;
  /** The user's `session_key` from `code2Session`. */
  readonly sessionKey: string;
}

/** The parameters of `wx.requestVirtualPayment`. */
export interface VirtualPaymentParams {
  readonly mode: VirtualPaymentMode;
  /** The exact string that was signed. */
  readonly signData: string;
  /** `hmac_sha256(appKey, "requestVirtualPayment&" + signData)`, lowercase hex. */
  readonly paySig: string;
  /** `hmac_sha256(sessionKey, signData)`, lowercase hex. */
  readonly signature: string;
}

/**
 * Signs the parameters of `wx.requestVirtualPayment` (virtual payment, 虚拟支付):
 * `paySig = hmac_sha256(appKey, "requestVirtualPayment&" + signData)` and
 * `signature = hmac_sha256(sessionKey, signData)`, lowercase hex. Throws a TypeError naming a
 * bad argument.
 *
 * @example
 * const params = signVirtualPayment({ mode: 'short_series_coin', signData: { offerId, buyQuantity: 60, env: 0,
 *   currencyType: 'CNY', outTradeNo, attach: '' }, appKey, sessionKey })
 */
export function signVirtualPayment(options: SignVirtualPaymentOptions): VirtualPaymentParams {
  const api = 'signVirtualPayment';
  const input = optionsOf(api, options, '{ mode, signData, appKey, sessionKey }');
  const { mode } = input;
  if (mode !== 'short_series_goods' && mode !== 'short_series_coin') {
    invalidArgument(api, 'mode', '"short_series_goods" or "short_series_coin"', mode);
  }
  const signData = jsonText(api, 'signData', input.signData);
  const appKey = requireSecret(api, 'appKey', input.appKey, 'the AppKey of the environment');
  const sessionKey = requireSecret(api, 'sessionKey', input.sessionKey, "the user's session_key");
  return {
    mode,
    signData,
    paySig: hmacSha256Hex(appKey, `requestVirtualPayment&${signData}`),
    signature: hmacSha256Hex(sessionKey, signData),
  };
}

/** Options of {@link signVirtualPaymentApi}. */
export interface SignVirtualPaymentApiOptions {
  /** The API's path, e.g. `/xpay/query_order`. */
  readonly uri: string;
  /** The POST body: a JSON string, sent byte for byte, or an object serialised once. */
  readonly body: string | object;
  /** The AppKey of the environment in the body. */
  readonly appKey: string;
  /** The user's `session_key`, for the APIs that also take a user `signature`. @default none */
  readonly sessionKey?: string;
}

/**
 * Signs a call to a virtual payment server API (`/xpay/...`): `paySig` is
 * `hmac_sha256(appKey, uri + "&" + body)`, `signature` (with a `sessionKey`)
 * `hmac_sha256(sessionKey, body)`. Send `body` exactly as returned, with
 * `?access_token=...&pay_sig=<paySig>[&signature=<signature>]`.
 */
export function signVirtualPaymentApi(options: SignVirtualPaymentApiOptions): {
  body: string;
  paySig: string;
  signature?: string;
} {
  const api = 'signVirtualPaymentApi';
  const input = optionsOf(api, options, '{ uri, body, appKey }');
  const uri = requireToken(api, 'uri', input.uri, 'the API path, e.g. "/xpay/query_order"');
  const body = jsonText(api, 'body', input.body);
  const appKey = requireSecret(api, 'appKey', input.appKey, 'the AppKey of the environment');
  const paySig = hmacSha256Hex(appKey, `${uri}&${body}`);
  if (input.sessionKey === undefined) return { body, paySig };
  const sessionKey = requireSecret(api, 'sessionKey', input.sessionKey, "the user's session_key");
  return { body, paySig, signature: hmacSha256Hex(sessionKey, body) };
}
