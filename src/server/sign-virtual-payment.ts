import { optionsOf, requireSecret, requireToken } from './sign-fields';
import {
  hmacSha256Hex,
  jsonText,
  type SignDataKeys,
  type SignedData,
  signWithMode,
} from './sign-json';

/** The modes of `wx.requestVirtualPayment`. */
export type VirtualPaymentMode = 'short_series_goods' | 'short_series_coin';

const VIRTUAL_MODES: readonly VirtualPaymentMode[] = ['short_series_goods', 'short_series_coin'];

/** Options of {@link signVirtualPayment}. */
export interface SignVirtualPaymentOptions extends SignDataKeys {
  /** `short_series_goods` (items) or `short_series_coin` (tokens). */
  readonly mode: VirtualPaymentMode;
}

/** The parameters of `wx.requestVirtualPayment`; `paySig` signs `"requestVirtualPayment&" + signData`. */
export interface VirtualPaymentParams extends SignedData {
  readonly mode: VirtualPaymentMode;
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
  return signWithMode('signVirtualPayment', options, VIRTUAL_MODES, 'requestVirtualPayment');
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
