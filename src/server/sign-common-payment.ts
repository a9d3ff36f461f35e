import { type SignDataKeys, type SignedData, signWithMode } from './sign-json';

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

/** Options of {@link signCommonPayment}: the order's `signData` (`mchid`, `out_trade_no`, `description`, `amount.order_amount` in fen, `attach`, `env`) and the keys. */
export interface SignCommonPaymentOptions extends SignDataKeys {
  readonly mode: CommonPaymentMode;
}

/** The parameters of `wx.requestCommonPayment`; `paySig` signs `"requestCommonPayment&" + signData`. */
export interface CommonPaymentParams extends SignedData {
  readonly mode: CommonPaymentMode;
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
  return signWithMode('signCommonPayment', options, MODES, 'requestCommonPayment');
}
