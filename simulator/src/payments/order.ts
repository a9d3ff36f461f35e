/** WeChat Pay's trade states. */
export type TradeState =
  | 'SUCCESS'
  | 'REFUND'
  | 'NOTPAY'
  | 'CLOSED'
  | 'REVOKED'
  | 'USERPAYING'
  | 'PAYERROR';

/** A prepay_id the order was given, and when (ms on the test clock). */
export interface Prepay {
  readonly id: string;
  readonly issuedAt: number;
}

/** What the host's cashier last answered for the order (for people reading the dashboard). */
export interface CashierNote {
  readonly api: string;
  readonly action: string;
  readonly errMsg: string;
  readonly at: number;
}

/**
 * An order, as stored, whichever API made it. `mchid` is the merchant whose keys sign its
 * requests and receive its notifications: the service provider for a partner order.
 */
export interface OrderRecord {
  readonly key: string;
  /** The API that created it, which decides how the cashier checks `paySign`. */
  readonly api: 'v3' | 'v2';
  readonly mode: 'direct' | 'partner';
  readonly mchid: string;
  readonly subMchid?: string;
  /** `appid`, or a partner order's `sp_appid`. */
  readonly appid: string;
  readonly subAppid?: string;
  readonly outTradeNo: string;
  readonly description: string;
  readonly attach?: string;
  readonly notifyUrl: string;
  readonly total: number;
  readonly currency: string;
  /** `openid`, or a partner order's `sp_openid` / `sub_openid`. */
  readonly payer: { readonly openid?: string; readonly subOpenid?: string };
  /** `time_expire`, ms. */
  readonly timeExpire?: number;
  /** The order's parameters, canonical: the same order created again has the same. */
  readonly fingerprint: string;
  /** Every prepay_id given, the latest last. */
  prepays: Prepay[];
  readonly createdAt: number;
  tradeState: TradeState;
  transactionId?: string;
  /** ms on the test clock. */
  successAt?: number;
  lastCashier?: CashierNote;
}

/** An order's key in the store: out_trade_no is unique per (sub-)merchant. */
export function orderKey(mchid: string, subMchid: string | undefined, outTradeNo: string): string {
  return `${mchid}|${subMchid ?? ''}|${outTradeNo}`;
}

/** The AppID the order is paid in (the mini program's): `sub_appid` when given. */
export function payingAppid(order: OrderRecord): string {
  return order.subAppid ?? order.appid;
}

/** The user who may pay: `sub_openid` when given. */
export function payingOpenid(order: OrderRecord): string | undefined {
  return order.payer.subOpenid ?? order.payer.openid;
}

export function isPaid(order: OrderRecord): boolean {
  return order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND';
}
