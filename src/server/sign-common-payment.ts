import { invalidArgument } from './messages';
import { optionsOf, requireSecret } from './sign-fields';
import { hmacSha256Hex, jsonText } from './sign-json';

/** The modes of `wx.requestCommonPayment` (B2b payment). */
export type CommonPaymentMode =
  | 'retail_pay_goods'
  | 'retail_pay_indirect_goods'
  | 'retail_pay_combined_goods'
  | 'retail_pay_goods_new';

const MODES: readonly CommonPaymentMode[] = [
  'retail_pay_goods',
  'retail_pay_indirect_goods',
  'retail_pay_combined_goods',
  'retail_pay_goods_new',
];

/** Options of {@link signCommonPayment}. */
export interface SignCommonPaymentOptions {
  /** @default none: required */
  readonly mode: CommonPaymentMode;
  /**
   * The order's `signData` (`mchid`, `out_trade_no`, `description`, `amount.order_amount` in
   * fen, `attach`, `env`): a JSON string, signed and returned byte for byte, or an object,
   * serialised once (that exact string is signed and returned).
   */
  readonly signData: string | object;
  /** The AppKey of the environment (`env`) in signData. */
  readonly appKey: string;
  /** The user's `session_key` from `code2Session`. */
  readonly sessionKey: string;
}

/** The parameters of `wx.requestCommonPayment`. */
export interface CommonPaymentParams {
  readonly mode: CommonPaymentMode;
  /** The exact string that was signed. */
  readonly signData: string;
  /** `hmac_sha256(appKey, "requestCommonPayment&" + signData)`, lowercase hex. */
  readonly paySig: string;
  /** `hmac_sha256(sessionKey, signData)`, lowercase hex. */
  readonly signature: string;
}

/**
 * Signs the parameters of `wx.requestCommonPayment` (B2b payment), the virtual payment scheme
 * with the B2b API's name: `paySig = hmac_sha256(appKey, "requestCommonPayment&" + signData)`
 * and `signature = hmac_sha256(sessionKey, signData)`, lowercase hex. Throws a TypeError naming
 * a bad argument.
 *
 * @example
 * const params = signCommonPayment({ mode: 'retail_pay_goods', signData: { mchid, out_trade_no,
 *   description, amount: { order_amount: 6800 }, env: 0 }, appKey, sessionKey })
 */
export function signCommonPayment(options: SignCommonPaymentOptions): CommonPaymentParams {
  const api = 'signCommonPayment';
  const input = optionsOf(api, options, '{ mode, signData, appKey, sessionKey }');
  const mode = input.mode as CommonPaymentMode;
  if (MODES.indexOf(mode) < 0)
    invalidArgument(api, 'mode', MODES.map((name) => `"${name}"`).join(', '), mode);
  const signData = jsonText(api, 'signData', input.signData);
  const appKey = requireSecret(api, 'appKey', input.appKey, 'the AppKey of the environment');
  const sessionKey = requireSecret(api, 'sessionKey', input.sessionKey, "the user's session_key");
  return {
    mode,
    signData,
    paySig: hmacSha256Hex(appKey, `requestCommonPayment&${signData}`),
    signature: hmacSha256Hex(sessionKey, signData),
  };
}
